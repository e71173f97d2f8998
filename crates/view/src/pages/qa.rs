//! `/qa/:id`: one question, its answer, the policy sections it rests on and related questions.

use mingbai_core::FileRole;
use crate::common::{applicability, expired_note, item_list, paragraphs};
use crate::items::qa_item;
use crate::markup::{el, li, link, section, tx, Markup, Node};
use crate::route::{item_href, section_href, Route};
use crate::site::{clip, Page, Site};
use crate::status::not_found;
use mingbai_core::{ItemKind, Qa};

pub fn render(site: &Site, id: &str) -> Page {
    match site.library.qa_entry(id) {
        Some(qa) => Page::new(qa.question.as_str(), qa_view(site, qa))
            .described(clip(&qa.answer.join(""), 120)),
        None if site.failed(FileRole::Qa) => crate::status::kind_unavailable(site.hotline, "常见问题"),
        None => not_found(site.hotline),
    }
}

fn qa_view(site: &Site, q: &Qa) -> Markup {
    let lib = site.library;
    let refs: Vec<Node> = q
        .policy_refs
        .iter()
        .filter_map(|r| {
            let policy = lib.policy(&r.policy_id)?;
            let section = r.section.as_deref().and_then(|s| policy.section(s));
            Some(li(match section {
                Some(s) => link(
                    section_href(&policy.id, &s.id),
                    format!("{} · {}", policy.title, s.heading),
                ),
                None => link(item_href(ItemKind::Policy, &policy.id), policy.title.as_str()),
            }))
        })
        .collect();
    let refs = (!refs.is_empty()).then(|| {
        section("qa-basis", "related", "政策依据").child(el("ul").class("basis").children(refs))
    });
    let related = lib.current_related_questions(q, 5, site.today.as_ref());
    let related = (!related.is_empty()).then(|| {
        section("qa-related", "related", "相关问题")
            .child(item_list(related.into_iter().map(qa_item)))
    });
    let mut facts = format!("更新于 {}", q.updated.chinese());
    if let Some(source) = &q.source {
        facts.push_str(&format!(" · 来源：{source}"));
    }
    Markup::one(
        el("article")
            .class("qa")
            .child(tx("h1", q.question.as_str()))
            .opt(expired_note(site, q.expires.as_ref()))
            .child(el("div").class("answer").children(paragraphs(&q.answer)))
            .child(tx("p", facts).class("item-meta"))
            .opt(applicability(site, q.scope, &q.regions, q.department.as_deref()))
            .opt(refs)
            .opt(related)
            .child(el("p").class("back").child(link(Route::QaList.path(), "返回常见问题"))),
    )
}
