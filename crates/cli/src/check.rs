//! `mingbai check`: the validator the app uses, run over a folder on disk.

use mingbai_core::validate::count;
use mingbai_core::{load_with, LoadReport};
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
    let (mut errors, warnings) = count(&report.diagnostics);
    let index_problem = check_index(Path::new(dir), &report);
    if let Some(problem) = &index_problem {
        errors += 1;
        if !json {
            println!("错误 error: {problem}");
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
        });
        println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    } else {
        for diagnostic in &report.diagnostics {
            println!("{diagnostic}");
        }
        println!(
            "载入 loaded: {} policies, {} cards, {} qa, {} notices, {} topics, {} synonyms",
            lib.policies.len(),
            lib.cards.len(),
            lib.qa.len(),
            lib.notices.len(),
            lib.topics.len(),
            lib.synonyms.len()
        );
        println!("{errors} errors, {warnings} warnings");
    }
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
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
    (parsed.documents() != documents)
        .then(|| format!("搜索索引 {head} 有 {} 条文档，资料库有 {documents} 条：索引已过期，请重新运行 mingbai index", parsed.documents()))
}
