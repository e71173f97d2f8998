#!/usr/bin/env node
// Writes sw.js into a built app folder: sw/service-worker.js with VERSION (a hash of every shell
// file's name and content) and SHELL (those files, relative paths) filled in. The shell is
// every file of the build except library/ (the app keeps validated copies itself), config.json
// (network-first, handled apart) and sw.js. Runs in trunk's post_build hook (tools/post-build.mjs, with
// TRUNK_STAGING_DIR); by hand: node scripts/sw-precache.mjs <dist folder>.
// Non-release builds (trunk serve) get a worker that removes itself, so development never
// runs on a stale cached shell.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXCLUDED = (rel) => rel === 'sw.js' || rel === 'config.json' || rel === 'library' || rel.startsWith('library/');

export function shellFiles(dir) {
  const out = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (EXCLUDED(rel)) continue;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

export function writeServiceWorker(dir, { release = true } = {}) {
  const target = path.join(dir, 'sw.js');
  if (!release) {
    fs.writeFileSync(target, [
      '// Development build: no offline shell. Removes any worker a release build left behind.',
      "self.addEventListener('install', () => self.skipWaiting());",
      "self.addEventListener('activate', (e) => e.waitUntil(caches.keys()",
      "  .then((keys) => Promise.all(keys.filter((k) => k.startsWith('mingbai-shell-')).map((k) => caches.delete(k))))",
      '  .then(() => self.registration.unregister())));',
      '',
    ].join('\n'));
    return { files: [], version: 'dev' };
  }
  const files = shellFiles(dir);
  const hash = crypto.createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(fs.readFileSync(path.join(dir, f))).update('\0');
  const template = fs.readFileSync(path.join(ROOT, 'sw', 'service-worker.js'), 'utf8');
  hash.update(template);
  const version = hash.digest('hex').slice(0, 16);
  const sw = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__SHELL__', JSON.stringify(files));
  fs.writeFileSync(target, sw);
  return { files, version };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/sw-precache.mjs <built app folder>  (or TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  const release = process.env.TRUNK_PROFILE ? process.env.TRUNK_PROFILE === 'release' : true;
  const { files, version } = writeServiceWorker(dir, { release });
  console.log(`sw.js: version ${version}, ${files.length} shell files`);
}
