// 搜索即服务 in the browser, on the RELEASE build and the embedded library: the header search box
// with suggestions (WAI-ARIA combobox), pinyin and initials, typo correction, facets in the URL,
// highlighted snippets, and the zero-result page that never leaves people stuck.
// Queries come from the seeds' vocabulary (低保, 政务公开, 养老保险); ids and titles from the data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startApp, withPage, gotoApp, expectPageBasics, expectPresent, readLibrary, APP_TIMEOUT, DIST, REPO_ROOT, FIXTURES,
  useBrowserAndApp,
  injectAxe,
} from './lib/harness.mjs';

const lib = readLibrary();
const HAN = /[\u4e00-\u9fff]/;
const KIND_LABELS = new Set(['政策', '解读', '问答', '通知', '专题']);
const ITEM_ROUTE = /^\/(policies|cards|qa|notices|topics)\/[^/]+$/;

const env = useBrowserAndApp();

const q = (text, extra = '') => env.app.url(`/search?q=${encodeURIComponent(text)}${extra}`);
const options = '#search-suggestions [role="option"]';

/** Types into the header box like a person (one input event per character). */
async function typeInBox(page, text) {
  const box = page.locator('input#search-q');
  await box.click();
  await box.fill('');
  await box.pressSequentially(text);
  return box;
}

/** Waits for the suggestion list to be open with at least one option; returns their texts. */
async function waitForSuggestions(page, what) {
  try {
    await page.waitForSelector(`${options}`, { state: 'visible', timeout: APP_TIMEOUT });
  } catch {
    assert.fail(`no suggestions shown for ${what}`);
  }
  return page.locator(options).allInnerTexts();
}

/** Texts of the result kinds (政策/解读/问答/通知/专题) in the result list. */
async function resultKinds(page) {
  return page.locator('ol.search-results > li .kind').allInnerTexts();
}

test('the header search box is on every page and follows the search landmark contract', async (t) => {
  await withPage(t, env.browser, async (page) => {
    for (const url of ['/', '/policies', `/qa/${lib.qa[0].id}`, '/search']) {
      await gotoApp(page, env.app.url(url));
      const form = page.locator('header form[role="search"]');
      assert.equal(await form.count(), 1, `${url}: one form[role=search] in the header`);
      assert.equal(await form.getAttribute('action'), '/search', `${url}: form action`);
      assert.equal((await form.getAttribute('method')).toLowerCase(), 'get', `${url}: form method`);
      const box = page.locator('input#search-q');
      assert.equal(await box.getAttribute('name'), 'q');
      assert.equal(await box.getAttribute('type'), 'search');
      assert.equal(await box.getAttribute('role'), 'combobox');
      assert.equal(await box.getAttribute('aria-autocomplete'), 'list');
      assert.equal(await box.getAttribute('aria-controls'), 'search-suggestions');
      assert.equal(await box.getAttribute('aria-expanded'), 'false');
      assert.equal(await box.getAttribute('enterkeyhint'), 'search');
      const label = await page.locator('label[for="search-q"]').innerText().catch(() => '');
      const name = label || (await box.getAttribute('aria-label'));
      assert.ok((name || '').includes('搜索政策、问答'), `${url}: box labelled 搜索政策、问答 (got ${name})`);
      const button = form.locator('button[type="submit"]');
      assert.equal((await button.innerText()).trim(), '搜索');
      const size = await button.boundingBox();
      assert.ok(size.height >= 44 && size.width >= 44, `${url}: 搜索 button ≥ 44px (${size.width}x${size.height})`);
      assert.equal(await page.locator('ul#search-suggestions[role="listbox"]').count(), 1, `${url}: the listbox exists`);
    }
  });
});

/** Whether the release wasm carries the pinyin table (it should not: it is fetched on demand). */
function wasmEmbedsTables() {
  const wasm = fs.readdirSync(DIST).find((f) => f.startsWith('mingbai-app') && f.endsWith('.wasm'));
  const table = fs.readFileSync(path.join(REPO_ROOT, 'crates/core/src/search/pinyin.txt'), 'utf8');
  const probe = Buffer.from(table.split('\n').find((l) => l.length > 12));
  return wasm ? fs.readFileSync(path.join(DIST, wasm)).includes(probe) : false;
}

test('the index is built lazily: not for the first screen, but once the box is focused', async (t) => {
  await withPage(t, env.browser, async (page) => {
    const start = env.app.requests.length;
    const tables = () => env.app.requests.slice(start).filter((r) => /\/(pinyin|confusions)\.txt$/.test(r));
    const worker = () => env.app.requests.slice(start).filter((r) => /^\/search-worker/.test(r));
    await gotoApp(page, env.app.url('/'));
    assert.deepEqual(tables(), [], 'no search tables fetched for the first screen');
    assert.deepEqual(worker(), [], 'the search worker is not loaded for the first screen');
    assert.equal(await page.locator('#search-preparing:not([hidden])').count(), 0, 'nothing being prepared yet');
    await typeInBox(page, 'ylbx');
    const texts = await waitForSuggestions(page, 'ylbx');
    assert.ok(texts.every((s) => HAN.test(s)), `pinyin initials suggest Chinese once the index is built: ${texts}`);
    assert.ok(worker().includes('/search-worker_bg.wasm'), `the search worker was loaded once search was wanted: ${worker()}`);
    assert.deepEqual(tables().sort(), ['/confusions.txt', '/pinyin.txt'], 'the tables were fetched when search was first used');
  });
});

// A real test: when the tables end up inside the shell (e.g. cargo feature unification with
// mingbai-cli's `embedded-tables`), this fails instead of turning into a `todo`.
test('the pinyin and confusion tables are not compiled into the app shell', () => {
  assert.ok(!wasmEmbedsTables(), 'pinyin.txt found inside the release wasm');
});

test('typing shows suggestions; ArrowDown + Enter opens the first one', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/'));
    const box = await typeInBox(page, '低保');
    const texts = await waitForSuggestions(page, '低保');
    assert.ok(texts.length >= 1 && texts.length <= 8, `1–8 suggestions (got ${texts.length})`);
    assert.ok(texts.some((s) => s.includes('低保') || s.includes('最低生活保障')), `suggestions about 低保: ${texts}`);
    assert.equal(await box.getAttribute('aria-expanded'), 'true', 'aria-expanded=true while the list is open');
    // Option ids are unique and the text is plain text (no markup from data).
    const ids = await page.locator(options).evaluateAll((els) => els.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, `unique option ids: ${ids}`);
    assert.ok(ids.every(Boolean), 'every option has an id');

    await box.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), ids[0], 'ArrowDown makes the first option active');
    assert.equal(await page.locator(`[id="${ids[0]}"]`).getAttribute('aria-selected'), 'true');
    if (ids.length > 1) {
      await box.press('ArrowDown');
      assert.equal(await box.getAttribute('aria-activedescendant'), ids[1], 'ArrowDown again moves to the second');
      await box.press('ArrowUp');
      assert.equal(await box.getAttribute('aria-activedescendant'), ids[0], 'ArrowUp moves back');
    }
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname !== '/', { timeout: APP_TIMEOUT });
    const url = new URL(page.url());
    assert.ok(ITEM_ROUTE.test(url.pathname) || url.pathname === '/search', `Enter opened an item or a search: ${url}`);
    await expectPageBasics(page, url.pathname);
    assert.equal(await box.getAttribute('aria-expanded'), 'false', 'the list closes after choosing');
  });
});

test('Escape closes the suggestions; tapping an option opens it', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/'));
    const box = await typeInBox(page, '政务公开');
    await waitForSuggestions(page, '政务公开');
    await box.press('Escape');
    assert.equal(await box.getAttribute('aria-expanded'), 'false', 'Escape closes the list');
    assert.ok(!(await page.locator('#search-suggestions').isVisible()), 'the listbox is hidden');
    assert.equal(await box.inputValue(), '政务公开', 'Escape keeps what was typed');

    await box.pressSequentially('专区');
    await waitForSuggestions(page, '政务公开专区');
    const first = page.locator(options).first();
    const item = await first.innerText();
    await first.click();
    await page.waitForURL((u) => u.pathname !== '/', { timeout: APP_TIMEOUT });
    const url = new URL(page.url());
    assert.ok(ITEM_ROUTE.test(url.pathname) || url.pathname === '/search', `tapping "${item}" opened ${url}`);
    await expectPageBasics(page, url.pathname);
  });
});

test('a finger tap on a suggestion opens it (touch screen)', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/'));
    await page.locator('input#search-q').tap();
    await page.locator('input#search-q').pressSequentially('政务公开专区');
    await waitForSuggestions(page, '政务公开专区');
    await page.locator(options).first().tap();
    await page.waitForURL((u) => u.pathname !== '/', { timeout: APP_TIMEOUT });
    const url = new URL(page.url());
    assert.ok(ITEM_ROUTE.test(url.pathname) || url.pathname === '/search', `tap opened ${url}`);
  }, { hasTouch: true, isMobile: true });
});

test('Enter without choosing searches what was typed; the box keeps the query on /search', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/'));
    const box = await typeInBox(page, '政务公开');
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search', { timeout: APP_TIMEOUT });
    assert.equal(new URL(page.url()).searchParams.get('q'), '政务公开');
    await expectPresent(page, 'ol.search-results > li', 'results for 政务公开');
    await expectPageBasics(page, '/search?q=政务公开');
    assert.equal((await page.locator('h1').innerText()).trim(), '搜索“政务公开”');
    assert.equal(await box.inputValue(), '政务公开');
    // Reloading (a shared link) gives the same page.
    await gotoApp(page, page.url());
    assert.equal(await box.inputValue(), '政务公开', 'the box shows the query after a reload');
    await expectPresent(page, 'ol.search-results > li', 'results after a reload');
  });
});

test('pinyin and initials typed in the box suggest Chinese titles', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/'));
    for (const typed of ['ylbx', 'zhengwu', 'zwgk']) {
      await typeInBox(page, typed);
      const texts = await waitForSuggestions(page, typed);
      assert.ok(texts.every((s) => HAN.test(s)), `${typed}: suggestions are Chinese: ${texts}`);
      await page.locator('input#search-q').press('Escape');
    }
  });
});

test('pinyin (yanglaobaoxian) and initials (zwgk) find results', async (t) => {
  await withPage(t, env.browser, async (page) => {
    for (const [typed, meant] of [['yanglaobaoxian', '养老保险'], ['zwgk', '政务公开']]) {
      await gotoApp(page, q(typed));
      await expectPageBasics(page, `/search?q=${typed}`);
      await expectPresent(page, 'ol.search-results > li', `results for ${typed}`);
      const note = await page.locator('.search-corrected').innerText();
      assert.ok(note.includes(meant), `${typed} searched as ${meant}: ${note}`);
      const count = await page.locator('#search-count').innerText();
      assert.match(count, /共 \d+ 条结果/, `result count for ${typed}: ${count}`);
    }
  });
});

test('a typo shows the correction notice with a link to search the words as typed', async (t) => {
  await withPage(t, env.browser, async (page) => {
    for (const [typo, fixed] of [['低报', '低保'], ['政务公开专曲', '政务公开专区']]) {
      await gotoApp(page, q(typo));
      await expectPageBasics(page, `/search?q=${typo}`);
      const note = (await page.locator('.search-corrected').innerText()).replace(/\s+/g, '');
      assert.equal(note, `已为您显示“${fixed}”的结果，仍搜索“${typo}”`, `correction notice for ${typo}`);
      const literal = page.locator('.search-corrected a');
      const href = new URL(await literal.getAttribute('href'), env.app.url('/'));
      assert.equal(href.pathname, '/search');
      assert.equal(href.searchParams.get('q'), typo);
      assert.equal(href.searchParams.get('exact'), '1', 'the literal link asks for exact=1');
      await expectPresent(page, 'ol.search-results > li', `results for ${typo}`);
    }
    // Following the literal link searches the words as typed: no correction any more.
    await page.locator('.search-corrected a').click();
    await page.waitForURL((u) => u.searchParams.get('exact') === '1', { timeout: APP_TIMEOUT });
    await page.waitForSelector('h1', { timeout: APP_TIMEOUT });
    await page.waitForFunction(() => !document.querySelector('p[role="status"]'), null, { timeout: APP_TIMEOUT });
    assert.equal(await page.locator('.search-corrected').count(), 0, 'no correction in exact mode');
    assert.ok((await page.locator('#search-count').innerText()).trim().length > 0, 'a count or a no-result line in exact mode');
  });
});

test('everyday words are searched as official terms, and other readings are offered', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, q('退休金'));
    const expanded = await page.locator('.search-expanded').innerText();
    assert.ok(expanded.includes('“退休金”按“'), `expansion note: ${expanded}`);
    await expectPresent(page, 'ol.search-results > li', 'results for 退休金');

    await gotoApp(page, q('ylbx'));
    const alternatives = page.locator('.search-alternatives');
    assert.ok((await alternatives.innerText()).startsWith('您是不是要找：'), 'alternatives note');
    const link = alternatives.locator('a').first();
    const text = await link.innerText();
    assert.ok(HAN.test(text), `an alternative reading in Chinese: ${text}`);
    await link.click();
    await page.waitForURL((u) => u.searchParams.get('q') === text, { timeout: APP_TIMEOUT });
    await expectPresent(page, 'ol.search-results > li', `results for ${text}`);
  });
});

test('facets narrow the results through the URL (type=qa → only 问答)', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, q('政务公开'));
    await expectPresent(page, 'ol.search-results > li', 'results for 政务公开');
    const allKinds = await resultKinds(page);
    assert.ok(allKinds.every((k) => KIND_LABELS.has(k)), `kind labels: ${allKinds}`);
    const countBefore = await page.locator('#search-count').innerText();
    const qaFacet = page.locator('a.facet[data-facet="type"][data-value="qa"]');
    assert.equal(await qaFacet.count(), 1, 'a 问答 type facet');
    assert.match(await qaFacet.innerText(), /问答 \d+/, 'the facet shows its count');
    const expected = Number((await qaFacet.innerText()).match(/(\d+)/)[1]);
    await qaFacet.click();
    await page.waitForURL((u) => u.searchParams.get('type') === 'qa', { timeout: APP_TIMEOUT });
    assert.equal(new URL(page.url()).searchParams.get('q'), '政务公开', 'the query stays in the URL');
    await page.waitForFunction(
      () => [...document.querySelectorAll('ol.search-results > li .kind')].every((k) => k.textContent === '问答'),
      null, { timeout: APP_TIMEOUT },
    );
    const kinds = await resultKinds(page);
    assert.ok(kinds.length > 0, 'results after filtering');
    assert.ok(kinds.every((k) => k === '问答'), `every result is a 问答: ${kinds}`);
    const countAfter = await page.locator('#search-count').innerText();
    assert.equal(countAfter, `共 ${expected} 条结果`, `count follows the facet (before: ${countBefore})`);
    assert.equal(await page.locator('#search-live').getAttribute('aria-live'), 'polite', 'a polite live region announces counts');
    await page.waitForFunction((c) => document.querySelector('#search-live')?.textContent === c, countAfter, { timeout: APP_TIMEOUT });
    assert.equal(await page.locator('a.facet[data-facet="type"][data-value="qa"]').getAttribute('aria-current'), 'true');
    await expectPageBasics(page, page.url());

    // Reloading the filtered URL gives the same page.
    await gotoApp(page, page.url());
    assert.ok((await resultKinds(page)).every((k) => k === '问答'), 'filtered after a reload');

    // Filters that leave nothing: the count says so (not "nothing found"), the facets stay, and
    // the message names how many results there are without filters.
    await gotoApp(page, q('政务公开', '&type=qa&year=1900'));
    await page.waitForFunction(() => document.querySelector('#search-count')?.textContent === '所选条件下没有结果', null, { timeout: APP_TIMEOUT });
    assert.equal(await page.locator('ol.search-results > li').count(), 0, 'no results under filters that match nothing');
    assert.equal(await page.locator('a.facet[data-facet="type"][data-value="qa"]').count(), 1, 'the facets stay visible');
    const all = Number(countBefore.match(/(\d+)/)[1]);
    assert.equal(await page.locator('p.empty').first().innerText(), `不加筛选共有 ${all} 条结果，可以清除筛选。`);
    await gotoApp(page, q('政务公开', '&type=qa'));

    // 清除筛选 goes back to every kind.
    await page.locator('a.clear-filters').first().click();
    await page.waitForURL((u) => !u.searchParams.has('type'), { timeout: APP_TIMEOUT });
    await page.waitForFunction((c) => document.querySelector('#search-count')?.textContent === c, countBefore, { timeout: APP_TIMEOUT });
    assert.equal(new URL(page.url()).searchParams.get('q'), '政务公开');
  });
});

test('other facets (year, status, theme…) are links that change the URL', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, q('政务公开'));
    const facet = page.locator('.more-facets a.facet[data-facet]').first();
    assert.equal(await facet.count(), 1, 'at least one facet beyond type');
    await page.locator('.more-facets summary').click();
    const name = await facet.getAttribute('data-facet');
    const value = await facet.getAttribute('data-value');
    await facet.click();
    await page.waitForURL((u) => u.searchParams.get(name) === value, { timeout: APP_TIMEOUT });
    await expectPresent(page, `a.facet[data-facet="${name}"][aria-current="true"]`, `${name}=${value} marked as selected`);
    assert.ok(await page.locator('.more-facets').evaluate((d) => d.open), 'the facet block stays open while a facet is in use');
  });
});

test('snippets mark the matched words with <mark> as plain text', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, q('低保'));
    await expectPresent(page, 'ol.search-results .snippet mark', 'a <mark> in a snippet');
    const marks = await page.locator('ol.search-results .snippet mark').evaluateAll((els) =>
      els.map((m) => ({ text: m.textContent, elements: m.children.length })));
    assert.ok(marks.some((m) => m.text.includes('低保')), `a mark holds 低保: ${JSON.stringify(marks)}`);
    assert.ok(marks.every((m) => m.elements === 0), 'marks hold text only');
    // Only the app's own elements appear in the result list: nothing parsed from data.
    const tags = await page.locator('ol.search-results').evaluate((ol) =>
      [...new Set([...ol.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))]);
    const allowed = new Set(['li', 'a', 'p', 'span', 'mark']);
    assert.ok(tags.every((tag) => allowed.has(tag)), `only li/a/p/span/mark in results: ${tags}`);
    // Every result links to its item's route with a kind label.
    const hrefs = await page.locator('ol.search-results > li > a.item-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0 && hrefs.every((h) => ITEM_ROUTE.test(h)), `result links: ${hrefs}`);
    const perf = await page.evaluate(() => performance.getEntriesByName('mingbai:search').map((e) => e.duration));
    assert.ok(perf.length >= 1, 'performance.measure "mingbai:search" recorded');
  });
});

test('a search with no results offers hot questions and the hotline with the query', async (t) => {
  const query = '火星移民';
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, q(query));
    await expectPageBasics(page, `/search?q=${query}`);
    assert.equal(await page.locator('ol.search-results').count(), 0, 'no result list');
    const count = await page.locator('#search-count').innerText();
    assert.ok(count.includes(query), `the no-result line names the query: ${count}`);
    const hot = page.locator('#search-hot-title + ul a[href^="/qa/"]');
    const n = await hot.count();
    assert.ok(n >= 1 && n <= 5, `1–5 hot questions offered (got ${n})`);
    const tel = page.locator(`main a[href^="tel:"]:has-text("咨询“${query}”")`);
    assert.equal(await tel.count(), 1, 'a tel: link naming the query');
    assert.match(await tel.innerText(), /^拨打 \d+ 咨询“火星移民”$/);
  });
});

test('an empty search shows hot questions and topics', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await gotoApp(page, env.app.url('/search'));
    await expectPageBasics(page, '/search');
    assert.equal((await page.locator('h1').innerText()).trim(), '搜索');
    await expectPresent(page, 'main a[href^="/qa/"]', 'hot questions on the empty search page');
    if (lib.topics.length) await expectPresent(page, 'main a[href^="/topics/"]', 'topics on the empty search page');
  });
});

test('search pages keep one h1 and headings in order', async (t) => {
  await withPage(t, env.browser, async (page) => {
    for (const query of ['低保', '火星移民']) {
      await gotoApp(page, q(query));
      const levels = await page.locator('main h1, main h2, main h3, main h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      assert.equal(levels[0], 1, `${query}: h1 first`);
      assert.equal(levels.filter((l) => l === 1).length, 1, `${query}: one h1`);
      for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `${query}: heading levels ${levels}`);
    }
  });
});

test('policies no longer in force carry a status badge in the results (fixture library)', async (t) => {
  const small = readLibrary(path.join(FIXTURES, 'small'));
  const revised = small.policies.find((p) => p.status === 'revised');
  const effective = small.policies.find((p) => p.status === 'effective' && p.title.includes('创业'));
  assert.ok(revised && effective, 'the fixture has a revised and an effective 创业 policy');
  const fixtureApp = await startApp({ library: '/fixtures/small/' });
  try {
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, fixtureApp.url(`/search?q=${encodeURIComponent('创业担保贷款')}`));
      const row = (id) => page.locator(`ol.search-results > li:has(a[href="/policies/${id}"])`);
      await expectPresent(page, `ol.search-results a[href="/policies/${revised.id}"]`, 'the revised policy is found');
      assert.equal((await row(revised.id).locator('.badge').innerText()).trim(), '已修订', 'revised policy badge');
      assert.equal(await row(effective.id).locator('.badge').count(), 0, 'no badge on an effective policy');
    });
  } finally {
    await fixtureApp.close();
  }
});

test('markup in library text is shown as text in snippets, never parsed', async (t) => {
  const evil = '<img src=x onerror="window.__pwned=1"><b>低保</b>怎么申请';
  const files = {
    '/evil/manifest.json': JSON.stringify({
      format: 'mingbai-library', version: 1, name: '测试库', hotline: '12345', updated: '2024-07-01',
      files: { qa: ['qa.json'] },
    }),
    '/evil/qa.json': JSON.stringify([{
      id: 'evil-1', question: '低保的问题', aliases: [], answer: [evil], policy_refs: [], themes: [], audiences: [],
      hot: 50, updated: '2024-06-01',
    }]),
  };
  const evilApp = await startApp({ library: '/evil/', overrides: files });
  try {
    await withPage(t, env.browser, async (page) => {
      await gotoApp(page, evilApp.url(`/search?q=${encodeURIComponent('低保怎么申请')}`));
      await expectPresent(page, 'ol.search-results .snippet mark', 'a highlighted snippet');
      const snippet = page.locator('ol.search-results .snippet').first();
      assert.ok((await snippet.innerText()).includes('<b>'), 'the markup shows as text');
      assert.equal(await snippet.locator('img, b, script').count(), 0, 'no elements parsed from data');
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no handler from data ran');
    });
  } finally {
    await evilApp.close();
  }
});

/** axe-core on the current page (WCAG 2.0/2.1/2.2 A and AA rules): the violations, summarised. */
async function axeViolations(page) {
  await injectAxe(page);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe-core finds no WCAG violations on search pages and the open suggestion list', async (t) => {
  await withPage(t, env.browser, async (page) => {
    for (const url of [env.app.url('/search'), q('低保'), q('低报'), q('政务公开', '&type=qa'), q('火星移民')]) {
      await gotoApp(page, url);
      assert.deepEqual(await axeViolations(page), [], `axe violations on ${url}`);
    }
    await gotoApp(page, env.app.url('/'));
    const box = await typeInBox(page, '低保');
    await waitForSuggestions(page, '低保');
    await box.press('ArrowDown');
    assert.deepEqual(await axeViolations(page), [], 'axe violations with the suggestion list open');
  });
});
