// Download budget of the release build (PRODUCT.md): prints gzip and brotli sizes of the app
// shell (html + js + wasm + css of the first view) and of the first-screen data, and exits 1 when
// a budget is exceeded:
//   app shell      <= 200 KB gzip
//   first-screen   <=  50 KB gzip
// First-screen data is measured for real: the home page is loaded in headless Chromium and every
// library file it fetched is counted (so the number stays right when loading becomes lazy).
// Sizes are of the bytes as served, compressed here at the highest level (gzip -9, brotli 11).
//
//   node tests/bench/budget.mjs [dist]        (bash scripts/budget builds dist/ first)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer, REPO_ROOT } from '../server.mjs';

const KB = 1024;
const BUDGET_SHELL_GZIP = 200 * KB;
const BUDGET_DATA_GZIP = 50 * KB;
const DIST = path.resolve(REPO_ROOT, process.argv[2] || process.env.MINGBAI_DIST || 'dist');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const TIMEOUT_MS = 60_000;

const gzip = (b) => zlib.gzipSync(b, { level: 9 }).length;
const brotli = (b) => zlib.brotliCompressSync(b, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length },
}).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

/** Every response the home page receives: url path -> body bytes. */
async function loadHome() {
  const server = await startServer({ root: DIST });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const bodies = new Map();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const pending = [];
    page.on('response', (r) => {
      pending.push(r.body().then((b) => bodies.set(new URL(r.url()).pathname, b)).catch(() => {}));
    });
    await page.goto(server.url('/'), { waitUntil: 'load', timeout: TIMEOUT_MS });
    // The home page is ready when its h1 is there and nothing says "loading" any more.
    await page.waitForSelector('main#main h1', { state: 'attached', timeout: TIMEOUT_MS });
    await page.waitForFunction(() => !document.querySelector('p[role="status"]'), null, { timeout: TIMEOUT_MS });
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS }).catch(() => {});
    await Promise.all(pending);
  } finally {
    await browser.close();
    await server.close();
  }
  return bodies;
}

function row(name, bytes) {
  return { name, raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
}

function table(title, rows) {
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log(`\n${title}`);
  console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const r of [...rows, { name: 'total', ...total }]) {
    console.log(`  ${r.name.padEnd(44)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${kb(r.brotli).padStart(10)}`);
  }
  return total;
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html missing: run bash scripts/build`);
  const bodies = await loadHome();
  const isShell = (p) => p === '/' || /\.(html|js|wasm|css)$/.test(p);
  const shellPaths = [...bodies.keys()].filter(isShell).sort();
  // The shell as requested by the first view (index.html is served for "/").
  const shell = shellPaths.map((p) => row(p === '/' ? 'index.html' : p.slice(1), bodies.get(p)));
  let library = 'library/';
  try {
    library = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8')).library || library;
  } catch { /* default */ }
  const libPrefix = '/' + String(library).replace(/^\/+/, '');
  const dataPaths = [...bodies.keys()].filter((p) => p.startsWith(libPrefix)).sort();
  const data = dataPaths.map((p) => row(p, bodies.get(p)));
  const other = [...bodies.keys()].filter((p) => !isShell(p) && !p.startsWith(libPrefix)).sort();

  const shellTotal = table('App shell (first view: html + js + wasm + css)', shell);
  const dataTotal = table(`First-screen data (library files fetched by the home page, ${dataPaths.length} files)`, data);
  if (other.length) table('Other files the home page fetched (not budgeted)', other.map((p) => row(p, bodies.get(p))));

  const checks = [
    ['app shell', shellTotal.gzip, BUDGET_SHELL_GZIP],
    ['first-screen data', dataTotal.gzip, BUDGET_DATA_GZIP],
  ];
  console.log('\nBudgets (gzip):');
  let failed = false;
  for (const [name, size, budget] of checks) {
    const ok = size <= budget;
    failed ||= !ok;
    console.log(`  ${ok ? 'OK  ' : 'OVER'} ${name.padEnd(20)} ${kb(size).padStart(10)} / ${kb(budget)}${ok ? '' : `  (+${kb(size - budget)})`}`);
  }
  if (failed) {
    console.log('\nRESULT: over budget');
    process.exit(1);
  }
  console.log('\nRESULT: within budget');
}

main().catch((e) => {
  console.error(`budget: ${e.stack || e}`);
  process.exit(2);
});
