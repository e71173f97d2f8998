//! The kiosk (12345 self-service terminals): the attract screen and touch menu at `/kiosk`
//! (categories, 一件事 topics, hot questions, an initials pad and common words), the idle reset
//! that wipes the last visitor's traces, and no way out of the app (outside links and phone
//! numbers become dialogs). See docs/kiosk.md.
//!
//! The menu is two columns of blocks: "find" (the initials pad, 一件事 topics) and "browse"
//! (hot questions, categories, common words, latest cards). Side by side on a landscape display,
//! one above the other in portrait, the pad first, so it is reachable without scrolling either
//! way (style/kiosk.css).

use crate::components::markup::{el, link, section, tx, El, Markup, Node};
use crate::components::page::{page, AppPage, Ctx};
use crate::components::{read_aloud, take_away};
use crate::platform::dom::{by_id, html_class, show};
use crate::platform::live;
use crate::runtime::Runtime;
use leptos::prelude::*;
use mingbai_core::ItemKind;
use mingbai_view::action::Action;
use mingbai_view::route::{encode, item_href, Route};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps the kiosk switch on links (harmless inside the app, right after a reload).
fn kiosk_href(path: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}mode=kiosk")
}

fn search_href(q: &str) -> String {
    kiosk_href(&mingbai_view::route::search_href(q))
}

// ---- the page ---------------------------------------------------------------------------------

#[component]
pub fn KioskPage() -> impl IntoView {
    page(render)
}

fn tile(href: String, text: &str) -> Node {
    el("li").child(link(href, text).class("kiosk-tile")).into()
}

fn tiles(items: impl IntoIterator<Item = Node>) -> El {
    el("ul").class("kiosk-tiles").children(items)
}

fn render(cx: &Ctx) -> AppPage {
    let lib = &cx.loaded.library;
    let today = cx.loaded.today.as_ref();
    let hot = lib.current_hot_questions(8, today);
    let cards = lib.current_cards(4, today);

    // Attract screen: hot questions and the latest cards, one at a time (all of them, still,
    // when the person prefers less motion).
    let cycle = hot
        .iter()
        .take(5)
        .map(|q| ("大家都在问", q.question.as_str()))
        .chain(cards.iter().map(|c| ("最新解读", c.title.as_str())))
        .enumerate()
        .map(|(i, (kind, title))| {
            el("li")
                .attr("class", if i == 0 { "is-current" } else { "" })
                .child(tx("span", kind).class("cycle-kind"))
                .child(tx("span", title).class("cycle-title"))
                .into()
        });
    let hero = el("section")
        .class("kiosk-hero")
        .id("kiosk-hero")
        .attr("aria-label", "欢迎")
        .child(tx("p", "查政策 · 看解读 · 问问题").class("kiosk-tagline"))
        .child(el("ul").class("kiosk-cycle").id("kiosk-cycle").children(cycle))
        .child(Action::KioskStart.button("点击屏幕开始").class("kiosk-start"));

    let letters = ('a'..='z').map(|c| {
        Action::Pad { key: c.to_string() }.button(c.to_ascii_uppercase().to_string()).class("pad-key").into()
    });
    let pad_button = |key: &'static str, text: &'static str| -> Node {
        Action::Pad { key: key.to_string() }.button(text).attr("class", format!("pad-key pad-{key}")).into()
    };
    let pad = section("kiosk-pad", "kiosk-block", "按拼音首字母查找")
        .child(tx("p", "例如“医疗保险”，依次点 Y L B X，再点“搜索”。").class("kiosk-hint"))
        .child(
            el("p")
                .class("pad-display")
                .child(tx("span", "已输入：").class("pad-label"))
                .child(el("output").id("pad-display").attr("aria-live", "polite")),
        )
        .child(
            el("div")
                .class("pad-grid")
                .attr("role", "group")
                .attr("aria-label", "字母键盘")
                .children(letters)
                .child(pad_button("back", "删除"))
                .child(pad_button("clear", "清空"))
                .child(pad_button("go", "搜索")),
        );

    // Common words: the colloquial words people use, as the library's synonyms list them.
    let mut words: Vec<&str> = Vec::new();
    for alias in lib.synonyms.iter().filter_map(|s| s.aliases.first()) {
        if words.len() < 16 && !words.contains(&alias.as_str()) {
            words.push(alias);
        }
    }
    let words_block = (!words.is_empty()).then(|| {
        section("kiosk-words", "kiosk-block", "常用词")
            .child(tiles(words.iter().map(|w| tile(search_href(w), w))))
    });

    // Categories citizens think in: internal ones (`public: false` in the taxonomy) stay out.
    let themes: Vec<Node> = lib
        .taxonomy
        .themes
        .iter()
        .filter(|t| t.is_public() && lib.qa.iter().any(|q| q.themes.contains(&t.id)))
        .map(|t| tile(kiosk_href(&format!("{}?theme={}", Route::QaList.path(), encode(&t.id))), &t.label))
        .collect();
    let themes_block = (!themes.is_empty())
        .then(|| section("kiosk-themes", "kiosk-block", "按类别查看").child(tiles(themes)));
    let topics_block = (!lib.topics.is_empty()).then(|| {
        section("kiosk-topics", "kiosk-block", "一件事专题").child(tiles(
            lib.topics.iter().map(|t| tile(kiosk_href(&item_href(ItemKind::Topic, &t.id)), &t.title)),
        ))
    });
    let hot_block = (!hot.is_empty()).then(|| {
        section("kiosk-hot", "kiosk-block", "大家都在问").child(tiles(
            hot.iter().map(|q| tile(kiosk_href(&item_href(ItemKind::Qa, &q.id)), &q.question)),
        ))
    });
    let cards_block = (!cards.is_empty()).then(|| {
        section("kiosk-cards", "kiosk-block", "最新政策解读").child(tiles(
            cards.iter().map(|c| tile(kiosk_href(&item_href(ItemKind::Card, &c.id)), &c.title)),
        ))
    });

    AppPage::new("自助查询", Markup(vec![
        tx("h1", format!("{} · 自助查询", lib.name())).into(),
        hero.into(),
        el("div")
            .class("kiosk-menu")
            .id("kiosk-menu")
            .attr("hidden", "")
            .child(el("div").class("kiosk-col kiosk-find").child(pad).opt(topics_block))
            .child(el("div").class("kiosk-col kiosk-browse").opt(hot_block).opt(themes_block).opt(words_block).opt(cards_block))
            .into(),
    ]))
}

/// "点击屏幕开始": the attract screen gives way to the menu.
pub fn start_session() {
    if let (Some(hero), Some(menu)) = (by_id("kiosk-hero"), by_id("kiosk-menu")) {
        show(&hero, false);
        show(&menu, true);
        if let Some(first) = menu
            .query_selector("h2")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = first.set_attribute("tabindex", "-1");
            let _ = first.focus();
        }
    }
}

/// The initials pad: letters build the query, 搜索 opens `/search?q=…` in kiosk mode.
pub fn pad(key: &str, go: &dyn Fn(&str)) {
    let Some(display) = by_id("pad-display") else { return };
    let mut typed = display.text_content().unwrap_or_default().to_ascii_lowercase();
    match key {
        "back" => {
            typed.pop();
        }
        "clear" => typed.clear(),
        "go" => {
            if typed.is_empty() {
                live::announce("请先点字母，再点搜索");
            } else {
                go(&search_href(&typed));
            }
            return;
        }
        key if key.len() == 1 && typed.len() < 12 => typed.push_str(key),
        _ => return,
    }
    display.set_text_content(Some(&typed.to_ascii_uppercase()));
}

// ---- no way out of the app ----------------------------------------------------------------

/// Link clicks on the kiosk: the attract screen starts on any touch; `tel:` and every address
/// that is not a route of this app open a dialog instead of leaving.
pub fn intercept_click(rt: Runtime, ev: &web_sys::Event, target: &web_sys::Element, go: &dyn Fn(&str)) {
    if target.closest("#kiosk-hero").ok().flatten().is_some() {
        ev.prevent_default();
        start_session();
        return;
    }
    let Ok(Some(anchor)) = target.closest("a[href]") else { return };
    let href = anchor.get_attribute("href").unwrap_or_default();
    if let Some(number) = href.strip_prefix("tel:") {
        ev.prevent_default();
        ev.stop_propagation();
        take_away::show_phone(rt, &js_sys::decode_uri_component(number).ok().and_then(|s| s.as_string()).unwrap_or_else(|| number.to_string()));
        return;
    }
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(&href, &location.href().unwrap_or_default()) else {
        ev.prevent_default();
        return;
    };
    let last_segment = url.pathname().rsplit('/').next().unwrap_or_default().to_string();
    let in_app = url.origin() == origin && !last_segment.contains('.') && anchor.get_attribute("download").is_none();
    if !in_app {
        ev.prevent_default();
        ev.stop_propagation();
        take_away::show_outside_link(rt, &url.href());
    } else if Route::parse(&url.pathname()) == Route::Home {
        // The home of the kiosk is its own start page.
        ev.prevent_default();
        ev.stop_propagation();
        go(&Route::Kiosk.path());
    }
}

// ---- idle reset -------------------------------------------------------------------------------

fn now() -> f64 {
    js_sys::Date::now()
}

/// Any touch, key, wheel or input counts as someone being there (see `runtime::kiosk::Idle`).
pub fn activity(rt: Runtime) {
    rt.kiosk.update_value(|idle| idle.touched(now()));
}

pub fn countdown_open(rt: Runtime) -> bool {
    rt.kiosk.with_value(|idle| idle.countdown_open())
}

/// The kiosk's idle clock, ticking once a second for as long as the page lives.
pub fn start_idle_timer(rt: Runtime) {
    rt.kiosk.update_value(|idle| idle.resume(now()));
    let tick = Closure::<dyn FnMut()>::new(move || tick(rt));
    let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000);
    tick.forget();
}

fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Keys this visitor may have left in one storage area.
fn visitor_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with("mingbai."))
        .collect()
}

fn storages() -> Vec<web_sys::Storage> {
    let w = window();
    [w.local_storage().ok().flatten(), w.session_storage().ok().flatten()]
        .into_iter()
        .flatten()
        .collect()
}

/// Nothing to wipe: the untouched start page.
fn pristine() -> bool {
    let path = window().location().pathname().unwrap_or_default();
    Route::parse(&path) == Route::Kiosk
        && by_id("kiosk-hero").is_some_and(|h| !h.has_attribute("hidden"))
        && storages().iter().all(|s| visitor_keys(s).is_empty())
}

fn tick(rt: Runtime) {
    let Some(idle) = rt.kiosk.try_update_value(|idle| {
        idle.ticks = idle.ticks.wrapping_add(1);
        *idle
    }) else {
        return;
    };
    let ticks = idle.ticks;
    if ticks % 5 == 0 && !reduced_motion() {
        advance_attract();
    }
    let now = now();
    if let Some(deadline) = idle.deadline {
        let left = ((deadline - now) / 1000.0).ceil();
        if left <= 0.0 {
            reset(rt);
        } else if let Some(count) = by_id("countdown-seconds") {
            count.set_text_content(Some(&(left as u32).to_string()));
        }
        return;
    }
    let idle_ms = f64::from(rt.config.with_value(|c| c.kiosk.idle_seconds)) * 1000.0;
    if now - idle.last_activity < idle_ms {
        return;
    }
    if pristine() {
        rt.kiosk.update_value(|idle| idle.last_activity = now);
        return;
    }
    open_countdown(rt, now);
}

/// The attract screen shows its next item.
fn advance_attract() {
    let Some(list) = by_id("kiosk-cycle") else { return };
    let items = list.children();
    let count = items.length();
    if count < 2 {
        return;
    }
    let current = (0..count).find(|&i| items.item(i).is_some_and(|e| e.class_name() == "is-current")).unwrap_or(0);
    for i in 0..count {
        if let Some(item) = items.item(i) {
            item.set_class_name(if i == (current + 1) % count { "is-current" } else { "" });
        }
    }
}

fn open_countdown(rt: Runtime, now: f64) {
    let seconds = rt.config.with_value(|c| c.kiosk.countdown_seconds);
    rt.kiosk.update_value(|idle| idle.deadline = Some(now + f64::from(seconds) * 1000.0));
    read_aloud::stop(rt);
    take_away::open(
        rt,
        "alertdialog",
        "还在使用吗？",
        vec![el("p")
            .class("countdown")
            .child(el("span").id("countdown-seconds").class("countdown-number").text(seconds.to_string()))
            .text(" 秒后将清除本次查询的所有内容，回到首页。")
            .into()],
        Some(el("p").class("dialog-actions").child(Action::KioskContinue.button("继续使用").class("dialog-main continue"))),
    );
}

/// "继续使用": the countdown closes and the idle time starts again.
pub fn continue_session(rt: Runtime) {
    rt.kiosk.update_value(|idle| idle.resume(now()));
    take_away::close(rt);
}

/// Wipes this visitor's traces and starts over with a full page load of `/kiosk` (which also
/// lets a waiting service worker update take over).
pub fn reset(rt: Runtime) {
    rt.kiosk.update_value(|idle| idle.deadline = None);
    read_aloud::stop(rt);
    for storage in storages() {
        for key in visitor_keys(&storage) {
            let _ = storage.remove_item(&key);
        }
    }
    html_class("large-text", false);
    html_class("high-contrast", false);
    if let Ok(inputs) = document().query_selector_all("input, textarea") {
        for i in 0..inputs.length() {
            if let Some(input) = inputs.get(i).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                input.set_value("");
            }
        }
    }
    let _ = window().location().replace(&Route::Kiosk.path());
}
