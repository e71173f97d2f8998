//! What every page renders from ([`Site`]) and what it gives back ([`Page`]).

use crate::markup::Markup;
use mingbai_core::subscribe::Profile;
use mingbai_core::{FileRole, IsoDate, ItemKind, Library};

/// The library and what else a page needs to know, the same in the app and at publish time.
pub struct Site<'a> {
    pub library: &'a Library,
    /// The date that decides what is current (notices, expiry): the device's today in the app,
    /// the publishing day for pre-rendered files.
    pub today: Option<IsoDate>,
    /// The hotline shown on every page.
    pub hotline: &'a str,
    /// Resolves a link from the data against the library's address (`None`: not a usable link).
    pub resolve: &'a dyn Fn(&str) -> Option<String>,
    /// The kinds whose files are loaded whole (a large library's home page may show only a
    /// first-screen block).
    pub kinds: &'a [FileRole],
    /// The kinds whose files could not be read (missing, truncated): their pages say so instead
    /// of "没有…".
    pub failed: &'a [FileRole],
    /// What this device keeps (subscriptions); `None` when rendering for no one (publish time).
    pub device: Option<&'a Device>,
    /// The page is shown on a 12345 self-service kiosk.
    pub kiosk: bool,
    /// The page's own address (print QR codes); `None` when unknown.
    pub page_url: Option<&'a str>,
    /// The deployment collects feedback (`config.json` names `feedback.endpoint`): pages show
    /// the 有用/没用 block ([`crate::feedback`]).
    pub feedback: bool,
}

/// What is kept on this device that pages show.
#[derive(Default)]
pub struct Device {
    pub profile: Option<Profile>,
    /// The app's keys in localStorage (the privacy page lists them).
    pub stored_keys: Vec<String>,
    /// A Chinese voice for read-aloud is known.
    pub has_voice: bool,
}

impl Site<'_> {
    pub fn follows(&self, kind: ItemKind, id: &str) -> bool {
        self.device
            .and_then(|d| d.profile.as_ref())
            .is_some_and(|p| p.follows(kind, id))
    }
    /// Whether a file of `role` could not be read, so its lists are incomplete.
    pub fn failed(&self, role: FileRole) -> bool {
        self.failed.contains(&role)
    }
    pub fn has(&self, role: FileRole) -> bool {
        self.kinds.contains(&role)
    }
}

/// A rendered page.
pub struct Page {
    /// The page's own title, without the site name (the document title adds " - 明白").
    pub title: String,
    /// One or two sentences for search engines and link previews.
    pub description: String,
    pub body: Markup,
    /// Whether the route named something that exists.
    pub found: bool,
}

impl Page {
    pub fn new(title: impl Into<String>, body: Markup) -> Page {
        Page { title: title.into(), description: String::new(), body, found: true }
    }
    pub fn described(mut self, description: impl Into<String>) -> Page {
        self.description = description.into();
        self
    }
    /// The document title: "<page title> - 明白".
    pub fn document_title(&self) -> String {
        format!("{} - 明白", self.title)
    }
}

/// At most `max` characters of `text`, cut with "…" (meta descriptions).
pub fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
