//! `/topics`: every "一件事" topic bundle.

use crate::status::kind_unavailable;
use mingbai_core::FileRole;
use crate::common::item_list;
use crate::items::topic_item;
use crate::markup::{tx, Markup};
use crate::site::{Page, Site};

pub fn render(site: &Site) -> Page {
    if site.failed(FileRole::Topics) {
        return kind_unavailable(site.hotline, "一件事专题");
    }
    let topics = &site.library.topics;
    let list = if topics.is_empty() {
        tx("p", "暂无专题。").class("empty")
    } else {
        item_list(topics.iter().map(topic_item))
    };
    let lead = "围绕一件事，把相关的政策、解读、问答和通知放在一起。";
    Page::new(
        "一件事专题",
        Markup(vec![tx("h1", "一件事专题").into(), tx("p", lead).class("lead").into(), list.into()]),
    )
    .described(lead)
}
