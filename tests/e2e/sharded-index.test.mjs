// A library published with a sharded search index (`mingbai index`, manifest `files.index`):
// the search worker reads the head and then only the chunks a query needs, never the library's
// entry files, and answers as the in-memory engine does (pinyin and typo repair included).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, launchBrowser, withPage, EMBEDDED_LIBRARY, FIXTURES, REPO_ROOT, APP_TIMEOUT } from './lib/harness.mjs';

let browser;
let app;
let dir;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mingbai-sharded-'));
  fs.cpSync(EMBEDDED_LIBRARY, dir, { recursive: true });
  execFileSync('cargo', ['run', '-q', '-p', 'mingbai-cli', '--', 'index', dir], { cwd: REPO_ROOT, stdio: 'pipe' });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.files.index = 'index/head.json';
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  browser = await launchBrowser();
  app = await startApp({ library: '/sharded/', extraRoots: { '/fixtures/': FIXTURES, '/sharded/': dir } });
});

after(async () => {
  await browser?.close();
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Library paths the page and its worker requested, relative to the library folder. */
function libraryRequests(page) {
  const seen = [];
  page.context().on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/sharded/')) seen.push(url.pathname.slice('/sharded/'.length));
  });
  return seen;
}

async function firstResults(page, query) {
  await page.goto(app.url(`/search?q=${encodeURIComponent(query)}`));
  const results = page.locator('.search-results li a');
  await results.first().waitFor({ state: 'visible', timeout: APP_TIMEOUT });
  return results.allInnerTexts();
}

test('search answers through the sharded index, fetching chunks on demand', async (t) => {
  await withPage(t, browser, async (page) => {
    const seen = libraryRequests(page);
    const titles = await firstResults(page, '低保');
    assert.ok(titles.some((title) => title.includes('低保') || title.includes('最低生活保障')), `低保 found: ${titles.slice(0, 3)}`);
    assert.ok(seen.includes('index/head.json'), `the head was fetched: ${seen}`);
    assert.ok(seen.some((p) => /^index\/p-\d+\.json$/.test(p)), `posting shards were fetched: ${seen}`);
    assert.ok(seen.some((p) => /^index\/m-\d+\.json$/.test(p)), `metadata chunks were fetched: ${seen}`);
    const wholeFiles = seen.filter((p) => !p.startsWith('index/') && !['manifest.json', 'taxonomy.json'].includes(p));
    assert.deepEqual(wholeFiles, [], 'a search page opened directly reads no whole library file');
    const chunks = seen.filter((p) => p.startsWith('index/') && p !== 'index/head.json' && !p.startsWith('index/first-'));
    const all = fs.readdirSync(path.join(dir, 'index')).length;
    assert.ok(chunks.length < all / 4, `only some chunks (${chunks.length} of ${all})`);
  });
});

test('pinyin, initials and typos work through the sharded index', async (t) => {
  await withPage(t, browser, async (page) => {
    for (const query of ['yanglaobaoxian', 'ylbx', '养老保线']) {
      const titles = await firstResults(page, query);
      assert.ok(titles.some((title) => title.includes('养老')), `${query} finds 养老: ${titles.slice(0, 3)}`);
    }
    const notice = page.locator('.search-corrected');
    assert.ok((await notice.count()) > 0, 'the correction notice shows for 养老保线');
  });
});

/** The home page's blocks (notices, hot questions, cards, topics) as text, in order. */
async function homeBlocks(page) {
  // The home page is pre-rendered (from the embedded library): read what the app shows.
  await page.waitForFunction(() => document.documentElement.classList.contains('app-ready'), null, { timeout: APP_TIMEOUT });
  await page.locator('section[aria-labelledby="home-hot-title"] li').first().waitFor({ state: 'visible', timeout: APP_TIMEOUT });
  const blocks = {};
  for (const id of ['home-notices', 'home-hot', 'home-cards', 'home-topics']) {
    blocks[id] = await page.locator(`section[aria-labelledby="${id}-title"] li`).allInnerTexts();
  }
  return blocks;
}

test('the first screen of an indexed library loads the taxonomy and the first-screen block only, and looks the same', async (t) => {
  const whole = await startApp();
  try {
    let expected;
    await withPage(t, browser, async (page) => {
      await page.goto(whole.url('/'));
      expected = await homeBlocks(page);
    });
    assert.ok(expected['home-hot'].length > 0 && expected['home-notices'].length > 0 && expected['home-cards'].length > 0, JSON.stringify(expected));
    await withPage(t, browser, async (page) => {
      const seen = libraryRequests(page);
      await page.goto(app.url('/'));
      assert.deepEqual(await homeBlocks(page), expected, 'the home page shows the same entries from the block');
      const files = [...new Set(seen)].sort();
      assert.deepEqual(
        files,
        ['index/first-cards.json', 'index/first-notices.json', 'index/first-qa.json', 'index/first-topics.json', 'manifest.json', 'taxonomy.json'],
        'nothing but the manifest, the taxonomy and the block',
      );
      // A page that lists a whole kind loads it then.
      await page.click('section[aria-labelledby="home-hot-title"] a[href="/qa"]');
      await page.waitForFunction(() => document.querySelectorAll('main a[href^="/qa/"]').length > 6, null, { timeout: APP_TIMEOUT });
      assert.ok(seen.includes('qa.json'), `qa.json loaded for /qa: ${seen}`);
    });
  } finally {
    await whole.close();
  }
});

test('a missing or broken first-screen block file is not shown: its kind loads whole', async (t) => {
  const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'mingbai-broken-block-'));
  fs.cpSync(dir, broken, { recursive: true });
  fs.rmSync(path.join(broken, 'index', 'first-qa.json'));
  fs.writeFileSync(path.join(broken, 'index', 'first-cards.json'), '[{"id": "card-');
  const other = await startApp({ library: '/broken-block/', extraRoots: { '/broken-block/': broken } });
  try {
    await withPage(t, browser, async (page) => {
      const seen = [];
      page.context().on('request', (req) => {
        const url = new URL(req.url());
        if (url.pathname.startsWith('/broken-block/')) seen.push(url.pathname.slice('/broken-block/'.length));
      });
      await page.goto(other.url('/'));
      const blocks = await homeBlocks(page);
      assert.ok(blocks['home-hot'].length > 0 && blocks['home-cards'].length > 0, JSON.stringify(blocks));
      assert.ok(seen.includes('qa.json') && seen.includes('cards.json'), `whole kinds loaded instead: ${seen}`);
      assert.ok(!seen.includes('notices.json') && !seen.includes('policies.json'), `the good block files still serve: ${seen}`);
      assert.equal(await page.locator('.load-problems').count(), 0, 'nothing to report: the whole files are fine');
    });
  } finally {
    await other.close();
    fs.rmSync(broken, { recursive: true, force: true });
  }
});

test('a subscribed device shows the first screen from the block, then loads what its inbox reads', async (t) => {
  // 高校毕业生 in 槐荫区, following one policy: the inbox reads notices, cards and policies.
  const profile = { version: 1, audiences: ['graduates'], regions: ['huaiyin'], follows: [{ kind: 'policy', id: 'tianqiao-2022', status: 'effective' }] };
  await withPage(t, browser, async (page, context) => {
    await context.addInitScript((value) => localStorage.setItem('mingbai.profile.v1', value), JSON.stringify(profile));
    const seen = libraryRequests(page);
    // Hold the whole files back: the first screen must not wait for them.
    const held = [];
    await page.route(/\/sharded\/(notices|cards|policies|qa|topics)\.json$/, (route) => held.push(route));
    await page.goto(app.url('/'));
    await homeBlocks(page);
    assert.equal(await page.locator('nav .unread-badge:not([hidden])').count(), 0, 'no count from part of the notices');
    const until = Date.now() + APP_TIMEOUT;
    while (held.length < 3 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    const asked = held.map((route) => new URL(route.request().url()).pathname.replace('/sharded/', '')).sort();
    assert.deepEqual(asked, ['cards.json', 'notices.json', 'policies.json'], 'the inbox files, asked for after the first screen');
    for (const route of held.splice(0)) await route.continue();
    await page.waitForSelector('nav .unread-badge:not([hidden])', { timeout: APP_TIMEOUT });
    const badge = await page.locator('nav .unread-badge:not([hidden])').textContent();
    assert.match(badge, /^[1-9]\d* 条未读$/, `the badge counts the inbox once its files are in: ${badge}`);
    assert.ok(!seen.includes('qa.json') && !seen.includes('topics.json'), `nothing else loaded whole: ${seen}`);
  });
});
