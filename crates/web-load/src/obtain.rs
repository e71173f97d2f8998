//! The loading loop's steps for library files, the same in the app, the display screen and the
//! search worker (docs/offline.md, "the replacement rule"):
//!
//! - [`obtain`]: each file's kept copy when the device has one (at once), else the network;
//! - [`Check`]: a download past the HTTP cache, judged by `mingbai_core::check_replacement`:
//!   only an accepted download may be shown instead of, or kept in place of, a kept copy.

use crate::fetch::{self, Failure, Pending};
use crate::kept::kept;
use mingbai_core::{check_replacement, Diagnostic, FileRole};

/// One file's text as [`obtain`] got it.
pub struct Obtained {
    /// The text, or why there is none (in Chinese).
    pub text: Result<String, String>,
    /// When the text is the device's kept copy: when that was stored (ms since 1970).
    pub kept_at: Option<f64>,
    /// The file's absolute URL; `None` when its name is not a URL.
    pub url: Option<String>,
}

impl Obtained {
    /// A text that came from the network just now (a candidate for keeping).
    pub fn downloaded(&self) -> Option<(&str, &str)> {
        match (&self.text, self.kept_at, &self.url) {
            (Ok(text), None, Some(url)) => Some((url, text)),
            _ => None,
        }
    }
}

/// Why a file name gives no text at all.
pub const NOT_A_URL: &str = "文件名不是有效的网址";

/// Each of `files` (names relative to `base`): the kept copy when there is one, else the network.
/// Every download starts before any is waited for.
pub async fn obtain(files: &[&str], base: &str) -> Vec<Obtained> {
    let urls: Vec<Option<String>> = files.iter().map(|file| fetch::resolve(file, base)).collect();
    let mut copies = Vec::with_capacity(files.len());
    for url in &urls {
        copies.push(match url {
            Some(url) => kept(url).await,
            None => None,
        });
    }
    let pending: Vec<Option<Pending>> = urls
        .iter()
        .zip(&copies)
        .map(|(url, copy)| match (url, copy) {
            (Some(url), None) => Some(fetch::start(url)),
            _ => None,
        })
        .collect();
    let mut got = Vec::with_capacity(files.len());
    for ((url, copy), pending) in urls.into_iter().zip(copies).zip(pending) {
        let (text, kept_at) = match (copy, pending) {
            (Some((text, at)), _) => (Ok(text), Some(at)),
            (None, Some(pending)) => (pending.text().await, None),
            (None, None) => (Err(NOT_A_URL.to_string()), None),
        };
        got.push(Obtained { text, kept_at, url });
    }
    got
}

/// What a download past the HTTP cache gave, judged by `check_replacement`.
pub enum Fresh {
    /// May be shown and kept.
    Accepted(String),
    /// Read, but must not replace a kept copy: the text (shown only where there is nothing
    /// better, with its problems listed, as on a first visit) and why it was refused.
    Refused(String, Diagnostic),
    /// No text.
    Failed(Failure),
}

/// A download past the HTTP cache under way (revalidated: an unchanged file costs a 304).
pub struct Check {
    pub url: String,
    pending: Pending,
}

impl Check {
    /// Starts the download of `file` (relative to `base`); `None` when it is not a URL.
    pub fn start(file: &str, base: &str) -> Option<Check> {
        let url = fetch::resolve(file, base)?;
        let pending = fetch::start_revalidated(&url);
        Some(Check { url, pending })
    }

    /// Waits for the text and judges it as `file` of `role` (`None`: the manifest).
    pub async fn result(self, role: Option<FileRole>, file: &str) -> Fresh {
        match self.pending.text_or_failure().await {
            Ok(text) => match check_replacement(role, file, &text) {
                Ok(()) => Fresh::Accepted(text),
                Err(why) => Fresh::Refused(text, why),
            },
            Err(failure) => Fresh::Failed(failure),
        }
    }
}
