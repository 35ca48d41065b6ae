// A citizen submits a proposal with an illustration image and a PDF in a real browser, JavaScript
// on (in French) and off (in English): a refused image first (a text file, said beside the field,
// the form telling the files were not kept), then the image and the document accepted, shown on
// the proposal's page (the image loaded) and on its card in the list; axe on every page and the
// Nu HTML checker over the pages visited. Then the list's map view: markers drawn and named with
// JavaScript (tiles may fail offline: nothing waits on them), the list of places without it.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { browserSkip, ensureBundle, expectNoAxeViolations, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';
import { javaSkip, validateHtml, type HtmlDocument } from '../helpers/html-validator.ts';
import { readSync } from '../../src/db/write.ts';
import { findCollect } from '../../src/modules/collect/queries.ts';
import { saveFormConfig } from '../../src/modules/collect/admin-writes.ts';

// The map enhancement's bundle (scripts/build.mjs), before any server hashes its assets.
await ensureBundle();

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

const MODES = [
  { javaScript: true, lang: 'fr', tag: 'js' },
  { javaScript: false, lang: 'en', tag: 'nojs' },
] as const;

describe('a citizen submits a proposal with an image in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const site = useDemoSite(MODES.map(({ tag }) => ({ email: `image-${tag}@exemple.fr`, name: `Illustratrice ${tag}` })));
  let stepId = 0;
  let photo: Buffer;
  before(async () => {
    const db = site.server.app.db;
    stepId = readSync(db).first(db.selectFrom('steps').select('id').where('type', '=', 'collect').orderBy('id'))!.id;
    const form = findCollect(db, stepId).form;
    form.fields.image.mode = 'optional';
    form.fields.attachments.mode = 'optional';
    saveFormConfig(db, stepId, form);
    // Three demo proposals placed in Rennes, for the map view.
    const ids = db.sqlite.prepare('select contribution_id from collect_proposals where step_id = ? and published = 1 order by contribution_id desc limit 3').pluck().all(stepId) as number[];
    ids.forEach((id, i) => db.sqlite.prepare('update collect_proposals set lat = ?, lng = ? where contribution_id = ?').run(48.11 + i / 100, -1.68 + i / 100, id));
    photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2f6f4e' } }).jpeg().toBuffer();
  });

  for (const { javaScript, lang, tag } of MODES) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    test(`submit a proposal with an image and a document (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      const docs: HtmlDocument[] = [];
      const keep = async (label: string) => docs.push({ label: `${label} (${mode})`, html: await page.content() });
      try {
        await logIn(page, `image-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.goto(`/collect/${stepId}/proposals/new`);
        assert.equal(await pageLang(page), lang);
        await expectNoAxeViolations(page, `the proposal form with files (${mode})`);
        await keep('the proposal form');

        const title = `Des arbres pour la cour de l’école (${tag})`;
        await page.fill('#field-title', title);
        await page.fill('#field-summary', 'Six tilleuls pour faire de l’ombre.');
        await page.fill('#field-body', 'La cour est brûlante en juin.');
        await page.selectOption('#field-category', { index: 1 });
        await page.setInputFiles('#field-image', { name: 'cour.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('pas une image') });
        await submit(page, 'button[name="intent"][value="submit"]');
        assert.equal(await page.locator('#field-image-error').count(), 1, 'the image refused beside its field');
        assert.equal(await page.locator('.notice').filter({ hasText: lang === 'fr' ? /pas été conservés/ : /were not kept/ }).count(), 1);
        assert.equal(await page.inputValue('#field-title'), title, 'the text kept');
        await expectNoAxeViolations(page, `the refused image (${mode})`);
        await keep('the refused image');

        await page.setInputFiles('#field-image', { name: 'cour.jpg', mimeType: 'image/jpeg', buffer: photo });
        await page.fill('#field-image_alt', 'La cour de l’école, sans un arbre');
        await page.setInputFiles('#field-attachments', { name: 'Plan de la cour.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
        await submit(page, 'button[name="intent"][value="submit"]');
        assert.match(new URL(page.url()).pathname, /^\/collect\/\d+\/proposals\/\d+$/);
        const img = page.locator('.collect-image img');
        assert.equal(await img.getAttribute('alt'), 'La cour de l’école, sans un arbre');
        assert.ok(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth === 800), 'the image is loaded, re-encoded at its size');
        assert.equal(await page.locator('.collect-attachments a', { hasText: 'Plan de la cour.pdf' }).count(), 1);
        await expectNoAxeViolations(page, `the proposal's page with its image (${mode})`);
        await keep("the proposal's page");

        await page.goto(`/collect/${stepId}?sort=newest`);
        const card = page.locator('.collect-card', { hasText: title });
        assert.equal(await card.locator('img.collect-card-image').getAttribute('alt'), '');
        await expectNoAxeViolations(page, `the list with the card's image (${mode})`);
        await keep('the list');
        assert.deepEqual(problems, []);
        if (!javaSkip) assert.deepEqual(await validateHtml(docs), []);
      } finally {
        await context.close();
      }
    });

    test(`the list's map view (${mode})`, async () => {
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      context.setDefaultTimeout(30_000); // the list page under the load of parallel test files
      // Tiles come from the network, absent here: answered empty so nothing waits on them.
      await context.route('https://data.geopf.fr/**', (route) => route.fulfill({ status: 204, body: '' }));
      try {
        await page.goto(`/collect/${stepId}?sort=newest`);
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.click(`a[href="/collect/${stepId}?sort=newest&view=map"]`);
        await page.waitForURL((u) => u.searchParams.get('view') === 'map');
        assert.ok((await page.locator('.collect-places li').count()) >= 3, 'the list of places, always');
        if (javaScript) {
          await page.waitForFunction(() => document.querySelectorAll('.collect-marker').length >= 3);
          const names = await page.locator('.collect-marker').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
          assert.ok(names.every((n) => /n° \d+ — /.test(n)), names.join(', '));
          assert.equal(await page.locator('.collect-map').isVisible(), true);
        } else {
          assert.equal(await page.locator('.collect-map').isVisible(), false, 'no empty box without JavaScript');
        }
        await expectNoAxeViolations(page, `the map view (${mode})`);
        const html = await page.content();
        assert.deepEqual(problems, []);
        if (!javaSkip) assert.deepEqual(await validateHtml([{ label: `the map view (${mode})`, html }]), []);
      } finally {
        await context.close();
      }
    });
  }
});
