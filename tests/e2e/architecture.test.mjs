// The app's structure, checked on its source (no browser): the rules of issue #14 item 5 that
// keep `src/` one runtime with one-way imports. Each rule fails with the offending lines.
//
// - Layers: platform ← runtime ← components ← pages | surfaces ← app, actions, main. A module
//   uses `crate::<x>` only for a layer before its own, or its own (pages and surfaces are peers
//   and never use each other).
// - No thread-local stores in `src/`: what the app remembers lives in the runtime.
// - One typed action dispatcher: `data-action` is written and read only by
//   `mingbai_view::action`; the old `data-ui` dispatcher is gone.
// - One route type builds hrefs: no app path is put together outside `crates/view/src/route.rs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../../..');

function rustFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...rustFiles(path));
    else if (name.endsWith('.rs')) out.push(path);
  }
  return out;
}

/** Source lines without comments (`//` to the end of the line; doc comments included). */
function codeLines(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ n: i + 1, text: line.replace(/\/\/.*$/, '') }));
}

const LAYER = { platform: 0, runtime: 1, components: 2, pages: 3, surfaces: 3, app: 4, actions: 4, main: 4 };

function moduleOf(path) {
  const rel = relative(join(root, 'src'), path).replace(/\\/g, '/');
  return rel.split('/')[0].replace(/\.rs$/, '');
}

const appFiles = rustFiles(join(root, 'src'));

test('every module of src/ has a layer', () => {
  const unknown = [...new Set(appFiles.map(moduleOf))].filter((m) => !(m in LAYER));
  assert.deepEqual(unknown, [], 'add new top-level modules to LAYER (and to the doc in src/runtime/mod.rs)');
});

test('imports inside src/ go one way: platform ← runtime ← components ← pages | surfaces ← app', () => {
  const upward = [];
  for (const path of appFiles) {
    const from = moduleOf(path);
    for (const { n, text } of codeLines(path)) {
      // `crate::x`, also inside `use crate::{x, y}` groups.
      const used = [...text.matchAll(/crate::([a-z_]+)/g)].map((m) => m[1]);
      const group = text.match(/crate::\{([^}]*)\}/);
      if (group) used.push(...group[1].split(',').map((s) => s.trim().split(/::|\s/)[0]).filter(Boolean));
      for (const to of used) {
        if (!(to in LAYER) || to === from) continue;
        const peers = LAYER[to] === LAYER[from];
        if (LAYER[to] > LAYER[from] || (peers && LAYER[from] < 4)) {
          upward.push(`${relative(root, path)}:${n}: ${from} → ${to}: ${text.trim()}`);
        }
      }
    }
  }
  assert.deepEqual(upward, []);
});

test('no thread-local stores in src/: the runtime holds the state', () => {
  const found = appFiles.flatMap((path) =>
    codeLines(path).filter(({ text }) => /thread_local!/.test(text)).map(({ n }) => `${relative(root, path)}:${n}`));
  assert.deepEqual(found, []);
});

test('one typed action dispatcher: data-action only in mingbai_view::action, no data-ui', () => {
  const files = [...appFiles, ...rustFiles(join(root, 'crates/view/src'))];
  const found = [];
  for (const path of files) {
    const own = relative(root, path) === 'crates/view/src/action.rs';
    for (const { n, text } of codeLines(path)) {
      if (/data-ui/.test(text) || (!own && /"data-action"/.test(text))) found.push(`${relative(root, path)}:${n}: ${text.trim()}`);
    }
  }
  assert.deepEqual(found, []);
});

test('app paths are built by the route type only', () => {
  // A string literal naming one of the app's routes (`"/qa…"`, `"/search?…"`, `"/kiosk"`) outside
  // crates/view/src/route.rs is an href or a path test built by hand. Router patterns
  // (`path!("/inbox")` in app.rs) and unit tests are not hrefs.
  const appPath = /"\/(policies|cards|qa|notices|topics|search|subscribe|inbox|privacy|kiosk)\b/;
  const files = [...appFiles, ...rustFiles(join(root, 'crates/view/src'))];
  const found = [];
  for (const path of files) {
    if (relative(root, path) === 'crates/view/src/route.rs') continue;
    for (const { n, text } of codeLines(path)) {
      if (/#\[cfg\(test\)\]/.test(text)) break;
      if (appPath.test(text) && !/path!\(/.test(text)) found.push(`${relative(root, path)}:${n}: ${text.trim()}`);
    }
  }
  assert.deepEqual(found, []);
});
