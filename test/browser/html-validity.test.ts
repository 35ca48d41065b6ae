// Valid HTML (RGAA 8.2): the pages the browser tests visit, in French and in English, as the
// server sends them (JavaScript off) and as htmx leaves them after a swap (JavaScript on), checked
// in one run of the Nu HTML checker; and htmx still acting on the valid data-hx-* spelling.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSkip, openTab } from '../helpers/browser.ts';
import { logInQuickly, useDemoSite } from '../helpers/demo-site.ts';
import { linkIn } from '../helpers/smtp.ts';
import { javaSkip, validateHtml, type HtmlDocument } from '../helpers/html-validator.ts';
import { addRoll, makeVotation, setState } from '../../src/modules/votation/test-fixtures.ts';
import { castBallot } from '../../src/modules/votation/writes.ts';

const LANGS = ['fr', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** Same-site addresses linked from a page; never the language switch, logout or downloads. */
function linksIn(html: string): string[] {
  const hrefs = [...html.matchAll(/href="(\/[^"#]*)/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  return hrefs.filter((href) => !/^\/(lang|logout|assets)\b|^\/theme\.css|export|\.csv/.test(href));
}

/**
 * Follows links breadth first with the context's cookies (the HTML a browser without JavaScript
 * gets, without a browser's slower navigation), at most `perKind` pages per kind of address
 * (…/3/edit stands for …/4/edit), and records each HTML answer.
 */
async function crawl(docs: HtmlDocument[], context: BrowserContext, tag: string, start: string[], keep: (url: string) => boolean, max: number, perKind = 3): Promise<void> {
  const seen = new Set<string>();
  const kinds = new Map<string, number>();
  const queue = [...start];
  let fetched = 0;
  while (queue.length && fetched < max) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const parsed = new URL(url, 'http://x');
    const kind = `${parsed.pathname.replace(/\d+/g, ':id')}?${[...parsed.searchParams.keys()].sort().join('&')}`;
    if ((kinds.get(kind) ?? 0) >= perKind) continue;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const res = await context.request.get(url);
    fetched++;
    if (!(res.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    const html = await res.text();
    docs.push({ label: `${tag} GET ${url} (${res.status()})`, html });
    queue.push(...linksIn(html).filter(keep));
  }
}

/** Records the HTML of every page the browser lands on (redirects have no body: their target counts). */
function recordNavigations(page: Page, docs: HtmlDocument[], tag: () => string): () => Promise<void> {
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const req = res.request();
    if (!req.isNavigationRequest() || req.frame() !== page.mainFrame() || (res.status() >= 300 && res.status() < 400)) return;
    if (!(res.headers()['content-type'] ?? '').startsWith('text/html')) return;
    const label = `${tag()} ${req.method()} ${new URL(res.url()).pathname}${new URL(res.url()).search} (${res.status()})`;
    pending.push(res.text().then((html) => void docs.push({ label, html }), () => {}));
  });
  return async () => {
    await Promise.all(pending);
  };
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** In the demo charter's consultation: the first section open to contributions, the first taking votes, the first list of amendments. */
async function charterPages(context: BrowserContext): Promise<{ open: string; votable: string; amendments: string }> {
  const get = async (url: string) => (await context.request.get(url)).text();
  const step = /href="(\/consultation\/\d+)"/.exec(await get('/projects/charte-participation'))![1]!;
  const found = { open: '', votable: '', amendments: '' };
  for (const [, href] of (await get(step)).matchAll(/href="(\/consultation\/\d+\/sections\/\d+)"/g)) {
    const html = await get(href!);
    if (!found.open && /<form method="post" action="[^"]*\/contributions"/.test(html)) found.open = href!;
    if (!found.votable && html.includes('<form class="vote" id="vote-section-')) found.votable = href!;
    found.amendments ||= /href="([^"]*kind=amendment[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    if (found.open && found.votable && found.amendments) break;
  }
  assert.ok(found.open && found.votable && found.amendments, `the charter's sections take contributions, votes and amendments: ${JSON.stringify(found)}`);
  return found;
}

/** The demo charter's debate step. */
async function debatePage(context: BrowserContext): Promise<string> {
  const href = /href="(\/debate\/\d+)"/.exec(await (await context.request.get('/projects/charte-participation')).text())?.[1];
  assert.ok(href, 'the charter has a debate step');
  return href;
}

/** The language for the rest of this context's requests, through the header's switch. */
async function useLanguage(context: BrowserContext, lang: Lang): Promise<void> {
  const res = await context.request.get(`/lang/${lang}?next=/`);
  assert.match(await res.text(), new RegExp(`<html lang="${lang}"`), `switched to ${lang}`);
}

describe('the pages are valid HTML', { skip: browserSkip ?? javaSkip }, () => {
  const site = useDemoSite([
    { email: 'valide-citoyen@exemple.fr', name: 'Citoyen valide' },
    { email: 'valide-js@exemple.fr', name: 'Citoyen JS' },
    { email: 'valide-admin@exemple.fr', name: 'Admin valide', role: 'admin' },
  ]);

  test('every page the browser tests visit passes the Nu HTML checker, French and English, JavaScript off and on', { timeout: 360_000 }, async () => {
    const docs: HtmlDocument[] = [];
    const problems: string[] = [];
    let lang: Lang = 'fr';

    // A visitor: the public pages, the account forms (with errors), registration by email.
    {
      const tab = await openTab(site.browser, site.server.url, false);
      const done = recordNavigations(tab.page, docs, () => `${lang}, JavaScript off, visitor,`);
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        const home = await (await tab.context.request.get('/')).text();
        const theme = /id="filter-theme"[^>]*>[\s\S]*?<option value="([^"]+)"/.exec(home)?.[1];
        const start = ['/', ...(theme ? [`/?theme=${theme}`] : []), '/no-such-page', '/password/forgot'];
        await crawl(docs, tab.context, `${lang}, JavaScript off, visitor,`, start, () => true, 70, lang === 'fr' ? 3 : 1);

        const { page } = tab;
        await page.goto('/register');
        await submit(page, 'form[action="/register"] button[type=submit]'); // 422 with its errors
        const email = `inscription-${lang}@exemple.fr`;
        await page.fill('#field-email', email);
        await page.fill('#field-display_name', `Inscrit ${lang}`);
        await page.fill('#field-password', 'une phrase de passe pour la validation 8');
        await page.check('#field-accept_terms');
        await submit(page, 'form[action="/register"] button[type=submit]'); // /register/sent
        await page.goto(linkIn(await site.server.smtp.waitFor(email), '/confirm'));
        await submit(page, 'form[action="/confirm"] button[type=submit]'); // /login with its message
      }
      await done();
      problems.push(...tab.problems);
      await tab.context.close();
    }

    // A participant: the pages with vote and contribution forms, and what each action leads to.
    {
      const tab = await openTab(site.browser, site.server.url, false);
      const done = recordNavigations(tab.page, docs, () => `${lang}, JavaScript off, participant,`);
      const { page } = tab;
      await logInQuickly(tab.context, 'valide-citoyen@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        await crawl(docs, tab.context, `${lang}, JavaScript off, participant,`, ['/', '/account', '/account/profile'], (url) => !url.startsWith('/admin'), 30, 1);

        const { open, amendments } = await charterPages(tab.context);
        await page.goto(open);
        await submit(page, 'form[action$="/contributions"] button[type=submit]'); // 422 with its errors
        const radios = page.locator('form[action$="/contributions"] input[name="type_id"]');
        if ((await radios.count()) > 1) await radios.first().check();
        await page.fill('#field-title', `Une idée valide (${lang})`);
        await page.fill('#field-body', 'Un texte en **Markdown** avec [un lien](https://exemple.fr).');
        await submit(page, 'form[action$="/contributions"] button[type=submit]'); // the new item
        await submit(page, 'form.vote[id^="vote-item-"] button[value="agree"]');
        await page.check('form.argument-form input[name="side"][value="against"]');
        await page.fill('form.argument-form textarea[name="body"]', `Un argument contre (${lang}).`);
        await submit(page, 'form.argument-form button[type=submit]');

        // The item's comments: a refused comment (422), a published one, the comment's own page.
        await page.goto((await page.locator('#comments a[href^="/comments/"]').getAttribute('href'))!);
        await submit(page, 'form.comment-form button[type=submit]');
        await page.fill('#field-comment', `Un commentaire **valide** (${lang}).`);
        await submit(page, 'form.comment-form button[type=submit]');
        const commented = new URL(page.url());
        await page.goto(`${commented.pathname}/${commented.hash.replace('#comment-', '')}`);

        await page.goto(amendments);
        await submit(page, 'a[href$="/amendments/new"]');
        await page.fill('#field-proposed_text', `${(await page.inputValue('#field-proposed_text')).trimEnd()} Ajout (${lang}).`);
        await page.fill('#field-body', 'Une raison.');
        await submit(page, 'form[action$="/amendments"] button[type=submit]'); // the amendment and its diff
      }
      await done();
      problems.push(...tab.problems);
      await tab.context.close();
    }

    // An administrator: the dashboard and what it leads to.
    {
      const tab = await openTab(site.browser, site.server.url, false);
      await logInQuickly(tab.context, 'valide-admin@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        await crawl(docs, tab.context, `${lang}, JavaScript off, administrator,`, ['/admin'], (url) => url.includes('/admin'), 40, lang === 'fr' ? 2 : 1);
      }
      await tab.context.close();
    }

    // JavaScript on: the document as htmx leaves it after each kind of swap.
    {
      const tab = await openTab(site.browser, site.server.url, true);
      const { page } = tab;
      const snapshot = async (what: string) => void docs.push({ label: `fr, JavaScript on, after ${what} on ${new URL(page.url()).pathname}`, html: await page.content() });
      await page.goto('/');
      await page.waitForFunction(() => 'htmx' in window);
      const theme = await page.locator('#filter-theme option[value]:not([value=""])').first().getAttribute('value');
      await page.selectOption('#filter-theme', theme!);
      // The address follows once the list is swapped in.
      await page.waitForURL((u) => u.searchParams.get('theme') === theme);
      await page.waitForFunction(() => !document.querySelector('.htmx-request'));
      await snapshot('the theme filter');

      await logInQuickly(tab.context, 'valide-js@exemple.fr');
      await page.goto((await charterPages(tab.context)).votable);
      const widget = await page.locator('form.vote[id^="vote-section-"]').first().getAttribute('id');
      await page.click(`#${widget}-agree`);
      await page.waitForSelector(`#${widget}-agree[aria-pressed="true"]`);
      await snapshot('a vote');
      const sort = page.locator('.sorts a:not([aria-current])').first();
      if (await sort.count()) {
        const href = (await sort.getAttribute('href'))!;
        await sort.click();
        await page.waitForURL((u) => u.pathname + u.search === href);
        await page.waitForSelector(`.sorts a[href="${href}"][aria-current]`);
        await snapshot('a sort link');
      }
      // A contribution's page, with its comments loaded in place.
      await page.goto((await page.locator('main a[href*="/items/"]').first().getAttribute('href'))!);
      await page.waitForSelector('#comments #comments-thread');
      await snapshot('the comments loaded');
      problems.push(...tab.problems);
      await tab.context.close();
    }

    // The debate: its page, a refused argument (422), an argument, a vote, a useful mark, an
    // argument's own page; its admin page with a refused form; then htmx's swaps of its widgets.
    {
      const tab = await openTab(site.browser, site.server.url, false);
      const done = recordNavigations(tab.page, docs, () => `${lang}, JavaScript off, debate participant,`);
      const { page } = tab;
      await logInQuickly(tab.context, 'valide-citoyen@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        const debate = await debatePage(tab.context);
        await page.goto(debate);
        await submit(page, 'form.debate-argument-form button[type=submit]'); // 422 with its errors
        await page.fill('form.debate-argument-form textarea[name="body"]', `Un argument valide (${lang}).`);
        await submit(page, 'form.debate-argument-form button[type=submit]');
        await submit(page, lang === 'fr' ? '#debate-vote-for' : '#debate-vote-against');
        await submit(page, 'form.debate-useful button[type=submit]');
        await page.goto(`${debate}?sort=newest&page=2`);
        const own = /href="(\/debate\/\d+\/arguments\/\d+)"/.exec(await (await tab.context.request.get(`${debate}?sort=newest`)).text())![1]!;
        await page.goto(own);
      }
      await done();
      problems.push(...tab.problems);
      await tab.context.close();
    }
    {
      const tab = await openTab(site.browser, site.server.url, false);
      const done = recordNavigations(tab.page, docs, () => `${lang}, JavaScript off, debate administrator,`);
      const { page } = tab;
      await logInQuickly(tab.context, 'valide-admin@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        await page.goto(`${await debatePage(tab.context)}/admin`);
        await page.fill('#field-for_role', ''); // a half-filled opinion is refused
        await submit(page, 'form[action$="/admin/opinions"] button[type=submit]'); // 422 with its errors
      }
      await done();
      problems.push(...tab.problems);
      await tab.context.close();
    }
    // The collect step: its list, a refused proposal (422), similar proposals, a draft, a
    // proposal's page, a filtered list; its admin page with a refused category; then htmx's swaps.
    {
      const tab = await openTab(site.browser, site.server.url, false);
      const done = recordNavigations(tab.page, docs, () => `${lang}, JavaScript off, collect,`);
      const { page } = tab;
      await logInQuickly(tab.context, 'valide-admin@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        const collect = /href="(\/collect\/\d+)"/.exec(await (await tab.context.request.get('/projects/charte-participation')).text())![1]!;
        await page.goto(`${collect}/proposals/new`);
        await submit(page, 'button[name="intent"][value="submit"]'); // 422 with its errors
        await page.fill('#field-title', `Un abri à vélos valide (${lang})`);
        await submit(page, 'button[name="intent"][value="check"]'); // similar proposals
        await submit(page, 'button[name="intent"][value="draft"]'); // the draft's page
        await page.goto(`${collect}?sort=newest&view=list&q=velos`);
        await page.goto(/href="(\/collect\/\d+\/proposals\/\d+)"/.exec(await page.content())![1]!);
        await page.goto(`${collect}/admin`);
        await page.fill('#field-colour', '#ffff00');
        await submit(page, 'form[action$="/admin/categories"] button[type=submit]'); // 422
      }
      await done();
      const js = await openTab(site.browser, site.server.url, true);
      await logInQuickly(js.context, 'valide-js@exemple.fr');
      const collect = /href="(\/collect\/\d+)"/.exec(await (await js.context.request.get('/projects/charte-participation')).text())![1]!;
      await js.page.goto(`${collect}/proposals/new`);
      await js.page.fill('#field-title', 'Un abri pour les vélos');
      await js.page.waitForSelector('#collect-similar li');
      docs.push({ label: 'fr, JavaScript on, after similar proposals', html: await js.page.content() });
      await js.page.goto(collect);
      await js.page.fill('#filter-q', 'verger');
      await js.page.click('.collect-filters button[type=submit]');
      await js.page.waitForURL((u) => u.searchParams.get('q') === 'verger');
      await js.page.waitForFunction(() => document.querySelectorAll('.collect-card').length === 1);
      docs.push({ label: 'fr, JavaScript on, after a collect filter', html: await js.page.content() });
      problems.push(...tab.problems, ...js.problems);
      await tab.context.close();
      await js.context.close();
    }
    // The votation: the demo's page, a refused ballot (422), a ballot and its receipt; a roll
    // votation's code form, refused code and ballot; its admin page, a refused question and the
    // code sheet; after the close, the results, a refused lookup and a ballot found by receipt.
    {
      const tab = await openTab(site.browser, site.server.url, false);
      const done = recordNavigations(tab.page, docs, () => `${lang}, JavaScript off, votation,`);
      const { page } = tab;
      const db = site.server.app.db;
      await logInQuickly(tab.context, 'valide-admin@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        const demo = /href="(\/votation\/\d+)"/.exec(await (await tab.context.request.get('/projects/charte-participation')).text())![1]!;
        await page.goto(demo);
        if (lang === 'fr') {
          await submit(page, 'form.votation-ballot button[type=submit]'); // 422 with its errors
          await page.check('#q0-0');
          for (let o = 0; o < 3; o++) await page.check(`#q1_o${o}-1`);
          await submit(page, 'form.votation-ballot button[type=submit]'); // the receipt
        }
        if (lang !== 'fr') continue; // the same templates: once is enough for the forms below
        const roll = makeVotation(db, { electorate: 'roll' });
        const [code] = addRoll(db, site.server.dataDir, roll.stepId, 1);
        await page.goto(`/votation/${roll.stepId}`);
        await page.goto(`/votation/${roll.stepId}/secrecy`);
        await page.goto(`/votation/${roll.stepId}`);
        await submit(page, 'form[action$="/code"] button[type=submit]'); // 422
        await page.fill('#field-code', code!);
        await submit(page, 'form[action$="/code"] button[type=submit]'); // the ballot
        const upcoming = makeVotation(db, { state: 'upcoming', electorate: 'roll' });
        addRoll(db, site.server.dataDir, upcoming.stepId, 2);
        await page.goto(`/votation/${upcoming.stepId}/admin`);
        await page.fill('#field-new-title', '');
        await submit(page, 'form[action$="/admin/questions"] button[type=submit]'); // 422
        await submit(page, 'form[action$="/admin/codes"] button[type=submit]'); // the code sheet
        const closed = makeVotation(db);
        const receipt = await castBallot(db, closed.step, { userId: 1 }, [1, [0, 2, 5]], null);
        setState(db, closed.stepId, 'closed');
        site.server.app.pageCache.clear();
        await page.goto(`/votation/${closed.stepId}`);
        await submit(page, 'form[action$="/lookup"] button[type=submit]'); // 422
        await page.fill('#field-receipt', receipt);
        await submit(page, 'form[action$="/lookup"] button[type=submit]');
      }
      await done();
      problems.push(...tab.problems);
      await tab.context.close();
    }
    // The questionnaire: its page, a page of questions refused (422), a draft, the review, the
    // results and written answers; its admin page, a question form of each kind, a refused one.
    {
      const tab = await openTab(site.browser, site.server.url, false);
      const done = recordNavigations(tab.page, docs, () => `${lang}, JavaScript off, questionnaire,`);
      const { page } = tab;
      await logInQuickly(tab.context, 'valide-admin@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        const qn = /href="(\/questionnaire\/\d+)"/.exec(await (await tab.context.request.get('/projects/charte-participation')).text())![1]!;
        await page.goto(qn);
        await page.goto(`${qn}/answer`);
        await submit(page, 'button[value="next"]'); // 422 with its errors
        await submit(page, 'button[value="save"]');
        await page.goto(`${qn}/review`);
        await page.goto(`${qn}/results`);
        const texts = /href="(\/questionnaire\/\d+\/results\/\d+)"/.exec(await page.content())![1]!;
        await page.goto(texts);
        await page.goto(`${qn}/admin`);
        for (const type of ['grid', 'file']) await page.goto(`${qn}/admin/questions/new?type=${type}`);
        await submit(page, 'form[action$="/admin/questions"] button[type=submit]'); // 422
      }
      await done();
      problems.push(...tab.problems);
      await tab.context.close();
    }
    {
      const tab = await openTab(site.browser, site.server.url, true);
      const { page } = tab;
      const snapshot = async (what: string) => void docs.push({ label: `fr, JavaScript on, after ${what} on ${new URL(page.url()).pathname}`, html: await page.content() });
      await logInQuickly(tab.context, 'valide-js@exemple.fr');
      await page.goto(await debatePage(tab.context));
      await page.waitForFunction(() => 'htmx' in window);
      await page.click('#debate-vote-against');
      await page.waitForSelector('#debate-vote-against[aria-pressed="true"]');
      await snapshot('a debate vote');
      const useful = await page.locator('form.debate-useful button[aria-pressed="false"]').first().getAttribute('id');
      await page.click(`#${useful}`);
      await page.waitForSelector(`#${useful}[aria-pressed="true"]`);
      await snapshot('a useful mark');
      const sort = page.locator('.sorts a:not([aria-current])').first();
      const href = (await sort.getAttribute('href'))!;
      await sort.click();
      await page.waitForURL((u) => u.pathname + u.search === href);
      await page.waitForSelector(`.sorts a[href="${href}"][aria-current]`);
      await snapshot('a debate sort link');
      problems.push(...tab.problems);
      await tab.context.close();
    }

    // News, pages and menus: the public list, the admin lists and their forms refused (422);
    // then the news filter's htmx swap.
    {
      const tab = await openTab(site.browser, site.server.url, false);
      const done = recordNavigations(tab.page, docs, () => `${lang}, JavaScript off, news and pages administrator,`);
      const { page } = tab;
      await logInQuickly(tab.context, 'valide-admin@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        for (const url of ['/news', '/pages/a-propos', '/admin/news', '/admin/pages', '/admin/menus']) await page.goto(url);
        await page.goto('/admin/news/new');
        await submit(page, 'form[action="/admin/news"] button[type=submit]'); // 422 with its errors
        await page.goto('/admin/pages/new');
        await submit(page, 'form[action="/admin/pages/new"] button[type=submit]'); // 422 with its errors
        await page.goto('/admin/menus/new?menu=header');
        await submit(page, 'form[action="/admin/menus/new"] button[type=submit]'); // 422 with its errors
      }
      await done();
      problems.push(...tab.problems);
      await tab.context.close();
    }
    {
      const tab = await openTab(site.browser, site.server.url, true);
      const { page } = tab;
      await page.goto('/news');
      await page.waitForFunction(() => 'htmx' in window);
      await page.selectOption('#news-filter-project', 'charte-participation');
      await page.waitForURL((u) => u.searchParams.get('project') === 'charte-participation');
      await page.waitForFunction(() => document.querySelectorAll('#news-list .card').length === 1 && !document.querySelector('.htmx-request'));
      docs.push({ label: 'fr, JavaScript on, after the news filter on /news', html: await page.content() });
      problems.push(...tab.problems);
      await tab.context.close();
    }

    // Events: the list, the workshop, registering and cancelling (JavaScript off), the admin list,
    // its form refused (422) and the registrations; then the registration box after its htmx swap.
    {
      const tab = await openTab(site.browser, site.server.url, false);
      const done = recordNavigations(tab.page, docs, () => `${lang}, JavaScript off, events,`);
      const { page } = tab;
      await logInQuickly(tab.context, 'valide-citoyen@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(tab.context, lang);
        for (const url of ['/events', '/events?page=2', '/events/atelier-charte-jeunes']) await page.goto(url);
        await submit(page, '#events-registration-button'); // registered
        await submit(page, '#events-registration-button'); // cancelled
      }
      await done();
      problems.push(...tab.problems);
      await tab.context.close();
      const admin = await openTab(site.browser, site.server.url, false);
      const adminDone = recordNavigations(admin.page, docs, () => `${lang}, JavaScript off, events administrator,`);
      await logInQuickly(admin.context, 'valide-admin@exemple.fr');
      for (lang of LANGS) {
        await useLanguage(admin.context, lang);
        await admin.page.goto('/admin/events');
        const edit = await admin.page.locator('a[href^="/admin/events/"][href$="/edit"]').first().getAttribute('href');
        await admin.page.goto('/admin/events/new');
        await submit(admin.page, 'form[action="/admin/events"] button[type=submit]'); // 422 with its errors
        for (const url of [edit!, edit!.replace('/edit', '/registrations'), edit!.replace('/edit', '/delete')]) await admin.page.goto(url);
      }
      await adminDone();
      problems.push(...admin.problems);
      await admin.context.close();
    }
    {
      const tab = await openTab(site.browser, site.server.url, true);
      const { page } = tab;
      await logInQuickly(tab.context, 'valide-js@exemple.fr');
      await page.goto('/events/atelier-charte-jeunes');
      await page.waitForFunction(() => 'htmx' in window);
      await page.click('#events-registration-button');
      await page.waitForSelector('#events-registration .events-mine');
      docs.push({ label: 'fr, JavaScript on, after registering on /events/atelier-charte-jeunes', html: await page.content() });
      problems.push(...tab.problems);
      await tab.context.close();
    }

    assert.deepEqual(problems, []);
    // The same HTML twice (a page crawled and then landed on) is checked once.
    const unique = [...new Map(docs.map((d) => [d.html, d])).values()];
    assert.ok(unique.length > 100, `enough pages checked: ${unique.length}`);
    // A data-* name may not contain ":" (HTML's "XML-compatible" rule); the checker lets it pass.
    const colons = unique.filter((d) => /\sdata-[\w-]*:/.test(d.html)).map((d) => d.label);
    assert.deepEqual(colons, [], 'data-* attribute names with a colon');
    const errors = await validateHtml(unique);
    assert.deepEqual(errors, [], `The Nu HTML checker found ${errors.length} errors in ${unique.length} documents:\n${errors.join('\n')}`);
  });

  test('written data-hx-*, htmx still sends the CSRF header from <body> and leaves user text alone', async () => {
    const { context, page, problems } = await openTab(site.browser, site.server.url, true);
    try {
      await logInQuickly(context, 'valide-js@exemple.fr');
      // A contribution's page: its text is user Markdown, inside the wrapper htmx must ignore.
      const { votable } = await charterPages(context);
      await page.goto(/href="(\/consultation\/\d+\/items\/\d+)"/.exec(await (await context.request.get(votable)).text())![1]!);
      await page.waitForFunction(() => 'htmx' in window);
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      assert.match(token, /\S{16,}/, 'the page carries its CSRF token');

      // The same link, inside the user-text wrapper and outside it: htmx takes only the second.
      const requests: { url: string; csrf?: string }[] = [];
      page.on('request', (req) => {
        if (req.headers()['hx-request'] === 'true') requests.push({ url: req.url(), csrf: req.headers()['x-csrf-token'] });
      });
      // (No named function inside evaluate: tsx would wrap it in a helper the page lacks.)
      await page.evaluate(() => {
        for (const id of ['inside', 'outside']) {
          const a = Object.assign(document.createElement('a'), { id, href: `#${id}`, textContent: id });
          a.setAttribute('data-hx-get', `/healthz?${id}`);
          document.querySelector(id === 'inside' ? 'main .prose' : 'main')!.append(a);
        }
        (window as unknown as { htmx: { process(el: Element): void } }).htmx.process(document.body);
      });
      await page.click('#inside');
      await page.waitForFunction(() => location.hash === '#inside');
      await Promise.all([page.waitForRequest((req) => req.url().endsWith('/healthz?outside')), page.click('#outside')]);
      assert.deepEqual(requests, [{ url: `${site.server.url}/healthz?outside`, csrf: token }], 'htmx ignored the link in user text, and its request carried the token');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
