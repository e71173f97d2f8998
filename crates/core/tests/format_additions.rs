//! The optional v1 additions on Q&A and cards: `expires`, `scope`, `regions`, and `department`
//! on Q&A. They load, serialise as documented, and are validated (regions must be taxonomy ids,
//! a card cannot expire before it is published, scope is one of four values), while entries
//! without them load exactly as before.

use mingbai_core::{load_with, LoadReport, Problem, Scope};
use std::collections::HashMap;

fn load(files: &[(&str, &str)]) -> LoadReport {
    let files: HashMap<&str, &str> = files.iter().copied().collect();
    load_with("manifest.json", |name| files.get(name).map(|t| t.to_string()).ok_or_else(|| "文件不存在".to_string()))
}

const MANIFEST: &str = r#"{"format":"mingbai-library","version":1,"name":"测试","files":{"policies":"policies.json","cards":"cards.json","qa":"qa.json","taxonomy":"taxonomy.json"}}"#;
const POLICIES: &str = r#"[{"id":"p","title":"政策","issuer":"区政府","status":"effective","published_date":"2024-01-01"}]"#;
const TAXONOMY: &str = r#"{"regions":[{"id":"east","label":"东街道"}]}"#;

#[test]
fn the_additions_load_validate_and_serialise() {
    let qa = r#"[
      {"id":"a","question":"问","answer":["答"],"updated":"2024-06-30","department":"区民政局","expires":"2025-06-30","scope":"county","regions":["east"]},
      {"id":"b","question":"问二","answer":["答"],"updated":"2024-06-30","regions":["west"]},
      {"id":"c","question":"问三","answer":["答"],"updated":"2024-06-30","scope":"village"},
      {"id":"d","question":"问四","answer":["答"],"updated":"2024-06-30"}
    ]"#;
    let cards = r#"[
      {"id":"k","policy_id":"p","title":"卡","published_date":"2024-06-01","expires":"2024-05-01","scope":"province","regions":["east"]}
    ]"#;
    let report = load(&[("manifest.json", MANIFEST), ("policies.json", POLICIES), ("qa.json", qa), ("cards.json", cards), ("taxonomy.json", TAXONOMY)]);
    let lib = &report.library;
    let a = lib.qa_entry("a").unwrap();
    assert_eq!(a.department.as_deref(), Some("区民政局"));
    assert_eq!(a.scope, Some(Scope::County));
    assert_eq!(a.scope.unwrap().label(), "区县");
    assert_eq!(a.regions, ["east"]);
    assert_eq!(a.expires.as_ref().unwrap().as_str(), "2025-06-30");
    let json = serde_json::to_value(a).unwrap();
    assert_eq!(json["scope"], "county");
    // Without the additions nothing new is written.
    let d = serde_json::to_value(lib.qa_entry("d").unwrap()).unwrap();
    for field in ["department", "expires", "scope", "regions"] {
        assert!(d.get(field).is_none(), "{field}");
    }
    // An unknown region is reported and dropped; the entry stays.
    let b = report.diagnostics.iter().find(|x| x.entry.as_deref() == Some("b")).expect("b reported");
    assert_eq!(b.problem, Problem::UnknownTaxonomyId);
    assert_eq!(b.path.as_deref(), Some("regions[0]"));
    assert!(lib.qa_entry("b").unwrap().regions.is_empty());
    // An unknown scope is an invalid entry (like any unknown enum value); the others still load.
    assert!(report.diagnostics.iter().any(|x| x.is_error() && x.entry.as_deref() == Some("c") && x.path.as_deref() == Some("scope")), "{:?}", report.diagnostics);
    assert_eq!(lib.qa.len(), 3);
    // A card that expires before it is published.
    let k = report.diagnostics.iter().find(|x| x.entry.as_deref() == Some("k")).expect("k reported");
    assert_eq!(k.problem, Problem::ImpossibleDate);
    assert_eq!(k.path.as_deref(), Some("expires"));
    assert_eq!(lib.card("k").unwrap().scope, Some(Scope::Province));
}
