// Moderation in a real browser, JavaScript on (in French) and off (in English): a citizen posts
// an argument in the demo debate, another reports it, an administrator (who moderates) finds it
// in the queue and hides it with a reason, and a visitor no longer sees it in the list and reads
// "hidden by moderation" and the reason on its page; the log shows the action. axe-core checks
// every page of the way, and the Nu HTML checker on the HTML the server sent for each of them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab, pageLang, switchLanguage, type Tab } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';
import { javaSkip, validateHtml, type HtmlDocument } from '../helpers/html-validator.ts';

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

describe('report a contribution, moderate it, see the result as a visitor, in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const tags = ['js', 'nojs'];
  const site = useDemoSite([
    ...tags.map((tag) => ({ email: `auteur-${tag}@exemple.fr`, name: `Auteur ${tag}` })),
    ...tags.map((tag) => ({ email: `signale-${tag}@exemple.fr`, name: `Signaleur ${tag}` })),
    ...tags.map((tag) => ({ email: `moderation-${tag}@exemple.fr`, name: `Modération ${tag}`, role: 'admin' as const })),
  ]);

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';

    /** A tab logged in as this person (or a visitor), in the test's language. */
    async function tabOf(browser: Browser, email: string | null): Promise<Tab> {
      const tab = await openTab(browser, site.server.url, javaScript);
      if (email) await logIn(tab.page, email);
      else await tab.page.goto('/');
      if (lang === 'en') await switchLanguage(tab.page, 'en');
      return tab;
    }

    test(`report, hide with a reason, then read it as a visitor (${mode})`, async () => {
      const tabs: Tab[] = [];
      const docs: HtmlDocument[] = [];
      /** axe on the page as the browser holds it, and its address's HTML kept for the checker. */
      async function check(tab: Tab, label: string): Promise<void> {
        await expectNoAxeViolations(tab.page, `${label} (${mode})`);
        docs.push({ label: `${label} (${mode})`, html: await (await tab.context.request.get(tab.page.url())).text() });
      }
      try {
        // The author posts an argument in the demo charter's debate.
        const author = await tabOf(site.browser, `auteur-${tag}@exemple.fr`);
        tabs.push(author);
        await author.page.goto('/projects/charte-participation');
        const href = await author.page.locator('.timeline a[href^="/debate/"]').first().getAttribute('href');
        assert.ok(href, 'the charter has a debate step');
        await author.page.goto(href);
        const text = `Un argument à modérer, ${tag}.`;
        await author.page.check('form.debate-argument-form input[name="side"][value="against"]');
        await author.page.fill('form.debate-argument-form textarea[name="body"]', text);
        await submit(author.page, 'form.debate-argument-form button[type=submit]');
        const mine = author.page.locator('.debate-side-against .debate-argument', { hasText: text });
        const permalink = await mine.locator('a[href*="/arguments/"]').first().getAttribute('href');
        assert.ok(permalink, 'the new argument links to its page');
        const id = Number(/\/arguments\/(\d+)$/.exec(permalink)?.[1]);
        assert.equal(await mine.locator('a.report-link').count(), 0, 'no report link on one’s own');

        // Another citizen reports it from its page.
        const reporter = await tabOf(site.browser, `signale-${tag}@exemple.fr`);
        tabs.push(reporter);
        await reporter.page.goto(permalink);
        await submit(reporter.page, 'a.report-link');
        assert.equal(new URL(reporter.page.url()).pathname, `/moderation/report/${id}`);
        assert.equal(await pageLang(reporter.page), lang);
        await check(reporter, 'the report form');
        // Without a reason: refused, with the error summary.
        await submit(reporter.page, 'form.moderation-report button[type=submit]');
        assert.equal(await reporter.page.locator('.error-summary').count(), 1);
        await expectNoAxeViolations(reporter.page, `the refused report form (${mode})`);
        await reporter.page.check('input[name="reason"][value="offensive"]');
        await reporter.page.fill('#field-details', 'Des propos blessants.');
        await submit(reporter.page, 'form.moderation-report button[type=submit]');
        assert.equal(new URL(reporter.page.url()).pathname, permalink);
        assert.equal(await reporter.page.locator('[role=status], .flash', { hasText: lang === 'fr' ? /signalement a été transmis/ : /report was sent/ }).count() > 0, true, 'thanked');
        await check(reporter, 'the contribution after reporting');

        // The moderator's queue, the item, the hiding.
        const moderator = await tabOf(site.browser, `moderation-${tag}@exemple.fr`);
        tabs.push(moderator);
        await moderator.page.goto('/moderation');
        const row = moderator.page.locator(`#queue-${id}`);
        assert.equal(await row.count(), 1, 'the reported argument is in the queue');
        assert.match((await row.textContent()) ?? '', lang === 'fr' ? /Propos injurieux ou haineux/ : /Offensive or hateful/);
        await check(moderator, 'the moderation queue');
        await submit(moderator.page, `#queue-${id} a[href="/moderation/items/${id}"]`);
        await check(moderator, 'a moderation item');
        const reason = `Propos blessants envers une personne (${tag})`;
        await moderator.page.fill('#field-hide_motive', reason);
        await submit(moderator.page, `form[action="/moderation/items/${id}/hide"] button[type=submit]`);
        assert.equal(new URL(moderator.page.url()).pathname, '/moderation');
        assert.equal(await moderator.page.locator(`#queue-${id}`).count(), 0, 'dealt with: out of the queue');
        await check(moderator, 'the queue after hiding');
        await moderator.page.goto('/moderation/log');
        assert.equal(await moderator.page.locator('.moderation-log tr', { hasText: reason }).count(), 1, 'logged');
        await check(moderator, 'the moderation log');

        // A visitor: absent from the debate, its page says why.
        const visitor = await tabOf(site.browser, null);
        tabs.push(visitor);
        await visitor.page.goto(href);
        assert.equal(await visitor.page.locator('.debate-argument', { hasText: text }).count(), 0, 'not listed');
        await visitor.page.goto(permalink);
        const note = visitor.page.locator('.moderation-note');
        assert.match((await note.textContent()) ?? '', lang === 'fr' ? /Masqué par la modération\./ : /Hidden by moderation\./);
        assert.match((await note.textContent()) ?? '', new RegExp(reason.replace(/[()]/g, '\\$&')));
        assert.equal(await visitor.page.locator('.prose', { hasText: text }).count(), 0, 'the text is not shown');
        await check(visitor, 'a hidden contribution, as a visitor');

        // Its author still reads it, with the reason.
        await author.page.goto(permalink);
        assert.equal(await author.page.locator('.prose', { hasText: text }).count(), 1);
        assert.equal(await author.page.locator('.moderation-note', { hasText: reason }).count(), 1);
        await check(author, 'a hidden contribution, as its author');
        for (const tab of tabs) assert.deepEqual(tab.problems, []);
        if (!javaSkip) assert.deepEqual(await validateHtml(docs), [], 'valid HTML');
      } finally {
        for (const tab of tabs) await tab.context.close();
      }
    });
  }
});
