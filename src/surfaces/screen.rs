//! `/screen`: the unattended display screen of a 政务公开专区. A full-screen carousel of notices,
//! cards and hot questions (what and in which order: `mingbai_core::screen`), each with a QR code
//! that opens it on a phone.
//!
//! Built to run for weeks: the library is re-fetched every `screen.refresh_seconds` past the HTTP
//! cache; a refresh that fails (network, a missing or broken file) is only logged and the last
//! good library stays on screen; there is no dialog to dismiss. Slides are recomputed from the
//! library at every step, so items that expire leave at once and withdrawn or repealed ones at
//! the next accepted refresh. One library is kept at a time and each slide replaces the last one's
//! DOM nodes (tests/bench/screen-memory.mjs measures the heap over many cycles).

use crate::components::markup::{el, tx, El, Markup, Node};
use crate::platform::{config, fetch, load, today};
use crate::state::{app_state, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use mingbai_core::screen::{parse_kinds, refresh_usable, slides};
use mingbai_core::{IsoDate, ItemKind, Library};
use std::cell::RefCell;
use std::time::Duration;

/// While nothing could be loaded yet, retry at least this often.
const FIRST_LOAD_RETRY_SECONDS: u32 = 30;

struct Shown {
    library: Option<Library>,
    kinds: Vec<ItemKind>,
    /// Why the very first load failed (cleared by the first success).
    waiting: Option<String>,
}

thread_local! {
    static SHOWN: RefCell<Shown> = const { RefCell::new(Shown { library: None, kinds: Vec::new(), waiting: None }) };
}

/// Whether this page load is the display screen.
pub fn active() -> bool {
    let path = window().location().pathname().unwrap_or_default();
    path == "/screen" || path.starts_with("/screen/")
}

/// The whole screen surface (no site chrome, no router).
pub fn view() -> impl IntoView {
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("surface-screen");
    }
    // Bumped whenever the slide on screen may change (next slide, new library).
    let step = RwSignal::new(0usize);
    let loaded = RwSignal::new(false);
    let paused = RwSignal::new(false);
    let state = app_state();
    spawn_local(run(state, step, loaded, paused));
    let toggle = move |_| paused.update(|p| *p = !*p);
    view! {
        <div class="screen">
            <main id="main" class="screen-main" tabindex="-1">
                {move || {
                    let i = step.get();
                    if loaded.get() { render(i) } else { crate::components::status::loading() }
                }}
            </main>
            <footer class="screen-bar">
                <p class="screen-hotline">{move || format!("咨询热线 {}", state.hotline.get())}</p>
                <button type="button" class="screen-pause" on:click=toggle>
                    {move || if paused.get() { "继续轮播" } else { "暂停轮播" }}
                </button>
            </footer>
        </div>
    }
}

async fn run(state: AppState, step: RwSignal<usize>, loaded: RwSignal<bool>, paused: RwSignal<bool>) {
    let config = config::load().await;
    if let Some(hotline) = &config.hotline {
        state.hotline.set(hotline.clone());
    }
    let screen = config.screen.clone();
    SHOWN.with(|s| s.borrow_mut().kinds = parse_kinds(screen.kinds.iter().map(String::as_str)));
    let manifest_url = config.manifest_url();
    let from_manifest = config.hotline.is_none();
    let refresh = move || {
        let url = manifest_url.clone();
        spawn_local(async move {
            if let Some(hotline) = refresh_once(url.as_deref()).await.filter(|_| from_manifest) {
                state.hotline.set(hotline);
            }
            loaded.set(true);
            step.update(|_| {});
        });
    };
    refresh();
    let every = screen.refresh_seconds;
    let _ = set_interval_with_handle(
        {
            let refresh = refresh.clone();
            let waited = std::cell::Cell::new(0u32);
            move || {
                let w = waited.get() + 1;
                let waiting = SHOWN.with(|s| s.borrow().library.is_none());
                if w >= every || (waiting && w >= every.min(FIRST_LOAD_RETRY_SECONDS)) {
                    waited.set(0);
                    refresh();
                } else {
                    waited.set(w);
                }
            }
        },
        Duration::from_secs(1),
    );
    let _ = set_interval_with_handle(
        move || {
            if !paused.get_untracked() {
                step.update(|i| *i = i.wrapping_add(1));
            }
        },
        Duration::from_secs(u64::from(screen.interval_seconds)),
    );
}

/// Loads the library again (past the HTTP cache) and keeps it when it is usable; returns the
/// manifest's hotline when it did.
async fn refresh_once(manifest_url: Option<&str>) -> Option<String> {
    let result = match manifest_url {
        Some(url) => load::load_whole(url).await,
        None => Err("config.json 中的政策库地址不是有效的网址".to_string()),
    };
    SHOWN.with(|s| {
        let mut s = s.borrow_mut();
        match result {
            Ok(report) if s.library.is_none() || refresh_usable(&report.diagnostics) => {
                for d in report.diagnostics.iter().filter(|d| d.is_error()) {
                    leptos::logging::warn!("{d}");
                }
                let hotline = report.library.hotline().map(str::trim).filter(|h| !h.is_empty()).map(str::to_string);
                s.library = Some(report.library);
                s.waiting = None;
                hotline
            }
            Ok(report) => {
                for d in report.diagnostics.iter().filter(|d| d.is_error()) {
                    leptos::logging::warn!("显示屏刷新未采用（继续显示上次的内容）：{d}");
                }
                None
            }
            Err(reason) => {
                leptos::logging::warn!("显示屏刷新失败（继续显示上次的内容）：{reason}");
                if s.library.is_none() {
                    s.waiting = Some(reason);
                }
                None
            }
        }
    })
}

/// The slide for step `i`, or what the screen says while it has nothing to show.
fn render(i: usize) -> Markup {
    SHOWN.with(|s| {
        let s = s.borrow();
        let Some(lib) = &s.library else {
            crate::platform::set_title("政务公开显示屏");
            return Markup(vec![el("div")
                .class("screen-empty")
                .child(tx("h1", "政策信息屏"))
                .child(tx("p", "正在连接政策库，连接后自动显示内容。"))
                .opt(s.waiting.as_ref().map(|r| tx("p", format!("（{r}）")).class("screen-reason")))
                .into()]);
        };
        let today = today();
        let all = slides(lib, today.as_ref(), &s.kinds);
        crate::platform::set_title(&format!("{} · 政务公开显示屏", lib.name()));
        if all.is_empty() {
            return Markup(vec![el("div")
                .class("screen-empty")
                .child(tx("h1", lib.name()))
                .child(tx("p", "暂无可展示的通知、解读和问答。"))
                .into()]);
        }
        let n = i % all.len();
        let slide = &all[n];
        let url = format!("{}{}", fetch::site_root().trim_end_matches('/'), slide.href());
        let qr = crate::components::take_away::qr_svg(&url, &format!("二维码：用手机扫描打开“{}”", slide.title));
        let mut text: El = el("div")
            .class("slide-text")
            .child(tx("p", slide.label()).class(if slide.urgent { "slide-kind urgent" } else { "slide-kind" }))
            .child(tx("h1", slide.title))
            .children(slide.lines.iter().map(|l| Node::from(tx("p", *l).class("slide-line"))));
        if let Some(d) = slide.deadline {
            text = text.child(tx("p", format!("截止日期：{}", IsoDate::chinese(d))).class("slide-deadline"));
        }
        let article = el("article")
            .attr("class", format!("slide slide-{}{}", slide.kind.as_str(), if slide.urgent { " urgent" } else { "" }))
            .attr("data-id", slide.id)
            .child(text)
            .child(
                el("figure")
                    .class("slide-qr")
                    .opt(qr)
                    .child(tx("figcaption", "手机扫码查看详情")),
            );
        Markup(vec![
            article.into(),
            tx("p", format!("第 {} 条，共 {} 条", n + 1, all.len())).class("slide-count").into(),
        ])
    })
}
