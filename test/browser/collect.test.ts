// A citizen submits a proposal to the demo collect step in a real browser, JavaScript on (in
// French) and off (in English): the list, a refused form (errors beside the fields), similar
// proposals while typing (with JavaScript) or on request (without), the submission and the
// proposal's page, then a filtered search (swapped in place with JavaScript); axe-core on every
// page of the way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';

/** Clicks a submit button and waits for the page the POST leads to (redirect or re-render). */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

describe('a citizen submits a proposal in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const site = useDemoSite(['js', 'nojs'].map((who) => ({ email: `collecte-${who}@exemple.fr`, name: `Proposeur ${who}` })));

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';

    test(`submit a proposal, read it, find it (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await logIn(page, `collecte-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.goto('/projects/charte-participation');
        const href = await page.locator('.timeline a[href^="/collect/"]').first().getAttribute('href');
        assert.ok(href, 'the charter has a collect step');
        await page.goto(`${href}?sort=newest`);
        assert.equal(await pageLang(page), lang);
        assert.ok((await page.locator('.collect-card').count()) >= 10, 'the demo proposals');
        await expectNoAxeViolations(page, `the proposals (${mode})`);

        // The form: refused first (no summary, no category), errors beside the fields.
        await Promise.all([page.waitForEvent('framenavigated'), page.click(`a[href="${href}/proposals/new"]`)]);
        await page.fill('#field-title', `Un abri pour les vélos du marché (${tag})`);
        if (javaScript) {
          // Similar proposals follow what is typed.
          await page.waitForSelector('#collect-similar li a');
          assert.match((await page.locator('#collect-similar').textContent()) ?? '', /Un abri à vélos fermé près de la gare/);
        } else {
          await submit(page, 'button[name="intent"][value="check"]');
          assert.match((await page.locator('#collect-similar').textContent()) ?? '', /abri à vélos fermé/);
          assert.equal(await page.inputValue('#field-title'), `Un abri pour les vélos du marché (${tag})`, 'kept');
        }
        await expectNoAxeViolations(page, `the proposal form with similar proposals (${mode})`);
        await submit(page, 'button[name="intent"][value="submit"]');
        assert.equal(await page.locator('#error-summary').count(), 1);
        assert.equal(await page.locator('#field-summary-error').count(), 1);
        assert.equal(await page.locator('#field-category-error').count(), 1);
        await expectNoAxeViolations(page, `the refused proposal form (${mode})`);

        await page.fill('#field-summary', 'Des arceaux couverts au bout de la halle.');
        await page.fill('#field-body', 'Les cyclistes du samedi ne savent pas où attacher leur vélo.');
        await page.selectOption('#field-category', { index: 2 });
        await page.fill('#field-cost', '8000');
        await submit(page, 'button[name="intent"][value="submit"]');
        assert.match(new URL(page.url()).pathname, /^\/collect\/\d+\/proposals\/\d+$/);
        assert.match((await page.locator('.collect-ref').textContent()) ?? '', /n[°o]\.? ?\d+/);
        assert.match((await page.locator('h1').textContent()) ?? '', /Un abri pour les vélos du marché/);
        await expectNoAxeViolations(page, `the new proposal's page (${mode})`);

        // Found by its words, with the other filters.
        await page.goto(href);
        await page.fill('#filter-q', `marche ${tag}`);
        if (javaScript) {
          await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
          await page.click('.collect-filters button[type=submit]');
          await page.waitForURL((u) => u.searchParams.get('q') === `marche ${tag}`);
          await page.waitForFunction(() => document.querySelectorAll('.collect-card').length === 1);
          assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'filtered in place');
        } else {
          await submit(page, '.collect-filters button[type=submit]');
        }
        assert.deepEqual(await page.locator('.collect-card h3').allTextContents(), [`Un abri pour les vélos du marché (${tag})`]);
        await expectNoAxeViolations(page, `the filtered proposals (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
