//! The search engine's promises, one test each, on the embedded library (real JSON files).
//! Recall over a large query set lives in crates/cli/tests/search_recall.rs.

use mingbai_core::search::{FacetFilters, SearchIndex, SearchRequest, SearchResponse};
use mingbai_core::{load_with, ItemKind, Library};
use std::sync::OnceLock;

fn engine() -> &'static (Library, SearchIndex) {
    static ENGINE: OnceLock<(Library, SearchIndex)> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/library");
        let report = load_with("manifest.json", |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string()));
        let index = SearchIndex::build(&report.library);
        (report.library, index)
    })
}

fn search(query: &str) -> SearchResponse {
    let (lib, index) = engine();
    index.search(lib, &SearchRequest { query: query.into(), limit: 5, ..Default::default() })
}

fn top_ids(response: &SearchResponse) -> Vec<&str> {
    response.results.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn homophone_typo_is_corrected_and_said() {
    let r = search("低报");
    assert_eq!(r.corrected.as_deref(), Some("低保"));
    assert!(!r.results.is_empty());
}

#[test]
fn exact_mode_searches_the_words_as_typed() {
    let (lib, index) = engine();
    let r = index.search(lib, &SearchRequest { query: "低报".into(), limit: 5, exact: true, ..Default::default() });
    assert_eq!(r.corrected, None);
}

#[test]
fn full_pinyin_and_mixed_input_become_chinese() {
    assert_eq!(search("yanglaobaoxian").corrected.as_deref(), Some("养老保险"));
    assert_eq!(search("yang lao bao xian").corrected.as_deref(), Some("养老保险"));
    assert_eq!(search("养老bx").corrected.as_deref(), Some("养老保险"));
}

#[test]
fn ambiguous_initials_offer_the_other_readings() {
    let r = search("ylbx");
    let mut all: Vec<String> = r.alternatives.clone();
    all.extend(r.corrected.clone());
    assert!(all.iter().any(|t| t == "养老保险"), "{all:?}");
}

#[test]
fn a_doc_number_however_typed_puts_that_policy_first() {
    for q in ["槐政办发〔2024〕2号", "槐政办发2024 2号", "槐政办发[2024]2", "济历城政办字2025年13号"] {
        let r = search(q);
        let want = if q.starts_with('槐') { "huaiyin-2024" } else { "licheng-2025" };
        assert_eq!(top_ids(&r).first().copied(), Some(want), "{q}");
    }
}

#[test]
fn colloquial_words_expand_to_official_terms() {
    let r = search("社保");
    assert!(r.expanded.iter().any(|e| e.from == "社保" && e.to == "社会保险"), "{:?}", r.expanded);
}

#[test]
fn facets_count_and_narrow() {
    let (lib, index) = engine();
    let all = search("政务公开专区");
    let qa_count = all.facets.kind.iter().find(|f| f.value == "qa").map(|f| f.count).unwrap_or(0);
    assert!(qa_count > 0);
    let filters = FacetFilters { kind: Some(ItemKind::Qa), ..Default::default() };
    let narrowed = index.search(lib, &SearchRequest { query: "政务公开专区".into(), filters, limit: 50, ..Default::default() });
    assert_eq!(narrowed.results.len(), qa_count.min(50));
    assert!(narrowed.results.iter().all(|h| h.kind == ItemKind::Qa));
}

#[test]
fn the_total_counts_what_the_filters_leave_and_facets_count_every_match() {
    let (lib, index) = engine();
    let all = index.search(lib, &SearchRequest { query: "政务公开".into(), limit: 3, ..Default::default() });
    let kinds: usize = all.facets.kind.iter().map(|f| f.count).sum();
    assert_eq!(all.total, kinds, "without filters the total is every match");
    let qa_count = all.facets.kind.iter().find(|f| f.value == "qa").map(|f| f.count).unwrap_or(0);
    assert!(qa_count > 0 && qa_count < all.total, "some but not all matches are Q&A: {qa_count} of {}", all.total);
    let filters = FacetFilters { kind: Some(ItemKind::Qa), ..Default::default() };
    let narrowed = index.search(lib, &SearchRequest { query: "政务公开".into(), filters, limit: 3, ..Default::default() });
    assert_eq!(narrowed.total, qa_count, "the total is the Q&A matches, not all matches");
    assert_eq!(narrowed.results.len(), qa_count.min(3));
    assert_eq!(narrowed.facets, all.facets, "facets still count every match, so other types stay visible");
    // Filters that leave nothing: total 0, while the facets still show what there is.
    let filters = FacetFilters { kind: Some(ItemKind::Qa), year: Some(1900), ..Default::default() };
    let none = index.search(lib, &SearchRequest { query: "政务公开".into(), filters, limit: 3, ..Default::default() });
    assert_eq!((none.total, none.results.len()), (0, 0));
    assert_eq!(none.facets, all.facets);
}

#[test]
fn snippets_mark_the_matched_words() {
    let r = search("依申请公开");
    assert!(r.results.iter().any(|h| h.snippet.iter().any(|s| s.hit)));
}

#[test]
fn suggestions_understand_pinyin_and_initials() {
    let (_, index) = engine();
    for typed in ["zhengwu", "zwgk", "政务"] {
        let s = index.suggest(typed, 8);
        assert!(s.iter().any(|x| x.text.contains("政务")), "{typed}: {s:?}");
    }
}

#[test]
fn nothing_typed_or_garbage_never_panics() {
    for q in ["", " ", "？？？", "\u{202e}", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", &"长".repeat(5000)] {
        let _ = search(q);
        let _ = engine().1.suggest(q, 8);
    }
}
