//! The validator on real JSON files: a valid base library, and one broken fixture per error
//! class (`fixtures/broken/<class>/` holds only the files that differ from `fixtures/base/`).
//! Each test checks the report names file, entry and field, and that good entries still load.

use mingbai_core::{load_with, Diagnostic, LoadReport, Problem, Severity};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn load_case(case: Option<&str>) -> LoadReport {
    let base = fixtures().join("base");
    let over = case.map(|c| fixtures().join("broken").join(c));
    load_with("manifest.json", |name| {
        let overridden = over.as_ref().map(|dir| dir.join(name)).filter(|p| p.exists());
        std::fs::read_to_string(overridden.unwrap_or_else(|| base.join(name))).map_err(|_| "文件不存在".to_string())
    })
}

fn errors(report: &LoadReport) -> Vec<&Diagnostic> {
    report.errors().collect()
}

/// Finds the one error of a class, failing with the whole report when it isn't there.
fn the_error<'a>(report: &'a LoadReport, problem: Problem, file: &str) -> &'a Diagnostic {
    report
        .diagnostics
        .iter()
        .find(|d| d.is_error() && d.problem == problem && d.file == file)
        .unwrap_or_else(|| panic!("no {problem:?} in {file}; got:\n{}", dump(report)))
}

fn dump(report: &LoadReport) -> String {
    report.diagnostics.iter().map(|d| format!("  {d}\n")).collect()
}

#[test]
fn base_library_loads_without_errors() {
    let report = load_case(None);
    assert!(errors(&report).is_empty(), "{}", dump(&report));
    let lib = &report.library;
    assert_eq!((lib.policies.len(), lib.cards.len(), lib.qa.len(), lib.notices.len(), lib.topics.len()), (3, 2, 3, 3, 1));
    assert_eq!(lib.synonyms.len(), 2);
    // Shards are joined: notices come from two files.
    assert!(lib.notice("n-1").is_some() && lib.notice("n-3").is_some());
    // A card for a repealed policy is a warning, not an error.
    let warning = report.diagnostics.iter().find(|d| d.severity == Severity::Warning && d.entry.as_deref() == Some("card-old"));
    assert!(warning.is_some(), "{}", dump(&report));
}

#[test]
fn malformed_json_is_reported_with_position_and_other_files_still_load() {
    let report = load_case(Some("malformed-json"));
    let d = the_error(&report, Problem::MalformedJson, "qa.json");
    assert!(d.message.contains("不完整") && d.message.contains("行"), "{d}");
    assert!(report.library.qa.is_empty());
    assert_eq!(report.library.policies.len(), 3);
    assert_eq!(report.library.cards.len(), 2);
}

#[test]
fn wrong_type_names_entry_and_field_and_keeps_the_others() {
    let report = load_case(Some("wrong-type"));
    let d = the_error(&report, Problem::WrongType, "policies.json");
    assert_eq!(d.entry.as_deref(), Some("old-rule"));
    assert_eq!(d.path.as_deref(), Some("title"));
    assert!(d.message.contains("应为文本") && d.message.contains("数字"), "{d}");
    assert!(report.library.policy("old-rule").is_none());
    assert!(report.library.policy("plan-2024").is_some());
}

#[test]
fn missing_required_field_is_named() {
    let report = load_case(Some("missing-field"));
    let d = the_error(&report, Problem::MissingField, "cards.json");
    assert_eq!(d.entry.as_deref(), Some("card-2024"));
    assert_eq!(d.path.as_deref(), Some("policy_id"));
    assert!(report.library.card("card-old").is_some());
}

#[test]
fn duplicate_ids_across_shards_keep_the_first() {
    let report = load_case(Some("duplicate-id"));
    let d = the_error(&report, Problem::DuplicateId, "notices-2.json");
    assert_eq!(d.entry.as_deref(), Some("n-1"));
    assert!(d.message.contains("notices-1.json"), "{d}");
    assert_eq!(report.library.notice("n-1").map(|n| n.title.as_str()), Some("高校毕业生就业政策推送"));
    assert_eq!(report.library.notices.len(), 3);
}

#[test]
fn dangling_references_of_every_kind_are_reported_and_dropped() {
    let report = load_case(Some("dangling-reference"));
    let card = the_error(&report, Problem::DanglingReference, "cards.json");
    assert_eq!((card.entry.as_deref(), card.path.as_deref()), (Some("card-old"), Some("policy_id")));
    let qa = the_error(&report, Problem::DanglingReference, "qa.json");
    assert_eq!((qa.entry.as_deref(), qa.path.as_deref()), (Some("qa-2"), Some("policy_refs[0].section")));
    let notice = the_error(&report, Problem::DanglingReference, "notices-2.json");
    assert_eq!((notice.entry.as_deref(), notice.path.as_deref()), (Some("n-3"), Some("links[1]")));
    let topic = the_error(&report, Problem::DanglingReference, "topics.json");
    assert_eq!(topic.path.as_deref(), Some("items[4]"));
    let policy = the_error(&report, Problem::DanglingReference, "policies.json");
    assert_eq!((policy.entry.as_deref(), policy.path.as_deref()), (Some("old-rule"), Some("supersedes")));

    // The entries stay; only the broken references go.
    let lib = &report.library;
    assert!(lib.qa_entry("qa-2").is_some_and(|q| q.policy_refs.is_empty()));
    assert_eq!(lib.notice("n-3").map(|n| n.links.len()), Some(1));
    assert_eq!(lib.topic("graduate-jobs").map(|t| t.items.len()), Some(4));
    assert!(lib.policy("old-rule").is_some_and(|p| p.supersedes.is_none()));
}

#[test]
fn unknown_taxonomy_ids_are_reported_and_ignored() {
    let report = load_case(Some("unknown-taxonomy-id"));
    let d = the_error(&report, Problem::UnknownTaxonomyId, "qa.json");
    assert_eq!((d.entry.as_deref(), d.path.as_deref()), (Some("qa-1"), Some("themes[1]")));
    assert_eq!(report.library.qa_entry("qa-1").map(|q| q.themes.clone()), Some(vec!["employment".to_string()]));
}

#[test]
fn impossible_dates_are_errors() {
    let report = load_case(Some("impossible-date"));
    let found: Vec<(&str, &str)> = errors(&report)
        .iter()
        .filter(|d| d.problem == Problem::ImpossibleDate)
        .map(|d| (d.entry.as_deref().unwrap_or(""), d.path.as_deref().unwrap_or("")))
        .collect();
    assert!(found.contains(&("plan-2024", "published_date")), "{found:?}");
    assert!(found.contains(&("old-rule", "repealed_date")), "{found:?}");
    assert!(found.contains(&("repealed-no-date", "repealed_date")), "{found:?}");
    assert_eq!(report.library.policies.len(), 4, "date problems do not hide the policy");
}

#[test]
fn unknown_format_version_stops_loading_with_a_clear_message() {
    let report = load_case(Some("unknown-version"));
    let d = the_error(&report, Problem::UnknownVersion, "manifest.json");
    assert!(d.message.contains("不支持的格式版本 2"), "{d}");
    assert!(report.library.is_empty());
}

#[test]
fn a_missing_shard_is_reported_and_the_other_shard_loads() {
    let report = load_case(Some("missing-file"));
    let d = the_error(&report, Problem::MissingFile, "cards-2.json");
    assert!(d.message.contains("文件不存在"), "{d}");
    assert_eq!(report.library.cards.len(), 2);
}

#[test]
fn a_missing_manifest_is_reported() {
    let report = load_with("manifest.json", |_| Err("服务器返回 404".to_string()));
    let d = the_error(&report, Problem::MissingFile, "manifest.json");
    assert!(d.message.contains("404"), "{d}");
}

#[test]
fn wrong_shape_says_what_was_expected() {
    let report = load_case(Some("wrong-shape"));
    let d = the_error(&report, Problem::WrongShape, "topics.json");
    assert!(d.message.contains("数组") && d.message.contains("对象"), "{d}");
}

#[test]
fn invalid_enum_value_lists_the_allowed_values() {
    let report = load_case(Some("invalid-value"));
    let d = the_error(&report, Problem::InvalidValue, "policies.json");
    assert_eq!((d.entry.as_deref(), d.path.as_deref()), (Some("plan-2023"), Some("status")));
    assert!(d.message.contains("effective"), "{d}");
}

#[test]
fn diagnostics_print_file_entry_and_path_in_chinese() {
    let report = load_case(Some("missing-field"));
    let line = the_error(&report, Problem::MissingField, "cards.json").to_string();
    assert_eq!(line, "错误 cards.json › card-2024 › policy_id：缺少必填字段 policy_id");
}
