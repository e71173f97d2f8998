//! The library loader and validator on arbitrary files. The input is split on 0xFF bytes (never
//! in UTF-8) into the manifest and up to seven data files; the manifest names them all, so the
//! fuzzer reaches every parser and the cross-file validation, and also mutates the manifest.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mingbai_core::{load_with, LibraryBuilder, FileRole};

const FILES: [(&str, FileRole); 7] = [
    ("policies.json", FileRole::Policies),
    ("cards.json", FileRole::Cards),
    ("qa.json", FileRole::Qa),
    ("notices.json", FileRole::Notices),
    ("topics.json", FileRole::Topics),
    ("taxonomy.json", FileRole::Taxonomy),
    ("synonyms.json", FileRole::Synonyms),
];

const MANIFEST: &str = r#"{"format":"mingbai-library","version":1,"name":"fuzz","files":{"policies":["policies.json"],"cards":"cards.json","qa":["qa.json"],"notices":["notices.json"],"topics":"topics.json","taxonomy":"taxonomy.json","synonyms":"synonyms.json"}}"#;

fuzz_target!(|data: &[u8]| {
    let parts: Vec<String> = data.split(|b| *b == 0xff).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    // 1. Everything through load_with, the manifest being the first part.
    let report = load_with("manifest.json", |name| {
        if name == "manifest.json" {
            return parts.first().cloned().ok_or_else(|| "缺少".to_string());
        }
        let i = FILES.iter().position(|(f, _)| *f == name).ok_or("未知文件")?;
        parts.get(i + 1).cloned().ok_or_else(|| "缺少".to_string())
    });
    for d in &report.diagnostics {
        let _ = d.to_string();
    }
    // 2. A fixed, valid manifest with the parts as its files: reaches validation every time.
    let manifest = mingbai_core::parse_manifest("manifest.json", MANIFEST).expect("valid manifest");
    let mut builder = LibraryBuilder::new(manifest);
    for (i, (file, role)) in FILES.iter().enumerate() {
        match parts.get(i + 1) {
            Some(text) => builder.add_text(*role, file, text),
            None => builder.add_missing(file, "缺少"),
        }
    }
    let report = builder.finish();
    let lib = &report.library;
    for p in &lib.policies {
        for a in &p.attachments {
            let _ = mingbai_core::links::classify_link(&a.url);
        }
    }
    let _ = mingbai_core::search::SearchIndex::build(lib).stats();
});
