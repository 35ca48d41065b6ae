// A citizen answers the demo local-democracy barometer (over a hundred questions) in a real
// browser, JavaScript on (in French) and off (in English): pages through it, saves a draft,
// comes back and resumes it, answers a grid and a ranking with the keyboard only, reviews and
// submits; with JavaScript a dependent question appears at once. axe-core on the pages on the way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** Answers what the server said was missing on this page: a first choice, positions 1..n, a text. */
async function answerErrors(page: Page): Promise<void> {
  // By id: with JavaScript each answer re-renders the page's questions (an htmx preview).
  const ids = await page.locator('.question.field-error').evaluateAll((els) => els.map((e) => e.id));
  for (const question of ids.map((id) => page.locator(`#${id}`))) {
    const rows = question.locator('fieldset.question-row');
    if (await rows.count()) {
      for (const row of await rows.all()) await row.locator('input[type=radio]').first().check();
    } else if (await question.locator('.question-rank select').count()) {
      const n = Number((await question.locator('.question-rank select').first().locator('option').count()) - 1);
      const selects = await question.locator('.question-rank select').all();
      for (let i = 0; i < n; i++) await selects[i]!.selectOption(String(i + 1));
    } else if (await question.locator('input[type=radio]').count()) {
      await question.locator('input[type=radio]').first().check();
    } else if (await question.locator('select').count()) {
      await question.locator('select').selectOption({ index: 1 });
    } else {
      await question.locator('input, textarea').first().fill('Une réponse');
    }
  }
}

/** Radio groups take one Tab each and Space picks the focused choice: the grid answered without a mouse. */
async function answerGridWithKeyboard(page: Page): Promise<number> {
  const grid = page.locator('fieldset.question-grid').first();
  const rows = await grid.locator('fieldset.question-row').count();
  await grid.locator('input[type=radio]').first().focus();
  for (let r = 0; r < rows; r++) {
    await page.keyboard.press('ArrowRight'); // the second column of this row
    if (r < rows - 1) await page.keyboard.press('Tab');
  }
  return grid.locator('input[type=radio]:checked').count();
}

/** A ranking's position selects, from one to the next with Tab, each set with the arrow keys. */
async function rankWithKeyboard(page: Page): Promise<{ positions: string[]; n: number }> {
  const ranking = page.locator('fieldset.question-ranking').first();
  const selects = ranking.locator('.question-rank select');
  const n = (await selects.first().locator('option').count()) - 1;
  await selects.first().focus();
  for (let i = 0; i < n; i++) {
    for (let k = 0; k <= i; k++) await page.keyboard.press('ArrowDown');
    if (i < n - 1) await page.keyboard.press('Tab');
  }
  return { positions: await selects.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value)), n };
}

describe('a citizen answers the barometer in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const site = useDemoSite(['js', 'nojs'].map((who) => ({ email: `enquete-${who}@exemple.fr`, name: `Répondant ${who}` })));

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';

    test(`page through, save a draft, resume, answer a grid and a ranking with the keyboard, review and submit (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await logIn(page, `enquete-${javaScript ? 'js' : 'nojs'}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.goto('/projects/charte-participation');
        const href = await page.locator('.timeline a[href^="/questionnaire/"]').first().getAttribute('href');
        assert.ok(href, 'the charter has a questionnaire step');
        await page.goto(href);
        assert.equal(await pageLang(page), lang);
        await expectNoAxeViolations(page, `the questionnaire (${mode})`);
        await page.goto(`${href}/answer`);
        assert.match((await page.locator('#questionnaire-progress').textContent()) ?? '', /1/);
        await expectNoAxeViolations(page, `the first page (${mode})`);

        // Next without the required answer: the error beside the question, then answered.
        await submit(page, 'button[value="next"]');
        assert.ok((await page.locator('.question.field-error').count()) > 0, 'the required question is flagged');
        await expectNoAxeViolations(page, `a page with an error (${mode})`);
        await answerErrors(page);
        await submit(page, 'button[value="next"]');

        // Page 2, then a draft saved on page 3 and resumed from the questionnaire's page.
        await submit(page, 'button[value="next"]');
        const progress = await page.locator('#questionnaire-progress').textContent();
        await submit(page, 'button[value="save"]');
        await page.goto(href);
        await submit(page, `a[href="${href}/answer"]`);
        assert.equal(await page.locator('#questionnaire-progress').textContent(), progress, 'resumed where the draft stopped');

        if (javaScript) {
          // A dependent question appears at once: "which meetings?" once "yes" is chosen.
          for (let i = 0; i < 3 && !(await page.locator('text=Au cours des douze derniers mois').count()); i++) {
            await answerErrors(page);
            await submit(page, 'button[value="next"]');
          }
          assert.equal(await page.locator('text=Lesquelles ?').count(), 0);
          await page.locator('fieldset.question-yes_no', { hasText: 'douze derniers mois' }).locator('input[value="yes"]').check();
          await page.waitForSelector('text=Lesquelles ?');
        }

        let sawGrid = false;
        let sawRanking = false;
        for (let i = 0; i < 30 && !new URL(page.url()).pathname.endsWith('/review'); i++) {
          if (!sawGrid && (await page.locator('fieldset.question-grid').count())) {
            sawGrid = true;
            assert.ok((await answerGridWithKeyboard(page)) > 1, 'grid rows answered with the keyboard');
            await expectNoAxeViolations(page, `a grid (${mode})`);
          }
          if (!sawRanking && (await page.locator('fieldset.question-ranking').count())) {
            sawRanking = true;
            const { positions, n } = await rankWithKeyboard(page);
            assert.deepEqual(positions.filter(Boolean), Array.from({ length: n }, (_, i) => String(i + 1)), 'options ranked with the keyboard');
            await expectNoAxeViolations(page, `a ranking (${mode})`);
          }
          const last = await page.locator('button[value="review"]').count();
          await submit(page, last ? 'button[value="review"]' : 'button[value="next"]');
          if (await page.locator('.question.field-error').count()) {
            await answerErrors(page);
            await submit(page, last ? 'button[value="review"]' : 'button[value="next"]');
          }
        }
        assert.ok(sawGrid && sawRanking, 'the grid and the ranking were met');
        assert.match(new URL(page.url()).pathname, /\/review$/);
        await expectNoAxeViolations(page, `the review (${mode})`);
        await submit(page, 'form[action$="/submit"] button');
        assert.equal(new URL(page.url()).pathname, href);
        assert.equal(await page.locator(`form[action="${href}/edit"], a[href="${href}/answer"]`).count(), 0, 'answered once: no way to start again');
        await page.goto(`${href}/results`);
        assert.ok((await page.locator('svg.questionnaire-bar rect.value').count()) > 10, 'charts drawn');
        assert.ok((await page.locator('table.questionnaire-merit').count()) === 1, 'the merit profile table');
        await expectNoAxeViolations(page, `the results (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
