// A real Chromium (the Debian package) driven by playwright-core, and an axe-core check that
// fails with the list of WCAG 2.2 AA violations. One browser per test file, reused.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Result, RunOptions } from 'axe-core';
import { appRoot } from '../../src/platform/paths.ts';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Why the browser tests are skipped, or undefined when they run. Chromium missing is the only
 * allowed reason, and only outside CI: in CI the launch fails and so do the tests.
 */
export const browserSkip: string | undefined = (() => {
  if (fs.existsSync(CHROMIUM) || process.env.CI === 'true') return undefined;
  console.log(`Browser tests skipped: Chromium not found at ${CHROMIUM}; apt-get install chromium`);
  return `Chromium not found at ${CHROMIUM}`;
})();

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/**
 * Builds the browser bundle (same options as scripts/build.mjs) when it is missing or older than
 * its source, so JavaScript-on tests run the enhancements. Call before starting the server: the
 * app hashes its assets when it is built.
 */
export async function ensureBundle(): Promise<void> {
  // Every browser enhancement scripts/build.mjs bundles: the site's, and the collect map's.
  for (const name of ['palabre', 'collect-map']) {
    const source = path.join(appRoot, `static/js/${name}.ts`);
    const out = path.join(appRoot, `dist/static/${name}.js`);
    if (!fs.existsSync(source)) continue;
    if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= fs.statSync(source).mtimeMs) continue;
    const result = await build({ entryPoints: [source], outfile: out, write: false, bundle: true, platform: 'browser', format: 'iife', target: ['es2020'], minify: true, logLevel: 'warning' });
    // Test files run in parallel processes: write aside, then rename, so no app reads half a file.
    const tmp = `${out}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(tmp, result.outputFiles[0]!.contents);
    fs.renameSync(tmp, out);
  }
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (CSP violations land here). */
  problems: string[];
}

const withoutJavaScript = new WeakSet<Page>();

/** A fresh context (own cookies) and page, with JavaScript on or off. */
export async function openTab(browser: Browser, baseURL: string, javaScript: boolean): Promise<Tab> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: javaScript, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  // Fail in seconds rather than after Playwright's 30 s default: every page here is local.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  if (!javaScript) withoutJavaScript.add(page);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // Console errors carry CSP violations. A 404 page logs its own status, and Chromium asks for
  // /favicon.ico on its own: failed loads are judged from the responses below instead.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console error on ${page.url()}: ${msg.text()}`);
  });
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (res.status() >= 400 && type !== 'document' && !res.url().endsWith('/favicon.ico')) problems.push(`${res.status()} for ${type} ${res.url()}`);
  });
  return { context, page, problems };
}

/**
 * axe-core runs inside the page and never finishes where JavaScript is off (its timers do not
 * fire). Such pages are checked as a copy: the same HTML at the same address, in a page of a
 * JavaScript-on context whose scripts are blocked, so the DOM is the one a no-JS visitor gets.
 * One such context per browser, holding copy pages that checks take and give back: a check
 * running beside another opens a page of its own, and no tab pays for a context and a renderer
 * of its own (seconds of CPU each). The copies carry no cookies: they only load the page's
 * styles and images.
 */
interface Copies {
  context: Promise<BrowserContext>;
  idle: Page[];
}
const axeCopies = new WeakMap<Browser, Copies>();

async function withCopyWithoutScripts<T>(page: Page, check: (copy: Page) => Promise<T>): Promise<T> {
  const browser = page.context().browser();
  if (!browser) throw new Error('page without browser');
  let copies = axeCopies.get(browser);
  if (!copies) {
    const context = (async () => {
      const made = await browser.newContext({ javaScriptEnabled: true });
      made.setDefaultTimeout(10_000);
      await made.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
      return made;
    })();
    copies = { context, idle: [] };
    axeCopies.set(browser, copies);
  }
  const target = copies.idle.pop() ?? (await (await copies.context).newPage());
  try {
    const html = await page.content();
    const url = page.url();
    await target.setViewportSize(page.viewportSize() ?? { width: 1280, height: 900 });
    await target.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    try {
      await target.goto(url);
    } finally {
      await target.unroute(url);
    }
    return await check(target);
  } finally {
    if (!target.isClosed()) copies.idle.push(target);
  }
}

/**
 * axe-core's own build (the one @axe-core/playwright injects, minified: half the parsing), read
 * once per process. AxeBuilder injected it twice per check and finished each run in a fresh blank
 * page; one injection per document and `axe.run` in the page give the same results for a third of
 * the CPU (the pages have no frames, so there is nothing to gather across frames).
 */
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  // Only the violations come back in full: passes and the rest are never read here.
  resultTypes: ['violations'],
};

/** The WCAG 2.0/2.1/2.2 A and AA violations axe-core finds on the page, injecting it if needed. */
async function axeViolations(page: Page): Promise<Result[]> {
  // page.evaluate runs outside the page's CSP, like AxeBuilder's injection. (An element whose
  // id is "axe" is a window property too, hence the look at `run`.)
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    (options) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<{ violations: Result[] }> } }).axe.run(document, options).then((r) => r.violations),
    AXE_OPTIONS,
  );
  return violations;
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page; fails listing what it found. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const violations = withoutJavaScript.has(page) ? await withCopyWithoutScripts(page, axeViolations) : await axeViolations(page);
  const lines = violations.map((v) => {
    const nodes = v.nodes.map((n) => `      ${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').trim()})` : ''}`).join('\n');
    return `  ${v.id} [${v.impact ?? 'n/a'}]: ${v.help}\n${nodes}`;
  });
  assert.equal(violations.length, 0, `Accessibility violations on ${label}:\n${lines.join('\n')}`);
}

/** The page's language and heading, to check which language a page was served in. */
export async function pageLang(page: Page): Promise<string> {
  return (await page.getAttribute('html', 'lang')) ?? '';
}

/** Clicks the header's language link, checks the page came back in `to`, and returns. */
export async function switchLanguage(page: Page, to: 'fr' | 'en'): Promise<void> {
  const link = page.locator(`header a[hreflang="${to}"]`);
  // The link answers with a redirect back here: one committed navigation, then the new page.
  await Promise.all([page.waitForEvent('framenavigated'), link.click()]);
  await page.waitForLoadState('load');
  assert.equal(await pageLang(page), to, `expected the page in ${to} after the language switch`);
}
