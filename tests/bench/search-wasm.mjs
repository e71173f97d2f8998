// Search latency in headless Chromium (the real wasm build), on a generated 10k-entry library.
//
//   node tests/bench/search-wasm.mjs [entries]        (default 10000; dist/ must be built)
//
// The app wraps each engine call in performance.measure("mingbai:search" / "mingbai:suggest");
// this script types queries into the header search box key by key (suggestions per keystroke),
// submits them (a full search with facets and snippets), and prints p50/p95 per query class.
// Query classes come from the committed recall set: short everyday words, long questions,
// pinyin/initials, typos.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, startServer, DIST, REPO_ROOT, configWithLibrary } from '../e2e/lib/harness.mjs';

const entries = Number(process.argv[2] || 10000);
const perClass = Number(process.env.MINGBAI_BENCH_QUERIES || 40);
// MINGBAI_BENCH_VERBOSE=1 prints every query's search time(s) in the order run (to tell a slow
// first query from a slow kind of query).
const verbose = Boolean(process.env.MINGBAI_BENCH_VERBOSE);
// MINGBAI_BENCH_PAUSE=ms waits after the last keystroke before submitting.
const pause = Number(process.env.MINGBAI_BENCH_PAUSE || 0);
const rounds = Math.max(1, Number(process.env.MINGBAI_BENCH_ROUNDS || 1));
const libDir = path.join(REPO_ROOT, 'target', 'bench-libs', `gen-${entries}`);

if (!fs.existsSync(path.join(libDir, 'manifest.json'))) {
  console.log(`generating a ${entries}-entry library in ${path.relative(REPO_ROOT, libDir)} …`);
  execFileSync('cargo', ['run', '-q', '--release', '-p', 'mingbai-cli', '--', 'generate', '--entries', String(entries), '--out', libDir], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}

const tsv = fs.readFileSync(path.join(REPO_ROOT, 'crates/cli/tests/search-queries/embedded.tsv'), 'utf8');
const byCategory = {};
for (const line of tsv.split('\n')) {
  const [category, query] = line.split('\t');
  if (!query || line.startsWith('#')) continue;
  (byCategory[category] ??= []).push(query);
}
const classes = {
  short: (byCategory.colloquial || []).filter((q) => [...q].length <= 4),
  long: byCategory.paraphrase || [],
  pinyin: byCategory.pinyin || [],
  typo: byCategory.typo || [],
};

function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const server = await startServer({
  root: DIST,
  overrides: { '/config.json': configWithLibrary('/bench-lib/') },
  extraRoots: { '/bench-lib/': libDir },
});
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', serviceWorkers: 'block' });
const page = await context.newPage();
try {
  const t0 = Date.now();
  await page.goto(server.url('/search?q=%E6%94%BF%E7%AD%96'), { waitUntil: 'load' });
  await page.waitForSelector('main#main h1', { timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('mingbai:search').length > 0, null, { timeout: 120_000 });
  const ready = Date.now() - t0;
  const rows = Object.entries(classes).map(([name, queries]) => ({ name, n: Math.min(perClass, queries.length), search: [], suggest: [] }));
  // MINGBAI_BENCH_ROUNDS=N runs every class N times in the same page (later rounds: warm worker).
  for (let round = 0; round < rounds; round++) for (const row of rows) {
    const { name, search, suggest } = row;
    const queries = classes[name];
    for (const q of queries.slice(0, perClass)) {
      await page.evaluate(() => performance.clearMeasures());
      const box = page.locator('#search-q');
      await box.fill('');
      for (const ch of q) await box.press(ch === ' ' ? 'Space' : ch).catch(() => box.type(ch));
      if (pause) await page.waitForTimeout(pause);
      await box.press('Enter');
      await page.waitForFunction(() => performance.getEntriesByName('mingbai:search').length > 0, null, { timeout: 30_000 });
      const m = await page.evaluate(() => ({
        search: performance.getEntriesByName('mingbai:search').map((e) => e.duration),
        suggest: performance.getEntriesByName('mingbai:suggest').map((e) => e.duration),
        roundtrip: performance.getEntriesByName('mingbai:search-roundtrip').map((e) => e.duration),
      }));
      search.push(...m.search);
      suggest.push(...m.suggest);
      if (verbose) console.log(`${round}\t${name}\t${q}\tsearch ${m.search.map((v) => v.toFixed(1)).join('+')} ms\tsuggest max ${Math.max(0, ...m.suggest).toFixed(1)} ms\troundtrip ${m.roundtrip.map((v) => v.toFixed(1)).join('+')} ms`);
    }
  }
  // MINGBAI_BENCH_ENGINE=N: a second worker of the same build, driven directly (no UI), runs
  // every query N times; per query the first time and the median, so a slow first call (cold
  // code, memory growth) can be told from a slow query or a busy machine.
  const engineRuns = Number(process.env.MINGBAI_BENCH_ENGINE || 0);
  const engineRows = [];
  if (engineRuns > 0) {
    const all = rows.map((r) => [r.name, classes[r.name].slice(0, perClass)]);
    const measured = await page.evaluate(async ({ all, engineRuns, typing, busy }) => {
      const worker = new Worker('/search-worker-loader.js');
      let id = 0;
      const waiting = new Map();
      let up;
      const upDone = new Promise((r) => (up = r));
      worker.onmessage = (ev) => {
        const reply = JSON.parse(ev.data);
        if (reply.up) return up();
        const done = waiting.get(reply.id);
        if (done) { waiting.delete(reply.id); done(reply); }
      };
      const ask = (request) => new Promise((resolve) => {
        const n = ++id;
        waiting.set(n, resolve);
        worker.postMessage(JSON.stringify({ id: n, ...request }));
      });
      await upDone;
      const opened = await ask({ open: { manifest_url: new URL('/bench-lib/manifest.json', location.href).href, tables_url: new URL('/', location.href).href } });
      const out = [];
      for (const [name, queries] of all) {
        for (const query of queries) {
          const times = [];
          if (typing) for (let i = 1; i <= query.length; i++) await ask({ suggest: { input: query.slice(0, i), limit: 8 } });
          for (let i = 0; i < engineRuns; i++) {
            if (busy) setTimeout(() => { const end = performance.now() + busy; while (performance.now() < end); }, 0);
            times.push((await ask({ search: { query, limit: 20 } })).ms);
          }
          out.push({ name, query, times });
        }
      }
      worker.terminate();
      return { openMs: opened.ms, out };
    }, { all, engineRuns, typing: Boolean(process.env.MINGBAI_BENCH_ENGINE_TYPING), busy: Number(process.env.MINGBAI_BENCH_ENGINE_BUSY || 0) });
    console.log(`\nengine alone (a second worker, no UI): open + index ${measured.openMs.toFixed(0)} ms; per query first / median of ${engineRuns}`);
    for (const r of rows) {
      const mine = measured.out.filter((m) => m.name === r.name);
      const first = mine.map((m) => m.times[0]);
      const median = mine.map((m) => percentile(m.times, 50));
      if (verbose) for (const m of mine) console.log(`engine\t${m.name}\t${m.query}\t${m.times.map((v) => v.toFixed(1)).join(' ')}`);
      engineRows.push({ name: r.name, n: mine.length, first, median });
    }
  }
  console.log(`\nsearch in headless Chromium (wasm), ${entries}-entry generated library, ${rounds} round(s); app ready with first results after ${ready} ms\n`);
  console.log('| query class | queries | search p50 | search p95 | suggest (per keystroke) p50 | p95 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const f = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.n} | ${f(percentile(r.search, 50))} | ${f(percentile(r.search, 95))} | ${f(percentile(r.suggest, 50))} | ${f(percentile(r.suggest, 95))} |`);
  }
  if (engineRows.length) {
    console.log('\n| query class | queries | engine alone, first run p50 / p95 | engine alone, median per query p50 / p95 |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const r of engineRows) {
      console.log(`| ${r.name} | ${r.n} | ${f(percentile(r.first, 50))} / ${f(percentile(r.first, 95))} | ${f(percentile(r.median, 50))} / ${f(percentile(r.median, 95))} |`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
