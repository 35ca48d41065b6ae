// The demo participatory budget's vote in a real browser, JavaScript on (in French) and off (in
// English), as a visitor and as a voter: the proposals in the vote filtered by words and sorted by
// supports (swapped in place, the address following, with JavaScript), the grid and the list, a
// proposal's page with its vote button and what is left of the budget; axe-core on every page and
// the Nu HTML checker on what was seen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';
import { javaSkip, validateHtml, type HtmlDocument } from '../helpers/html-validator.ts';

describe('the proposals of a vote in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const site = useDemoSite(['js', 'nojs'].map((who) => ({ email: `vote-pages-${who}@exemple.fr`, name: `Votante ${who}` })));
  const docs: HtmlDocument[] = [];
  const keep = async (page: Page, label: string) => void docs.push({ label, html: await page.content() });

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';

    test(`filter, sort and read the proposals in the vote (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await page.goto('/projects/charte-participation');
        if (lang === 'en') await switchLanguage(page, 'en');
        const href = await page.locator('.timeline a[href^="/selection/"]').first().getAttribute('href');
        assert.ok(href, 'the charter has a vote');
        await page.goto(href);
        assert.equal(await pageLang(page), lang);
        assert.equal(await page.locator('.selection-card').count(), 10, 'the demo proposals');
        assert.equal(await page.locator('.selection-vote a[href^="/login"]').count(), 10, 'a visitor is asked to log in to vote');
        await expectNoAxeViolations(page, `the proposals, as a visitor (${mode})`);
        await keep(page, `the proposals, as a visitor (${mode})`);

        // Words, then the sort by supports: in place with JavaScript, the address following.
        await page.fill('#filter-q', 'velos');
        if (javaScript) {
          await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
          await page.click('.selection-filters button[type=submit]');
          await page.waitForURL((u) => u.searchParams.get('q') === 'velos');
          await page.waitForFunction(() => document.querySelectorAll('.selection-card').length === 2);
          await page.click('a[href*="sort=supports"]');
          await page.waitForURL((u) => u.searchParams.get('sort') === 'supports');
          await page.waitForFunction(() => document.querySelector('a[href*="sort=supports"]')?.getAttribute('aria-current') === 'true');
          assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'filtered and sorted in place');
        } else {
          await Promise.all([page.waitForEvent('framenavigated'), page.click('.selection-filters button[type=submit]')]);
          await Promise.all([page.waitForEvent('framenavigated'), page.click('a[href*="sort=supports"]')]);
        }
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('q'), 'velos');
        assert.equal(url.searchParams.get('sort'), 'supports');
        // Two proposals speak of bikes: the arches before the school (4 demo votes) lead the shelter (2).
        const titles = await page.locator('.selection-card h3').allTextContents();
        assert.equal(titles.length, 2);
        assert.match(titles[0]!, /arceaux à vélos/);
        assert.match(titles[1]!, /abri à vélos/);
        await expectNoAxeViolations(page, `the proposals filtered and sorted by supports (${mode})`);
        await keep(page, `the proposals filtered and sorted (${mode})`);

        // The list view keeps the filter.
        await page.click('a[href*="view=list"]');
        await page.waitForSelector('.selection-view-list');
        assert.equal(await page.locator('.selection-card').count(), 2);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    test(`a voter reads a proposal's page: its vote button and what is left of the budget (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await logIn(page, `vote-pages-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.goto('/projects/charte-participation');
        const href = (await page.locator('.timeline a[href^="/selection/"]').first().getAttribute('href'))!;
        await page.goto(`${href}?sort=oldest`);
        assert.equal(await page.locator('#selection-ballot-summary').count(), 1, 'what is left of the ballot');
        await expectNoAxeViolations(page, `the proposals, as a voter (${mode})`);
        await keep(page, `the proposals, as a voter (${mode})`);
        await Promise.all([page.waitForEvent('framenavigated'), page.locator('.selection-card h3 a').first().click()]);
        assert.match(new URL(page.url()).pathname, /^\/selection\/\d+\/proposals\/\d+$/);
        assert.match((await page.locator('h1').textContent()) ?? '', /Un verger partagé/);
        assert.match((await page.locator('.selection-facts').textContent()) ?? '', /12[\s\u202f\u00a0,]?000/);
        assert.equal(await page.locator('.selection-vote button[type=submit]').count(), 1, 'a vote button');
        assert.match((await page.locator('#selection-ballot-summary').textContent()) ?? '', /100[\s\u202f\u00a0,]?000/);
        assert.equal(await page.locator('a[href^="/collect/"][href*="/proposals/"]').count(), 1, 'the way to its comments');
        await expectNoAxeViolations(page, `a proposal's page, as a voter (${mode})`);
        await keep(page, `a proposal's page, as a voter (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  describe('the pages seen are valid HTML', { skip: javaSkip }, () => {
    // Runs beside the browser tests (concurrency): it waits for their pages.
    test('the Nu checker reports no error on the pages seen', { timeout: 180_000 }, async () => {
      for (let i = 0; i < 1500 && docs.length < 8; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(docs.length, 8, 'the pages of both modes');
      assert.deepEqual(await validateHtml(docs), []);
    });
  });
});
