// Shared helpers for the browser tests (node:test + playwright-core + system Chromium).
//
// - launchBrowser(): headless Chromium from /usr/bin/chromium with the project's flags
//   (Playwright gives each launch a fresh user-data-dir); never downloads a browser.
// - startApp(opts): serves the RELEASE build (dist/) with tests/fixtures/ under /fixtures/ and
//   optional overrides (e.g. a config.json pointing at a fixture library).
// - withPage(t, browser, fn): a fresh context + page; on failure saves a screenshot and the
//   page's console log into tests/.artifacts/.
// - readLibrary(dir): the library's entries as JSON, following manifest.json (shards too), so
//   tests take ids and texts from the data instead of hard-coding them.
// - expectPageBasics(page): the DOM contract every page honours.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, REPO_ROOT } from '../../server.mjs';
import { libraryOrigin, metaPolicy, withMetaPolicy, addConnectOrigin } from '../../../tools/csp-hook.mjs';

export { REPO_ROOT, startServer };
// The release build under test; MINGBAI_DIST points elsewhere (scripts/test passes it through).
export const DIST = path.resolve(REPO_ROOT, process.env.MINGBAI_DIST || 'dist');
export const ARTIFACTS = path.join(REPO_ROOT, 'tests', '.artifacts');
export const EMBEDDED_LIBRARY = path.join(REPO_ROOT, 'public', 'library');
export const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures');

/** Generous: the release wasm has to download, compile and fetch the library. */
export const APP_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 30_000);

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser() {
  assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: run bash scripts/setup`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** The shipped config.json (dist/ if built, else public/). */
export function baseConfig() {
  for (const p of [path.join(DIST, 'config.json'), path.join(REPO_ROOT, 'public', 'config.json')]) {
    if (fs.existsSync(p)) return JSON.parse(fs.readFileSync(p, 'utf8'));
  }
  return {};
}

/** config.json text with `library` replaced (everything else as shipped). */
export function configWithLibrary(library, extra = {}) {
  return JSON.stringify({ ...baseConfig(), ...extra, library });
}

/**
 * Serves dist/ (+ tests/fixtures/ at /fixtures/). `library` (optional) rewrites config.json.
 * Returns the server (see tests/server.mjs).
 */
export async function startApp({ library, overrides = {}, ...rest } = {}) {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html missing: run trunk build --release --offline first (bash scripts/test does)');
  const o = { ...overrides };
  if (library !== undefined) o['/config.json'] = configWithLibrary(library);
  // A library on another origin must be allowed in the CSP's connect-src, as a deployer does it
  // (docs/security.md: node tools/csp-hook.mjs --add-origin …).
  const origin = libraryOrigin(library);
  const transformHtml = origin ? (html) => withMetaPolicy(html, addConnectOrigin(metaPolicy(html), origin)) : null;
  return startServer({ root: DIST, overrides: o, extraRoots: { '/fixtures/': FIXTURES }, transformHtml, ...rest });
}

/**
 * For a test file that needs one browser and the app on the embedded library: starts both before
 * its tests and closes them after. Returns `{ browser, app }`, filled in once `before` has run.
 */
export function useBrowserAndApp(appOptions) {
  const env = { browser: null, app: null };
  before(async () => {
    env.browser = await launchBrowser();
    env.app = await startApp(appOptions);
  });
  after(async () => {
    await env.browser?.close();
    await env.app?.close();
  });
  return env;
}

function slug(s) {
  return String(s).replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 120) || 'test';
}

/**
 * Runs fn(page, ctx) in a fresh browser context (phone-sized viewport, zh-CN; `deferApp`: see below). On failure saves
 * tests/.artifacts/<test name>.png (+ .log with console messages and page errors) and rethrows.
 */
export async function withPage(t, browser, fn, { deferApp = false, ...contextOptions } = {}) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    serviceWorkers: 'block',
    ...contextOptions,
  });
  // A pre-rendered page starts the app at the reader's first interaction. Tests of the app start
  // it as soon as the document is parsed (as a tap would); `deferApp` leaves it to the reader
  // (tests of the pre-rendered pages themselves).
  if (!deferApp) {
    await context.addInitScript(() => addEventListener('DOMContentLoaded', () => window.mingbaiStart && window.mingbaiStart()));
  }
  const page = await context.newPage();
  const log = [];
  page.on('console', (m) => log.push(`[console.${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.stack || e}`));
  page.on('requestfailed', (r) => log.push(`[requestfailed] ${r.url()} ${r.failure()?.errorText ?? ''}`));
  try {
    return await fn(page, context);
  } catch (err) {
    try {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const base = path.join(ARTIFACTS, slug(t.fullName ?? t.name));
      await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 10_000 }).catch(() => {});
      fs.writeFileSync(`${base}.log`, [`url: ${page.url()}`, String(err?.stack || err), '', ...log].join('\n'));
      t.diagnostic?.(`screenshot: ${path.relative(REPO_ROOT, base)}.png`);
    } catch {
      /* best effort */
    }
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Loads axe-core into the page. Through CDP (page.evaluate), not a <script> tag: the app's
 * Content-Security-Policy rightly blocks inline scripts it does not know (docs/security.md).
 */
export async function injectAxe(page) {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(source);
}

/** Waits until the app has rendered: main#main with an h1 and no loading status left. */
export async function waitForApp(page, { timeout = APP_TIMEOUT } = {}) {
  // A pre-rendered page starts the app at the first interaction: start it now, and wait until
  // the app has taken the page over (html.app-ready), not just for the pre-rendered h1.
  await page.evaluate(() => window.mingbaiStart && window.mingbaiStart()).catch(() => {});
  await page.waitForFunction(() => document.documentElement.classList.contains('app-ready'), null, { timeout });
  await page.waitForSelector('main#main h1', { state: 'attached', timeout });
  await page.waitForFunction(() => !document.querySelector('p[role="status"]'), null, { timeout });
}

/** Navigates to `url` and waits for the app to render it. */
export async function gotoApp(page, url, opts) {
  await page.goto(url, { waitUntil: 'load', timeout: APP_TIMEOUT });
  await waitForApp(page, opts);
}

/** The DOM contract every page honours. */
export async function expectPageBasics(page, what = page.url()) {
  // A page whose library files are still loading (lazy kinds) shows a status first, then its h1.
  await page.locator('h1').first().waitFor({ timeout: APP_TIMEOUT }).catch(() => {});
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', `${what}: html[lang="zh-CN"]`);
  assert.equal(await page.locator('main#main').count(), 1, `${what}: exactly one main#main`);
  assert.equal(await page.locator('h1').count(), 1, `${what}: exactly one h1`);
  const h1 = (await page.locator('h1').innerText()).trim();
  assert.ok(h1.length > 0, `${what}: h1 has text`);
  const hotline = page.locator('a.hotline[href^="tel:"]');
  assert.ok((await hotline.count()) >= 1, `${what}: a.hotline[href^="tel:"]`);
  assert.ok(await hotline.first().isVisible(), `${what}: hotline link visible`);
}

/** Text of the whole page body, whitespace collapsed. */
export async function bodyText(page) {
  return (await page.locator('body').innerText()).replace(/\s+/g, ' ');
}

/** Asserts an element matching `selector` exists (waiting for it up to APP_TIMEOUT). */
export async function expectPresent(page, selector, message) {
  try {
    await page.waitForSelector(selector, { state: 'attached', timeout: APP_TIMEOUT });
  } catch {
    assert.fail(message || `expected ${selector} on ${page.url()}`);
  }
}

// ---- library data ---------------------------------------------------------------------------

function names(list) {
  if (list == null) return [];
  return Array.isArray(list) ? list : [list];
}

/** Reads a library folder following its manifest. Malformed files are skipped (empty). */
export function readLibrary(dir = EMBEDDED_LIBRARY) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const read = (file) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch {
      return null;
    }
  };
  const files = manifest.files || {};
  const lib = { manifest };
  for (const kind of ['policies', 'cards', 'qa', 'notices', 'topics', 'synonyms']) {
    lib[kind] = names(files[kind]).flatMap((f) => read(f) || []);
  }
  lib.taxonomy = files.taxonomy ? read(files.taxonomy) || {} : {};
  return lib;
}

/** "2024-06-30" -> "2024年6月30日" (how the app shows dates). */
export function zhDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : null;
}

/** CSS attribute value escaping for ids used in selectors. */
export function cssAttr(s) {
  return String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
