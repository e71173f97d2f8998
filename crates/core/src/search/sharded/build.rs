//! Writing the sharded index: one pass over a built `SearchIndex`, deterministic output.

use super::*;
use crate::library::Library;
use crate::search::documents::body_texts;
use crate::search::facets::status_value;
use crate::search::terms::Dictionary;
use crate::search::SearchIndex;
use std::collections::BTreeMap;

/// Postings per posting shard, roughly (a shard holds whole tokens).
const POSTINGS_PER_SHARD: usize = 8_000;
/// Keys (文号 and titles) per key shard, roughly.
const KEYS_PER_SHARD: usize = 512;
/// Documents per metadata chunk.
const META_CHUNK: u32 = 32;
/// Suggestions kept in the head, heaviest first: the head must stay small for any library.
const SUGGESTION_CAP: usize = 4_000;
/// Snippet source kept per document: up to this many texts, this many characters in all.
const SNIPPET_TEXTS: usize = 3;
const SNIPPET_CHARS: usize = 160;

/// The files of a sharded index: `head.json` first, then the chunks, sorted by name.
pub struct BuiltIndex {
    pub files: Vec<(String, Vec<u8>)>,
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising plain data (strings, numbers, tuples) into a Vec cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

fn shard_count(items: usize, per_shard: usize) -> u32 {
    (items.div_ceil(per_shard).max(1)).next_power_of_two() as u32
}

/// Builds the sharded index of a library.
pub fn build_index(lib: &Library) -> BuiltIndex {
    let search = SearchIndex::build(lib);
    let index = &search.index;
    let docs = &index.docs;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();

    // Posting shards: token → [doc delta, code, doc delta, code, …].
    let posting_shards = shard_count(index.posting_count(), POSTINGS_PER_SHARD);
    // Every numbered shard is written, empty or not, so any name the hash gives exists.
    let mut shards: BTreeMap<String, BTreeMap<&str, Vec<u32>>> = (0..posting_shards).map(|n| (format!("p-{n}.json"), BTreeMap::new())).collect();
    for (token, postings) in index.tokens() {
        let mut flat = Vec::with_capacity(postings.len() * 2);
        let mut previous = 0;
        for p in postings {
            flat.push(p.doc - previous);
            flat.push(u32::from(p.code));
            previous = p.doc;
        }
        shards.entry(posting_chunk(token, posting_shards)).or_default().insert(token, flat);
    }
    files.extend(shards.into_iter().map(|(name, map)| (name, json(&map))));

    // Key shards: hashed 文号 key or squeezed title → documents.
    let mut keys: Vec<(String, Vec<u32>)> = index.doc_numbers().iter().map(|(k, d)| (number_key(k), vec![*d])).collect();
    keys.extend(index.titles().iter().filter(|(t, _)| !t.is_empty()).map(|(t, d)| (title_key(t), d.clone())));
    let key_shards = shard_count(keys.len(), KEYS_PER_SHARD);
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<u32>>> = (0..key_shards).map(|n| (format!("k-{n}.json"), BTreeMap::new())).collect();
    for (key, list) in keys {
        shards.entry(key_chunk(&key, key_shards)).or_default().insert(key_hash(&key), list);
    }
    files.extend(shards.into_iter().map(|(name, map)| (name, json(&map))));

    // Dictionary shards, terms in dictionary order.
    let mut shards: BTreeMap<String, Vec<(&str, f32)>> = BTreeMap::new();
    for (text, weight) in search.dictionary.terms() {
        for shard in Dictionary::shards_of(text) {
            shards.entry(shard).or_default().push((text.as_str(), *weight));
        }
    }
    let dictionary_shards: Vec<String> = shards.keys().cloned().collect();
    let shards = shards.into_iter().map(|(name, list)| (format!("{name}.json"), list));
    files.extend(shards.into_iter().map(|(name, list)| (name, json(&list))));

    // Metadata chunks.
    let mut rows: Vec<MetaRow> = Vec::new();
    for (doc, meta) in docs.iter().enumerate() {
        let mut budget = SNIPPET_CHARS;
        let texts: Vec<String> = body_texts(lib, meta.kind, &meta.id)
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .take(SNIPPET_TEXTS)
            .filter_map(|t| {
                let cut: String = t.chars().take(budget).collect();
                budget -= cut.chars().count();
                (!cut.is_empty()).then_some(cut)
            })
            .collect();
        rows.push((meta.kind, meta.id.clone(), meta.title.clone(), meta.status, texts));
        if rows.len() == META_CHUNK as usize || doc + 1 == docs.len() {
            files.insert(meta_chunk(doc as u32, META_CHUNK), json(&rows));
            rows.clear();
        }
    }

    // Facet columns: value → documents (delta-encoded).
    let mut columns: [BTreeMap<String, Vec<u32>>; 5] = Default::default();
    for (doc, meta) in docs.iter().enumerate() {
        let doc = doc as u32;
        let values: [Vec<String>; 5] = [
            meta.themes.clone(),
            meta.audiences.clone(),
            meta.issuer.iter().cloned().collect(),
            meta.year.iter().map(|y| y.to_string()).collect(),
            meta.status.iter().map(|s| status_value(*s).to_string()).collect(),
        ];
        for (column, values) in columns.iter_mut().zip(values) {
            for value in values {
                let list = column.entry(value).or_default();
                if list.last() != Some(&doc) {
                    list.push(doc);
                }
            }
        }
    }
    for (name, column) in FACETS.iter().zip(columns) {
        let encoded: Vec<(String, Vec<u32>)> = column
            .into_iter()
            .map(|(value, list)| {
                let mut previous = 0;
                let deltas = list.iter().map(|d| std::mem::replace(&mut previous, *d)).zip(&list).map(|(p, d)| d - p).collect();
                (value, deltas)
            })
            .collect();
        files.insert(facet_chunk(name), json(&encoded));
    }

    // The head.
    let mut kinds: Vec<(ItemKind, u32, u32)> = Vec::new();
    for (doc, meta) in docs.iter().enumerate() {
        match kinds.last_mut() {
            Some(last) if last.0 == meta.kind => last.2 = doc as u32 + 1,
            _ => kinds.push((meta.kind, doc as u32, doc as u32 + 1)),
        }
    }
    let entries: Vec<(&str, Option<(ItemKind, &str)>, f32)> = search.suggester.entries().collect();
    let mut heaviest: Vec<usize> = (0..entries.len()).collect();
    crate::browse::sort_any(&mut heaviest, |a, b| entries[*b].2.total_cmp(&entries[*a].2));
    heaviest.truncate(SUGGESTION_CAP);
    heaviest.sort_unstable();
    let suggestions = heaviest
        .iter()
        .map(|i| {
            let (text, item, weight) = entries[*i];
            (text.to_string(), weight, item.map(|(k, id)| format!("{}:{id}", k.as_str())).unwrap_or_default())
        })
        .collect();
    let head = HeadFile {
        format: FORMAT.to_string(),
        version: VERSION,
        documents: docs.len() as u32,
        kinds,
        posting_shards,
        key_shards,
        meta_chunk: META_CHUNK,
        dictionary_shards,
        facets: FACETS.iter().map(|f| f.to_string()).collect(),
        syllable_chars: search.dictionary.char_for_syllable(),
        synonyms: lib.synonyms.clone(),
        taxonomy: Taxonomy {
            themes: lib.taxonomy.themes.clone(),
            audiences: lib.taxonomy.audiences.clone(),
            regions: Vec::new(),
            // Issuer variants, so a filter naming one finds its merged entry.
            issuers: search.issuers.as_declared(),
        },
        suggestions,
        suggestions_dropped: entries.len().saturating_sub(SUGGESTION_CAP) as u32,
    };
    let mut out = vec![(HEAD_FILE.to_string(), json(&head))];
    out.extend(files);
    BuiltIndex { files: out }
}
