//! `mingbai template`, `import` and `export` as processes on real files: the template imports as
//! an empty library (its 说明 examples are not data), export → import is lossless on the embedded
//! library and on a generated 10k library (entry by entry), a re-import prints the difference
//! per kind, and a failing import leaves the existing library untouched.

use mingbai_core::{load_with, IsoDate, Library, Scope};
use mingbai_sheets::output::{library_files, write_library};
use std::path::Path;
use std::process::Command;

fn mingbai(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mingbai")).args(args).output().expect("run mingbai");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn load(dir: &Path) -> Library {
    let report = load_with("manifest.json", |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string()));
    assert!(!report.has_errors(), "{}: {:?}", dir.display(), report.errors().collect::<Vec<_>>());
    report.library
}

/// Every entry of every kind equal, in order.
fn assert_same_entries(a: &Library, b: &Library) {
    fn same<T: PartialEq + std::fmt::Debug>(kind: &str, a: &[T], b: &[T]) {
        assert_eq!(a.len(), b.len(), "{kind}: count");
        for (x, y) in a.iter().zip(b) {
            assert_eq!(x, y, "{kind}");
        }
    }
    same("policies", &a.policies, &b.policies);
    same("cards", &a.cards, &b.cards);
    same("qa", &a.qa, &b.qa);
    same("notices", &a.notices, &b.notices);
    same("topics", &a.topics, &b.topics);
    assert_eq!(a.taxonomy, b.taxonomy, "taxonomy");
    same("synonyms", &a.synonyms, &b.synonyms);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn the_template_imports_as_an_empty_library() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path().join("t");
    let (code, out) = mingbai(&["template", t.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    for name in ["明白政策库模板.xlsx", "问答.csv", "政策.csv", "政策正文.csv", "解读卡.csv", "通知.csv", "专题.csv", "分类.csv", "同义词.csv"] {
        assert!(t.join(name).is_file(), "{name}");
    }
    let lib = tmp.path().join("lib");
    let (code, out) = mingbai(&["import", t.join("明白政策库模板.xlsx").to_str().unwrap(), "--into", lib.to_str().unwrap(), "--name", "测试库", "--region", "某区"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("说明：跳过（模板的说明页（其中的示例不会导入））"), "{out}");
    assert!(out.contains("导入摘要：读取 0 行，导入 0 条"), "{out}");
    let loaded = load(&lib);
    assert!(loaded.is_empty());
    assert_eq!(loaded.manifest.as_ref().unwrap().name, "测试库");
    assert_eq!(loaded.manifest.as_ref().unwrap().region.as_deref(), Some("某区"));
    // The CSV template too.
    let (code, out) = mingbai(&["import", t.join("问答.csv").to_str().unwrap(), "--into", tmp.path().join("csv").to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("问答.csv › 问答：问答（表头在第1行）读取 0 行"), "{out}");
}

#[test]
fn export_then_import_is_lossless_on_the_embedded_library() {
    let tmp = tempfile::tempdir().unwrap();
    let xlsx = tmp.path().join("library.xlsx");
    let (code, out) = mingbai(&["export", &repo("public/library"), "--xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let original = load(Path::new(&repo("public/library")));

    // Into a new folder.
    let fresh = tmp.path().join("fresh");
    let (code, out) = mingbai(&["import", xlsx.to_str().unwrap(), "--into", fresh.to_str().unwrap(), "--name", "x"]);
    assert_eq!(code, 0, "{out}");
    assert_same_entries(&original, &load(&fresh));

    // Back into a copy of the library it came from: nothing changes, the manifest stays.
    let copy = tmp.path().join("copy");
    copy_dir(Path::new(&repo("public/library")), &copy);
    let (code, out) = mingbai(&["import", xlsx.to_str().unwrap(), "--into", copy.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("与原政策库相比：无变化"), "{out}");
    let reloaded = load(&copy);
    assert_same_entries(&original, &reloaded);
    assert_eq!(original.manifest, reloaded.manifest);
}

#[test]
fn export_then_import_is_lossless_on_a_generated_10k_library() {
    let tmp = tempfile::tempdir().unwrap();
    let generated = tmp.path().join("gen");
    let (code, out) = mingbai(&["generate", "--entries", "10000", "--out", generated.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    // The generator does not write the v1 additions: give a third of the Q&A and cards some,
    // so the round trip covers them too.
    let mut lib = load(&generated);
    let region = lib.taxonomy.regions[0].id.clone();
    let scopes = [Scope::National, Scope::Province, Scope::City, Scope::County];
    for (i, q) in lib.qa.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
        q.department = Some(format!("第{}部门", i % 7));
        q.scope = Some(scopes[i % 4]);
        q.regions = vec![region.clone()];
        q.expires = Some(IsoDate::parse("2030-12-31").unwrap());
    }
    for (i, c) in lib.cards.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
        c.scope = Some(scopes[i % 4]);
        c.regions = vec![region.clone()];
        c.expires = Some(IsoDate::parse("2031-01-01").unwrap());
    }
    let manifest = lib.manifest.clone().unwrap();
    let lib = Library::new(Some(manifest.clone()), lib.policies, lib.cards, lib.qa, lib.notices, lib.topics, lib.taxonomy, lib.synonyms);
    std::fs::remove_dir_all(&generated).unwrap();
    write_library(&generated, &library_files(&lib, manifest), &[]).unwrap();
    let xlsx = tmp.path().join("gen.xlsx");
    let (code, out) = mingbai(&["export", generated.to_str().unwrap(), "--xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let back = tmp.path().join("back");
    let (code, out) = mingbai(&["import", xlsx.to_str().unwrap(), "--into", back.to_str().unwrap(), "--name", "x"]);
    assert_eq!(code, 0, "{out}");
    let original = load(&generated);
    assert_eq!(original.policies.len() + original.cards.len() + original.qa.len() + original.notices.len() + original.topics.len(), 10_000);
    assert_same_entries(&original, &load(&back));
}

#[test]
fn a_reimport_prints_the_difference_and_a_failed_one_leaves_the_library_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let first = tmp.path().join("v1.csv");
    std::fs::write(&first, "问题,答案,更新日期\n怎么办社保卡？,到银行网点办理。,2024-06-30\n低保怎么申请？,到街道申请。,2024-06-30\n").unwrap();
    let (code, out) = mingbai(&["import", first.to_str().unwrap(), "--into", lib.to_str().unwrap(), "--name", "测试"]);
    assert_eq!(code, 0, "{out}");
    let v1 = load(&lib);
    assert_eq!(v1.qa.len(), 2);

    // Same questions without an id column keep their ids; one changed, one removed, one added.
    let second = tmp.path().join("v2.csv");
    std::fs::write(&second, "问题,答案,更新日期\n怎么办社保卡？,到银行网点或线上办理。,2024-07-01\n居住证怎么办？,到派出所办理。,2024-07-01\n").unwrap();
    let (code, out) = mingbai(&["import", second.to_str().unwrap(), "--into", lib.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("问答：新增 1，修改 1，删除 1"), "{out}");
    let v2 = load(&lib);
    assert_eq!(v2.qa[0].id, v1.qa[0].id, "stable id for the same question");

    // A result that fails validation (a reference to a policy that is not there) is not written.
    let bad = tmp.path().join("bad.csv");
    std::fs::write(&bad, "标题,政策编号,发布日期\n一张卡,不存在的政策,2024-07-01\n").unwrap();
    let before = std::fs::read(lib.join("qa.json")).unwrap();
    let (code, out) = mingbai(&["import", bad.to_str().unwrap(), "--into", lib.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("未写入：结果有 1 个错误，原政策库未改动"), "{out}");
    assert!(!lib.join("cards.json").exists());
    assert_eq!(std::fs::read(lib.join("qa.json")).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().starts_with('.')).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // --force writes it, loudly.
    let (code, out) = mingbai(&["import", bad.to_str().unwrap(), "--into", lib.to_str().unwrap(), "--force"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("已使用 --force"), "{out}");
    assert!(lib.join("cards.json").exists());
    assert_eq!(load_partial(&lib).qa.len(), 2, "kinds not in the spreadsheet stay as they were");
    assert_eq!(std::fs::read(lib.join("qa.json")).unwrap(), before, "byte for byte");
}

fn load_partial(dir: &Path) -> Library {
    load_with("manifest.json", |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string())).library
}

#[test]
fn import_without_into_or_of_a_missing_file_says_why() {
    let (code, out) = mingbai(&["import", "x.xlsx"]);
    assert_eq!(code, 2);
    assert!(out.contains("缺少 --into"), "{out}");
    let tmp = tempfile::tempdir().unwrap();
    let (code, out) = mingbai(&["import", "/nonexistent/x.xlsx", "--into", tmp.path().join("l").to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("无法打开表格") && out.contains("未写入任何内容"), "{out}");
}

#[test]
fn import_policy_goes_to_the_policy_importer() {
    // `import policy` is the 公文 importer, not a spreadsheet named "policy".
    let tmp = tempfile::tempdir().unwrap();
    let (code, out) = mingbai(&["import", "policy", "/nonexistent/x.docx", "--into", tmp.path().join("lib").to_str().unwrap()]);
    assert_ne!(code, 0, "{out}");
    assert!(!out.contains("无法打开表格"), "not read as a spreadsheet: {out}");
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::process::Stdio;
    let tmp = tempfile::tempdir().unwrap();
    let xlsx = tmp.path().join("library.xlsx");
    let (code, out) = mingbai(&["export", &repo("public/library"), "--xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    // The reader goes away before the command writes anything (`… | head -0`).
    let mut child = Command::new(env!("CARGO_BIN_EXE_mingbai"))
        .args(["import", xlsx.to_str().unwrap(), "--into", tmp.path().join("lib").to_str().unwrap(), "--name", "x"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(tmp.path().join("lib/qa.json").is_file(), "the import still completes");
}
