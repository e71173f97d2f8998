//! The messages between the app and the search worker (`crates/search-worker`), as JSON text
//! sent with `postMessage`. Plain structs with optional parts rather than tagged enums: the app
//! decodes every reply, and this shape keeps that decoder small in the app's wasm.
//!
//! App → worker: one [`WorkerRequest`] per message, with exactly one of `open`, `search`,
//! `suggest` set. Worker → app: one [`WorkerReply`] per message, carrying the request's `id`.
//! Ids grow with every request; the app keeps only the answer to its latest search and its
//! latest suggestion request (the latest keystroke wins).

use super::{SearchRequest, SearchResponse, Suggestion};
use serde::{Deserialize, Serialize};

/// Where the library and the search tables are (absolute URLs), and the texts the app shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenLibrary {
    /// `manifest.json` of the library the app has loaded.
    pub manifest_url: String,
    /// The folder with `pinyin.txt` and `confusions.txt` (the site root).
    pub tables_url: String,
    /// The manifest text the app accepted (the worker reads `manifest_url` itself without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifest: Option<String>,
    /// Every library file the app has read, exactly as its pages use it (or why it could not be
    /// read): the worker indexes these and never a download of its own for them, so search and
    /// pages agree. Files not listed (kinds no page has needed yet) the worker reads by the
    /// app's own rule (`mingbai_web_load::obtain`: kept copy first, else the network).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<KnownText>,
}

/// A library file's name (as the manifest gives it) and its text, or why the app could not
/// read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnownText {
    pub file: String,
    pub text: Result<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SuggestRequest {
    pub input: String,
    pub limit: usize,
}

/// App → worker.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkerRequest {
    pub id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open: Option<OpenLibrary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<SearchRequest>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggest: Option<SuggestRequest>,
}

/// Worker → app.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkerReply {
    /// The request answered; 0 for the worker's own announcements.
    pub id: u32,
    /// The worker has started and takes requests (sent once, unprompted).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub up: bool,
    /// The library is loaded and indexed (the answer to `open`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ready: bool,
    /// Time the engine spent on this request inside the worker, in milliseconds.
    pub ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<SearchResponse>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggest: Option<Vec<Suggestion>>,
    /// Why the request failed, in Chinese for users (search cannot be used).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{FacetFilters, SearchIndex};
    use crate::types::ItemKind;

    #[test]
    fn requests_and_replies_survive_json() {
        let request = WorkerRequest {
            id: 7,
            search: Some(SearchRequest {
                query: "低保".into(),
                filters: FacetFilters { kind: Some(ItemKind::Qa), year: Some(2024), ..Default::default() },
                limit: 20,
                exact: true,
            }),
            ..Default::default()
        };
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<WorkerRequest>(&text).unwrap(), request);

        // `open` carries the app's texts, and the reason for a file it could not read.
        let open = WorkerRequest {
            id: 8,
            open: Some(OpenLibrary {
                manifest_url: "https://example.gov.cn/library/manifest.json".into(),
                tables_url: "https://example.gov.cn/".into(),
                manifest: Some("{\"format\":\"mingbai-library\"}".into()),
                texts: vec![
                    KnownText { file: "qa.json".into(), text: Ok("[{\"id\":\"q\"}]".into()) },
                    KnownText { file: "cards.json".into(), text: Err("服务器返回 404".into()) },
                ],
            }),
            ..Default::default()
        };
        let text = serde_json::to_string(&open).unwrap();
        assert_eq!(serde_json::from_str::<WorkerRequest>(&text).unwrap(), open);
        // An `open` from an app that sends no texts still reads.
        let bare: WorkerRequest = serde_json::from_str(r#"{"id":1,"open":{"manifest_url":"m","tables_url":"t"}}"#).unwrap();
        assert!(bare.open.is_some_and(|o| o.texts.is_empty() && o.manifest.is_none()));

        let lib = crate::load_with("manifest.json", |name| {
            std::fs::read_to_string(format!("{}/../../public/library/{name}", env!("CARGO_MANIFEST_DIR")))
                .map_err(|e| e.to_string())
        })
        .library;
        let index = SearchIndex::build(&lib);
        let response = index.search(&lib, &SearchRequest { query: "yanglao".into(), limit: 5, ..Default::default() });
        assert!(!response.results.is_empty());
        let reply = WorkerReply {
            id: 7,
            ms: 1.5,
            search: Some(response.clone()),
            suggest: Some(index.suggest("养老", 8)),
            ..Default::default()
        };
        let back: WorkerReply = serde_json::from_str(&serde_json::to_string(&reply).unwrap()).unwrap();
        let searched = back.search.unwrap();
        assert_eq!(searched.results.len(), response.results.len());
        assert_eq!(searched.results[0].id, response.results[0].id);
        assert_eq!(searched.results[0].snippet, response.results[0].snippet);
        assert_eq!(searched.facets, response.facets);
        assert_eq!(searched.corrected, response.corrected);
        assert_eq!(back.suggest.unwrap(), index.suggest("养老", 8));
        assert!(!back.up && !back.ready && back.error.is_none());
    }
}
