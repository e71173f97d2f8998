//! The search query path (normalisation, pinyin, typo repair, synonyms, facets, snippets,
//! suggestions) with arbitrary queries against the embedded library.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mingbai_core::search::{SearchIndex, SearchRequest};
use mingbai_core::Library;
use std::sync::OnceLock;

fn library() -> &'static (Library, SearchIndex) {
    static LIB: OnceLock<(Library, SearchIndex)> = OnceLock::new();
    LIB.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/library");
        let report = mingbai_core::load_with("manifest.json", |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string()));
        let index = SearchIndex::build(&report.library);
        (report.library, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let (lib, index) = library();
    let (flags, rest) = data.split_first().unwrap_or((&0, &[]));
    let text = String::from_utf8_lossy(rest);
    // Facet values come from the query text too (after a 0x00 byte... or not at all).
    let (query, facet) = text.split_once('\u{0}').unwrap_or((&text, ""));
    let mut request = SearchRequest { query: query.to_string(), limit: (*flags as usize) % 40, exact: flags & 0x80 != 0, ..Default::default() };
    if flags & 0x40 != 0 {
        request.filters.kind = mingbai_core::search::facets::kind_from(facet);
        request.filters.status = mingbai_core::search::facets::status_from(facet);
        request.filters.theme = Some(facet.to_string());
        request.filters.year = facet.parse().ok();
    }
    let response = index.search(lib, &request);
    let _ = response.results.len();
    let _ = index.suggest(query, (*flags as usize) % 12);
});
