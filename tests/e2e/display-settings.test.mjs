// 关怀模式 (large text) and high contrast: toggles on every page, computed sizes, persistence in
// localStorage `mingbai.display`, classes on <html> before the app starts, zoom never disabled,
// reflow at 320 px in large text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndApp, withPage, gotoApp, readLibrary, APP_TIMEOUT } from './lib/harness.mjs';

const env = useBrowserAndApp();
const lib = readLibrary();
const KEY = 'mingbai.display';

// The toggles live in the header's 设置 menu (a <details>): open it as a person would.
async function openMenu(page) {
  const menu = page.locator('.site-header details.header-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

const px = (page, selector) =>
  page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));

test('normal text is at least 18 px with line height at least 1.5; zoom is not disabled', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/'));
    assert.ok((await px(page, 'body')) >= 18, 'base text ≥ 18 px');
    const ratio = await page.$eval('main p', (el) => {
      const s = getComputedStyle(el);
      return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
    });
    assert.ok(ratio >= 1.5, `line height ${ratio} ≥ 1.5`);
    const viewport = await page.getAttribute('meta[name="viewport"]', 'content');
    assert.ok(!/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b/.test(viewport), `zoom allowed: ${viewport}`);
    assert.equal(await page.locator('button[data-action="large"]').getAttribute('aria-pressed'), 'false');
  });
});

test('大字 raises computed sizes to at least 24 px and persists across reloads and pages', async (t) => {
  await withPage(t, env.browser, async (page) => {
    const card = lib.cards[0];
    await gotoApp(page, env.app.url(`/cards/${card.id}`));
    const h1Before = await px(page, 'h1');
    const toggle = page.locator('button[data-action="large"]');
    await openMenu(page);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('large-text')));
    assert.ok((await px(page, 'body')) >= 24, 'base text ≥ 24 px');
    assert.ok((await px(page, 'main p')) >= 24 * 0.85, 'paragraph text grows too');
    assert.ok((await px(page, 'h1')) > h1Before, 'headings grow');
    assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)), { large: true, contrast: false });
    // The status message says what happened.
    await page.waitForFunction(() => document.body.innerText.includes('已开启大字模式'), null, { timeout: APP_TIMEOUT });

    await page.reload();
    // Applied by index.html before the app has started.
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('large-text')), 'class before the app starts');
    await gotoApp(page, env.app.url('/qa'));
    assert.ok((await px(page, 'body')) >= 24, 'still large after reload, on another page');
    assert.equal(await page.locator('button[data-action="large"]').getAttribute('aria-pressed'), 'true');

    await openMenu(page);
    await page.locator('button[data-action="large"]').click();
    assert.ok((await px(page, 'body')) < 24, 'off again');
    assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)), { large: false, contrast: false });
  });
});

test('高对比 persists across reloads and makes text black on white', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/'));
    await openMenu(page);
    await page.locator('button[data-action="contrast"]').click();
    assert.equal(await page.locator('button[data-action="contrast"]').getAttribute('aria-pressed'), 'true');
    await page.reload();
    await gotoApp(page, env.app.url('/policies'));
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('high-contrast')));
    const colors = await page.$eval('main', (el) => {
      const s = getComputedStyle(el.querySelector('p') || el);
      return { color: s.color, body: getComputedStyle(document.body).backgroundColor };
    });
    assert.equal(colors.color, 'rgb(0, 0, 0)');
    assert.equal(colors.body, 'rgb(255, 255, 255)');
    assert.equal(await page.locator('button[data-action="contrast"]').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)), { large: false, contrast: true });
  });
});

test('a stored setting written by anyone (the contract) applies; junk is ignored', async (t) => {
  await withPage(t, env.browser, async (page, context) => {
    await context.addInitScript((k) => localStorage.setItem(k, '{"large":true,"contrast":true}'), KEY);
    await gotoApp(page, env.app.url('/'));
    const classes = await page.evaluate(() => document.documentElement.className);
    assert.match(classes, /large-text/);
    assert.match(classes, /high-contrast/);
  });
  await withPage(t, env.browser, async (page, context) => {
    await context.addInitScript((k) => localStorage.setItem(k, 'not json'), KEY);
    await gotoApp(page, env.app.url('/'));
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('large-text')), false);
  });
});

test('large text reflows at 320 px: no horizontal scrolling', async (t) => {
  await withPage(
    t,
    env.browser,
    async (page, context) => {
      await context.addInitScript((k) => localStorage.setItem(k, '{"large":true,"contrast":false}'), KEY);
      for (const url of ['/', `/cards/${lib.cards[0].id}`, `/qa/${lib.qa[0].id}`, '/kiosk']) {
        await gotoApp(page, env.app.url(url));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${url}: ${overflow}px wider than the 320 px viewport`);
      }
    },
    { viewport: { width: 320, height: 640 } },
  );
});
