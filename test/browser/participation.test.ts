// Participation pages on the demo content in a real browser (cards, project, consultation, votes,
// amendment diff) with axe, and a keyboard vote with JavaScript on (htmx) and off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';

/** The first matching link's address, or '' at once when there is none (no waiting). */
async function hrefOf(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first();
  return (await link.count()) ? ((await link.getAttribute('href')) ?? '') : '';
}

async function follow(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute('href');
  assert.ok(href, `a link matching ${selector} on ${page.url()}`);
  const res = await page.goto(href);
  assert.equal(res?.status(), 200, href);
  return href;
}

describe('the participation pages in a real browser', { skip: browserSkip }, () => {
  const site = useDemoSite(['js', 'nojs'].map((who) => ({ email: `vote-${who}@exemple.fr`, name: `Votant ${who}` })));

  test('a visitor goes from the project cards to an amendment, and every page passes axe', async () => {
    const { context, page, problems } = await openTab(site.browser, site.server.url, true);
    try {
      await page.goto('/');
      assert.ok((await page.locator('.cards .card').count()) > 0, 'the demo projects are listed');
      await expectNoAxeViolations(page, '/ with projects');

      // The project that has a consultation step in its timeline.
      const projects = await page.locator('.cards .card h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      let consultation = '';
      for (const href of projects) {
        await page.goto(href);
        consultation = await hrefOf(page, '.timeline a[href^="/consultation/"]');
        if (consultation) break;
      }
      assert.ok(consultation, 'a demo project has a consultation step');
      await expectNoAxeViolations(page, 'a project page');

      await page.goto(consultation);
      await expectNoAxeViolations(page, 'a consultation step');

      // A section with items, their vote bars and sort links; then a section with amendments.
      const sections = await page.locator('.toc a[href*="/sections/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      let withVotes = false;
      let amendment = '';
      for (const href of sections) {
        await page.goto(href);
        if (!withVotes && (await page.locator('.cards .card .vote-bar').count()) > 0) {
          withVotes = true;
          await expectNoAxeViolations(page, 'a section with items');
          const segment = await page.locator('.vote-bar > rect').first().boundingBox();
          assert.ok(segment && segment.width > 0, 'vote bar segments have a width');
        }
        if (!amendment && (await page.locator('main a[href*="kind=amendment"]').count()) > 0) {
          await follow(page, 'main a[href*="kind=amendment"]');
          amendment = await hrefOf(page, '.cards .card h3 a');
        }
        if (withVotes && amendment) break;
      }
      assert.ok(withVotes, 'a section lists items with votes');
      assert.ok(amendment, 'a section has an amendment');
      await page.goto(amendment);
      assert.equal(await page.locator('.amendment-diff ins, .amendment-diff del').count() > 0, true, 'the diff is shown');
      await expectNoAxeViolations(page, 'an amendment with its diff');

      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

    test(`a participant votes on a section from the keyboard, and the widget shows the choice (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await logIn(page, `vote-${javaScript ? 'js' : 'nojs'}@exemple.fr`);

        // The first consultation section whose own vote widget is open to this person.
        await page.goto('/');
        const projects = await page.locator('.cards .card h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        let widget = '';
        for (const project of projects) {
          await page.goto(project);
          const consultation = await hrefOf(page, '.timeline a[href^="/consultation/"]');
          if (!consultation) continue;
          await page.goto(consultation);
          const sections = await page.locator('.toc a[href*="/sections/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
          for (const section of sections) {
            await page.goto(section);
            const form = page.locator('form.vote[id^="vote-section-"]');
            if (await form.count()) {
              widget = (await form.getAttribute('id')) ?? '';
              break;
            }
          }
          if (widget) break;
        }
        assert.ok(widget, 'a section takes votes');
        const sectionUrl = page.url();
        if (javaScript) await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

        await page.focus(`#${widget}-agree`);
        if (javaScript) {
          await page.keyboard.press('Enter');
          await page.waitForSelector(`#${widget}-agree[aria-pressed="true"]`);
          // Swapped in place: same document, and the keyboard focus stays on the pressed button.
          assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true);
          await page.waitForFunction((id) => document.activeElement?.id === id, `${widget}-agree`);
        } else {
          await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
          await page.waitForLoadState('load');
          assert.equal(page.url().split('#')[0], sectionUrl.split('#')[0], 'back on the section');
          assert.equal(await page.locator(`#${widget}-agree`).getAttribute('aria-pressed'), 'true');
        }
        assert.ok((await page.locator(`#${widget} .vote-bar`).count()) === 1, 'the results are shown');
        await expectNoAxeViolations(page, `a section after voting (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

    test(`filtering the projects by theme narrows the list and keeps the choice in the address (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await page.goto('/');
        const before = await page.locator('#project-list .card').count();
        const options = await page.locator('#filter-theme option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
        // The theme that leaves fewest projects, so the narrowing shows.
        let best = { value: '', count: Infinity };
        for (const value of options) {
          const html = await (await fetch(`${site.server.url}/?theme=${value}`)).text();
          const count = html.split('class="card clickable"').length - 1;
          if (count > 0 && count < best.count) best = { value, count };
        }
        assert.ok(best.value && best.count < before, 'a theme narrows the demo list');
        if (javaScript) await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

        await page.selectOption('#filter-theme', best.value);
        if (javaScript) {
          // htmx answers the change: the list is swapped in place and the address follows.
          await page.waitForFunction((n) => document.querySelectorAll('#project-list .card').length === n, best.count);
          await page.waitForURL((u) => u.searchParams.get('theme') === best.value);
          assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true);
        } else {
          await Promise.all([page.waitForEvent('framenavigated'), page.click('form.filters button[type=submit]')]);
          await page.waitForLoadState('load');
          assert.equal(new URL(page.url()).searchParams.get('theme'), best.value);
          assert.equal(await page.locator('#project-list .card').count(), best.count);
        }
        assert.equal(await page.locator('#filter-theme').inputValue(), best.value);
        await expectNoAxeViolations(page, `/ filtered by theme (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
