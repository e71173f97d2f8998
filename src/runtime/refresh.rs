//! Fresh notices while the app stays open: every `refresh_seconds` (config.json, default 300,
//! 0 = no timer), when the device comes back `online`, and when the page becomes visible again,
//! re-fetch manifest.json and the notice files it names (plus any file still shown from the
//! device's copy or not read at all) past the HTTP cache (revalidated with ETag /
//! Last-Modified); `load::refresh` accepts them with the same rule as at start and rebuilds the
//! library. The badge and inbox follow (`subs::notices_replaced`).

use super::library::Phase;
use super::Runtime;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

pub const DEFAULT_SECONDS: u32 = 300;
/// Shorter intervals are raised to this (a busy kiosk must not hammer the library host).
const MIN_SECONDS: u32 = 5;

/// Starts the checks (once, after the library has loaded).
pub fn start(rt: Runtime, seconds: u32) {
    let check = move || spawn_local(check(rt));
    if seconds > 0 {
        let _ = set_interval_with_handle(check, Duration::from_secs(u64::from(seconds.max(MIN_SECONDS))));
    }
    // App-lifetime listeners: the handles are dropped without removing them.
    let _ = window_event_listener_untyped("online", move |_| check());
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if !document().hidden() {
            check();
        }
    });
}

/// One check (see `load::refresh`).
pub async fn check(rt: Runtime) {
    if let Phase::Ready(_) = rt.phase.get_untracked() {
        super::load::refresh(rt).await;
    }
}
