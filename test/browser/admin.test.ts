// The administration in a real browser, on the demo content: the dashboard and every page it
// links to, then one level further (edit forms), each checked with axe-core.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { browserSkip, ensureBundle, expectNoAxeViolations, launchBrowser, openTab } from '../helpers/browser.ts';
import { runDemo } from '../../src/platform/demo.ts';
import { insertUser } from '../../src/platform/users.ts';
import { hashPassword } from '../../src/platform/passwords.ts';
import { write } from '../../src/db/write.ts';

const PASSWORD = 'une phrase de passe pour administrer 9';
// Enough to reach each kind of admin page (lists, then one edit form of each) within seconds.
const MAX_PAGES = 15;

describe('the administration in a real browser', { skip: browserSkip }, () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    await ensureBundle();
    server = await startServer();
    await runDemo(server.app.db, server.app.manifests);
    const passwordHash = await hashPassword(PASSWORD);
    write(server.app.db, (tx) => {
      insertUser(server.app.db, tx, { email: 'admin@exemple.fr', passwordHash, displayName: 'Admin', role: 'admin', emailConfirmed: true });
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an administrator browses the dashboard and the pages it leads to, and each passes axe', async () => {
    const { context, page, problems } = await openTab(browser, server.url, true);
    try {
      await page.goto('/login');
      await page.fill('#field-email', 'admin@exemple.fr');
      await page.fill('#field-password', PASSWORD);
      await Promise.all([page.waitForEvent('framenavigated'), page.click('form[action="/login"] button[type=submit]')]);
      await page.waitForLoadState('load');

      // Breadth first from the dashboard; one page per kind of address (…/1/edit stands for …/2/edit).
      const kinds = new Set<string>();
      const queue = ['/admin'];
      const visited: string[] = [];
      while (queue.length && visited.length < MAX_PAGES) {
        const url = queue.shift()!;
        const kind = url.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id');
        if (kinds.has(kind)) continue;
        kinds.add(kind);
        const res = await page.goto(url);
        assert.equal(res?.status(), 200, url);
        visited.push(url);
        await expectNoAxeViolations(page, url);
        const links = await page.locator('main a[href^="/admin"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        // Downloads and destructive confirmations are left to the modules' own tests.
        queue.push(...links.filter((l) => !/export|delete|\.csv/.test(l)));
      }
      assert.ok(visited.length >= 5, `the dashboard leads somewhere: ${visited.join(', ')}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
