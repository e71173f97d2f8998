//! What the pages share: the loading phase, the loaded library and the hotline number.

use leptos::prelude::*;
use mingbai_core::{FileRole, IsoDate, Library};
use std::sync::Arc;

/// Where loading stands. It moves once, from `Loading` to `Ready` or `Broken`; afterwards the
/// `Ready` library is replaced in place (more kinds loaded, fresher files) without notifying
/// `phase` (that would rebuild the whole shell): `revision` is bumped instead.
#[derive(Clone)]
pub enum Phase {
    Loading,
    /// The library opened; some files or entries may still be missing (see `problems`).
    Ready(Arc<Loaded>),
    /// The manifest could not be used: the reason, as a one-line Chinese diagnostic.
    Broken(String),
}

/// A library that opened, with the problems citizens should know about.
#[derive(Default)]
pub struct Loaded {
    pub library: Library,
    /// One line per error diagnostic (file, entry, field and what is wrong).
    pub problems: Vec<String>,
    pub today: Option<IsoDate>,
    /// Absolute URL of manifest.json; relative links in the data resolve against it.
    pub manifest_url: String,
    /// The kinds whose files have been loaded (or tried): pages needing others ask for them.
    pub kinds: Vec<FileRole>,
    /// Kinds of which only the first-screen block is loaded (a large library with a search
    /// index, `mingbai_core::first_screen`): enough for the home page, not for their own pages.
    pub preview: Vec<FileRole>,
    /// Kinds with a file that could not be read (missing, truncated, unusable): their pages say
    /// the content cannot be shown instead of "没有…".
    pub failed: Vec<FileRole>,
}

impl Loaded {
    /// Whether every kind in `roles` has been loaded.
    pub fn has(&self, roles: &[FileRole]) -> bool {
        roles.iter().all(|r| self.kinds.contains(r))
    }

    /// Whether every kind in `roles` is loaded whole or as its first-screen block.
    pub fn shows(&self, roles: &[FileRole]) -> bool {
        roles.iter().all(|r| self.kinds.contains(r) || self.preview.contains(r))
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub phase: RwSignal<Phase>,
    /// The hotline shown on every page (config.json, else the manifest, else 12345).
    pub hotline: RwSignal<String>,
    /// Bumped each time the `Ready` library is replaced (see [`AppState::loaded`]).
    pub revision: RwSignal<u32>,
    /// `Some(banner text)` while what is shown is not fresh from the network because the library's
    /// server cannot be reached ("离线浏览：数据更新于 2024年7月1日").
    pub offline_notice: RwSignal<Option<String>>,
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            phase: RwSignal::new(Phase::Loading),
            hotline: RwSignal::new(crate::platform::config::DEFAULT_HOTLINE.to_string()),
            revision: RwSignal::new(0),
            offline_notice: RwSignal::new(None),
        }
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

    /// Puts `loaded` in place: the first time through `phase`, later through `revision`.
    pub fn replace(&self, loaded: Loaded) {
        let loaded = Phase::Ready(Arc::new(loaded));
        if matches!(self.phase.get_untracked(), Phase::Ready(_)) {
            self.phase.update_untracked(|phase| *phase = loaded);
            self.revision.update(|n| *n += 1);
        } else {
            self.phase.set(loaded);
        }
    }
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}

/// The loaded library, untracked (pages get theirs from `pages::page`). Pages are only
/// mounted once loading is done; an empty library stands in otherwise, so nothing panics.
#[allow(dead_code)]
pub fn use_loaded() -> Arc<Loaded> {
    match app_state().phase.get_untracked() {
        Phase::Ready(loaded) => loaded,
        _ => Arc::new(Loaded::default()),
    }
}

/// The current hotline number (reactive).
pub fn hotline() -> Signal<String> {
    let state = app_state();
    Signal::derive(move || state.hotline.get())
}
