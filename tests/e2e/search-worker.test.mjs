// The search engine runs in a Web Worker (crates/search-worker). When the worker cannot start
// (a very old browser, a blocked or missing file), search says so in Chinese, still offers a way
// on (hot questions, the hotline), and the rest of the app keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, withPage, gotoApp, expectPageBasics, launchBrowser, APP_TIMEOUT } from './lib/harness.mjs';

const failures = [
  ['the worker script is missing', { '/search-worker-loader.js': { status: 404, body: 'not found', type: 'text/plain' } }],
  ['the worker wasm is missing', { '/search-worker_bg.wasm': { status: 404, body: 'not found', type: 'text/plain' } }],
];

for (const [what, overrides] of failures) {
  test(`search explains itself when ${what}`, async (t) => {
    const browser = await launchBrowser();
    const app = await startApp({ overrides });
    t.after(async () => {
      await browser.close();
      await app.close();
    });
    await withPage(t, browser, async (page) => {
      await page.goto(app.url(`/search?q=${encodeURIComponent('低保')}`), { waitUntil: 'load' });
      const note = page.locator('#search-unavailable');
      await note.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
      const text = await note.innerText();
      assert.match(text, /搜索暂时无法使用/, `a Chinese explanation: ${text}`);
      assert.match(text, /[\u4e00-\u9fff]{4,}）/, `the reason is Chinese too: ${text}`);
      assert.equal(await note.getAttribute('role'), 'status');
      await expectPageBasics(page, 'search without the worker');
      // Not a dead end: what people ask most and the hotline.
      assert.ok(await page.locator('#search-hot-title + ul a[href^="/qa/"]').count() > 0, 'hot questions offered');
      assert.ok(await page.locator('main a[href^="tel:"]').count() > 0, 'the hotline offered');
      assert.equal(await page.locator('text=正在准备搜索').count(), 0, 'no endless "preparing" state');

      // The header box says it too when focused, and the rest of the app works.
      await page.locator('input#search-q').focus();
      const preparing = page.locator('#search-preparing');
      await preparing.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
      assert.match(await preparing.innerText(), /搜索暂时无法使用/);
      await gotoApp(page, app.url('/policies'));
      assert.ok(await page.locator('main li a').count() > 0, '/policies still lists policies');
    });
  });
}
