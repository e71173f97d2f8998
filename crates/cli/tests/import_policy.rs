//! `mingbai import policy` end to end, as a publisher runs it: a new library is created with its
//! manifest, the import is checked like `mingbai check`, a re-import replaces by id, a document
//! with errors leaves the library untouched, and a closed pipe is not a panic. The documents are
//! example text written for this test.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn mingbai(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mingbai")).args(args).output().expect("run mingbai");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mingbai-import-policy-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const NOTICE: &str = "示例区人民政府办公室
示政办发〔2024〕9号
示例区人民政府办公室关于做好2024年政务公开工作的通知
各街道办事处，区政府各部门：
现就做好今年政务公开工作通知如下。
一、做好政策解读
（一）同步解读。政策文件与解读材料同步发布。
二、回应社会关切
（二）及时回应。对社会关切及时发布权威信息。
示例区人民政府办公室
2024年3月5日
";

const NO_NUMBER: &str = "示例街道办事处关于做好夏季安全生产工作的通知
各社区居委会：
一、开展隐患排查
（一）排查范围。辖区内沿街商铺。
示例街道办事处
2024年7月1日
";

fn policies(dir: &Path) -> Vec<serde_json::Value> {
    serde_json::from_str(&std::fs::read_to_string(dir.join("policies.json")).unwrap()).unwrap()
}

#[test]
fn imports_into_a_new_library_that_passes_check_and_replaces_on_reimport() {
    let dir = temp_dir("new");
    let doc = dir.join("notice.txt");
    std::fs::write(&doc, NOTICE).unwrap();
    let lib = dir.join("library");
    let lib_s = lib.to_str().unwrap();
    let (code, out, err) = mingbai(&["import", "policy", doc.to_str().unwrap(), "--into", lib_s, "--id", "example-notice", "--published", "2024年3月6日", "--status", "effective", "--name", "示例政策库"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("文号：示政办发〔2024〕9号"), "{out}");
    assert!(out.contains("发文机关：示例区人民政府办公室"), "{out}");
    assert!(out.contains("成文日期：2024-03-05"), "{out}");
    assert!(out.contains("章节：6 个"), "{out}");
    assert!(out.contains("新增 1 份"), "{out}");
    let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(lib.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["name"], "示例政策库");
    let (code, check_out, _) = mingbai(&["check", lib_s]);
    assert_eq!(code, 0, "{check_out}");
    let list = policies(&lib);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["published_date"], "2024-03-06");
    assert_eq!(list[0]["sections"][2]["paragraphs"][0], "政策文件与解读材料同步发布。");

    // Same id again: replaced, not duplicated; another document is added after it.
    let other = dir.join("safety.txt");
    std::fs::write(&other, NO_NUMBER).unwrap();
    let (code, out, err) = mingbai(&["import", "policy", doc.to_str().unwrap(), "--into", lib_s, "--id", "example-notice", "--status", "effective"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("替换 1 份"), "{out}");
    let (code, out, err) = mingbai(&["import", "policy", other.to_str().unwrap(), "--into", lib_s, "--id", "example-safety", "--doc-number", "示街发[2024]1号"]);
    assert_eq!(code, 0, "{out}{err}");
    let list = policies(&lib);
    assert_eq!(list.iter().map(|p| p["id"].as_str().unwrap()).collect::<Vec<_>>(), ["example-notice", "example-safety"]);
    assert_eq!(list[1]["doc_number"], "示街发〔2024〕1号");
    // No temporary or old copies left beside the library.
    let leftovers: Vec<String> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.starts_with('.')).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn missing_doc_number_is_reported_with_the_file_name() {
    let dir = temp_dir("report");
    let doc = dir.join("safety.txt");
    std::fs::write(&doc, NO_NUMBER).unwrap();
    let (code, out, _) = mingbai(&["import", "policy", doc.to_str().unwrap(), "--into", dir.join("lib").to_str().unwrap(), "--id", "example-safety", "--dry-run"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("文号：（无）"), "{out}");
    assert!(out.contains(&format!("提醒 {} ：未找到文号", doc.display()).replace(" ：", "：")), "{out}");
    assert!(!dir.join("lib").exists(), "--dry-run writes nothing");
}

#[test]
fn a_document_with_errors_leaves_the_library_untouched() {
    let dir = temp_dir("errors");
    let lib = dir.join("library");
    let good = dir.join("notice.txt");
    std::fs::write(&good, NOTICE).unwrap();
    let (code, out, _) = mingbai(&["import", "policy", good.to_str().unwrap(), "--into", lib.to_str().unwrap(), "--id", "example-notice"]);
    assert_eq!(code, 0, "{out}");
    let before = std::fs::read_to_string(lib.join("policies.json")).unwrap();
    let bad = dir.join("fragment.txt");
    std::fs::write(&bad, "各单位：\n请按时报送材料。\n").unwrap();
    let (code, out, _) = mingbai(&["import", "policy", bad.to_str().unwrap(), "--into", lib.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("错误") && out.contains("未找到标题") && out.contains("--title"), "{out}");
    assert!(out.contains("资料库未改动"), "{out}");
    assert_eq!(std::fs::read_to_string(lib.join("policies.json")).unwrap(), before);
    // A policy that fails the library check (an id the format refuses) is not written either.
    let (code, out, _) = mingbai(&["import", "policy", good.to_str().unwrap(), "--into", lib.to_str().unwrap(), "--id", "坏 id"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("检查未通过"), "{out}");
    assert_eq!(std::fs::read_to_string(lib.join("policies.json")).unwrap(), before);
}

#[test]
fn closed_pipe_is_not_a_panic() {
    let dir = temp_dir("pipe");
    let doc = dir.join("notice.txt");
    std::fs::write(&doc, NOTICE).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mingbai"))
        .args(["import", "policy", doc.to_str().unwrap(), "--into", dir.join("lib").to_str().unwrap(), "--id", "example-notice"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once, like `| head -0`
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
