//! 政策找人 in the app: the profile and the inbox state (both in localStorage, nothing leaves
//! the device), what the subscription buttons do (`Action::Follow`, `MarkRead`, `SaveProfile`…,
//! dispatched by `actions`), announcements of new matching notices, and the header's unread
//! badge. The rules themselves are in `mingbai_core::subscribe`.
//!
//! Size matters here: reactivity is a single `ArcTrigger` (pages track it through `ViewPage`),
//! and the badge is a plain element updated in place, so this adds no signal types and no
//! reactive views of its own.

use super::library::Loaded;
use super::Runtime;
use crate::platform::{dom, live, notify, storage};
use leptos::prelude::*;
use leptos::reactive::signal::ArcTrigger;
use leptos::task::spawn_local;
use mingbai_core::subscribe::{self as sub, Inbox, InboxState, Profile, Stored};
use mingbai_core::ItemKind;
use std::sync::Arc;

pub(crate) struct Store {
    /// `None`: this device has no subscription.
    profile: Option<Profile>,
    inbox: InboxState,
    /// Notified on every change of the above and when fresh notices arrive.
    changed: ArcTrigger,
    /// A message waiting for the message line to exist (problems found at start-up).
    pending: String,
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
    Store { profile, inbox, changed: ArcTrigger::new(), pending }
}

/// Runs `f` on the store (read from localStorage on first use).
fn with_store<R: Default>(rt: Runtime, f: impl FnOnce(&mut Store) -> R) -> R {
    rt.subs.try_update_value(|s| f(s.get_or_insert_with(load))).unwrap_or_default()
}

/// Makes the current reactive scope (a page) re-render when subscriptions change.
pub fn track(rt: Runtime) {
    if let Some(changed) = with_store(rt, |s| Some(s.changed.clone())) {
        changed.track();
    }
}

fn changed(rt: Runtime) {
    if let Some(changed) = with_store(rt, |s| Some(s.changed.clone())) {
        changed.notify();
    }
    update_badge(rt);
}

pub fn profile(rt: Runtime) -> Option<Profile> {
    with_store(rt, |s| s.profile.clone())
}

fn inbox_state(rt: Runtime) -> InboxState {
    with_store(rt, |s| Some(s.inbox.clone())).unwrap_or_else(InboxState::new)
}

/// The library once it holds every file the inbox of `p` reads (until then the first screen may
/// show only part of the notices, and a count or an announcement would be wrong).
fn inbox_ready(rt: Runtime, p: &Profile) -> Option<Arc<Loaded>> {
    rt.loaded_untracked().filter(|loaded| loaded.has(&sub::inbox_files(p)))
}

/// Runs `f` on the inbox of the current profile (with the read state); `None` before loading
/// or without a profile. In a page, re-renders follow changes and fresh notices.
pub fn with_inbox<R>(rt: Runtime, f: impl FnOnce(&Loaded, &Profile, &Inbox, &InboxState) -> R) -> Option<R> {
    track(rt);
    let p = profile(rt)?;
    let state = inbox_state(rt);
    let loaded = inbox_ready(rt, &p)?;
    let inbox = sub::inbox(&loaded.library, &p, loaded.today.as_ref());
    Some(f(&loaded, &p, &inbox, &state))
}

fn save_profile(rt: Runtime, p: Option<Profile>) -> bool {
    let ok = match &p {
        Some(p) => storage::set(sub::PROFILE_KEY, &p.to_json()),
        None => {
            storage::remove(sub::PROFILE_KEY);
            true
        }
    };
    with_store(rt, |s| s.profile = p);
    if !ok {
        flash(rt, NOT_SAVED);
    }
    changed(rt);
    ok
}

fn save_inbox(rt: Runtime, state: InboxState) {
    storage::set(sub::INBOX_KEY, &state.to_json());
    with_store(rt, |s| s.inbox = state);
    changed(rt);
}

/// Changes the profile (creating one if there is none) and stores it.
fn update_profile(rt: Runtime, f: impl FnOnce(&mut Profile)) -> bool {
    let mut p = profile(rt).unwrap_or_default();
    f(&mut p);
    save_profile(rt, Some(p))
}

/// Saves `p` as the profile, with what is in its inbox now counted as already announced. (Every
/// page that can save a profile loads the whole library, so the inbox is complete here.)
fn adopt(rt: Runtime, p: Profile) -> bool {
    if let Some(loaded) = rt.loaded_untracked() {
        let mut state = inbox_state(rt);
        state.prime(&sub::inbox(&loaded.library, &p, loaded.today.as_ref()));
        save_inbox(rt, state);
    }
    save_profile(rt, Some(p))
}

/// After the library has loaded: announce what is new since last time, then keep checking.
pub fn after_load(rt: Runtime) {
    let pending = with_store(rt, |s| std::mem::take(&mut s.pending));
    if !pending.is_empty() {
        flash(rt, &pending);
    }
    // The first screen holds fewer files than the inbox reads: they follow it.
    if let Some(p) = profile(rt) {
        super::load::request(rt, &sub::inbox_files(&p));
    }
    announce_new(rt);
    update_badge(rt);
}

/// Fresh notices replaced the loaded ones (see `runtime::refresh`).
pub fn notices_replaced(rt: Runtime) {
    changed(rt);
    announce_new(rt);
}

/// Announces new matching notices: a system notification when the person turned them on and
/// the browser allows it, and always the in-app message.
fn announce_new(rt: Runtime) {
    let Some(p) = profile(rt) else { return };
    let Some(loaded) = inbox_ready(rt, &p) else { return };
    let inbox = sub::inbox(&loaded.library, &p, loaded.today.as_ref());
    let mut state = inbox_state(rt);
    let news = sub::announce(&inbox, &p, &loaded.library.taxonomy, &mut state, loaded.today.as_ref());
    if state != inbox_state(rt) {
        save_inbox(rt, state);
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
    flash(rt, &format!("{title}。请到“消息”查看。"));
}

/// The person opened a notice: it counts as read.
pub fn opened_notice(rt: Runtime, id: &str) {
    let key = sub::notice_key(id);
    if with_store(rt, |s| s.profile.is_some() && !s.inbox.is_read(&key)) {
        // Not while the page is rendering: after it.
        spawn_local(async move {
            let mut state = inbox_state(rt);
            state.mark_read([key]);
            save_inbox(rt, state);
        });
    }
}

// ---- the badge and the message line ------------------------------------------------------------

/// Recounts the unread entries into the header badge (`mingbai_view::frame::badge_slot`).
fn update_badge(rt: Runtime) {
    let count = with_inbox(rt, |_, _, inbox, state| inbox.unread(&state.read)).unwrap_or(0);
    if let (Some(badge), Some(number)) = (dom::by_id("unread-badge"), dom::by_id("unread-count")) {
        number.set_text_content(Some(&count.to_string()));
        dom::show(&badge, count > 0);
    }
}

/// Puts a message in the message line, or keeps it until the line exists.
pub fn flash(rt: Runtime, message: &str) {
    if !live::show_message(message) {
        with_store(rt, |s| s.pending = message.to_string());
    }
}

// ---- what the buttons do (dispatched by `actions`) ----------------------------------------------

/// 关注 / 取消关注: the new state, or `None` when it could not be saved (the person was told).
pub fn toggle_follow(rt: Runtime, kind: ItemKind, id: &str) -> Option<bool> {
    let loaded = rt.loaded_untracked();
    let status = loaded.and_then(|l| l.library.policy(id).map(|p| p.status)).filter(|_| kind == ItemKind::Policy);
    let mut p = profile(rt).unwrap_or_default();
    let on = p.toggle_follow(kind, id, status);
    if !adopt(rt, p) {
        return None;
    }
    flash(rt, if on { "已关注。与它有关的通知和变动会出现在“消息”里。" } else { "已取消关注。" });
    Some(on)
}

/// 标为已读 one inbox entry.
pub fn mark_read(rt: Runtime, key: &str) {
    let mut state = inbox_state(rt);
    state.mark_read([key.to_string()]);
    save_inbox(rt, state);
}

/// 全部标为已读.
pub fn mark_all_read(rt: Runtime) {
    let keys = with_inbox(rt, |_, _, inbox, _| inbox.keys()).unwrap_or_default();
    let mut state = inbox_state(rt);
    state.mark_read(keys);
    save_inbox(rt, state);
    flash(rt, "已全部标为已读。");
}

/// 保存设置: the answers in `query` (the address's query string) become the profile; `true`
/// when saved.
pub fn save_answers(rt: Runtime, query: &str) -> bool {
    let answers = sub::from_query(query);
    adopt(rt, profile(rt).unwrap_or_default().with_answers(answers))
}

/// 导入: the settings of a hand-off link (`fragment`, the address's `#…`) become the profile;
/// `true` when saved.
pub fn import_link(rt: Runtime, fragment: &str) -> bool {
    let Ok(mut p) = sub::from_link(fragment) else { return false };
    if let Some(l) = rt.loaded_untracked() {
        for f in p.follows.iter_mut().filter(|f| f.kind == ItemKind::Policy) {
            f.status = l.library.policy(&f.id).map(|x| x.status);
        }
    }
    adopt(rt, p)
}

/// 清除全部: everything the app keeps on this device about the person.
pub fn clear(rt: Runtime) {
    for key in storage::keys(sub::KEY_PREFIX) {
        storage::remove(&key);
    }
    with_store(rt, |s| {
        s.profile = None;
        s.inbox = InboxState::new();
    });
    changed(rt);
    flash(rt, "已清除本机保存的全部订阅设置、关注和已读记录。");
}

/// 开启通知提醒: asks the browser, then says what it answered.
pub fn notify_on(rt: Runtime) {
    spawn_local(async move {
        let message = match notify::request().await {
            notify::Permission::Granted => {
                update_profile(rt, |p| p.notify = true);
                "已开启通知提醒。有与您有关的新通知时，设备会弹出提醒。"
            }
            notify::Permission::Denied => "浏览器没有允许通知。新消息仍会显示在页面上和“消息”里。",
            notify::Permission::Ask => "您还没有选择是否允许通知，可以稍后再开启。",
            notify::Permission::Unsupported => "这个浏览器不支持系统通知。新消息会显示在页面上和“消息”里。",
        };
        flash(rt, message);
    });
}

pub fn notify_off(rt: Runtime) {
    update_profile(rt, |p| p.notify = false);
    flash(rt, "已关闭通知提醒。");
}
