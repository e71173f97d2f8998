//! The app's one runtime state, created once at boot and held in the Leptos context.
//!
//! Data flows one way: `config.json` and the library files → [`load`] (the one loader, whose
//! steps and acceptance rule `mingbai_web_load` shares with the display screen and the search
//! worker) → the [`Runtime`]'s loaded library → the pure pages of `mingbai_view`. Everything the
//! app remembers while it runs lives here, in one place, instead of in stores scattered over
//! modules: the loading state, subscriptions, the search worker's channel, feedback, the kiosk's
//! idle timer, read-aloud and the open dialog.
//!
//! `Runtime` is `Copy` (arena handles): event listeners capture it, pages and components get it
//! with [`use_runtime`]. Each store is its own cell, so one store can be used while another is
//! borrowed; a store is never borrowed across an `await` or a call out of its module.
//!
//! Layers inside `src/` (checked by tests/e2e/architecture.test.mjs): `platform` (web APIs)
//! ← `runtime` ← `components` ← `pages`, `surfaces` ← `app`, `actions`. A module imports only
//! from its own layer and the layers before it.

pub mod config;
pub mod feedback;
pub mod keep_later;
pub mod kiosk;
pub mod library;
pub mod load;
pub mod refresh;
pub mod search;
pub mod site;
pub mod subs;

use leptos::prelude::*;
use library::{Loaded, Phase};
use mingbai_view::route::Route;
use std::sync::Arc;

/// What this page load is: decided once at boot from the address, fixed afterwards (the kiosk
/// stays a kiosk while the visitor moves around inside the app).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// Phones and desktops: the default.
    Phone,
    /// A 12345 self-service terminal: `/kiosk`, or any route with `?mode=kiosk`.
    Kiosk,
    /// `/embed/<app path>`: inside a host page's iframe.
    Embed,
    /// `/screen`: the unattended display screen.
    Screen,
}

/// The router's base path for an embed (`/embed/qa/qa-001` shows `/qa/qa-001`).
pub const EMBED_BASE: &str = "/embed";

impl Surface {
    /// The surface of an address (`path` and `search` as in `location`).
    pub fn of(path: &str, search: &str) -> Surface {
        let under = |base: &str| path == base || path.starts_with(&format!("{base}/"));
        if under("/screen") {
            Surface::Screen
        } else if under(EMBED_BASE) {
            Surface::Embed
        } else if path == Route::Kiosk.path() || search.trim_start_matches('?').split('&').any(|pair| pair == "mode=kiosk") {
            Surface::Kiosk
        } else {
            Surface::Phone
        }
    }

    /// The surface of this page load.
    pub fn current() -> Surface {
        let location = window().location();
        Surface::of(&location.pathname().unwrap_or_default(), &location.search().unwrap_or_default())
    }

    /// The class on `<html>` that the surface's styles hang on.
    pub fn html_class(self) -> Option<&'static str> {
        match self {
            Surface::Phone => None,
            Surface::Kiosk => Some("surface-kiosk"),
            Surface::Embed => Some("surface-embed"),
            Surface::Screen => Some("surface-screen"),
        }
    }

    pub fn is_kiosk(self) -> bool {
        self == Surface::Kiosk
    }
}

/// 语音播报: whether the browser has a Chinese voice, and whether it is reading now.
#[derive(Default, Clone, Copy)]
pub struct Speech {
    pub has_voice: bool,
    pub speaking: bool,
}

#[derive(Clone, Copy)]
pub struct Runtime {
    pub surface: Surface,
    /// Where loading stands, and the loaded library (see [`Runtime::loaded`]).
    pub phase: RwSignal<Phase>,
    /// The hotline shown on every page (config.json, else the manifest, else 12345).
    pub hotline: RwSignal<String>,
    /// Bumped each time the `Ready` library is replaced (see [`Runtime::loaded`]).
    pub revision: RwSignal<u32>,
    /// `Some(banner text)` while what is shown is not fresh from the network because the library's
    /// server cannot be reached ("离线浏览：数据更新于 2024年7月1日").
    pub offline_notice: RwSignal<Option<String>>,
    /// `config.json` as read at boot (defaults until then).
    pub config: StoredValue<config::Config>,
    pub search: search::SearchService,
    pub(crate) loader: StoredValue<Option<load::Store>, LocalStorage>,
    pub(crate) keep: StoredValue<keep_later::Queue, LocalStorage>,
    pub(crate) subs: StoredValue<Option<subs::Store>, LocalStorage>,
    pub(crate) feedback: StoredValue<feedback::State, LocalStorage>,
    pub kiosk: StoredValue<kiosk::Idle>,
    pub speech: StoredValue<Speech>,
    /// Where focus goes back to when the open dialog closes.
    pub dialog_return: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Runtime {
    /// The one runtime of this page load (called once, by `App`).
    pub fn new(surface: Surface) -> Runtime {
        let rt = Runtime {
            surface,
            phase: RwSignal::new(Phase::Loading),
            hotline: RwSignal::new(config::DEFAULT_HOTLINE.to_string()),
            revision: RwSignal::new(0),
            offline_notice: RwSignal::new(None),
            config: StoredValue::new(config::Config::default()),
            search: search::SearchService::new(),
            loader: StoredValue::new_local(None),
            keep: StoredValue::new_local(keep_later::Queue::default()),
            subs: StoredValue::new_local(None),
            feedback: StoredValue::new_local(feedback::State::default()),
            kiosk: StoredValue::new(kiosk::Idle::default()),
            speech: StoredValue::new(Speech::default()),
            dialog_return: StoredValue::new_local(None),
        };
        provide_context(rt);
        rt
    }

    /// The library loaded so far (`None` before it is ready or when broken). Reactive: the
    /// caller re-runs when the library is replaced.
    pub fn loaded(&self) -> Option<Arc<Loaded>> {
        self.revision.track();
        match self.phase.get() {
            Phase::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }

    /// The library loaded so far, untracked.
    pub fn loaded_untracked(&self) -> Option<Arc<Loaded>> {
        match self.phase.get_untracked() {
            Phase::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }

    /// Puts `loaded` in place: the first time through `phase`, later through `revision` (which
    /// does not rebuild the whole shell).
    pub fn replace(&self, loaded: Loaded) {
        let loaded = Phase::Ready(Arc::new(loaded));
        if matches!(self.phase.get_untracked(), Phase::Ready(_)) {
            self.phase.update_untracked(|phase| *phase = loaded);
            self.revision.update(|n| *n += 1);
        } else {
            self.phase.set(loaded);
        }
    }

    pub fn is_kiosk(&self) -> bool {
        self.surface.is_kiosk()
    }
}

/// The one boot: reads `config.json` into the runtime, turns feedback on where the deployment
/// asks for it, and loads the library (the display screen runs [`configure`], then its own
/// refresh loop over the same loader: `surfaces::screen`).
pub async fn boot(rt: Runtime) {
    let config = configure(rt).await;
    feedback::configure(rt, config.feedback_endpoint.as_deref());
    load::run(rt, config).await;
}

/// The first step of every boot (the app's, and the display screen's before its own loop):
/// reads `config.json` into the runtime, with the hotline it names.
pub async fn configure(rt: Runtime) -> config::Config {
    let config = config::load().await;
    rt.config.set_value(config.clone());
    if let Some(hotline) = &config.hotline {
        rt.hotline.set(hotline.clone());
    }
    config
}

/// The runtime, from the context (inside the app's reactive tree).
pub fn use_runtime() -> Runtime {
    expect_context::<Runtime>()
}
