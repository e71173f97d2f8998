#!/usr/bin/env node
// Makes the first view's download smaller without changing what it does (PRODUCT.md budget:
// app shell <= 200 KB gzip). Step 1 of tools/post-build.mjs (the trunk post_build hook); by hand:
//   node tools/shrink-shell.mjs <built folder>
//
// 1. Short import names. wasm-bindgen names every JS function the wasm imports
//    `__wbg_<name>_<16 hex digits>`; the names sit once in the wasm and once in the JS glue, and
//    the random hex digits do not compress (about 7 KB gzip over both files). They become `a`, `b`, …
//    in both files; imports are matched by name only, so nothing else changes.
// 2. One stylesheet. The style/*.css files index.html links are written into one file in order (the
//    cascade is the same), saving gzip's per-file overhead (about 2 KB) and seven requests. The
//    new file's name carries a hash of its content, so a host may cache it forever.
// 3. No comments or spare whitespace: the JS glue and sw-register.js through terser (names of
//    locals shortened; exports and property names kept), the stylesheet through csso without
//    restructuring (rules stay where they are), HTML comments out of index.html (about 5 KB).
// Integrity attributes are recomputed for every file this changes. Runs before sw-precache.mjs
// (the offline shell lists the final files) and csp-hook.mjs (which hashes the inline scripts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify as minifyJs } from 'terser';
import { minify as minifyCss } from 'csso';

// --- wasm binary reading/writing (just what the import section needs) ---

function readU32(bytes, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    if (b === undefined) throw new Error('wasm: unexpected end in LEB128');
    result |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return { value: result >>> 0, pos };
    shift += 7;
    if (shift > 28) throw new Error('wasm: LEB128 too long');
  }
}

function writeU32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value >>>= 7;
    if (value !== 0) b |= 0x80;
    out.push(b);
  } while (value !== 0);
  return out;
}

function readName(bytes, pos) {
  const len = readU32(bytes, pos);
  const end = len.pos + len.value;
  return { name: Buffer.from(bytes.subarray(len.pos, end)).toString('utf8'), pos: end };
}

function writeName(name) {
  const b = Buffer.from(name, 'utf8');
  return [...writeU32(b.length), ...b];
}

/** Skips an import description (func, table, memory, global, tag); returns its raw bytes. */
function readImportDesc(bytes, pos) {
  const start = pos;
  const kind = bytes[pos++];
  const limits = () => {
    const flags = bytes[pos++];
    pos = readU32(bytes, pos).pos; // minimum
    if (flags & 1) pos = readU32(bytes, pos).pos; // maximum
  };
  if (kind === 0) pos = readU32(bytes, pos).pos; // function: type index
  else if (kind === 1) { pos += 1; limits(); } // table: element type, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) pos += 2; // global: value type, mutability
  else if (kind === 4) { pos += 1; pos = readU32(bytes, pos).pos; } // tag
  else throw new Error(`wasm: unknown import kind ${kind}`);
  return { desc: bytes.subarray(start, pos), pos };
}

/** The module's sections as { id, start, end } (payload bounds). */
function sections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const out = [];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const size = readU32(bytes, pos + 1);
    out.push({ id, headerStart: pos, start: size.pos, end: size.pos + size.value });
    pos = size.pos + size.value;
  }
  return out;
}

/** Short JS identifiers: a … z, A … Z, then two letters, never a keyword. */
export function shortNames(count) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const reserved = new Set(['do', 'if', 'in']);
  const out = [];
  for (let i = 0; out.length < count; i++) {
    let n = i;
    let name = '';
    do {
      name = letters[n % letters.length] + name;
      n = Math.floor(n / letters.length) - 1;
    } while (n >= 0);
    if (!reserved.has(name)) out.push(name);
  }
  return out;
}

/**
 * Renames every import of `module` in the wasm `bytes`; returns the new bytes and the renaming.
 * Imports of other modules keep their names.
 */
export function renameImports(bytes, module) {
  const imports = sections(bytes).find((s) => s.id === 2);
  if (!imports) return { bytes, renamed: new Map() };
  let pos = imports.start;
  const count = readU32(bytes, pos);
  pos = count.pos;
  const entries = [];
  for (let i = 0; i < count.value; i++) {
    const mod = readName(bytes, pos);
    const field = readName(bytes, mod.pos);
    const desc = readImportDesc(bytes, field.pos);
    entries.push({ module: mod.name, field: field.name, desc: desc.desc });
    pos = desc.pos;
  }
  if (pos !== imports.end) throw new Error('wasm: import section length mismatch');
  const fields = [...new Set(entries.filter((e) => e.module === module).map((e) => e.field))];
  const names = shortNames(fields.length);
  const renamed = new Map(fields.map((f, i) => [f, names[i]]));
  const payload = [...writeU32(entries.length)];
  for (const e of entries) {
    payload.push(...writeName(e.module));
    payload.push(...writeName(e.module === module ? renamed.get(e.field) : e.field));
    payload.push(...e.desc);
  }
  const out = Buffer.concat([
    bytes.subarray(0, imports.headerStart),
    Buffer.from([2, ...writeU32(payload.length), ...payload]),
    bytes.subarray(imports.end),
  ]);
  return { bytes: out, renamed };
}

/** The JS glue with every renamed import key replaced; fails unless each old name occurs once. */
export function renameInGlue(js, renamed) {
  let out = js;
  for (const [from, to] of renamed) {
    const re = new RegExp(`(?<![\\w$])${from.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
    const hits = out.match(re)?.length ?? 0;
    if (hits !== 1) throw new Error(`glue: import ${from} occurs ${hits} times (expected once)`);
    out = out.replace(re, to);
  }
  return out;
}

// --- the built folder ---

const integrity = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

/** Sets the integrity attribute of the tag that references `file` under any public URL
 *  (`/file`, `/mingbai/file`), if it has one. */
export function setIntegrity(html, file, bytes) {
  const re = new RegExp(`(<link\\b[^>]*href="[^"]*/${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
  return html.replace(re, `$1${integrity(bytes)}$2`);
}

/** Minified JS: `module` for ES modules (top-level names may then be shortened too). */
async function terse(code, module) {
  const out = await minifyJs(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof out.code !== 'string') throw new Error('terser returned no code');
  return out.code;
}

/** index.html without comments; scripts and styles are left exactly as they are. */
export function withoutHtmlComments(html) {
  return html
    .split(/(<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>)/i)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/<!--[\s\S]*?-->[ \t]*\n?/g, '')))
    .join('');
}

async function shortenImports(dir, html) {
  const glueName = fs.readdirSync(dir).find((f) => /^mingbai-app-[0-9a-f]+\.js$/.test(f));
  if (!glueName) throw new Error(`no mingbai-app-*.js in ${dir}`);
  const wasmName = glueName.replace(/\.js$/, '_bg.wasm');
  const wasmPath = path.join(dir, wasmName);
  const gluePath = path.join(dir, glueName);
  const module = `./${glueName.replace(/-[0-9a-f]+\.js$/, '')}_bg.js`;
  const { bytes, renamed } = renameImports(fs.readFileSync(wasmPath), module);
  const glue = await terse(renameInGlue(fs.readFileSync(gluePath, 'utf8'), renamed), true);
  fs.writeFileSync(wasmPath, bytes);
  fs.writeFileSync(gluePath, glue);
  console.log(`shrink-shell: ${renamed.size} wasm imports renamed in ${wasmName} and ${glueName}`);
  return setIntegrity(setIntegrity(html, glueName, Buffer.from(glue)), wasmName, bytes);
}

/** Writes the stylesheets `html` links into one file and links that instead. */
export function mergeStylesheets(dir, html) {
  // href is the public URL (Trunk.toml public_url, or --public-url) plus the file name.
  const linkRe = /[ \t]*<link rel="stylesheet" href="([^"]*\/)([\w.-]+\.css)"[^>]*\/?>\n?/g;
  const links = [...html.matchAll(linkRe)];
  if (links.length < 2) return html;
  const css = minifyCss(links.map((m) => fs.readFileSync(path.join(dir, m[2]), 'utf8')).join('\n'), { restructure: false }).css;
  const merged = `style-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  fs.writeFileSync(path.join(dir, merged), css);
  for (const m of links) fs.rmSync(path.join(dir, m[2]));
  let first = true;
  const out = html.replace(linkRe, (_, base) => {
    if (!first) return '';
    first = false;
    return `  <link rel="stylesheet" href="${base}${merged}" integrity="${integrity(Buffer.from(css))}"/>\n`;
  });
  console.log(`shrink-shell: ${links.length} stylesheets merged into ${merged}`);
  return out;
}

export async function shrinkShell(dir) {
  const htmlPath = path.join(dir, 'index.html');
  let html = fs.readFileSync(htmlPath, 'utf8');
  html = await shortenImports(dir, html);
  html = mergeStylesheets(dir, html);
  const register = path.join(dir, 'sw-register.js');
  if (fs.existsSync(register)) fs.writeFileSync(register, await terse(fs.readFileSync(register, 'utf8'), false));
  fs.writeFileSync(htmlPath, withoutHtmlComments(html));
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node tools/shrink-shell.mjs <built folder> (or TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  shrinkShell(dir).catch((e) => {
    console.error(`shrink-shell: ${e.stack || e}`);
    process.exit(1);
  });
}
