//! What ranking reads, whichever way the index is held: the in-memory `InvertedIndex`, or the
//! sharded index (`sharded::IndexHead`) with the chunks loaded so far. Both run the same
//! planning and scoring code below, so they rank alike.

use super::index::squeeze;
use super::query::{self, Plan};
use super::synonyms::Synonyms;
use super::terms::Dictionary;
use super::SearchRequest;
use crate::browse::sort_any;

/// Per-posting weights are stored as fixed-point numbers with this many steps per unit, so the
/// in-memory and the sharded index score with the very same values.
pub const WEIGHT_SCALE: f32 = 5000.0;

/// One document holding a token: its BM25 term weight (saturated term frequency, length
/// normalised, times the document's popularity/freshness/validity boost), fixed-point, with the
/// lowest bit telling whether the token is in the document's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub code: u16,
}

impl Posting {
    pub fn weight(self) -> f32 {
        f32::from(self.code >> 1) / WEIGHT_SCALE
    }
    pub fn in_title(self) -> bool {
        self.code & 1 == 1
    }
}

/// The stored code of a weight and title flag.
pub fn encode_weight(weight: f32, in_title: bool) -> u16 {
    let steps = (weight * WEIGHT_SCALE).round().clamp(1.0, 32_767.0) as u16;
    (steps << 1) | u16::from(in_title)
}

pub trait Source {
    fn doc_count(&self) -> usize;
    /// The documents holding `token`, by document number (empty when none, or not loaded).
    fn postings(&self, token: &str) -> &[Posting];
    fn document_frequency(&self, token: &str) -> usize {
        self.postings(token).len()
    }
    /// The policy whose 文号 the (normalised) query names, if any.
    fn doc_number_match(&self, query: &str) -> Option<u32>;
    /// Documents whose title, squeezed (`squeeze`), is exactly `squeezed`.
    fn titled(&self, squeezed: &str) -> &[u32];
}

/// Per-document score accumulators, dense so scoring a posting is an array write:
/// (score, matched tokens, matched tokens in the title).
pub struct Scores {
    pub values: Vec<(f32, u32, u32)>,
    pub touched: Vec<u32>,
}

impl Scores {
    pub fn new(documents: usize) -> Scores {
        Scores { values: vec![(0.0, 0, 0); documents], touched: Vec::new() }
    }
    pub fn get(&self, doc: u32) -> (f32, u32) {
        let v = self.values[doc as usize];
        (v.0, v.1)
    }
}

/// Adds each token's BM25 contribution to `scores` and counts matched tokens per document.
/// `boost` weighs a token group (original query 1.0, synonym expansions less).
pub fn score_into<S: Source + ?Sized>(source: &S, tokens: &[String], boost: f32, scores: &mut Scores) {
    let n = source.doc_count() as f32;
    for token in tokens {
        let postings = source.postings(token);
        if postings.is_empty() {
            continue;
        }
        let df = postings.len() as f32;
        let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
        for p in postings {
            let Some(entry) = scores.values.get_mut(p.doc as usize) else { continue };
            if entry.1 == 0 {
                scores.touched.push(p.doc);
            }
            entry.0 += idf * p.weight() * boost;
            entry.1 += 1;
            entry.2 += u32::from(p.in_title());
        }
    }
}

/// A query planned and every matching document scored.
pub struct Ranked {
    pub plan: Plan,
    /// (document, score) of every match, unordered: `filter_top` picks what is shown, in the
    /// order of `ranks_before`.
    pub scored: Vec<(u32, f32)>,
    /// What snippets highlight: the query's tokens and its expansions'.
    pub needles: Vec<String>,
}

pub fn rank<S: Source + ?Sized>(source: &S, dictionary: &Dictionary, synonyms: &Synonyms, request: &SearchRequest) -> Ranked {
    let plan = query::plan(request.query.as_str(), request.exact, source, dictionary, synonyms);
    let documents = source.doc_count();
    let mut main = Scores::new(documents);
    score_into(source, &plan.tokens, 1.0, &mut main);
    let mut extra = Scores::new(documents);
    for (tokens, weight) in &plan.expansion_tokens {
        score_into(source, tokens, *weight, &mut extra);
    }
    // A document must match enough of the query to count: half of a short query's pairs, a
    // third of a long question's, or half of an extra group's. If nothing does, any match
    // counts: a weak answer beats an empty page.
    // Pairs the library never uses cannot be matched by any document: only known ones count.
    let n = plan.tokens.iter().filter(|t| source.document_frequency(t) > 0).count();
    let need_main = if n <= 2 { 1 } else if n <= 6 { n.div_ceil(2) } else { n.div_ceil(3) } as u32;
    let need_extra = plan.expansion_tokens.iter().map(|(t, _)| t.len().div_ceil(2).max(1)).min().unwrap_or(1) as u32;
    // Every document either group touched, once.
    let mut candidates = main.touched.clone();
    candidates.extend(extra.touched.iter().filter(|d| main.get(**d).1 == 0));
    let pick = |need_main: u32, need_extra: u32| -> Vec<(u32, f32)> {
        candidates
            .iter()
            .filter_map(|doc| {
                let (ms, mc) = main.get(*doc);
                let (es, ec) = extra.get(*doc);
                (mc >= need_main || (ec >= need_extra && ec > 0)).then_some((*doc, ms + es))
            })
            .collect()
    };
    let mut scored = pick(need_main, need_extra);
    if scored.is_empty() {
        scored = pick(1, 1);
    }
    if !plan.boost_tokens.is_empty() {
        let mut boost = Scores::new(documents);
        for (tokens, weight) in &plan.boost_tokens {
            score_into(source, tokens, *weight, &mut boost);
        }
        for (doc, score) in scored.iter_mut() {
            *score += boost.get(*doc).0;
        }
    }
    let searched_squeezed = squeeze(&plan.searched);
    let exact_titles: &[u32] = if searched_squeezed.is_empty() { &[] } else { source.titled(&searched_squeezed) };
    if let Some(pinned) = plan.pinned {
        scored.retain(|(d, _)| *d != pinned);
        scored.push((pinned, f32::MAX / 4.0));
    }
    let needles_in_query = plan.title_needles.len();
    for (doc, score) in scored.iter_mut() {
        if *score < f32::MAX / 8.0 {
            let in_title = main.values[*doc as usize].2;
            *score *= title_boost(exact_titles.contains(doc), in_title as usize, needles_in_query);
        }
    }
    let needles = plan
        .tokens
        .iter()
        .chain(plan.expansion_tokens.iter().chain(&plan.boost_tokens).flat_map(|(t, _)| t))
        .cloned()
        .collect();
    Ranked { plan, scored, needles }
}

/// Whether `a` is listed before `b`: higher score first, then lower document number (a total
/// order: document numbers are unique).
fn ranks_before(a: (u32, f32), b: (u32, f32)) -> bool {
    b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)).is_lt()
}

/// The best `limit` of `scored` that pass `keep`, best first, and how many pass in all (the
/// total shown). Keeps a sorted list of at most `limit` instead of sorting every match: most
/// matches are refused by one comparison with the last kept.
pub fn filter_top(scored: &[(u32, f32)], limit: usize, keep: impl Fn(u32) -> bool) -> (Vec<(u32, f32)>, usize) {
    if limit > 64 {
        // Later pages: inserting into a long list could cost more than one sort.
        let mut kept: Vec<(u32, f32)> = scored.iter().filter(|(d, _)| keep(*d)).copied().collect();
        let total = kept.len();
        sort_any(&mut kept, |a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        kept.truncate(limit);
        return (kept, total);
    }
    let mut top: Vec<(u32, f32)> = Vec::with_capacity(limit.min(scored.len()) + 1);
    let mut total = 0;
    for &hit in scored {
        if !keep(hit.0) {
            continue;
        }
        total += 1;
        if top.len() == limit && top.last().is_none_or(|last| !ranks_before(hit, *last)) {
            continue;
        }
        let at = top.partition_point(|kept| ranks_before(*kept, hit));
        top.insert(at, hit);
        top.truncate(limit);
    }
    (top, total)
}

/// Title likeness, multiplied onto relevance (popularity, freshness and validity are already in
/// the posting weights). The exact title typed: this is the item.
fn title_boost(exact_title: bool, in_title: usize, needles: usize) -> f32 {
    if exact_title {
        return 20.0;
    }
    let share = if needles == 0 { 0.0 } else { in_title.min(needles) as f32 / needles as f32 };
    let exact = if needles > 0 && share >= 1.0 { 1.5 } else { 1.0 };
    (1.0 + 2.0 * share * share) * exact
}

/// The score as shown: rounded to three decimals (and pinned results kept finite).
pub fn shown_score(score: f32) -> f32 {
    (score.min(1.0e6) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_top_is_the_head_of_the_full_order() {
        // Scores with many ties, documents in a scrambled order.
        let scored: Vec<(u32, f32)> = (0..3000u32).map(|i| ((i * 7919) % 3000, ((i * 31) % 17) as f32 * 0.5)).collect();
        let keep = |d: u32| d % 3 != 0;
        let mut full: Vec<(u32, f32)> = scored.iter().filter(|(d, _)| keep(*d)).copied().collect();
        sort_any(&mut full, |a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for limit in [0, 1, 5, 20, 64, 65, 500, 5000] {
            let (top, total) = filter_top(&scored, limit, keep);
            assert_eq!(total, full.len());
            assert_eq!(top, full[..limit.min(full.len())], "limit {limit}");
        }
    }
}
