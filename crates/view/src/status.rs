//! Whole-page states: loading, a library that cannot be opened, content that does not exist.

use crate::markup::{el, li, link, tx, El, Markup};
use crate::route::Route;
use crate::site::Page;
use mingbai_core::browse::tel_href;

/// `<a class="…" href="tel:…">`: "<before> <number> <after>".
pub fn hotline_link(hotline: &str, before: &str, after: &str, class: &'static str) -> El {
    let href = tel_href(hotline).unwrap_or_else(|| "tel:12345".to_string());
    let text: Vec<&str> = [before, hotline, after].into_iter().filter(|s| !s.is_empty()).collect();
    link(href, text.join(" ")).class(class)
}

pub fn loading() -> Markup {
    Markup::one(tx("p", "正在加载政策库…").attr("role", "status").class("loading"))
}

/// The manifest is missing, unreadable or of an unknown version: say why, offer the hotline.
pub fn broken(hotline: &str, reason: &str) -> Page {
    Page::new(
        "政策库暂时无法打开",
        Markup::one(
            el("div")
                .class("broken")
                .child(tx("h1", "政策库暂时无法打开"))
                .child(tx("p", "很抱歉，政策库现在无法打开。请稍后刷新页面再试。"))
                .child(tx("p", format!("原因：{reason}")).class("broken-reason"))
                .child(tx("p", "如需咨询政策，请直接拨打热线："))
                .child(el("p").child(hotline_link(hotline, "拨打", "政务服务便民热线", "hotline hotline-big"))),
        ),
    )
}

/// Unknown route or unknown id.
pub fn not_found(hotline: &str) -> Page {
    let mut page = Page::new(
        "没有找到这项内容",
        Markup::one(
            el("div")
                .class("not-found")
                .child(tx("h1", "没有找到这项内容"))
                .child(tx("p", "链接可能有误，或者这项内容已经调整。您可以："))
                .child(
                    el("ul")
                        .class("action-list")
                        .child(li(link("/", "回到首页")))
                        .child(li(link(Route::Policies.path(), "查看全部政策文件")))
                        .child(li(link(Route::QaList.path(), "查看常见问题")))
                        .child(li(hotline_link(hotline, "拨打", "热线咨询", "hotline"))),
                ),
        ),
    );
    page.found = false;
    page
}

/// A kind whose files could not be loaded: say so instead of "没有…" (the list would be wrong).
pub fn kind_unavailable(hotline: &str, title: &str) -> Page {
    Page::new(
        title,
        Markup(vec![
            tx("h1", title).into(),
            el("p")
                .class("kind-unavailable")
                .attr("role", "note")
                .text("这部分内容暂时无法显示，请稍后刷新页面再试。如需咨询，请拨打 ")
                .child(hotline_link(hotline, "", "", "hotline"))
                .text("。")
                .into(),
        ]),
    )
}
