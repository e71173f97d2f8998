// Lighthouse 12 (mobile preset: the default config, simulated 4G and 4x CPU slowdown) against the
// release dist/ served gzipped by tests/server.mjs. Prints the category scores and every audit that
// lost points, and exits 1 below the PRODUCT.md bars: performance >= 90, accessibility 100,
// best practices >= 95. Uses the system Chromium (CHROME_PATH), never downloads anything.
//
//   node tests/bench/lighthouse.mjs [path=/] [more paths…]      (bash scripts/lighthouse)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, REPO_ROOT } from '../server.mjs';

const DIST = path.resolve(REPO_ROOT, process.env.MINGBAI_DIST || 'dist');
const LIGHTHOUSE = path.join(REPO_ROOT, 'node_modules', '.bin', 'lighthouse');
const CHROME_PATH = process.env.CHROME_PATH || process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const RUN_TIMEOUT_MS = 240_000;
const BARS = { performance: 0.9, accessibility: 1.0, 'best-practices': 0.95 };

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

async function audit(url, out) {
  const args = [
    url,
    '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update',
    '--quiet',
  ];
  const { code, signal, stderr } = await run(LIGHTHOUSE, args, { CHROME_PATH });
  if (signal) throw new Error(`lighthouse timed out after ${RUN_TIMEOUT_MS / 1000}s on ${url}`);
  if (code !== 0 || !fs.existsSync(out)) throw new Error(`lighthouse failed (${code}) on ${url}:\n${stderr.slice(-2000)}`);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html missing: run bash scripts/build`);
  const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
  // Compressed like any real static host serves (gzip), so the simulated network sees real sizes.
  const server = await startServer({ root: DIST, compress: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mingbai-lh-'));
  let failed = false;
  try {
    for (const p of paths) {
      const report = await audit(server.url(p), path.join(tmp, 'report.json'));
      console.log(`\nLighthouse ${report.lighthouseVersion} (${report.configSettings.formFactor}, ${report.configSettings.throttlingMethod} throttling): ${p}`);
      for (const [id, bar] of Object.entries(BARS)) {
        const cat = report.categories[id];
        const score = Math.round((cat?.score ?? 0) * 100);
        const ok = (cat?.score ?? 0) >= bar;
        failed ||= !ok;
        console.log(`  ${ok ? 'OK  ' : 'LOW '} ${cat?.title ?? id}: ${score} (needs ≥ ${Math.round(bar * 100)})`);
        for (const ref of cat?.auditRefs ?? []) {
          const a = report.audits[ref.id];
          if (ref.weight > 0 && a && a.score !== null && a.score < 1) {
            console.log(`         - ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''} [score ${Math.round(a.score * 100)}]`);
          }
        }
      }
      const m = (id) => report.audits[id]?.displayValue ?? '-';
      console.log(`  metrics: FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}, SI ${m('speed-index')}`);
      // Which element was the largest contentful paint (it decides when LCP happens).
      const lcpItems = report.audits['largest-contentful-paint-element']?.details?.items ?? [];
      const lcpNode = lcpItems.flatMap((i) => i.items ?? [i]).find((i) => i.node)?.node;
      if (lcpNode) console.log(`  LCP element: ${lcpNode.snippet} (${lcpNode.selector})`);
      if (process.env.LH_REPORT) fs.copyFileSync(path.join(tmp, 'report.json'), process.env.LH_REPORT);
    }
  } finally {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(failed ? '\nRESULT: below the bar' : '\nRESULT: all categories meet the bar');
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`lighthouse: ${e.message}`);
  process.exit(2);
});
