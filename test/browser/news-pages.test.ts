// News, the administrator's pages and the menus in a real browser: a visitor reads the demo news,
// a post, its feed and the "À propos" page (JavaScript off, French and English); the project
// filter swaps the list in place (JavaScript on); an administrator writes a page, puts it in the
// header menu, reorders the menu, publishes a post with an image and deletes the page, with plain
// forms. axe-core on every page of the way, in both languages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';

const CHARTER = 'charte-participation';

/** Clicks and waits for the page the click leads to (a link, or a POST's redirect or 422). */
async function go(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** The header's links after "Home", as visitors see them. */
async function headerLinks(page: Page): Promise<string[]> {
  return page.locator('header nav ul.nav > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** The id of a menu entry from the address the menus screen was sent back to (…#menu-entry-<id>). */
const entryIdOf = (url: string) => Number(/#menu-entry-(\d+)$/.exec(url)?.[1]);

describe('news, pages and menus in a real browser', { skip: browserSkip }, () => {
  const site = useDemoSite([
    { email: 'pages-admin@exemple.fr', name: 'Admin des pages', role: 'admin' },
    { email: 'pages-admin-js@exemple.fr', name: 'Admin JS', role: 'admin' },
  ]);

  test('a visitor reads the news, a post, the feed and the "À propos" page from the menu, in French and English (JavaScript off)', async () => {
    const { context, page, problems } = await openTab(site.browser, site.server.url, false);
    try {
      for (const lang of ['fr', 'en'] as const) {
        await page.goto('/');
        if ((await pageLang(page)) !== lang) await switchLanguage(page, lang);

        await go(page, 'header nav a[href="/news"]');
        assert.equal(new URL(page.url()).pathname, '/news');
        assert.equal(await page.locator('h1').count(), 1);
        assert.match(await page.locator('h1').innerText(), lang === 'fr' ? /Actualités/ : /News/);
        assert.equal(await page.locator('header nav a[href="/news"][aria-current="page"]').count(), 1, 'the menu marks the list');
        assert.ok((await page.locator('#news-list .card h2 a').count()) >= 2, 'the demo posts are listed');
        await expectNoAxeViolations(page, `/news (${lang}, JavaScript off)`);

        // Without JavaScript the filter is a plain GET form.
        await page.selectOption('#news-filter-project', CHARTER);
        await go(page, 'form.filters button[type=submit]');
        assert.equal(new URL(page.url()).searchParams.get('project'), CHARTER);
        assert.equal(await page.locator('#news-list .card h2 a').count(), 1, 'only the charter’s post');
        await expectNoAxeViolations(page, `/news?project=${CHARTER} (${lang}, JavaScript off)`);

        await go(page, '#news-list .card h2 a');
        assert.match(new URL(page.url()).pathname, /^\/news\/[a-z0-9-]+$/);
        assert.equal(await page.locator('article.news-post h1').count(), 1);
        assert.equal(await page.locator(`article.news-post a[href="/projects/${CHARTER}"]`).count(), 1, 'the post names its project');
        assert.equal(await page.locator('nav.breadcrumb [aria-current="page"]').count(), 1);
        await expectNoAxeViolations(page, `a news post (${lang}, JavaScript off)`);

        const feed = await context.request.get('/news/feed.atom');
        assert.equal(feed.status(), 200);
        assert.match(feed.headers()['content-type'] ?? '', /^application\/atom\+xml/);
        const xml = await feed.text();
        assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
        assert.equal(xml.match(/<entry>/g)?.length, 2, 'the two demo posts');
        assert.ok(xml.includes(`<link rel="self" type="application/atom+xml" href="${site.server.url}/news/feed.atom"/>`), 'absolute links from BASE_URL');

        await go(page, 'header nav a[href="/pages/a-propos"]');
        assert.equal(await page.locator('h1').innerText(), 'À propos');
        assert.equal(await page.locator('header nav a[href="/pages/a-propos"][aria-current="page"]').count(), 1);
        assert.ok((await page.locator('main h2').count()) >= 2, 'the Markdown headings are rendered');
        await expectNoAxeViolations(page, `/pages/a-propos (${lang}, JavaScript off)`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('with JavaScript, the project filter swaps the list in place and the address follows, in French and English', async () => {
    const { context, page, problems } = await openTab(site.browser, site.server.url, true);
    try {
      for (const lang of ['fr', 'en'] as const) {
        await page.goto('/news');
        if ((await pageLang(page)) !== lang) await switchLanguage(page, lang);
        await page.waitForFunction(() => 'htmx' in window);
        await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
        await page.selectOption('#news-filter-project', CHARTER);
        await page.waitForURL((u) => u.searchParams.get('project') === CHARTER);
        await page.waitForFunction(() => document.querySelectorAll('#news-list .card').length === 1 && !document.querySelector('.htmx-request'));
        assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'swapped in place, no reload');
        assert.equal(await page.locator('h1').count(), 1, 'one page, one heading, after the swap');
        await expectNoAxeViolations(page, `/news after the htmx filter (${lang})`);
        // Back to every post, still in place.
        await page.selectOption('#news-filter-project', '');
        await page.waitForFunction(() => document.querySelectorAll('#news-list .card').length >= 2 && !document.querySelector('.htmx-request'));
        assert.equal(new URL(page.url()).searchParams.get('project'), '');
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('an administrator writes a page, puts it in the header, reorders the menu, publishes a post with an image and deletes the page (JavaScript off)', async () => {
    const { context, page, problems } = await openTab(site.browser, site.server.url, false);
    const visitor = await openTab(site.browser, site.server.url, false);
    const imageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-news-')), 'marche.jpg');
    try {
      fs.writeFileSync(imageFile, await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#2d6a4f' } }).jpeg().toBuffer());
      await logIn(page, 'pages-admin@exemple.fr');

      // A page: refused empty (422, its errors), then published.
      await page.goto('/admin/pages');
      await expectNoAxeViolations(page, '/admin/pages (fr)');
      await go(page, 'a[href="/admin/pages/new"]');
      await go(page, 'form[action="/admin/pages/new"] button[type=submit]');
      assert.equal(await page.locator('.error-summary').count(), 1, 'the empty form is refused with its errors');
      await expectNoAxeViolations(page, 'the page form with its errors (fr)');
      await page.fill('#field-title', 'Horaires de la mairie');
      await page.fill('#field-body_md', 'Du **lundi** au vendredi, de 8 h 30 à 17 h.\n\n## Permanences\n\n- Le samedi matin');
      await page.check('#field-published');
      await go(page, 'form[action="/admin/pages/new"] button[type=submit]');
      assert.equal(new URL(page.url()).pathname, '/admin/pages');
      assert.equal(await page.locator('a[href^="/admin/pages/custom/"]:not([href$="/delete"])', { hasText: 'Horaires de la mairie' }).count(), 1);

      // Into the header menu, at its end.
      await page.goto('/admin/menus');
      await expectNoAxeViolations(page, '/admin/menus (fr)');
      await go(page, 'a[href="/admin/menus/new?menu=header"]');
      await expectNoAxeViolations(page, 'the new menu entry form (fr)');
      await page.check('#kind-page');
      await page.selectOption('#field-page', { label: 'Horaires de la mairie' });
      await go(page, 'form[action="/admin/menus/new"] button[type=submit]');
      const id = entryIdOf(page.url());
      assert.ok(id > 0, `back on the menus screen at the new entry: ${page.url()}`);
      await visitor.page.goto('/pages/horaires-de-la-mairie');
      const links = await headerLinks(visitor.page);
      assert.equal(links[links.indexOf('/login') - 1], '/pages/horaires-de-la-mairie', `last of the menu, before the visitor's own links: ${links.join(' ')}`);
      assert.equal(await visitor.page.locator('header nav a[href="/pages/horaires-de-la-mairie"][aria-current="page"]').count(), 1);
      await expectNoAxeViolations(visitor.page, 'the new page (fr, visitor)');

      // Up with the plain forms until it heads the menu, just after "Home".
      const up = `#menu-entry-${id} form:has(input[name="direction"][value="up"]) button`;
      for (let i = 0; i < 10 && (await page.locator(up).count()); i++) await go(page, up);
      assert.equal(await page.locator(up).count(), 0, 'at the top: no "up" any more');
      assert.equal(await page.locator(`#menu-entry-${id} form:has(input[name="direction"][value="down"])`).count(), 1);
      await expectNoAxeViolations(page, '/admin/menus after moving an entry (fr)');
      await visitor.page.reload();
      assert.deepEqual((await headerLinks(visitor.page)).slice(0, 4), ['/', '/pages/horaires-de-la-mairie', '/pages/a-propos', '/news']);

      // A post with an image, published now (the form's default date).
      await page.goto('/admin/news');
      await expectNoAxeViolations(page, '/admin/news (fr)');
      await go(page, 'a[href="/admin/news/new"]');
      await expectNoAxeViolations(page, 'the new post form (fr)');
      await page.fill('#field-title', 'Le marché déménage');
      await page.fill('#field-body_md', 'Dès lundi, le marché se tient **place de la Halle**.');
      await page.setInputFiles('#field-image', imageFile);
      await page.fill('#field-image_alt', 'Les étals du marché sous la halle');
      await go(page, 'form[action="/admin/news"] button[type=submit]');
      assert.match(new URL(page.url()).pathname, /^\/admin\/news\/\d+\/edit$/);
      assert.equal(await page.locator('img.cover-preview').count(), 1, 'the edit form shows the image');
      await expectNoAxeViolations(page, 'the post edit form with its image (fr)');

      await visitor.page.goto('/news');
      assert.equal(await visitor.page.locator('#news-list .card h2 a').first().innerText(), 'Le marché déménage', 'newest first');
      assert.equal(await visitor.page.locator('#news-list .card img.card-image').first().getAttribute('alt'), '', 'on the card the image is decoration');
      await go(visitor.page, '#news-list .card h2 a');
      const img = visitor.page.locator('img.news-image');
      assert.equal(await img.getAttribute('alt'), 'Les étals du marché sous la halle');
      assert.match((await img.getAttribute('src')) ?? '', /^\/uploads\/news\/[0-9a-f]{20}\.webp$/);
      assert.ok(await img.evaluate((el) => (el as HTMLImageElement).complete), 'the image is served');
      await expectNoAxeViolations(visitor.page, 'the post with its image (fr, visitor)');

      // Deleting the page takes its menu entry with it.
      await page.goto('/admin/pages');
      await go(page, 'a[href$="/delete"]:has-text("Horaires de la mairie")');
      await expectNoAxeViolations(page, 'the page deletion confirmation (fr)');
      await go(page, 'form[action$="/delete"] button[type=submit]');
      await visitor.page.goto('/');
      assert.deepEqual((await headerLinks(visitor.page)).slice(0, 3), ['/', '/pages/a-propos', '/news']);
      assert.ok(!(await headerLinks(visitor.page)).includes('/pages/horaires-de-la-mairie'), 'its menu entry went with it');
      assert.equal((await visitor.page.goto('/pages/horaires-de-la-mairie'))?.status(), 404);

      // The same screens in English.
      await switchLanguage(page, 'en');
      for (const url of ['/admin/pages', '/admin/menus', '/admin/menus/new?menu=footer', '/admin/pages/new', '/admin/news', '/admin/news/new']) {
        const res = await page.goto(url);
        assert.equal(res?.status(), 200, url);
        assert.equal(await pageLang(page), 'en');
        await expectNoAxeViolations(page, `${url} (en)`);
      }
      await page.goto('/admin/menus/new?menu=footer');
      await go(page, 'form[action="/admin/menus/new"] button[type=submit]');
      assert.match(await page.locator('.error-summary').innerText(), /Choose a page/, 'refused in English');
      await expectNoAxeViolations(page, 'the menu entry form with its errors (en)');
      assert.deepEqual(problems, []);
      assert.deepEqual(visitor.problems, []);
    } finally {
      await visitor.context.close();
      await context.close();
      fs.rmSync(path.dirname(imageFile), { recursive: true, force: true });
    }
  });

  test('with JavaScript on, the menu is reordered by the same forms, without script errors', async () => {
    const { context, page, problems } = await openTab(site.browser, site.server.url, true);
    try {
      await logIn(page, 'pages-admin-js@exemple.fr');
      await page.goto('/admin/menus');
      await page.waitForFunction(() => 'htmx' in window);
      const news = page.locator('section[aria-labelledby="menu-header"] li', { hasText: /Actualités/ });
      const id = Number(((await news.getAttribute('id')) ?? '').replace('menu-entry-', ''));
      assert.ok(id > 0);
      await go(page, `#menu-entry-${id} form:has(input[name="direction"][value="up"]) button`);
      assert.match(await page.locator('p.flash').innerText(), /déplacée/, 'the move is confirmed');
      await expectNoAxeViolations(page, '/admin/menus after a move (fr, JavaScript on)');
      await page.goto('/');
      const links = await headerLinks(page);
      assert.ok(links.indexOf('/news') < links.indexOf('/pages/a-propos'), `moved before "À propos": ${links.join(' ')}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
