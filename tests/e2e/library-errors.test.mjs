// Libraries that are partly broken or missing: the app says what is wrong, in plain words,
// keeps whatever loaded, and always offers the hotline.
//   tests/fixtures/broken: qa.json truncated (malformed JSON), one card without its required title.
//   /fixtures/does-not-exist/: no manifest.json at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, startApp, withPage, gotoApp, expectPageBasics, expectPresent, bodyText, readLibrary,
  FIXTURES, APP_TIMEOUT,
} from './lib/harness.mjs';
import path from 'node:path';

const broken = readLibrary(path.join(FIXTURES, 'broken'));

let browser;
let brokenApp;
let missingApp;
before(async () => {
  browser = await launchBrowser();
  brokenApp = await startApp({ library: '/fixtures/broken/' });
  missingApp = await startApp({ library: '/fixtures/does-not-exist/' });
});
after(async () => {
  await browser?.close();
  await brokenApp?.close();
  await missingApp?.close();
});

async function problemsText(page) {
  try {
    await page.waitForSelector('.load-problems', { state: 'visible', timeout: APP_TIMEOUT });
  } catch {
    assert.fail('.load-problems not shown');
  }
  const box = page.locator('.load-problems').first();
  assert.equal(await box.getAttribute('role'), 'alert', '.load-problems has role=alert');
  // A citizen reads one short notice with the hotline; the technical lines are folded behind 详情.
  const notice = (await box.innerText()).replace(/\s+/g, ' ');
  assert.ok(notice.includes('部分内容暂时无法显示，其余内容可正常使用'), `citizen notice: ${notice}`);
  assert.ok(await box.locator('a.hotline[href^="tel:"]').isVisible(), 'the notice offers the hotline');
  const details = box.locator('details');
  assert.equal(await details.count(), 1, 'technical list behind one <details>');
  assert.match(await details.locator('summary').innerText(), /^详情/, 'summary says 详情');
  assert.equal(await details.getAttribute('open'), null, '详情 folded by default');
  assert.ok(!notice.includes('.json'), `no file names before 详情 is opened: ${notice}`);
  const height = await box.evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(height < 200, `the folded notice is short (${height} px)`);
  await details.locator('summary').click();
  assert.ok(await details.locator('li').first().isVisible(), '详情 opens the list');
  return (await details.innerText()).replace(/\s+/g, ' ');
}

test('broken library: names the bad files and still shows the good policies', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, brokenApp.url('/policies'));
    await expectPageBasics(page, 'broken /policies');
    const problems = await problemsText(page);
    assert.ok(problems.includes('qa.json'), `.load-problems names qa.json: ${problems}`);
    assert.ok(problems.includes('cards.json'), `.load-problems names cards.json: ${problems}`);
    const text = await bodyText(page);
    for (const p of broken.policies) {
      await expectPresent(page, `a[href="/policies/${p.id}"]`, `good policy ${p.id} still listed`);
      assert.ok(text.includes(p.title), `good policy title ${p.title}`);
    }
  });
});

test('broken library: good cards load, the card missing its title is skipped', async (t) => {
  const good = broken.cards.filter((c) => c.title);
  const bad = broken.cards.filter((c) => !c.title);
  assert.ok(good.length >= 1 && bad.length === 1, 'fixture has good cards and one bad card');
  await withPage(t, browser, async (page) => {
    await gotoApp(page, brokenApp.url('/cards'));
    await expectPageBasics(page, 'broken /cards');
    for (const c of good) await expectPresent(page, `a[href="/cards/${c.id}"]`, `good card ${c.id} listed`);
    assert.equal(await page.locator(`a[href="/cards/${bad[0].id}"]`).count(), 0, 'bad card not listed');
    await problemsText(page);
  });
});

test('broken library: /qa says its questions cannot be shown instead of "no questions"', async (t) => {
  await withPage(t, browser, async (page) => {
    await gotoApp(page, brokenApp.url('/qa'));
    await expectPageBasics(page, 'broken /qa');
    await page.waitForSelector('.kind-unavailable', { timeout: APP_TIMEOUT });
    const text = await bodyText(page);
    assert.ok(text.includes('这部分内容暂时无法显示'), `says the questions cannot be shown: ${text.slice(0, 400)}`);
    assert.ok(!text.includes('暂时没有问题'), 'does not claim there are no questions');
    assert.ok(await page.locator('main .kind-unavailable a.hotline[href^="tel:"]').isVisible(), 'with the hotline');
  });
});

test('missing library: clear message and the hotline', async (t) => {
  await withPage(t, browser, async (page) => {
    await page.goto(missingApp.url('/'), { waitUntil: 'load' });
    // A pre-rendered page starts the app at the first interaction: start it as a tap would.
    await page.evaluate(() => window.mingbaiStart && window.mingbaiStart());
    try {
      await page.waitForFunction(() => document.body.innerText.includes('政策库暂时无法打开'), null, { timeout: APP_TIMEOUT });
    } catch {
      assert.fail(`"政策库暂时无法打开" not shown; page says: ${(await bodyText(page)).slice(0, 300)}`);
    }
    await expectPageBasics(page, 'missing library /');
  });
});

test('missing library: a deep link also shows the message and the hotline', async (t) => {
  await withPage(t, browser, async (page) => {
    await page.goto(missingApp.url('/policies/huaiyin-2024'), { waitUntil: 'load' });
    // A pre-rendered page starts the app at the first interaction: start it as a tap would.
    await page.evaluate(() => window.mingbaiStart && window.mingbaiStart());
    try {
      await page.waitForFunction(() => document.body.innerText.includes('政策库暂时无法打开'), null, { timeout: APP_TIMEOUT });
    } catch {
      assert.fail(`"政策库暂时无法打开" not shown; page says: ${(await bodyText(page)).slice(0, 300)}`);
    }
    await expectPageBasics(page, 'missing library deep link');
  });
});
