// Registers mingbai's service worker (sw/service-worker.js, built as /sw.js) and decides when a
// new version may take over: a waiting worker is told to skipWaiting only at a safe moment, at a
// full page load (e.g. the kiosk idle reset) or at the next in-app navigation; the page then
// reloads once, at that URL, on the new version. Never in the middle of a page.
(function () {
  'use strict';
  var sw = navigator.serviceWorker;
  if (!sw) return;
  var applying = false;
  function apply(reg) {
    var next = reg.waiting;
    if (next && sw.controller && !applying) {
      applying = true;
      next.addEventListener('statechange', function () {
        if (next.state === 'activated') location.reload();
      });
      next.postMessage('skip-waiting');
    }
  }
  sw.register('/sw.js').then(function (reg) {
    apply(reg);
    // In-app navigations: the router pushes history entries; back/forward pop them.
    var push = history.pushState;
    history.pushState = function () {
      var result = push.apply(this, arguments);
      apply(reg);
      return result;
    };
    addEventListener('popstate', function () { apply(reg); });
  }).catch(function () { /* no service worker (blocked, insecure origin): the app works online */ });
})();
