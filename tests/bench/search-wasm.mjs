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
      await box.press('Enter');
      await page.waitForFunction(() => performance.getEntriesByName('mingbai:search').length > 0, null, { timeout: 30_000 });
      const m = await page.evaluate(() => ({
        search: performance.getEntriesByName('mingbai:search').map((e) => e.duration),
        suggest: performance.getEntriesByName('mingbai:suggest').map((e) => e.duration),
      }));
      search.push(...m.search);
      suggest.push(...m.suggest);
      if (verbose) console.log(`${round}\t${name}\t${q}\tsearch ${m.search.map((v) => v.toFixed(1)).join('+')} ms\tsuggest max ${Math.max(0, ...m.suggest).toFixed(1)} ms`);
    }
  }
  console.log(`\nsearch in headless Chromium (wasm), ${entries}-entry generated library, ${rounds} round(s); app ready with first results after ${ready} ms\n`);
  console.log('| query class | queries | search p50 | search p95 | suggest (per keystroke) p50 | p95 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const f = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.n} | ${f(percentile(r.search, 50))} | ${f(percentile(r.search, 95))} | ${f(percentile(r.suggest, 50))} | ${f(percentile(r.suggest, 95))} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
