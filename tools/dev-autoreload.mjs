// Development builds only (`bash scripts/dev`, trunk serve): trunk injects its live-reload client
// as an inline <script> at the end of index.html and fills in two placeholders (the server's
// address and the WebSocket base) when it serves the page, so the served script never matches
// the sha256 hash tools/csp-hook.mjs wrote into the Content-Security-Policy and the browser
// refuses to run it. This step moves that script into its own file, `trunk-autoreload.js`,
// with the placeholders filled in the way trunk would (the page's own host, the public URL), and
// loads it with <script src>: allowed by `script-src 'self'`, so the dev build keeps the release
// build's strict policy (plus `ws:` in connect-src, added by csp-hook for non-release builds).
import fs from 'node:fs';
import path from 'node:path';

const MARKER = '.well-known/trunk/ws';
export const FILE = 'trunk-autoreload.js';

/** `html` with trunk's inline reload script replaced by a <script src>, and that script's text. */
export function externalizeReload(html, publicUrl = '/') {
  let script = null;
  const out = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (whole, attrs, body) => {
    if (script !== null || /\bsrc\s*=/i.test(attrs) || !body.includes(MARKER)) return whole;
    script = body
      .replace(/(['"`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
      .replace(/\{\{__TRUNK_WS_BASE__\}\}/g, publicUrl);
    const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
    return `<script src="${base}${FILE}"></script>`;
  });
  return { html: out, script };
}

/** Runs on the staged build when it is not a release build; returns whether it moved a script. */
export function devAutoreload(staging, { publicUrl = process.env.TRUNK_PUBLIC_URL || '/' } = {}) {
  const file = path.join(staging, 'index.html');
  const { html, script } = externalizeReload(fs.readFileSync(file, 'utf8'), publicUrl);
  if (script === null) return false;
  fs.writeFileSync(path.join(staging, FILE), script);
  fs.writeFileSync(file, html);
  return true;
}
