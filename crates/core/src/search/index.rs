//! The inverted index: token → the documents holding it, with field-weighted term frequency,
//! scored BM25F-style.

use super::documents::Document;
use super::normalize::doc_number_key;
use super::tokens::for_each_token;
use crate::types::*;
use crate::date::IsoDate;
use std::collections::HashMap;

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
    token_ids: HashMap<String, u32>,
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
        let mut weights: HashMap<u32, f32> = HashMap::new();
        for (doc_no, doc) in documents.iter().enumerate() {
            let doc_no = doc_no as u32;
            weights.clear();
            let mut length = 0.0;
            for (field, text) in &doc.fields {
                let w = field.weight();
                for_each_token(text, |token| {
                    let next_id = index.postings.len() as u32;
                    let id = *index.token_ids.entry(token.to_string()).or_insert(next_id);
                    if id == next_id {
                        index.postings.push(Vec::new());
                    }
                    *weights.entry(id).or_default() += w;
                    length += w;
                });
            }
            let mut entries: Vec<(u32, f32)> = weights.iter().map(|(k, v)| (*k, *v)).collect();
            entries.sort_unstable_by_key(|(k, _)| *k);
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
    pub fn score_into(&self, tokens: &[String], boost: f32, scores: &mut HashMap<u32, (f32, u32)>) {
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
                let entry = scores.entry(*doc).or_insert((0.0, 0));
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
