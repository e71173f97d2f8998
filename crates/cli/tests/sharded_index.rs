//! The sharded index answers exactly as the in-memory index: for every query of
//! `tests/search-queries/*.tsv` (embedded library, and the generated 1,000-entry library), with
//! and without a facet filter, the results (kind, id, title, score, status), total, correction,
//! expansions, alternatives and facets are equal. (Snippets may differ: the sharded index keeps
//! only the first 160 characters of each document's text as snippet source.) Since the results
//! are the same, the recall bars of `search_recall` hold through the sharded path too.

#[path = "../src/generate.rs"]
#[allow(dead_code)]
mod generate;

use mingbai_core::search::sharded::{build_index, IndexHead, Step};
use mingbai_core::search::{FacetFilters, SearchIndex, SearchRequest, SearchResponse};
use mingbai_core::{load_with, Library};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn load_dir(dir: &Path) -> Library {
    let report = load_with("manifest.json", |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string()));
    assert!(!report.has_errors(), "{}", dir.display());
    report.library
}

fn queries(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo(&format!("tests/search-queries/{file}"))).expect("query file");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("category\t"))
        .filter_map(|l| l.split('\t').nth(1).map(str::to_string))
        .collect()
}

fn sharded(head: &mut IndexHead, files: &HashMap<String, Vec<u8>>, request: &SearchRequest) -> (SearchResponse, usize) {
    for round in 1.. {
        match head.plan(request) {
            Step::Done(response) => return (response, round),
            Step::Need(chunks) => {
                assert!(!chunks.is_empty(), "a Need names chunks");
                for name in chunks {
                    let bytes = files.get(&name).unwrap_or_else(|| panic!("plan asked for {name}, which was not written"));
                    head.add_chunk(&name, bytes).unwrap_or_else(|e| panic!("{e}"));
                }
            }
        }
        assert!(round < 20, "{:?}: too many rounds", request.query);
    }
    unreachable!()
}

fn summary(r: &SearchResponse) -> String {
    let hits: Vec<String> = r.results.iter().map(|h| format!("{}:{} {} {} {:?}", h.kind.as_str(), h.id, h.title, h.score, h.status)).collect();
    format!(
        "corrected={:?} expanded={:?} alternatives={:?} total={}\n{}\nfacets={:?}",
        r.corrected, r.expanded, r.alternatives, r.total, hits.join("\n"), r.facets
    )
}

fn compare(name: &str, lib: &Library, queries: &[String]) {
    let index = SearchIndex::build(lib);
    let built = build_index(lib);
    let files: HashMap<String, Vec<u8>> = built.files.into_iter().collect();
    let theme = lib.taxonomy.themes.first().map(|t| t.id.clone());
    let mut rounds = Vec::new();
    // One head for all queries, as in a session (chunks accumulate), and a fresh one per query.
    let mut shared = IndexHead::parse(&files["head.json"]).expect("head parses");
    for (i, query) in queries.iter().enumerate() {
        let filters = if i % 4 == 3 { FacetFilters { theme: theme.clone(), ..Default::default() } } else { FacetFilters::default() };
        let request = SearchRequest { query: query.clone(), limit: 10, filters, ..Default::default() };
        let expected = summary(&index.search(lib, &request));
        let mut fresh = IndexHead::parse(&files["head.json"]).expect("head parses");
        let (response, n) = sharded(&mut fresh, &files, &request);
        rounds.push(n);
        assert_eq!(summary(&response), expected, "{name}: {query:?} (fresh head)");
        let (response, _) = sharded(&mut shared, &files, &request);
        assert_eq!(summary(&response), expected, "{name}: {query:?} (shared head)");
    }
    rounds.sort();
    eprintln!("{name}: {} queries equal; rounds p50 {} max {}", queries.len(), rounds[rounds.len() / 2], rounds[rounds.len() - 1]);
}

#[test]
fn sharded_index_answers_as_the_in_memory_index() {
    let embedded = load_dir(&repo("../../public/library"));
    compare("embedded", &embedded, &queries("embedded.tsv"));

    let dir = std::env::temp_dir().join(format!("mingbai-sharded-{}-{}", generate::GENERATOR_VERSION, std::process::id()));
    let generated = generate::generate(1000, generate::DEFAULT_SEED);
    generate::write(&generated, &dir).expect("write the generated library");
    let library = load_dir(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    compare("generated-1k", &library, &queries("generated.tsv"));
}

#[test]
fn the_index_is_deterministic_and_chunks_are_checked() {
    let embedded = load_dir(&repo("../../public/library"));
    let a = build_index(&embedded).files;
    let b = build_index(&embedded).files;
    assert!(a == b, "two builds differ");
    let files: HashMap<String, Vec<u8>> = a.into_iter().collect();
    let mut head = IndexHead::parse(&files["head.json"]).expect("head parses");
    assert!(IndexHead::parse(b"{}").is_err());
    assert!(head.add_chunk("p-0.json", b"{\"x\":[999999,2]}").is_err(), "document numbers beyond the index are refused");
    assert!(head.add_chunk("zz.json", b"[]").is_err());
    assert!(head.add_chunk("p-0.json", b"not json").is_err());
    assert!(!head.suggest("di", 5).is_empty() || !head.suggest("低", 5).is_empty());
    // A chunk that cannot be had is skipped; the search still answers.
    let request = SearchRequest { query: "低保".into(), limit: 5, ..Default::default() };
    for _ in 0..20 {
        match head.plan(&request) {
            Step::Done(_) => return,
            Step::Need(chunks) => chunks.iter().for_each(|c| head.skip_chunk(c)),
        }
    }
    panic!("skipping every chunk must still end in an answer");
}

#[test]
fn sharded_issuer_filter_merges_variants_as_the_in_memory_index_does() {
    // 槐荫区 and 槐荫区人民政府办公室 are one facet entry (crates/core/src/issuers.rs); a filter
    // naming either finds both 槐荫 documents through the sharded index too.
    let embedded = load_dir(&repo("../../public/library"));
    let index = SearchIndex::build(&embedded);
    let files: HashMap<String, Vec<u8>> = build_index(&embedded).files.into_iter().collect();
    for issuer in ["槐荫区", "槐荫区人民政府办公室"] {
        let filters = FacetFilters { issuer: Some(issuer.to_string()), ..Default::default() };
        let request = SearchRequest { query: "政务公开".into(), limit: 10, filters, ..Default::default() };
        let expected = index.search(&embedded, &request);
        let mut ids: Vec<&str> = expected.results.iter().map(|h| h.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["huaiyin-2023-tasks", "huaiyin-2024"], "{issuer}");
        let mut head = IndexHead::parse(&files["head.json"]).expect("head parses");
        let (response, _) = sharded(&mut head, &files, &request);
        assert_eq!(summary(&response), summary(&expected), "{issuer}");
    }
}
