//! 关怀模式 (large text) and high contrast, on every page. Stored in localStorage
//! `mingbai.display` as `{"large":bool,"contrast":bool}` and shown as the classes `large-text` /
//! `high-contrast` on `<html>`. index.html applies them before the first paint; `apply_stored`
//! does it again in case that script did not run.

use super::markup::Markup;
use crate::platform::dom::{all, has_html_class, html_class};
use crate::platform::{live, storage};
use mingbai_view::action::Action;

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

/// The two toggle buttons (in the header's 设置 menu).
pub fn toggles() -> Markup {
    let (large, contrast) = stored();
    Markup::one(mingbai_view::frame::display_toggles(large, contrast))
}

/// Flips one setting (`Action::LargeText` or `Action::HighContrast`), stores both, and says
/// what happened.
pub fn toggle(action: &Action) {
    let (class, what) = match action {
        Action::LargeText => (LARGE, "大字模式"),
        Action::HighContrast => (CONTRAST, "高对比模式"),
        _ => return,
    };
    let on = !has_html_class(class);
    html_class(class, on);
    // Every copy of the button (there is one per header) shows the new state.
    for button in all(&action.selector()) {
        let _ = button.set_attribute("aria-pressed", &on.to_string());
    }
    let json = format!(
        "{{\"large\":{},\"contrast\":{}}}",
        has_html_class(LARGE),
        has_html_class(CONTRAST)
    );
    storage::set(KEY, &json);
    live::announce(format!("已{}{what}", if on { "开启" } else { "关闭" }));
}
