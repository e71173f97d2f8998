//! Feedback signals (issue #16, docs/feedback.md): the 有用/没用 block's clicks, searches that
//! found nothing, found only after a rewrite, or whose results were left unopened, and taps on
//! the 12345 hand-off. Off unless `config.json` names `feedback.endpoint`.
//!
//! Each signal is encoded by `mingbai_core::feedback` (which scrubs queries on the device) and
//! sent as a plain GET image request with no credentials and no referrer (a keep-alive fetch
//! when the page is being left, since an image request would be cancelled). Offline, signals wait in a bounded queue
//! (`mingbai.feedback.queue`, oldest dropped first, each with its hour) and go out when the
//! device is back online or the app starts again. On the kiosk the queue and the record of
//! answered pages live in memory only, so nothing outlives a visitor (the idle reset reloads).

use super::{Runtime, Surface as AppSurface, EMBED_BASE};
use crate::platform::{dom, storage};
use leptos::prelude::{window, UpdateValue, WithValue};
use mingbai_core::feedback::{feedback_url, Event, HourBucket, PageKind, Signal, Surface};
use mingbai_core::search::SearchResponse;
use mingbai_view::action::FeedbackAnswer;
use mingbai_view::feedback::{ASK_REASON, THANKS};
use mingbai_view::route::Route;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const QUEUE_KEY: &str = "mingbai.feedback.queue";
/// Pages answered in this visit (sessionStorage; memory only on the kiosk).
const ANSWERED_KEY: &str = "mingbai.feedback.answered";
/// At most this many signals wait offline; the oldest goes first.
pub const QUEUE_MAX: usize = 50;

#[derive(Default)]
pub(crate) struct State {
    endpoint: Option<String>,
    kiosk: bool,
    /// Encoded signals (with their hour) waiting to be sent.
    queue: Vec<String>,
    /// `kind:id` of the pages answered in this visit.
    answered: Vec<String>,
    /// The page (path and query) that the pending signals belong to.
    page: String,
    /// Signals sent only when the person leaves `page` (没用 before a reason; a search whose
    /// results were not opened), tagged so that a later tap can cancel them.
    pending: Vec<(&'static str, Signal)>,
    /// The search page whose signals were already decided (re-renders do not send again).
    decided: String,
}

fn with<R: Default>(rt: Runtime, f: impl FnOnce(&mut State) -> R) -> R {
    rt.feedback.try_update_value(f).unwrap_or_default()
}

impl Runtime {
    /// Whether the deployment collects feedback (pages then show the 有用/没用 block).
    pub fn feedback_enabled(&self) -> bool {
        self.feedback.with_value(|s| s.endpoint.is_some())
    }
}

/// After `config.json` has been read: remembers the endpoint (when it is one `feedback_url`
/// accepts), starts the listeners and sends what waited offline.
pub fn configure(rt: Runtime, endpoint: Option<&str>) {
    let probe = Signal::new(Event::Hotline { from: PageKind::Other });
    let Some(endpoint) = endpoint.filter(|e| feedback_url(e, &probe).is_some()) else { return };
    let kiosk = rt.is_kiosk();
    let queue = if kiosk {
        // A kiosk keeps nothing of the last visitor, not even this.
        storage::remove(QUEUE_KEY);
        Vec::new()
    } else {
        storage::get(QUEUE_KEY).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
    };
    let answered = if kiosk { None } else { session().and_then(|s| s.get_item(ANSWERED_KEY).ok().flatten()) };
    with(rt, |s| {
        s.endpoint = Some(endpoint.trim().to_string());
        s.kiosk = kiosk;
        s.queue = queue;
        s.answered = answered.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    });
    listen(rt);
    flush(rt);
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn online() -> bool {
    window().navigator().on_line()
}

fn surface(rt: Runtime) -> Surface {
    match rt.surface {
        AppSurface::Kiosk => Surface::Kiosk,
        AppSurface::Embed => Surface::Embed,
        AppSurface::Phone | AppSurface::Screen => Surface::Phone,
    }
}

fn hour_now() -> Option<HourBucket> {
    let d = js_sys::Date::new_0();
    HourBucket::new(d.get_full_year() as u16, (d.get_month() + 1) as u8, d.get_date() as u8, d.get_hours() as u8)
}

/// One GET request with no credentials and no referrer (the page's address could hold the query
/// as typed, unscrubbed). `leaving`: the page is going away, and only a keep-alive fetch
/// survives that (a beacon cannot drop the referrer).
fn request(url: &str, leaving: bool) {
    if leaving {
        let init = web_sys::RequestInit::new();
        // `keepalive` is not in web-sys's stable RequestInit: set it as a plain property.
        let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &true.into());
        init.set_mode(web_sys::RequestMode::NoCors);
        init.set_credentials(web_sys::RequestCredentials::Omit);
        init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
        let _ = window().fetch_with_str_and_init(url, &init);
        return;
    }
    if let Ok(img) = web_sys::HtmlImageElement::new() {
        img.set_cross_origin(Some("anonymous"));
        img.set_referrer_policy("no-referrer");
        img.set_src(url);
    }
}

fn send_now(rt: Runtime, signal: Signal, leaving: bool) {
    let Some(endpoint) = with(rt, |s| s.endpoint.clone()) else { return };
    let signal = signal.on(surface(rt));
    if online() {
        if let Some(url) = feedback_url(&endpoint, &signal) {
            request(&url, leaving);
        }
        return;
    }
    let signal = match hour_now() {
        Some(hour) => signal.at(hour),
        None => signal,
    };
    with(rt, |s| {
        s.queue.push(signal.encode());
        let over = s.queue.len().saturating_sub(QUEUE_MAX);
        s.queue.drain(..over);
    });
    save_queue(rt);
}

fn send(rt: Runtime, signal: Signal) {
    send_now(rt, signal, false);
}

fn save_queue(rt: Runtime) {
    let (kiosk, queue) = with(rt, |s| (s.kiosk, s.queue.clone()));
    if kiosk {
        return;
    }
    if queue.is_empty() {
        storage::remove(QUEUE_KEY);
    } else {
        storage::set(QUEUE_KEY, &serde_json::to_string(&queue).unwrap_or_default());
    }
}

/// Sends what waited offline (the endpoint was checked by `configure`).
fn flush(rt: Runtime) {
    if !online() {
        return;
    }
    let (endpoint, queue) = with(rt, |s| (s.endpoint.clone(), std::mem::take(&mut s.queue)));
    let Some(endpoint) = endpoint else { return };
    if queue.is_empty() {
        return;
    }
    for query in &queue {
        request(&format!("{endpoint}?{query}"), false);
    }
    save_queue(rt);
}

/// Sends the pending signals of the page being left.
fn leave(rt: Runtime, leaving: bool) {
    let pending = with(rt, |s| std::mem::take(&mut s.pending));
    for (_, signal) in pending {
        send_now(rt, signal, leaving);
    }
}

/// Signals still pending go out when the page is left; what waited offline, when back online.
fn listen(rt: Runtime) {
    let on = |name: &str, f: Box<dyn FnMut(web_sys::Event)>| {
        let f = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = window().add_event_listener_with_callback_and_bool(name, f.as_ref().unchecked_ref(), true);
        f.forget();
    };
    on("online", Box::new(move |_| flush(rt)));
    on("pagehide", Box::new(move |_| leave(rt, true)));
}

/// A click anywhere (from the app's one listener): opening a search result means the search did
/// its job; a tap on a `tel:` link is the 12345 hand-off.
pub fn clicked_anywhere(rt: Runtime, target: &web_sys::Element) {
    if !rt.feedback_enabled() {
        return;
    }
    if target.closest(".search-results a").ok().flatten().is_some() {
        with(rt, |s| s.pending.retain(|(tag, _)| *tag != "no"));
    } else if target.closest("a[href^=\"tel:\"]").ok().flatten().is_some() {
        send(rt, Signal::new(Event::Hotline { from: current_kind() }));
    }
}

/// The kind of the page shown now (the hand-off's `k`).
fn current_kind() -> PageKind {
    let path = window().location().pathname().unwrap_or_default();
    let path = path.strip_prefix(EMBED_BASE).filter(|p| p.starts_with('/')).unwrap_or(&path);
    match Route::parse(path) {
        Route::Qa(_) => PageKind::Qa,
        Route::Card(_) => PageKind::Card,
        Route::Policy(_) => PageKind::Policy,
        Route::Notice(_) => PageKind::Notice,
        Route::Topic(_) => PageKind::Topic,
        Route::Search => PageKind::Search,
        _ => PageKind::Other,
    }
}

/// Moving to another page (path or query) sends what was pending for the one left.
fn enter(rt: Runtime) -> String {
    let page = here();
    if with(rt, |s| s.page != page) {
        leave(rt, false);
        with(rt, |s| {
            s.page = page.clone();
            if current_kind() != PageKind::Search {
                s.decided.clear();
            }
        });
    }
    page
}

fn here() -> String {
    let l = window().location();
    format!("{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default())
}

/// After a page has been drawn: the signals pending for the page left go out, and the block
/// shows whether this page was answered already in this visit.
pub fn page_drawn(rt: Runtime) {
    if !rt.feedback_enabled() {
        return;
    }
    enter(rt);
    let Some(block) = dom::by_id("feedback") else { return };
    if with(rt, |s| s.answered.contains(&key_of(&block))) {
        show(&block, Shown::Done, false);
    }
}

/// The search page's answer: a search with no result, or found only after correction or
/// synonym expansion, is sent now; one with results waits to see whether one is opened.
pub fn searched(rt: Runtime, query: &str, response: &SearchResponse, matched_any: bool) {
    if !rt.feedback_enabled() || query.trim().is_empty() {
        return;
    }
    let page = enter(rt);
    if with(rt, |s| s.decided == page) {
        return;
    }
    with(rt, |s| s.decided = page);
    if !matched_any {
        send(rt, Signal::new(Event::NoResult { query: query.to_string() }));
        return;
    }
    if response.results.is_empty() {
        return; // filters left nothing: not the search's fault
    }
    let used = response.corrected.clone().or_else(|| {
        (!response.expanded.is_empty())
            .then(|| response.expanded.iter().fold(query.to_string(), |q, e| q.replacen(&e.from, &e.to, 1)))
    });
    if let Some(used) = used.filter(|u| u != query) {
        send(rt, Signal::new(Event::Rewritten { query: query.to_string(), used }));
    }
    let results = response.total.min(u32::MAX as usize) as u32;
    with(rt, |s| s.pending.push(("no", Signal::new(Event::NotOpened { query: query.to_string(), results }))));
}

fn key_of(block: &web_sys::Element) -> String {
    let data = |name: &str| block.get_attribute(name).unwrap_or_default();
    format!("{}:{}", data("data-kind"), data("data-id"))
}

#[derive(PartialEq)]
enum Shown {
    Reasons,
    Done,
}

fn show(block: &web_sys::Element, shown: Shown, announce: bool) {
    let find = |sel: &str| block.query_selector(sel).ok().flatten();
    if let Some(answers) = find(".feedback-answers") {
        let _ = answers.set_attribute("hidden", "");
    }
    if let Some(reasons) = find(".feedback-reasons") {
        let _ = if shown == Shown::Reasons { reasons.remove_attribute("hidden") } else { reasons.set_attribute("hidden", "") };
    }
    if let Some(status) = find(".feedback-status") {
        let text = if shown == Shown::Reasons { ASK_REASON } else { THANKS };
        if announce || status.text_content().unwrap_or_default() != text {
            status.set_text_content(Some(text));
        }
    }
    // Focus stays in the block (the tapped button is gone): on the first reason, or the question.
    if announce {
        let target = if shown == Shown::Reasons { find(".feedback-reasons button") } else { find(".feedback-question") };
        if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.set_attribute("tabindex", "-1");
            let _ = el.focus();
        }
    }
}

fn remember(rt: Runtime, key: String) {
    let (kiosk, answered) = with(rt, |s| {
        if !s.answered.contains(&key) {
            s.answered.push(key);
        }
        (s.kiosk, s.answered.clone())
    });
    if !kiosk {
        if let Some(session) = session() {
            let _ = session.set_item(ANSWERED_KEY, &serde_json::to_string(&answered).unwrap_or_default());
        }
    }
}

/// A tap in the 有用/没用 block (`Action::Feedback`): `button` is the control tapped.
pub fn clicked(rt: Runtime, button: &web_sys::Element, answer: FeedbackAnswer) {
    let Ok(Some(block)) = button.closest("#feedback") else { return };
    let data = |name: &str| block.get_attribute(name).unwrap_or_default();
    let (Some(kind), id) = (PageKind::parse(&data("data-kind")), data("data-id")) else { return };
    let key = key_of(&block);
    if with(rt, |s| s.answered.contains(&key)) {
        show(&block, Shown::Done, true);
        return;
    }
    match answer {
        FeedbackAnswer::Helpful => {
            send(rt, Signal::new(Event::Helpful { kind, id }));
            remember(rt, key);
            show(&block, Shown::Done, true);
        }
        FeedbackAnswer::NotHelpful => {
            // Sent with the reason when one is tapped, else when the page is left.
            with(rt, |s| {
                s.pending.retain(|(tag, _)| *tag != "nh");
                s.pending.push(("nh", Signal::new(Event::NotHelpful { kind, id, reason: None })));
            });
            show(&block, Shown::Reasons, true);
        }
        FeedbackAnswer::Reason(reason) => {
            with(rt, |s| s.pending.retain(|(tag, _)| *tag != "nh"));
            send(rt, Signal::new(Event::NotHelpful { kind, id, reason }));
            remember(rt, key);
            show(&block, Shown::Done, true);
        }
    }
}
