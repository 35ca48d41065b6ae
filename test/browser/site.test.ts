// The public shell in a real browser: home, legal pages, 404 (axe in both languages), language
// switch, skip link, focus ring, small screens, JavaScript off.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { browserSkip, ensureBundle, expectNoAxeViolations, launchBrowser, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';

const LEGAL = ['mentions-legales', 'conditions-utilisation', 'donnees-personnelles', 'accessibilite'];

// Rich Markdown on one legal page so the .prose styles go through axe too.
const LEGAL_MD = `## Éditeur du site

La **Ville d'Exemple**, 1 place de la Mairie. Écrire à [la mairie](mailto:mairie@exemple.fr) ou voir https://exemple.fr.

### Hébergement

- Un serveur en France
- Des sauvegardes ~~hebdomadaires~~ quotidiennes

> Une citation, pour le style.

| Rôle | Contact |
| --- | --- |
| Directeur de publication | Le maire |

\`code\` et fin.`;

describe('the public pages in a real browser', { skip: browserSkip }, () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    await ensureBundle();
    server = await startServer();
    await server.app.db.updateTable('legal_pages').set({ body_md: LEGAL_MD }).where('slug', '=', 'mentions-legales').execute();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the home page, the legal pages and a 404 pass axe in French and in English', async () => {
    const { context, page, problems } = await openTab(browser, server.url, true);
    try {
      for (const lang of ['fr', 'en'] as const) {
        const home = await page.goto('/');
        assert.equal(home?.status(), 200);
        if ((await pageLang(page)) !== lang) await switchLanguage(page, lang);
        await expectNoAxeViolations(page, `/ (${lang})`);
        assert.equal(await page.locator('h1').count(), 1);

        for (const slug of LEGAL) {
          const res = await page.goto(`/pages/${slug}`);
          assert.equal(res?.status(), 200, `/pages/${slug}`);
          assert.equal(await pageLang(page), lang);
          await expectNoAxeViolations(page, `/pages/${slug} (${lang})`);
        }

        const missing = await page.goto('/no-such-page');
        assert.equal(missing?.status(), 404);
        await expectNoAxeViolations(page, `404 (${lang})`);
        assert.match(await page.locator('h1').innerText(), lang === 'fr' ? /introuvable/ : /not found/);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  // The server sends the same HTML either way: axe ran above, this checks the pages stand alone.
  test('the same pages work with JavaScript off: one heading, the header, the footer links', async () => {
    const { context, page, problems } = await openTab(browser, server.url, false);
    try {
      for (const url of ['/', ...LEGAL.map((slug) => `/pages/${slug}`)]) {
        const res = await page.goto(url);
        assert.equal(res?.status(), 200, url);
        assert.equal(await page.locator('h1').count(), 1, url);
        assert.equal(await page.locator('header nav a[href="/login"]').count(), 1, url);
        assert.equal(await page.locator('footer a[href^="/pages/"]').count(), 4, url);
      }
      await page.locator('footer a[href="/pages/accessibilite"]').click();
      assert.equal(new URL(page.url()).pathname, '/pages/accessibilite');
      await expectNoAxeViolations(page, '/pages/accessibilite (JavaScript off)');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('the language switch comes back to the same page in the other language, and remembers it', async () => {
    const { context, page } = await openTab(browser, server.url, false);
    try {
      await page.goto('/pages/accessibilite');
      assert.equal(await pageLang(page), 'fr');
      assert.equal(await page.locator('h1').innerText(), "Déclaration d'accessibilité");
      await switchLanguage(page, 'en');
      assert.equal(new URL(page.url()).pathname, '/pages/accessibilite');
      assert.equal(await page.locator('h1').innerText(), 'Accessibility statement');
      await page.goto('/');
      assert.equal(await pageLang(page), 'en');
      await switchLanguage(page, 'fr');
      assert.equal(new URL(page.url()).pathname, '/');
    } finally {
      await context.close();
    }
  });

  test('the skip link appears on the first Tab and moves the reading position to the main content', async () => {
    const { context, page } = await openTab(browser, server.url, true);
    try {
      await page.goto('/');
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
      const box = await skip.boundingBox();
      assert.ok(box && box.y >= 0 && box.height > 10, `skip link visible when focused: ${JSON.stringify(box)}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
    } finally {
      await context.close();
    }
  });

  test('every focusable element of the header and footer shows a focus ring of at least 2px', async () => {
    const { context, page } = await openTab(browser, server.url, true);
    try {
      await page.goto('/');
      const count = await page.locator('a[href], button, input:not([type=hidden])').count();
      for (let i = 0; i < count; i++) {
        await page.keyboard.press('Tab');
        const ring = await focusRing(page);
        assert.ok(ring.width >= 2 && ring.style !== 'none', `focus ring on ${ring.what}: ${JSON.stringify(ring)}`);
      }
    } finally {
      await context.close();
    }
  });

  test('on a small screen the page does not scroll sideways and the navigation stays usable', async () => {
    const { context, page } = await openTab(browser, server.url, false);
    try {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const url of ['/', '/pages/mentions-legales']) {
        await page.goto(url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${url} is ${overflow}px wider than a 320px screen`);
      }
      await page.locator('header nav a[href="/"]').click();
      assert.equal(new URL(page.url()).pathname, '/');
    } finally {
      await context.close();
    }
  });

  test('pages load with JavaScript on without script errors or CSP violations, and the screenshot is taken', async () => {
    const { context, page, problems } = await openTab(browser, server.url, true);
    try {
      await page.goto('/');
      await page.waitForFunction(() => 'htmx' in window);
      await page.screenshot({ path: '/tmp/home.png', fullPage: true });
      await page.goto('/pages/mentions-legales');
      await page.screenshot({ path: '/tmp/legal.png', fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto('/');
      await page.screenshot({ path: '/tmp/home-mobile.png', fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

async function focusRing(page: Page): Promise<{ what: string; width: number; style: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'nothing focused', width: 0, style: 'none' };
    const css = getComputedStyle(el);
    return { what: el.outerHTML.slice(0, 80), width: parseFloat(css.outlineWidth), style: css.outlineStyle };
  });
}
