//! The first-screen block `mingbai index` writes beside the index head: it holds exactly what the
//! home page picks from the whole library (so a large library's home page looks the same from
//! the block alone), it loads with the ordinary validator without errors, and `mingbai check`
//! says when it no longer matches the library.

use mingbai_core::first_screen::{first_screen_file, home_topics, HOME_CARDS, HOME_HOT_QUESTIONS, HOME_NOTICES, PREVIEW_ROLES};
use mingbai_core::{load_with, FileRole, IsoDate, Library, LibraryBuilder};
use std::path::{Path, PathBuf};
use std::process::Command;

fn mingbai(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mingbai")).args(args).output().expect("run mingbai");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// The embedded library in a temporary folder, indexed as of `today`, with `files.index` declared.
fn indexed_copy(name: &str, today: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mingbai-first-screen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/library"), &dir);
    let (code, out) = mingbai(&["index", dir.to_str().unwrap(), "--today", today]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("first-screen block"), "{out}");
    let manifest_path = dir.join("manifest.json");
    let mut manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&manifest_path).unwrap()).unwrap();
    manifest["files"]["index"] = "index/head.json".into();
    std::fs::write(&manifest_path, serde_json::to_string_pretty(&manifest).unwrap()).unwrap();
    dir
}

fn whole(dir: &Path) -> Library {
    let report = load_with("manifest.json", |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string()));
    assert!(!report.has_errors());
    report.library
}

/// What the app builds on the first screen of an indexed library: taxonomy plus the block.
fn from_block(dir: &Path, library: &Library) -> Library {
    let manifest = library.manifest.clone().unwrap();
    let mut builder = LibraryBuilder::new(manifest.clone()).only(&[FileRole::Taxonomy]);
    let taxonomy = manifest.files.taxonomy.clone().unwrap();
    builder.add_text(FileRole::Taxonomy, &taxonomy, &std::fs::read_to_string(dir.join(&taxonomy)).unwrap());
    for role in PREVIEW_ROLES {
        let file = first_screen_file("index/head.json", role).unwrap();
        builder.add_text(role, &file, &std::fs::read_to_string(dir.join(&file)).unwrap());
    }
    let report = builder.finish();
    let errors: Vec<String> = report.errors().map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "the block loads without errors: {errors:?}");
    report.library
}

fn ids<T>(items: Vec<&T>, id: impl Fn(&T) -> &str) -> Vec<String> {
    items.into_iter().map(|item| id(item).to_string()).collect()
}

#[test]
fn the_block_holds_exactly_what_the_home_page_shows() {
    let today_text = "2024-07-01";
    let today = IsoDate::parse(today_text).unwrap();
    let dir = indexed_copy("home", today_text);
    let library = whole(&dir);
    let block = from_block(&dir, &library);

    let notices = |lib: &Library| ids(lib.current_notices(&today).into_iter().take(HOME_NOTICES).collect(), |n| &n.id);
    assert!(!notices(&library).is_empty(), "the embedded library has current notices on {today_text}");
    assert_eq!(notices(&block), notices(&library), "current notices");
    let hot = |lib: &Library| ids(lib.hot_questions(HOME_HOT_QUESTIONS), |q| &q.id);
    assert_eq!(hot(&block), hot(&library), "hot questions");
    let cards = |lib: &Library| ids(lib.latest_cards(HOME_CARDS), |c| &c.id);
    assert_eq!(cards(&block), cards(&library), "latest cards");
    let topics = |lib: &Library| ids(home_topics(lib), |t| &t.id);
    assert_eq!(topics(&block), topics(&library), "topics");
    // And the entries are the library's own, field for field.
    for qa in &block.qa {
        assert_eq!(Some(qa), library.qa_entry(&qa.id));
    }
    for card in &block.cards {
        assert_eq!(Some(card), library.card(&card.id));
    }
    // Small: a home page's worth of entries.
    let bytes: u64 = PREVIEW_ROLES
        .iter()
        .map(|role| std::fs::metadata(dir.join(first_screen_file("index/head.json", *role).unwrap())).unwrap().len())
        .sum();
    assert!(bytes < 64 * 1024, "block is {bytes} bytes");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_accepts_a_fresh_block_and_names_a_stale_or_missing_one() {
    let dir = indexed_copy("check", "2024-07-01");
    let (code, out) = mingbai(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "fresh index and block: {out}");

    // Edit a hot question's answer without re-indexing: the block is stale.
    let block: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index/first-qa.json")).unwrap()).unwrap();
    let hot_id = block[0]["id"].as_str().unwrap().to_string();
    let qa_path = dir.join("qa.json");
    let mut qa: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(&qa_path).unwrap()).unwrap();
    let entry = qa.iter_mut().find(|q| q["id"] == hot_id.as_str()).unwrap();
    entry["answer"] = serde_json::json!(["新的答案。"]);
    std::fs::write(&qa_path, serde_json::to_string(&qa).unwrap()).unwrap();
    let (code, out) = mingbai(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("首屏文件 index/first-qa.json") && out.contains(&hot_id) && out.contains("mingbai index"), "{out}");

    // Re-indexing fixes it; a deleted block file is named.
    let (code, out) = mingbai(&["index", dir.to_str().unwrap(), "--today", "2024-07-01"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(mingbai(&["check", dir.to_str().unwrap()]).0, 0);
    std::fs::remove_file(dir.join("index/first-topics.json")).unwrap();
    let (code, out) = mingbai(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("首屏文件 index/first-topics.json 无法读取"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_advises_an_index_for_a_large_library_without_one() {
    let dir = std::env::temp_dir().join(format!("mingbai-first-screen-large-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (code, out) = mingbai(&["generate", "--entries", "4000", "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = mingbai(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "advice is a warning, not an error: {out}");
    assert!(out.contains("没有搜索索引") && out.contains("mingbai index"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
