//! `json::parse` against `serde_json::from_str` (the reader it replaces): the same value for
//! every text serde_json accepts, an error for every text it refuses, and "incomplete" exactly
//! when serde_json says the text ended early.

use super::*;
use std::path::Path;

fn same_as_serde(text: &str) {
    let ours = parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(a == b, "different values for {text:?}"),
        (Err(a), Err(b)) => assert_eq!(a.eof, b.is_eof(), "eof for {text:?}: ours {a}, serde {b}"),
        _ => panic!("{text:?}: ours {ours:?}, serde {theirs:?}"),
    }
}

fn library_texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut texts = Vec::new();
    for dir in ["public/library", "tests/fixtures/small", "tests/fixtures/broken"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                texts.push((path.display().to_string(), text));
            }
        }
    }
    assert!(texts.len() >= 7, "library files found: {}", texts.len());
    texts
}

#[test]
fn real_library_files_read_as_serde_json_reads_them() {
    for (name, text) in library_texts() {
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let theirs = serde_json::from_str::<Value>(text);
        let ours = parse(text);
        assert_eq!(ours.is_ok(), theirs.is_ok(), "{name}");
        if let (Ok(a), Ok(b)) = (ours, theirs) {
            assert!(a == b, "{name}: different values");
        }
    }
}

#[test]
fn cut_and_damaged_files_fail_or_pass_as_with_serde_json() {
    // The first entries of the embedded questions, as a library file is written (pretty, Chinese).
    let (_, qa) = library_texts().into_iter().find(|(name, _)| name.ends_with("library/qa.json")).unwrap();
    let mut entries = serde_json::from_str::<Value>(&qa).unwrap();
    entries.as_array_mut().unwrap().truncate(3);
    let text = serde_json::to_string_pretty(&entries).unwrap();
    // Cut everywhere.
    let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
    for &cut in &boundaries {
        same_as_serde(&text[..cut]);
    }
    // One character replaced by something that matters to JSON.
    let replacements = ['"', '\\', ',', ':', '[', ']', '{', '}', ' ', '\n', '\t', '0', '-', '.', 'e', 'x', '\u{1}'];
    for (n, &at) in boundaries.iter().enumerate().take(boundaries.len() - 1) {
        let next = boundaries[n + 1];
        for r in replacements {
            let damaged = format!("{}{}{}", &text[..at], r, &text[next..]);
            same_as_serde(&damaged);
        }
    }
}

#[test]
fn numbers_keep_serde_json_types() {
    for text in [
        "0", "-0", "1", "-1", "12345678901234567890", "18446744073709551615", "18446744073709551616",
        "-9223372036854775808", "-9223372036854775809", "1.5", "-1.5e3", "1E2", "1e-2", "1e400", "-1e400",
        "0.1", "2.2250738585072014e-308", "01", "1.", ".5", "-", "+1", "1e", "1e+", "--1", "0x10", "1.0e5",
    ] {
        same_as_serde(text);
        same_as_serde(&format!("[{text}]"));
        same_as_serde(&format!("{{\"n\": {text}}}"));
    }
}

#[test]
fn strings_escapes_and_words() {
    for text in [
        r#""""#, r#""a\"b""#, r#""\\\/\b\f\n\r\t""#, r#""\u0041\u4e2d""#, r#""\ud83d\ude00""#, r#""\ud83d""#,
        r#""\ud83dx""#, r#""\ude00""#, r#""\ud83d\u0041""#, r#""\u12""#, r#""\u12g4""#, r#""\x""#, "\"a\nb\"",
        "\"a\u{7f}b\"", "\"中文\u{202e}\"", "true", "false", "null", "tru", "nul", "truex", "nulls", "[true,]", "[,1]",
        "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1 \"b\":2}", "{\"a\":1,\"a\":2}", "[1 2]", "  [ ]  ", "[] x",
        "{}", "{", "[", "\"", "\"\\", "\"\\u", "{\"a\"", "{\"a\":", "[1,", "", "   ",
    ] {
        same_as_serde(text);
    }
}

#[test]
fn nesting_stops_where_serde_json_stops() {
    for depth in [1, 100, 126, 127, 128, 129, 5000] {
        same_as_serde(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        same_as_serde(&format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)));
    }
    let deep = parse(&"[".repeat(100_000)).unwrap_err();
    assert!(deep.message.contains("嵌套层数过多"), "{deep}");
}

#[test]
fn errors_say_what_and_where_in_chinese() {
    let e = parse("[\n  {\"id\": \"a\"},\n  {\"id\" \"b\"}\n]").unwrap_err();
    assert_eq!(e.to_string(), "此处应为冒号“:”（第 3 行第 9 列）");
    let e = parse("[\"低保\" 1]").unwrap_err();
    assert_eq!((e.message.as_str(), e.line, e.column), ("此处应为逗号或“]”", 1, 7), "columns count characters");
    let e = parse("[{\"id\": \"a\"}, {\"id\"").unwrap_err();
    assert!(e.eof && e.message.contains("不完整"), "{e}");
}
