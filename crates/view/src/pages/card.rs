//! `/cards/:id`: a 政策明白卡 laid out as one visual sheet (一图读懂): title and summary, then
//! 要点, 谁能享受, 能得到什么, 怎么办, 要带什么, 有什么变化, 什么时候, 联系电话 (empty blocks skipped).

use crate::common::{applicability, expired_note};
use mingbai_core::FileRole;
use crate::frame::follow_button;
use crate::markup::{el, link, tx, El, Markup, Node};
use crate::route::item_href;
use crate::site::{clip, Page, Site};
use crate::status::not_found;
use mingbai_core::browse::tel_href;
use mingbai_core::{Card, ItemKind, TitledText};

pub fn render(site: &Site, id: &str) -> Page {
    match site.library.card(id) {
        Some(card) => Page::new(card.title.as_str(), card_view(site, card))
            .described(clip(&format!("政策明白卡：{}", card.summary), 120)),
        None if site.failed(FileRole::Cards) => crate::status::kind_unavailable(site.hotline, "政策解读"),
        None => not_found(site.hotline),
    }
}

/// A titled block of the sheet; `None` (skipped) when it has nothing to say.
fn block(class: &'static str, heading: &str, body: Option<El>) -> Option<El> {
    let body = body?;
    let id = format!("card-{class}");
    Some(
        el("section")
            .attr("class", format!("card-block block-{class}"))
            .attr("aria-labelledby", id.clone())
            .child(tx("h2", heading).id(id))
            .child(body),
    )
}

fn numbered(items: &[TitledText]) -> Option<El> {
    (!items.is_empty()).then(|| {
        // The big number is drawn as a real element (hidden from screen readers, which
        // announce the list position themselves) so contrast checkers can see its colours.
        el("ol")
            .class("numbered")
            .children(items.iter().enumerate().map(|(i, t)| {
                el("li")
                    .child(
                        tx("span", (i + 1).to_string())
                            .class("num")
                            .attr("aria-hidden", "true"),
                    )
                    .child(tx("strong", t.title.as_str()).class("point-title"))
                    .opt((!t.text.is_empty()).then(|| tx("p", t.text.as_str())))
                    .into()
            }))
    })
}

fn bullets(items: &[String]) -> Option<El> {
    (!items.is_empty()).then(|| {
        el("ul")
            .class("bullets")
            .children(items.iter().map(|t| tx("li", t.as_str()).into()))
    })
}

fn card_view(site: &Site, c: &Card) -> Markup {
    let lib = site.library;
    let audiences: Vec<Node> = c
        .audiences
        .iter()
        .map(|a| tx("span", lib.audience_label(a)).class("tag").into())
        .collect();

    let who_heading = if c.eligibility.is_empty() {
        "与谁有关"
    } else {
        "谁能享受"
    };
    let who = (!c.eligibility.is_empty() || !audiences.is_empty()).then(|| {
        let people = (!audiences.is_empty()).then(|| {
            el("p")
                .class("audiences")
                .child(tx("span", "适用人群：").class("tags-label"))
                .children(audiences)
        });
        el("div").opt(bullets(&c.eligibility)).opt(people)
    });

    let changes = (!c.changes.is_empty()).then(|| {
        el("ul")
            .class("changes")
            .children(c.changes.iter().map(|ch| {
                el("li")
                    .class("change")
                    .child(
                        el("p")
                            .class("before")
                            .child(tx("span", "以前：").class("change-label"))
                            .text(ch.before.as_str()),
                    )
                    .child(tx("p", "↓").class("arrow").attr("aria-hidden", "true"))
                    .child(
                        el("p")
                            .class("after")
                            .child(tx("span", "现在：").class("change-label"))
                            .text(ch.after.as_str()),
                    )
                    .into()
            }))
    });

    let deadline = c.deadline.as_ref().map(|d| {
        el("li")
            .class("deadline")
            .child(tx("strong", "截止日期："))
            .text(d.chinese())
    });
    let when = el("ul").class("when").opt(deadline).child(tx(
        "li",
        format!("发布日期：{}", c.published_date.chinese()),
    ));

    let contacts = (!c.contacts.is_empty()).then(|| {
        el("ul")
            .class("contacts")
            .children(c.contacts.iter().map(|ct| {
                let phone = match tel_href(&ct.phone) {
                    Some(href) => link(href, ct.phone.as_str()).class("tel"),
                    None => tx("span", ct.phone.as_str()),
                };
                el("li")
                    .child(tx("span", ct.name.as_str()).class("contact-name"))
                    .text(" ")
                    .child(phone)
                    .into()
            }))
    });

    let policy_link = lib.policy(&c.policy_id).map(|p| {
        el("p")
            .class("card-source")
            .text("政策原文：")
            .child(link(item_href(ItemKind::Policy, &p.id), p.title.as_str()))
    });

    Markup::one(
        el("article")
            .class("card-sheet")
            .child(
                el("div")
                    .class("card-head")
                    .child(tx("p", "政策明白卡 · 一图读懂").class("card-kicker"))
                    .child(tx("h1", c.title.as_str()))
                    .opt(expired_note(site, c.expires.as_ref()))
                    .opt(
                        (!c.summary.is_empty())
                            .then(|| tx("p", c.summary.as_str()).class("card-summary")),
                    ),
            )
            .child(follow_button(site, ItemKind::Card, &c.id))
            .opt(block("points", "要点", numbered(&c.key_points)))
            .opt(block("who", who_heading, who))
            .opt(block("benefits", "能得到什么", bullets(&c.benefits)))
            .opt(block("steps", "怎么办", numbered(&c.steps)))
            .opt(block("materials", "要带什么", bullets(&c.materials)))
            .opt(block("changes", "有什么变化", changes))
            .opt(block("when", "什么时候", Some(when)))
            .opt(block("contacts", "联系电话", contacts))
            .opt(applicability(site, c.scope, &c.regions, None))
            .opt(policy_link),
    )
}
