//! 搜索即服务: one index over policies, cards, Q&A, notices and topics, with typo correction,
//! pinyin and initials, plain-language synonyms, suggestions, facets and highlighted snippets.
//!
//! `SearchIndex::build` once per library; `search` and `suggest` per keystroke.

mod documents;
pub mod facets;
mod index;
pub mod normalize;
pub mod pinyin;
pub mod protocol;
mod query;
mod reply_decode;
pub mod sharded;
mod source;
pub mod snippet;
pub mod suggest;
pub mod synonyms;
pub mod tables;
mod terms;
pub mod tokens;

pub use facets::{FacetFilters, FacetTable, FacetValue, Facets};
pub use snippet::Segment;
pub use suggest::Suggestion;
pub use synonyms::Expansion;

use crate::browse::sort_any;
use crate::issuers::IssuerNames;
use crate::library::Library;
use crate::types::*;
use documents::{body_texts, documents, Field};
use index::InvertedIndex;
use serde::{Deserialize, Serialize};
use source::{shown_score, Ranked};
use std::collections::HashMap;
use suggest::Suggester;
use synonyms::Synonyms;
use terms::Dictionary;

pub struct SearchIndex {
    index: InvertedIndex,
    dictionary: Dictionary,
    synonyms: Synonyms,
    suggester: Suggester,
    facets: FacetTable,
    /// Issuer variants merged into one facet value (see `crate::issuers`).
    pub(crate) issuers: IssuerNames,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    pub query: String,
    pub filters: FacetFilters,
    pub limit: usize,
    /// Search the words exactly as typed: no pinyin conversion or typo repair (the
    /// "仍搜索“…”" link). Synonyms still apply.
    pub exact: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Hit {
    pub kind: ItemKind,
    pub id: String,
    pub title: String,
    pub score: f32,
    /// 已废止 / 已修订 / 已失效 for policies that are no longer in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    pub snippet: Vec<Segment>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchResponse {
    pub query: String,
    /// The query actually searched when it was corrected or converted from pinyin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected: Option<String>,
    /// Everyday words searched as official terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expanded: Vec<Expansion>,
    /// Other readings of ambiguous pinyin initials ("您是不是要找").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    pub results: Vec<Hit>,
    /// Matches that pass the facet filters, before the limit. (Facet counts are over all
    /// matches, filtered or not, so the other values of a facet stay visible.)
    pub total: usize,
    pub facets: Facets,
}

/// Sizes, for benchmarks.
#[derive(Debug, Clone, Serialize)]
pub struct IndexStats {
    pub documents: usize,
    pub tokens: usize,
    pub postings: usize,
    pub terms: usize,
    pub suggestions: usize,
}

impl SearchIndex {
    pub fn build(lib: &Library) -> SearchIndex {
        let docs = documents(lib);
        let mut index = InvertedIndex::build(&docs);
        // The issuer facet lists one entry per issuer, variants merged.
        let issuers = IssuerNames::build(lib);
        for meta in &mut index.docs {
            if let Some(issuer) = &mut meta.issuer {
                *issuer = issuers.canonical(issuer).to_string();
            }
        }
        let synonyms = Synonyms::build(&lib.synonyms);
        let dictionary = build_dictionary(lib, &docs, &synonyms);
        let suggester = build_suggester(lib, &synonyms);
        let facets = FacetTable::build(index.docs.iter());
        SearchIndex { index, dictionary, synonyms, suggester, facets, issuers }
    }

    pub fn stats(&self) -> IndexStats {
        IndexStats {
            documents: self.index.docs.len(),
            tokens: self.index.token_count(),
            postings: self.index.posting_count(),
            terms: self.dictionary.len(),
            suggestions: self.suggester.len(),
        }
    }

    pub fn suggest(&self, input: &str, limit: usize) -> Vec<Suggestion> {
        self.suggester.suggest(input, limit)
    }

    pub fn search(&self, lib: &Library, request: &SearchRequest) -> SearchResponse {
        let Ranked { plan, scored, needles } = source::rank(&self.index, &self.dictionary, &self.synonyms, request);
        let facets = self.facets.count(lib, scored.iter().map(|(d, _)| *d));
        let limit = if request.limit == 0 { 20 } else { request.limit };
        // A filter link may name an issuer variant (made before the merge): look for its entry.
        let filters = match &request.filters.issuer {
            Some(issuer) => FacetFilters { issuer: Some(self.issuers.canonical(issuer).to_string()), ..request.filters.clone() },
            None => request.filters.clone(),
        };
        let (top, total) = source::filter_top(&scored, limit, |d| filters.matches(&self.index.docs[d as usize]));
        let results = top
            .into_iter()
            .map(|(d, score)| {
                let meta = &self.index.docs[d as usize];
                let texts = body_texts(lib, meta.kind, &meta.id);
                Hit {
                    kind: meta.kind,
                    id: meta.id.clone(),
                    title: meta.title.clone(),
                    score: shown_score(score),
                    status: meta.status.filter(|s| !s.is_current()).map(|s| s.label().to_string()),
                    snippet: snippet::snippet(&texts, &needles),
                }
            })
            .collect();
        SearchResponse {
            query: request.query.clone(),
            corrected: plan.corrected,
            expanded: plan.expansions,
            alternatives: plan.alternatives,
            results,
            total,
            facets,
        }
    }
}

/// Terms for pinyin and typo repair: the library's own words and phrases, weighted by where
/// and how often they occur, plus everyday words and official terms.
fn build_dictionary(lib: &Library, docs: &[documents::Document], synonyms: &Synonyms) -> Dictionary {
    let mut weights: HashMap<String, f32> = HashMap::new();
    let mut char_counts: HashMap<char, u32> = HashMap::new();
    let mut body_budget: usize = 400_000;
    for doc in docs {
        for (field, text) in &doc.fields {
            let (max_n, weight) = match field {
                Field::Title | Field::Alias => (6, 2.0),
                Field::Keywords => (4, 1.0),
                Field::Body if body_budget > 0 => (4, 0.34),
                Field::Body => continue,
            };
            if *field == Field::Body {
                body_budget = body_budget.saturating_sub(text.len());
            }
            for run in tokens::runs(text) {
                let tokens::Run::Han(chars) = run else { continue };
                for c in &chars {
                    *char_counts.entry(*c).or_default() += 1;
                }
                for n in 2..=max_n.min(chars.len()) {
                    for w in chars.windows(n) {
                        *weights.entry(w.iter().collect()).or_default() += weight;
                    }
                }
            }
        }
    }
    // Phrases seen once in body text are mostly accidents of adjacency; keep the repeated ones.
    weights.retain(|_, w| *w >= 0.99);
    let mut entries: Vec<(String, f32)> = weights.into_iter().collect();
    sort_any(&mut entries, |a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    entries.truncate(120_000);
    let curated = synonyms
        .pairs()
        .iter()
        .flat_map(|(alias, term)| [(alias.clone(), 6.0), (term.clone(), 8.0)])
        .chain(lib.taxonomy.themes.iter().chain(&lib.taxonomy.audiences).chain(&lib.taxonomy.regions).map(|t| (t.label.clone(), 8.0)));
    Dictionary::build(curated.chain(entries), &char_counts)
}

fn build_suggester(lib: &Library, synonyms: &Synonyms) -> Suggester {
    let mut s = Suggester::default();
    for q in &lib.qa {
        s.add(&q.question, Some((ItemKind::Qa, &q.id)), 50.0 + f32::from(q.hot.min(100)));
    }
    for c in &lib.cards {
        s.add(&c.title, Some((ItemKind::Card, &c.id)), 70.0);
    }
    for t in &lib.topics {
        s.add(&t.title, Some((ItemKind::Topic, &t.id)), 70.0);
    }
    for p in &lib.policies {
        let weight = if p.status.is_current() { 60.0 } else { 30.0 };
        s.add(&p.title, Some((ItemKind::Policy, &p.id)), weight);
    }
    for t in lib.taxonomy.themes.iter().chain(&lib.taxonomy.audiences) {
        s.add(&t.label, None, 90.0);
    }
    for (alias, term) in synonyms.pairs() {
        s.add(term, None, 80.0);
        s.add(alias, None, 40.0);
    }
    s
}
