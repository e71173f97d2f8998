#!/usr/bin/env node
// The library files the first screen (home) downloads, and their gzip size: PRODUCT.md's budget
// is 50 KB gzip. The kinds are `mingbai_core::FIRST_SCREEN` (a core test keeps this list equal).
//
//   node scripts/first-screen-data.mjs [library folder = public/library]
//   import { firstScreenFiles, firstScreenGzipBytes } from './scripts/first-screen-data.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const FIRST_SCREEN_KINDS = ['taxonomy', 'cards', 'qa', 'notices', 'topics'];

/** manifest.json and the files (shards too) of the first-screen kinds, relative to `dir`. */
export function firstScreenFiles(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const files = manifest.files || {};
  const names = FIRST_SCREEN_KINDS.flatMap((kind) => (files[kind] == null ? [] : [].concat(files[kind])));
  return ['manifest.json', ...names];
}

/** [{ file, bytes, gzip }] and the gzip total (gzip -9). */
export function firstScreenGzipBytes(dir) {
  const rows = firstScreenFiles(dir).map((file) => {
    const body = fs.readFileSync(path.join(dir, file));
    return { file, bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
  });
  return { rows, total: rows.reduce((sum, r) => sum + r.gzip, 0) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.resolve(process.argv[2] || path.join(root, 'public', 'library'));
  const { rows, total } = firstScreenGzipBytes(dir);
  for (const r of rows) console.log(`${r.file.padEnd(24)} ${String(r.bytes).padStart(8)} B  ${String(r.gzip).padStart(7)} B gzip`);
  console.log(`first-screen data: ${total} B gzip (${(total / 1024).toFixed(1)} KB; budget 50 KB)`);
}
