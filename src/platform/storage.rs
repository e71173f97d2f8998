//! localStorage, the only place the app keeps anything about a person (see `/privacy`).
//! Every call tolerates a browser without storage (private modes, disabled storage): reads
//! give nothing, writes report failure.

use leptos::prelude::window;

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores `value`; `false` when the browser refused (no storage, quota).
pub fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// Every stored key that starts with `prefix`.
pub fn keys(prefix: &str) -> Vec<String> {
    let Some(s) = local() else { return Vec::new() };
    let count = s.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}
