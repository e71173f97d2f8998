//! `/qa`: the question bank, most asked first, filterable by theme (`?theme=…`).

use crate::status::kind_unavailable;
use mingbai_core::FileRole;
use crate::common::{filter_select, item_list};
use crate::items::qa_item;
use crate::markup::{el, link, tx, Markup};
use crate::route::{Query, Route};
use crate::site::{Page, Site};
use mingbai_core::ItemKind;

pub fn render(site: &Site, query: &Query) -> Page {
    if site.failed(FileRole::Qa) {
        return kind_unavailable(site.hotline, "常见问题");
    }
    let theme = query.get("theme").filter(|t| !t.is_empty());
    let lib = site.library;
    let title = match theme {
        Some(t) => format!("常见问题：{}", lib.theme_label(t)),
        None => "常见问题".to_string(),
    };

    let themes: Vec<(String, String)> = lib
        .themes_in_use(ItemKind::Qa)
        .into_iter()
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect();
    let form = el("form")
        .class("filters")
        .attr("method", "get")
        .attr("action", Route::QaList.path())
        .attr("data-client-nav", "")
        .child(filter_select(
            "theme",
            "按主题查看",
            "全部主题",
            themes,
            theme,
        ))
        .child(
            el("div")
                .class("filter-actions")
                .child(tx("button", "查看").attr("type", "submit")),
        );

    let questions = lib.current_questions_on(theme, site.today.as_ref());
    let list = if questions.is_empty() {
        vec![el("p")
            .class("empty")
            .text("这个主题下暂时没有问题。")
            .child(link(Route::QaList.path(), "查看全部问题"))
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

    let mut page = vec![tx("h1", title.clone()).into(), form.into()];
    page.extend(list);
    Page::new(title, Markup(page))
        .described(format!("{}的常见问题：政策怎么享受、事情怎么办，最常问的排在前面。", lib.name()))
}
