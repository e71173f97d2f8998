//! The engine's pinyin and confusion tables (static files next to the app, kept out of the wasm):
//! their downloads start first and are installed once, before the index is built or read.

use crate::fetch;
use mingbai_core::search::tables;

/// Table downloads under way (`None` when already installed).
pub struct Tables(Option<(Option<fetch::Pending>, Option<fetch::Pending>)>);

impl Tables {
    /// Starts both downloads from the folder `tables_url`.
    pub fn start(tables_url: &str) -> Tables {
        Tables((!tables::installed()).then(|| {
            let file = |name: &str| fetch::resolve(name, tables_url).map(|url| fetch::start(&url));
            (file(tables::PINYIN_FILE), file(tables::CONFUSIONS_FILE))
        }))
    }

    /// Waits for the downloads and installs the tables. Without a table search still works,
    /// only without pinyin or typo repair.
    pub async fn install(self) {
        if let Some((pinyin, confusions)) = self.0 {
            tables::install(fetch::text_or_empty(pinyin).await, fetch::text_or_empty(confusions).await);
        }
    }
}
