//! 关怀模式 (large text) and high contrast, on every page. Stored in localStorage
//! `mingbai.display` as `{"large":bool,"contrast":bool}` and shown as the classes `large-text` /
//! `high-contrast` on `<html>`. index.html applies them before the first paint; `apply_stored`
//! does it again in case that script did not run.

use super::markup::Markup;
use crate::platform::storage;
use crate::surfaces::{has_html_class, html_class};

pub const KEY: &str = "mingbai.display";
const LARGE: &str = "large-text";
const CONTRAST: &str = "high-contrast";

/// `(large, contrast)` as stored; anything unreadable counts as off.
fn stored() -> (bool, bool) {
    let value = storage::get(KEY)
        .and_then(|text| mingbai_core::json::parse(&text).ok())
        .unwrap_or_default();
    let flag = |name: &str| value.get(name).and_then(serde_json::Value::as_bool).unwrap_or(false);
    (flag("large"), flag("contrast"))
}

pub fn apply_stored() {
    let (large, contrast) = stored();
    html_class(LARGE, large);
    html_class(CONTRAST, contrast);
}

/// The two toggle buttons (in the header). Also starts the shared listeners.
pub fn toggles() -> Markup {
    crate::surfaces::start(leptos_router::hooks::use_navigate());
    let (large, contrast) = stored();
    Markup::one(mingbai_view::frame::display_toggles(large, contrast))
}

/// Flips one setting, stores both, and says what happened.
pub fn toggle(action: &str, button: &web_sys::Element) {
    let class = if action == "large" { LARGE } else { CONTRAST };
    let on = !has_html_class(class);
    html_class(class, on);
    // Every copy of the button (there is one per header) shows the new state.
    if let Ok(buttons) = leptos::prelude::document().query_selector_all(&format!("[data-ui={action}]")) {
        for i in 0..buttons.length() {
            if let Some(b) = buttons.get(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
                let _ = b.set_attribute("aria-pressed", &on.to_string());
            }
        }
    }
    let _ = button;
    let json = format!(
        "{{\"large\":{},\"contrast\":{}}}",
        has_html_class(LARGE),
        has_html_class(CONTRAST)
    );
    storage::set(KEY, &json);
    let what = if action == "large" { "大字模式" } else { "高对比模式" };
    super::search_box::announce(format!("已{}{what}", if on { "开启" } else { "关闭" }));
}
