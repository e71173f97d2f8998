//! `/policies`: the policy library, filtered by issuer, year, theme and status through the
//! query string (`?issuer=…&year=2024&theme=…&status=effective`). The filters are plain
//! `<select>`s in a GET form, so the URL always says what is shown.

use crate::status::kind_unavailable;
use mingbai_core::FileRole;
use crate::common::{filter_select, item_list};
use crate::items::policy_item;
use crate::markup::{el, link, tx, Markup};
use crate::route::{Query, Route};
use crate::site::{Page, Site};
use mingbai_core::browse::{status_key, PolicyFilter, POLICY_STATUSES};
use mingbai_core::ItemKind;

pub fn render(site: &Site, q: &Query) -> Page {
    if site.failed(FileRole::Policies) {
        return kind_unavailable(site.hotline, "政策文件");
    }
    let filter = PolicyFilter::from_query(q.get("issuer"), q.get("year"), q.get("theme"), q.get("status"));
    let lib = site.library;
    let found = lib.filtered_policies(&filter);
    let count = found.len();

    let issuers = lib
        .issuers()
        .into_iter()
        .map(|i| (i.to_string(), i.to_string()))
        .collect();
    let years = lib
        .policy_years()
        .into_iter()
        .map(|y| (y.to_string(), format!("{y}年")))
        .collect();
    let themes = lib
        .themes_in_use(ItemKind::Policy)
        .into_iter()
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect();
    let statuses = POLICY_STATUSES
        .into_iter()
        .map(|s| (status_key(s).to_string(), s.label().to_string()))
        .collect();
    let year = filter.year.map(|y| y.to_string());
    let names = mingbai_core::issuers::IssuerNames::build(lib);
    let selected_issuer = filter.issuer.as_deref().map(|i| names.canonical(i).to_string());

    let mut actions = el("div")
        .class("filter-actions")
        .child(tx("button", "筛选").attr("type", "submit"));
    if !filter.is_empty() {
        actions = actions.child(link(Route::Policies.path(), "清除筛选").class("clear-filters"));
    }
    let form = el("form")
        .class("filters")
        .attr("method", "get")
        .attr("action", Route::Policies.path())
        .attr("data-client-nav", "")
        .child(filter_select(
            "issuer",
            "发布机构",
            "全部机构",
            issuers,
            // An old link may name a variant (槐荫区人民政府办公室): select the merged entry.
            selected_issuer.as_deref(),
        ))
        .child(filter_select(
            "year",
            "年份",
            "全部年份",
            years,
            year.as_deref(),
        ))
        .child(filter_select(
            "theme",
            "主题",
            "全部主题",
            themes,
            filter.theme.as_deref(),
        ))
        .child(filter_select(
            "status",
            "有效性",
            "全部",
            statuses,
            filter.status.map(status_key),
        ))
        .child(actions);

    let results = if count == 0 {
        el("p")
            .class("empty")
            .text("没有符合条件的政策文件。")
            .child(link(Route::Policies.path(), "查看全部政策文件"))
    } else {
        item_list(found.into_iter().map(policy_item))
    };
    let body = Markup(vec![
        tx("h1", "政策文件").into(),
        form.into(),
        tx("p", format!("共 {count} 份政策文件"))
            .class("result-count")
            .into(),
        results.into(),
    ]);
    Page::new("政策文件", body).described(format!(
        "{}政策文件库：政策原文、文号、发布机构、成文日期和有效性，可按机构、年份、主题和有效性查找。",
        lib.name()
    ))
}
