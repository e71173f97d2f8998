#!/usr/bin/env node
// Content-Security-Policy for the built app (see docs/security.md).
//
// As the last step of the trunk post_build hook (tools/post-build.mjs, env TRUNK_STAGING_DIR): hashes every inline
// <script> and <style> of the staged index.html (trunk injects an inline module script that names
// the hashed .js/.wasm files, so the hashes change with every build), writes the policy into the
// <meta http-equiv="Content-Security-Policy"> tag, and writes `csp-header.txt` next to it: the
// same policy plus `frame-ancestors`, for hosts that send it as an HTTP header.
// It must run after every other step that changes index.html.
//
// As a command, for a deployed dist/ whose config.json points at a library on another origin:
//   node tools/csp-hook.mjs --add-origin https://data.example.gov.cn dist/index.html
// adds that origin to connect-src of the meta tag and of csp-header.txt, and
//   node tools/csp-hook.mjs --feedback dist/index.html
// adds the origin of config.json's feedback endpoint (when on another origin) to connect-src and
// img-src (the build hook does the same from the config.json it stages).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { wasmAfterFirstPaint } from './wasm-after-first-paint.mjs';

const META_RE = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** sha256 CSP source (`'sha256-…'`) of an inline script or style text, exactly as written. */
export function hashSource(text) {
  return `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Texts of inline <script> (no src) and <style> elements of `html`. Data blocks (JSON-LD of
 *  pre-rendered pages, any non-JavaScript `type`) are never executed: CSP does not cover them. */
export function inlineBlocks(html) {
  const scripts = [];
  const styles = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const type = m[1].match(/\btype\s*=\s*"([^"]*)"/i)?.[1]?.toLowerCase();
    const executable = !type || type === 'module' || /^(text|application)\/(javascript|ecmascript)$/.test(type);
    if (executable && !/\bsrc\s*=/i.test(m[1]) && m[2].length > 0) scripts.push(m[2]);
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.push(m[1]);
  return { scripts, styles };
}

/** The origin of the library URL in config.json, or null when it is on the app's own origin. */
export function libraryOrigin(library) {
  if (typeof library !== 'string') return null;
  try {
    const url = new URL(library.trim());
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null; // relative: same origin
  }
}

/**
 * The origin of config.json's feedback endpoint (`"feedback": {"endpoint": …}`) when it is an
 * absolute http(s) URL on another origin than the app's; null for a path on the same site, no
 * endpoint, or anything else. Signals go there as image requests or beacons: the policy then
 * allows that origin in img-src and connect-src (docs/feedback.md).
 */
export function feedbackOrigin(config, appOrigin = null) {
  const endpoint = config?.feedback?.endpoint;
  if (typeof endpoint !== 'string' || !endpoint.trim()) return null;
  try {
    const url = new URL(endpoint.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === appOrigin ? null : url.origin;
  } catch {
    return null; // a path: same origin
  }
}

/** Origins allowed to frame the app (config.json embed.allowed_origins). */
export function frameAncestors(config) {
  const origins = config?.embed?.allowed_origins;
  const list = Array.isArray(origins) ? origins.filter((o) => typeof o === 'string' && /^https:\/\/[^\s;,']+$/.test(o)) : [];
  return ["'self'", ...list.map((o) => new URL(o).origin)];
}

/** The policy as a list of directives. `connect` / `img` are extra connect-src / img-src origins. */
export function policy({ scripts = [], styles = [], connect = [], img = [], dev = false } = {}) {
  const uniq = (xs) => [...new Set(xs)];
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${uniq(scripts.map(hashSource)).join(' ')}`.trim(),
    `style-src 'self' ${uniq(styles.map(hashSource)).join(' ')}`.trim(),
    `img-src 'self' data: ${uniq(img).join(' ')}`.trim(),
    "font-src 'self'",
    `connect-src 'self' ${uniq([...connect, ...(dev ? ['ws:'] : [])]).join(' ')}`.trim(),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
}

/** `html` with the meta tag's policy replaced by `directives` (the tag is added if missing). */
export function withMetaPolicy(html, directives) {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${directives.join('; ')}" />`;
  if (META_RE.test(html)) return html.replace(META_RE, tag);
  // The policy only covers what comes after it: right after <meta charset>.
  return html.replace(/(<meta\s+charset="[^"]*"\s*\/?>)/i, `$1\n  ${tag}`);
}

/** The directives of the meta tag in `html` (empty when there is none). */
export function metaPolicy(html) {
  const m = html.match(META_RE);
  return m ? m[1].split(';').map((d) => d.trim()).filter(Boolean) : [];
}

/** `directives` with `origin` added to connect-src. */
export function addConnectOrigin(directives, origin) {
  return directives.map((d) => (d.startsWith('connect-src ') && !d.split(' ').includes(origin) ? `${d} ${origin}` : d));
}

/** `directives` with `origin` added to img-src. */
export function addImgOrigin(directives, origin) {
  return directives.map((d) => (d.startsWith('img-src ') && !d.split(' ').includes(origin) ? `${d} ${origin}` : d));
}

/** The header form: the meta policy plus frame-ancestors (ignored in a meta tag). */
export function headerPolicy(directives, config) {
  return [...directives, `frame-ancestors ${frameAncestors(config).join(' ')}`].join('; ');
}

function readConfig(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
  } catch {
    return {};
  }
}

export function buildHook() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk post_build hook');
  const file = path.join(staging, 'index.html');
  const html = wasmAfterFirstPaint(fs.readFileSync(file, 'utf8'));
  if (/\son[a-z]+\s*=/i.test(html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, ''))) {
    throw new Error('index.html has an inline event handler attribute (onclick=…): CSP forbids it');
  }
  const config = readConfig(staging);
  const origin = libraryOrigin(config.library);
  const feedback = feedbackOrigin(config);
  const { scripts, styles } = inlineBlocks(html);
  const dev = (process.env.TRUNK_PROFILE || 'release') !== 'release';
  const connect = [origin, feedback].filter(Boolean);
  const directives = policy({ scripts, styles, connect, img: feedback ? [feedback] : [], dev });
  fs.writeFileSync(file, withMetaPolicy(html, directives));
  fs.writeFileSync(path.join(staging, 'csp-header.txt'), headerPolicy(directives, config) + '\n');
  console.log(`csp-hook: ${scripts.length} inline script(s), ${styles.length} inline style(s) hashed; connect-src 'self' ${connect.join(' ')}`.trim());
}

/** For a deployed dist/: makes the policy follow config.json's feedback endpoint. */
function feedbackCommand(file) {
  const dir = path.dirname(file);
  const config = readConfig(dir);
  const origin = feedbackOrigin(config);
  const html = fs.readFileSync(file, 'utf8');
  let directives = metaPolicy(html);
  if (directives.length === 0) throw new Error(`${file} has no Content-Security-Policy meta tag`);
  if (origin) directives = addImgOrigin(addConnectOrigin(directives, origin), origin);
  fs.writeFileSync(file, withMetaPolicy(html, directives));
  fs.writeFileSync(path.join(dir, 'csp-header.txt'), headerPolicy(directives, config) + '\n');
  console.log(origin ? `feedback endpoint ${origin} added to connect-src and img-src` : 'feedback endpoint on the same origin (or none): policy unchanged');
}

function addOriginCommand(origin, file) {
  const normalized = new URL(origin).origin;
  const html = fs.readFileSync(file, 'utf8');
  const directives = addConnectOrigin(metaPolicy(html), normalized);
  if (directives.length === 0) throw new Error(`${file} has no Content-Security-Policy meta tag`);
  fs.writeFileSync(file, withMetaPolicy(html, directives));
  const dir = path.dirname(file);
  fs.writeFileSync(path.join(dir, 'csp-header.txt'), headerPolicy(directives, readConfig(dir)) + '\n');
  console.log(`connect-src now: ${directives.find((d) => d.startsWith('connect-src'))}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  try {
    const args = process.argv.slice(2);
    if (args[0] === '--add-origin' && args.length === 3) addOriginCommand(args[1], args[2]);
    else if (args[0] === '--feedback' && args.length === 2) feedbackCommand(args[1]);
    else if (args.length === 0) buildHook();
    else throw new Error('usage: node tools/csp-hook.mjs  (trunk hook)  |  --add-origin <origin> <index.html>  |  --feedback <index.html>');
  } catch (e) {
    console.error(`csp-hook: ${e.message}`);
    process.exit(1);
  }
}
