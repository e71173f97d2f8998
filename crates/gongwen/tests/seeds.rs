//! The five seed work plans (../shared/seeds, PDF and web extractions) import to the policies
//! the embedded library had before this importer existed (tests/fixtures/seed-policies-before.json,
//! written by the former tools/seeds_to_policies.py): same 文号, issuer, dates, metadata,
//! section ids and headings, and the same text except that a heading is no longer repeated
//! as the first sentence of its section's body.

use mingbai_core::Policy;
use mingbai_gongwen::{import_path, read_metadata_file};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// The seeds folder: $MINGBAI_SEEDS, else a `shared/seeds` beside the repository or its parent
/// (a worktree sits one level deeper than the main checkout).
pub fn seeds_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("MINGBAI_SEEDS") {
        return PathBuf::from(dir);
    }
    let repo = repo();
    for up in [repo.join("../shared/seeds"), repo.join("../../shared/seeds")] {
        if up.is_dir() {
            return up;
        }
    }
    panic!("seeds not found: set MINGBAI_SEEDS or put shared/seeds beside the repository");
}

fn seed_file(prefix: &str) -> PathBuf {
    let dir = seeds_dir();
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(&format!("{prefix}_"))).collect();
    assert_eq!(found.len(), 1, "seed {prefix} in {}", dir.display());
    found.pop().unwrap()
}

fn before() -> Vec<Policy> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-policies-before.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The old text with the intended fix applied: a section's first paragraph no longer starts
/// with "<heading>。" (run-on headings) or "<heading>：" (抄送：…).
fn without_repeated_heading(policy: &Policy) -> Policy {
    let mut p = policy.clone();
    for s in &mut p.sections {
        if let Some(first) = s.paragraphs.first_mut() {
            for mark in ['。', '：'] {
                if let Some(rest) = first.strip_prefix(&format!("{}{mark}", s.heading)) {
                    *first = rest.to_string();
                }
            }
        }
    }
    p
}

fn import_seed(seed: &str, id: &str) -> Policy {
    let meta_path = repo().join(format!("tools/seed-meta/{seed}-{id}.json"));
    let meta = read_metadata_file(&meta_path).unwrap();
    let imported = import_path(&seed_file(seed), &meta, meta_path.parent().unwrap()).unwrap();
    for p in &imported.problems {
        eprintln!("{seed}: line {}: {}", p.line, p.message);
    }
    assert!(imported.problems.iter().all(|p| !p.error), "{seed}: errors");
    imported.policy.expect("policy")
}

fn check_seed(seed: &str, id: &str) {
    let expected = without_repeated_heading(before().iter().find(|p| p.id == id).unwrap());
    let got = import_seed(seed, id);
    assert_eq!(got.doc_number, expected.doc_number, "{id}: 文号");
    assert_eq!(got.issuer, expected.issuer, "{id}: issuer");
    assert_eq!(got.title, expected.title, "{id}: title");
    assert_eq!(got.written_date, expected.written_date, "{id}: 成文日期");
    assert_eq!(got.published_date, expected.published_date, "{id}: 发布日期");
    assert_eq!(got.status, expected.status, "{id}: status");
    let outline = |p: &Policy| p.sections.iter().map(|s| format!("{} {}", s.id, s.heading)).collect::<Vec<_>>();
    assert_eq!(outline(&got), outline(&expected), "{id}: section ids and headings");
    for (g, e) in got.sections.iter().zip(&expected.sections) {
        assert_eq!(g.paragraphs, e.paragraphs, "{id}#{}: text", g.id);
    }
    assert_eq!(got, expected, "{id}: whole policy");
}

#[test]
fn seed_000_huaiyin_2024() {
    check_seed("000", "huaiyin-2024");
}

#[test]
fn seed_001_linzi_2024() {
    check_seed("001", "linzi-2024");
}

#[test]
fn seed_002_huaiyin_2023_tasks() {
    check_seed("002", "huaiyin-2023-tasks");
}

#[test]
fn seed_003_licheng_2025() {
    check_seed("003", "licheng-2025");
}

#[test]
fn seed_004_tianqiao_2022() {
    check_seed("004", "tianqiao-2022");
}

#[test]
fn no_section_repeats_its_heading() {
    let mut before_count = 0;
    for p in before() {
        before_count += p.sections.iter().filter(|s| s.paragraphs.first().is_some_and(|t| t.starts_with(&s.heading))).count();
    }
    assert_eq!(before_count, 59, "the old library repeated 59 headings");
    for (seed, id) in [("000", "huaiyin-2024"), ("001", "linzi-2024"), ("002", "huaiyin-2023-tasks"), ("003", "licheng-2025"), ("004", "tianqiao-2022")] {
        let got = import_seed(seed, id);
        for s in &got.sections {
            assert!(!s.paragraphs.first().is_some_and(|p| p.starts_with(&s.heading)), "{id}#{} repeats its heading", s.id);
        }
    }
}

#[test]
fn an_interleaved_table_without_transcription_is_flagged() {
    let meta = mingbai_gongwen::Metadata { id: Some("tianqiao-2022".into()), ..Default::default() };
    let imported = import_path(&seed_file("004"), &meta, Path::new(".")).unwrap();
    assert!(imported.problems.iter().any(|p| p.line > 0 && p.message.contains("--table")), "{:?}", imported.problems);
    // The rest of the document is still read.
    let policy = imported.policy.unwrap();
    assert_eq!(policy.doc_number.as_deref(), Some("济天政办发〔2022〕4号"));
    assert!(policy.sections.iter().any(|s| s.id == "s5-3"));
}
