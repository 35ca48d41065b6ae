// An administrator closes a budget vote's count in a real browser, JavaScript on (in French) and
// off (in English): enters paper votes (a wrong count first, refused beside its field), reads the
// preview under its banner, publishes, then a visitor reads the results (winners in words, the
// proposal skipped for the budget) and the administrator posts news on a winner's follow-up,
// shown on the winner's page, moves milestones (once with the keyboard), corrects then removes
// the news, withdraws the results with a reason and publishes again; axe-core on every page, and
// the Nu checker on the pages visited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, ensureBundle, expectNoAxeViolations, launchBrowser, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logInQuickly } from '../helpers/demo-site.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { addUserWithPassword, PASSWORD } from '../helpers/factories.ts';
import { javaSkip, validateHtml, type HtmlDocument } from '../helpers/html-validator.ts';
import { makeSelection, type SelectionFixture } from '../../src/modules/selection/test-fixtures.ts';
import { setCounters } from '../../src/modules/selection/results-fixtures.ts';

/** Clicks a submit button and waits for the page the POST leads to (redirect or re-render). */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** The text with narrow and no-break spaces (number formatting) as plain spaces. */
const plain = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();

describe('an administrator publishes a budget vote’s results in a real browser', { skip: browserSkip, concurrency: true }, () => {
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
      const fx = makeSelection(db, {
        state: 'closed',
        settings: { vote_type: 'budget', budget: 2000 },
        proposals: [{ cost: 1200, title: 'Un jardin partagé' }, { cost: 1000, title: 'Des bancs au square' }, { cost: 700, title: 'Un composteur' }],
      });
      const [a, b, c] = fx.proposals.map((p) => p.id) as [number, number, number];
      setCounters(db, fx.stepId, a, 30);
      setCounters(db, fx.stepId, b, 25);
      setCounters(db, fx.stepId, c, 10);
      steps[tag] = fx;
      await addUserWithPassword(db, 'admin', { email: `resultats-${tag}@exemple.fr` });
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Results withdrawn with a reason (the form, then the log), a visitor's notice, published again. */
  async function withdrawAndPublishAgain(page: Page, base: string, javaScript: boolean, mode: string, says: (fr: RegExp, en: RegExp) => RegExp): Promise<void> {
    await page.goto(`${base}/results/admin`);
    assert.match(await plain(page, '#selection-withdraw'), says(/Retirer la publication/, /Withdraw the publication/));
    await expectNoAxeViolations(page, `the results' admin page with the withdrawal form (${mode})`);
    await keep(page, `the results' admin page with the withdrawal form, ${mode}`);
    await page.fill('#field-reason', 'Une urne de la mairie annexe oubliée');
    await submit(page, 'form[action$="/results/withdraw"] button[type=submit]');
    assert.equal(new URL(page.url()).pathname, `${base}/results/admin`);
    assert.match(await plain(page, '.flash'), says(/La publication des résultats est retirée/, /The results’ publication is withdrawn/));
    const log = await page.locator('section[aria-labelledby="selection-publication"] ul > li').allTextContents();
    assert.equal(log.length, 2, 'the withdrawal, then the publication');
    assert.match(log[0]!.replace(/\s+/g, ' '), says(/publication retirée\. Raison : Une urne de la mairie annexe oubliée/, /publication withdrawn\. Reason: Une urne de la mairie annexe oubliée/));
    assert.match(log[1]!, says(/résultats publiés\./, /results published\./));
    assert.equal(await page.locator('form[action$="/results/publish"]').count(), 1);
    await expectNoAxeViolations(page, `the withdrawn results' admin page (${mode})`);
    await keep(page, `the withdrawn results' admin page, ${mode}`);

    const visitor = await openTab(browser, server.url, javaScript);
    try {
      const v = visitor.page;
      await v.goto(`${base}/results`);
      if (mode.endsWith('English')) await switchLanguage(v, 'en');
      assert.match(await plain(v, 'main .notice'), says(/Les résultats publiés ont été retirés le .* pour être corrigés/, /The published results were withdrawn on .* to be corrected/));
      assert.equal(await v.locator('table.selection-results').count(), 0);
      await expectNoAxeViolations(v, `the withdrawn results (${mode})`);
      await keep(v, `the withdrawn results, ${mode}`);
      assert.deepEqual(visitor.problems, []);
    } finally {
      await visitor.context.close();
    }

    await submit(page, 'form[action$="/results/publish"] button[type=submit]');
    assert.match(await plain(page, '.flash'), says(/Les résultats sont publiés/, /The results are published/));
    assert.equal(await page.locator('table.selection-results tbody tr').count(), 3);
  }

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';
    const lang = javaScript ? 'fr' : 'en';
    const tag = javaScript ? 'js' : 'nojs';
    const says = (fr: RegExp, en: RegExp) => (lang === 'fr' ? fr : en);

    test(`enter paper votes, preview, publish, read the results, follow a winner up, withdraw and publish again (${mode})`, { timeout: 240_000 }, async () => {
      const fx = steps[tag]!;
      const [, b, c] = fx.proposals.map((p) => p.id) as [number, number, number];
      const base = `/selection/${fx.stepId}`;
      const { context, page, problems } = await openTab(browser, server.url, javaScript);
      try {
        await logInQuickly(context, `resultats-${tag}@exemple.fr`, PASSWORD);
        await page.goto(`${base}/admin`);
        if (lang === 'en') await switchLanguage(page, 'en');
        assert.equal(await pageLang(page), lang);
        await page.click(`a[href="${base}/results/admin"]`);
        await page.waitForLoadState('load');
        await expectNoAxeViolations(page, `the results' admin page (${mode})`);
        await keep(page, `the results' admin page, ${mode}`);

        // A wrong count is refused beside its field, the others kept.
        await page.fill(`#field-votes_${b}`, '-3');
        await page.fill(`#field-votes_${c}`, '4');
        await submit(page, 'form[action$="/results/paper"] button[type=submit]');
        assert.match(await plain(page, `#field-votes_${b}-error`), says(/Saisissez un nombre entier/, /Enter a whole number/));
        assert.equal(await page.inputValue(`#field-votes_${c}`), '4');
        assert.equal(await page.locator('#error-summary').count(), 1);
        await expectNoAxeViolations(page, `a refused paper count (${mode})`);
        await keep(page, `a refused paper count, ${mode}`);

        // Paper votes lift the benches (25 + 8) above the garden (30): saved and logged.
        await page.fill(`#field-votes_${b}`, '8');
        await submit(page, 'form[action$="/results/paper"] button[type=submit]');
        assert.match(await plain(page, '.flash'), says(/Les votes papier sont enregistrés/, /The paper votes are saved/));
        assert.match(await plain(page, 'section[aria-labelledby="selection-paper"] ul'), says(/votes papier 0 → 8/, /paper votes 0 → 8/));

        // The preview, under its banner.
        await page.click(`a[href="${base}/results"]`);
        await page.waitForLoadState('load');
        assert.match(await plain(page, '.selection-preview'), says(/Aperçu réservé aux administrateurs/, /Preview for administrators only/));
        await expectNoAxeViolations(page, `the preview (${mode})`);
        await keep(page, `the preview, ${mode}`);

        // Publish.
        await page.goto(`${base}/results/admin`);
        await submit(page, 'form[action$="/results/publish"] button[type=submit]');
        assert.equal(new URL(page.url()).pathname, `${base}/results`);
        assert.match(await plain(page, '.flash'), says(/Les résultats sont publiés/, /The results are published/));

        // A visitor reads the results: the benches (1 000 €) then the garden (1 200 €) does not fit
        // in the 1 000 € left, the composter (700 €) does.
        const visitor = await openTab(browser, server.url, javaScript);
        try {
          const v = visitor.page;
          await v.goto(`${base}/results`);
          if (lang === 'en') await switchLanguage(v, 'en');
          const rows = await v.locator('table.selection-results tbody tr').evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? '').replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim()));
          assert.equal(rows.length, 3);
          assert.match(rows[0]!, says(/^1 n° \d+ Des bancs au square 25 8 33 1 000 € Lauréat$/, /^1 No\. \d+ Des bancs au square 25 8 33 €1,000 Winner$/));
          assert.match(rows[1]!, says(/^2 n° \d+ Un jardin partagé 30 0 30 1 200 € Non retenu : dépasse le budget restant$/, /^2 No\. \d+ Un jardin partagé 30 0 30 €1,200 Not selected: over the budget left$/));
          assert.match(rows[2]!, says(/^3 n° \d+ Un composteur 10 4 14 700 € Lauréat$/, /^3 No\. \d+ Un composteur 10 4 14 €700 Winner$/));
          assert.match(await plain(v, 'table.selection-results caption'), says(/Classement/, /Ranking/));
          assert.equal(await v.locator('table.selection-results th[scope="col"]').count(), 7);
          assert.match(await plain(v, '.selection-envelope'), says(/Budget utilisé : 1 700 € sur 2 000 € \(reste 300 €\)/, /Budget used: €1,700 of €2,000 \(€300 left\)/));
          assert.match(await plain(v, '.selection-envelope ul'), says(/Un jardin partagé : 1 200 €, alors qu’il restait 1 000 € à son tour/, /Un jardin partagé: €1,200, when €1,000 was left at its turn/));
          await expectNoAxeViolations(v, `the published results (${mode})`);
          await keep(v, `the published results, ${mode}`);
          assert.deepEqual(visitor.problems, []);
        } finally {
          await visitor.context.close();
        }

        // A winner's follow-up: news posted (a missing text refused first).
        await page.goto(`${base}/results/admin`);
        await page.click(`a[href="${base}/proposals/${c}/follow-up"]`);
        await page.waitForLoadState('load');
        await expectNoAxeViolations(page, `a winner's follow-up (${mode})`);
        await page.fill('#field-update_title', 'Le composteur est commandé');
        await submit(page, 'form[action$="/follow-up/updates"] button[type=submit]');
        assert.match(await plain(page, '#field-body-error'), says(/Ce champ est obligatoire/, /This field is required/));
        await keep(page, `a refused news post, ${mode}`);
        await page.fill('#field-body', 'Livraison **en mars**.');
        await submit(page, 'form[action$="/follow-up/updates"] button[type=submit]');
        assert.match(await plain(page, '.flash'), says(/L’actualité est publiée/, /The news is published/));
        await expectNoAxeViolations(page, `the follow-up with news (${mode})`);
        await keep(page, `the follow-up with news, ${mode}`);

        // The winner's page in the vote shows its realisation.
        await page.goto(`${base}/proposals/${c}`);
        assert.match(await plain(page, '.selection-follow-up'), says(/Ce projet est lauréat du vote.*Le composteur est commandé.*Livraison en mars/, /This project won the vote.*Le composteur est commandé.*Livraison en mars/));
        await expectNoAxeViolations(page, `a winner's page (${mode})`);
        await keep(page, `a winner's page, ${mode}`);

        // The follow-up again: two milestones, moved down with a click then up with the keyboard.
        await page.goto(`${base}/proposals/${c}/follow-up`);
        for (const title of ['Commande', 'Livraison']) {
          await page.fill('#field-milestone_title', title);
          await submit(page, 'form[action$="/follow-up/milestones"] button[type=submit]');
        }
        const milestones = () => page.locator('section[aria-labelledby="selection-milestones"] ol > li > strong').allTextContents();
        assert.deepEqual(await milestones(), ['Commande', 'Livraison']);
        await submit(page, `button:text-is("${lang === 'fr' ? 'Descendre l’étape « Commande »' : 'Move the milestone “Commande” down'}")`);
        assert.match(await plain(page, '.flash'), says(/L’étape est déplacée/, /The milestone is moved/));
        assert.deepEqual(await milestones(), ['Livraison', 'Commande']);
        await expectNoAxeViolations(page, `the follow-up with milestones (${mode})`);
        await keep(page, `the follow-up with milestones, ${mode}`);
        // Tab from the first milestone's last button reaches the second one's "up" button.
        await page.getByRole('button', { name: lang === 'fr' ? 'Supprimer l’étape « Livraison »' : 'Delete the step “Livraison”', exact: true }).focus();
        await page.keyboard.press('Tab');
        const focused = await page.locator(':focus').evaluate((el) => ({ text: el.textContent?.trim(), visible: el.matches(':focus-visible'), style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }));
        assert.equal(focused.text, lang === 'fr' ? 'Monter l’étape « Commande »' : 'Move the milestone “Commande” up');
        assert.ok(focused.visible && focused.style !== 'none' && focused.width >= 2, `a visible focus ring: ${JSON.stringify(focused)}`);
        await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
        await page.waitForLoadState('load');
        assert.match(await plain(page, '.flash'), says(/L’étape est déplacée/, /The milestone is moved/));
        assert.deepEqual(await milestones(), ['Commande', 'Livraison']);

        // The news post corrected on its own page (an empty title refused first), then removed.
        await page.click(`a:text-is("${lang === 'fr' ? 'Modifier l’actualité « Le composteur est commandé »' : 'Edit the news “Le composteur est commandé”'}")`);
        await page.waitForLoadState('load');
        assert.match(await plain(page, 'h1'), says(/Modifier l’actualité « Le composteur est commandé »/, /Edit the news “Le composteur est commandé”/));
        assert.equal(await page.inputValue('#field-body'), 'Livraison **en mars**.');
        await expectNoAxeViolations(page, `a news post's edit page (${mode})`);
        await keep(page, `a news post's edit page, ${mode}`);
        await page.fill('#field-update_title', '');
        await page.fill('#field-body', 'Livraison **en avril**.');
        await submit(page, 'form[action*="/follow-up/updates/"] button[type=submit]');
        assert.match(await plain(page, '#field-update_title-error'), says(/Ce champ est obligatoire/, /This field is required/));
        assert.equal(await page.locator('#error-summary').count(), 1);
        assert.equal(await page.inputValue('#field-body'), 'Livraison **en avril**.');
        await expectNoAxeViolations(page, `a refused news correction (${mode})`);
        await keep(page, `a refused news correction, ${mode}`);
        await page.fill('#field-update_title', 'Le composteur est livré');
        await submit(page, 'form[action*="/follow-up/updates/"] button[type=submit]');
        assert.match(await plain(page, '.flash'), says(/L’actualité est enregistrée/, /The news is saved/));
        assert.match(await plain(page, 'section[aria-labelledby="selection-updates"] ul'), /Le composteur est livré/);
        await page.click('a[href$="/delete"][href*="/follow-up/updates/"]');
        await page.waitForLoadState('load');
        assert.match(await plain(page, 'main h1 + p'), says(/L’actualité « Le composteur est livré ».*disparaîtra de la page/, /The news “Le composteur est livré”.*will disappear from the proposal’s page/));
        await expectNoAxeViolations(page, `a news post's removal question (${mode})`);
        await keep(page, `a news post's removal question, ${mode}`);
        await submit(page, 'form[action$="/delete"] button[type=submit]');
        assert.match(await plain(page, '.flash'), says(/L’actualité est supprimée/, /The news is deleted/));
        assert.match(await plain(page, 'section[aria-labelledby="selection-updates"]'), says(/Aucune actualité/, /No news/));

        // The publication withdrawn with a reason, read in the log, seen by a visitor, then again.
        await withdrawAndPublishAgain(page, base, javaScript, mode, says);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  describe('the pages visited are valid HTML', { skip: javaSkip }, () => {
    test('the Nu checker reports no error on the results pages', { timeout: 120_000 }, async () => {
      for (let i = 0; i < 1200 && docs.length < 28; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(docs.length, 28, 'the pages of both modes');
      assert.deepEqual(await validateHtml(docs), []);
    });
  });
});
