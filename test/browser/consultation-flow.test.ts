// A citizen's consultation journey in a real browser, JavaScript on (in French) and off (in
// English): read a section, post a contribution, vote on it, add an argument against it, then
// propose an amendment and read its diff; axe-core on every page of the way.
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

describe('a citizen takes part in a consultation in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const site = useDemoSite(['js', 'nojs'].map((who) => ({ email: `citoyen-${who}@exemple.fr`, name: `Citoyen ${who}` })));

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';

    test(`contribution, vote, argument and amendment with its diff (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await logIn(page, `citoyen-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');

        // The demo charter's consultation, then its first section open to contributions.
        await page.goto('/projects/charte-participation');
        const step = await page.locator('.timeline a[href^="/consultation/"]').first().getAttribute('href');
        assert.ok(step, 'the charter has a consultation step');
        await page.goto(step);
        await expectNoAxeViolations(page, `the consultation step (${mode})`);
        const sections = await page.locator('.toc a[href*="/sections/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        // The first section open to contributions, and the amendments tab of the first open to them.
        let sectionUrl = '';
        let amendUrl = '';
        for (const href of sections) {
          await page.goto(href);
          if (!amendUrl && (await page.locator('main a[href*="kind=amendment"]').count())) amendUrl = (await page.locator('main a[href*="kind=amendment"]').first().getAttribute('href')) ?? '';
          if (!sectionUrl && (await page.locator('form[action$="/contributions"]').count())) sectionUrl = href;
          if (sectionUrl && amendUrl) break;
        }
        assert.ok(sectionUrl && amendUrl, 'sections take contributions and amendments');
        await page.goto(sectionUrl);
        assert.equal(await pageLang(page), lang);
        await expectNoAxeViolations(page, `a section (${mode})`);

        // Post a contribution: the browser lands on its permalink.
        const title = `Une idée ${tag} pour la charte`;
        const radios = page.locator('form[action$="/contributions"] input[name="type_id"]');
        if ((await radios.count()) > 1) await radios.first().check();
        await page.fill('#field-title', title);
        await page.fill('#field-body', 'Publier **chaque année** un bilan de la participation.');
        await submit(page, 'form[action$="/contributions"] button[type=submit]');
        assert.match(new URL(page.url()).pathname, /\/consultation\/\d+\/items\/\d+$/);
        assert.equal(await page.locator('h1').textContent(), title);
        assert.equal(await page.locator('main strong', { hasText: 'chaque année' }).count(), 1, 'the Markdown is rendered');
        await expectNoAxeViolations(page, `the new contribution (${mode})`);
        const itemUrl = new URL(page.url()).pathname;

        // Vote on it: swapped in place with htmx, a redirect back without JavaScript.
        const agree = page.locator('form.vote[id^="vote-item-"] button[value="agree"]');
        if (javaScript) {
          await agree.click();
          await page.waitForSelector('form.vote[id^="vote-item-"] button[value="agree"][aria-pressed="true"]');
        } else {
          await submit(page, 'form.vote[id^="vote-item-"] button[value="agree"]');
          assert.equal(new URL(page.url()).pathname, itemUrl);
          assert.equal(await agree.getAttribute('aria-pressed'), 'true');
        }

        // An argument against it.
        await page.check('form.argument-form input[name="side"][value="against"]');
        await page.fill('form.argument-form textarea[name="body"]', `Un bilan annuel demande du temps aux services (${tag}).`);
        await submit(page, 'form.argument-form button[type=submit]');
        assert.equal(new URL(page.url()).pathname, itemUrl);
        assert.equal(await page.locator('.arguments-against', { hasText: `demande du temps aux services (${tag})` }).count(), 1, 'the argument is listed against');
        await expectNoAxeViolations(page, `a contribution with its argument (${mode})`);

        // Propose an amendment to the section's text and read the word-level diff.
        await page.goto(amendUrl);
        await Promise.all([page.waitForEvent('framenavigated'), page.click('a[href$="/amendments/new"]')]);
        await page.waitForLoadState('load');
        await expectNoAxeViolations(page, `the amendment form (${mode})`);
        const current = await page.inputValue('#field-proposed_text');
        assert.ok(current.length > 0, 'the form starts from the section text');
        await page.fill('#field-proposed_text', `${current.trimEnd()} Ajout citoyen ${tag}.`);
        await page.fill('#field-body', 'Préciser le calendrier rend la charte vérifiable.');
        await submit(page, 'form[action$="/amendments"] button[type=submit]');
        assert.match(new URL(page.url()).pathname, /\/consultation\/\d+\/items\/\d+$/);
        assert.equal(await page.locator('.amendment-diff ins', { hasText: `Ajout citoyen ${tag}` }).count(), 1, 'the addition is marked in the diff');
        await expectNoAxeViolations(page, `the amendment and its diff (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
