// The campaigns in a real browser, JavaScript off then on, French then English: an administrator
// writes a draft (first with a mistake), reads the preview and the count, sends a test, sends the
// campaign and follows its progress, with plain forms; axe-core on every page of the way.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, ensureBundle, expectNoAxeViolations, launchBrowser, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { logIn } from '../helpers/demo-site.ts';
import { insertUser } from '../../src/platform/users.ts';
import { hashPassword } from '../../src/platform/passwords.ts';
import { write } from '../../src/db/write.ts';
import { addPerson } from '../../src/modules/campaigns/test-fixtures.ts';

const PASSWORD = 'une phrase de passe pour les campagnes';

async function go(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

describe('email campaigns in a real browser', { skip: browserSkip }, () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    await ensureBundle();
    server = await startServer();
    const db = server.app.db;
    const passwordHash = await hashPassword(PASSWORD);
    write(db, (tx) => {
      for (const email of ['campagnes-off@exemple.fr', 'campagnes-on@exemple.fr']) insertUser(db, tx, { email, passwordHash, displayName: 'Admin des campagnes', role: 'admin', emailConfirmed: true });
    });
    for (let i = 0; i < 3; i++) addPerson(db, { consent: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const javaScript of [false, true]) {
    const mode = javaScript ? 'JavaScript on' : 'JavaScript off';
    test(`an administrator writes, tests, sends and follows a campaign, in French and English (${mode})`, async () => {
      const { context, page, problems } = await openTab(browser, server.url, javaScript);
      try {
        await logIn(page, javaScript ? 'campagnes-on@exemple.fr' : 'campagnes-off@exemple.fr', PASSWORD);
        for (const lang of ['fr', 'en'] as const) {
          await page.goto('/admin');
          if ((await pageLang(page)) !== lang) await switchLanguage(page, lang);
          await go(page, 'main a[href="/admin/campaigns"]');
          await expectNoAxeViolations(page, `campaigns list (${lang}, ${mode})`);
          await go(page, 'main a[href="/admin/campaigns/new"]');
          await expectNoAxeViolations(page, `new campaign (${lang}, ${mode})`);

          // A mistake first: no subject, and the project audience without a project.
          await page.fill('#field-body', 'Bonjour,\n\nLa fête du quartier a lieu samedi.');
          await page.check('#field-audience-project');
          await go(page, 'main form button[type=submit]');
          assert.equal(await page.locator('.error-summary li').count(), 2);
          await expectNoAxeViolations(page, `the refused draft (${lang}, ${mode})`);

          await page.fill('#field-subject', `La fête du quartier (${lang}, ${mode})`);
          await page.check('#field-audience-news');
          await go(page, 'main form button[type=submit]');
          assert.match(new URL(page.url()).pathname, /^\/admin\/campaigns\/\d+$/);
          assert.match(await page.locator('pre.campaign-preview').innerText(), /La fête du quartier a lieu samedi/);
          assert.match(await page.locator('#field-send').innerText(), /3/);
          await expectNoAxeViolations(page, `the preview (${lang}, ${mode})`);

          await go(page, 'form[action$="/test"] button[type=submit]');
          await expectNoAxeViolations(page, `after the test (${lang}, ${mode})`);

          await page.fill('#field-per_minute', '6000');
          await go(page, 'form[action$="/send"] button[type=submit]');
          assert.match(new URL(page.url()).pathname, /^\/admin\/campaigns\/\d+\/progress$/);
          assert.equal(await page.locator('progress#progress-bar').count(), 1);
          await expectNoAxeViolations(page, `the progress (${lang}, ${mode})`);
        }
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
