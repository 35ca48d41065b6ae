// A citizen registers for the demo workshop in a real browser, JavaScript on (in French) and off
// (in English): the list of events, the event's page as a visitor, then logged in: register (the
// box is swapped in place with JavaScript, the focus back on its button), cancel; axe-core on
// every page of the way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';

const WORKSHOP = '/events/atelier-charte-jeunes';
const BUTTON = '#events-registration-button';

/** Presses the registration button and waits for `target` (the box, or the button) to say
 * `after`; with JavaScript the box is swapped in place (the page stays, the focus comes back),
 * without it the form posts. */
async function press(page: Page, javaScript: boolean, after: RegExp, target = '#events-registration'): Promise<void> {
  if (!javaScript) {
    await Promise.all([page.waitForEvent('framenavigated'), page.click(BUTTON)]);
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, WORKSHOP, 'back on the event');
  } else {
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.focus(BUTTON);
    await page.keyboard.press('Enter');
    await page.waitForFunction(([selector, source]) => new RegExp(source!).test(document.querySelector(selector!)?.textContent ?? ''), [target, after.source]);
    assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'swapped in place');
    await page.waitForFunction((id) => document.activeElement?.id === id, BUTTON.slice(1));
  }
  assert.match((await page.locator(target).textContent()) ?? '', after);
}

describe('a citizen registers for an event in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const site = useDemoSite(['js', 'nojs'].map((who) => ({ email: `evenement-${who}@exemple.fr`, name: `Participant ${who}` })));

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';
    const words =
      lang === 'fr'
        ? { register: 'M’inscrire', registered: /Vous êtes inscrit·e\./, cancelled: /^\s*M’inscrire\s*$/, login: 'Connectez-vous pour vous inscrire', list: 'Événements' }
        : { register: 'Register', registered: /You are registered\./, cancelled: /^\s*Register\s*$/, login: 'Log in to register', list: 'Events' };

    test(`see the events, register for the workshop and cancel (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      try {
        // A visitor: the list and the event, with an invitation to log in.
        await page.goto('/');
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.goto('/events');
        assert.equal(await pageLang(page), lang);
        assert.equal(await page.locator('h1').textContent(), words.list);
        assert.ok((await page.locator('#events-list .card').count()) >= 3, 'the demo events are listed');
        await expectNoAxeViolations(page, `the events (${mode}, visitor)`);
        await Promise.all([page.waitForEvent('framenavigated'), page.click(`a[href="${WORKSHOP}"]`)]);
        await page.waitForLoadState('load');
        assert.match((await page.locator('h1').textContent()) ?? '', /place des jeunes/);
        assert.equal(await page.locator('#events-registration a', { hasText: words.login }).count(), 1);
        assert.equal(await page.locator(`a[href="${WORKSHOP}.ics"]`).count(), 1, 'the calendar file');
        await expectNoAxeViolations(page, `the workshop (${mode}, visitor)`);

        // Logged in: register, then cancel.
        await logIn(page, `evenement-${tag}@exemple.fr`);
        if (lang === 'en' && (await pageLang(page)) !== 'en') await switchLanguage(page, 'en');
        await page.goto(WORKSHOP);
        assert.equal(await pageLang(page), lang);
        assert.equal((await page.locator(BUTTON).textContent())?.trim(), words.register);
        await expectNoAxeViolations(page, `the workshop (${mode}, logged in)`);
        await press(page, javaScript, words.registered);
        await expectNoAxeViolations(page, `the workshop after registering (${mode})`);
        await press(page, javaScript, words.cancelled, BUTTON);
        assert.equal((await page.locator(BUTTON).textContent())?.trim(), words.register, 'the box offers to register again');
        if (!javaScript) assert.equal(await page.locator('text=Your registration is cancelled.').count(), 1, 'the flash says so');
        await expectNoAxeViolations(page, `the workshop after cancelling (${mode})`);

        // The charter's page shows the workshop in its events panel.
        await page.goto('/projects/charte-participation');
        assert.equal(await page.locator(`.events-panel a[href="${WORKSHOP}"]`).count(), 1);
        await expectNoAxeViolations(page, `the charter with its events (${mode})`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
