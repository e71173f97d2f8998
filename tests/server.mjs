// A small dependency-free static server for the built app (dist/) and test fixtures.
//
// Command line:   node tests/server.mjs [root=dist] [port=8080] [--cors]
// From tests:     import { startServer } from '../server.mjs';
//                 const srv = await startServer({
//                   root: 'dist',                                     // relative to the repo root
//                   overrides: { '/config.json': '{"library":"/fixtures/small/"}' },
//                   extraRoots: { '/fixtures/': 'tests/fixtures/' },  // URL prefix -> directory
//                   cors: true,                                       // Access-Control-Allow-Origin: *
//                 });
//                 srv.url('/policies')  // -> http://127.0.0.1:<port>/policies
//                 await srv.close();
//
// - binds 127.0.0.1, port 0 = a free random port;
// - unknown paths without a file extension get index.html (SPA fallback), others 404;
// - transformHtml: (html) => html, applied to the .html files served (the SPA fallback too);
// - overrides: exact URL path -> string | Buffer | { status, body, type, headers };
// - srv.hold('/x/manifest.json') makes matching requests wait until the returned release() is
//   called, so tests can observe loading states without timing;
// - srv.requests lists every request path served (for assertions on what the app fetched);
// - every response is sent with Cache-Control: no-store;
// - compress: true gzips text, json and wasm files for clients that accept it, as any real static
//   host does (Lighthouse then sees the transfer sizes users get; tests leave it off).
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/** Resolves `urlPath` inside `dir`; null when it would escape `dir`. */
function safeJoin(dir, urlPath) {
  const full = path.resolve(dir, '.' + path.posix.normalize('/' + urlPath));
  return full === dir || full.startsWith(dir + path.sep) ? full : null;
}

function statFile(file) {
  try {
    const st = fs.statSync(file);
    if (st.isFile()) return file;
    if (st.isDirectory()) {
      const index = path.join(file, 'index.html');
      if (fs.statSync(index, { throwIfNoEntry: false })?.isFile()) return index;
    }
  } catch {
    /* not found */
  }
  return null;
}

/**
 * Starts a static server. Resolves to
 * { server, port, origin, url(path), requests, overrides, hold(path), close() }.
 */
export function startServer(options = {}) {
  const {
    root = 'dist',
    overrides = {},
    extraRoots = {},
    cors = false,
    port = 0,
    host = '127.0.0.1',
    fallback = true,
    quiet = true,
    base = REPO_ROOT,
    transformHtml = null, // (html: string) => string, applied to every .html file served
    compress = false,
  } = options;
  const rootDir = path.resolve(base, root);
  const mounts = Object.entries(extraRoots)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : prefix + '/', path.resolve(base, dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const requests = [];
  const holds = new Map(); // path -> { promise, release }

  function hold(urlPath) {
    let release;
    const promise = new Promise((resolve) => (release = resolve));
    const entry = { promise, release: () => { holds.delete(urlPath); release(); } };
    holds.set(urlPath, entry);
    return entry.release;
  }

  function send(req, res, status, headers, body) {
    const h = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers };
    if (cors) {
      h['Access-Control-Allow-Origin'] = '*';
      h['Access-Control-Allow-Methods'] = 'GET, HEAD, OPTIONS';
      h['Access-Control-Allow-Headers'] = '*';
    }
    if (body != null) h['Content-Length'] = Buffer.byteLength(body);
    res.writeHead(status, h);
    res.end(req.method === 'HEAD' ? undefined : body);
    if (!quiet) console.log(`${status} ${req.method} ${req.url}`);
  }

  async function handle(req, res) {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(req, res, 400, { 'Content-Type': 'text/plain' }, 'bad request');
    }
    requests.push(urlPath);
    if (req.method === 'OPTIONS') return send(req, res, 204, {}, null);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(req, res, 405, { 'Content-Type': 'text/plain', Allow: 'GET, HEAD, OPTIONS' }, 'method not allowed');
    }
    const held = holds.get(urlPath);
    if (held) await held.promise;

    if (Object.prototype.hasOwnProperty.call(overrides, urlPath)) {
      const o = overrides[urlPath];
      if (typeof o === 'string' || Buffer.isBuffer(o)) {
        return send(req, res, 200, { 'Content-Type': contentType(urlPath) }, o);
      }
      const body = typeof o.body === 'string' || Buffer.isBuffer(o.body) ? o.body : JSON.stringify(o.body ?? '');
      return send(req, res, o.status ?? 200, { 'Content-Type': o.type ?? contentType(urlPath), ...(o.headers || {}) }, body);
    }

    let file = null;
    const mount = mounts.find(([prefix]) => urlPath.startsWith(prefix));
    if (mount) {
      const full = safeJoin(mount[1], urlPath.slice(mount[0].length));
      file = full && statFile(full);
    } else {
      const full = safeJoin(rootDir, urlPath);
      file = full && statFile(full);
      if (!file && fallback && path.posix.extname(urlPath) === '') {
        file = statFile(path.join(rootDir, 'index.html'));
      }
    }
    if (!file) return send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, `not found: ${urlPath}`);
    let body;
    try {
      body = await fs.promises.readFile(file);
    } catch (e) {
      return send(req, res, 500, { 'Content-Type': 'text/plain' }, String(e));
    }
    if (transformHtml && path.extname(file) === '.html') body = transformHtml(body.toString('utf8'));
    const type = contentType(file);
    if (compress && /^(text\/|application\/(json|wasm|manifest)|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      return send(req, res, 200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }, zlib.gzipSync(body, { level: 9 }));
    }
    return send(req, res, 200, { 'Content-Type': type }, body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      try { send(req, res, 500, { 'Content-Type': 'text/plain' }, String(e)); } catch { /* closed */ }
    });
  });
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actualPort = server.address().port;
      const origin = `http://${host}:${actualPort}`;
      resolve({
        server,
        port: actualPort,
        origin,
        url: (p = '/') => origin + p,
        requests,
        overrides,
        hold,
        close: () => new Promise((done) => {
          for (const h of holds.values()) h.release();
          for (const s of sockets) s.destroy();
          server.close(() => done());
        }),
      });
    });
  });
}

// Command line: node tests/server.mjs [root] [port] [--cors]
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const args = process.argv.slice(2);
  const positional = args.filter((a) => !a.startsWith('--'));
  const root = positional[0] || 'dist';
  const port = Number(positional[1] ?? 8080);
  const srv = await startServer({
    root,
    port,
    base: process.cwd(),
    cors: args.includes('--cors'),
    quiet: false,
  });
  console.log(`serving ${path.resolve(process.cwd(), root)} at ${srv.origin}/ (index.html fallback; Ctrl-C to stop)`);
  const stop = () => srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
