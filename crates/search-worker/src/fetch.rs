//! Fetching the worker's other files (the search tables, a sharded index's head and chunks):
//! the network, else the device's kept copy, so search works wherever browsing does. Library
//! files go through `library.rs` instead (the app's rule).

use mingbai_web_load::fetch;

pub use mingbai_web_load::fetch::resolve;

pub struct Pending(fetch::Pending, String);

/// Starts fetching an absolute URL without waiting.
pub fn start(url: &str) -> Pending {
    Pending(fetch::start(url), url.to_string())
}

impl Pending {
    /// The body text, or why there is none (in Chinese).
    pub async fn text(self) -> Result<String, String> {
        match self.0.text().await {
            Ok(text) => Ok(text),
            Err(reason) => mingbai_web_load::kept::kept(&self.1).await.map(|(text, _)| text).ok_or(reason),
        }
    }
}

/// A table's text, or "" when it cannot be had (search then works without it).
pub async fn text_or_empty(pending: Option<Pending>) -> String {
    match pending {
        Some(p) => p.text().await.unwrap_or_default(),
        None => String::new(),
    }
}
