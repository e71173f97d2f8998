//! `mingbai check`: the validator the app uses, run over a folder on disk.

use mingbai_core::first_screen::{first_screen_file, PREVIEW_ROLES};
use mingbai_core::validate::count;
use mingbai_core::{load_with, FileRole, Library, LoadReport};
use std::path::Path;
use std::process::ExitCode;

/// Loads a library folder from disk (manifest.json and every file it names).
pub fn load_dir(dir: &Path) -> LoadReport {
    load_with("manifest.json", |name| {
        let path = dir.join(name);
        // Names come from the manifest: refuse paths that climb out of the library folder.
        if Path::new(name).components().any(|c| !matches!(c, std::path::Component::Normal(_))) {
            return Err("文件名不能包含 .. 或绝对路径".to_string());
        }
        std::fs::read_to_string(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "文件不存在".to_string(),
            std::io::ErrorKind::InvalidData => "不是 UTF-8 文本".to_string(),
            _ => e.to_string(),
        })
    })
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let json = args.iter().any(|a| a == "--json");
    let dir = args.iter().find(|a| !a.starts_with("--")).ok_or("mingbai check <library-dir> [--json]")?;
    let report = load_dir(Path::new(dir));
    let (mut errors, mut warnings) = count(&report.diagnostics);
    let index_advice = index_advice(&report);
    if let Some(advice) = &index_advice {
        warnings += 1;
        if !json {
            outln!("警告 warning: {advice}");
        }
    }
    let index_problem = check_index(Path::new(dir), &report);
    if let Some(problem) = &index_problem {
        errors += 1;
        if !json {
            outln!("错误 error: {problem}");
        }
    }
    let lib = &report.library;
    if json {
        let out = serde_json::json!({
            "errors": errors,
            "warnings": warnings,
            "loaded": {
                "policies": lib.policies.len(), "cards": lib.cards.len(), "qa": lib.qa.len(),
                "notices": lib.notices.len(), "topics": lib.topics.len(), "synonyms": lib.synonyms.len(),
            },
            "diagnostics": report.diagnostics,
            "index": index_problem,
            "index_advice": index_advice,
        });
        outln!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    } else {
        for diagnostic in &report.diagnostics {
            outln!("{diagnostic}");
        }
        outln!(
            "载入 loaded: {} policies, {} cards, {} qa, {} notices, {} topics, {} synonyms",
            lib.policies.len(),
            lib.cards.len(),
            lib.qa.len(),
            lib.notices.len(),
            lib.topics.len(),
            lib.synonyms.len()
        );
        outln!("{errors} errors, {warnings} warnings");
    }
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Past this many entries a library should be published with `mingbai index`: without it the
/// app downloads whole kinds for its first screen and builds the search index in the browser.
const LARGE_LIBRARY: usize = 3000;

fn index_advice(report: &LoadReport) -> Option<String> {
    let lib = &report.library;
    let manifest = lib.manifest.as_ref()?;
    let entries = lib.policies.len() + lib.cards.len() + lib.qa.len() + lib.notices.len() + lib.topics.len();
    (manifest.files.index.is_none() && entries > LARGE_LIBRARY).then(|| {
        format!("资料库有 {entries} 条内容（超过 {LARGE_LIBRARY} 条）却没有搜索索引：请运行 mingbai index 并在 manifest.json 的 files 中声明 \"index\": \"index/head.json\"，否则手机首屏要下载整类文件")
    })
}

/// The sharded search index the manifest declares (`files.index`): present, parses, and has as
/// many documents as the library (else it was built from another version of the library).
fn check_index(dir: &Path, report: &LoadReport) -> Option<String> {
    let head = report.library.manifest.as_ref()?.files.index.as_ref()?;
    if Path::new(head).components().any(|c| !matches!(c, std::path::Component::Normal(_))) {
        return Some(format!("搜索索引 {head}：文件名不能包含 .. 或绝对路径"));
    }
    let bytes = match std::fs::read(dir.join(head)) {
        Ok(bytes) => bytes,
        Err(e) => return Some(format!("搜索索引 {head} 无法读取：{e}（请运行 mingbai index）")),
    };
    let parsed = match mingbai_core::search::sharded::IndexHead::parse(&bytes) {
        Ok(parsed) => parsed,
        Err(e) => return Some(format!("{head}：{e}")),
    };
    let lib = &report.library;
    let documents = lib.policies.len() + lib.cards.len() + lib.qa.len() + lib.notices.len() + lib.topics.len();
    if parsed.documents() != documents {
        return Some(format!("搜索索引 {head} 有 {} 条文档，资料库有 {documents} 条：索引已过期，请重新运行 mingbai index", parsed.documents()));
    }
    PREVIEW_ROLES.iter().find_map(|role| check_first_screen_file(dir, head, *role, lib))
}

/// A first-screen block file beside the index head: present, an array of entries, and each
/// entry the same as the library's entry with its id (else the block is stale).
fn check_first_screen_file(dir: &Path, head: &str, role: FileRole, lib: &Library) -> Option<String> {
    let name = first_screen_file(head, role)?;
    let stale = "请重新运行 mingbai index";
    let text = match std::fs::read_to_string(dir.join(&name)) {
        Ok(text) => text,
        Err(e) => return Some(format!("首屏文件 {name} 无法读取：{e}（{stale}）")),
    };
    let Ok(serde_json::Value::Array(entries)) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Some(format!("首屏文件 {name} 不是由条目组成的数组（{stale}）"));
    };
    for entry in &entries {
        let id = entry.get("id").and_then(|v| v.as_str()).unwrap_or_default();
        let current = match role {
            FileRole::Cards => lib.card(id).map(serde_json::to_value),
            FileRole::Qa => lib.qa_entry(id).map(serde_json::to_value),
            FileRole::Notices => lib.notice(id).map(serde_json::to_value),
            _ => lib.topic(id).map(serde_json::to_value),
        };
        match current {
            Some(Ok(current)) if current == *entry => {}
            Some(_) => return Some(format!("首屏文件 {name} 中的“{id}”与资料库不一致：已过期，{stale}")),
            None => return Some(format!("首屏文件 {name} 中的“{id}”在资料库中不存在：已过期，{stale}")),
        }
    }
    None
}
