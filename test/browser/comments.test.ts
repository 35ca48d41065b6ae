// A citizen comments on a contribution of the demo consultation and replies to the comment in a
// real browser, JavaScript on (in French: the thread loads inside the contribution's page) and off
// (in English: the contribution's page links to the thread's page); axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** The first contribution of the demo consultation: its page's path. */
async function firstItem(page: Page): Promise<string> {
  await page.goto('/projects/charte-participation');
  const step = await page.locator('.timeline a[href^="/consultation/"]').first().getAttribute('href');
  assert.ok(step, 'the charter has a consultation step');
  await page.goto(step);
  for (const section of await page.locator('.toc a[href*="/sections/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    await page.goto(section);
    const item = await page.locator('main a[href*="/items/"]').first().getAttribute('href');
    if (item) return item.split('#')[0]!;
  }
  throw new Error('the demo consultation has no contribution');
}

describe('a citizen comments and replies in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const site = useDemoSite(['js', 'nojs'].map((who) => ({ email: `commente-${who}@exemple.fr`, name: `Commentatrice ${who}` })));

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';

    test(`comment on a contribution and reply to the comment (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await logIn(page, `commente-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');
        const itemUrl = await firstItem(page);
        await page.goto(itemUrl);
        assert.equal(await pageLang(page), lang);

        if (javaScript) {
          // htmx loads the thread into the contribution's page.
          await page.waitForSelector('#comments #comments-thread form.comment-form');
        } else {
          assert.equal(await page.locator('#comments-thread').count(), 0, 'no thread in the page without JavaScript');
          await Promise.all([page.waitForEvent('framenavigated'), page.click('#comments a[href^="/comments/"]')]);
          await page.waitForLoadState('load');
          assert.match(new URL(page.url()).pathname, /^\/comments\/\d+$/);
        }
        await expectNoAxeViolations(page, `the comments of a contribution (${mode})`);

        // An empty comment is refused with its reason, then a real one is published.
        await submit(page, 'form.comment-form button[type=submit]');
        assert.equal(await page.locator('#field-comment[aria-invalid="true"]').count(), 1, 'the empty comment is refused');
        await expectNoAxeViolations(page, `a refused comment (${mode})`);
        const text = `Il faudrait un bilan public chaque année (${tag}).`;
        await page.fill('#field-comment', text);
        await submit(page, 'form.comment-form button[type=submit]');
        const landed = new URL(page.url());
        assert.match(landed.hash, /^#comment-\d+$/);
        assert.equal(landed.pathname, javaScript ? itemUrl : `/comments/${/\/items\/(\d+)/.exec(itemUrl)![1]}`, 'back where the form was');
        const mine = page.locator(`li${landed.hash}`);
        await mine.waitFor();
        assert.match((await mine.textContent()) ?? '', /bilan public chaque année/);
        await expectNoAxeViolations(page, `the new comment (${mode})`);

        // Its permalink page, with the reply form.
        await Promise.all([page.waitForEvent('framenavigated'), mine.locator('a[href$="#reply"]').click()]);
        await page.waitForLoadState('load');
        assert.match(new URL(page.url()).pathname, /^\/comments\/\d+\/\d+$/);
        await page.fill('#field-comment', `Et le présenter en réunion publique (${tag}).`);
        await submit(page, '#reply form.comment-form button[type=submit]');
        const reply = page.locator(`li${new URL(page.url()).hash}`);
        await reply.waitFor();
        assert.match((await reply.textContent()) ?? '', /en réunion publique/);
        assert.equal(await page.locator('.comment-replies li', { hasText: 'en réunion publique' }).count(), 1, 'shown as a reply');
        await expectNoAxeViolations(page, `a comment with its reply (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
