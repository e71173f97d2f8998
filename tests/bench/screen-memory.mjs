// Memory of the display screen over many carousel and refresh cycles: prints numbers, asserts
// nothing (a benchmark, not a test). The screen runs with a 1 s slide interval and a 1 s refresh
// on the embedded library; every SAMPLE seconds the JS heap is measured after a forced GC, with the
// wasm linear memory and the DOM node count.
//
//   bash scripts/build && node tests/bench/screen-memory.mjs [minutes=3]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, REPO_ROOT } from '../server.mjs';

const minutes = Number(process.argv[2] || 3);
const SAMPLE = 15;
const DIST = path.resolve(REPO_ROOT, process.env.MINGBAI_DIST || 'dist');
const config = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8'));
const app = await startServer({
  root: DIST,
  overrides: { '/config.json': JSON.stringify({ ...config, screen: { interval_seconds: 1, refresh_seconds: 1 } }) },
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'] });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
// trunk announces the instantiated module (exports include the linear memory).
await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.mingbaiWasm = e.detail?.wasm; }));
await page.goto(app.url('/screen'));
await page.waitForSelector('article.slide', { timeout: 30_000 });

async function sample() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const wasm = await page.evaluate(() => window.mingbaiWasm?.memory?.buffer.byteLength ?? null);
  const requests = app.requests.filter((r) => r.endsWith('manifest.json')).length;
  return { heap: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners, wasm, requests };
}

const rows = [];
const start = Date.now();
console.log('seconds  refreshes  js-heap-used(KB)  dom-nodes  js-listeners  wasm-memory(KB)');
for (;;) {
  const s = await sample();
  const secs = Math.round((Date.now() - start) / 1000);
  rows.push(s);
  console.log(`${String(secs).padStart(7)}  ${String(s.requests).padStart(9)}  ${String(Math.round(s.heap / 1024)).padStart(16)}  ${String(s.nodes).padStart(9)}  ${String(s.listeners).padStart(12)}  ${s.wasm == null ? '             n/a' : String(Math.round(s.wasm / 1024)).padStart(15)}`);
  if (Date.now() - start > minutes * 60_000) break;
  await page.waitForTimeout(SAMPLE * 1000);
}
const a = rows[1] ?? rows[0];
const b = rows.at(-1);
console.log(`js heap growth after warm-up: ${((b.heap - a.heap) / 1024).toFixed(0)} KB over ${b.requests - a.requests} refreshes; DOM nodes ${a.nodes} -> ${b.nodes}; wasm memory ${a.wasm ?? 'n/a'} -> ${b.wasm ?? 'n/a'} bytes`);
await browser.close();
await app.close();
