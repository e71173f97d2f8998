//! The loaded library as the runtime holds it: the loading phase and what opened.

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
