// Offline-first, in real headless Chromium with the real service worker (docs/offline.md):
// - the home page downloads only the first-screen library files;
// - after one visit, with the server gone, every page visited before still works, search too,
//   and the offline notice says how old the data is;
// - back online, a truncated qa.json never replaces the last good copy: the questions stay and
//   the problem is listed in "部分内容未能载入";
// - a new build waits while a page is open and is applied at a safe moment only: the next click
//   on a link, or the kiosk idle reset's full page load; old shell caches are deleted, the
//   library cache kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  APP_TIMEOUT, DIST, FIXTURES, EMBEDDED_LIBRARY, launchBrowser, startServer, withPage, gotoApp, waitForApp, baseConfig, zhDate,
} from './lib/harness.mjs';
import { writeServiceWorker } from '../../scripts/sw-precache.mjs';
import { firstScreenFiles } from '../../scripts/first-screen-data.mjs';

// The technical lines of the load-problems notice, one per line (folded behind 详情, so not in innerText).
const problemLines = (box) => box.evaluate((e) => [...e.querySelectorAll('li')].map((li) => li.textContent).join('\n'));

const withWorker = { serviceWorkers: 'allow' };

function serve(root, port = 0, overrides = {}) {
  return startServer({ root, port, overrides, extraRoots: { '/fixtures/': FIXTURES } });
}

async function waitForController(page) {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: APP_TIMEOUT });
}

const manifest = JSON.parse(fs.readFileSync(path.join(EMBEDDED_LIBRARY, 'manifest.json'), 'utf8'));

test('offline: first screen only, then every visited page and search without a network, then a bad download keeps the good copy', async (t) => {
  const browser = await launchBrowser();
  let server = await serve(DIST);
  const port = server.port;
  try {
    await withPage(t, browser, async (page) => {
      await gotoApp(page, server.url('/'));
      await waitForController(page);
      // The first screen fetched exactly the first-screen files of the library.
      const fetched = [...new Set(server.requests.filter((p) => p.startsWith('/library/')))].sort();
      const expected = firstScreenFiles(EMBEDDED_LIBRARY).map((f) => `/library/${f}`).sort();
      assert.deepEqual(fetched, expected, 'home loads only the first-screen kinds');
      assert.ok(!fetched.includes('/library/policies.json'));

      // Pages that need more load it on demand (in-app navigation: no new version waits, so
      // sw-register.js leaves the click to the router).
      await page.evaluate(() => { window.mingbaiSamePage = true; });
      await page.click('nav.site-nav a[href="/policies"]');
      await page.waitForSelector('main h1:text("政策文件")', { timeout: APP_TIMEOUT }).catch(() => {});
      await page.waitForSelector('main a[href^="/policies/"]', { timeout: APP_TIMEOUT });
      assert.ok(server.requests.includes('/library/policies.json'), 'policies loaded on demand');
      assert.equal(await page.evaluate(() => window.mingbaiSamePage), true, 'an in-app navigation, not a page load');
      const policyHref = await page.locator('main a[href^="/policies/"]').first().getAttribute('href');
      await gotoApp(page, server.url(policyHref));
      const policyTitle = (await page.locator('h1').innerText()).trim();
      await gotoApp(page, server.url('/search?q=' + encodeURIComponent('养老保险')));
      await page.waitForSelector('ol.search-results > li', { timeout: APP_TIMEOUT });

      // Cut the network: the server is gone.
      await server.close();
      for (const url of ['/', '/policies', policyHref]) {
        await gotoApp(page, `http://127.0.0.1:${port}${url}`);
        const notice = page.locator('.offline-notice');
        await notice.waitFor({ timeout: APP_TIMEOUT });
        assert.equal(
          (await notice.innerText()).trim(),
          `离线浏览：数据更新于 ${zhDate(manifest.updated)}`,
          `${url}: the offline notice`,
        );
        assert.equal(await page.locator('section.load-problems').count(), 0, `${url}: nothing reported missing`);
      }
      assert.equal((await page.locator('h1').innerText()).trim(), policyTitle, 'the policy page works offline');
      await gotoApp(page, `http://127.0.0.1:${port}/search?q=` + encodeURIComponent('养老保险'));
      await page.waitForSelector('ol.search-results > li', { timeout: APP_TIMEOUT });
      await gotoApp(page, `http://127.0.0.1:${port}/`);
      assert.ok((await page.locator('section[aria-labelledby="home-hot-title"] li').count()) > 0, 'hot questions offline');

      // Back online, but qa.json arrives truncated: the kept copy stays, the problem is listed.
      const qa = fs.readFileSync(path.join(EMBEDDED_LIBRARY, 'qa.json'), 'utf8');
      server = await serve(DIST, port, { '/library/qa.json': qa.slice(0, Math.floor(qa.length / 2)) });
      await gotoApp(page, server.url('/'));
      const problems = page.locator('section.load-problems');
      await problems.waitFor({ timeout: APP_TIMEOUT });
      const text = await problemLines(problems);
      assert.match(text, /qa\.json/);
      assert.match(text, /仍显示本机保存的上一版/);
      assert.ok((await page.locator('section[aria-labelledby="home-hot-title"] li').count()) > 0, 'hot questions stay');
      await page.locator('.offline-notice').waitFor({ state: 'detached', timeout: APP_TIMEOUT });
      // And the next visit still starts from the good copy.
      await gotoApp(page, server.url('/qa'));
      assert.ok((await page.locator('main a[href^="/qa/"]').count()) > 0, 'questions still listed');
    }, withWorker);
  } finally {
    await server.close().catch(() => {});
    await browser.close();
  }
});

// ---- updates of the app itself (docs/offline.md, "Updates of the app itself") ----------------

/** The next deployment: a copy of dist/ with a marked index.html, hence a new sw.js version. */
function nextBuild() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mingbai-next-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</head>', '<meta name="mingbai-build" content="next" /></head>'));
  return { dir, version: writeServiceWorker(dir).version };
}

const shellCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('mingbai-shell-')));
const isNext = async (page) => (await page.locator('meta[name="mingbai-build"]').count()) === 1;

/**
 * The current build is visited at `url` (its worker installs and controls the page); then the
 * next build replaces it on the server while the page is open, and `url` is loaded again. The
 * browser's update check (its fetch of sw.js) is held until that page has rendered, so the new
 * worker installs in the middle of a page. Returns the new server once the new worker waits.
 */
async function deployWhileOpen(page, server, next, url, overrides = {}) {
  await gotoApp(page, server.url(url));
  await waitForController(page);
  assert.equal((await shellCaches(page)).length, 1, 'one shell cache after the first visit');
  const port = server.port;
  await server.close();
  const nextServer = await serve(next.dir, port, overrides);
  const release = nextServer.hold('/sw.js');
  await gotoApp(page, nextServer.url(url));
  release();
  const deadline = Date.now() + APP_TIMEOUT;
  while (!(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting))) {
    assert.ok(Date.now() < deadline, 'the new worker installs and waits');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Nothing happens by itself: the page stays on the old build, the old worker in control.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await isNext(page), false, 'not applied in the middle of a page');
  assert.ok(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting), 'still waiting');
  return nextServer;
}

/** After the update: the new build, one shell cache (the new one), the library copies kept. */
async function assertUpdated(page, next, pathname) {
  assert.equal(new URL(page.url()).pathname, pathname, 'the load lands where it was going');
  assert.ok(await isNext(page), 'the new build is shown');
  assert.deepEqual(await shellCaches(page), [`mingbai-shell-${next.version}`], 'old shell cache deleted on activate');
  assert.ok((await page.evaluate(() => caches.keys())).includes('mingbai-library-v1'), 'the library copies are kept across versions');
  // One full load of the new build at the link's URL, not a reload of the old page.
  assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].type), 'navigate');
}

test('offline: a new build waits, then takes over at the next in-app navigation and old shell caches go', async (t) => {
  const next = nextBuild();
  const browser = await launchBrowser();
  let server = await serve(DIST);
  try {
    await withPage(t, browser, async (page) => {
      server = await deployWhileOpen(page, server, next, '/');
      await page.click('nav.site-nav a[href="/qa"]');
      await page.waitForSelector('meta[name="mingbai-build"]', { state: 'attached', timeout: APP_TIMEOUT });
      await waitForApp(page);
      await assertUpdated(page, next, '/qa');
      assert.ok((await page.locator('main a[href^="/qa/"]').count()) > 0, 'the new build works');
    }, withWorker);
  } finally {
    await server.close().catch(() => {});
    await browser.close();
    fs.rmSync(next.dir, { recursive: true, force: true });
  }
});

test('offline: a new build waits, then takes over at the full page load of the kiosk idle reset', { timeout: 180_000 }, async (t) => {
  const next = nextBuild();
  // A short idle time (the countdown is at least 20 s whatever the config says).
  const overrides = { '/config.json': JSON.stringify({ ...baseConfig(), kiosk: { idle_seconds: 2, countdown_seconds: 5 } }) };
  const browser = await launchBrowser();
  let server = await serve(DIST, 0, overrides);
  try {
    await withPage(t, browser, async (page) => {
      // The untouched kiosk start page never counts down; a visitor's trace makes it.
      server = await deployWhileOpen(page, server, next, '/kiosk', overrides);
      await page.evaluate(() => localStorage.setItem('mingbai.visit', 'x'));
      await page.locator('[role="alertdialog"]').waitFor({ state: 'visible', timeout: APP_TIMEOUT });
      // The countdown runs out: the kiosk starts over with a full load of /kiosk, on the new build.
      await page.waitForSelector('meta[name="mingbai-build"]', { state: 'attached', timeout: 60_000 });
      await waitForApp(page);
      await assertUpdated(page, next, '/kiosk');
      assert.equal(await page.evaluate(() => localStorage.getItem('mingbai.visit')), null, 'the visitor was wiped');
      assert.ok(await page.locator('#kiosk-hero').isVisible(), 'back on the attract screen');
    }, withWorker);
  } finally {
    await server.close().catch(() => {});
    await browser.close();
    fs.rmSync(next.dir, { recursive: true, force: true });
  }
});
