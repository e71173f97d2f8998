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
//!
//! Layout: a band with the district name on top, the slide (text and QR code) centred in the
//! space between, its place in the carousel under it, and the hotline band at the foot with the
//! pause button, shown only while there is more than one slide to rotate. Urgent notices take
//! `screen.urgent_share` of the rotation (`mingbai_core::screen::rotation`).
//!
//! The screen is an app of its own inside the same runtime: it reads `config.json` and the
//! library through the runtime's config and loader, and keeps what it shows in one cell held by
//! its view.

use crate::components::markup::{el, tx, El, Markup, Node};
use crate::platform::{fetch, today};
use crate::runtime::{configure, load, Runtime};
use leptos::prelude::*;
use leptos::task::spawn_local;
use mingbai_core::screen::{parse_kinds, refresh_usable, rotation, slides};
use mingbai_core::{IsoDate, ItemKind, Library};
use std::time::Duration;

/// While nothing could be loaded yet, retry at least this often.
const FIRST_LOAD_RETRY_SECONDS: u32 = 30;

struct Shown {
    library: Option<Library>,
    kinds: Vec<ItemKind>,
    /// Share of the rotation for urgent notices (`screen.urgent_share`).
    urgent_share: f64,
    /// The district named in config.json (`region`), else the manifest's.
    region: Option<String>,
    /// Why the very first load failed (cleared by the first success).
    waiting: Option<String>,
}

type Screen = StoredValue<Shown, LocalStorage>;

/// The whole screen surface (no site chrome, no router).
pub fn view(rt: Runtime) -> impl IntoView {
    let shown: Screen = StoredValue::new_local(Shown {
        library: None,
        kinds: Vec::new(),
        urgent_share: mingbai_core::screen::DEFAULT_URGENT_SHARE,
        region: None,
        waiting: None,
    });
    // Bumped whenever the slide on screen may change (next slide, new library).
    let step = RwSignal::new(0usize);
    let loaded = RwSignal::new(false);
    let paused = RwSignal::new(false);
    // How many slides one cycle has (the pause button only shows when something rotates).
    let cycle = RwSignal::new(0usize);
    let region = RwSignal::new(String::new());
    spawn_local(run(rt, shown, step, loaded, paused));
    let toggle = move |_| paused.update(|p| *p = !*p);
    view! {
        <div class="screen">
            <header class="screen-head">
                <p class="screen-region">{move || region.get()}</p>
            </header>
            <main id="main" class="screen-main" tabindex="-1">
                {move || {
                    let i = step.get();
                    if loaded.get() {
                        let (markup, slots, name, title) = render(shown, i);
                        cycle.set(slots);
                        region.set(name);
                        queue_microtask(move || crate::platform::set_title(&title));
                        markup
                    } else {
                        crate::components::status::loading()
                    }
                }}
            </main>
            <footer class="screen-bar">
                <p class="screen-hotline">{move || format!("咨询热线 {}", rt.hotline.get())}</p>
                {move || (cycle.get() > 1).then(|| view! {
                    <button type="button" class="screen-pause" on:click=toggle>
                        {move || if paused.get() { "继续轮播" } else { "暂停轮播" }}
                    </button>
                })}
            </footer>
        </div>
    }
}

async fn run(rt: Runtime, shown: Screen, step: RwSignal<usize>, loaded: RwSignal<bool>, paused: RwSignal<bool>) {
    let config = configure(rt).await;
    let screen = config.screen.clone();
    shown.update_value(|s| {
        s.kinds = parse_kinds(screen.kinds.iter().map(String::as_str));
        s.urgent_share = screen.urgent_share;
        s.region = config.region.clone();
    });
    let manifest_url = config.manifest_url();
    let from_manifest = config.hotline.is_none();
    let refresh = move || {
        let url = manifest_url.clone();
        spawn_local(async move {
            if let Some(hotline) = refresh_once(shown, url.as_deref()).await.filter(|_| from_manifest) {
                rt.hotline.set(hotline);
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
                let waiting = shown.with_value(|s| s.library.is_none());
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
async fn refresh_once(shown: Screen, manifest_url: Option<&str>) -> Option<String> {
    let result = match manifest_url {
        Some(url) => load::load_whole(url).await,
        None => Err("config.json 中的政策库地址不是有效的网址".to_string()),
    };
    shown.try_update_value(|s| {
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
    .flatten()
}

/// The slide for step `i` (or what the screen says while it has nothing to show), how many
/// slides one cycle of the rotation has, the district name for the top band and the title.
fn render(shown: Screen, i: usize) -> (Markup, usize, String, String) {
    shown.with_value(|s| {
        let Some(lib) = &s.library else {
            let markup = Markup(vec![el("div")
                .class("screen-empty")
                .child(tx("h1", "政策信息屏"))
                .child(tx("p", "正在连接政策库，连接后自动显示内容。"))
                .opt(s.waiting.as_ref().map(|r| tx("p", format!("（{r}）")).class("screen-reason")))
                .into()]);
            return (markup, 0, s.region.clone().unwrap_or_default(), "政务公开显示屏".to_string());
        };
        let region = s
            .region
            .clone()
            .or_else(|| lib.manifest.as_ref().and_then(|m| m.region.clone()))
            .filter(|r| !r.trim().is_empty())
            .map_or_else(|| lib.name().to_string(), |r| format!("{r} · 政务公开"));
        let today = today();
        let all = slides(lib, today.as_ref(), &s.kinds);
        let title = format!("{} · 政务公开显示屏", lib.name());
        let order = rotation(&all, s.urgent_share);
        if order.is_empty() {
            let markup = Markup(vec![el("div")
                .class("screen-empty")
                .child(tx("h1", lib.name()))
                .child(tx("p", "暂无可展示的通知、解读和问答。"))
                .into()]);
            return (markup, 0, region, title);
        }
        let n = order[i % order.len()];
        let slide = &all[n];
        // Distinct slides in this cycle (an urgent notice shown several times counts once).
        let distinct = if order.len() < all.len() { order.len() } else { all.len() };
        let url = format!("{}{}", fetch::site_root().trim_end_matches('/'), slide.href());
        let qr = mingbai_view::qr::qr_svg(&url, &format!("二维码：用手机扫描打开“{}”", slide.title));
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
        let markup = Markup(vec![
            article.into(),
            tx("p", format!("第 {} 条，共 {} 条", n + 1, distinct)).class("slide-count").into(),
        ]);
        (markup, order.len(), region, title)
    })
}
