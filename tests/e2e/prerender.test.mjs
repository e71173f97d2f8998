// Pre-rendered pages (`mingbai site`, run by the build): every public route is a real page before
// and without the wasm, for crawlers, browsers without JavaScript or WebAssembly, and a shared
// link on a slow phone; the app then takes the page over without a visible change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, readLibrary, useBrowserAndApp, DIST, APP_TIMEOUT, zhDate } from './lib/harness.mjs';

const lib = readLibrary();
const env = useBrowserAndApp();

/** Every pre-rendered page of dist/: its route path. */
function prerenderedPaths() {
  const out = [];
  const walk = (dir, rel) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}/${e.name}`);
      else if (e.name === 'index.html') {
        const html = fs.readFileSync(path.join(dir, e.name), 'utf8');
        const m = html.match(/<html lang="zh-CN" data-prerendered="([^"]*)"/);
        if (m) out.push(m[1]);
      }
    }
  };
  walk(DIST, '');
  return out.sort();
}

const paths = prerenderedPaths();
const policy = lib.policies.find((p) => p.id === 'huaiyin-2024') || lib.policies[0];
const qa = lib.qa.find((q) => q.policy_refs?.some((r) => r.section)) || lib.qa[0];
const card = lib.cards[0];
const notice = lib.notices.find((n) => paths.includes(`/notices/${n.id}`));
const topic = lib.topics[0];

/** The route types the issue names, with what must be readable on each. */
const ROUTES = [
  { path: '/', expect: [lib.manifest.name, '大家都在问'] },
  {
    path: `/policies/${policy.id}`,
    expect: [policy.title, policy.doc_number, policy.issuer, zhDate(policy.written_date), policy.sections[0].heading],
  },
  {
    path: `/qa/${qa.id}`,
    expect: [qa.question, qa.answer[0], '政策依据', ...qa.policy_refs.filter((r) => r.section).map((r) => {
      const p = lib.policies.find((x) => x.id === r.policy_id);
      return p.sections.find((s) => s.id === r.section).heading;
    })],
  },
  { path: `/cards/${card.id}`, expect: [card.title, ...card.key_points.map((k) => k.title)] },
  { path: `/notices/${notice.id}`, expect: [notice.title, notice.body[0]] },
  { path: `/topics/${topic.id}`, expect: [topic.title] },
  { path: '/search', expect: ['搜索', '大家都在问'] },
];

test('every stable route and entry is pre-rendered, and sitemap.xml lists each page', () => {
  const expected = ['/', '/policies', '/cards', '/qa', '/notices', '/topics', '/search', '/privacy',
    ...lib.policies.map((p) => `/policies/${p.id}`), ...lib.cards.map((c) => `/cards/${c.id}`),
    ...lib.qa.map((q) => `/qa/${q.id}`), ...lib.topics.map((t) => `/topics/${t.id}`)];
  for (const p of expected) assert.ok(paths.includes(encodeURI(p)) || paths.includes(p), `pre-rendered: ${p}`);
  assert.ok(paths.some((p) => p.startsWith('/notices/')), 'unexpired notices are pre-rendered');
  const sitemap = fs.readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1].replace(/^https?:\/\/[^/]+/, ''));
  assert.deepEqual([...locs].sort(), paths, 'sitemap.xml lists exactly the pre-rendered pages');
  assert.match(sitemap, /<lastmod>\d{4}-\d\d-\d\d<\/lastmod>/);
  assert.match(fs.readFileSync(path.join(DIST, 'robots.txt'), 'utf8'), /User-agent: \*/);
});

test('every pre-rendered page has its own head and JSON-LD of the right types', () => {
  for (const p of paths) {
    const file = path.join(DIST, decodeURIComponent(p), 'index.html');
    const html = fs.readFileSync(file, 'utf8');
    const title = html.match(/<title>([^<]*)<\/title>/)[1];
    assert.ok(title.endsWith(' - 明白') && title.length > 5, `${p}: title ${title}`);
    assert.match(html, /<meta name="description" content="[^"]+"/, `${p}: description`);
    assert.match(html, /<meta property="og:title" content="[^"]+"/, `${p}: og:title`);
    assert.match(html, /http-equiv="Content-Security-Policy"/, `${p}: the app's CSP`);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    const types = blocks.map((b) => b['@type']);
    assert.ok(types.includes('BreadcrumbList'), `${p}: BreadcrumbList`);
    if (p.startsWith('/policies/')) {
      const leg = blocks.find((b) => b['@type'] === 'Legislation');
      assert.ok(leg, `${p}: Legislation`);
      const id = decodeURIComponent(p.split('/')[2]);
      const src = lib.policies.find((x) => x.id === id);
      if (src.doc_number) assert.equal(leg.legislationIdentifier, src.doc_number);
      assert.match(leg.legislationLegalForce, /schema\.org\/(InForce|NotInForce)/);
      if (src.written_date) assert.equal(leg.legislationDate, src.written_date);
      if (src.supersedes) assert.ok(leg.legislationChanges, `${p}: the version it replaces`);
    }
    if (p.startsWith('/qa/')) {
      const qapage = blocks.find((b) => b['@type'] === 'QAPage');
      assert.equal(qapage?.mainEntity?.['@type'], 'Question', `${p}: QAPage/Question`);
      assert.equal(qapage.mainEntity.acceptedAnswer['@type'], 'Answer');
      assert.ok(qapage.mainEntity.acceptedAnswer.text.length > 0);
    }
  }
});

for (const [label, contextOptions, init] of [
  ['with JavaScript off', { javaScriptEnabled: false }, null],
  ['without WebAssembly', {}, () => { delete window.WebAssembly; }],
]) {
  test(`${label}: every route type shows its real content, links and the hotline; no dead buttons`, async (t) => {
    await withPage(t, env.browser, async (page) => {
      if (init) await page.addInitScript(init);
      for (const r of ROUTES) {
        await page.goto(env.app.url(r.path), { waitUntil: 'load', timeout: APP_TIMEOUT });
        const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
        for (const want of r.expect) assert.ok(text.includes(want.replace(/\s+/g, ' ')), `${label} ${r.path}: "${want}"`);
        assert.equal(await page.locator('h1').count(), 1, `${r.path}: one h1`);
        assert.ok(await page.locator('a.hotline[href^="tel:"]').first().isVisible(), `${r.path}: hotline`);
        // Controls that need the app are not shown (never a dead button).
        // (A form's submit button works without the app: the search form is a plain GET form.)
        for (const b of await page.locator('button:not(form[action] button[type=submit])').all()) {
          assert.ok(!(await b.isVisible()), `${label} ${r.path}: visible button "${await b.innerText()}"`);
        }
        assert.equal(await page.locator('.boot-loading:visible').count(), 0, `${r.path}: no endless 正在加载`);
      }
      // Real links between pre-rendered pages: follow one from a list.
      await page.goto(env.app.url(`/qa`), { waitUntil: 'load' });
      await page.locator('main a.item-title').first().click();
      await page.waitForLoadState('load');
      assert.match(page.url(), /\/qa\/[^/]+$/);
      assert.ok((await page.locator('main h1').innerText()).length > 0);
      // Search without the app: the form works and the page says what to do instead.
      await page.goto(env.app.url(`/search?q=%E4%BD%8E%E4%BF%9D`), { waitUntil: 'load' });
      assert.ok(await page.locator('.search-no-app').isVisible(), 'search explains it cannot show results here');
      assert.ok((await page.locator('section[aria-labelledby="search-hot-title"] li').count()) > 0, 'hot questions instead');
    }, { ...contextOptions, deferApp: true });
  });
}

/** The text of `main` a reader sees, leaving out the app's controls (shown once it runs) and what
 *  only a browser that cannot run the app shows (`.no-app`, hidden by CSS where it can). */
function readable(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main').cloneNode(true);
    main.querySelectorAll('.needs-app, .no-app, [hidden], .print-only').forEach((e) => e.remove());
    return main.textContent.replace(/\s+/g, ' ').trim();
  });
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `before: …${a.slice(Math.max(0, i - 40), i + 60)}…\nafter:  …${b.slice(Math.max(0, i - 40), i + 60)}…`;
}

test('the app takes over each route type without a visible change: same text, no layout shift, scroll and focus kept', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    for (const r of ROUTES) {
      await page.goto(env.app.url(r.path), { waitUntil: 'load', timeout: APP_TIMEOUT });
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-ready')), false, `${r.path}: the wasm waits for the reader`);
      const before = await readable(page);
      await page.evaluate(() => window.scrollTo(0, 300));
      const y = await page.evaluate(() => window.scrollY);
      await page.evaluate(() => window.mingbaiStart());
      await page.waitForFunction(() => document.documentElement.classList.contains('app-ready'), null, { timeout: APP_TIMEOUT });
      assert.equal(await page.locator('#boot').count(), 0, `${r.path}: the pre-rendered copy is gone`);
      const after = await readable(page);
      assert.ok(after === before, `${r.path}: same text after the take-over\n${firstDifference(before, after)}`);
      assert.equal(await page.evaluate(() => window.scrollY), y, `${r.path}: scroll position kept`);
      const shift = await page.evaluate(() => window.__shifts);
      assert.equal(shift, 0, `${r.path}: CLS through the take-over`);
    }
    // Focus stays on the element the reader was on.
    await page.goto(env.app.url(`/qa/${qa.id}`), { waitUntil: 'load' });
    await page.locator('main .basis a').first().focus();
    const focused = await page.evaluate(() => document.activeElement.textContent);
    await page.evaluate(() => window.mingbaiStart());
    await page.waitForFunction(() => document.documentElement.classList.contains('app-ready'));
    assert.equal(await page.evaluate(() => document.activeElement.textContent), focused, 'focus kept');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('#app')), 'on the app\'s element');
  }, { deferApp: true });
});

test('the first interaction starts the app; a #section anchor is honoured before and after', async (t) => {
  await withPage(t, env.browser, async (page) => {
    const section = policy.sections[1] || policy.sections[0];
    await page.goto(env.app.url(`/policies/${policy.id}#${section.id}`), { waitUntil: 'load' });
    const inView = () => page.evaluate((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    }, section.id);
    assert.ok(await inView(), 'the browser scrolled to the section of the pre-rendered page');
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => document.documentElement.classList.contains('app-ready'), null, { timeout: APP_TIMEOUT });
    assert.ok(await inView(), 'still there after the take-over');
    assert.ok(await page.locator('#app button.follow').isVisible(), 'the app\'s controls show');
  }, { deferApp: true });
});

test('a host fallback (index.html for an app-only path) starts the app at once on that path', async (t) => {
  await withPage(t, env.browser, async (page) => {
    await page.goto(env.app.url(`/inbox`), { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.classList.contains('app-ready'), null, { timeout: APP_TIMEOUT });
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('not-this-page')));
    await page.locator('main h1').waitFor();
    assert.doesNotMatch(await page.locator('main h1').innerText(), new RegExp(lib.manifest.name));
  }, { deferApp: true });
});
