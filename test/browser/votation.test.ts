// A voter of an electoral roll takes part in a votation in a real browser, JavaScript on (in
// French) and off (in English): enters their access code, answers the single choice with the
// mouse and the majority judgment grid with the keyboard only, keeps the receipt, and after the
// close finds their ballot by it; axe-core on every page of the way.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { useDemoSite } from '../helpers/demo-site.ts';
import { addRoll, makeVotation, setState } from '../../src/modules/votation/test-fixtures.ts';

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** The id of the element that has the focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('a code holder votes in a votation in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const site = useDemoSite([]);
  const votes: Record<string, { stepId: number; code: string }> = {};
  before(() => {
    const db = site.server.app.db;
    for (const tag of ['js', 'nojs']) {
      const v = makeVotation(db, { electorate: 'roll' });
      votes[tag] = { stepId: v.stepId, code: addRoll(db, site.server.dataDir, v.stepId, 1)[0]! };
    }
  });

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';

    test(`vote with an access code, grade with the keyboard, find the ballot by its receipt (${mode})`, async () => {
      const { stepId, code } = votes[tag]!;
      const base = `/votation/${stepId}`;
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await page.goto(base);
        if (lang === 'en') await switchLanguage(page, 'en');
        assert.equal(await pageLang(page), lang);
        await expectNoAxeViolations(page, `the votation (${mode})`);
        await page.goto(`${base}/secrecy`);
        await expectNoAxeViolations(page, `the secrecy page (${mode})`);
        await page.goto(base);

        // A mistyped code is refused in place; the right one, typed loosely, opens the ballot.
        await page.fill('#field-code', 'ABCD-ABCD');
        await submit(page, 'form[action$="/code"] button[type=submit]');
        assert.equal(await page.locator('#field-code-error').count(), 1);
        await expectNoAxeViolations(page, `a refused code (${mode})`);
        await page.fill('#field-code', code.toLowerCase().replace(/-/g, ' '));
        await submit(page, 'form[action$="/code"] button[type=submit]');
        assert.equal(await page.locator('form.votation-ballot').count(), 1, 'the ballot is open');
        await expectNoAxeViolations(page, `the ballot (${mode})`);

        // The single choice with the mouse; then the grid with the keyboard only: Tab into each
        // option's group of grades, arrows to move to a grade (and check it), Space for the first.
        await page.click('#q0-1');
        await page.keyboard.press('Tab'); // the blank vote
        const wanted = [0, 2, 5];
        for (const [option, grade] of wanted.entries()) {
          await page.keyboard.press('Tab');
          assert.equal(await focused(page), `q1_o${option}-0`, `Tab reaches the grades of option ${option}`);
          if (grade === 0) await page.keyboard.press('Space');
          for (let i = 0; i < grade; i++) await page.keyboard.press('ArrowRight');
          assert.equal(await focused(page), `q1_o${option}-${grade}`);
        }
        for (const [option, grade] of wanted.entries()) assert.equal(await page.isChecked(`#q1_o${option}-${grade}`), true, `option ${option} graded ${grade}`);
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type), 'submit');
        await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
        await page.waitForLoadState('load');
        const receipt = (await page.locator('#votation-receipt').textContent())?.trim() ?? '';
        assert.match(receipt, /^([0-9a-f]{4}-){7}[0-9a-f]{4}$/);
        await expectNoAxeViolations(page, `the receipt (${mode})`);

        // After the close: the results, then the ballot found by its receipt.
        setState(site.server.app.db, stepId, 'closed');
        site.server.app.pageCache.clear();
        await page.goto(base);
        assert.equal(await page.locator('table.votation-result').count(), 2);
        assert.match((await page.locator('.votation-hash').textContent()) ?? '', /^[0-9a-f]{64}$/);
        await expectNoAxeViolations(page, `the results (${mode})`);
        await page.fill('#field-receipt', receipt);
        await submit(page, 'form[action$="/lookup"] button[type=submit]');
        const answers = (await page.locator('.votation-answers').textContent()) ?? '';
        assert.match(answers, /Place de la Fontaine/);
        assert.match(answers, /Bancs : Excellent[\s\S]*Arbres : Bien[\s\S]*Fontaine : À rejeter/); // the grades are the question's own words
        await expectNoAxeViolations(page, `a ballot found by its receipt (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
