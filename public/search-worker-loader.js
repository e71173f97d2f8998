// Starts mingbai's search worker (crates/search-worker): the wasm-bindgen glue, then the wasm.
// Trunk builds both next to this file without a hash in their names. A failure is reported to the
// app as a reply it understands ({"id":0,"error":…}), so the app can say so in Chinese.
function mingbaiSearchFailed(what, e) {
  console.error(what, e);
  postMessage(JSON.stringify({ id: 0, error: what }));
}
try {
  importScripts('./search-worker.js');
  wasm_bindgen({ module_or_path: './search-worker_bg.wasm' }).catch(function (e) {
    mingbaiSearchFailed('搜索程序无法启动', e);
  });
} catch (e) {
  mingbaiSearchFailed('搜索程序无法下载', e);
}
