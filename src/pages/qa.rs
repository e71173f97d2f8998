//! `/qa/:id`: one question, its answer, the policy sections it rests on and related questions.

use super::{page, Ctx};
use crate::components::common::{item_list, paragraphs};
use crate::components::items::qa_item;
use crate::components::markup::{el, li, link, section, tx, Markup, Node};
use crate::components::status::not_found;
use crate::platform;
use crate::state::Loaded;
use leptos::prelude::*;
use mingbai_core::Qa;

#[component]
pub fn QaPage() -> impl IntoView {
    page(render)
}

fn render(cx: &Ctx) -> Markup {
    match cx.loaded.library.qa_entry(cx.id) {
        Some(qa) => {
            platform::set_title(&qa.question);
            qa_view(cx.loaded, qa)
        }
        None => not_found(),
    }
}

fn qa_view(loaded: &Loaded, q: &Qa) -> Markup {
    let lib = &loaded.library;
    let refs: Vec<Node> = q
        .policy_refs
        .iter()
        .filter_map(|r| {
            let policy = lib.policy(&r.policy_id)?;
            let section = r.section.as_deref().and_then(|s| policy.section(s));
            Some(li(match section {
                Some(s) => link(
                    format!("/policies/{}#{}", policy.id, s.id),
                    format!("{} · {}", policy.title, s.heading),
                ),
                None => link(format!("/policies/{}", policy.id), policy.title.as_str()),
            }))
        })
        .collect();
    let refs = (!refs.is_empty()).then(|| {
        section("qa-basis", "related", "政策依据").child(el("ul").class("basis").children(refs))
    });
    let related = lib.related_questions(q, 5);
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
            .child(el("div").class("answer").children(paragraphs(&q.answer)))
            .child(tx("p", facts).class("item-meta"))
            .opt(refs)
            .opt(related)
            .child(el("p").class("back").child(link("/qa", "返回常见问题"))),
    )
}
