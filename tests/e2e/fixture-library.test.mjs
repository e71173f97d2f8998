// The app on a small hand-written library (tests/fixtures/small), configured via config.json:
// loading state, revision history (revised -> effective), and that only the configured library
// is used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, startApp, withPage, gotoApp, waitForApp, expectPageBasics, expectPresent, bodyText,
  readLibrary, FIXTURES, APP_TIMEOUT,
} from './lib/harness.mjs';
import path from 'node:path';

const small = readLibrary(path.join(FIXTURES, 'small'));
const revised = small.policies.find((p) => p.status === 'revised' && p.superseded_by);
const current = small.policies.find((p) => p.id === revised?.superseded_by);

let browser;
let app;
before(async () => {
  browser = await launchBrowser();
  app = await startApp({ library: '/fixtures/small/' });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('fixture has a revised -> effective pair', () => {
  assert.ok(revised && current, 'revised policy with superseded_by, and its successor');
  assert.equal(current.supersedes, revised.id);
});

test('while the library loads, the pre-rendered page stays readable; then the live library shows', async (t) => {
  await withPage(t, browser, async (page) => {
    const release = app.hold('/fixtures/small/manifest.json');
    try {
      await page.goto(app.url('/policies'), { waitUntil: 'load' });
      // The app has started and waits for the library: what the reader sees is the page
      // pre-rendered at publish time (the embedded library), never a blank or a bare status.
      await page.waitForFunction(() => document.querySelector('#app') && !document.documentElement.classList.contains('app-ready'));
      assert.ok(await page.locator('#boot main h1').isVisible(), 'pre-rendered content while loading');
      assert.ok(await page.locator('a.hotline[href^="tel:"]').first().isVisible(), 'hotline while loading');
    } finally {
      release();
    }
    await waitForApp(page);
    await expectPageBasics(page, '/policies after loading');
    for (const p of small.policies) await expectPresent(page, `a[href="/policies/${p.id}"]`, `policy ${p.id} listed`);
    assert.equal(await page.locator('p[role="status"]').count(), 0, 'loading status gone');
    assert.ok(!app.requests.some((r) => r.startsWith('/library/')), 'embedded library not fetched');
  });
});

test('a revised policy shows the revision banner linking its successor', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url(`/policies/${revised.id}`));
    await expectPageBasics(page, `/policies/${revised.id}`);
    const banner = page.locator('.revision-banner');
    assert.equal(await banner.count(), 1, '.revision-banner on a revised policy');
    assert.ok(await banner.locator(`a[href="/policies/${current.id}"]`).count() >= 1, 'banner links the current version');
    const meta = (await page.locator('table.policy-meta').innerText()).replace(/\s+/g, ' ');
    assert.ok(meta.includes('已修订'), `有效性 says 已修订: ${meta}`);
    assert.ok(meta.includes(revised.doc_number), '文号');

    // Following the banner reaches the current version, which links back to its history.
    await banner.locator(`a[href="/policies/${current.id}"]`).first().click();
    await page.waitForURL((u) => u.pathname === `/policies/${current.id}`, { timeout: APP_TIMEOUT });
    try {
      await page.waitForFunction((title) => document.querySelector('main#main h1')?.textContent.includes(title), current.title, { timeout: APP_TIMEOUT });
    } catch {
      assert.fail(`current version "${current.title}" not shown after following the banner`);
    }
    await waitForApp(page);
    const meta2 = (await page.locator('table.policy-meta').innerText()).replace(/\s+/g, ' ');
    assert.ok(meta2.includes('有效') && !meta2.includes('已修订'), `current version is 有效: ${meta2}`);
    await expectPresent(page, `a[href="/policies/${revised.id}"]`, 'current version links its earlier version (history)');
  });
});

test('home shows the fixture library (hot question, hotline)', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/'));
    await expectPageBasics(page, 'fixture /');
    const href = await page.locator('a.hotline[href^="tel:"]').first().getAttribute('href');
    assert.equal(href.replace(/[^0-9+]/g, ''), `tel:${small.manifest.hotline}`.replace(/[^0-9+]/g, ''), 'hotline number');
    const text = await bodyText(page);
    assert.ok(text.includes([...small.qa].sort((a, b) => b.hot - a.hot)[0].question), 'fixture hot question on /');
  });
});
