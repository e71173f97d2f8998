// Startup cost versus library size: time to first content and memory after load of the release
// build in headless Chromium, for the embedded library and generated libraries.
//
//   node tests/bench/startup.mjs [sizes…]      e.g. `embedded 10000 100000` (the default)
//
// A size may end in `-subscribed` (`100000-subscribed`): the device then has a subscription
// stored, so after its first screen it also loads what its inbox reads (notices and cards).
//
// A generated library of N entries is made once with
// `cargo run --release -p mingbai-cli -- generate --entries N --out target/bench-libs/N` and is
// published as a large library should be: `mingbai index` (search index + first-screen block)
// and `files.index` in its manifest.
// Per library and run (fresh browser context, cache empty):
//   first content  ms from navigation start until the home page shows its h1 and a first list
//                  item with no loading status left (a MutationObserver in the page records it)
//   downloaded     bytes of all responses (as transferred, uncompressed from this local server)
//   library gzip   the library files fetched before first content, gzip -9 (what a phone on a
//                  gzip-serving host downloads for the first screen besides the app shell)
//   library files  how many library files were fetched before first content + 2 s
//   JS heap        JSHeapUsedSize from CDP Performance.getMetrics after load
//   wasm memory    the wasm instance's linear memory (bytes)
// Each run has a time limit (STARTUP_TIMEOUT_MS, default 120 s): a run that does not reach first
// content prints "timeout" instead of hanging. Runs per size: STARTUP_RUNS (default 3), median.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer, REPO_ROOT } from '../server.mjs';

const DIST = path.resolve(REPO_ROOT, process.env.MINGBAI_DIST || 'dist');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.STARTUP_TIMEOUT_MS || 120_000);
const RUNS = Number(process.env.STARTUP_RUNS || 3);
const LIBS_DIR = path.join(REPO_ROOT, 'target', 'bench-libs');

function generated(entries) {
  const dir = path.join(LIBS_DIR, String(entries));
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    console.error(`generating a ${entries}-entry library in ${path.relative(REPO_ROOT, dir)} …`);
    execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'mingbai-cli', '--', 'generate', '--entries', String(entries), '--out', dir],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!fs.existsSync(path.join(dir, 'index', 'first-qa.json'))) {
    console.error(`indexing ${path.relative(REPO_ROOT, dir)} …`);
    execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'mingbai-cli', '--', 'index', dir],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  if (manifest.files.index !== 'index/head.json') {
    manifest.files.index = 'index/head.json';
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }
  return dir;
}

function dirBytes(dir) {
  let total = 0;
  for (const f of fs.readdirSync(dir)) total += fs.statSync(path.join(dir, f)).size;
  return total;
}

// Runs in the page before any script: records when first content appears and keeps the wasm
// instance trunk reports in its TrunkApplicationStarted event.
function pageProbe() {
  window.__firstContent = null;
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  const ready = () => {
    const main = document.querySelector('main#main');
    return main && main.querySelector('h1') && main.querySelector('li') && !document.querySelector('p[role="status"]');
  };
  const observer = new MutationObserver(() => {
    if (window.__firstContent === null && ready()) {
      window.__firstContent = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

// A subscription (高校毕业生, no followed policy), stored before the app starts.
const PROFILE = JSON.stringify({ version: 1, audiences: ['graduates'], themes: ['employment'] });

async function measure(browser, server, libPrefix, subscribed) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  let downloaded = 0;
  let libraryFiles = 0;
  let firstScreenGzip = 0;
  let firstContentSeen = false;
  const counting = [];
  page.on('requestfinished', (r) => {
    const library = new URL(r.url()).pathname.startsWith(libPrefix);
    const beforeFirstContent = !firstContentSeen;
    counting.push((async () => {
      // A body streamed into WebAssembly.instantiateStreaming can report 0: use Content-Length.
      const length = Number((await r.response())?.headers()['content-length'] || 0);
      downloaded += Math.max(length, (await r.sizes()).responseBodySize);
      if (library) {
        libraryFiles += 1;
        const body = beforeFirstContent ? await (await r.response())?.body() : null;
        if (body) firstScreenGzip += zlib.gzipSync(body, { level: 9 }).length;
      }
    })().catch(() => { /* page gone */ }));
  });
  try {
    await page.addInitScript(pageProbe);
    if (subscribed) await page.addInitScript((value) => localStorage.setItem('mingbai.profile.v1', value), PROFILE);
    const deadline = Date.now() + TIMEOUT_MS;
    await page.goto(server.url('/'), { waitUntil: 'commit', timeout: TIMEOUT_MS });
    const firstContent = await page
      .waitForFunction(() => window.__firstContent, null, { timeout: Math.max(1, deadline - Date.now()), polling: 100 })
      .then((h) => h.jsonValue())
      .catch(() => null);
    firstContentSeen = true;
    if (firstContent === null) {
      const broken = await page.evaluate(() => document.body.innerText.slice(0, 120)).catch(() => '');
      return { timeout: true, note: broken.replace(/\s+/g, ' ') };
    }
    await page.waitForTimeout(2000); // let late requests finish before counting
    await Promise.all(counting);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
    return { firstContent, downloaded, libraryFiles, firstScreenGzip, heap, wasm };
  } finally {
    await context.close().catch(() => {});
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
const mb = (n) => (n == null || Number.isNaN(n) ? '-' : `${(n / 1024 / 1024).toFixed(1)} MB`);

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html missing: run bash scripts/build`);
  const sizes = process.argv.slice(2).length ? process.argv.slice(2) : ['embedded', '10000', '100000'];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const rows = [];
  try {
    for (const label of sizes) {
      const subscribed = label.endsWith('-subscribed');
      const size = label.replace(/-subscribed$/, '');
      let dir = path.join(REPO_ROOT, 'public', 'library');
      let libPrefix = '/library/';
      const options = { root: DIST };
      if (size !== 'embedded') {
        dir = generated(Number(size));
        libPrefix = '/bench-lib/';
        options.extraRoots = { '/bench-lib/': dir };
        options.overrides = { '/config.json': JSON.stringify({ library: '/bench-lib/' }) };
      }
      const server = await startServer(options);
      const runs = [];
      try {
        for (let i = 0; i < RUNS; i++) {
          const r = await measure(browser, server, libPrefix, subscribed);
          runs.push(r);
          console.error(`  ${label} run ${i + 1}: ${r.timeout ? `timeout (${r.note})` : `${Math.round(r.firstContent)} ms`}`);
          if (r.timeout) break; // one timeout is enough to know
        }
      } finally {
        await server.close();
      }
      const ok = runs.filter((r) => !r.timeout);
      rows.push({
        library: (size === 'embedded' ? 'embedded (public/library)' : `generated ${Number(size).toLocaleString('en')}`) + (subscribed ? ', subscribed device' : ''),
        files: fs.readdirSync(dir).filter((f) => f.endsWith('.json')).length,
        onDisk: dirBytes(dir),
        firstContent: ok.length === runs.length ? `${Math.round(median(ok.map((r) => r.firstContent)))} ms` : `timeout (> ${TIMEOUT_MS / 1000} s)`,
        libraryFiles: ok.length ? median(ok.map((r) => r.libraryFiles)) : '-',
        firstScreenGzip: ok.length ? `${(median(ok.map((r) => r.firstScreenGzip)) / 1024).toFixed(1)} KB` : '-',
        downloaded: ok.length ? mb(median(ok.map((r) => r.downloaded))) : '-',
        heap: ok.length ? mb(median(ok.map((r) => r.heap))) : '-',
        wasm: ok.length ? mb(median(ok.map((r) => r.wasm))) : '-',
      });
    }
  } finally {
    await browser.close();
  }
  console.log(`\nStartup of the release build in headless Chromium (median of ${RUNS} runs; no throttling)\n`);
  console.log('| library | files | on disk | first content | library files fetched | first-screen library data, gzip | downloaded | JS heap | wasm memory |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.library} | ${r.files} | ${mb(r.onDisk)} | ${r.firstContent} | ${r.libraryFiles} | ${r.firstScreenGzip} | ${r.downloaded} | ${r.heap} | ${r.wasm} |`);
  }
}

main().catch((e) => {
  console.error(`startup: ${e.stack || e}`);
  process.exit(2);
});
