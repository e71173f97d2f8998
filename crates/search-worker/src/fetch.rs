//! Fetching text inside the worker (the app's `platform::fetch` is tied to `window`).

use js_sys::Promise;
use mingbai_core::LIBRARY_CACHE;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub struct Pending(Promise, String);

/// Starts fetching an absolute URL without waiting.
pub fn start(url: &str) -> Pending {
    Pending(crate::scope().fetch_with_str(url), url.to_string())
}

impl Pending {
    /// The body text, or why there is none (in Chinese). Offline, or when the server fails, the
    /// app's kept copy of a library file answers, so search works wherever browsing does.
    pub async fn text(self) -> Result<String, String> {
        let url = self.1.clone();
        match self.network().await {
            Ok(text) => Ok(text),
            Err(reason) => kept(&url).await.ok_or(reason),
        }
    }

    async fn network(self) -> Result<String, String> {
        let response: web_sys::Response = JsFuture::from(self.0)
            .await
            .ok()
            .and_then(|r| r.dyn_into().ok())
            .ok_or_else(|| "无法连接服务器".to_string())?;
        mingbai_web_text::response_text(response).await
    }
}

/// The copy of `url` the app kept in Cache Storage, if any.
async fn kept(url: &str) -> Option<String> {
    let caches = crate::scope().caches().ok()?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(LIBRARY_CACHE)).await.ok()?.dyn_into().ok()?;
    let response: web_sys::Response = JsFuture::from(cache.match_with_str(url)).await.ok()?.dyn_into().ok()?;
    mingbai_web_text::body_text(response).await.ok()
}

/// A table's text, or "" when it cannot be had (search then works without it).
pub async fn text_or_empty(pending: Option<Pending>) -> String {
    match pending {
        Some(p) => p.text().await.unwrap_or_default(),
        None => String::new(),
    }
}

/// Resolves `url` against `base`; `None` when it is not a URL.
pub fn resolve(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url.trim(), base).ok().map(|u| u.href())
}
