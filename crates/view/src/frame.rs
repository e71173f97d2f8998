//! The frame around every page (skip link, header, footer) and the tools above an item's page.
//! The app draws the same pieces (its header adds behaviour to this markup), so a pre-rendered
//! page and the app that takes it over look the same.
//!
//! Controls that only work with the app carry the class `needs-app`: hidden where the app cannot
//! run (no JavaScript, no WebAssembly), invisible but holding their place until it has started
//! (style/prerender.css), so nothing is ever a dead button and nothing moves at the take-over.

use crate::action::Action;
use crate::markup::{el, link, tx, El, Markup, Node};
use crate::qr::qr_svg;
use crate::route::Route;
use crate::site::Site;
use crate::status::hotline_link;

/// The class of controls that need the running app.
pub const NEEDS_APP: &str = "needs-app";
/// The class of links to pages only the app can show (订阅, 消息): hidden where it cannot run.
pub const APP_ONLY: &str = "app-only";

pub fn skip_link() -> El {
    link("#main", "跳到主要内容").class("skip-link")
}

/// The header's bar: the site name (a link home), the search form, the hotline and the 设置
/// menu. One compact bar on a phone (style/app.css); the library's name also shows in the menu,
/// where a narrow screen has no room for it beside the mark.
pub fn header_row(name: &str, hotline: &str) -> El {
    el("div")
        .class("header-row")
        .child(
            el("a")
                .class("brand")
                .attr("href", "/")
                .child(tx("span", "明白").class("brand-mark"))
                .child(tx("span", name).class("brand-name")),
        )
        .child(search_form())
        .child(header_hotline(hotline))
        .child(header_menu(name, display_toggles(false, false)))
}

/// The header's hotline link: "咨询热线" is a label a phone may hide (the ☎ and the number stay).
pub fn header_hotline(hotline: &str) -> El {
    let href = mingbai_core::browse::tel_href(hotline).unwrap_or_else(|| "tel:12345".to_string());
    el("a")
        .attr("href", href)
        .class("hotline header-hotline")
        .child(tx("span", "咨询热线 ").class("hotline-label"))
        .text(hotline)
}

/// The 设置 menu: a `<details>` (opens without the app) with the library's name and the display
/// toggles (those need the app).
pub fn header_menu(name: &str, toggles: El) -> El {
    el("details").class("header-menu").child(tx("summary", "设置")).child(
        el("div")
            .class("header-menu-panel")
            .child(tx("p", name).class("header-menu-name"))
            .child(toggles),
    )
}

/// 大字 and 高对比 (they need the app: they are stored on the device).
pub fn display_toggles(large: bool, contrast: bool) -> El {
    let button = |action: Action, text: &'static str, on: bool| {
        action.button(text).class("display-toggle").attr("aria-pressed", on.to_string())
    };
    el("div")
        .class("display-settings")
        .class(NEEDS_APP)
        .attr("role", "group")
        .attr("aria-label", "显示设置")
        .child(button(Action::LargeText, "大字", large))
        .child(button(Action::HighContrast, "高对比", contrast))
}

/// The search form: a plain GET form to `/search` (works without the app); the app adds
/// suggestions as you type (the WAI-ARIA combobox attributes are its to set).
pub fn search_form() -> El {
    el("form")
        .class("site-search")
        .attr("role", "search")
        .attr("action", Route::Search.path())
        .attr("method", "get")
        .attr("data-client-nav", "")
        .child(tx("label", "搜索政策、问答").class("visually-hidden").attr("for", "search-q"))
        .child(
            el("div")
                .class("search-combo")
                .child(
                    el("input")
                        .id("search-q")
                        .attr("name", "q")
                        .attr("type", "search")
                        .attr("role", "combobox")
                        .attr("aria-autocomplete", "list")
                        .attr("aria-controls", "search-suggestions")
                        .attr("aria-expanded", "false")
                        .attr("autocomplete", "off")
                        .attr("enterkeyhint", "search")
                        .attr("placeholder", "搜索政策"),
                )
                .child(
                    el("ul")
                        .id("search-suggestions")
                        .attr("role", "listbox")
                        .attr("aria-label", "搜索建议")
                        .class("suggestions")
                        .attr("hidden", ""),
                ),
        )
        .child(tx("button", "搜索").attr("type", "submit").class("search-submit"))
        .child(el("p").id("search-preparing").class("search-preparing").attr("hidden", ""))
        .child(
            el("p")
                .id("search-live")
                .class("visually-hidden")
                .attr("aria-live", "polite")
                .attr("aria-atomic", "true"),
        )
}

/// The main navigation's links: (route, text). The app's header draws the same list.
pub const NAV: [(Route, &str); 6] = [
    (Route::Home, "首页"),
    (Route::Policies, "政策"),
    (Route::Cards, "解读"),
    (Route::QaList, "问答"),
    (Route::Notices, "通知"),
    (Route::Inbox, "消息"),
];

/// Whether the nav link `href` is the current section of `path` (as the router's links decide:
/// `/` only on the home page, others on their path and below).
pub fn nav_active(href: &str, path: &str) -> bool {
    if href == "/" {
        return path == "/";
    }
    let mut h = href.split('/');
    std::iter::zip(path.split('/'), h.by_ref()).all(|(p, h)| p == h) && h.next().is_none()
}

/// `<span class="unread-badge">` beside 消息 (the app fills it in place).
pub fn badge_slot() -> El {
    el("span")
        .class("unread-badge")
        .id("unread-badge")
        .attr("hidden", "")
        .child(el("span").id("unread-count"))
        .child(tx("span", " 条未读").class("visually-hidden"))
}

/// The navigation as the app draws it for `path` (the 消息 inbox needs the app).
pub fn site_nav(path: &str) -> El {
    let items = NAV.iter().map(|(route, text)| {
        let href = route.path();
        let mut a = link(href.as_str(), *text);
        if nav_active(&href, path) {
            a = a.attr("aria-current", "page");
        }
        let li = el("li").child(a);
        if *route == Route::Inbox {
            li.class(APP_ONLY).child(badge_slot()).into()
        } else {
            li.into()
        }
    });
    el("nav").class("site-nav").attr("aria-label", "主导航").child(el("ul").children(items))
}

/// The whole header of a pre-rendered page.
pub fn header(site: &Site, path: &str) -> El {
    el("header")
        .class("site-header")
        .child(header_row(site.library.name(), site.hotline))
        .child(site_nav(path))
}

/// Footer links (订阅提醒 is a page only the app shows; 隐私说明 is a page of its own).
pub fn footer_extras() -> Vec<Node> {
    vec![el("p")
        .class("footer-links")
        .child(link(Route::Subscribe.path(), "订阅提醒").class(APP_ONLY))
        .text(" · ")
        .child(link(Route::Privacy.path(), "隐私说明"))
        .into()]
}

/// The message line at the top of `main` (confirmations, news of matching notices; the app
/// fills it): it pushes the page down instead of covering part of it.
pub fn message_line() -> El {
    el("div").class("flash-region").attr("role", "status").child(
        el("p")
            .class("flash")
            .id("flash")
            .attr("hidden", "")
            .child(el("span").id("flash-text"))
            .child(Action::DismissMessage.button("知道了").class("flash-close")),
    )
}

/// The footer's first part (the app adds [`footer_extras`] after it).
pub fn footer_lines(hotline: &str) -> Vec<Node> {
    vec![
        tx("p", "看不明白、找不到，或者想问得更清楚？").into(),
        el("p").child(hotline_link(hotline, "拨打", "政务服务便民热线", "hotline")).into(),
        tx("p", "明白 · 政策明白卡。内容以政府正式发布的文件为准。").class("footer-note").into(),
    ]
}

pub fn footer(hotline: &str) -> El {
    el("footer").class("site-footer").children(footer_lines(hotline)).children(footer_extras())
}

/// 语音播报 (and 扫码带走 on the kiosk) above a policy, card or Q&A page, and the page's QR code
/// for print. `None` on other pages and for an id that does not exist.
pub fn page_tools(site: &Site, route: &Route) -> Option<Markup> {
    let lib = site.library;
    let exists = match route {
        Route::Card(id) => lib.card(id).is_some(),
        Route::Policy(id) => lib.policy(id).is_some(),
        Route::Qa(id) => lib.qa_entry(id).is_some(),
        _ => false,
    };
    if !exists {
        return None;
    }
    let has_voice = site.device.is_some_and(|d| d.has_voice);
    let mut read = Action::ReadAloud.button("语音播报").class("read-aloud").class(NEEDS_APP);
    if !has_voice {
        read = read.attr("hidden", "");
    }
    let take_away = site.kiosk.then(|| {
        Action::TakeAway.button("扫码带走").class("take-away")
    });
    let print_qr = site.page_url.and_then(|url| {
        qr_svg(url, "在线版本的二维码").map(|qr| {
            el("div")
                .class("print-only print-qr")
                .child(qr)
                .child(tx("p", "扫码查看在线版本"))
                .child(tx("p", url).class("print-url"))
        })
    });
    Some(Markup::one(
        el("div")
            .class("page-tools")
            .child(el("div").class("tools-row").child(read).opt(take_away))
            .opt(print_qr),
    ))
}

#[cfg(test)]
mod tests {
    use super::nav_active;

    #[test]
    fn nav_marks_sections_as_the_router_does() {
        assert!(nav_active("/", "/"));
        assert!(!nav_active("/", "/qa"));
        assert!(nav_active("/qa", "/qa"));
        assert!(nav_active("/qa", "/qa/qa-001"));
        assert!(!nav_active("/qa", "/qanda"));
        assert!(!nav_active("/policies", "/"));
    }
}

const FOLLOWING: &str = "已关注：相关通知和变动会出现在“消息”里";
const NOT_FOLLOWING: &str = "关注后，相关通知和变动会出现在“消息”里";

/// The text beside the 关注 button for a state.
pub fn follow_state_text(on: bool) -> &'static str {
    if on {
        FOLLOWING
    } else {
        NOT_FOLLOWING
    }
}

/// The "关注" toggle on policy, card and topic pages: a real toggle button (`aria-pressed`, a
/// constant name) with the state also written out beside it. Kept on the device: needs the app.
pub fn follow_button(site: &Site, kind: mingbai_core::ItemKind, id: &str) -> El {
    let on = site.follows(kind, id);
    el("p")
        .class("follow-bar")
        .class(NEEDS_APP)
        .child(
            Action::Follow { kind, id: id.to_string() }
                .button("关注")
                .class("follow")
                .attr("aria-pressed", on.to_string()),
        )
        .child(tx("span", follow_state_text(on)).class("follow-state"))
}
