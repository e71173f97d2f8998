//! The embedded default library (`public/library/`) passes `mingbai check` with zero errors,
//! and the CLI's exit code follows the errors.

use std::process::Command;

fn mingbai(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mingbai")).args(args).output().expect("run mingbai");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn embedded_library_has_no_errors() {
    let (code, out) = mingbai(&["check", &repo("public/library"), "--json"]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("json report");
    let errors: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "embedded library errors:\n{}", errors.join("\n"));
    assert_eq!(code, 0);
    let loaded = &report["loaded"];
    assert_eq!(loaded["policies"], 5, "one policy per seed");
    assert!(loaded["cards"].as_u64().unwrap() >= 5, "a card per seed");
    assert!(loaded["qa"].as_u64().unwrap() >= 60, "at least 60 Q&A");
    assert!(loaded["notices"].as_u64().unwrap() >= 12, "at least 12 notices");
    assert!(loaded["topics"].as_u64().unwrap() >= 1);
}

#[test]
fn check_fails_on_a_broken_library() {
    let (code, out) = mingbai(&["check", &repo("crates/core/tests/fixtures/broken/unknown-version")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("不支持的格式版本"), "{out}");
}

#[test]
fn check_passes_a_valid_library_with_warnings() {
    let (code, out) = mingbai(&["check", &repo("crates/core/tests/fixtures/base")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors"), "{out}");
}
