//! Inputs no library should contain must never panic the loader: they become diagnostics.

use mingbai_core::parse::parse_entries;
use mingbai_core::{parse_manifest, Policy, Qa};

#[test]
fn garbage_never_panics() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let long_title = format!(r#"[{{"id":"x","question":"{}","updated":"2024-01-01"}}]"#, "长".repeat(10_000));
    let inputs = [
        "", " ", "\u{feff}", "null", "42", "\"text\"", "{}", "[]", "[null]", "[1,2,3]", "[[]]", "[{}]",
        "[{\"id\":5}]", "[{\"id\":\"\u{202e}rtl\u{0000}\"}]", "[{\"id\":\"a\",\"updated\":\"2024-02-30\"}]",
        "[{\"id\":\"a\",\"updated\":\"2024-0中-30\"}]", "{\"format\":", "[\"\\ud800\"]", deep.as_str(),
        long_title.as_str(),
    ];
    for input in inputs {
        let _ = parse_entries::<Qa>("qa.json", input);
        let _ = parse_entries::<Policy>("policies.json", input);
        let _ = parse_manifest("manifest.json", input);
    }
    let (good, _) = parse_entries::<Qa>("qa.json", &long_title);
    assert_eq!(good.len(), 1, "a long title is odd but valid");
}

#[test]
fn unsafe_ids_are_rejected_with_a_reason() {
    let report = mingbai_core::load_with("manifest.json", |name| match name {
        "manifest.json" => Ok(r#"{"format":"mingbai-library","version":1,"name":"x","files":{"qa":"qa.json"}}"#.into()),
        _ => Ok(r#"[{"id":"../etc","question":"q","updated":"2024-01-01"},{"id":"ok","question":"q","updated":"2024-01-01"}]"#.into()),
    });
    assert_eq!(report.library.qa.len(), 1);
    assert!(report.errors().any(|d| d.entry.as_deref() == Some("../etc") && d.message.contains("网址")));
}
