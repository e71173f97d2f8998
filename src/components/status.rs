//! Whole-page states: loading, a library that cannot be opened, content that does not exist.

use super::markup::{el, li, link, tx, El, Markup};
use crate::platform;
use crate::state::app_state;
use leptos::prelude::GetUntracked;
use mingbai_core::browse::tel_href;

/// `<a class="hotline …" href="tel:…">` for static markup: "<before> <number> <after>".
pub fn hotline_link(before: &str, after: &str, class: &'static str) -> El {
    let number = app_state().hotline.get_untracked();
    let href = tel_href(&number).unwrap_or_else(|| "tel:12345".to_string());
    let text: Vec<&str> = [before, number.as_str(), after]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    link(href, text.join(" ")).class(class)
}

pub fn loading() -> Markup {
    Markup::one(
        tx("p", "正在加载政策库…")
            .attr("role", "status")
            .class("loading"),
    )
}

/// The manifest is missing, unreadable or of an unknown version: say why, offer the hotline.
pub fn broken(reason: &str) -> Markup {
    platform::set_title("政策库暂时无法打开");
    Markup::one(
        el("div")
            .class("broken")
            .child(tx("h1", "政策库暂时无法打开"))
            .child(tx("p", "很抱歉，政策库现在无法打开。请稍后刷新页面再试。"))
            .child(tx("p", format!("原因：{reason}")).class("broken-reason"))
            .child(tx("p", "如需咨询政策，请直接拨打热线："))
            .child(el("p").child(hotline_link(
                "拨打",
                "政务服务便民热线",
                "hotline hotline-big",
            ))),
    )
}

/// Unknown route or unknown id.
pub fn not_found() -> Markup {
    platform::set_title("没有找到这项内容");
    Markup::one(
        el("div")
            .class("not-found")
            .child(tx("h1", "没有找到这项内容"))
            .child(tx("p", "链接可能有误，或者这项内容已经调整。您可以："))
            .child(
                el("ul")
                    .class("action-list")
                    .child(li(link("/", "回到首页")))
                    .child(li(link("/policies", "查看全部政策文件")))
                    .child(li(link("/qa", "查看常见问题")))
                    .child(li(hotline_link("拨打", "热线咨询", "hotline"))),
            ),
    )
}
