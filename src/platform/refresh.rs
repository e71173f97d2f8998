//! Fresh notices while the app stays open: every `refresh_seconds` (config.json, default 300,
//! 0 = no timer), when the device comes back `online`, and when the page becomes visible again,
//! re-fetch manifest.json and the notice files it names — nothing else — past the HTTP cache
//! (revalidated with ETag / Last-Modified), re-validate them with the core loader against the
//! loaded library, and put the new notices in app state. The badge and inbox follow.

use super::{fetch, today};
use crate::state::{AppState, Loaded, Phase};
use leptos::prelude::*;
use leptos::task::spawn_local;
use mingbai_core::subscribe::with_fresh_notices;
use mingbai_core::{parse_manifest, Manifest};
use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

pub const DEFAULT_SECONDS: u32 = 300;
/// Shorter intervals are raised to this (a busy kiosk must not hammer the library host).
const MIN_SECONDS: u32 = 5;

thread_local! {
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

/// Starts the checks (once, after the library has loaded).
pub fn start(state: AppState, seconds: u32) {
    let check = move || spawn_local(check(state));
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

/// One check. Concurrent triggers (online + visible at once) run it once.
pub async fn check(state: AppState) {
    if RUNNING.with(|r| r.replace(true)) {
        return;
    }
    if let Phase::Ready(loaded) = state.phase.get_untracked() {
        if let Some((manifest, files)) = fetch_notices(&loaded.manifest_url).await {
            replace(state, &loaded, manifest, files);
        }
    }
    RUNNING.with(|r| r.set(false));
}

/// The manifest and the notice files it names; `None` when any could not be read (a failed
/// check is not news: the notices on screen stay).
async fn fetch_notices(url: &str) -> Option<(Manifest, Vec<(String, String)>)> {
    let manifest = parse_manifest("manifest.json", &fetch::start_revalidated(url).text().await.ok()?).ok()?;
    let names: Vec<String> = manifest.files.notices.names().into_iter().map(str::to_string).collect();
    // Start every request before waiting for any of them.
    let pending: Vec<_> = names.iter().map(|f| fetch::resolve(f, url).map(|u| fetch::start_revalidated(&u))).collect();
    let mut files = Vec::new();
    for (name, request) in names.into_iter().zip(pending) {
        files.push((name, request?.text().await.ok()?));
    }
    Some((manifest, files))
}

fn replace(state: AppState, loaded: &Loaded, manifest: Manifest, files: Vec<(String, String)>) {
    let report = with_fresh_notices(&loaded.library, manifest, files);
    if report.library.notices == loaded.library.notices {
        return;
    }
    for d in &report.diagnostics {
        leptos::logging::warn!("{d}");
    }
    let fresh = Loaded {
        library: report.library,
        problems: loaded.problems.clone(),
        today: today(),
        manifest_url: loaded.manifest_url.clone(),
    };
    // Untracked: the shell only cares that the library is ready; the inbox and badge follow
    // `subs::notices_replaced`. Pages read the new library the next time they are opened.
    state.phase.update_untracked(|phase| *phase = Phase::Ready(Arc::new(fresh)));
    crate::subs::notices_replaced();
}
