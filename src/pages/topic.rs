//! `/topics/:id`: one "一件事" bundle, its items grouped by kind.

use super::{page, Ctx};
use crate::components::common::item_list;
use crate::components::markup::{el, link, section, tx, Markup};
use crate::components::status::not_found;
use crate::platform;
use crate::state::Loaded;
use leptos::prelude::*;
use mingbai_core::Topic;

#[component]
pub fn TopicPage() -> impl IntoView {
    page(render)
}

fn render(cx: &Ctx) -> Markup {
    match cx.loaded.library.topic(cx.id) {
        Some(topic) => {
            platform::set_title(&topic.title);
            topic_view(cx.loaded, topic)
        }
        None => not_found(),
    }
}

fn topic_view(loaded: &Loaded, t: &Topic) -> Markup {
    let groups = loaded
        .library
        .topic_groups(t)
        .into_iter()
        .map(|(kind, items)| {
            let links = items.into_iter().map(|(l, title)| {
                el("li")
                    .class("item")
                    .child(link(l.href(), title).class("item-title"))
                    .into()
            });
            section(
                &format!("topic-{}", kind.as_str()),
                "topic-group",
                kind.label(),
            )
            .child(item_list(links))
            .into()
        });
    Markup::one(
        el("article")
            .class("topic")
            .child(tx("p", "一件事专题").class("kicker"))
            .child(tx("h1", t.title.as_str()))
            .opt((!t.summary.is_empty()).then(|| tx("p", t.summary.as_str()).class("summary")))
            .child(crate::components::follow::follow_button(mingbai_core::ItemKind::Topic, &t.id))
            .children(groups),
    )
}
