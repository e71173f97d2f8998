// /embed/… in an iframe of a host page on another origin (examples/embed-host.html served by a
// second server): no site chrome, links stay under /embed/, the host's mingbai:search navigates
// to the results and the app answers with mingbai:navigated and mingbai:height; a page on an
// origin not in embed.allowed_origins gets no messages, its commands are ignored and the console
// names it. The example served by the app's own site works with the shipped config.json, and the
// iframe settles at the content height within 2 s and stays there (no feedback through 100vh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchBrowser, startApp, startServer, withPage, configWithLibrary, REPO_ROOT, FIXTURES, APP_TIMEOUT } from './lib/harness.mjs';

let browser;
let host;
let stranger;
let app;
let own; // the app with the shipped config.json, serving examples/ at /examples/ itself
before(async () => {
  browser = await launchBrowser();
  host = await startServer({ root: 'examples', fallback: false });
  stranger = await startServer({ root: 'examples', fallback: false });
  app = await startApp({ overrides: { '/config.json': configWithLibrary('library/', { embed: { allowed_origins: [host.origin] } }) } });
  own = await startApp({ extraRoots: { '/fixtures/': FIXTURES, '/examples/': path.join(REPO_ROOT, 'examples') } });
});
after(async () => {
  await browser?.close();
  for (const s of [host, stranger, app, own]) await s?.close();
});

const received = (page) => page.evaluate(() => window.received);

async function appFrame(page, server = app) {
  const deadline = Date.now() + APP_TIMEOUT;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith(server.origin) && new URL(f.url()).pathname.startsWith('/embed'));
    if (frame) {
      await frame.waitForFunction(() => document.documentElement.classList.contains('app-ready'), null, { timeout: APP_TIMEOUT });
      await frame.waitForSelector('main#main h1', { state: 'attached', timeout: APP_TIMEOUT });
      return frame;
    }
    assert.ok(Date.now() < deadline, 'app iframe');
    await page.waitForTimeout(100);
  }
}

test('host page on another origin: search by postMessage, navigated and height come back', async (t) => {
  assert.notEqual(host.origin, app.origin);
  await withPage(t, browser, async (page) => {
    await page.goto(host.url(`/embed-host.html?app=${encodeURIComponent(app.origin)}`));
    const frame = await appFrame(page);
    assert.ok(await frame.evaluate(() => document.documentElement.classList.contains('surface-embed')));
    assert.equal(await frame.locator('.site-header').isVisible(), false, 'no header chrome');
    await page.waitForFunction(() => window.received.some((m) => m.type === 'mingbai:navigated' && m.path === '/'), null, { timeout: APP_TIMEOUT });
    await page.waitForFunction(() => window.received.some((m) => m.type === 'mingbai:height' && m.px > 100), null, { timeout: APP_TIMEOUT });
    const links = await frame.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0);
    assert.deepEqual(links.filter((h) => !h.startsWith('/embed/')), [], 'in-app links stay inside /embed/');

    await page.fill('#q', '养老保险');
    await page.click('#search button');
    await page.waitForFunction(
      () => window.received.some((m) => m.type === 'mingbai:navigated' && m.path.startsWith('/search?q=')),
      null, { timeout: APP_TIMEOUT });
    const nav = (await received(page)).filter((m) => m.type === 'mingbai:navigated').pop();
    assert.equal(decodeURIComponent(nav.path), '/search?q=养老保险');
    assert.ok(nav.title.length > 0, 'title reported');
    assert.equal(new URL(frame.url()).pathname, '/embed/search');
    await frame.waitForSelector('main h1', { timeout: APP_TIMEOUT });
    const heights = (await received(page)).filter((m) => m.type === 'mingbai:height');
    assert.ok(heights.length >= 1 && heights.every((m) => Number.isInteger(m.px)));

    // A link click inside the embed stays inside it.
    const first = frame.locator('main a[href^="/embed/"]').first();
    await first.click();
    await page.waitForFunction(() => window.received.filter((m) => m.type === 'mingbai:navigated').length >= 3, null, { timeout: APP_TIMEOUT });
    assert.ok(new URL(frame.url()).pathname.startsWith('/embed/'), `still embedded: ${frame.url()}`);

    // The host can send it back home.
    await page.click('#home');
    await page.waitForFunction(() => window.received.at(-1)?.type && window.received.filter((m) => m.type === 'mingbai:navigated').at(-1).path === '/', null, { timeout: APP_TIMEOUT });
  });
});

test('an origin that is not allowed gets no messages and cannot steer the embed; the console says why', async (t) => {
  await withPage(t, browser, async (page) => {
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(stranger.url(`/embed-host.html?app=${encodeURIComponent(app.origin)}`));
    const frame = await appFrame(page);
    await frame.evaluate(() => {
      window.probe = new Promise((resolve) => addEventListener('message', (e) => { if (e.data === 'probe') resolve(); }));
    });
    await page.evaluate(() => {
      const f = document.getElementById('mingbai').contentWindow;
      f.postMessage({ type: 'mingbai:search', q: '养老保险' }, '*');
      f.postMessage({ type: 'mingbai:navigate', path: '/qa' }, '*');
      f.postMessage('probe', '*');
    });
    // Messages arrive in order: once the probe is in, the commands before it were handled.
    await frame.evaluate(() => window.probe.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    assert.equal(new URL(frame.url()).pathname, '/embed/', 'not navigated by a stranger');
    assert.equal(await frame.evaluate(() => location.pathname), '/embed/');
    assert.deepEqual(await received(page), [], 'nothing posted to a stranger');
    const refused = consoleLines.filter((l) => l.includes(stranger.origin) && l.includes('embed.allowed_origins'));
    assert.ok(refused.length >= 1, `the console names the refused origin: ${consoleLines.join(' | ')}`);
    assert.ok(refused.length <= 2, 'once for what it sends, once for what it hears, not once per message');
  });
});

test('the example on the app\'s own site works with the shipped config; the iframe settles at the content height within 2 s and stays there for 30 s', { timeout: 120_000 }, async (t) => {
  await withPage(t, browser, async (page) => {
    await page.goto(own.url('/examples/embed-host.html'));
    const frame = await appFrame(page, own);
    await frame.waitForFunction(() => !document.querySelector('p[role="status"]'), null, { timeout: APP_TIMEOUT });
    await page.waitForFunction(() => window.received.some((m) => m.type === 'mingbai:height'), null, { timeout: APP_TIMEOUT });
    const shown = Date.now();
    await page.waitForTimeout(2000);
    const heights = async () => (await received(page)).filter((m) => m.type === 'mingbai:height');
    const settled = await heights();
    const iframeHeight = () => page.evaluate(() => document.getElementById('mingbai').clientHeight);
    const height = await iframeHeight();
    const last = settled.at(-1);
    assert.ok(last.at - shown <= 2000, `last height message ${last.at - shown} ms after the content showed`);
    assert.equal(height, last.px, 'the host set the reported height');
    // The reported height is the content's: nothing to scroll inside, nothing empty below.
    const inside = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      view: innerHeight,
      content: Math.ceil(document.getElementById('app').getBoundingClientRect().bottom + scrollY),
    }));
    assert.ok(inside.scroll <= inside.view + 1, `no scrolling inside the iframe: ${JSON.stringify(inside)}`);
    assert.ok(Math.abs(inside.content - height) <= 1, `iframe ${height} px = content ${inside.content} px`);
    assert.ok(height < 20_000, `a page's height, not a runaway: ${height}`);

    await page.waitForTimeout(30_000);
    const after = await heights();
    t.diagnostic(`${settled.length} height message(s) in the first 2 s, ${after.length - settled.length} in the next 30 s; ${height} px`);
    assert.equal(after.length, settled.length, `no height message in 30 s: ${after.slice(settled.length).map((m) => m.px).join(', ')}`);
    assert.equal(await iframeHeight(), height, 'the iframe kept its height');
    assert.ok(settled.length <= 10, `a few messages while the page builds up, not a stream: ${settled.length}`);

    // It still answers: a search from the host changes the page and the height settles again.
    await page.fill('#q', '养老保险');
    await page.click('#search button');
    await page.waitForFunction(() => window.received.some((m) => m.type === 'mingbai:navigated' && m.path.startsWith('/search')), null, { timeout: APP_TIMEOUT });
  });
});
