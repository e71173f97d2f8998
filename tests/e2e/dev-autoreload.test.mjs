// tools/dev-autoreload.mjs (development builds only): trunk's inline live-reload client moves into
// trunk-autoreload.js with trunk's two serve-time placeholders filled in as trunk fills them, and
// nothing else in index.html changes. That the reload then runs under the CSP is checked against
// a running `bash scripts/dev` by tests/dev-reload-check.mjs (a debug build: too slow for here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { externalizeReload, devAutoreload, FILE } from '../../tools/dev-autoreload.mjs';

// The shape of trunk 0.21's injected client (src/autoreload.js): the address and the WebSocket
// base are placeholders that `trunk serve` replaces in every HTML response.
const RELOAD = `"use strict";
(function () {
    const address = '{{__TRUNK_ADDRESS__}}';
    const base = '{{__TRUNK_WS_BASE__}}';
    const url = 'ws://' + address + base + '.well-known/trunk/ws';
    new WebSocket(url);
})()`;
const PAGE = `<!DOCTYPE html><html><head><script type="module">import init from '/app.js';init();</script></head>
<body><div id="app"></div><script>setTimeout(function(){},1)</script><script>${RELOAD}</script></body></html>`;

test('the reload client becomes a same-origin file with the placeholders filled in', () => {
  const { html, script } = externalizeReload(PAGE, '/');
  assert.ok(script.includes("const address = window.location.host;"), script);
  assert.ok(script.includes("const base = '/';"));
  assert.ok(!script.includes('{{__TRUNK_'), 'no placeholder left');
  assert.ok(html.includes(`<script src="/${FILE}"></script>`));
  assert.ok(!html.includes('.well-known/trunk/ws'), 'no inline reload client left');
  assert.equal(html.replace(`<script src="/${FILE}"></script>`, `<script>${RELOAD}</script>`), PAGE, 'nothing else changed');
});

test('under a public URL the file is loaded from there; minified backticks are handled', () => {
  const minified = PAGE.replace("'{{__TRUNK_ADDRESS__}}'", '`{{__TRUNK_ADDRESS__}}`');
  const { html, script } = externalizeReload(minified, '/mingbai/');
  assert.ok(html.includes(`<script src="/mingbai/${FILE}"></script>`));
  assert.ok(script.includes("const base = '/mingbai/';") && script.includes('window.location.host;'));
});

test('a page without the client (a release build) is left alone', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-autoreload-'));
  const release = PAGE.replace(`<script>${RELOAD}</script>`, '');
  fs.writeFileSync(path.join(dir, 'index.html'), release);
  assert.equal(devAutoreload(dir), false);
  assert.equal(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'), release);
  assert.equal(fs.existsSync(path.join(dir, FILE)), false);
  fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
  assert.equal(devAutoreload(dir, { publicUrl: '/' }), true);
  assert.ok(fs.readFileSync(path.join(dir, FILE), 'utf8').includes('.well-known/trunk/ws'));
  fs.rmSync(dir, { recursive: true });
});
