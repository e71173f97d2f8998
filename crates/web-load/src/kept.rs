//! The device's copy of the library (Cache Storage `mingbai_core::LIBRARY_CACHE`, see
//! docs/offline.md): the last good copy of each file, by its absolute URL. Only downloads that
//! passed `mingbai_core::check_replacement` are ever kept; the search worker only reads.

use mingbai_core::LIBRARY_CACHE;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Response header on kept copies: when they were stored (milliseconds since 1970).
const STORED_AT: &str = "x-mingbai-stored";

async fn library_cache() -> Option<web_sys::Cache> {
    // `caches` is missing outside secure contexts (plain http on another host): no copies then.
    let caches = js_sys::Reflect::get(&js_sys::global(), &"caches".into()).ok()?;
    let caches: web_sys::CacheStorage = caches.dyn_into().ok()?;
    JsFuture::from(caches.open(LIBRARY_CACHE)).await.ok()?.dyn_into().ok()
}

/// The kept copy of `url` and when it was stored (ms since 1970), if there is one.
pub async fn kept(url: &str) -> Option<(String, f64)> {
    let cache = library_cache().await?;
    let response: web_sys::Response = JsFuture::from(cache.match_with_str(url)).await.ok()?.dyn_into().ok()?;
    let stored_at = response
        .headers()
        .get(STORED_AT)
        .ok()
        .flatten()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0.0);
    Some((crate::body_text(response).await.ok()?, stored_at))
}

/// Keeps `text` as the copy of `url` (best effort: a full or missing cache only costs offline
/// use). The caller has checked it (`check_replacement`).
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
