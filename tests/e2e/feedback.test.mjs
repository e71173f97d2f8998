// Feedback signals in the browser (issue #16, docs/feedback.md): with config.json's
// feedback.endpoint set, a 没用 tap with a reason and a search without result send exactly the
// expected GET requests, an ID-card number and a phone number in the query masked on the device;
// nothing is sent (and no block is shown) without the key; a tap made offline is sent, with its
// hour, after reconnecting; axe finds nothing with the block open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useBrowserAndApp, withPage, gotoApp, readLibrary, baseConfig, startApp, launchBrowser } from './lib/harness.mjs';

const lib = readLibrary();
const qa = lib.qa[0];
const withFeedback = JSON.stringify({ ...baseConfig(), feedback: { endpoint: '/feedback' } });
const env = useBrowserAndApp({ overrides: { '/config.json': withFeedback, '/feedback': '' } });

const ID = '370102199001011237';
const PHONE = '13987654321';
const NO_RESULT = `${ID}，${PHONE}，火星移民`;

/** Every feedback request the page makes: "<METHOD> <path?query>". */
function capture(page) {
  const seen = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/feedback') seen.push({ method: r.method(), query: url.search.slice(1), url: r.url() });
  });
  return seen;
}

async function waitFor(list, n, what) {
  const end = Date.now() + 10_000;
  while (list.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  assert.ok(list.length >= n, `${what}: expected ${n} request(s), saw ${JSON.stringify(list)}`);
}

test('没用 with a reason and a search without result send exactly the expected requests, scrubbed', async (t) => {
  await withPage(t, env.browser, async (page) => {
    const sent = capture(page);
    await gotoApp(page, env.app.url(`/qa/${qa.id}`));
    const block = page.getByRole('group', { name: '这条内容对您有帮助吗？' });
    await block.waitFor();
    await block.getByRole('button', { name: '没用' }).click();
    await page.getByRole('button', { name: '没看懂' }).click();
    await page.locator('#feedback-status', { hasText: '谢谢您的反馈' }).waitFor();
    await waitFor(sent, 1, '没用');
    assert.deepEqual(sent.map((s) => s.query), [`v=1&t=nh&k=qa&i=${encodeURIComponent(qa.id)}&r=unclear&s=phone`]);
    assert.equal(sent[0].method, 'GET');

    await gotoApp(page, env.app.url(`/search?q=${encodeURIComponent(NO_RESULT)}`));
    await page.locator('#search-count').waitFor();
    await waitFor(sent, 2, 'no result');
    const nr = new URLSearchParams(sent[1].query);
    assert.equal(sent[1].query.split('&q=')[0], 'v=1&t=nr');
    const q = nr.get('q');
    assert.ok(q.includes('〔身份证号〕') && q.includes('〔电话〕'), q);
    assert.ok(!q.includes(ID) && !q.includes(PHONE) && !/\d{7}/.test(q), `masked on the device: ${q}`);
    assert.ok(q.endsWith('火星移民'), q);
    assert.equal(nr.get('s'), 'phone');
    await page.waitForTimeout(500);
    assert.equal(sent.length, 2, `exactly two requests: ${JSON.stringify(sent)}`);
    // Once per page per visit: back on the Q&A page the block says it was answered.
    await gotoApp(page, env.app.url(`/qa/${qa.id}`));
    await page.locator('#feedback-status', { hasText: '谢谢您的反馈' }).waitFor();
    assert.equal(await page.locator('#feedback .feedback-answers').isHidden(), true);
  });
});

test('a search whose results are left unopened is reported when the page is left', async (t) => {
  await withPage(t, env.browser, async (page) => {
    const sent = capture(page);
    await gotoApp(page, env.app.url(`/search?q=${encodeURIComponent('养老保险')}`));
    await page.locator('.search-results a').first().waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(sent.filter((s) => /t=no/.test(s.query)), [], 'nothing while still on the page');
    await page.locator('.site-nav a[href="/qa"]').click();
    await waitFor(sent.filter((s) => /t=no&/.test(s.query)), 0, '');
    const end = Date.now() + 10_000;
    while (!sent.some((s) => s.query.startsWith('v=1&t=no&')) && Date.now() < end) await page.waitForTimeout(100);
    const no = sent.find((s) => s.query.startsWith('v=1&t=no&'));
    assert.ok(no, JSON.stringify(sent));
    assert.match(no.query, /^v=1&t=no&q=%E5%85%BB%E8%80%81%E4%BF%9D%E9%99%A9&n=\d+&s=phone$/);
  });
});

test('nothing is sent and no block is shown when config.json has no feedback key', async (t) => {
  const app = await startApp({ overrides: { '/config.json': JSON.stringify({ ...baseConfig(), feedback: undefined }), '/feedback': '' } });
  try {
    await withPage(t, env.browser, async (page) => {
      const sent = capture(page);
      await gotoApp(page, app.url(`/qa/${qa.id}`));
      assert.equal(await page.locator('#feedback').count(), 0);
      await gotoApp(page, app.url(`/search?q=${encodeURIComponent(NO_RESULT)}`));
      await page.locator('#search-count').waitFor();
      await page.locator('.site-nav a[href="/qa"]').click();
      await page.waitForTimeout(1000);
      assert.deepEqual(sent, []);
    });
  } finally {
    await app.close();
  }
});

test('a tap made offline is queued with its hour and sent after reconnecting', async (t) => {
  await withPage(t, env.browser, async (page, context) => {
    const sent = capture(page);
    await gotoApp(page, env.app.url(`/qa/${qa.id}`));
    await context.setOffline(true);
    await page.getByRole('button', { name: '有用' }).click();
    await page.locator('#feedback-status', { hasText: '谢谢您的反馈' }).waitFor();
    const queued = JSON.parse(await page.evaluate(() => localStorage.getItem('mingbai.feedback.queue')));
    assert.equal(queued.length, 1, JSON.stringify(queued));
    assert.match(queued[0], new RegExp(`^v=1&t=h&k=qa&i=${encodeURIComponent(qa.id)}&s=phone&h=20\\d{8}$`));
    assert.deepEqual(sent, [], 'nothing left the device while offline');
    await context.setOffline(false);
    await waitFor(sent, 1, 'after reconnecting');
    assert.equal(sent[0].query, queued[0]);
    assert.equal(await page.evaluate(() => localStorage.getItem('mingbai.feedback.queue')), null, 'queue emptied');
  });
});

test('axe: no violations with the feedback block open, phone and kiosk', async (t) => {
  for (const [url, viewport] of [[`/qa/${qa.id}`, { width: 390, height: 844 }], [`/qa/${qa.id}?mode=kiosk`, { width: 1080, height: 1920 }]]) {
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, env.app.url(url));
      await page.getByRole('button', { name: '没用' }).click();
      await page.getByRole('button', { name: '没看懂' }).waitFor();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], url);
    }, { viewport });
  }
});
