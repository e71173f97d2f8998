//! The search engine's two data tables: pinyin readings and commonly confused characters.
//! Natively (feature `embedded-tables`, on by default) they are compiled in. In wasm they never
//! are (whatever features the workspace unifies): the app installs them from static files when
//! search is first used, so they stay out of the app shell's download.

use std::sync::OnceLock;

/// `syllable<TAB>characters` lines (see `tools/gen_pinyin_table.py`).
pub const PINYIN_FILE: &str = "pinyin.txt";
/// One `typo meant` character pair per line (see `tools/gen_confusions.py`).
pub const CONFUSIONS_FILE: &str = "confusions.txt";

static TABLES: OnceLock<(String, String)> = OnceLock::new();

/// Installs the tables' text. The first call wins; later calls return `false`.
pub fn install(pinyin: String, confusions: String) -> bool {
    TABLES.set((pinyin, confusions)).is_ok()
}

/// Whether the tables are available (always, natively).
pub fn installed() -> bool {
    get().is_some()
}

fn get() -> Option<&'static (String, String)> {
    #[cfg(all(feature = "embedded-tables", not(target_arch = "wasm32")))]
    {
        Some(TABLES.get_or_init(|| (include_str!("pinyin.txt").to_string(), include_str!("confusions.txt").to_string())))
    }
    #[cfg(not(all(feature = "embedded-tables", not(target_arch = "wasm32"))))]
    {
        TABLES.get()
    }
}

pub(crate) fn pinyin_text() -> &'static str {
    get().map(|t| t.0.as_str()).unwrap_or("")
}

pub(crate) fn confusions_text() -> &'static str {
    get().map(|t| t.1.as_str()).unwrap_or("")
}
