// Content-Security-Policy: the built index.html carries a strict policy in a meta tag (inline
// scripts allowed by hash only, wasm by 'wasm-unsafe-eval', no unsafe-inline/unsafe-eval), and the
// app runs under it without a single violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowserAndApp, withPage, gotoApp, expectPageBasics, readLibrary, DIST } from './lib/harness.mjs';
import { inlineBlocks, hashSource, metaPolicy } from '../../tools/csp-hook.mjs';

const env = useBrowserAndApp();
const lib = readLibrary();

/** Records CSP violations and console errors from the first byte of every page. */
async function watchViolations(page) {
  const seen = [];
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  return async () => [...seen, ...(await page.evaluate(() => window.__cspViolations || []))];
}

test('the built index.html has a strict CSP meta tag covering every inline script', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const directives = metaPolicy(html);
  assert.ok(directives.length > 0, 'meta http-equiv="Content-Security-Policy" present');
  const get = (name) => directives.find((d) => d.split(' ')[0] === name) ?? '';
  const scriptSrc = get('script-src');
  assert.ok(scriptSrc.includes("'wasm-unsafe-eval'"), scriptSrc);
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    assert.ok(!scriptSrc.split(' ').includes(bad), `script-src must not allow ${bad}: ${scriptSrc}`);
  }
  assert.ok(!get('style-src').includes("'unsafe-inline'"), get('style-src'));
  assert.equal(get('object-src'), "object-src 'none'");
  assert.equal(get('base-uri'), "base-uri 'none'");
  assert.equal(get('worker-src'), "worker-src 'self'");
  assert.equal(get('connect-src'), "connect-src 'self'", 'the embedded library is on the same origin');
  const { scripts, styles } = inlineBlocks(html);
  assert.ok(scripts.length >= 2, 'trunk loader + boot timeout scripts are inline');
  for (const s of scripts) assert.ok(scriptSrc.includes(hashSource(s)), `inline script hashed: ${s.slice(0, 80)}`);
  for (const s of styles) assert.ok(get('style-src').includes(hashSource(s)), `inline style hashed: ${s.slice(0, 80)}`);
  const meta = html.indexOf('Content-Security-Policy');
  assert.ok(meta < html.search(/<script\b/i) && meta < html.search(/<link\b/i), 'the policy comes before any script or link');
  const header = fs.readFileSync(path.join(DIST, 'csp-header.txt'), 'utf8');
  assert.match(header, /frame-ancestors 'self'/, 'csp-header.txt adds frame-ancestors for hosts');
});

test('the app runs under its CSP with no violation on any kind of page', async (t) => {
  const policy = lib.policies[0];
  const card = lib.cards[0];
  const routes = ['/', '/policies', `/policies/${policy.id}`, `/cards/${card.id}`, '/qa', '/notices',
    '/search?q=养老', '/subscribe', '/inbox', '/privacy', '/no-such-page'];
  await withPage(t, env.browser, async (page) => {
    const violations = await watchViolations(page);
    for (const route of routes) {
      await gotoApp(page, env.app.url(route));
      await expectPageBasics(page, route);
      assert.deepEqual(await violations(), [], `no CSP violation on ${route}`);
    }
    // Client-side navigation and typing in the search box run code paths of their own.
    await page.locator('a[href="/policies"]').first().click();
    await page.waitForURL(/\/policies$/);
    const box = page.locator('input[type="search"]').first();
    if (await box.count()) await box.fill('就业');
    assert.deepEqual(await violations(), [], 'no CSP violation after navigating and typing');
    assert.ok(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null));
  });
});
