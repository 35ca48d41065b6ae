// The setting of the browser tests that need content: the real server with the demo content,
// a few people with a known password, one browser; and logging in through the real form.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from './server.ts';
import { ensureBundle, launchBrowser } from './browser.ts';
import { runDemo } from '../../src/platform/demo.ts';
import { insertUser } from '../../src/platform/users.ts';
import { hashPassword } from '../../src/platform/passwords.ts';
import { write } from '../../src/db/write.ts';

export const DEMO_PASSWORD = 'une phrase de passe pour les tests 7';

export interface DemoSite {
  server: RunningServer;
  browser: Browser;
}

/** Registers before/after hooks in the calling describe(); the returned object is filled by then. */
export function useDemoSite(people: { email: string; name: string; role?: 'citizen' | 'admin' }[]): DemoSite {
  const site = {} as DemoSite;
  before(async () => {
    await ensureBundle();
    site.server = await startServer();
    const db = site.server.app.db;
    // The seed's many small commits need not wait for the disk; the journeys then run with the
    // app's own setting again.
    const synchronous = db.sqlite.pragma('synchronous', { simple: true }) as number;
    db.sqlite.pragma('synchronous = OFF');
    await runDemo(db, site.server.app.manifests);
    db.sqlite.pragma(`synchronous = ${synchronous}`);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    write(db, (tx) => {
      for (const p of people) insertUser(db, tx, { email: p.email, passwordHash, displayName: p.name, role: p.role ?? 'citizen', emailConfirmed: true });
    });
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** Logs in through the login form, as a person would. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.fill('#field-email', email);
  await page.fill('#field-password', password);
  await Promise.all([page.waitForEvent('framenavigated'), page.click('form[action="/login"] button[type=submit]')]);
  await page.waitForLoadState('load');
  assert.equal(await page.locator('header form[action="/logout"]').count(), 1, `logged in as ${email}`);
}

/** Logs in with the login form's POST, without a browser navigation (faster where the login page is not the subject): the context's cookies then carry the session. */
export async function logInQuickly(context: BrowserContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await context.request.get('/login')).text())?.[1];
  assert.ok(csrf, 'the login form carries a CSRF token');
  const res = await context.request.post('/login', { form: { _csrf: csrf, next: '/', email, password } });
  assert.match(await res.text(), /action="\/logout"/, `logged in as ${email}`);
}
