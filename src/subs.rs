//! 政策找人 in the app: the profile and the inbox state (both in localStorage, nothing leaves
//! the device), the actions behind the buttons (one delegated click listener reads
//! `data-action`), announcements of new matching notices, and the header's unread badge and the
//! message line. The rules themselves are in `mingbai_core::subscribe`.
//!
//! Size matters here (the shell has a 200 KB budget): the state lives in one thread-local store
//! with a single `ArcTrigger` for reactivity (pages track it through the shared `pages::page`
//! closure), and the badge and the message line are plain elements updated in place, so this
//! adds no signal types and no reactive views of its own.

use crate::components::markup::{el, Markup};
use crate::platform::{notify, refresh, storage};
use crate::state::{app_state, AppState, Loaded, Phase};
use leptos::prelude::*;
use leptos::reactive::signal::ArcTrigger;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use mingbai_core::subscribe::{self as sub, Inbox, InboxState, Profile, Stored};
use mingbai_core::ItemKind;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

struct Store {
    /// `None`: this device has no subscription.
    profile: Option<Profile>,
    inbox: InboxState,
    /// Notified on every change of the above and when fresh notices arrive.
    changed: ArcTrigger,
    /// A message waiting for the message line to exist (problems found at start-up).
    pending: String,
    app: Option<AppState>,
}

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

const RESET: &str = "本机保存的订阅设置已损坏，无法读取，已恢复为未订阅。请重新设置订阅。";
const NOT_SAVED: &str = "无法在本机保存设置：浏览器可能处于无痕模式或禁止了本地存储。";

/// Reads localStorage (once). Corrupt data is removed and the person told; never a panic.
fn load() -> Store {
    let mut pending = String::new();
    let profile = match sub::read_profile(storage::get(sub::PROFILE_KEY).as_deref()) {
        Stored::Migrated(p, _) => {
            storage::set(sub::PROFILE_KEY, &p.to_json());
            Some(p)
        }
        Stored::Corrupt(reason) => {
            leptos::logging::warn!("{}：{reason}", sub::PROFILE_KEY);
            storage::remove(sub::PROFILE_KEY);
            pending = RESET.to_string();
            None
        }
        stored => stored.value(),
    };
    let inbox = match sub::read_inbox_state(storage::get(sub::INBOX_KEY).as_deref()) {
        Stored::Corrupt(reason) => {
            leptos::logging::warn!("{}：{reason}", sub::INBOX_KEY);
            storage::remove(sub::INBOX_KEY);
            if pending.is_empty() {
                pending = "本机保存的已读记录已损坏，已重置，所有消息会重新显示为未读。".to_string();
            }
            InboxState::new()
        }
        stored => stored.value().unwrap_or_else(InboxState::new),
    };
    Store { profile, inbox, changed: ArcTrigger::new(), pending, app: None }
}

fn with_store<R>(f: impl FnOnce(&mut Store) -> R) -> R {
    STORE.with(|s| f(s.borrow_mut().get_or_insert_with(load)))
}

/// Makes the current reactive scope (a page) re-render when subscriptions change.
pub fn track() {
    with_store(|s| s.changed.clone()).track();
}

fn changed() {
    with_store(|s| s.changed.clone()).notify();
    update_badge();
}

pub fn profile() -> Option<Profile> {
    with_store(|s| s.profile.clone())
}


fn inbox_state() -> InboxState {
    with_store(|s| s.inbox.clone())
}

fn app() -> AppState {
    with_store(|s| s.app).unwrap_or_else(app_state)
}

fn loaded() -> Option<std::sync::Arc<Loaded>> {
    match app().phase.get_untracked() {
        Phase::Ready(loaded) => Some(loaded),
        _ => None,
    }
}

/// The library once it holds every file the inbox of `p` reads (until then the first screen may
/// show only part of the notices, and a count or an announcement would be wrong).
fn inbox_ready(p: &Profile) -> Option<std::sync::Arc<Loaded>> {
    loaded().filter(|loaded| loaded.has(&sub::inbox_files(p)))
}

/// Runs `f` on the inbox of the current profile (with the read state); `None` before loading
/// or without a profile. In a page, re-renders follow changes and fresh notices.
pub fn with_inbox<R>(f: impl FnOnce(&Loaded, &Profile, &Inbox, &InboxState) -> R) -> Option<R> {
    track();
    let (p, state) = with_store(|s| (s.profile.clone(), s.inbox.clone()));
    let p = p?;
    let loaded = inbox_ready(&p)?;
    let inbox = sub::inbox(&loaded.library, &p, loaded.today.as_ref());
    Some(f(&loaded, &p, &inbox, &state))
}

fn save_profile(p: Option<Profile>) -> bool {
    let ok = match &p {
        Some(p) => storage::set(sub::PROFILE_KEY, &p.to_json()),
        None => {
            storage::remove(sub::PROFILE_KEY);
            true
        }
    };
    with_store(|s| s.profile = p);
    if !ok {
        flash(NOT_SAVED);
    }
    changed();
    ok
}

fn save_inbox(state: InboxState) {
    storage::set(sub::INBOX_KEY, &state.to_json());
    with_store(|s| s.inbox = state);
    changed();
}

/// Changes the profile (creating one if there is none) and stores it.
fn update_profile(f: impl FnOnce(&mut Profile)) -> bool {
    let mut p = profile().unwrap_or_default();
    f(&mut p);
    save_profile(Some(p))
}

/// Saves `p` as the profile, with what is in its inbox now counted as already announced. (Every
/// page that can save a profile loads the whole library, so the inbox is complete here.)
fn adopt(p: Profile) -> bool {
    if let Some(loaded) = loaded() {
        let mut state = inbox_state();
        state.prime(&sub::inbox(&loaded.library, &p, loaded.today.as_ref()));
        save_inbox(state);
    }
    save_profile(Some(p))
}

/// After the library has loaded: announce what is new since last time, then keep checking.
pub fn after_load(state: AppState, refresh_seconds: u32) {
    let pending = with_store(|s| {
        s.app = Some(state);
        std::mem::take(&mut s.pending)
    });
    if !pending.is_empty() {
        flash(&pending);
    }
    // The first screen holds fewer files than the inbox reads: they follow it.
    if let Some(p) = profile() {
        crate::platform::load::request(&sub::inbox_files(&p));
    }
    announce_new();
    update_badge();
    refresh::start(state, refresh_seconds);
}

/// Fresh notices replaced the loaded ones (see `platform::refresh`).
pub fn notices_replaced() {
    changed();
    announce_new();
}

/// Announces new matching notices: a system notification when the person turned them on and
/// the browser allows it, and always the in-app message.
fn announce_new() {
    let Some(p) = profile() else { return };
    let Some(loaded) = inbox_ready(&p) else { return };
    let inbox = sub::inbox(&loaded.library, &p, loaded.today.as_ref());
    let mut state = inbox_state();
    let news = sub::announce(&inbox, &p, &loaded.library.taxonomy, &mut state, loaded.today.as_ref());
    if state != inbox_state() {
        save_inbox(state);
    }
    let count = news.notices.len();
    if count == 0 {
        return;
    }
    let title = if news.digest {
        format!("今日汇总：{count} 条与您有关的新通知")
    } else if count == 1 {
        format!("新通知：{}", news.notices[0].title)
    } else {
        format!("{count} 条与您有关的新通知")
    };
    if p.notify {
        let body: Vec<&str> = news.notices.iter().map(|n| n.title.as_str()).collect();
        notify::show(&title, &body.join("；"));
    }
    flash(&format!("{title}。请到“消息”查看。"));
}

/// The person opened a notice: it counts as read.
pub fn opened_notice(id: &str) {
    let key = sub::notice_key(id);
    if with_store(|s| s.profile.is_some() && !s.inbox.is_read(&key)) {
        // Not while the page is rendering: after it.
        spawn_local(async move {
            let mut state = inbox_state();
            state.mark_read([key]);
            save_inbox(state);
        });
    }
}

// ---- the badge and the message line ------------------------------------------------------------

fn element(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

fn show(el: &web_sys::Element, visible: bool) {
    let _ = if visible { el.remove_attribute("hidden") } else { el.set_attribute("hidden", "") };
}

/// Recounts the unread entries into the header badge.
fn update_badge() {
    let count = with_inbox(|_, _, inbox, state| inbox.unread(&state.read)).unwrap_or(0);
    if let (Some(badge), Some(number)) = (element("unread-badge"), element("unread-count")) {
        number.set_text_content(Some(&count.to_string()));
        show(&badge, count > 0);
    }
}

/// Puts a message in the message line (a polite live region at the top of `main`, in the flow
/// of the page, so it never covers a control).
fn flash(message: &str) {
    match (element("flash"), element("flash-text")) {
        (Some(line), Some(text)) => {
            text.set_text_content(Some(message));
            show(&line, !message.is_empty());
        }
        _ => with_store(|s| s.pending = message.to_string()),
    }
}

/// The unread badge next to the 消息 link (`mingbai_view::frame::badge_slot`), updated in place.
pub fn badge_slot() -> Markup {
    Markup::one(mingbai_view::frame::badge_slot())
}

/// Footer links (订阅提醒, 隐私说明).
pub fn footer_extras() -> Markup {
    Markup(mingbai_view::frame::footer_extras())
}

/// The message line (confirmations such as 订阅设置已保存, news of matching notices): placed at the
/// top of `main`, above the page, where it pushes the page down instead of covering part of it.
pub fn message_line() -> Markup {
    Markup::one(mingbai_view::frame::message_line())
}

/// `<button type="button" data-action="…">`: every button of these pages.
pub fn button(action: &'static str, text: &'static str) -> crate::components::markup::El {
    el("button").attr("type", "button").attr("data-action", action).text(text)
}

// ---- the buttons ------------------------------------------------------------------------------

/// Listens for clicks on `[data-action]` anywhere in the app (pages are plain markup).
pub fn listen(navigate: impl Fn(&str, NavigateOptions) + 'static) {
    let state = app_state();
    with_store(|s| s.app = Some(state));
    let handle = window_event_listener(leptos::ev::click, move |ev| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Ok(Some(button)) = target.closest("[data-action]") else { return };
        let go = |path: &str| navigate(path, NavigateOptions::default());
        act(&button, &go);
    });
    on_cleanup(move || handle.remove());
}

fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = element(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

fn act(button: &web_sys::Element, go: &dyn Fn(&str)) {
    let data = |name: &str| button.get_attribute(name).unwrap_or_default();
    let message = match data("data-action").as_str() {
        "follow" => {
            let Some(kind) = ItemKind::ALL.into_iter().find(|k| k.as_str() == data("data-kind")) else { return };
            let id = data("data-id");
            let status = loaded().and_then(|l| l.library.policy(&id).map(|p| p.status)).filter(|_| kind == ItemKind::Policy);
            let mut p = profile().unwrap_or_default();
            let on = p.toggle_follow(kind, &id, status);
            if !adopt(p) {
                return;
            }
            crate::components::follow::show_state(button, on);
            if on {
                "已关注。与它有关的通知和变动会出现在“消息”里。"
            } else {
                "已取消关注。"
            }
        }
        "read" => {
            let key = data("data-key");
            let mut state = inbox_state();
            state.mark_read([key.clone()]);
            save_inbox(state);
            focus_later(format!("inbox-{key}"));
            return;
        }
        "read-all" => {
            let keys = with_inbox(|_, _, inbox, _| inbox.keys()).unwrap_or_default();
            let mut state = inbox_state();
            state.mark_read(keys);
            save_inbox(state);
            focus_later("inbox-title".to_string());
            "已全部标为已读。"
        }
        "save" => {
            let answers = sub::from_query(&window().location().search().unwrap_or_default());
            if !adopt(profile().unwrap_or_default().with_answers(answers)) {
                return;
            }
            go("/inbox");
            "订阅设置已保存。与您有关的消息会出现在这里。"
        }
        "import" => {
            let Ok(mut p) = sub::from_link(&window().location().hash().unwrap_or_default()) else { return };
            if let Some(l) = loaded() {
                for f in p.follows.iter_mut().filter(|f| f.kind == ItemKind::Policy) {
                    f.status = l.library.policy(&f.id).map(|x| x.status);
                }
            }
            if !adopt(p) {
                return;
            }
            go("/subscribe");
            "已导入订阅设置。"
        }
        "clear" => {
            for key in storage::keys(sub::KEY_PREFIX) {
                storage::remove(&key);
            }
            with_store(|s| {
                s.profile = None;
                s.inbox = InboxState::new();
            });
            changed();
            "已清除本机保存的全部订阅设置、关注和已读记录。"
        }
        "notify-on" => {
            spawn_local(async move {
                let message = match notify::request().await {
                    notify::Permission::Granted => {
                        update_profile(|p| p.notify = true);
                        "已开启通知提醒。有与您有关的新通知时，设备会弹出提醒。"
                    }
                    notify::Permission::Denied => "浏览器没有允许通知。新消息仍会显示在页面上和“消息”里。",
                    notify::Permission::Ask => "您还没有选择是否允许通知，可以稍后再开启。",
                    notify::Permission::Unsupported => "这个浏览器不支持系统通知。新消息会显示在页面上和“消息”里。",
                };
                flash(message);
            });
            return;
        }
        "notify-off" => {
            update_profile(|p| p.notify = false);
            "已关闭通知提醒。"
        }
        "dismiss" => "",
        "feedback" | "feedback-reason" => {
            crate::platform::feedback::clicked(button);
            return;
        }
        _ => return,
    };
    flash(message);
}
