// End to end with a real web server (issue #16): nginx (Debian's nginx-light, installed by
// scripts/setup) serves the built app on a loopback port with an empty file at /feedback and the
// ordinary `combined` access log; Chromium taps 没用 + a reason and searches for something that
// does not exist; nginx is stopped and `mingbai report <its log> --json` lists those signals.
// Nothing is skipped: when nginx cannot start, the test fails with nginx's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { launchBrowser, withPage, gotoApp, readLibrary, baseConfig, DIST, REPO_ROOT } from './lib/harness.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, proc, errors) {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`nginx exited (${proc.exitCode}): ${errors()}`);
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on ${port}: ${errors()}`);
}

test('clicks in Chromium reach a real nginx access log, and mingbai report lists them', async (t) => {
  assert.ok(NGINX, 'nginx not found (/usr/sbin/nginx): run bash scripts/setup (installs nginx-light)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mingbai-nginx-'));
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, 'fb'));
  fs.writeFileSync(path.join(dir, 'fb', 'feedback'), '');
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...baseConfig(), feedback: { endpoint: '/feedback' } }));
  const port = await freePort();
  const log = path.join(dir, 'access.log');
  const conf = `
daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  access_log ${log} combined;
  server {
    listen 127.0.0.1:${port};
    root ${DIST};
    location = /config.json { alias ${dir}/config.json; default_type application/json; }
    # Feedback signals from mingbai: an empty file, never cached, each request logged.
    location = /feedback {
      root ${dir}/fb;
      default_type text/plain;
      add_header Cache-Control "no-store" always;
    }
    location / { try_files $uri $uri/ /index.html; }
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const proc = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const errors = () => `${stderr} ${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`.trim();
  const stop = async () => {
    if (proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGQUIT');
    await exited;
  };
  const browser = await launchBrowser();
  try {
    await waitForPort(port, proc, errors);
    const lib = readLibrary();
    const qa = lib.qa[0];
    const base = `http://127.0.0.1:${port}`;
    await withPage(t, browser, async (page) => {
      const answered = [];
      page.on('response', (r) => { if (new URL(r.url()).pathname === '/feedback') answered.push(r.status()); });
      await gotoApp(page, `${base}/qa/${qa.id}`);
      await page.getByRole('button', { name: '没用' }).click();
      await page.getByRole('button', { name: '信息过时' }).click();
      await gotoApp(page, `${base}/search?q=${encodeURIComponent('370102199001011237，13987654321，火星移民')}`);
      await page.locator('#search-count').waitFor();
      const end = Date.now() + 10_000;
      while (answered.length < 2 && Date.now() < end) await page.waitForTimeout(100);
      assert.deepEqual(answered, [200, 200], 'nginx answered both signals');
    });
    await stop();
    const bin = path.join(REPO_ROOT, 'target', 'debug', 'mingbai');
    const out = fs.existsSync(bin)
      ? execFileSync(bin, ['report', log, '--json', '--endpoint', '/feedback'], { encoding: 'utf8' })
      : execFileSync('cargo', ['run', '-q', '-p', 'mingbai-cli', '--', 'report', log, '--json', '--endpoint', '/feedback'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const report = JSON.parse(out);
    assert.equal(report.signals, 2, out);
    assert.deepEqual(report.not_helpful.map((p) => [p.kind, p.id, p.count, p.reasons]), [['qa', qa.id, 1, { outdated: 1 }]], out);
    assert.deepEqual(report.unanswered.map((u) => [u.query, u.count]), [['〔身份证号〕，〔电话〕，火星移民', 1]], out);
    assert.equal(report.surfaces.phone, 2, out);
    // (The search page itself was opened by address here, so its own request line holds the query
    // as typed: that is the ordinary page log. The signals never do.)
    const signals = fs.readFileSync(log, 'utf8').split('\n').filter((l) => l.includes(' /feedback?'));
    assert.equal(signals.length, 2, signals.join('\n'));
    assert.ok(signals.every((l) => !l.includes('370102199001011237') && !l.includes('13987654321')), 'no raw number in a signal');
  } finally {
    await browser.close();
    await stop();
    // MINGBAI_KEEP_LOG=<file>: keep nginx's access log (for a report to look at by hand).
    if (process.env.MINGBAI_KEEP_LOG && fs.existsSync(log)) fs.copyFileSync(log, process.env.MINGBAI_KEEP_LOG);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
