// A library hosted on another origin loads by changing only config.json: the fixture library is
// served by a second server (another port = another origin) that sends CORS headers. A third
// server without CORS headers shows that the browser's cross-origin rules are really in play.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, startApp, startServer, withPage, gotoApp, expectPageBasics, expectPresent, bodyText,
  readLibrary, FIXTURES, APP_TIMEOUT,
} from './lib/harness.mjs';
import path from 'node:path';

const small = readLibrary(path.join(FIXTURES, 'small'));

let browser;
let libServer;
let noCorsServer;
let app;
let noCorsApp;
before(async () => {
  browser = await launchBrowser();
  libServer = await startServer({ root: FIXTURES, cors: true, fallback: false });
  noCorsServer = await startServer({ root: FIXTURES, cors: false, fallback: false });
  app = await startApp({ library: `${libServer.origin}/small/` });
  noCorsApp = await startApp({ library: `${noCorsServer.origin}/small/` });
});
after(async () => {
  await browser?.close();
  for (const s of [libServer, noCorsServer, app, noCorsApp]) await s?.close();
});

test('library on another origin (CORS) loads through config.json alone', async (t) => {
  assert.notEqual(libServer.origin, app.origin, 'library and app are on different origins');
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/policies'));
    await expectPageBasics(page, 'cross-origin /policies');
    const text = await bodyText(page);
    for (const p of small.policies) {
      await expectPresent(page, `a[href="/policies/${p.id}"]`, `fixture policy ${p.id} listed`);
      assert.ok(text.includes(p.title), `fixture policy title ${p.title}`);
    }
    assert.equal(await page.locator('.load-problems').count(), 0, 'no load problems');
    assert.ok(libServer.requests.includes('/small/manifest.json'), 'manifest fetched from the other origin');
    assert.ok(libServer.requests.includes('/small/policies.json'), 'policies fetched from the other origin');
    assert.ok(!app.requests.some((r) => r.startsWith('/library/')), 'embedded library not fetched');

    const qa = small.qa[0];
    await gotoApp(page, app.url(`/qa/${qa.id}`));
    await expectPageBasics(page, 'cross-origin qa page');
    assert.ok((await page.locator('h1').innerText()).includes(qa.question), 'fixture question shown');
  });
});

test('library on another origin without CORS headers fails with the clear message', async (t) => {
  await withPage(t, browser, async (page) => {
    await page.goto(noCorsApp.url('/'), { waitUntil: 'load' });
    try {
      await page.waitForFunction(() => document.body.innerText.includes('政策库暂时无法打开'), null, { timeout: APP_TIMEOUT });
    } catch {
      assert.fail(`"政策库暂时无法打开" not shown; page says: ${(await bodyText(page)).slice(0, 300)}`);
    }
    await expectPageBasics(page, 'no-CORS library /');
  });
});
