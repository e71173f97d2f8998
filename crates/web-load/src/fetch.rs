//! Fetching text with reasons a citizen can read, in a window or a worker: the global `fetch`
//! of whichever scope runs the code. Requests start as soon as [`start`] is called, so several
//! files download at the same time.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `globalThis.fetch`: `Window.fetch` in the app, `WorkerGlobalScope.fetch` in a worker.
    #[wasm_bindgen(catch, js_name = fetch)]
    fn global_fetch(input: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = fetch)]
    fn global_fetch_with_init(input: &str, init: &web_sys::RequestInit) -> Result<Promise, JsValue>;
}

/// A request under way.
pub struct Pending(Promise);

/// Why a download gave no text.
pub struct Failure {
    /// The server could not be reached at all (offline, DNS, CORS): as opposed to an answer
    /// that was wrong (an HTTP error, a web page instead of data).
    pub unreachable: bool,
    pub reason: String,
}

fn pending(promise: Result<Promise, JsValue>) -> Pending {
    Pending(promise.unwrap_or_else(|e| Promise::reject(&e)))
}

/// Starts fetching `url` (an absolute URL) without waiting.
pub fn start(url: &str) -> Pending {
    pending(global_fetch(url))
}

/// Starts fetching `url` past any cached copy: the browser revalidates it with the server
/// (`If-None-Match` / `If-Modified-Since` when the host sends `ETag` / `Last-Modified`), so an
/// unchanged file costs a `304`.
pub fn start_revalidated(url: &str) -> Pending {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    pending(global_fetch_with_init(url, &init))
}

impl Pending {
    /// The body text, or why there is none (in Chinese, with the HTTP status when there is one).
    pub async fn text(self) -> Result<String, String> {
        self.text_or_failure().await.map_err(|f| f.reason)
    }

    /// Like [`Pending::text`], telling an unreachable server apart from a wrong answer.
    pub async fn text_or_failure(self) -> Result<String, Failure> {
        let response: web_sys::Response = JsFuture::from(self.0)
            .await
            .ok()
            .and_then(|r| r.dyn_into().ok())
            .ok_or_else(|| Failure {
                unreachable: true,
                reason: "无法连接服务器，可能是网络中断或服务器不允许跨域访问".to_string(),
            })?;
        crate::response_text(response).await.map_err(|reason| Failure { unreachable: false, reason })
    }
}

/// Fetches one file and waits for it.
pub async fn text(url: &str) -> Result<String, String> {
    start(url).text().await
}

/// Resolves `url` against `base` (both may be absolute); `None` when it is not a URL.
pub fn resolve(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url.trim(), base).ok().map(|u| u.href())
}
