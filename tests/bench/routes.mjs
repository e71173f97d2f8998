// Per route type of the pre-rendered site (`mingbai site`): how many compressed bytes arrive before
// the page is readable, whether its visible content sits in the first 14 KB of compressed HTML
// (one TCP initial window), and Lighthouse mobile (median of RUNS runs): performance, FCP, LCP,
// TBT, CLS. Also the wasm app shell, which no longer stands in front of the first view.
// A benchmark, not a test: it prints numbers.
//
//   node tests/bench/routes.mjs            (bash scripts/bench-routes)
//   RUNS=1 LIGHTHOUSE=0 node tests/bench/routes.mjs    bytes only
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, REPO_ROOT } from '../server.mjs';

const DIST = path.resolve(REPO_ROOT, process.env.MINGBAI_DIST || 'dist');
const RUNS = Number(process.env.RUNS || 3);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function firstIn(dir) {
  const hit = fs.readdirSync(path.join(DIST, dir)).find((d) => fs.existsSync(path.join(DIST, dir, d, 'index.html')));
  return hit ? `/${dir}/${hit}` : null;
}

const routes = [
  ['/', '/'],
  ['/policies/:id', fs.existsSync(path.join(DIST, 'policies/huaiyin-2024')) ? '/policies/huaiyin-2024' : firstIn('policies')],
  ['/qa/:id', fs.existsSync(path.join(DIST, 'qa/qa-001')) ? '/qa/qa-001' : firstIn('qa')],
  ['/cards/:id', firstIn('cards')],
  ['/notices/:id', firstIn('notices')],
  ['/topics/:id', firstIn('topics')],
  ['/search', '/search'],
].filter(([, p]) => p);

/** The stylesheets the page blocks on. */
function blockingCss(html) {
  return [...html.matchAll(/<link rel="stylesheet" href="\/?([^"]+)"/g)].map((m) => fs.readFileSync(path.join(DIST, m[1])));
}

function bytes(p) {
  const file = path.join(DIST, decodeURIComponent(p), 'index.html');
  const html = fs.readFileSync(file, 'utf8');
  const css = blockingCss(html).reduce((n, b) => n + gz(b), 0);
  // The visible content: from the start of the document to the end of the first screenful of
  // main (its h1 and the next 1,500 characters of markup).
  const h1 = html.indexOf('</h1>');
  const firstScreen = gz(Buffer.from(html.slice(0, h1 + 1500)));
  return { html: gz(Buffer.from(html)), css, firstScreen };
}

// Asynchronous: the static server runs in this process and must keep answering.
async function lighthouse(url) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mingbai-lh-')), 'r.json');
  const status = await new Promise((resolve) => {
    const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'lighthouse'), [
      url, '--output=json', `--output-path=${out}`, '--only-categories=performance', '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update',
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (code) => { clearTimeout(timer); resolve(code); });
  });
  if (status !== 0 || !fs.existsSync(out)) return null;
  const rep = JSON.parse(fs.readFileSync(out, 'utf8'));
  const n = (id) => rep.audits[id]?.numericValue ?? NaN;
  return { perf: Math.round(rep.categories.performance.score * 100), fcp: n('first-contentful-paint'), lcp: n('largest-contentful-paint'), tbt: n('total-blocking-time'), cls: n('cumulative-layout-shift') };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = process.env.LIGHTHOUSE === '0' ? null : await startServer({ root: DIST, compress: true });
console.log(`route            page     gzip: html   css   before readable   first screen in html   ${server ? `Lighthouse mobile, median of ${RUNS}: perf FCP LCP TBT CLS` : ''}`);
for (const [label, p] of routes) {
  const b = bytes(p);
  let lh = '';
  if (server) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(server.url(p)));
    runs.splice(0, runs.length, ...runs.filter(Boolean));
    if (runs.length) {
      const m = (k) => median(runs.map((r) => r[k]));
      lh = `${m('perf')}  ${(m('fcp') / 1000).toFixed(1)} s  ${(m('lcp') / 1000).toFixed(1)} s  ${Math.round(m('tbt'))} ms  ${m('cls').toFixed(3)}`;
    } else lh = 'lighthouse failed';
  }
  const fits = b.firstScreen <= 14 * 1024 ? 'yes' : 'NO';
  console.log(`${label.padEnd(16)} ${p.slice(0, 24).padEnd(24)} ${kb(b.html).padStart(8)} ${kb(b.css).padStart(7)} ${kb(b.html + b.css).padStart(9)}   ${kb(b.firstScreen).padStart(8)} (${fits} ≤ 14 KB)   ${lh}`);
}
await server?.close();
const shell = fs.readdirSync(DIST).filter((f) => /^mingbai-app-.*(\.js|_bg\.wasm)$/.test(f)).reduce((n, f) => n + gz(fs.readFileSync(path.join(DIST, f))), 0);
console.log(`\nwasm app shell (js + wasm, gzip -9, loaded after the page is readable): ${kb(shell)} (goal 200 KB)`);
