//! Reading a [`WorkerReply`] in the app, by hand from `json::parse`'s value.
//!
//! The derived `Deserialize` of the reply (hits, snippets, facets, suggestions) was the biggest
//! piece of serde machinery left in the app's wasm. The worker is ours and writes replies with
//! serde (`Serialize`), so this reader follows that shape; a reply that does not fit is dropped
//! whole (`None`), as the derived reader did.

use super::protocol::WorkerReply;
use super::{Expansion, FacetValue, Facets, Hit, SearchResponse, Segment, Suggestion};
use crate::types::ItemKind;
use serde_json::{Map, Value};

impl WorkerReply {
    /// The reply in a message's text; `None` when it is not a reply.
    pub fn from_json(text: &str) -> Option<WorkerReply> {
        let value = crate::json::parse(text).ok()?;
        let o = value.as_object()?;
        Some(WorkerReply {
            id: optional(o, "id", |v| v.as_u64().and_then(|n| u32::try_from(n).ok()))?.unwrap_or(0),
            up: optional(o, "up", Value::as_bool)?.unwrap_or(false),
            ready: optional(o, "ready", Value::as_bool)?.unwrap_or(false),
            ms: optional(o, "ms", Value::as_f64)?.unwrap_or(0.0),
            search: optional(o, "search", response)?,
            suggest: optional(o, "suggest", |v| list(v, suggestion))?,
            error: optional(o, "error", string)?,
        })
    }
}

/// `Some(None)` when the field is absent or null, `None` when it is there but wrong.
fn optional<T>(o: &Map<String, Value>, key: &str, read: impl Fn(&Value) -> Option<T>) -> Option<Option<T>> {
    match o.get(key) {
        None | Some(Value::Null) => Some(None),
        Some(v) => read(v).map(Some),
    }
}

fn required<T>(o: &Map<String, Value>, key: &str, read: impl Fn(&Value) -> Option<T>) -> Option<T> {
    o.get(key).and_then(read)
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn list<T>(v: &Value, read: impl Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    v.as_array()?.iter().map(read).collect()
}

fn count(v: &Value) -> Option<usize> {
    v.as_u64().and_then(|n| usize::try_from(n).ok())
}

fn kind(v: &Value) -> Option<ItemKind> {
    let name = v.as_str()?;
    ItemKind::ALL.into_iter().find(|k| k.as_str() == name)
}

fn response(v: &Value) -> Option<SearchResponse> {
    let o = v.as_object()?;
    Some(SearchResponse {
        query: required(o, "query", string)?,
        corrected: optional(o, "corrected", string)?,
        expanded: optional(o, "expanded", |v| list(v, expansion))?.unwrap_or_default(),
        alternatives: optional(o, "alternatives", |v| list(v, string))?.unwrap_or_default(),
        results: required(o, "results", |v| list(v, hit))?,
        total: required(o, "total", count)?,
        facets: required(o, "facets", facets)?,
    })
}

fn expansion(v: &Value) -> Option<Expansion> {
    let o = v.as_object()?;
    Some(Expansion { from: required(o, "from", string)?, to: required(o, "to", string)? })
}

fn hit(v: &Value) -> Option<Hit> {
    let o = v.as_object()?;
    Some(Hit {
        kind: required(o, "kind", kind)?,
        id: required(o, "id", string)?,
        title: required(o, "title", string)?,
        score: required(o, "score", Value::as_f64)? as f32,
        status: optional(o, "status", string)?,
        snippet: required(o, "snippet", |v| list(v, segment))?,
    })
}

fn segment(v: &Value) -> Option<Segment> {
    let o = v.as_object()?;
    Some(Segment { text: required(o, "text", string)?, hit: required(o, "hit", Value::as_bool)? })
}

fn facets(v: &Value) -> Option<Facets> {
    let o = v.as_object()?;
    let values = |key: &str| optional(o, key, |v| list(v, facet_value)).map(Option::unwrap_or_default);
    Some(Facets {
        kind: values("type")?,
        theme: values("theme")?,
        audience: values("audience")?,
        issuer: values("issuer")?,
        year: values("year")?,
        status: values("status")?,
    })
}

fn facet_value(v: &Value) -> Option<FacetValue> {
    let o = v.as_object()?;
    Some(FacetValue {
        value: required(o, "value", string)?,
        label: required(o, "label", string)?,
        count: required(o, "count", count)?,
    })
}

fn suggestion(v: &Value) -> Option<Suggestion> {
    let o = v.as_object()?;
    Some(Suggestion {
        text: required(o, "text", string)?,
        kind: optional(o, "kind", kind)?,
        id: optional(o, "id", string)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{SearchIndex, SearchRequest};

    /// Replies the worker really sends (serde writes them), read back by hand: the same reply.
    fn round_trip(reply: &WorkerReply) {
        let text = serde_json::to_string(reply).unwrap();
        let back = WorkerReply::from_json(&text).unwrap_or_else(|| panic!("not read back: {text}"));
        assert_eq!(serde_json::to_value(&back).unwrap(), serde_json::to_value(reply).unwrap(), "{text}");
    }

    #[test]
    fn real_replies_read_back_the_same() {
        let lib = crate::load_with("manifest.json", |name| {
            std::fs::read_to_string(format!("{}/../../public/library/{name}", env!("CARGO_MANIFEST_DIR")))
                .map_err(|e| e.to_string())
        })
        .library;
        let index = SearchIndex::build(&lib);
        round_trip(&WorkerReply { up: true, ..Default::default() });
        round_trip(&WorkerReply { id: 3, ready: true, ms: 12.5, ..Default::default() });
        round_trip(&WorkerReply { id: 4, error: Some("搜索暂时无法使用".into()), ..Default::default() });
        let mut searched = 0;
        for query in ["低保", "dibao", "养老保线", "失业", "毕业生 就业", "济南市", "zzz", "公积金提取", "ylbx"] {
            let response = index.search(&lib, &SearchRequest { query: query.into(), limit: 20, ..Default::default() });
            searched += response.results.len();
            round_trip(&WorkerReply { id: 9, ms: 0.7, search: Some(response), ..Default::default() });
            let suggest = index.suggest(query, 8);
            round_trip(&WorkerReply { id: 10, suggest: Some(suggest), ..Default::default() });
        }
        assert!(searched > 20, "the queries found something: {searched}");
    }

    #[test]
    fn what_is_not_a_reply_is_dropped() {
        for text in ["", "[]", "3", "{\"id\": -1}", "{\"id\": \"1\"}", "{\"search\": {\"query\": \"a\"}}",
            "{\"suggest\": [{\"text\": 1}]}", "{\"search\": {\"query\": \"a\", \"results\": [{\"kind\": \"x\"}], \"total\": 0, \"facets\": {}}}"] {
            assert!(WorkerReply::from_json(text).is_none(), "{text}");
        }
        let minimal = WorkerReply::from_json("{\"search\": {\"query\": \"a\", \"results\": [], \"total\": 0, \"facets\": {}}}").unwrap();
        assert_eq!(minimal.search.unwrap().total, 0);
    }
}
