//! Loading only some kinds (the app's first screen) must not report references into kinds that
//! are not loaded yet, and must report them once everything is loaded.

use mingbai_core::{parse_manifest, FileRole, LibraryBuilder, Problem, FIRST_SCREEN};
use std::path::Path;

const EMBEDDED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/library");

fn build(roles: &[FileRole], edit: impl Fn(FileRole, String) -> String) -> mingbai_core::LoadReport {
    let read = |f: &str| std::fs::read_to_string(Path::new(EMBEDDED).join(f)).unwrap();
    let manifest = parse_manifest("manifest.json", &read("manifest.json")).unwrap();
    let mut builder = LibraryBuilder::new(manifest).only(roles);
    for (role, file) in builder.planned_files() {
        if roles.contains(&role) {
            let text = edit(role, read(&file));
            builder.add_text(role, &file, &text);
        }
    }
    builder.finish()
}

fn dangling(report: &mingbai_core::LoadReport) -> Vec<String> {
    report.diagnostics.iter().filter(|d| d.problem == Problem::DanglingReference).map(|d| d.to_string()).collect()
}

#[test]
fn first_screen_kinds_load_without_false_dangling_references() {
    let report = build(&FIRST_SCREEN, |_, t| t);
    assert!(!report.has_errors(), "{:?}", report.errors().collect::<Vec<_>>());
    assert!(report.library.policies.is_empty());
    assert!(!report.library.cards.is_empty() && !report.library.qa.is_empty() && !report.library.notices.is_empty());
    // References into policies are kept (unchecked) until policies load.
    let with_refs = report.library.qa.iter().filter(|q| !q.policy_refs.is_empty()).count();
    assert!(with_refs > 0);
    let topic_links: usize = report.library.topics.iter().map(|t| t.items.len()).sum();
    let full = build(&FileRole::ALL, |_, t| t);
    assert_eq!(topic_links, full.library.topics.iter().map(|t| t.items.len()).sum::<usize>());
    assert_eq!(report.library.qa, full.library.qa);
}

#[test]
fn real_dangling_references_are_reported_once_both_sides_are_loaded() {
    let break_card = |role: FileRole, text: String| {
        if role != FileRole::Cards {
            return text;
        }
        let mut cards: serde_json::Value = serde_json::from_str(&text).unwrap();
        cards[0]["policy_id"] = "no-such-policy".into();
        serde_json::to_string(&cards).unwrap()
    };
    assert!(dangling(&build(&FIRST_SCREEN, break_card)).is_empty());
    let full = dangling(&build(&FileRole::ALL, break_card));
    assert_eq!(full.len(), 1, "{full:?}");
    assert!(full[0].contains("no-such-policy"));
}

#[test]
fn links_between_loaded_kinds_are_still_checked() {
    let break_topic = |role: FileRole, text: String| {
        if role != FileRole::Topics {
            return text;
        }
        let mut topics: serde_json::Value = serde_json::from_str(&text).unwrap();
        topics[0]["items"].as_array_mut().unwrap().push(serde_json::json!({"kind":"qa","id":"no-such-question"}));
        serde_json::to_string(&topics).unwrap()
    };
    let found = dangling(&build(&FIRST_SCREEN, break_topic));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("no-such-question"));
}

#[test]
fn the_budget_script_lists_the_same_first_screen_kinds() {
    let script = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/first-screen-data.mjs")).unwrap();
    let keys: Vec<String> = FIRST_SCREEN.iter().map(|r| format!("'{}'", r.key())).collect();
    let line = format!("export const FIRST_SCREEN_KINDS = [{}];", keys.join(", "));
    assert!(script.contains(&line), "scripts/first-screen-data.mjs must say: {line}");
}
