//! `/topics/:id`: one "一件事" bundle, its items grouped by kind.

use mingbai_core::FileRole;
use crate::common::item_list;
use crate::frame::follow_button;
use crate::markup::{el, link, section, tx, Markup};
use crate::site::{clip, Page, Site};
use crate::status::not_found;
use mingbai_core::{ItemKind, Topic};

pub fn render(site: &Site, id: &str) -> Page {
    match site.library.topic(id) {
        Some(topic) => Page::new(topic.title.as_str(), topic_view(site, topic))
            .described(clip(&format!("一件事专题：{}", topic.summary), 120)),
        None if site.failed(FileRole::Topics) => crate::status::kind_unavailable(site.hotline, "一件事专题"),
        None => not_found(site.hotline),
    }
}

fn topic_view(site: &Site, t: &Topic) -> Markup {
    let groups = site
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
            .child(follow_button(site, ItemKind::Topic, &t.id))
            .children(groups),
    )
}
