//! `/topics`: every "一件事" topic bundle.

use super::{page_needing, Ctx};
use mingbai_core::FileRole;
use crate::components::common::item_list;
use crate::components::items::topic_item;
use crate::components::markup::{tx, Markup};
use crate::platform;
use leptos::prelude::*;

#[component]
pub fn TopicsPage() -> impl IntoView {
    // A list of one kind: only its file and the taxonomy (labels), not the whole library.
    page_needing(&[FileRole::Taxonomy, FileRole::Topics], render)
}

fn render(cx: &Ctx) -> Markup {
    platform::set_title("一件事专题");
    let topics = &cx.loaded.library.topics;
    let list = if topics.is_empty() {
        tx("p", "暂无专题。").class("empty")
    } else {
        item_list(topics.iter().map(topic_item))
    };
    Markup(vec![
        tx("h1", "一件事专题").into(),
        tx("p", "围绕一件事，把相关的政策、解读、问答和通知放在一起。")
            .class("lead")
            .into(),
        list.into(),
    ])
}
