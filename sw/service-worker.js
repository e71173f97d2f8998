// mingbai's service worker, hand-written (docs/offline.md explains why not Workbox).
// scripts/sw-precache.mjs (a trunk post_build hook) fills in VERSION and SHELL: every file of
// the build except library/ and config.json, by its hashed name, as paths relative to this file.
//
// - install: precache the app shell into mingbai-shell-<VERSION>; then WAIT (no skipWaiting
//   here): sw-register.js posts 'skip-waiting' only at a safe moment (a click on a link, a full
//   page load), holds the page until this worker controls it, then loads the page's target;
// - activate: delete the shell caches of other versions, take control of open pages;
// - fetch: page navigations get the cached index.html (the app routes in the browser);
//   config.json is network-first with the last copy as fallback; shell files are cache-first;
//   everything else (the library's JSON) is left to the app, which keeps only validated copies
//   in its own cache (mingbai-library-v1).
'use strict';
const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const SHELL_CACHE = 'mingbai-shell-' + VERSION;
const CONFIG_CACHE = 'mingbai-config-v1';
const scope = new URL('./', self.location);
const shellUrls = new Set(SHELL.map((p) => new URL(p, scope).href));
const indexUrl = new URL('index.html', scope).href;
const configUrl = new URL('config.json', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => cache.addAll([...shellUrls].map((u) => new Request(u, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('mingbai-shell-') && k !== SHELL_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') event.waitUntil(self.skipWaiting());
});

function fromShell(url) {
  return caches.open(SHELL_CACHE).then((cache) => cache.match(url));
}

function networkFirst(request) {
  return fetch(request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CONFIG_CACHE).then((cache) => cache.put(configUrl, copy));
      }
      return response;
    })
    .catch(() => caches.open(CONFIG_CACHE).then((cache) => cache.match(configUrl)).then((r) => r || Response.error()));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  const path = url.pathname;
  // App routes (no file extension) are all index.html; files opened directly are not.
  if (request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(path)) {
    event.respondWith(fromShell(indexUrl).then((cached) => cached || fetch(request)));
    return;
  }
  if (url.href.split('?')[0] === configUrl) {
    event.respondWith(networkFirst(request));
    return;
  }
  const bare = url.origin + path;
  if (shellUrls.has(bare)) {
    event.respondWith(fromShell(bare).then((cached) => cached || fetch(request)));
  }
});
