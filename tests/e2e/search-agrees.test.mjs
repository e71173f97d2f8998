// Pages and search show the same entries (issue 14, item 5): after a good visit has kept the
// library on the device, the server starts sending a broken qa.json (cut off half-way, with a new
// question at its top). The app refuses that download and keeps showing the good copy; search
// must index exactly what the pages show: a question from the good copy is found and its page
// opens, the question that exists only in the broken download is found nowhere.
// (Before the fix the search worker indexed the fresh download itself: no question was found.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { APP_TIMEOUT, EMBEDDED_LIBRARY, launchBrowser, startApp, withPage, gotoApp } from './lib/harness.mjs';

// The technical lines of the load-problems notice, one per line (folded behind 详情, so not in innerText).
const problemLines = (box) => box.evaluate((e) => [...e.querySelectorAll('li')].map((li) => li.textContent).join('\n'));

const qaText = fs.readFileSync(path.join(EMBEDDED_LIBRARY, 'qa.json'), 'utf8');
const qa = JSON.parse(qaText);
const wanted = qa.find((q) => q.id === 'qa-003') ?? qa[2];
// Only in the broken download: a new entry at the top, then the good entries, cut off.
const intruder = { ...wanted, id: 'qa-only-in-broken-download', question: '截断下载里才有的问题：永远不应被检索到吗' };
const brokenText = (() => {
  const text = JSON.stringify([intruder, ...qa], null, 2);
  return text.slice(0, Math.floor(text.length / 2));
})();

const searchUrl = (q) => `/search?q=${encodeURIComponent(q)}`;

/** Waits until the app has kept qa.json (the good copy) in Cache Storage. */
async function waitForKeptQa(page) {
  await page.waitForFunction(async (length) => {
    const cache = await caches.open('mingbai-library-v1');
    const kept = await cache.match(new URL('/library/qa.json', location.href).href);
    return !!kept && (await kept.text()).length === length;
  }, qaText.length, { timeout: APP_TIMEOUT, polling: 200 });
}

/** The result list of a search, once the worker answered (links of the hits). */
async function resultHrefs(page) {
  await page.waitForSelector('#search-count, #search-unavailable', { timeout: APP_TIMEOUT });
  assert.equal(await page.locator('#search-unavailable').count(), 0, 'search works');
  return page.locator('ol.search-results a.item-title').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
}

test('after a good visit, a truncated qa.json download: search finds what the pages show, nothing from the broken file', async (t) => {
  const browser = await launchBrowser();
  const app = await startApp();
  t.after(async () => {
    await browser.close();
    await app.close();
  });
  await withPage(t, browser, async (page) => {
    // The good visit: the question is found and kept on the device.
    await gotoApp(page, app.url(searchUrl(wanted.question)));
    assert.ok((await resultHrefs(page)).includes(`/qa/${wanted.id}`), 'found on the good visit');
    await waitForKeptQa(page);

    // The server now sends a broken qa.json.
    app.overrides['/library/qa.json'] = brokenText;
    const before = app.requests.length;
    await gotoApp(page, app.url(searchUrl(wanted.question)));
    const hrefs = await resultHrefs(page);
    assert.ok(app.requests.slice(before).includes('/library/qa.json'), 'the broken file was downloaded on this visit');
    assert.ok(hrefs.includes(`/qa/${wanted.id}`), `search finds the question the pages show: ${JSON.stringify(hrefs)}`);
    assert.ok(!hrefs.includes(`/qa/${intruder.id}`), 'nothing from the broken download');

    // Its page opens from the result, from the good copy.
    await page.click(`ol.search-results a[href="/qa/${wanted.id}"]`);
    await page.waitForFunction((q) => document.querySelector('main h1')?.textContent.trim() === q, wanted.question, { timeout: APP_TIMEOUT });

    // The broken download's own question: neither searchable nor a page.
    await gotoApp(page, app.url(searchUrl(intruder.question)));
    assert.ok(!(await resultHrefs(page)).includes(`/qa/${intruder.id}`), 'the broken download\'s question is not searchable');
    await gotoApp(page, app.url(`/qa/${intruder.id}`));
    assert.notEqual((await page.locator('main h1').innerText()).trim(), intruder.question, 'and has no page');
    // The app says it kept the good copy.
    const problems = page.locator('section.load-problems');
    await problems.waitFor({ timeout: APP_TIMEOUT });
    assert.match(await problemLines(problems), /qa\.json[\s\S]*仍显示本机保存的上一版/);
  });
});
