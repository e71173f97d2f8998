//! `/cards`: every interpretation card, newest first.

use crate::status::kind_unavailable;
use mingbai_core::FileRole;
use crate::common::item_list;
use crate::items::card_item;
use crate::markup::{tx, Markup};
use crate::site::{Page, Site};

pub fn render(site: &Site) -> Page {
    if site.failed(FileRole::Cards) {
        return kind_unavailable(site.hotline, "政策解读");
    }
    let cards = site.library.current_cards(usize::MAX, site.today.as_ref());
    let list = if cards.is_empty() {
        tx("p", "暂无政策解读。").class("empty")
    } else {
        item_list(cards.into_iter().map(card_item))
    };
    let lead = "用大白话讲清楚：有什么好处、谁能享受、怎么办理。";
    Page::new(
        "政策解读",
        Markup(vec![tx("h1", "政策解读").into(), tx("p", lead).class("lead").into(), list.into()]),
    )
    .described(format!("政策明白卡：{lead}"))
}
