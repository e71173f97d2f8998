//! `/qa`: the question bank, most asked first, filterable by theme (`?theme=…`).

use super::{page, Ctx};
use crate::components::common::item_list;
use crate::components::items::qa_item;
use crate::components::markup::{el, li, link, tx, Markup};
use crate::platform;
use leptos::prelude::*;
use mingbai_core::ItemKind;

#[component]
pub fn QaListPage() -> impl IntoView {
    page(render)
}

fn render(cx: &Ctx) -> Markup {
    let theme = cx.query.get_str("theme").filter(|t| !t.is_empty());
    let lib = &cx.loaded.library;
    let title = match theme {
        Some(t) => format!("常见问题：{}", lib.theme_label(t)),
        None => "常见问题".to_string(),
    };
    platform::set_title(&title);

    let chip = |href: String, label: &str, current: bool| {
        let a = link(href, label).class("chip");
        li(if current {
            a.attr("aria-current", "page")
        } else {
            a
        })
    };
    let mut chips = vec![chip("/qa".to_string(), "全部", theme.is_none())];
    for t in lib.themes_in_use(ItemKind::Qa) {
        let href = format!(
            "/qa?theme={}",
            String::from(js_sys::encode_uri_component(&t.id))
        );
        chips.push(chip(href, &t.label, theme == Some(t.id.as_str())));
    }

    let questions = lib.questions_on(theme);
    let list = if questions.is_empty() {
        vec![el("p")
            .class("empty")
            .text("这个主题下暂时没有问题。")
            .child(link("/qa", "查看全部问题"))
            .into()]
    } else {
        vec![
            tx(
                "p",
                format!("共 {} 个问题，最常问的排在前面", questions.len()),
            )
            .class("result-count")
            .into(),
            item_list(questions.into_iter().map(qa_item)).into(),
        ]
    };

    let mut page = vec![
        tx("h1", title).into(),
        el("nav")
            .class("chips")
            .attr("aria-label", "按主题查看")
            .child(el("ul").children(chips))
            .into(),
    ];
    page.extend(list);
    Markup(page)
}
