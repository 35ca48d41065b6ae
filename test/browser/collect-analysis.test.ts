// The analysis by officials in a real browser, JavaScript on (in French) and off (in English), on
// the demo collect step: an analyst gives an opinion (refused first, then saved), a decision
// maker retains one proposal and rejects another with a public reason (refused first without
// one), and a citizen reads the official answer on the proposal's page. axe-core on every page
// of the way, and the Nu HTML checker over the pages visited.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, expectNoAxeViolations, openTab, pageLang, switchLanguage } from '../helpers/browser.ts';
import { logIn, useDemoSite } from '../helpers/demo-site.ts';
import { javaSkip, validateHtml, type HtmlDocument } from '../helpers/html-validator.ts';
import { addDecider, assignAnalyst } from '../../src/modules/collect/analysis-writes.ts';

/** Clicks a submit button and waits for the page the POST leads to (redirect or re-render). */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

const MODES = [
  { javaScript: true, lang: 'fr', tag: 'js' },
  { javaScript: false, lang: 'en', tag: 'nojs' },
] as const;

describe('officials analyse proposals and answer them in a real browser', { skip: browserSkip, concurrency: true }, () => {
  const people: { email: string; name: string; role?: 'admin' }[] = MODES.flatMap(({ tag }) => ['analyste', 'decideur', 'citoyen'].map((who) => ({ email: `${who}-${tag}@exemple.fr`, name: `${who} ${tag}` })));
  people.push(...MODES.map(({ tag }) => ({ email: `admin-analyse-${tag}@exemple.fr`, name: `Admin ${tag}`, role: 'admin' as const })));
  const site = useDemoSite(people);

  /** The demo collect step, two of its proposals per mode, the roles given to this mode's people. */
  function setUp(index: number, tag: string) {
    const db = site.server.app.db;
    const stepId = (db.sqlite.prepare("select s.id from steps s join projects p on p.id = s.project_id where p.slug = 'charte-participation' and s.type = 'collect'").get() as { id: number }).id;
    const ids = (db.sqlite.prepare('select contribution_id as id from collect_proposals where step_id = ? and published = 1 order by contribution_id').all(stepId) as { id: number }[]).map((r) => r.id);
    const [retained, rejected] = [ids[index * 2]!, ids[index * 2 + 1]!];
    const userId = (who: string) => (db.sqlite.prepare('select id from users where email = ?').get(`${who}-${tag}@exemple.fr`) as { id: number }).id;
    addDecider(db, stepId, userId('decideur'));
    assignAnalyst(db, stepId, retained, userId('analyste'));
    return { base: `/collect/${stepId}`, retained, rejected };
  }

  MODES.forEach(({ javaScript, lang, tag }, index) => {
    const mode = javaScript ? 'JavaScript on, in French' : 'JavaScript off, in English';

    test(`an opinion, two decisions and the official answer (${mode})`, async () => {
      const { base, retained, rejected } = setUp(index, tag);
      const analyst = await openTab(site.browser, site.server.url, javaScript);
      const decider = await openTab(site.browser, site.server.url, javaScript);
      const citizen = await openTab(site.browser, site.server.url, javaScript);
      const docs: HtmlDocument[] = [];
      const keep = async (page: Page, what: string) => void docs.push({ label: `${what} (${page.url()})`, html: await page.content() });
      try {
        // The analyst: their list, a refused opinion, then a saved one.
        let page = analyst.page;
        await logIn(page, `analyste-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.goto(`${base}/analysis`);
        assert.equal(await pageLang(page), lang);
        assert.equal(await page.locator('.collect-analysis-table tbody tr').count(), 1, 'one proposal to analyse');
        await expectNoAxeViolations(page, `the analyst's list (${mode})`);
        await keep(page, `the analyst's list, ${mode}`);
        await Promise.all([page.waitForEvent('framenavigated'), page.click(`a[href="${base}/analysis/proposals/${retained}"]`)]);
        await page.fill('#field-revised_cost', 'beaucoup');
        await submit(page, '#opinion button[type=submit]');
        assert.equal(await page.locator('#error-summary').count(), 1);
        assert.equal(await page.locator('#field-opinion-error').count(), 1);
        assert.equal(await page.locator('#field-revised_cost-error').count(), 1);
        await expectNoAxeViolations(page, `a refused opinion (${mode})`);
        await keep(page, `a refused opinion, ${mode}`);
        await page.check('#field-opinion');
        await page.fill('#field-comment', `Faisable sur le terrain municipal (${tag}).`);
        await page.fill('#field-revised_cost', '9 500');
        await submit(page, '#opinion button[type=submit]');
        assert.equal(await page.inputValue('#field-revised_cost'), '9500');
        await expectNoAxeViolations(page, `a saved opinion (${mode})`);
        await keep(page, `a saved opinion, ${mode}`);

        // The decision maker: every proposal, the opinion, one retained, one rejected with a reason.
        page = decider.page;
        await logIn(page, `decideur-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.goto(`${base}/analysis`);
        assert.ok((await page.locator('.collect-analysis-table tbody tr').count()) >= 2);
        await expectNoAxeViolations(page, `the decision maker's list (${mode})`);
        await keep(page, `the decision maker's list, ${mode}`);
        await page.goto(`${base}/analysis/proposals/${retained}`);
        assert.match((await page.locator('#opinions').textContent()) ?? '', new RegExp(`Faisable sur le terrain municipal \\(${tag}\\)`));
        await page.check('#field-decision');
        await submit(page, '#decision button[type=submit]');
        assert.equal(await page.locator('#decision #error-summary').count(), 0);
        await expectNoAxeViolations(page, `a proposal retained (${mode})`);
        await keep(page, `a proposal retained, ${mode}`);
        await page.goto(`${base}/analysis/proposals/${rejected}`);
        await page.check('#field-decision-not_retained');
        await submit(page, '#decision button[type=submit]');
        assert.equal(await page.locator('#field-reason-error').count(), 1, 'a rejection needs its reason');
        await expectNoAxeViolations(page, `a rejection refused without a reason (${mode})`);
        await keep(page, `a rejection refused without a reason, ${mode}`);
        await page.fill('#field-reason', `Le terrain est **privé** (${tag}).`);
        await submit(page, '#decision button[type=submit]');
        assert.equal(await page.locator('#field-reason-error').count(), 0);

        // The citizen reads the official answers.
        page = citizen.page;
        await logIn(page, `citoyen-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.goto(`${base}/proposals/${rejected}`);
        const answer = (await page.locator('#official-answer').textContent()) ?? '';
        assert.match(answer, lang === 'fr' ? /Cette proposition n’est pas retenue\./ : /This proposal is not retained\./);
        assert.equal(await page.locator('#official-answer strong', { hasText: 'privé' }).count(), 1, 'the reason is rendered Markdown');
        await expectNoAxeViolations(page, `an official answer (${mode})`);
        await keep(page, `an official answer, ${mode}`);
        await page.goto(`${base}/proposals/${retained}`);
        assert.match((await page.locator('#official-answer').textContent()) ?? '', lang === 'fr' ? /retenue pour le vote/ : /retained for the vote/);
        assert.equal((await page.goto(`${base}/analysis`))?.status(), 403, 'the analysis is not public');
        assert.deepEqual([...analyst.problems, ...decider.problems, ...citizen.problems], []);
        // The Nu HTML checker over the pages visited (skipped only where Java is missing, outside CI).
        if (!javaSkip) assert.deepEqual(await validateHtml(docs), []);
      } finally {
        await Promise.all([analyst.context.close(), decider.context.close(), citizen.context.close()]);
      }
    });
    test(`the administrator's pages: statuses, decision makers, merge, duplicates, exports (${mode})`, async () => {
      const { base } = setUp(index, tag);
      const { context, page, problems } = await openTab(site.browser, site.server.url, javaScript);
      const docs: HtmlDocument[] = [];
      const keep = async (what: string) => void docs.push({ label: `${what} (${page.url()})`, html: await page.content() });
      try {
        await logIn(page, `admin-analyse-${tag}@exemple.fr`);
        if (lang === 'en') await switchLanguage(page, 'en');
        await page.goto(`${base}/admin`);
        assert.equal(await page.locator('#analysis a[href$="/admin/proposals.csv"]').count(), 1);
        await Promise.all([page.waitForEvent('framenavigated'), page.click(`#analysis a[href="${base}/admin/statuses"]`)]);
        await page.fill('#field-name', `Réalisée ${tag}`);
        await page.fill('#field-colour', '#fde047');
        await submit(page, 'form[action$="/admin/statuses"] button[type=submit]');
        assert.equal(await page.locator('#field-colour-error').count(), 1, 'too light');
        await expectNoAxeViolations(page, `a refused status (${mode})`);
        await keep(`a refused status, ${mode}`);
        await page.fill('#field-colour', '#166534');
        await submit(page, 'form[action$="/admin/statuses"] button[type=submit]');
        assert.ok((await page.locator('.collect-admin-list li').count()) >= 1);
        await expectNoAxeViolations(page, `the statuses (${mode})`);
        await keep(`the statuses, ${mode}`);
        await page.goto(`${base}/admin/deciders`);
        await page.fill('#field-email', 'personne@exemple.fr');
        await submit(page, 'form[action$="/admin/deciders"] button[type=submit]');
        assert.equal(await page.locator('#field-email-error').count(), 1);
        await expectNoAxeViolations(page, `a refused decision maker (${mode})`);
        await keep(`a refused decision maker, ${mode}`);
        await page.goto(`${base}/admin/merge`);
        await page.fill('#field-sources', 'douze');
        await submit(page, 'form[action$="/admin/merge"] button[type=submit]');
        assert.equal(await page.locator('#error-summary').count(), 1);
        await expectNoAxeViolations(page, `a refused merge (${mode})`);
        await keep(`a refused merge, ${mode}`);
        await page.goto(`${base}/admin/duplicates`);
        await expectNoAxeViolations(page, `the duplicates queue (${mode})`);
        await keep(`the duplicates queue, ${mode}`);
        assert.deepEqual(problems, []);
        if (!javaSkip) assert.deepEqual(await validateHtml(docs), []);
      } finally {
        await context.close();
      }
    });
  });
});
