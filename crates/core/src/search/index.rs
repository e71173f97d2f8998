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

/// Per-document score accumulators, dense so scoring a posting is an array write.
pub struct Scores {
    pub values: Vec<(f32, u32)>,
    pub touched: Vec<u32>,
}

impl Scores {
    pub fn new(documents: usize) -> Scores {
        Scores { values: vec![(0.0, 0); documents], touched: Vec::new() }
    }
    pub fn get(&self, doc: u32) -> (f32, u32) {
        self.values[doc as usize]
    }
}

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
    /// The title normalised, and with only Han letters and digits, for the title boosts.
    pub title_folded: String,
    pub title_squeezed: String,
}

#[derive(Debug, Default)]
pub struct InvertedIndex {
    token_ids: FastMap<String, u32>,
    /// Per token: (document, weighted term frequency).
    postings: Vec<Vec<(u32, f32)>>,
    pub docs: Vec<DocMeta>,
    average_length: f32,
    doc_numbers: HashMap<String, u32>,
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

impl InvertedIndex {
    pub fn build(documents: &[Document]) -> InvertedIndex {
        let mut index = InvertedIndex::default();
        let mut weights: FastMap<u32, f32> = FastMap::default();
        for (doc_no, doc) in documents.iter().enumerate() {
            let doc_no = doc_no as u32;
            weights.clear();
            let mut length = 0.0;
            for (field, text) in &doc.fields {
                let w = field.weight();
                for_each_token(text, |token| {
                    let id = match index.token_ids.get(token) {
                        Some(id) => *id,
                        None => {
                            let id = index.postings.len() as u32;
                            index.token_ids.insert(token.to_string(), id);
                            index.postings.push(Vec::new());
                            id
                        }
                    };
                    *weights.entry(id).or_default() += w;
                    length += w;
                });
            }
            let mut entries: Vec<(u32, f32)> = weights.iter().map(|(k, v)| (*k, *v)).collect();
            sort_any(&mut entries, |a, b| a.0.cmp(&b.0));
            for (token, weight) in entries {
                index.postings[token as usize].push((doc_no, weight));
            }
            if let Some(key) = doc.doc_number.and_then(doc_number_key) {
                index.doc_numbers.entry(key).or_insert(doc_no);
            }
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
                title_folded: super::normalize::normalize(doc.title),
                title_squeezed: squeeze(doc.title),
            });
        }
        let total: f32 = index.docs.iter().map(|d| d.length).sum();
        index.average_length = if index.docs.is_empty() { 1.0 } else { (total / index.docs.len() as f32).max(1.0) };
        index
    }

    /// How many documents hold the token.
    pub fn document_frequency(&self, token: &str) -> usize {
        self.token_ids.get(token).map(|id| self.postings[*id as usize].len()).unwrap_or(0)
    }

    /// Adds each token's BM25 contribution to `scores` and counts matched tokens per document.
    /// `boost` weighs a token group (original query 1.0, synonym expansions less).
    pub fn score_into(&self, tokens: &[String], boost: f32, scores: &mut Scores) {
        let n = self.docs.len() as f32;
        for token in tokens {
            let Some(id) = self.token_ids.get(token) else { continue };
            let postings = &self.postings[*id as usize];
            let df = postings.len() as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for (doc, tf) in postings {
                let length = self.docs[*doc as usize].length;
                let norm = K1 * (1.0 - B + B * length / self.average_length);
                let s = idf * tf * (K1 + 1.0) / (tf + norm) * boost;
                let entry = &mut scores.values[*doc as usize];
                if entry.1 == 0 {
                    scores.touched.push(*doc);
                }
                entry.0 += s;
                entry.1 += 1;
            }
        }
    }

    /// The policy whose 文号 the query names, if any.
    pub fn doc_number_match(&self, query: &str) -> Option<u32> {
        doc_number_key(query).and_then(|key| self.doc_numbers.get(&key).copied())
    }

    pub fn token_count(&self) -> usize {
        self.postings.len()
    }
    pub fn posting_count(&self) -> usize {
        self.postings.iter().map(Vec::len).sum()
    }
}

/// Only Han characters, letters and digits, normalised: "关于…的通知（试行）" compared loosely.
pub fn squeeze(text: &str) -> String {
    super::normalize::normalize(text).chars().filter(|c| super::normalize::is_han(*c) || c.is_ascii_alphanumeric()).collect()
}
