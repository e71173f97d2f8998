//! Fetching text files with reasons a citizen can read. Requests start as soon as
//! [`start`] is called, so several files download at the same time. Also the device's copy of
//! the library (Cache Storage `mingbai-library-v1`, see docs/offline.md): [`kept`] and [`keep`].

use js_sys::Promise;
use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A request under way.
pub struct Pending(Promise);

/// Starts fetching `url` (an absolute URL) without waiting.
pub fn start(url: &str) -> Pending {
    Pending(window().fetch_with_str(url))
}

/// Why a download gave no text.
pub struct Failure {
    /// The server could not be reached at all (offline, DNS, CORS): as opposed to an answer
    /// that was wrong (an HTTP error, a web page instead of data).
    pub unreachable: bool,
    pub reason: String,
}

impl Pending {
    /// The body text, or why there is none (in Chinese, with the HTTP status when there is one).
    pub async fn text(self) -> Result<String, String> {
        self.text_or_failure().await.map_err(|f| f.reason)
    }

    /// Like [`Pending::text`], telling an unreachable server apart from a wrong answer.
    pub async fn text_or_failure(self) -> Result<String, Failure> {
        let wrong = |reason: String| Failure { unreachable: false, reason };
        let response: web_sys::Response = JsFuture::from(self.0)
            .await
            .ok()
            .and_then(|r| r.dyn_into().ok())
            .ok_or_else(|| Failure {
                unreachable: true,
                reason: "无法连接服务器，可能是网络中断或服务器不允许跨域访问".to_string(),
            })?;
        mingbai_web_text::response_text(response).await.map_err(wrong)
    }
}

/// The Cache Storage cache that holds the last good copy of each library file. The app alone
/// writes it, and only with files that passed `mingbai_core::check_replacement`.
pub use mingbai_core::LIBRARY_CACHE;
/// Response header on kept copies: when they were stored (milliseconds since 1970).
const STORED_AT: &str = "x-mingbai-stored";

async fn library_cache() -> Option<web_sys::Cache> {
    // `caches` is missing outside secure contexts (plain http on another host): no copies then.
    let caches = window().caches().ok()?;
    JsFuture::from(caches.open(LIBRARY_CACHE)).await.ok()?.dyn_into().ok()
}

/// The kept copy of `url` and when it was stored (ms since 1970), if there is one.
pub async fn kept(url: &str) -> Option<(String, f64)> {
    let cache = library_cache().await?;
    let response: web_sys::Response =
        JsFuture::from(cache.match_with_str(url)).await.ok()?.dyn_into().ok()?;
    let stored_at = response
        .headers()
        .get(STORED_AT)
        .ok()
        .flatten()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0.0);
    Some((mingbai_web_text::body_text(response).await.ok()?, stored_at))
}

/// Keeps `text` as the copy of `url` (best effort: a full or missing cache only costs
/// offline use).
pub async fn keep(url: &str, text: &str) {
    let Some(cache) = library_cache().await else {
        return;
    };
    let Ok(headers) = web_sys::Headers::new() else {
        return;
    };
    let _ = headers.set("content-type", "application/json; charset=utf-8");
    let _ = headers.set(STORED_AT, &(js_sys::Date::now() as u64).to_string());
    let init = web_sys::ResponseInit::new();
    init.set_headers(&headers);
    if let Ok(response) = web_sys::Response::new_with_opt_str_and_init(Some(text), &init) {
        let _ = JsFuture::from(cache.put_with_str(url, &response)).await;
    }
}

/// Starts fetching `url` past any cached copy: the browser revalidates it with the server
/// (`If-None-Match` / `If-Modified-Since` when the host sends `ETag` / `Last-Modified`), so an
/// unchanged file costs a `304`. Used to re-check notices while the app stays open.
pub fn start_revalidated(url: &str) -> Pending {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    Pending(window().fetch_with_str_and_init(url, &init))
}

/// Fetches one file and waits for it.
pub async fn text(url: &str) -> Result<String, String> {
    start(url).text().await
}

/// Resolves `url` against `base` (both may be absolute); `None` when it is not a URL.
pub fn resolve(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url.trim(), base)
        .ok()
        .map(|u| u.href())
}

/// The site root, e.g. `https://example.gov.cn/`: config and library paths are resolved
/// against it, never against the current page (deep links like `/policies/x`).
pub fn site_root() -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}/")
}
