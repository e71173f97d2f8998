//! Fetching in the app: the library's loading steps are `mingbai_web_load` (shared with the
//! display screen and the search worker); this adds what belongs to the window (the site root).

pub use mingbai_web_load::fetch::{resolve, text};
pub use mingbai_web_load::kept::keep;

use leptos::prelude::window;

/// The site root, e.g. `https://example.gov.cn/`: config and library paths are resolved
/// against it, never against the current page (deep links like `/policies/x`).
pub fn site_root() -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}/")
}
