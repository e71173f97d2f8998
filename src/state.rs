//! What the pages share: the loading phase, the loaded library and the hotline number.

use leptos::prelude::*;
use mingbai_core::{IsoDate, Library};
use std::sync::Arc;

/// Where loading stands. It moves once, from `Loading` to `Ready` or `Broken`.
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
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub phase: RwSignal<Phase>,
    /// The hotline shown on every page (config.json, else the manifest, else 12345).
    pub hotline: RwSignal<String>,
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            phase: RwSignal::new(Phase::Loading),
            hotline: RwSignal::new(crate::platform::config::DEFAULT_HOTLINE.to_string()),
        }
    }
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}

/// The loaded library for a page. Pages are only mounted once loading is done; an empty
/// library stands in otherwise, so nothing panics.
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
