//! Whole-page states (`mingbai_view::status`) with the hotline of the running app.

use super::markup::Markup;
use crate::runtime::Runtime;
use leptos::prelude::GetUntracked;

pub fn loading() -> Markup {
    mingbai_view::status::loading().into()
}

/// The manifest is missing, unreadable or of an unknown version: say why, offer the hotline.
/// The title to set after drawing comes with it.
pub fn broken(rt: Runtime, reason: &str) -> (String, Markup) {
    let page = mingbai_view::status::broken(&rt.hotline.get_untracked(), reason);
    (page.title, page.body.into())
}
