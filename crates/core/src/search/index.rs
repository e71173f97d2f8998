//! The inverted index: token → the documents holding it, with field-weighted term frequency,
//! scored BM25F-style.

use crate::browse::sort_any;
use super::documents::Document;
use super::normalize::doc_number_key;
use super::tokens::for_each_token;
use crate::types::*;
use crate::date::IsoDate;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use super::source::{encode_weight, Posting, Source};

/// FNV-1a: tokens are short strings, and SipHash's DoS resistance buys nothing here.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// What the index keeps of a document (no text: snippets read the library).
#[derive(Debug, Clone)]
pub struct DocMeta {
    pub kind: ItemKind,
    pub id: String,
    pub title: String,
    pub hot: u8,
    pub day: Option<i64>,
    pub status: Option<PolicyStatus>,
    pub themes: Vec<String>,
    pub audiences: Vec<String>,
    pub issuer: Option<String>,
    pub year: Option<i32>,
    /// Weighted length, for length normalisation.
    pub length: f32,
}

#[derive(Debug, Default)]
pub struct InvertedIndex {
    token_ids: FastMap<String, u32>,
    /// Per token: the documents holding it, by document number.
    postings: Vec<Vec<Posting>>,
    pub docs: Vec<DocMeta>,
    average_length: f32,
    doc_numbers: HashMap<String, u32>,
    /// Squeezed title → documents, for the exact-title boost.
    titles: HashMap<String, Vec<u32>>,
    /// Range of document days, for the freshness boost.
    pub days: (i64, i64),
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

impl InvertedIndex {
    pub fn build(documents: &[Document]) -> InvertedIndex {
        let mut index = InvertedIndex::default();
        // First pass: weighted term frequencies (negative when the token is in the title).
        let mut frequencies: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut weights: FastMap<u32, f32> = FastMap::default();
        let mut title_tokens: Vec<u32> = Vec::new();
        for (doc_no, doc) in documents.iter().enumerate() {
            let doc_no = doc_no as u32;
            weights.clear();
            title_tokens.clear();
            let mut length = 0.0;
            for (field, text) in &doc.fields {
                let w = field.weight();
                for_each_token(text, |token| {
                    let id = match index.token_ids.get(token) {
                        Some(id) => *id,
                        None => {
                            let id = frequencies.len() as u32;
                            index.token_ids.insert(token.to_string(), id);
                            frequencies.push(Vec::new());
                            id
                        }
                    };
                    *weights.entry(id).or_default() += w;
                    length += w;
                });
            }
            for_each_token(doc.title, |token| title_tokens.extend(index.token_ids.get(token)));
            let mut entries: Vec<(u32, f32)> = weights.iter().map(|(k, v)| (*k, *v)).collect();
            sort_any(&mut entries, |a, b| a.0.cmp(&b.0));
            for (token, weight) in entries {
                let signed = if title_tokens.contains(&token) { -weight } else { weight };
                frequencies[token as usize].push((doc_no, signed));
            }
            if let Some(key) = doc.doc_number.and_then(doc_number_key) {
                index.doc_numbers.entry(key).or_insert(doc_no);
            }
            index.titles.entry(squeeze(doc.title)).or_default().push(doc_no);
            index.docs.push(DocMeta {
                kind: doc.kind,
                id: doc.id.to_string(),
                title: doc.title.to_string(),
                hot: doc.hot,
                day: doc.date.map(IsoDate::day_number),
                status: doc.status,
                themes: doc.themes.to_vec(),
                audiences: doc.audiences.to_vec(),
                issuer: doc.issuer.map(str::to_string),
                year: doc.year,
                length,
            });
        }
        let total: f32 = index.docs.iter().map(|d| d.length).sum();
        index.average_length = if index.docs.is_empty() { 1.0 } else { (total / index.docs.len() as f32).max(1.0) };
        index.days = index.docs.iter().filter_map(|d| d.day).fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
        // Second pass: each posting's BM25 term weight with the document's own boost folded in,
        // fixed-point, so every way of holding the index scores with the same numbers.
        let boosts: Vec<(f32, f32)> = index
            .docs
            .iter()
            .map(|d| (K1 * (1.0 - B + B * d.length / index.average_length), static_boost(d, index.days)))
            .collect();
        index.postings = frequencies
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .map(|(doc, signed)| {
                        let tf = signed.abs();
                        let (norm, boost) = boosts[doc as usize];
                        Posting { doc, code: encode_weight(tf * (K1 + 1.0) / (tf + norm) * boost, signed < 0.0) }
                    })
                    .collect()
            })
            .collect();
        index
    }

    /// Every token with its postings, for writing the sharded index.
    pub fn tokens(&self) -> impl Iterator<Item = (&str, &[Posting])> {
        self.token_ids.iter().map(|(t, id)| (t.as_str(), self.postings[*id as usize].as_slice()))
    }
    /// 文号 keys and squeezed titles, for writing the sharded index.
    pub fn doc_numbers(&self) -> &HashMap<String, u32> {
        &self.doc_numbers
    }
    pub fn titles(&self) -> &HashMap<String, Vec<u32>> {
        &self.titles
    }

    pub fn token_count(&self) -> usize {
        self.postings.len()
    }
    pub fn posting_count(&self) -> usize {
        self.postings.iter().map(Vec::len).sum()
    }
}

impl Source for InvertedIndex {
    fn doc_count(&self) -> usize {
        self.docs.len()
    }
    fn postings(&self, token: &str) -> &[Posting] {
        self.token_ids.get(token).map(|id| self.postings[*id as usize].as_slice()).unwrap_or(&[])
    }
    fn doc_number_match(&self, query: &str) -> Option<u32> {
        doc_number_key(query).and_then(|key| self.doc_numbers.get(&key).copied())
    }
    fn titled(&self, squeezed: &str) -> &[u32] {
        self.titles.get(squeezed).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Popularity, freshness and validity: what a document is worth whatever the query.
fn static_boost(meta: &DocMeta, days: (i64, i64)) -> f32 {
    let hot = 1.0 + 0.25 * f32::from(meta.hot) / 100.0;
    let fresh = match (meta.day, days) {
        (Some(day), (lo, hi)) if hi > lo => 1.0 + 0.1 * (day - lo) as f32 / (hi - lo) as f32,
        _ => 1.0,
    };
    let valid = match meta.status {
        Some(s) if !s.is_current() => 0.5,
        _ => 1.0,
    };
    hot * fresh * valid
}

/// Only Han characters, letters and digits, normalised: "关于…的通知（试行）" compared loosely.
pub fn squeeze(text: &str) -> String {
    super::normalize::normalize(text).chars().filter(|c| super::normalize::is_han(*c) || c.is_ascii_alphanumeric()).collect()
}
