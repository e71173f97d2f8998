// What a citizen meets on the real built app (issue #17, #15 item 5):
// - a browser without WebAssembly is told so, with the hotline (nothing extra on a page
//   pre-rendered for its path: it is readable as it is);
// - the phone header is one compact bar (≤ 120 px at 390×844) and nothing in it is cut at
//   320/390/414 px in normal, 大字, 高对比 and both; the unread badge never wraps the navigation;
// - the 发布机构 facet lists 槐荫 once and that entry finds both 槐荫 documents;
// - "低保怎么申请" gives 低保 items in its top 5;
// - an expired Q&A opened by link says 已失效 and is gone from /qa; 适用范围 and 责任单位 show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  launchBrowser, startApp, withPage, gotoApp, waitForApp, expectPageBasics, bodyText, readLibrary,
  EMBEDDED_LIBRARY, FIXTURES, APP_TIMEOUT,
} from './lib/harness.mjs';

const lib = readLibrary();

// A copy of the embedded library where qa-001 expired in 2020 and names its scope, regions and
// department (example data, as the rest of that library).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mingbai-citizen-'));
fs.cpSync(EMBEDDED_LIBRARY, tmp, { recursive: true });
const qa = JSON.parse(fs.readFileSync(path.join(tmp, 'qa.json'), 'utf8'));
const expired = qa[0];
Object.assign(expired, { expires: '2020-01-01', scope: 'county', regions: ['huaiyin'], department: '槐荫区政务服务中心（示例）' });
const current = qa[1];
Object.assign(current, { scope: 'city', regions: ['licheng'], department: '历城区人社局（示例）' });
fs.writeFileSync(path.join(tmp, 'qa.json'), JSON.stringify(qa));

let browser;
let app;
let expiryApp;
before(async () => {
  browser = await launchBrowser();
  app = await startApp();
  expiryApp = await startApp({ library: '/changed/', extraRoots: { '/fixtures/': FIXTURES, '/changed/': tmp } });
});
after(async () => {
  await browser?.close();
  await app?.close();
  await expiryApp?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('without WebAssembly an app-only page says this browser cannot run the app, with the hotline', async (t) => {
  await withPage(t, browser, async (page) => {
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(app.url('/subscribe'), { waitUntil: 'load' });
    const note = page.locator('#boot .boot-nowasm');
    await note.waitFor({ state: 'visible', timeout: 5_000 });
    const text = await note.innerText();
    assert.match(text, /无法运行本应用/, text);
    assert.match(text, /WebAssembly/, text);
    assert.match(text, /12345/, 'names the hotline');
    assert.equal(await note.getAttribute('role'), 'alert');
    assert.ok(await page.locator('#boot a.hotline[href^="tel:"]').first().isVisible(), 'a hotline link');
    assert.equal(await page.locator('text=正在加载').count(), 0, 'no endless loading line');
  });
});

test('without WebAssembly a pre-rendered page shows its content and no warning', async (t) => {
  await withPage(t, browser, async (page) => {
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(app.url(`/qa/${lib.qa[0].id}`), { waitUntil: 'load' });
    assert.equal(await page.locator('.boot-nowasm').count(), 0, 'no warning over readable content');
    assert.ok((await bodyText(page)).includes(lib.qa[0].question), 'the answer is readable');
  });
});

const MODES = [
  ['normal', null],
  ['大字', { large: true }],
  ['高对比', { contrast: true }],
  ['大字+高对比', { large: true, contrast: true }],
];

for (const width of [320, 390, 414]) {
  for (const [mode, display] of MODES) {
    test(`phone header at ${width} px, ${mode}: nothing cut, the badge does not wrap the navigation`, async (t) => {
      await withPage(t, browser, async (page) => {
        if (display) await page.addInitScript((d) => localStorage.setItem('mingbai.display', JSON.stringify(d)), display);
        await gotoApp(page, app.url('/qa'));
        await page.waitForSelector('.site-header .header-menu', { state: 'attached', timeout: APP_TIMEOUT });
        // Show an unread count as the app does when news arrives.
        await page.evaluate(() => {
          const badge = document.getElementById('unread-badge');
          document.getElementById('unread-count').textContent = '4';
          badge.hidden = false;
        });
        const m = await page.evaluate(() => {
          const header = document.querySelector('.site-header');
          const cut = [];
          for (const e of header.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (!r.width || getComputedStyle(e).visibility === 'hidden') continue;
            if (e.closest('details:not([open]) > div, .visually-hidden, [hidden]')) continue;
            if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) cut.push(`${e.tagName}.${e.className} ${e.scrollWidth}>${e.clientWidth}`);
            if (r.right > innerWidth + 1 || r.left < -1) cut.push(`${e.tagName}.${e.className} outside ${Math.round(r.left)}–${Math.round(r.right)}`);
          }
          const tops = [...document.querySelectorAll('.site-nav li')].map((li) => Math.round(li.getBoundingClientRect().top));
          const inbox = document.querySelector('.site-nav li.app-only');
          return {
            height: header.getBoundingClientRect().height,
            cut,
            tops,
            inboxTop: Math.round(inbox.getBoundingClientRect().top),
            headerScroll: header.scrollWidth, viewport: innerWidth,
          };
        });
        assert.deepEqual(m.cut, [], `nothing cut in the header: ${m.cut.join('; ')}`);
        assert.ok(m.headerScroll <= m.viewport, `header fits (${m.headerScroll} > ${m.viewport})`);
        if (!display?.large) {
          // In normal text the navigation is one row, badge included.
          assert.equal(new Set(m.tops).size, 1, `navigation on one row: ${m.tops}`);
        }
        if (width === 390 && !display?.large) {
          assert.ok(m.height <= 120, `header ${m.height} px high at 390×844`);
        }
        // The menu opens without the app's help and shows the toggles and the library name.
        await page.locator('.header-menu > summary').click();
        assert.ok(await page.locator('.header-menu-name').isVisible(), 'the library name is in the menu');
        assert.ok(await page.locator('.header-menu button[data-action="large"]').isVisible(), '大字 in the menu');
        const panel = await page.locator('.header-menu-panel').evaluate((e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, vw: innerWidth };
        });
        assert.ok(panel.left >= 0 && panel.right <= panel.vw, `menu panel on screen: ${JSON.stringify(panel)}`);
      }, { viewport: { width, height: 844 } });
    });
  }
}

// Beside a long library name (the embedded one is 26 characters) the search keeps room to type
// and 搜索 stays on one line: the name gives way (it is the home page's h1 and in the 设置 menu).
for (const [path, width, height] of [['/qa', 800, 600], ['/qa', 1280, 800], ['/kiosk', 1080, 1920], ['/kiosk', 1920, 1080]]) {
  test(`header at ${width}×${height} (${path}): the search box has room beside the library's name`, async (t) => {
    await withPage(t, browser, async (page) => {
      await gotoApp(page, app.url(path));
      await page.waitForSelector('.site-header .header-menu', { state: 'attached', timeout: APP_TIMEOUT });
      const m = await page.evaluate(() => {
        const box = (sel) => document.querySelector(sel).getBoundingClientRect();
        const rowTops = [...document.querySelectorAll('.header-row > *')].map((e) => Math.round(e.getBoundingClientRect().top));
        return { input: box('.header-row input').width, inputH: box('.header-row input').height, button: box('.header-row .search-submit').height, rowH: box('.header-row').height, rowTops, name: document.querySelector('.brand-name').textContent };
      });
      assert.ok(m.name.length >= 20, `a long library name (${m.name})`);
      assert.ok(m.input >= 160, `search input ${Math.round(m.input)} px wide`);
      assert.ok(m.button < m.inputH * 1.4, `搜索 on one line (button ${m.button} px high, input ${m.inputH} px)`);
    }, { viewport: { width, height } });
  });
}

test('the 发布机构 filter lists 槐荫 once and it finds both 槐荫 documents', async (t) => {
  const huaiyin = lib.policies.filter((p) => p.issuer.startsWith('槐荫'));
  assert.ok(huaiyin.length === 2, 'the library has two 槐荫 documents under two issuer spellings');
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/policies'));
    const options = await page.locator('select[name="issuer"] option').allInnerTexts();
    const entries = options.filter((o) => o.includes('槐荫'));
    assert.equal(entries.length, 1, `one 槐荫 entry: ${options}`);
    const value = await page.locator('select[name="issuer"] option', { hasText: '槐荫' }).getAttribute('value');
    await gotoApp(page, app.url(`/policies?issuer=${encodeURIComponent(value)}`));
    for (const p of huaiyin) {
      await page.waitForSelector(`main a[href="/policies/${p.id}"]`, { timeout: APP_TIMEOUT });
    }
  });
});

test('search "低保怎么申请": the top 5 are all about 低保', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url(`/search?q=${encodeURIComponent('低保怎么申请')}`));
    await page.waitForSelector('li.search-result', { timeout: APP_TIMEOUT });
    const hits = await page.locator('li.search-result').evaluateAll((lis) => lis.slice(0, 5).map((li) => {
      const href = li.querySelector('a.item-title').getAttribute('href');
      return { href, text: li.innerText };
    }));
    assert.ok(hits.length >= 1, 'results');
    for (const hit of hits) {
      // The item itself (its page text in the library) is about 低保 / 最低生活保障.
      const id = hit.href.split('/').pop();
      const item = [...lib.qa, ...lib.cards, ...lib.policies, ...lib.notices, ...(lib.topics || [])].find((x) => x.id === id);
      const all = JSON.stringify(item ?? hit.text);
      assert.ok(/低保|最低生活保障/.test(all), `${hit.href} is about 低保: ${hit.text.slice(0, 80)}`);
    }
  });
});

test('an expired Q&A opened by link says 已失效, and /qa no longer lists it; 适用范围 and 责任单位 show', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, expiryApp.url(`/qa/${expired.id}`));
    await expectPageBasics(page, 'expired qa');
    const note = page.locator('main .expired-note');
    await note.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
    assert.ok(await note.locator('.badge.expired', { hasText: '已失效' }).isVisible(), 'badge 已失效');
    assert.match(await note.innerText(), /已于 2020年1月1日 失效/);
    const facts = await page.locator('main .applicability').innerText();
    assert.match(facts, /适用范围\s*区县、槐荫区/, facts);
    assert.match(facts, /责任单位\s*槐荫区政务服务中心（示例）/, facts);

    await gotoApp(page, expiryApp.url(`/qa/${current.id}`));
    await page.waitForSelector('main .applicability', { timeout: APP_TIMEOUT });
    assert.equal(await page.locator('main .expired-note').count(), 0, 'a current Q&A is not marked');
    assert.equal(await page.locator(`main a[href="/qa/${expired.id}"]`).count(), 0, 'not among related questions');

    await gotoApp(page, expiryApp.url('/qa'));
    await page.waitForSelector(`main a[href="/qa/${current.id}"]`, { timeout: APP_TIMEOUT });
    assert.equal(await page.locator(`main a[href="/qa/${expired.id}"]`).count(), 0, 'the expired Q&A left /qa');
    await gotoApp(page, expiryApp.url('/'));
    assert.equal(await page.locator(`main a[href="/qa/${expired.id}"]`).count(), 0, 'and the home page');
  });
});
