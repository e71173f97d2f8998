#!/usr/bin/env node
// Checks the development loop end to end (not part of scripts/test: it makes a debug build).
//
//   node tests/dev-reload-check.mjs        (PORT=18080 by default)
//
// Starts `bash scripts/dev`, then in headless Chromium: the page runs under its
// Content-Security-Policy with no violation, trunk's reload client opens its WebSocket, a touched
// source file makes the open page reload by itself, the build went to target/dev-dist/ and the
// release dist/ was not touched, and examples/embed-host.html, served by the dev server from the
// app's own origin, receives the app's messages with the shipped config.json. Prints what it saw;
// exits 1 on the first failure. Stops the dev server it started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from './server.mjs';

const PORT = Number(process.env.PORT || 18080);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BUILD_TIMEOUT = 30 * 60_000;
const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : null);
const releaseIndex = path.join(REPO_ROOT, 'dist', 'index.html');
const releaseBefore = mtime(releaseIndex);

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

const dev = spawn('bash', ['scripts/dev'], { cwd: REPO_ROOT, env: { ...process.env, PORT: String(PORT) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let devLog = '';
dev.stdout.on('data', (d) => { devLog += d; });
dev.stderr.on('data', (d) => { devLog += d; });
const stop = () => { try { process.kill(-dev.pid, 'SIGTERM'); } catch { /* gone */ } };
process.on('exit', stop);

async function served(pathname, test) {
  const deadline = Date.now() + BUILD_TIMEOUT;
  for (;;) {
    try {
      const res = await fetch(ORIGIN + pathname);
      const text = await res.text();
      if (res.ok && test(text)) return text;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) fail(`${pathname} not served in time; dev log:\n${devLog.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

let browser;
try {
  const started = Date.now();
  const html = await served('/', (t) => t.includes('trunk-autoreload.js'));
  console.log(`dev server up with the reload client as a file after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (/<script>[^<]*\.well-known\/trunk\/ws/.test(html)) fail('an inline reload script is still in the page');

  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const socket = new Promise((resolve) => page.on('websocket', (ws) => { if (ws.url().includes('/.well-known/trunk/ws')) resolve(ws.url()); }));
  await page.goto(ORIGIN + '/');
  await page.waitForSelector('main#main h1', { timeout: 120_000 });
  const wsUrl = await Promise.race([socket, new Promise((r) => setTimeout(() => r(null), 15_000))]);
  if (!wsUrl) fail('the reload client opened no WebSocket');
  console.log(`reload WebSocket opened: ${wsUrl}`);
  const seen = [...violations, ...(await page.evaluate(() => window.__csp))];
  if (seen.length) fail(`CSP violations: ${seen.join(' | ')}`);
  console.log('no CSP violation');

  // A source change: the open page reloads by itself.
  const reloaded = page.waitForEvent('load', { timeout: BUILD_TIMEOUT });
  const css = path.join(REPO_ROOT, 'style', 'embed.css');
  fs.writeFileSync(css, fs.readFileSync(css, 'utf8')); // a write event with the same content
  const changed = Date.now();
  await reloaded;
  console.log(`page reloaded by itself ${((Date.now() - changed) / 1000).toFixed(0)} s after the change`);

  const devIndex = path.join(REPO_ROOT, 'target', 'dev-dist', 'index.html');
  if (!fs.existsSync(devIndex)) fail('no target/dev-dist/index.html');
  if (mtime(releaseIndex) !== releaseBefore) fail('dist/index.html was changed by the dev server');
  console.log(`built into target/dev-dist/; dist/ ${releaseBefore === null ? 'absent, still absent' : 'untouched'}`);

  const host = await browser.newPage();
  await host.goto(ORIGIN + '/examples/embed-host.html');
  await host.waitForFunction(() => window.received?.some((m) => m.type === 'mingbai:height'), null, { timeout: 120_000 });
  console.log(`examples/embed-host.html from the app's origin: ${await host.evaluate(() => window.received.length)} message(s), iframe ${await host.evaluate(() => document.getElementById('mingbai').clientHeight)} px`);
  console.log('OK');
} catch (e) {
  if (!process.exitCode) console.error(`FAIL: ${e.stack || e}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  stop();
}
