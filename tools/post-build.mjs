#!/usr/bin/env node
// The one trunk post_build hook (Trunk.toml). Trunk 0.21 starts all hooks of a stage at once, so
// the steps that rewrite the staged build run here, one after the other, in the order they need:
// 0. tools/dev-autoreload.mjs trunk serve only: its live-reload client into a file the CSP allows
// 1. tools/shrink-shell.mjs   shorter wasm import names, one stylesheet, minified js/css/html
// 2. scripts/sw-precache.mjs  sw.js with the precache list of the final files
// 3. tools/csp-hook.mjs       first paint before the wasm, then the CSP hashes of the final index.html
import { shrinkShell } from './shrink-shell.mjs';
import { writeServiceWorker } from '../scripts/sw-precache.mjs';
import { buildHook as writeContentSecurityPolicy } from './csp-hook.mjs';
import { devAutoreload } from './dev-autoreload.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
try {
  if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk post_build hook');
  const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
  if (!release && devAutoreload(staging)) console.log('dev-autoreload: live reload script moved to trunk-autoreload.js');
  await shrinkShell(staging);
  const { files, version } = writeServiceWorker(staging, { release });
  console.log(`sw.js: version ${version}, ${files.length} shell files`);
  writeContentSecurityPolicy();
} catch (e) {
  console.error(`post-build: ${e.stack || e}`);
  process.exit(1);
}
