// A hostile library (built here at test time, never committed): a 50 MB notices shard, a
// 10,000-character title, deeply nested JSON, direction overrides and control characters,
// javascript:/data:/http: links and duplicate ids across shards. The app stays responsive, shows
// every valid entry, lists what it left out, and never turns a link from the data into anything
// but https:, tel: or an in-app route.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, startApp, withPage, gotoApp, expectPageBasics, bodyText, cssAttr, APP_TIMEOUT,
} from './lib/harness.mjs';

// The technical lines of the load-problems notice, one per line (folded behind 详情, so not in innerText).
const problemLines = (box) => box.evaluate((e) => [...e.querySelectorAll('li')].map((li) => li.textContent).join('\n'));

const LONG_TITLE = `超长标题${'长'.repeat(10_000)}`;
const RTL_TITLE = '\u202e知通要重\u202c 注意 עברית العربية \u0007铃';
const BAD_URLS = ['javascript:alert(1)', 'JaVaScRiPt:alert(2)', 'data:text/html,<script>alert(3)</script>', 'http://www.jinan.gov.cn/a.pdf', 'java\tscript:alert(4)'];

const notice = (id, title, extra = {}) => ({ id, title, body: ['正文第一段。'], published: '2024-07-01', ...extra });
const policy = (id, title, extra = {}) => ({
  id, title, issuer: '区政府', status: 'effective', published_date: '2024-05-01',
  sections: [{ id: 's1', heading: '一、总则', paragraphs: ['正文'] }], ...extra,
});

/** About 50 MB of valid notices, as one JSON array. */
function hugeNotices() {
  const filler = '通知正文内容，'.repeat(200);
  const parts = [];
  let size = 0;
  for (let i = 0; size < 50 * 1024 * 1024; i++) {
    const s = JSON.stringify(notice(`big-${i}`, `大量通知${i}`, { body: [filler] }));
    parts.push(s);
    size += Buffer.byteLength(s) + 1;
  }
  return Buffer.from(`[${parts.join(',')}]`);
}

function hostileLibrary() {
  const manifest = {
    format: 'mingbai-library', version: 1, name: '恶意数据测试库', hotline: '12345',
    files: {
      policies: ['policies.json'],
      notices: ['notices-1.json', 'notices-huge.json', 'notices-deep.json', 'notices-2.json'],
    },
  };
  const policies = [
    policy('links', '链接测试政策', {
      attachments: [
        ...BAD_URLS.map((url, i) => ({ title: `危险附件${i + 1}`, url })),
        { title: '安全附件', url: 'https://www.jinan.gov.cn/a.pdf' },
      ],
      source_url: 'javascript:alert(5)',
    }),
    policy('long-title', LONG_TITLE),
    policy('rtl', RTL_TITLE),
  ];
  const depth = 5000;
  return {
    '/hostile/manifest.json': JSON.stringify(manifest),
    '/hostile/policies.json': JSON.stringify(policies),
    '/hostile/notices-1.json': JSON.stringify([notice('n-a', '第一分片通知甲'), notice('dup', '先出现的重复通知')]),
    '/hostile/notices-huge.json': hugeNotices(),
    '/hostile/notices-deep.json': `[${'{"a":['.repeat(depth)}${']}'.repeat(depth)}]`,
    '/hostile/notices-2.json': JSON.stringify([notice('dup', '后出现的重复通知'), notice('n-b', '第二分片通知乙')]),
  };
}

let browser;
let app;
before(async () => {
  browser = await launchBrowser();
  app = await startApp({ library: '/hostile/', overrides: hostileLibrary() });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('a hostile library: valid entries show, problems are listed, the app responds', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/notices'), { timeout: APP_TIMEOUT * 2 });
    await expectPageBasics(page, 'hostile /notices');
    const problems = page.locator('.load-problems');
    assert.equal(await problems.count(), 1, 'load problems listed');
    const listed = await problemLines(problems);
    assert.match(listed, /notices-huge\.json[^\n]*文件过大（50\.0 MB）/, `oversized shard named with its size: ${listed.slice(0, 400)}`);
    assert.match(listed, /notices-deep\.json/, 'nested file named');
    assert.match(listed, /notices-2\.json[^\n]*dup[^\n]*重复/, 'duplicate id across shards named');

    const text = await bodyText(page);
    for (const title of ['第一分片通知甲', '第二分片通知乙', '先出现的重复通知']) assert.ok(text.includes(title), `valid notice ${title} shown`);
    assert.ok(!text.includes('后出现的重复通知'), 'the later duplicate is left out');
    assert.ok(!text.includes('大量通知0'), 'nothing from the oversized shard');

    // Still responsive: client-side navigation works.
    await page.locator('nav a[href="/policies"]').first().click();
    await page.waitForURL(/\/policies$/);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.includes('政策'), null, { timeout: APP_TIMEOUT });
    assert.ok((await bodyText(page)).includes('链接测试政策'), 'policies list shows');
    // The policies load with their page (lazy by kind): now their unsafe link is reported too.
    await page.waitForFunction(() => /attachments\[0\]\.url/.test([...(document.querySelector('.load-problems')?.querySelectorAll('li') ?? [])].map((li) => li.textContent).join('\n') ?? ''), null, { timeout: APP_TIMEOUT });
    assert.match(await problemLines(problems), /links[^\n]*attachments\[0\]\.url/, 'unsafe link reported');
  });
});

test('a 10,000-character title and direction overrides render as plain text', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/policies/long-title'), { timeout: APP_TIMEOUT * 2 });
    await expectPageBasics(page, 'long title');
    assert.equal((await page.locator('h1').innerText()).trim(), LONG_TITLE);
    const width = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    assert.ok(width, 'a long title wraps instead of widening the page');

    await gotoApp(page, app.url('/policies/rtl'));
    const h1 = await page.locator('h1').textContent();
    assert.equal(h1.trim(), RTL_TITLE.trim(), 'kept as text');
    assert.equal(await page.locator('main#main h1 *').count(), 0, 'no markup from the data');
  });
});

test('links from data: only https, tel and in-app routes are clickable; the rest is plain text', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, app.url('/policies/links'), { timeout: APP_TIMEOUT * 2 });
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) {
      assert.match(href, /^(https:\/\/|tel:|\/(?!\/)|#)/, `only https:, tel:, routes and fragments are links: ${href}`);
    }
    const attachments = page.locator('section[aria-labelledby="policy-attachments-title"]');
    for (let i = 1; i <= BAD_URLS.length; i++) {
      const item = attachments.locator('li', { hasText: `危险附件${i}` });
      assert.equal(await item.count(), 1, `危险附件${i} listed`);
      assert.equal(await item.locator('a').count(), 0, `危险附件${i} is not a link`);
    }
    assert.equal(await attachments.locator(`a[href="${cssAttr('https://www.jinan.gov.cn/a.pdf')}"]`).count(), 1, 'the https attachment is a link');
    const source = page.locator('.source-link');
    assert.ok((await source.innerText()).includes('javascript:alert(5)'), 'the unsafe source URL is shown as text');
    assert.equal(await source.locator('a').count(), 0, 'and is not clickable');
  });
});
