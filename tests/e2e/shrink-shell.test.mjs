// tools/shrink-shell.mjs: the renamed wasm imports still link (a real module instantiated in Node,
// then the built app's own wasm and glue checked name by name), the built index.html links one
// stylesheet whose integrity matches its bytes, and comments go from HTML but not from scripts. That the app runs on the shrunk files is
// shown by every other browser test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { renameImports, renameInGlue, shortNames, withoutHtmlComments, mergeStylesheets, setIntegrity } from '../../tools/shrink-shell.mjs';
import os from 'node:os';
import { DIST } from './lib/harness.mjs';

/** A module that imports two functions from "./glue.js" and memory from "env", and exports run(). */
function tinyModule() {
  const name = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, payload) => [id, payload.length, ...payload];
  const types = section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]); // (i32) -> i32
  const imports = section(2, [
    3,
    ...name('./glue.js'), ...name('__wbg_double_0123456789abcdef'), 0, 0,
    ...name('env'), ...name('memory'), 2, 0, 1,
    ...name('./glue.js'), ...name('__wbg_addone_fedcba9876543210'), 0, 0,
  ]);
  const funcs = section(3, [1, 0]);
  const exports = section(7, [1, ...name('run'), 0, 2]); // function index 2 (after 2 imports)
  // run(x) = addone(double(x))
  const body = [0, 0x20, 0, 0x10, 0, 0x10, 1, 0x0b];
  const code = section(10, [1, body.length, ...body]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...exports, ...code]);
}

test('renamed imports link to the renamed glue functions, other modules keep their names', async () => {
  const { bytes, renamed } = renameImports(tinyModule(), './glue.js');
  assert.deepEqual([...renamed], [['__wbg_double_0123456789abcdef', 'a'], ['__wbg_addone_fedcba9876543210', 'b']]);
  const module = await WebAssembly.compile(bytes);
  assert.deepEqual(WebAssembly.Module.imports(module).map((i) => `${i.module}:${i.name}`), ['./glue.js:a', 'env:memory', './glue.js:b']);
  const glue = renameInGlue('const g = { __wbg_double_0123456789abcdef: (x) => x * 2, __wbg_addone_fedcba9876543210: (x) => x + 1 };\ng', renamed);
  const instance = await WebAssembly.instantiate(module, { './glue.js': eval(glue), env: { memory: new WebAssembly.Memory({ initial: 1 }) } });
  assert.equal(instance.exports.run(20), 41);
});

test('a glue name that is missing or repeated stops the build', () => {
  const renamed = new Map([['__wbg_x_0000000000000000', 'a']]);
  assert.throws(() => renameInGlue('nothing here', renamed), /occurs 0 times/);
  assert.throws(() => renameInGlue('__wbg_x_0000000000000000 __wbg_x_0000000000000000', renamed), /occurs 2 times/);
});

test('short names are distinct JS identifiers and never keywords', () => {
  const names = shortNames(3000);
  assert.equal(new Set(names).size, 3000);
  for (const n of names) {
    assert.match(n, /^[A-Za-z]+$/);
    assert.ok(!['do', 'if', 'in'].includes(n), n);
  }
});

test('the built app imports every wasm function by a short name its glue defines', async () => {
  const wasmFile = fs.readdirSync(DIST).find((f) => /^mingbai-app-[0-9a-f]+_bg\.wasm$/.test(f));
  const glue = fs.readFileSync(path.join(DIST, wasmFile.replace('_bg.wasm', '.js')), 'utf8');
  const imports = WebAssembly.Module.imports(await WebAssembly.compile(fs.readFileSync(path.join(DIST, wasmFile))));
  assert.ok(imports.length > 100, `${imports.length} imports`);
  for (const { name } of imports) {
    assert.ok(name.length <= 2, `import ${name} was not shortened`);
    assert.match(glue, new RegExp(`[{,]\\s*${name}\\s*(:|\\()`), `glue defines ${name}`);
  }
  assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}/);
});

test('the built index.html links one stylesheet, and its integrity matches its bytes', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const links = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)" integrity="([^"]+)"/g)];
  assert.equal(links.length, 1, links.map((m) => m[1]).join(', '));
  const [, file, integrity] = links[0];
  const bytes = fs.readFileSync(path.join(DIST, file));
  assert.equal(integrity, `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`);
  assert.match(file, /^style-[0-9a-f]{16}\.css$/);
  assert.equal(file.slice(6, 22), crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16));
  for (const rule of ['.surface-kiosk', '@media print', '.high-contrast']) assert.ok(bytes.includes(rule), `merged css has ${rule}`);
});

test('HTML comments go, comments inside scripts and styles stay', () => {
  const html = '<head>\n  <!-- about the head -->\n<script>/* <!-- kept --> */ let a = 1;</script><style>/* kept */</style></head><!-- tail -->';
  assert.equal(withoutHtmlComments(html), '<head>\n  <script>/* <!-- kept --> */ let a = 1;</script><style>/* kept */</style></head>');
  const built = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(built.replace(/<script\b[\s\S]*?<\/script\s*>/gi, ''), /<!--/);
});

test('a build under a sub-path (--public-url /mingbai/) is shrunk too, links and integrity included', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shrink-'));
  try {
    fs.writeFileSync(path.join(dir, 'app-1.css'), 'body { color: red; }\n');
    fs.writeFileSync(path.join(dir, 'kiosk-2.css'), '/* kiosk */\n.k { color: blue; }\n');
    const html = [
      '<head>',
      '  <link rel="stylesheet" href="/mingbai/app-1.css" integrity="sha384-old"/>',
      '  <link rel="stylesheet" href="/mingbai/kiosk-2.css" integrity="sha384-old"/>',
      '<link rel="modulepreload" href="/mingbai/mingbai-app-3.js" crossorigin="anonymous" integrity="sha384-old"></head>',
    ].join('\n');
    const merged = mergeStylesheets(dir, html);
    const link = merged.match(/<link rel="stylesheet" href="\/mingbai\/(style-[0-9a-f]{16}\.css)" integrity="([^"]+)"/);
    assert.ok(link, merged);
    const css = fs.readFileSync(path.join(dir, link[1]));
    assert.equal(css.toString(), 'body{color:red}.k{color:#00f}');
    assert.equal(link[2], `sha384-${crypto.createHash('sha384').update(css).digest('base64')}`);
    assert.deepEqual(fs.readdirSync(dir).sort(), [link[1]]);
    const glue = Buffer.from('export default 1;');
    const withGlue = setIntegrity(merged, 'mingbai-app-3.js', glue);
    assert.match(withGlue, new RegExp(`href="/mingbai/mingbai-app-3\\.js"[^>]*integrity="sha384-${crypto.createHash('sha384').update(glue).digest('base64').replace(/[+/]/g, '\\$&')}"`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
