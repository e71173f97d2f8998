//! The sharded search index (`mingbai index`): a small head loaded first, and chunks fetched on
//! demand (posting shards by token hash, key shards for 文号 and exact titles, dictionary shards
//! by first syllable or initials, document metadata by document number, facet columns), so a
//! large library's first search downloads only what that query needs. See docs/search-index.md.
//!
//! Pure and synchronous, no I/O: `build_index` returns the files; `IndexHead::parse` reads the
//! head; `IndexHead::plan` says which chunks a request still needs (`Step::Need`) or answers it
//! (`Step::Done`); the caller fetches what is needed and hands it to `IndexHead::add_chunk`.
//! Ranking runs the same code as `SearchIndex::search` (see `source.rs`), so results agree.

mod build;
mod head;

pub use build::{build_index, BuiltIndex};
pub use head::{IndexHead, Step};

use crate::types::{ItemKind, PolicyStatus, Synonym, Taxonomy};
use serde::{Deserialize, Serialize};

/// The head's file name in the index folder.
pub const HEAD_FILE: &str = "head.json";
pub const FORMAT: &str = "mingbai-index";
pub const VERSION: u32 = 1;

/// `head.json`: everything the first search needs before it knows the query.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HeadFile {
    /// Always `"mingbai-index"`.
    pub format: String,
    /// Format version, `1`.
    pub version: u32,
    /// Number of searchable documents (policies, cards, Q&A, notices, topics, in that order).
    pub documents: u32,
    /// Document-number ranges of each kind: `[kind, first, end)`.
    pub kinds: Vec<(ItemKind, u32, u32)>,
    /// Posting shards: a token's postings are in `p-<fnv1a32(token) % posting_shards>.json`.
    pub posting_shards: u32,
    /// Key shards (文号 and exact titles): `k-<fnv1a32(key) % key_shards>.json`.
    pub key_shards: u32,
    /// Documents per metadata chunk: document `d` is in `m-<d / meta_chunk>.json`.
    pub meta_chunk: u32,
    /// Dictionary shards written (`d-<fuzzy syllable>`, `i-<two initials>`); a shard not
    /// listed holds no terms and is never fetched.
    pub dictionary_shards: Vec<String>,
    /// Facet columns present (`f-<name>.json`): theme, audience, issuer, year, status.
    pub facets: Vec<String>,
    /// The most frequent character of each pinyin syllable (a lone syllable no term covers).
    pub syllable_chars: Vec<(String, char)>,
    /// The library's synonyms (the built-in starter list is added by the engine).
    pub synonyms: Vec<Synonym>,
    /// Labels of themes and audiences, for facets.
    pub taxonomy: Taxonomy,
    /// Suggestions as you type: `[text, weight, "kind:id" or ""]`, the heaviest (capped).
    pub suggestions: Vec<(String, f32, String)>,
    /// Suggestions left out by the cap.
    pub suggestions_dropped: u32,
}

/// One row of a metadata chunk: kind, id, title, policy status, snippet source texts.
pub type MetaRow = (ItemKind, String, String, Option<PolicyStatus>, Vec<String>);

/// FNV-1a, 32 bits, over UTF-8: the shard of a token or key (documented, so other tools can
/// compute it).
pub fn fnv1a32(text: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.as_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// FNV-1a, 64 bits, as 16 hex digits: keys are stored hashed (titles are long).
pub fn key_hash(key: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

pub fn posting_chunk(token: &str, shards: u32) -> String {
    format!("p-{}.json", fnv1a32(token) % shards.max(1))
}

pub fn key_chunk(key: &str, shards: u32) -> String {
    format!("k-{}.json", fnv1a32(key) % shards.max(1))
}

pub fn meta_chunk(doc: u32, per_chunk: u32) -> String {
    format!("m-{}.json", doc / per_chunk.max(1))
}

pub fn facet_chunk(name: &str) -> String {
    format!("f-{name}.json")
}

/// Facet columns, in the order of `Facets` after the type.
pub const FACETS: [&str; 5] = ["theme", "audience", "issuer", "year", "status"];

/// Key of a 文号 (`doc_number_key`) and of a squeezed title.
pub fn number_key(key: &str) -> String {
    format!("n:{key}")
}
pub fn title_key(squeezed: &str) -> String {
    format!("t:{squeezed}")
}
