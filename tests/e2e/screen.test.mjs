// The display screen (/screen) on the small fixture library with a 1 s slide interval and a 1 s
// refresh: it advances, an urgent notice takes its share of the rotation (every other slide by
// default, the whole screen with urgent_share 1, and then no pause button), a broken file served
// mid-run changes nothing on screen (and shows no error), a repealed policy's card and question
// leave after a refresh, headlines are at least 48 px in both orientations, the district name is
// on top and the slide centred, reduced motion turns the transition off and the pause button
// (keyboard) stops the carousel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowserAndApp, withPage, gotoApp, readLibrary, configWithLibrary, FIXTURES, APP_TIMEOUT } from './lib/harness.mjs';

const small = readLibrary(path.join(FIXTURES, 'small'));
const FILE = (name) => `/fixtures/small/${name}`;
const original = (name) => fs.readFileSync(path.join(FIXTURES, 'small', name), 'utf8');

const env = useBrowserAndApp({
  overrides: {
    '/config.json': configWithLibrary('/fixtures/small/', { screen: { interval_seconds: 1, refresh_seconds: 1, kinds: ['notice', 'card', 'qa'] } }),
  },
});

function resetFiles() {
  for (const name of ['notices.json', 'cards.json', 'policies.json']) delete env.app.overrides[FILE(name)];
}

const slideId = (page) => page.getAttribute('article.slide', 'data-id');
const countText = (page) => page.locator('.slide-count').innerText();

/** Resolves once `file` has been requested `n` more times (the screen's refresh cycles). */
async function refreshes(page, file, n = 2) {
  const start = env.app.requests.filter((r) => r === file).length;
  await page.waitForFunction(() => true); // keep the page alive
  const deadline = Date.now() + APP_TIMEOUT;
  while (env.app.requests.filter((r) => r === file).length < start + n) {
    assert.ok(Date.now() < deadline, `${file} not re-fetched ${n} times`);
    await page.waitForTimeout(100);
  }
}

/** Every slide id of one full cycle (the count label says how many there are). */
async function cycle(page) {
  const total = Number(/共 (\d+) 条/.exec(await countText(page))[1]);
  const seen = new Set([await slideId(page)]);
  while (seen.size < total) {
    const last = await slideId(page);
    await page.waitForFunction((id) => document.querySelector('article.slide')?.dataset.id !== id, last, { timeout: APP_TIMEOUT });
    seen.add(await slideId(page));
  }
  return seen;
}

test('the carousel advances through notices, cards and hot questions, each with a QR code', async (t) => {
  resetFiles();
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/screen'));
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('surface-screen')));
    assert.equal(await page.locator('.site-header').count(), 0, 'no site chrome');
    const seen = await cycle(page);
    const expected = [...small.notices.map((n) => n.id), ...small.cards.map((c) => c.id), ...small.qa.map((q) => q.id)];
    assert.deepEqual([...seen].sort(), expected.sort());
    const qr = page.locator('article.slide svg.qr');
    assert.equal(await qr.count(), 1, 'QR code on the slide');
    assert.ok((await qr.getAttribute('aria-label')).includes('二维码'));
    assert.ok((await page.locator('svg.qr rect').count()) > 20, 'QR drawn as SVG rects');
  }, { viewport: { width: 1920, height: 1080 } });
});

const URGENT = { id: 'screen-urgent', title: '紧急：今日下午停电检修', body: ['测试用紧急通知。'], published: '2024-06-01', expires: '2099-12-31', priority: 'urgent' };

/** The ids of the next `n` slides as they come. */
async function sequence(page, n) {
  const seen = [await slideId(page)];
  while (seen.length < n) {
    await page.waitForFunction((id) => document.querySelector('article.slide')?.dataset.id !== id, seen.at(-1), { timeout: APP_TIMEOUT });
    seen.push(await slideId(page));
  }
  return seen;
}

test('an urgent notice valid for months takes every other slide; the other items still show', async (t) => {
  resetFiles();
  env.app.overrides[FILE('notices.json')] = JSON.stringify([...small.notices, URGENT]);
  try {
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, env.app.url('/screen'));
      await page.waitForFunction((id) => document.querySelector('article.slide')?.dataset.id === id, URGENT.id, { timeout: APP_TIMEOUT });
      assert.equal(await page.locator('.slide-kind').innerText(), '紧急通知');
      const normal = small.notices.length + small.cards.length + small.qa.length;
      assert.match(await countText(page), new RegExp(`共 ${normal + 1} 条`), 'every item is in the rotation');
      const seen = await sequence(page, 2 * normal);
      const urgentAt = seen.map((id, i) => (id === URGENT.id ? i : -1)).filter((i) => i >= 0);
      assert.deepEqual(urgentAt, [...Array(normal).keys()].map((i) => 2 * i), `every other slide: ${seen.join(' ')}`);
      assert.equal(new Set(seen.filter((id) => id !== URGENT.id)).size, normal, 'each other item once per cycle');
      assert.equal(await page.locator('.screen-pause').count(), 1, 'something rotates: pause shown');
    }, { viewport: { width: 1920, height: 1080 } });
  } finally {
    resetFiles();
  }
});

test('urgent_share 1 gives an urgent notice the whole screen, and then nothing rotates to pause', async (t) => {
  resetFiles();
  const config = env.app.overrides['/config.json'];
  env.app.overrides['/config.json'] = configWithLibrary('/fixtures/small/', { screen: { interval_seconds: 1, refresh_seconds: 1, urgent_share: 1 } });
  env.app.overrides[FILE('notices.json')] = JSON.stringify([...small.notices, URGENT]);
  try {
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, env.app.url('/screen'));
      assert.equal(await slideId(page), URGENT.id);
      assert.match(await countText(page), /共 1 条/);
      await refreshes(page, FILE('manifest.json'), 2);
      assert.equal(await slideId(page), URGENT.id, 'still the urgent notice');
      assert.equal(await page.locator('.screen-pause').count(), 0, 'no pause button when there is nothing to pause');
    }, { viewport: { width: 1920, height: 1080 } });
  } finally {
    env.app.overrides['/config.json'] = config;
    resetFiles();
  }
});

for (const viewport of [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }]) {
  test(`${viewport.width}×${viewport.height}: the district name on top, the slide centred, its place under it`, async (t) => {
    resetFiles();
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, env.app.url('/screen'));
      const region = page.locator('.screen-region');
      assert.match(await region.innerText(), new RegExp(small.manifest.region), 'district from the manifest');
      const band = await region.boundingBox();
      const slide = await page.locator('article.slide').boundingBox();
      assert.ok(band.y + band.height <= slide.y, 'the district band above the slide');
      const left = slide.x;
      const right = viewport.width - (slide.x + slide.width);
      assert.ok(Math.abs(left - right) <= 4, `centred horizontally: ${left} | ${right}`);
      const main = await page.locator('main').boundingBox();
      const count = await page.locator('.slide-count').boundingBox();
      const above = slide.y - main.y;
      const below = main.y + main.height - (count.y + count.height);
      assert.ok(Math.abs(above - below) <= viewport.height * 0.05, `centred vertically: ${above} above, ${below} below`);
      const qr = await page.locator('svg.qr').boundingBox();
      const text = await page.locator('.slide-text').boundingBox();
      if (viewport.width > viewport.height) {
        assert.ok(qr.x >= text.x + text.width, 'QR code beside the text');
        assert.ok(qr.x + qr.width >= viewport.width * 0.7, `QR code towards the right edge, not pushed left: ${qr.x}`);
      } else {
        assert.ok(qr.y >= text.y + text.height, 'QR code under the text');
      }
    }, { viewport });
  });
}

test('a broken file mid-run keeps the last good data; a repealed policy leaves at the next refresh', async (t) => {
  resetFiles();
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/screen'));
    const before = await cycle(page);
    assert.equal(before.size, 5);

    env.app.overrides[FILE('cards.json')] = '{ this is not JSON';
    env.app.overrides[FILE('notices.json')] = { status: 500, body: 'server error' };
    await refreshes(page, FILE('cards.json'), 2);
    assert.deepEqual(await cycle(page), before, 'same slides after failed refreshes');
    const text = await page.locator('body').innerText();
    assert.ok(!/无法|错误|失败/.test(text), `no error on screen: ${text.slice(0, 200)}`);
    assert.equal(await page.locator('[role="alert"], dialog').count(), 0, 'no dialog or alert');

    resetFiles();
    const policies = JSON.parse(original('policies.json')).map((p) =>
      p.id === 'fixture-startup-2024' ? { ...p, status: 'repealed', repealed_date: '2024-06-30' } : p);
    env.app.overrides[FILE('policies.json')] = JSON.stringify(policies);
    await page.waitForFunction(() => /共 3 条/.test(document.querySelector('.slide-count')?.textContent || ''), null, { timeout: APP_TIMEOUT });
    const after = await cycle(page);
    assert.ok(!after.has('fixture-card-startup'), 'card of the repealed policy gone');
    assert.ok(!after.has('fixture-qa-startup-amount'), 'question citing only the repealed policy gone');
    assert.ok(after.has('fixture-card-elderly'));
  }, { viewport: { width: 1920, height: 1080 } });
  resetFiles();
});

test('readable at 3 m in both orientations; reduced motion; pause by keyboard', async (t) => {
  resetFiles();
  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }]) {
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, env.app.url('/screen'));
      const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize));
      assert.ok(size >= 48, `headline ${size}px at ${viewport.width}×${viewport.height}`);
      const fits = await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1);
      assert.ok(fits, 'no scrolling');
      const qr = await page.locator('svg.qr').boundingBox();
      assert.ok(qr && qr.y + qr.height <= viewport.height, 'QR code on screen');
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.slide')).animationName), 'none');

      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'screen-pause');
      await page.keyboard.press('Enter');
      assert.equal((await page.locator('.screen-pause').innerText()).trim(), '继续轮播');
      const paused = await slideId(page);
      await refreshes(page, FILE('manifest.json'), 3);
      assert.equal(await slideId(page), paused, 'paused: same slide');
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.querySelector('article.slide')?.dataset.id !== id, paused, { timeout: APP_TIMEOUT });
    }, { viewport, reducedMotion: 'reduce' });
  }
});
