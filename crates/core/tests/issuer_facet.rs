//! The 发布机构 (issuer) filter lists one entry per issuer (issue #17): on the embedded library,
//! "槐荫区" and "槐荫区人民政府办公室" are one entry that finds both 槐荫 documents, on the
//! policy list (`Library::issuers`, `filtered_policies`) and in search facets alike. A library
//! may declare aliases in taxonomy.json (`issuers`), checked by the validator.

use mingbai_core::browse::PolicyFilter;
use mingbai_core::search::{FacetFilters, SearchIndex, SearchRequest};
use mingbai_core::{load_with, ItemKind, Library};
use std::collections::HashMap;
use std::path::PathBuf;

fn embedded() -> Library {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/library");
    let report = load_with("manifest.json", |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string()));
    report.library
}

fn ids(policies: Vec<&mingbai_core::Policy>) -> Vec<String> {
    let mut ids: Vec<String> = policies.into_iter().map(|p| p.id.clone()).collect();
    ids.sort();
    ids
}

#[test]
fn policy_list_filter_has_one_huaiyin_entry_finding_both_documents() {
    let lib = embedded();
    let issuers = lib.issuers();
    let huaiyin: Vec<&String> = issuers.iter().filter(|i| i.contains("槐荫")).collect();
    assert_eq!(huaiyin, [&"槐荫区".to_string()], "one 槐荫 entry: {issuers:?}");
    // The other districts keep their names as written (no shorter name of theirs is an issuer).
    assert!(issuers.contains(&"临淄区人民政府办公室".to_string()), "{issuers:?}");
    assert_eq!(issuers.len(), 4, "{issuers:?}");
    let filter = PolicyFilter::from_query(Some("槐荫区"), None, None, None);
    assert_eq!(ids(lib.filtered_policies(&filter)), ["huaiyin-2023-tasks", "huaiyin-2024"]);
    // A link made with the longer name (before the merge) finds the same two.
    let old = PolicyFilter::from_query(Some("槐荫区人民政府办公室"), None, None, None);
    assert_eq!(ids(lib.filtered_policies(&old)), ["huaiyin-2023-tasks", "huaiyin-2024"]);
    let counts: HashMap<String, usize> = lib.issuer_counts().into_iter().collect();
    assert_eq!(counts.get("槐荫区"), Some(&2));
}

#[test]
fn search_facet_has_one_huaiyin_entry_finding_both_documents() {
    let lib = embedded();
    let index = SearchIndex::build(&lib);
    let all = |issuer: Option<&str>| {
        let filters = FacetFilters { kind: Some(ItemKind::Policy), issuer: issuer.map(str::to_string), ..Default::default() };
        index.search(&lib, &SearchRequest { query: "政务公开".into(), limit: 20, filters, ..Default::default() })
    };
    let r = all(None);
    let huaiyin: Vec<_> = r.facets.issuer.iter().filter(|v| v.label.contains("槐荫")).collect();
    assert_eq!(huaiyin.len(), 1, "{:?}", r.facets.issuer);
    assert_eq!((huaiyin[0].value.as_str(), huaiyin[0].label.as_str(), huaiyin[0].count), ("槐荫区", "槐荫区", 2));
    for value in ["槐荫区", "槐荫区人民政府办公室"] {
        let mut found: Vec<String> = all(Some(value)).results.into_iter().map(|h| h.id).collect();
        found.sort();
        assert_eq!(found, ["huaiyin-2023-tasks", "huaiyin-2024"], "filter {value}");
    }
}

#[test]
fn declared_issuer_aliases_merge_and_are_validated() {
    let dir = std::env::temp_dir().join(format!("mingbai-issuers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let embedded = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/library");
    for name in ["manifest.json", "policies.json", "cards.json", "qa.json", "notices.json", "topics.json", "synonyms.json"] {
        std::fs::copy(embedded.join(name), dir.join(name)).unwrap();
    }
    let mut taxonomy: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(embedded.join("taxonomy.json")).unwrap()).unwrap();
    taxonomy["issuers"] = serde_json::json!([
        {"label": "历城区", "aliases": ["济南市历城区人民政府办公室"]},
        {"label": "天桥区", "aliases": ["济南市天桥区人民政府办公室", "济南市历城区人民政府办公室"]}
    ]);
    std::fs::write(dir.join("taxonomy.json"), taxonomy.to_string()).unwrap();
    let report = load_with("manifest.json", |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string()));
    let _ = std::fs::remove_dir_all(&dir);
    let lib = report.library;
    let issuers = lib.issuers();
    assert!(issuers.contains(&"历城区".to_string()) && issuers.contains(&"天桥区".to_string()), "{issuers:?}");
    assert!(!issuers.iter().any(|i| i.starts_with("济南市")), "{issuers:?}");
    let filter = PolicyFilter::from_query(Some("历城区"), None, None, None);
    assert_eq!(ids(lib.filtered_policies(&filter)), ["licheng-2025"]);
    // The name declared twice is reported, and stays with the first issuer.
    let warnings: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(warnings.iter().any(|w| w.contains("济南市历城区人民政府办公室") && w.contains("同时属于")), "{warnings:?}");
}
