//! One line of a list for each kind of item: a link with its title and a few facts.

use crate::common::{status_badge, urgent_badge};
use crate::route::item_href;
use crate::markup::{el, link, tx, El, Node};
use mingbai_core::{Card, ItemKind, Notice, Policy, Priority, Qa, Topic};

fn item(href: String, title: &str) -> El {
    el("li")
        .class("item")
        .child(link(href, title).class("item-title"))
}

pub fn policy_item(p: &Policy) -> Node {
    let mut facts: Vec<String> = Vec::new();
    if let Some(n) = &p.doc_number {
        facts.push(n.clone());
    }
    facts.push(p.issuer.clone());
    if let Some(d) = p.published_date.as_ref().or(p.written_date.as_ref()) {
        facts.push(d.chinese());
    }
    item(item_href(ItemKind::Policy, &p.id), &p.title)
        .child(
            el("p")
                .class("item-meta")
                .child(status_badge(p.status))
                .text(format!(" {}", facts.join(" · "))),
        )
        .into()
}

pub fn card_item(c: &Card) -> Node {
    item(item_href(ItemKind::Card, &c.id), &c.title)
        .opt((!c.summary.is_empty()).then(|| tx("p", c.summary.as_str()).class("item-summary")))
        .child(tx("p", format!("发布于 {}", c.published_date.chinese())).class("item-meta"))
        .into()
}

pub fn qa_item(q: &Qa) -> Node {
    item(item_href(ItemKind::Qa, &q.id), &q.question).into()
}

pub fn notice_item(n: &Notice) -> Node {
    let mut facts = vec![format!("发布于 {}", n.published.chinese())];
    if let Some(d) = &n.deadline {
        facts.push(format!("截止 {}", d.chinese()));
    }
    if let Some(d) = &n.expires {
        facts.push(format!("有效期至 {}", d.chinese()));
    }
    let mut meta = el("p").class("item-meta");
    if n.priority == Priority::Urgent {
        meta = meta.child(urgent_badge()).text(" ");
    }
    item(item_href(ItemKind::Notice, &n.id), &n.title)
        .child(meta.text(facts.join(" · ")))
        .into()
}

pub fn topic_item(t: &Topic) -> Node {
    item(item_href(ItemKind::Topic, &t.id), &t.title)
        .opt((!t.summary.is_empty()).then(|| tx("p", t.summary.as_str()).class("item-summary")))
        .into()
}
