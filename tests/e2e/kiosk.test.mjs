// The kiosk (/kiosk, ?mode=kiosk): attract screen, touch menu and initials pad, touch target
// sizes, no way out of the app (outside links and tel: become dialogs), 扫码带走, axe-core in
// normal and large-text modes, and the idle countdown + reset that wipes the visitor's traces.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import {
  useBrowserAndApp, startApp, withPage, gotoApp, expectPageBasics, readLibrary, baseConfig, EMBEDDED_LIBRARY, APP_TIMEOUT,
} from './lib/harness.mjs';

const lib = readLibrary();
const card = lib.cards[0];
const qa = lib.qa[0];
const policy = lib.policies[0];
const OUTSIDE = 'https://www.example.gov.cn/zwgk/test-source.html';

// Test-only data: the first policy gets an outside source link and a same-site PDF attachment.
const policies = lib.policies.map((p, i) =>
  i === 0 ? { ...p, source_url: OUTSIDE, attachments: [{ title: '测试附件', url: 'attachment-test.pdf' }] } : p,
);
const policiesFile = [].concat(lib.manifest.files.policies)[0];
const env = useBrowserAndApp({ overrides: { [`/library/${policiesFile}`]: JSON.stringify(policies) } });

const LARGE = (k) => localStorage.setItem('mingbai.display', '{"large":true,"contrast":false}');

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(summary, [], `${what}: axe violations`);
}

/** Every visible link, button and input that is smaller than 60×60. */
async function smallTargets(page) {
  return page.$$eval('a[href], button, input, select, summary', (els) =>
    els
      .filter((el) => {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0 && !el.closest('.skip-link');
      })
      .map((el) => ({ el: `${el.tagName} ${el.textContent.trim().slice(0, 20)}`, w: el.getBoundingClientRect().width, h: el.getBoundingClientRect().height }))
      .filter((t) => t.w < 59.5 || t.h < 59.5),
  );
}

async function startKiosk(page) {
  await page.locator('button.kiosk-start').click();
  await page.locator('#kiosk-menu').waitFor({ state: 'visible', timeout: APP_TIMEOUT });
}

test('attract screen: cycling hot questions and cards, "点击屏幕开始", then the touch menu', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/kiosk'));
    await expectPageBasics(page);
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('surface-kiosk')));
    assert.ok((await page.$eval('body', (b) => parseFloat(getComputedStyle(b).fontSize))) >= 22, 'base text ≥ 22 px');
    const hero = page.locator('#kiosk-hero');
    assert.ok(await hero.isVisible());
    assert.equal((await page.locator('button.kiosk-start').innerText()).trim(), '点击屏幕开始');
    const hot = lib.qa.slice().sort((a, b) => b.hot - a.hot)[0];
    assert.ok((await page.locator('#kiosk-cycle').textContent()).includes(hot.question), 'the hottest question is in the cycle');
    assert.equal(await page.locator('#kiosk-cycle li:visible').count(), 1, 'one item at a time');
    assert.equal(await page.locator('#kiosk-menu').isVisible(), false);
    // A touch anywhere on the attract screen starts.
    await page.locator('#kiosk-cycle').click();
    await page.locator('#kiosk-menu').waitFor({ state: 'visible', timeout: APP_TIMEOUT });
    assert.equal(await hero.isVisible(), false);
    for (const heading of ['大家都在问', '按类别查看', '一件事专题', '按拼音首字母查找', '常用词']) {
      assert.ok(await page.locator('#kiosk-menu h2', { hasText: heading }).isVisible(), `menu block ${heading}`);
    }
    // Common words come from the library's synonyms, not invented.
    const word = (await page.locator('#kiosk-words-title + .kiosk-tiles a').first().innerText()).trim();
    assert.ok(lib.synonyms.some((s) => s.aliases.includes(word)), `${word} is a colloquial word of the library`);
  });
});

const INTERNAL_THEMES = (lib.taxonomy.themes || []).filter((x) => x.public === false).map((x) => x.label);

for (const [width, height] of [[1920, 1080], [1080, 1920]]) {
  test(`laid out for a ${width}×${height} display: the attract screen fills it, the pad is on screen without scrolling`, async (t) => {
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, env.app.url('/kiosk'));
      const hero = await page.locator('#kiosk-hero').boundingBox();
      const fits = await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1);
      assert.ok(fits, 'the attract screen needs no scrolling');
      assert.ok(hero.y + hero.height <= height + 1 && hero.y + hero.height >= height - 40, `the attract screen reaches the bottom edge: ${JSON.stringify(hero)}`);
      assert.ok(hero.width >= width * 0.9, `and nearly the whole width: ${hero.width}`);
      assert.ok(hero.height >= height * 0.55, `and most of the height: ${hero.height}`);
      const title = await page.locator('#kiosk-cycle li:visible .cycle-title').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(title >= 40, `the attract question is large: ${title}px`);

      await startKiosk(page);
      const pad = await page.locator('[aria-labelledby="kiosk-pad-title"]').boundingBox();
      const scrolled = await page.evaluate(() => scrollY);
      assert.equal(scrolled, 0, 'nothing scrolled to reach it');
      assert.ok(pad.y >= 0 && pad.y + pad.height <= height, `the whole pad is in the viewport: ${JSON.stringify(pad)} in ${width}×${height}`);
      const go = await page.locator('.pad-grid .pad-go').boundingBox();
      assert.ok(go.y + go.height <= height, '搜索 on screen');

      const hot = await page.locator('[aria-labelledby="kiosk-hot-title"]').boundingBox();
      const themes = await page.locator('[aria-labelledby="kiosk-themes-title"]').boundingBox();
      if (width > height) {
        assert.ok(hot.x >= pad.x + pad.width, `landscape: hot questions beside the pad (${hot.x} vs ${pad.x + pad.width})`);
        assert.ok(hot.y < height / 2, 'and at the top');
        assert.ok(themes.x >= pad.x + pad.width, 'categories beside the pad too');
        const used = await page.locator('#kiosk-menu').boundingBox();
        assert.ok(used.width >= width * 0.85, `the menu uses the width: ${used.width}`);
      } else {
        assert.ok(hot.y >= pad.y + pad.height, 'portrait: stacked, the pad first');
      }
      const tiles = await page.locator('.kiosk-tile').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
      assert.ok(tiles.every((h) => h >= 79.5), `large tiles: ${Math.min(...tiles)}`);
      const labels = await page.locator('#kiosk-themes-title + .kiosk-tiles .kiosk-tile').allInnerTexts();
      assert.ok(labels.length > 0);
      assert.deepEqual(labels.filter((l) => INTERNAL_THEMES.includes(l.trim())), [], 'no internal categories');
    }, { viewport: { width, height } });
  });
}

test('attract screen stands still with prefers-reduced-motion', async (t) => {
  await withPage(
    t,
    env.browser,
    async (page) => {
      await gotoApp(page, env.app.url('/kiosk'));
      const n = await page.locator('#kiosk-cycle li').count();
      assert.ok(n > 1);
      assert.equal(await page.locator('#kiosk-cycle li:visible').count(), n, 'every item shown, nothing cycles');
    },
    { reducedMotion: 'reduce' },
  );
});

test('initials pad builds ylbx and searches in kiosk mode; categories and words navigate', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/kiosk'));
    await startKiosk(page);
    for (const k of ['Y', 'L', 'B', 'X', 'Q']) await page.locator('.pad-grid button', { hasText: new RegExp(`^${k}$`) }).click();
    assert.equal(await page.locator('#pad-display').innerText(), 'YLBXQ');
    await page.locator('.pad-grid button', { hasText: '删除' }).click();
    assert.equal(await page.locator('#pad-display').innerText(), 'YLBX');
    await page.locator('.pad-grid button', { hasText: '搜索' }).click();
    await page.waitForURL(/\/search\?q=ylbx&mode=kiosk$/, { timeout: APP_TIMEOUT });
    await page.waitForSelector('main h1', { timeout: APP_TIMEOUT });
    await page.waitForFunction(() => /医疗保险|养老保险/.test(document.querySelector('main').innerText), null, { timeout: APP_TIMEOUT });
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('surface-kiosk')), 'still a kiosk');

    await gotoApp(page, env.app.url('/kiosk'));
    await startKiosk(page);
    const theme = page.locator('#kiosk-themes-title + .kiosk-tiles a').first();
    const label = (await theme.innerText()).trim();
    await theme.click();
    await page.waitForURL(/\/qa\?theme=.+&mode=kiosk$/, { timeout: APP_TIMEOUT });
    const id = new URL(page.url()).searchParams.get('theme');
    assert.equal(lib.taxonomy.themes.find((x) => x.id === id)?.label, label);
    // 首页 on the kiosk is the kiosk's start page.
    await page.locator('a.brand').click();
    await page.waitForURL(/\/kiosk$/, { timeout: APP_TIMEOUT });
  });
});

test('touch targets are at least 60×60 on kiosk pages', async (t) => {
  await withPage(t, env.browser, async (page) => {
    for (const url of ['/kiosk', `/cards/${card.id}?mode=kiosk`, `/qa/${qa.id}?mode=kiosk`, `/policies/${policy.id}?mode=kiosk`, '/search?q=ylbx&mode=kiosk']) {
      await gotoApp(page, env.app.url(url));
      if (url === '/kiosk') await startKiosk(page);
      assert.deepEqual(await smallTargets(page), [], `${url}: targets smaller than 60×60`);
    }
  }, { viewport: { width: 1080, height: 1920 } });
});

test('no way out: an outside link shows a QR code, a same-site file too, tel: shows the number', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url(`/policies/${policy.id}?mode=kiosk`));
    const start = page.url();
    await page.locator(`a[href="${OUTSIDE}"]`).click();
    const dialog = page.locator('[role="dialog"][aria-modal="true"]');
    await dialog.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
    assert.equal(page.url(), start, 'did not leave');
    assert.equal((await dialog.locator('h2').innerText()).trim(), '请用手机扫码打开');
    assert.ok((await dialog.locator('svg.qr rect').count()) > 10, 'QR code drawn');
    assert.equal((await dialog.locator('.dialog-url').innerText()).trim(), OUTSIDE);
    assert.equal(await page.locator('#app').getAttribute('inert'), '', 'the page behind is inert');
    await dialog.locator('button', { hasText: '关闭' }).click();
    assert.equal(await dialog.count(), 0);

    await page.locator('a', { hasText: '测试附件' }).click();
    await dialog.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
    assert.match(await dialog.locator('.dialog-url').innerText(), /\/library\/attachment-test\.pdf$/);
    await page.keyboard.press('Escape');
    assert.equal(await dialog.count(), 0, 'Escape closes');

    await page.locator('header a.hotline').click();
    await dialog.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
    assert.equal((await dialog.locator('h2').innerText()).trim(), '请用手机拨打');
    assert.equal((await dialog.locator('.dialog-phone').innerText()).trim(), '12345');
    assert.ok((await dialog.locator('.dialog-phone').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))) >= 44, 'number shown large');
    assert.equal(page.url(), start);
    await dialog.locator('button', { hasText: '关闭' }).click();

    // No context menu in the way of touch.
    const prevented = await page.evaluate(() => {
      const ev = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.querySelector('main h1').dispatchEvent(ev);
      return ev.defaultPrevented;
    });
    assert.ok(prevented, 'context menu suppressed');
  });
});

test('on the phone the same outside link is an ordinary link', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url(`/policies/${policy.id}`));
    await page.route(OUTSIDE, (route) => route.fulfill({ body: 'outside', contentType: 'text/plain' }));
    await page.locator(`a[href="${OUTSIDE}"]`).click();
    await page.waitForURL(OUTSIDE, { timeout: APP_TIMEOUT });
    assert.equal(await page.locator('button.take-away').count(), 0);
  });
});

for (const [what, url] of [['card', `/cards/${card.id}`], ['Q&A', `/qa/${qa.id}`], ['policy', `/policies/${policy.id}`]]) {
  test(`扫码带走 on a kiosk ${what} page shows a QR code of the page address`, async (t) => {
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, env.app.url(`${url}?mode=kiosk`));
      await page.locator('button.take-away').click();
      const dialog = page.locator('[role="dialog"]');
      await dialog.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
      assert.equal((await dialog.locator('h2').innerText()).trim(), '扫码带走');
      assert.ok((await dialog.locator('svg.qr[role="img"][aria-label] rect').count()) > 10);
      assert.equal((await dialog.locator('.dialog-url').innerText()).trim(), env.app.url(url), 'the phone gets the page without the kiosk switch');
      assert.ok(await dialog.locator('button').evaluate((b) => b === document.activeElement), 'focus in the dialog');
    });
  });
}

for (const large of [false, true]) {
  test(`kiosk pages pass axe-core${large ? ' in large-text mode' : ''}`, async (t) => {
    await withPage(t, env.browser, async (page, context) => {
      if (large) await context.addInitScript(LARGE);
      await gotoApp(page, env.app.url('/kiosk'));
      await axe(page, '/kiosk attract');
      await startKiosk(page);
      await axe(page, '/kiosk menu');
      for (const url of [`/cards/${card.id}?mode=kiosk`, `/qa/${qa.id}?mode=kiosk`, `/policies/${policy.id}?mode=kiosk`, '/search?q=ylbx&mode=kiosk']) {
        await gotoApp(page, env.app.url(url));
        await axe(page, url);
      }
      await page.locator('button.take-away').count();
      await gotoApp(page, env.app.url(`/cards/${card.id}?mode=kiosk`));
      await page.locator('button.take-away').click();
      await page.locator('[role="dialog"]').waitFor({ state: 'visible', timeout: APP_TIMEOUT });
      await axe(page, '扫码带走 dialog');
    });
  });
}

// ---- idle reset (its own server: config.json with a short idle time) -------------------------

const IDLE_SECONDS = 2;
let idleApp;
before(async () => {
  idleApp = await startApp({
    overrides: { '/config.json': JSON.stringify({ ...baseConfig(), kiosk: { idle_seconds: IDLE_SECONDS, countdown_seconds: 5 } }) },
  });
});
after(async () => {
  await idleApp?.close();
});

test('idle: a countdown of at least 20 s with 继续使用, then everything of the visitor is wiped', { timeout: 180_000 }, async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, idleApp.url('/search?q=ylbx&mode=kiosk'));
    // The visitor's traces: a subscription profile, large text, session state, typed search text.
    await page.evaluate(() => {
      localStorage.setItem('mingbai.profile.v1', JSON.stringify({ version: 1, audiences: ['graduates'], regions: [], follows: [] }));
      localStorage.setItem('mingbai.display', '{"large":true,"contrast":true}');
      sessionStorage.setItem('mingbai.visit', 'x');
      localStorage.setItem('other-app', 'kept');
      const input = document.querySelector('header input[type="search"], header input');
      if (input) input.value = '医疗保险';
    });
    await page.locator('button[data-action="large"]').evaluate((b) => b.click()).catch(() => {});

    const dialog = page.locator('[role="alertdialog"][aria-modal="true"]');
    await dialog.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
    assert.equal((await dialog.locator('h2').innerText()).trim(), '还在使用吗？');
    const seconds = Number(await dialog.locator('#countdown-seconds').innerText());
    assert.ok(seconds > 5 && seconds <= 20, `countdown starts near 20 s (configured 5 is raised to 20), shows ${seconds}`);
    assert.match(await dialog.innerText(), /秒后将清除本次查询的所有内容/);
    const cont = dialog.locator('button', { hasText: '继续使用' });
    const box = await cont.boundingBox();
    assert.ok(box.width >= 60 && box.height >= 60, 'a large 继续使用 button');
    await cont.click();
    assert.equal(await dialog.count(), 0, '继续使用 closes the countdown');
    assert.ok(await page.evaluate(() => localStorage.getItem('mingbai.profile.v1')), 'nothing wiped yet');

    // Left alone again: the countdown runs out and the kiosk starts over at /kiosk.
    await dialog.waitFor({ state: 'visible', timeout: APP_TIMEOUT });
    await page.waitForURL((u) => new URL(u).pathname === '/kiosk', { timeout: 60_000 });
    await gotoApp(page, page.url()).catch(() => {});
    await page.waitForSelector('#kiosk-hero', { timeout: APP_TIMEOUT });
    const state = await page.evaluate(() => ({
      local: Object.keys(localStorage).filter((k) => k.startsWith('mingbai.')),
      session: Object.keys(sessionStorage).filter((k) => k.startsWith('mingbai.')),
      other: localStorage.getItem('other-app'),
      classes: document.documentElement.className,
      inputs: [...document.querySelectorAll('input')].map((i) => i.value).filter(Boolean),
    }));
    assert.deepEqual(state.local, [], 'no mingbai.* key left in localStorage');
    assert.deepEqual(state.session, [], 'no mingbai.* key left in sessionStorage');
    assert.equal(state.other, 'kept', 'other sites’ keys are not ours to delete');
    assert.doesNotMatch(state.classes, /large-text|high-contrast/, 'display settings back to normal');
    assert.match(state.classes, /surface-kiosk/);
    assert.deepEqual(state.inputs, [], 'search text cleared');
    assert.ok(await page.locator('#kiosk-hero').isVisible(), 'back on the attract screen');
    assert.equal(await page.locator('nav .unread-badge:not([hidden])').count(), 0, 'no inbox of the last visitor');
  });
});
