//! No HTML is ever rendered from data: the app's and the core's sources (and index.html) must not
//! use any API that parses a string as HTML. Text goes into text nodes (`markup::tx`), never markup.

use std::path::{Path, PathBuf};

/// APIs that turn a string into markup.
const SINKS: [&str; 7] = ["inner_html", "innerHTML", "set_inner_html", "insertAdjacentHTML", "outerHTML", "document.write", "DOMParser"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && name != "node_modules" && name != "fixtures" {
                sources(&path, out);
            }
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("rs" | "js" | "mjs" | "html")) {
            out.push(path);
        }
    }
}

#[test]
fn no_api_that_parses_html_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    sources(&root.join("crates"), &mut files);
    files.push(root.join("index.html"));
    assert!(files.len() > 20, "found the sources ({} files)", files.len());
    let this_file = Path::new(file!()).file_name().unwrap();
    let mut found = Vec::new();
    for file in files.iter().filter(|f| f.file_name() != Some(this_file)) {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for sink in SINKS {
                if line.contains(sink) {
                    found.push(format!("{}:{}: {sink}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "HTML sinks in the sources:\n{}", found.join("\n"));
}
