// Registers the service worker (/sw.js). A new version waits until a safe moment; then it is
// asked to take over ('skip-waiting') while the page holds still, and the page's target is
// loaded on it. Safe moments: a click on a link of this site (before the router sees it); a
// full load the page starts (kiosk idle reset; Navigation API); a page load, pushState,
// popstate (reload only if the swap took < TAKE_OVER_MS). Why and how: docs/offline.md,
// "Updates of the app itself". Served as is: keep comments short.
(function () {
  'use strict';
  var sw = navigator.serviceWorker;
  if (!sw) return;
  var TAKE_OVER_MS = 3000;
  var loadedUnder = sw.controller; // null on a first visit
  var reg = null, busy = false, leaving = false, then = null, asked = null;

  function superseded() { // a newer worker controls this page than the one that served it
    return !!loadedUnder && !!sw.controller && sw.controller !== loadedUnder;
  }
  function waiting() {
    return !!(reg && reg.waiting && sw.controller);
  }
  function load(url, replace) {
    leaving = true;
    if (replace) location.replace(url);
    else location.assign(url);
  }
  // then(ok): ok once the waiting worker controls this page. A navigation's `then` (force)
  // replaces a reload's. A worker asked before is not waited for again: Chromium does not
  // retry a swap for a second skipWaiting().
  function takeOver(next, force) {
    if (busy) {
      if (force) then = next;
      return;
    }
    if (asked === reg.waiting) return next(superseded());
    asked = reg.waiting;
    busy = true;
    then = next;
    var timer = setTimeout(function () { finish(superseded()); }, TAKE_OVER_MS);
    function finish(ok) {
      if (!busy) return;
      busy = false;
      clearTimeout(timer);
      sw.removeEventListener('controllerchange', changed);
      then(ok);
    }
    function changed() { finish(true); }
    sw.addEventListener('controllerchange', changed);
    asked.postMessage('skip-waiting');
  }

  addEventListener('click', function (e) {
    if (leaving || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a || a.hasAttribute('download') || (a.target && a.target !== '_self')) return;
    if (a.protocol !== location.protocol || a.host !== location.host) return;
    if (a.hash && a.pathname === location.pathname && a.search === location.search) return;
    var old = superseded();
    if (!old && !waiting() && !busy) return;
    e.preventDefault();
    var url = a.href;
    if (old) load(url);
    else takeOver(function () { load(url); }, true);
  }, true); // capture: before the router, which skips clicks whose default was prevented

  if (window.navigation && navigation.addEventListener) {
    navigation.addEventListener('navigate', function (e) {
      if (leaving || !e.cancelable || e.navigationType === 'traverse' || e.hashChange || e.formData || e.downloadRequest) return;
      if (e.destination.sameDocument || new URL(e.destination.url).origin !== location.origin || !waiting()) return;
      e.preventDefault();
      var url = e.destination.url, replace = e.navigationType === 'replace';
      takeOver(function () { load(url, replace); }, true);
    });
  }

  function reload() {
    leaving = true;
    location.reload();
  }
  function reloadIfNew() {
    if (leaving) return;
    if (superseded()) reload();
    else if (waiting()) takeOver(function (ok) { if (ok) reload(); }, false);
  }
  addEventListener('pageshow', function (e) { if (e.persisted) leaving = false; });
  sw.register('/sw.js').then(function (r) {
    reg = r;
    reloadIfNew();
    var push = history.pushState;
    history.pushState = function () {
      var result = push.apply(this, arguments);
      reloadIfNew();
      return result;
    };
    addEventListener('popstate', reloadIfNew);
  }).catch(function () { /* no service worker (blocked, insecure origin): the app works online */ });
})();
