// The account journey in a real browser, JavaScript on and off: register (and errors), email,
// confirm, log in, rename, log out; axe-core on every page visited, in French and in English.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page, Response } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { linkIn } from '../helpers/smtp.ts';
import { browserSkip, ensureBundle, expectNoAxeViolations, launchBrowser, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';

const PASSWORD = 'une phrase de passe pour le test 42';

type Lang = 'fr' | 'en';
const other = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');

/** axe on the page as it is, then on the same address in the other language, then back. */
async function checkBothLanguages(page: Page, lang: Lang, label: string): Promise<void> {
  assert.equal(await pageLang(page), lang, `${label} in ${lang}`);
  await expectNoAxeViolations(page, `${label} (${lang})`);
  await switchLanguage(page, other(lang));
  await expectNoAxeViolations(page, `${label} (${other(lang)})`);
  await switchLanguage(page, lang);
}

/** Clicks something that submits a form and resolves with the POST's answer, once the page loaded. */
async function submit(page: Page, selector: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.waitForEvent('framenavigated'),
    page.click(selector),
  ]);
  await page.waitForLoadState('load');
  return response;
}

function path(page: Page): string {
  return new URL(page.url()).pathname;
}

// The journeys use separate browser contexts and addresses: they run side by side to save time.
describe('the account journey in a real browser', { skip: browserSkip, concurrency: true }, () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    await ensureBundle();
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // JavaScript on is walked in French, JavaScript off in English; each page is checked in both.
  for (const { javaScript, lang } of [
    { javaScript: true, lang: 'fr' as Lang },
    { javaScript: false, lang: 'en' as Lang },
  ]) {
    const mode = javaScript ? 'JavaScript on' : 'JavaScript off';

    test(`register, confirm by email, log in, rename, log out (${mode}, ${lang})`, async () => {
      const { context, page, problems } = await openTab(browser, server.url, javaScript);
      const email = `parcours-${javaScript ? 'js' : 'nojs'}@exemple.fr`;
      const firstName = javaScript ? 'Camille' : 'Dominique';
      const newName = `${firstName} Martin`;
      try {
        await page.goto('/');
        if ((await pageLang(page)) !== lang) await switchLanguage(page, lang);

        await page.click('header a[href="/register"]');
        assert.equal(path(page), '/register');
        await checkBothLanguages(page, lang, '/register');

        // A form sent back with errors: empty without JavaScript; with JavaScript, an address
        // the browser accepts but the server does not, so the server's answer is what we see.
        if (!javaScript) {
          const res = await submit(page, 'form[action="/register"] button[type=submit]');
          assert.equal(res.status(), 422);
        } else {
          await page.fill('#field-email', 'x@y');
          const res = await submit(page, 'form[action="/register"] button[type=submit]');
          assert.equal(res.status(), 422);
          assert.equal(await page.inputValue('#field-email'), 'x@y');
          // The enhancement moved focus to the summary so it is read first.
          await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
        }
        assert.equal(await page.locator('#error-summary').count(), 1);
        assert.equal(await page.locator('#field-email[aria-invalid="true"]').count(), 1);
        await expectNoAxeViolations(page, `/register with errors (${lang}, ${mode})`);
        // The summary's link leads to the field.
        await page.click('#error-summary a[href="#field-email"]');
        if (javaScript) assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-email');

        await page.fill('#field-email', email);
        await page.fill('#field-display_name', firstName);
        await page.fill('#field-password', PASSWORD);
        await page.check('#field-accept_terms');
        await page.check('#field-news_consent');
        const sent = await submit(page, 'form[action="/register"] button[type=submit]');
        assert.equal(sent.status(), 303);
        assert.equal(path(page), '/register/sent');
        await checkBothLanguages(page, lang, '/register/sent');

        const mail = await server.smtp.waitFor(email);
        await page.goto(linkIn(mail, '/confirm'));
        assert.equal(path(page), '/confirm');
        await checkBothLanguages(page, lang, '/confirm');
        await submit(page, 'form[action="/confirm"] button[type=submit]');
        assert.equal(path(page), '/login');
        assert.equal(await page.locator('.flash').count(), 1, 'the confirmation is announced');
        await checkBothLanguages(page, lang, '/login (first with its message)');

        await page.fill('#field-email', email);
        await page.fill('#field-password', PASSWORD);
        await submit(page, 'form[action="/login"] button[type=submit]');
        await expectNoAxeViolations(page, `after login ${path(page)} (${lang}, ${mode})`);

        await page.click('header a[href="/account"]');
        assert.equal(path(page), '/account');
        assert.ok((await page.locator('main').innerText()).includes(firstName));
        await checkBothLanguages(page, lang, '/account');

        await page.click('main a[href="/account/profile"]');
        assert.equal(path(page), '/account/profile');
        await checkBothLanguages(page, lang, '/account/profile');
        assert.equal(await page.inputValue('#field-display_name'), firstName);
        await page.fill('#field-display_name', newName);
        await submit(page, 'form[action="/account/profile"] button[type=submit]');
        assert.equal(path(page), '/account');
        assert.equal(await page.locator('.flash').count(), 1, 'the save is announced');
        assert.ok((await page.locator('main').innerText()).includes(newName), 'the new name is shown');
        await expectNoAxeViolations(page, `/account after saving (${lang}, ${mode})`);

        await submit(page, 'header form[action="/logout"] button[type=submit]');
        assert.equal(path(page), '/');
        assert.equal(await page.locator('header a[href="/login"]').count(), 1, 'logged out');
        await expectNoAxeViolations(page, `/ after logout (${lang}, ${mode})`);

        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test('the forgotten password page passes axe in French and in English', async () => {
    const { context, page, problems } = await openTab(browser, server.url, false);
    try {
      const res = await page.goto('/password/forgot');
      assert.equal(res?.status(), 200);
      await checkBothLanguages(page, 'fr', '/password/forgot');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('the register page is screenshotted for a look at the forms', async () => {
    const { context, page } = await openTab(browser, server.url, true);
    try {
      await page.goto('/register');
      await page.screenshot({ path: '/tmp/register.png', fullPage: true });
      await submit(page, 'form[action="/register"] button[type=submit]');
      await page.screenshot({ path: '/tmp/register-errors.png', fullPage: true });
    } finally {
      await context.close();
    }
  });
});
