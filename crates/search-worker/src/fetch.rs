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
        if !response.ok() {
            return Err(format!("服务器返回 {}", response.status()));
        }
        let body = response.text().map_err(|_| "无法读取服务器的回应".to_string())?;
        let text = JsFuture::from(body)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| "下载中断，文件不完整".to_string())?;
        // Static hosts with an index.html fallback answer a missing file with the app's page.
        if mingbai_core::is_web_page(&text) {
            return Err("服务器返回的是网页而不是数据文件".to_string());
        }
        Ok(text)
    }
}

/// The copy of `url` the app kept in Cache Storage, if any.
async fn kept(url: &str) -> Option<String> {
    let caches = crate::scope().caches().ok()?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(LIBRARY_CACHE)).await.ok()?.dyn_into().ok()?;
    let response: web_sys::Response = JsFuture::from(cache.match_with_str(url)).await.ok()?.dyn_into().ok()?;
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
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
