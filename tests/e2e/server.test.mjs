// The static server the browser tests stand on (tests/server.mjs): SPA fallback, content types,
// overrides, extra roots, CORS, path safety, and held requests. No browser needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../server.mjs';

let dir;
let srv;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mingbai-server-test-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>index</title>');
  fs.writeFileSync(path.join(dir, 'app_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(dir, 'app.js'), 'export {}');
  fs.writeFileSync(path.join(dir, 'app.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dir, 'config.json'), '{"library":"library/"}');
  srv = await startServer({
    root: dir,
    overrides: { '/config.json': '{"library":"/fixtures/small/"}', '/gone.json': { status: 404, body: 'gone' } },
    extraRoots: { '/fixtures/': 'tests/fixtures/' },
    cors: true,
  });
});
after(async () => {
  await srv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (p, init) => fetch(srv.url(p), init);

test('listens on 127.0.0.1 on a random port', () => {
  assert.match(srv.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(srv.port > 0);
});

test('content types', async () => {
  for (const [p, type] of [
    ['/app_bg.wasm', 'application/wasm'],
    ['/app.js', 'text/javascript'],
    ['/app.css', 'text/css'],
    ['/icon.svg', 'image/svg+xml'],
    ['/fixtures/small/manifest.json', 'application/json'],
    ['/', 'text/html'],
  ]) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.ok(r.headers.get('content-type').startsWith(type), `${p}: ${r.headers.get('content-type')}`);
  }
});

test('index.html fallback for extension-less paths only', async () => {
  for (const p of ['/policies', '/policies/huaiyin-2024', '/qa/qa-001', '/embed/policies']) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.match(await r.text(), /<title>index<\/title>/, p);
  }
  for (const p of ['/missing.js', '/library/manifest.json', '/fixtures/does-not-exist/manifest.json', '/fixtures/small/nope']) {
    assert.equal((await get(p)).status, 404, p);
  }
});

test('overrides replace files', async () => {
  assert.deepEqual(await (await get('/config.json')).json(), { library: '/fixtures/small/' });
  const r = await get('/gone.json');
  assert.equal(r.status, 404);
});

test('CORS headers when asked', async () => {
  const r = await get('/fixtures/small/manifest.json', { headers: { Origin: 'http://example.test' } });
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  const o = await get('/fixtures/small/manifest.json', { method: 'OPTIONS' });
  assert.equal(o.status, 204);
  assert.equal(o.headers.get('access-control-allow-origin'), '*');
});

test('no paths outside the roots', async () => {
  for (const p of ['/../package.json', '/fixtures/../../package.json', '/fixtures/%2e%2e/%2e%2e/package.json', '/%2e%2e/%2e%2e/etc/passwd']) {
    const r = await get(p);
    const body = await r.text();
    assert.ok(r.status === 404 || body.includes('<title>index</title>'), `${p} must not escape: ${r.status}`);
    assert.ok(!body.includes('"devDependencies"') && !body.includes('root:'), `${p} leaked a file`);
  }
});

test('hold() delays a request until released, and requests are recorded', async () => {
  const release = srv.hold('/app.js');
  let done = false;
  const pending = get('/app.js').then((r) => { done = true; return r.text(); });
  await get('/app.css'); // a later request completes while /app.js is held
  assert.equal(done, false);
  release();
  assert.equal(await pending, 'export {}');
  assert.ok(srv.requests.includes('/app.js'));
});
