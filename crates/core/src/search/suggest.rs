//! Suggestions as you type (关键词推荐): titles, questions, taxonomy labels and everyday words,
//! matched by text, by full-pinyin prefix and by initials, ranked by weight.

use crate::browse::sort_any;
use super::normalize::{is_han, normalize};
use super::pinyin::{initial, readings, syllable_text};
use crate::types::ItemKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub text: String,
    /// When the suggestion is one item, where it leads; otherwise it is a search for `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ItemKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

struct Entry {
    suggestion: Suggestion,
    folded: String,
    pinyin: String,
    initials: String,
    weight: f32,
}

#[derive(Default)]
pub struct Suggester {
    entries: Vec<Entry>,
    seen: std::collections::HashSet<(String, Option<ItemKind>)>,
}

impl Suggester {
    pub fn add(&mut self, text: &str, item: Option<(ItemKind, &str)>, weight: f32) {
        let folded = normalize(text);
        if folded.trim().is_empty() || !self.seen.insert((folded.clone(), item.map(|i| i.0))) {
            return;
        }
        let mut pinyin = String::new();
        let mut initials = String::new();
        for c in folded.chars().filter(|c| is_han(*c) || c.is_ascii_alphanumeric()) {
            match readings(c).first() {
                Some(s) => {
                    pinyin.push_str(syllable_text(*s));
                    initials.push(initial(*s));
                }
                None if c.is_ascii_alphanumeric() => {
                    pinyin.push(c);
                    initials.push(c);
                }
                None => {}
            }
        }
        self.entries.push(Entry {
            suggestion: Suggestion { text: text.to_string(), kind: item.map(|i| i.0), id: item.map(|i| i.1.to_string()) },
            folded,
            pinyin,
            initials,
            weight,
        });
    }

    /// Up to `limit` suggestions for what has been typed so far.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<Suggestion> {
        let typed: String = normalize(input).split_whitespace().collect();
        if typed.is_empty() {
            return Vec::new();
        }
        let letters_only = typed.chars().all(|c| c.is_ascii_lowercase());
        let mut scored: Vec<(f32, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let factor = if letters_only {
                    if e.pinyin.starts_with(&typed) || (typed.len() >= 2 && e.initials.starts_with(&typed)) {
                        2.0
                    } else if typed.len() >= 4 && e.pinyin.contains(&typed) {
                        1.0
                    } else if typed.len() >= 2 && e.initials.contains(&typed) {
                        0.8
                    } else {
                        return None;
                    }
                } else if e.folded.starts_with(&typed) {
                    2.0
                } else if e.folded.contains(&typed) {
                    1.0
                } else {
                    return None;
                };
                // Shorter entries are closer to what was typed.
                let brevity = 1.0 / (1.0 + e.folded.chars().count() as f32 / 12.0);
                Some((e.weight * factor * brevity, e))
            })
            .collect();
        sort_any(&mut scored, |a, b| b.0.total_cmp(&a.0).then_with(|| a.1.folded.cmp(&b.1.folded)));
        let mut out: Vec<Suggestion> = Vec::new();
        for (_, e) in scored {
            if !out.iter().any(|s| s.text == e.suggestion.text) {
                out.push(e.suggestion.clone());
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// Every entry: (text, item, weight), in the order added.
    pub fn entries(&self) -> impl Iterator<Item = (&str, Option<(ItemKind, &str)>, f32)> {
        self.entries.iter().map(|e| {
            let item = e.suggestion.kind.zip(e.suggestion.id.as_deref());
            (e.suggestion.text.as_str(), item, e.weight)
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
