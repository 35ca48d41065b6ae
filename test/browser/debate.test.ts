// A citizen takes part in the demo debate in a real browser, JavaScript on (in French) and off
// (in English): votes, changes the vote, posts an argument, marks another's argument useful, and
// with JavaScript sorts the columns in place; axe-core on every page of the way.
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

/** Presses a button of a widget htmx swaps in place; waits for its new state, and checks the
 * page stayed and the focus came back to the button. Without JavaScript, the form posts. */
async function press(page: Page, javaScript: boolean, button: string, pressedAfter: string): Promise<void> {
  if (!javaScript) {
    await submit(page, button);
  } else {
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.focus(button);
    await page.keyboard.press('Enter');
    await page.waitForSelector(pressedAfter);
    assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'swapped in place');
    const id = button.slice(1);
    await page.waitForFunction((expected) => document.activeElement?.id === expected, id);
  }
  assert.equal(await page.locator(pressedAfter).count(), 1, `${pressedAfter} after pressing ${button}`);
}

describe('a citizen takes part in a debate in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const site = useDemoSite(['js', 'nojs'].map((who) => ({ email: `debat-${who}@exemple.fr`, name: `Débatteur ${who}` })));

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';

    test(`vote, change it, argue and mark another's argument useful (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        await logIn(page, `debat-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');

        // The demo charter's debate, from its project's timeline.
        await page.goto('/projects/charte-participation');
        const href = await page.locator('.timeline a[href^="/debate/"]').first().getAttribute('href');
        assert.ok(href, 'the charter has a debate step');
        await page.goto(href);
        assert.equal(await pageLang(page), lang);
        assert.match((await page.locator('h1').textContent()) ?? '', /place du Marché/);
        assert.equal(await page.locator('.debate-opinion').count(), 2, 'both invited opinions');
        assert.ok(((await page.locator('.debate-bar rect.for').getAttribute('width')) ?? '').endsWith('%'), 'the bar takes its width from an attribute');
        await expectNoAxeViolations(page, `the debate (${mode})`);

        // Vote for, then change to against.
        await press(page, javaScript, '#debate-vote-for', '#debate-vote-for[aria-pressed="true"]');
        assert.equal(new URL(page.url()).pathname, href);
        await press(page, javaScript, '#debate-vote-against', '#debate-vote-against[aria-pressed="true"]');
        assert.equal(await page.locator('#debate-vote-for').getAttribute('aria-pressed'), 'false');
        assert.equal(await page.locator('#debate-vote-withdraw').count(), 1, 'the vote can be withdrawn');
        await expectNoAxeViolations(page, `the debate after voting (${mode})`);

        // An argument for: the browser lands on the newest first, where it heads its column.
        const text = `Une place sans voitures attirera les familles (${tag}).`;
        await page.check('form.debate-argument-form input[name="side"][value="for"]');
        await page.fill('form.debate-argument-form textarea[name="body"]', text);
        await submit(page, 'form.debate-argument-form button[type=submit]');
        assert.equal(new URL(page.url()).searchParams.get('sort'), 'newest');
        // Listed for, at the top (the other test may have posted just before).
        const top = await page.locator('.debate-side-for .debate-argument .prose').evaluateAll((ps) => ps.slice(0, 2).map((p) => p.textContent ?? ''));
        assert.ok(top.some((p) => p.includes(text)), `listed first, for: ${JSON.stringify(top)}`);
        assert.equal(await page.locator('form.debate-argument-form input[name="side"][value="for"]').count(), 0, 'the side is taken now');
        await expectNoAxeViolations(page, `the debate with the new argument (${mode})`);

        // Mark someone else's argument useful.
        const mark = page.locator('.debate-side-against form.debate-useful button[aria-pressed="false"]').first();
        const id = await mark.getAttribute('id');
        assert.ok(id, 'an argument of someone else can be marked');
        await press(page, javaScript, `#${id}`, `#${id}[aria-pressed="true"]`);
        if (!javaScript) assert.equal(new URL(page.url()).searchParams.get('sort'), 'newest', 'back to the same list');
        await expectNoAxeViolations(page, `the debate after a useful mark (${mode})`);

        if (javaScript) {
          // The other sort: htmx swaps the columns and the address follows.
          const link = page.locator('.sorts a:not([aria-current])').first();
          const sortHref = (await link.getAttribute('href'))!;
          await link.click();
          await page.waitForURL((u) => u.pathname + u.search === sortHref);
          await page.waitForSelector(`.sorts a[href="${sortHref}"][aria-current]`);
          assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'sorted in place');
        }

        // The argument's own page, its permalink.
        await page.goto(href + '?sort=newest');
        const mine = page.locator('.debate-side-for .debate-argument', { hasText: text });
        await Promise.all([page.waitForEvent('framenavigated'), mine.locator('a[href*="/arguments/"]').click()]);
        await page.waitForLoadState('load');
        assert.match(new URL(page.url()).pathname, /^\/debate\/\d+\/arguments\/\d+$/);
        assert.equal(await page.locator('.prose', { hasText: text }).count(), 1);
        await expectNoAxeViolations(page, `an argument's own page (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
