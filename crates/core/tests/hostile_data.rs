//! Hostile libraries: huge files, huge titles, deep nesting, direction overrides and control
//! characters, script URLs, duplicate ids across shards. The loader never panics, keeps every
//! valid entry and names the rest.

use mingbai_core::browse::safe_href;
use mingbai_core::links::{classify_link, UnsafeLink};
use mingbai_core::{load_with, LoadReport, Problem, MAX_FILE_BYTES};
use serde_json::json;
use std::collections::HashMap;
use std::path::Path;

const MANIFEST: &str = "manifest.json";

fn manifest(files: serde_json::Value) -> String {
    json!({"format": "mingbai-library", "version": 1, "name": "恶意数据测试库", "files": files}).to_string()
}

fn notice(id: &str, title: &str) -> serde_json::Value {
    json!({"id": id, "title": title, "body": ["正文"], "published": "2024-07-01"})
}

fn policy(id: &str, extra: serde_json::Value) -> serde_json::Value {
    let mut p = json!({"id": id, "title": format!("政策{id}"), "issuer": "区政府", "status": "effective",
        "published_date": "2024-05-01", "sections": [{"id": "s1", "heading": "一、总则", "paragraphs": ["正文"]}]});
    if let (Some(o), serde_json::Value::Object(e)) = (p.as_object_mut(), extra) {
        o.extend(e);
    }
    p
}

fn load(files: &HashMap<&str, String>) -> LoadReport {
    load_with(MANIFEST, |name| files.get(name).cloned().ok_or_else(|| "文件不存在".to_string()))
}

fn errors_of(report: &LoadReport, problem: Problem) -> Vec<String> {
    report.errors().filter(|d| d.problem == problem).map(|d| d.to_string()).collect()
}

/// A notices file of about `bytes` bytes of valid entries, written straight to disk.
fn write_big_notices(path: &Path, bytes: usize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let filler = "通知正文内容，".repeat(200);
    out.write_all(b"[").unwrap();
    let mut written = 1;
    let mut i = 0;
    while written < bytes {
        let entry = json!({"id": format!("big-{i}"), "title": format!("大量通知{i}"), "body": [filler], "published": "2024-07-01"})
            .to_string();
        if i > 0 {
            out.write_all(b",").unwrap();
            written += 1;
        }
        out.write_all(entry.as_bytes()).unwrap();
        written += entry.len();
        i += 1;
    }
    out.write_all(b"]").unwrap();
}

#[test]
fn a_50_mb_file_is_skipped_with_its_size_and_the_rest_loads() {
    let dir = std::env::temp_dir().join(format!("mingbai-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("notices-big.json");
    write_big_notices(&big, 50 * 1024 * 1024);
    let small = serde_json::to_string(&vec![notice("ok-1", "正常通知")]).unwrap();
    std::fs::write(dir.join("notices-small.json"), small).unwrap();
    std::fs::write(dir.join(MANIFEST), manifest(json!({"notices": ["notices-big.json", "notices-small.json"]}))).unwrap();

    let report = load_with(MANIFEST, |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string()));
    let _ = std::fs::remove_dir_all(&dir);

    let ids: Vec<&str> = report.library.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["ok-1"], "the valid shard still loads");
    let too_large = errors_of(&report, Problem::TooLarge);
    assert_eq!(too_large.len(), 1, "{:?}", report.diagnostics);
    assert!(too_large[0].contains("notices-big.json"), "{}", too_large[0]);
    assert!(too_large[0].contains("文件过大（50.0 MB）"), "{}", too_large[0]);
    assert!(too_large[0].contains(&format!("{} MB 的上限", MAX_FILE_BYTES / 1024 / 1024)), "{}", too_large[0]);
}

#[test]
fn a_large_file_under_the_limit_loads_completely() {
    let dir = std::env::temp_dir().join(format!("mingbai-hostile-ok-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("notices.json");
    write_big_notices(&path, 4 * 1024 * 1024);
    let text = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let expected = serde_json::from_str::<Vec<serde_json::Value>>(&text).unwrap().len();
    let files = HashMap::from([(MANIFEST, manifest(json!({"notices": "notices.json"}))), ("notices.json", text)]);
    let report = load(&files);
    assert!(!report.has_errors(), "{:?}", report.diagnostics.first());
    assert_eq!(report.library.notices.len(), expected);
}

#[test]
fn an_oversized_manifest_is_reported() {
    let files = HashMap::from([(MANIFEST, " ".repeat(MAX_FILE_BYTES + 1))]);
    let report = load(&files);
    assert_eq!(errors_of(&report, Problem::TooLarge).len(), 1);
}

#[test]
fn ten_thousand_character_titles_load() {
    let long = "长".repeat(10_000);
    let notices = serde_json::to_string(&vec![notice("long", &long), notice("short", "短标题")]).unwrap();
    let files = HashMap::from([(MANIFEST, manifest(json!({"notices": "notices.json"}))), ("notices.json", notices)]);
    let report = load(&files);
    assert_eq!(report.library.notices.len(), 2);
    assert_eq!(report.library.notices[0].title.chars().count() + report.library.notices[1].title.chars().count(), 10_003);
}

#[test]
fn deeply_nested_json_is_a_named_error_and_other_files_load() {
    for depth in [200, 100_000] {
        let deep = format!("[{}{}]", "{\"a\":[".repeat(depth), "]}".repeat(depth));
        let files = HashMap::from([
            (MANIFEST, manifest(json!({"notices": ["deep.json", "ok.json"], "policies": "deep-p.json"}))),
            ("deep.json", deep.clone()),
            ("deep-p.json", format!("{}{}", "[".repeat(depth), "]".repeat(depth))),
            ("ok.json", serde_json::to_string(&vec![notice("ok", "正常")]).unwrap()),
        ]);
        let report = load(&files);
        assert_eq!(report.library.notices.len(), 1, "depth {depth}");
        let named: Vec<_> = report.errors().map(|d| d.file.as_str()).collect();
        assert!(named.contains(&"deep.json") && named.contains(&"deep-p.json"), "depth {depth}: {named:?}");
    }
}

#[test]
fn direction_overrides_and_control_characters() {
    let rtl_title = "\u{202e}知通要重\u{202c} \u{0007}铃\u{0000}声 עברית العربية";
    let notices = serde_json::to_string(&vec![
        notice("rtl", rtl_title),
        notice("bad\u{202e}id", "id 里有方向控制符"),
        notice("ctl\u{0001}", "id 里有控制字符"),
    ])
    .unwrap();
    let files = HashMap::from([(MANIFEST, manifest(json!({"notices": "notices.json"}))), ("notices.json", notices)]);
    let report = load(&files);
    // Text fields are plain text and kept as written (rendered as text nodes, never markup).
    assert_eq!(report.library.notices.iter().map(|n| n.title.as_str()).collect::<Vec<_>>(), [rtl_title]);
    // Control and direction-override characters in ids are rejected (ids become URLs).
    assert!(report.errors().any(|d| d.entry.as_deref().is_some_and(|e| e.starts_with("bad")) && d.path.as_deref() == Some("id")));
    assert!(report.errors().any(|d| d.entry.as_deref().is_some_and(|e| e.starts_with("ctl")) && d.path.as_deref() == Some("id")));
}

#[test]
fn script_data_and_http_links_load_as_text_and_are_reported() {
    let bad = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "http://www.jinan.gov.cn/a.pdf", "JaVaScRiPt:alert(2)"];
    let attachments: Vec<_> = bad.iter().map(|u| json!({"title": format!("附件 {u}"), "url": u})).collect();
    let policies = serde_json::to_string(&vec![
        policy("links", json!({"attachments": attachments, "source_url": "javascript:alert(3)"})),
        policy("good", json!({"attachments": [{"title": "原文", "url": "https://www.jinan.gov.cn/a.pdf"}], "source_url": "files/a.pdf"})),
    ])
    .unwrap();
    let files = HashMap::from([(MANIFEST, manifest(json!({"policies": "policies.json"}))), ("policies.json", policies)]);
    let report = load(&files);
    assert_eq!(report.library.policies.len(), 2, "the entry stays; its links become text");
    let flagged: Vec<_> = report.errors().filter(|d| d.entry.as_deref() == Some("links")).filter_map(|d| d.path.clone()).collect();
    assert_eq!(flagged, ["attachments[0].url", "attachments[1].url", "attachments[2].url", "attachments[3].url", "source_url"]);
    assert!(report.errors().all(|d| d.entry.as_deref() != Some("good")), "{:?}", report.diagnostics);
    let p = report.library.policy("links").unwrap();
    assert!(p.attachments.iter().all(|a| safe_href(&a.url).is_none()));
    assert_eq!(classify_link(&p.attachments[2].url), Err(UnsafeLink::Insecure));
}

#[test]
fn duplicate_ids_across_shards_keep_the_first_and_name_both_files() {
    let shard = |ids: &[&str]| serde_json::to_string(&ids.iter().map(|id| notice(id, &format!("通知{id}"))).collect::<Vec<_>>()).unwrap();
    let files = HashMap::from([
        (MANIFEST, manifest(json!({"notices": ["n1.json", "n2.json"]}))),
        ("n1.json", shard(&["a", "b"])),
        ("n2.json", shard(&["b", "c"])),
    ]);
    let report = load(&files);
    let ids: Vec<&str> = report.library.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids.len(), 3);
    let dup = errors_of(&report, Problem::DuplicateId);
    assert_eq!(dup.len(), 1);
    assert!(dup[0].contains("n2.json") && dup[0].contains("n1.json") && dup[0].contains(" b "), "{}", dup[0]);
}
