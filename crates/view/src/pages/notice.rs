//! `/notices/:id`: one notice with its dates, urgency, body and linked items.

use crate::route::Route;
use mingbai_core::FileRole;
use crate::common::{item_list, paragraphs, tag_list, urgent_badge};
use crate::markup::{el, link, section, tx, Markup, Node};
use crate::site::{clip, Page, Site};
use crate::status::not_found;
use mingbai_core::browse::is_expired;
use mingbai_core::{Notice, Priority};

pub fn render(site: &Site, id: &str) -> Page {
    match site.library.notice(id) {
        Some(notice) => Page::new(notice.title.as_str(), notice_view(site, notice))
            .described(clip(&notice.body.join(""), 120)),
        None if site.failed(FileRole::Notices) => crate::status::kind_unavailable(site.hotline, "通知公告"),
        None => not_found(site.hotline),
    }
}

fn notice_view(site: &Site, n: &Notice) -> Markup {
    let lib = site.library;
    let expired = site.today.as_ref().is_some_and(|t| is_expired(n, t));
    let urgent = n.priority == Priority::Urgent;
    let flags = (urgent || expired).then(|| {
        el("p")
            .class("notice-flags")
            .opt(urgent.then(urgent_badge))
            .opt(expired.then(|| tx("span", "已过期").class("badge expired")))
    });
    let dates = el("ul")
        .class("dates")
        .child(tx("li", format!("发布日期：{}", n.published.chinese())))
        .opt(
            n.deadline
                .as_ref()
                .map(|d| el("li").child(tx("strong", "截止日期：")).text(d.chinese())),
        )
        .opt(
            n.expires
                .as_ref()
                .map(|d| tx("li", format!("有效期至：{}", d.chinese()))),
        );
    let links: Vec<Node> = n
        .links
        .iter()
        .filter_map(|l| {
            let title = lib.title_of(l)?;
            Some(
                el("li")
                    .class("item")
                    .child(tx("span", format!("{}：", l.kind.label())).class("kind"))
                    .child(link(l.href(), title).class("item-title"))
                    .into(),
            )
        })
        .collect();
    let links = (!links.is_empty())
        .then(|| section("notice-links", "related", "相关内容").child(item_list(links)));
    let audiences = n
        .audiences
        .iter()
        .map(|a| lib.audience_label(a).to_string())
        .collect();
    let regions = n
        .regions
        .iter()
        .map(|r| lib.region_label(r).to_string())
        .collect();
    Markup::one(
        el("article")
            .class("notice")
            .child(tx("h1", n.title.as_str()))
            .opt(flags)
            .child(dates)
            .opt(tag_list("面向：", audiences))
            .opt(tag_list("地区：", regions))
            .child(el("div").class("body").children(paragraphs(&n.body)))
            .opt(links)
            .child(
                el("p")
                    .class("back")
                    .child(link(Route::Notices.path(), "返回通知公告")),
            ),
    )
}
