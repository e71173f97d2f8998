//! Whole-page states (`mingbai_view::status`) with the hotline of the running app.

use super::markup::Markup;
use crate::state::app_state;
use leptos::prelude::GetUntracked;

pub fn loading() -> Markup {
    mingbai_view::status::loading().into()
}

/// The manifest is missing, unreadable or of an unknown version: say why, offer the hotline.
pub fn broken(reason: &str) -> Markup {
    let page = mingbai_view::status::broken(&app_state().hotline.get_untracked(), reason);
    crate::platform::set_title(&page.title);
    page.body.into()
}
