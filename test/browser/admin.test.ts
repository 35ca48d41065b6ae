// The administration in a real browser, on the demo content: the dashboard and every page it
// links to, then one level further (edit forms), each checked with axe-core.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, expectNoAxeViolations, openTab } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';

// Enough to reach each kind of admin page (lists, then one edit form of each) within seconds.
const MAX_PAGES = 15;

describe('the administration in a real browser', { skip: browserSkip }, () => {
  const site = useDemoSite([{ email: 'admin@exemple.fr', name: 'Admin', role: 'admin' }]);

  test('an administrator browses the dashboard and the pages it leads to, and each passes axe', async () => {
    const { context, page, problems } = await openTab(site.browser, site.server.url, true);
    try {
      await logIn(page, 'admin@exemple.fr');

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
