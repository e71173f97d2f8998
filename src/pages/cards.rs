//! `/cards`: every interpretation card, newest first.

use super::{page_needing, Ctx};
use mingbai_core::FileRole;
use crate::components::common::item_list;
use crate::components::items::card_item;
use crate::components::markup::{tx, Markup};
use crate::platform;
use leptos::prelude::*;

#[component]
pub fn CardsPage() -> impl IntoView {
    // A list of one kind: only its file and the taxonomy (labels), not the whole library.
    page_needing(&[FileRole::Taxonomy, FileRole::Cards], render)
}

fn render(cx: &Ctx) -> Markup {
    platform::set_title("政策解读");
    let cards = cx.loaded.library.latest_cards(usize::MAX);
    let list = if cards.is_empty() {
        tx("p", "暂无政策解读。").class("empty")
    } else {
        item_list(cards.into_iter().map(card_item))
    };
    Markup(vec![
        tx("h1", "政策解读").into(),
        tx("p", "用大白话讲清楚：有什么好处、谁能享受、怎么办理。")
            .class("lead")
            .into(),
        list.into(),
    ])
}
