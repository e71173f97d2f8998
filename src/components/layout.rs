//! The frame around every page: skip link, header with navigation, load problems, footer.
//! The hotline is visible on every page, in the header and again in the footer.

use super::markup::{el, tx, Markup};
use crate::platform;
use crate::runtime::library::Phase;
use crate::runtime::use_runtime;
use leptos::prelude::*;
use leptos_router::components::A;
use mingbai_view::frame::NAV;
use mingbai_view::route::Route;

/// `<a class="hotline" href="tel:…">` with the given text; the number follows the config.
#[component]
pub fn HotlineLink(
    /// Text before the number, e.g. "咨询热线".
    #[prop(into)]
    before: String,
    /// Text after the number.
    #[prop(optional, into)]
    after: String,
    /// Extra classes.
    #[prop(optional, into)]
    class: String,
) -> impl IntoView {
    let rt = use_runtime();
    let number = rt.hotline;
    let href = move || {
        mingbai_core::browse::tel_href(&number.get()).unwrap_or_else(|| "tel:12345".to_string())
    };
    let class = if class.is_empty() {
        "hotline".to_string()
    } else {
        format!("hotline {class}")
    };
    let text = move || {
        let number = number.get();
        [before.as_str(), number.as_str(), after.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    view! { <a class=class href=href>{text}</a> }
}

#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                platform::focus_main();
            }
        >
            "跳到主要内容"
        </a>
    }
}

/// The same DOM as `mingbai_view::frame::header` (a pre-rendered page is taken over without a
/// shift): one bar with the name, search, hotline and the 设置 menu, then the navigation.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let rt = use_runtime();
    let name = move || match rt.phase.get() {
        Phase::Ready(loaded) => loaded.library.name().to_string(),
        _ => "政策明白卡".to_string(),
    };
    let number = rt.hotline;
    let hotline_link = move || Markup::one(mingbai_view::frame::header_hotline(&number.get()));
    view! {
        <header class="site-header">
            <div class="header-row">
                <a class="brand" href=Route::Home.path()>
                    <span class="brand-mark">"明白"</span>
                    <span class="brand-name">{name}</span>
                </a>
                <super::search_box::SearchBox/>
                {hotline_link}
                <details class="header-menu">
                    <summary>"设置"</summary>
                    <div class="header-menu-panel">
                        <p class="header-menu-name">{name}</p>
                        {super::display_settings::toggles()}
                    </div>
                </details>
            </div>
            <nav class="site-nav" aria-label="主导航">
                <ul>{nav_items()}</ul>
            </nav>
        </header>
    }
}

/// `mingbai_view::frame::NAV` as router links (they mark the current section themselves); the
/// 消息 inbox and its unread badge need the app.
fn nav_items() -> impl IntoView {
    NAV.iter()
        .map(|(route, text)| {
            let inbox = *route == Route::Inbox;
            let home = *route == Route::Home;
            view! {
                <li class=inbox.then_some("app-only")>
                    <A href=route.path() exact=home>{*text}</A>
                    {inbox.then(|| Markup::one(mingbai_view::frame::badge_slot()))}
                </li>
            }
        })
        .collect_view()
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"看不明白、找不到，或者想问得更清楚？"</p>
            <p><HotlineLink before="拨打" after="政务服务便民热线"/></p>
            <p class="footer-note">"明白 · 政策明白卡。内容以政府正式发布的文件为准。"</p>
            {Markup(mingbai_view::frame::footer_extras())}
        </footer>
    }
}

/// Files or entries that could not be loaded: one short notice a citizen can act on (the rest
/// works; the hotline), with the technical lines — file, entry, field — folded behind 详情 for
/// editors (`mingbai check` lists them all too). Errors only: warnings go to the console.
#[component]
pub fn LoadProblems() -> impl IntoView {
    let rt = use_runtime();
    move || {
        let problems = match rt.loaded() {
            Some(loaded) if !loaded.problems.is_empty() => loaded,
            _ => return Markup(Vec::new()),
        };
        let hotline = rt.hotline.get();
        Markup::one(
            el("section")
                .class("load-problems")
                .attr("role", "alert")
                .attr("aria-label", "部分内容暂时无法显示")
                .child(
                    el("p")
                        .class("load-problems-notice")
                        .text("部分内容暂时无法显示，其余内容可正常使用。如需咨询，请拨打 ")
                        .child(mingbai_view::status::hotline_link(&hotline, "", "", "hotline"))
                        .text("。"),
                )
                .child(
                    el("details")
                        .class("load-problems-details")
                        .child(tx("summary", format!("详情（{} 条，供维护人员查看）", problems.problems.len())))
                        .child(
                            el("ul").children(
                                problems
                                    .problems
                                    .iter()
                                    .map(|p| tx("li", p.as_str()).into()),
                            ),
                        ),
                ),
        )
    }
}
