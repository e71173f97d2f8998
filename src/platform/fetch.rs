//! Fetching text files with reasons a citizen can read. Requests start as soon as
//! [`start`] is called, so several files download at the same time.

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

impl Pending {
    /// The body text, or why there is none (in Chinese, with the HTTP status when there is one).
    pub async fn text(self) -> Result<String, String> {
        let response: web_sys::Response = JsFuture::from(self.0)
            .await
            .ok()
            .and_then(|r| r.dyn_into().ok())
            .ok_or_else(|| "无法连接服务器，可能是网络中断或服务器不允许跨域访问".to_string())?;
        if !response.ok() {
            return Err(format!("服务器返回 {}", response.status()));
        }
        let body = response
            .text()
            .map_err(|_| "无法读取服务器的回应".to_string())?;
        let text = JsFuture::from(body)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| "下载中断，文件不完整".to_string())?;
        // Static hosts with an index.html fallback answer a missing file with the app's page.
        if text.trim_start().starts_with('<') {
            return Err("服务器返回的是网页而不是数据文件，文件可能不存在".to_string());
        }
        Ok(text)
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
