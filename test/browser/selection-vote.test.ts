// A citizen votes in a budget step in a real browser, JavaScript on (in French, the widget and
// the summary swapped in place) and off (in English, a redirect back to the list): votes until
// the budget is nearly spent, sees what is left, is refused going over with a clear message
// (a stale page's button), then validates the ballot; axe-core on every page, and the Nu
// checker on the pages visited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, ensureBundle, expectNoAxeViolations, launchBrowser, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logInQuickly } from '../helpers/demo-site.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { addUserWithPassword, PASSWORD } from '../helpers/factories.ts';
import { javaSkip, validateHtml, type HtmlDocument } from '../helpers/html-validator.ts';
import { makeSelection, voterClient, type SelectionFixture } from '../../src/modules/selection/test-fixtures.ts';
import { makeApp } from '../helpers/app.ts';
import { loginAs } from '../helpers/factories.ts';

/** Clicks a submit button and waits for the page the POST leads to (redirect or re-render). */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** The text with narrow and no-break spaces (number formatting) as plain spaces. */
const plain = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');

describe('a citizen votes in a budget step in a real browser', { skip: browserSkip, concurrency: true }, () => {
  let server: RunningServer;
  let browser: Browser;
  const steps: Record<string, SelectionFixture> = {};
  const docs: HtmlDocument[] = [];
  const keep = async (page: Page, label: string) => void docs.push({ label, html: await page.content() });

  before(async () => {
    await ensureBundle();
    server = await startServer();
    const db = server.app.db;
    for (const tag of ['js', 'nojs']) {
      steps[tag] = makeSelection(db, { settings: { vote_type: 'budget', budget: 2500, confirm: true }, proposals: [{ cost: 1000, title: 'Des bancs au square' }, { cost: 1000, title: 'Un composteur partagé' }, { cost: 1000, title: 'Une fresque sur le mur de l’école' }] });
      await addUserWithPassword(db, 'citizen', { email: `vote-${tag}@exemple.fr` });
    }
    steps.ranked = makeSelection(db, { settings: { vote_type: 'budget', budget: 5000, ranked: true, votes_max: 3, envelopes: 'districts_and_city' }, proposals: [{ district: 0, cost: 1000, title: 'Un jardin partagé' }, { district: 0, cost: 1500, title: 'Une aire de jeux' }, { cost: 2000, title: 'Des pistes cyclables' }] });
    await addUserWithPassword(db, 'admin', { email: 'vote-admin@exemple.fr' });
    await addUserWithPassword(db, 'citizen', { email: 'vote-ranked@exemple.fr' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';
    const says = (fr: RegExp, en: RegExp) => (lang === 'fr' ? fr : en);

    test(`vote until the budget is spent, be refused going over, validate (${mode})`, { timeout: 90_000 }, async () => {
      const fx = steps[tag]!;
      const [a, b, c] = fx.proposals.map((p) => p.id) as [number, number, number];
      const list = `/selection/${fx.stepId}`;
      const { context, page, problems } = await openTab(browser, server.url, javaScript);
      try {
        await logInQuickly(context, `vote-${tag}@exemple.fr`, PASSWORD);
        await page.goto(list);
        if (lang === 'en') await switchLanguage(page, 'en');
        assert.equal(await pageLang(page), lang);
        assert.match(await plain(page, '#selection-ballot-summary'), says(/0 € utilisés sur 2 500 €, il reste 2 500 €/, /€0 used out of €2,500, €2,500 left/));
        await expectNoAxeViolations(page, `the list (${mode})`);
        await keep(page, `the list, ${mode}`);

        // A first vote: in place with JavaScript (the focus and the page stay), else back to the list.
        const vote = async (id: number) => {
          if (javaScript) {
            await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
            await page.click(`#selection-vote-${id}-button`);
            await page.waitForSelector(`#selection-vote-${id}.voted`);
            assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'swapped in place');
          } else {
            await submit(page, `#selection-vote-${id}-button`);
            assert.equal(new URL(page.url()).pathname, list);
            assert.equal(await page.locator(`#selection-vote-${id}.voted`).count(), 1);
          }
        };
        /** With JavaScript the summary comes back out of band, just after the widget. */
        const summarySays = async (text: RegExp) => {
          if (javaScript) await page.waitForFunction((source) => new RegExp(source).test((document.querySelector('#selection-ballot-summary')?.textContent ?? '').replace(/[\u202f\u00a0]/g, ' ')), text.source);
          assert.match(await plain(page, '#selection-ballot-summary'), text);
        };
        await vote(a);
        await summarySays(says(/1 000 € utilisés sur 2 500 €, il reste 1 500 €/, /€1,000 used out of €2,500, €1,500 left/));
        assert.match(await plain(page, '#selection-ballot-summary'), says(/1 000 € utilisés sur 2 500 €, il reste 1 500 €/, /€1,000 used out of €2,500, €1,500 left/));

        // Another tab votes for the second proposal: this page's button for the third is now stale.
        const other = await context.newPage();
        await other.goto(list);
        if (javaScript) {
          await other.click(`#selection-vote-${b}-button`);
          await other.waitForSelector(`#selection-vote-${b}.voted`);
        } else {
          await submit(other, `#selection-vote-${b}-button`);
        }
        await other.close();

        // Pressing it is refused in plain words (in place with JavaScript, the page again with 422 without), nothing written.
        if (javaScript) {
          await page.click(`#selection-vote-${c}-button`);
          await page.waitForSelector(`#selection-vote-${c}-reason[role="alert"]`);
        } else {
          await submit(page, `#selection-vote-${c}-button`);
        }
        assert.match(await plain(page, `#selection-vote-${c}-reason`), says(/coûte 1 000 € et il ne vous reste que 500 €/, /costs €1,000 and you only have €500 left/));
        await summarySays(says(/2 000 € utilisés sur 2 500 €, il reste 500 €/, /€2,000 used out of €2,500, €500 left/));
        await expectNoAxeViolations(page, `a refused vote (${mode})`);
        await keep(page, `a refused vote, ${mode}`);

        // The list drawn again: the third proposal no longer fits, no button, and why.
        await page.goto(list);
        assert.equal(await page.locator(`#selection-vote-${b}.voted`).count(), 1);
        assert.equal(await page.locator(`#selection-vote-${c}-button`).count(), 0);
        assert.match(await plain(page, `#selection-vote-${c}-reason`), says(/il ne vous reste que 500 €/, /you only have €500 left/));
        await expectNoAxeViolations(page, `the list with two votes (${mode})`);
        await keep(page, `the list with two votes, ${mode}`);

        // The ballot: both votes, what is left, the validation.
        await page.goto(`${list}/ballot`);
        assert.equal(await page.locator('.selection-ballot-list > li').count(), 2);
        assert.match(await plain(page, '#selection-ballot-summary'), says(/n’est pas encore validé/, /not validated yet/));
        await expectNoAxeViolations(page, `the ballot (${mode})`);
        await keep(page, `the ballot, ${mode}`);
        await submit(page, 'form[action$="/ballot/validate"] button');
        assert.match(await plain(page, '.flash'), says(/Votre bulletin est validé/, /Your ballot is validated/));
        assert.match(await plain(page, '#selection-ballot-summary'), says(/définitif/, /final/));
        assert.equal(await page.locator('form[action$="/delete"]').count(), 0, 'a validated ballot is final');
        await expectNoAxeViolations(page, `the validated ballot (${mode})`);
        await keep(page, `the validated ballot, ${mode}`);
        const counted = server.app.db.sqlite.prepare('select sum(votes_count) as n from selection_proposals where step_id = ?').get(fx.stepId) as { n: number };
        assert.equal(counted.n, 2);
        // The refused vote's answer is a 422 htmx swaps in (the message); nothing else may fail.
        assert.deepEqual(problems.filter((p) => !new RegExp(`^422 for fetch .*/selection/${fx.stepId}/votes$`).test(p)), []);
      } finally {
        await context.close();
      }
    });
  }

  test('a ranked ballot is reordered without JavaScript, and the admin page passes axe (in English and French)', { timeout: 90_000 }, async () => {
    const fx = steps.ranked!;
    const [a, b, c] = fx.proposals.map((p) => p.id) as [number, number, number];
    const voter = await openTab(browser, server.url, false);
    const admin = await openTab(browser, server.url, true);
    try {
      await logInQuickly(voter.context, 'vote-ranked@exemple.fr', PASSWORD);
      await voter.page.goto(`/selection/${fx.stepId}`);
      await switchLanguage(voter.page, 'en');
      for (const id of [a, b, c]) await submit(voter.page, `#selection-vote-${id}-button`);
      await voter.page.goto(`/selection/${fx.stepId}/ballot`);
      assert.deepEqual(await voter.page.locator('.selection-ballot-list > li > a').allTextContents(), ['Un jardin partagé', 'Une aire de jeux', 'Des pistes cyclables']);
      await expectNoAxeViolations(voter.page, 'a ranked ballot with envelopes (JavaScript off, in English)');
      await submit(voter.page, `#selection-ballot-${c} form[action$="/move"] button`);
      assert.deepEqual(await voter.page.locator('.selection-ballot-list > li > a').allTextContents(), ['Un jardin partagé', 'Des pistes cyclables', 'Une aire de jeux']);
      const points = server.app.db.sqlite.prepare('select proposal_id as id, points from selection_proposals where step_id = ? order by proposal_id').all(fx.stepId);
      assert.deepEqual(points, [{ id: a, points: 3 }, { id: b, points: 1 }, { id: c, points: 2 }]);

      await logInQuickly(admin.context, 'vote-admin@exemple.fr', PASSWORD);
      await admin.page.goto(`/selection/${fx.stepId}/admin`);
      assert.equal(await admin.page.locator('#selection-admin-proposals ~ * tbody tr, #selection-admin-proposals + div tbody tr').count(), 3);
      await expectNoAxeViolations(admin.page, 'the selection admin page (JavaScript on, in French)');
      assert.deepEqual([...voter.problems, ...admin.problems], []);
    } finally {
      await Promise.all([voter.context.close(), admin.context.close()]);
    }
  });

  describe('the pages visited are valid HTML', { skip: javaSkip }, () => {
    test('the Nu checker reports no error on the vote pages', { timeout: 120_000 }, async () => {
      for (let i = 0; i < 900 && docs.length < 10; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(docs.length, 10, 'the pages of both modes');
      assert.deepEqual(await validateHtml(docs), []);
    });
  });
});

describe('the ballot and admin pages the browser run does not visit are valid HTML', { skip: javaSkip }, () => {
  test('a ranked ballot with district envelopes, a refusal on it, and the admin page, in French and English', { timeout: 120_000 }, async () => {
    const t = await makeApp();
    try {
      const fx = makeSelection(t.db, { settings: { vote_type: 'budget', budget: 5000, ranked: true, votes_max: 3, envelopes: 'districts_and_city', confirm: true }, proposals: [{ district: 0, cost: 1000 }, { district: 0, cost: 1500 }, { cost: 2000 }, { district: 1 }] });
      const { client } = await voterClient(t, { districtId: fx.districts[0] });
      const admin = (await loginAs(t, 'admin')).client;
      const pages: HtmlDocument[] = [];
      for (const lang of ['fr', 'en']) {
        if (lang === 'en') {
          await client.get('/lang/en');
          await admin.get('/lang/en');
        }
        if (lang === 'fr') for (const p of fx.proposals.slice(0, 3)) await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(p.id) });
        pages.push({ label: `a ranked ballot with envelopes (${lang})`, html: (await client.get(`/selection/${fx.stepId}/ballot`)).body });
        const refused = await client.post(`/selection/${fx.stepId}/votes`, { proposal: String(fx.proposals[3]!.id), back: `/selection/${fx.stepId}/ballot` });
        assert.equal(refused.statusCode, 422);
        pages.push({ label: `a refusal on the ballot (${lang})`, html: refused.body });
        pages.push({ label: `the admin page (${lang})`, html: (await admin.get(`/selection/${fx.stepId}/admin`)).body });
        const bad = await admin.post(`/selection/${fx.stepId}/admin/counts`, { counts_public_at: 'bientôt' });
        assert.equal(bad.statusCode, 422);
        pages.push({ label: `a refused admin form (${lang})`, html: bad.body });
      }
      assert.deepEqual(await validateHtml(pages), []);
    } finally {
      await t.close();
    }
  });
});
