//! The two live regions every page has, and the one way to speak through them:
//!
//! - [`announce`]: `#search-live` in the header, visually hidden, `aria-live=polite`: what a
//!   screen reader should hear and sighted users see already (result counts, a setting turned
//!   on, a pad hint);
//! - [`show_message`]: the message line `#flash` at the top of `main` (`role=status`), for
//!   confirmations everyone reads (订阅设置已保存, news of matching notices). It pushes the page
//!   down instead of covering part of it.
//!
//! Both are in the page frame (`mingbai_view::frame`), so they exist before anything is said.

use super::dom::{by_id, show};
use leptos::prelude::request_animation_frame;

const ANNOUNCE_ID: &str = "search-live";

/// Says `text` to screen readers. Cleared first, so the same words after another action are
/// announced again.
pub fn announce(text: impl Into<String>) {
    let text = text.into();
    if let Some(live) = by_id(ANNOUNCE_ID) {
        live.set_text_content(None);
        request_animation_frame(move || {
            if let Some(live) = by_id(ANNOUNCE_ID) {
                live.set_text_content(Some(&text));
            }
        });
    }
}

/// Puts `message` in the message line (an empty message hides it). `false` when the line is
/// not in the page yet (the caller keeps the message for later).
pub fn show_message(message: &str) -> bool {
    match (by_id("flash"), by_id("flash-text")) {
        (Some(line), Some(text)) => {
            text.set_text_content(Some(message));
            show(&line, !message.is_empty());
            true
        }
        _ => false,
    }
}
