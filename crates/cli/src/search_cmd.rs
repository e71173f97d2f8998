//! `mingbai search <library-dir> <query> [--limit N] [--json]`: the engine's public test surface.
//! The JSON shape is stable: {"query","corrected"?,"expanded"?,"results":[{"kind","id","title","score"}],"facets"}.

use crate::check::load_dir;
use crate::index_cmd::{open_head, search_sharded};
use mingbai_core::search::{SearchIndex, SearchRequest};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let usage = "mingbai search <library-dir> <query> [--limit N] [--exact] [--json] [--index <index-dir> | --no-index]";
    let mut positional = Vec::new();
    let mut limit = 10;
    let mut json = false;
    let mut exact = false;
    let mut index_dir: Option<PathBuf> = None;
    let mut no_index = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--json" => json = true,
            "--exact" => exact = true,
            "--no-index" => no_index = true,
            "--index" => {
                i += 1;
                index_dir = Some(PathBuf::from(args.get(i).ok_or(usage)?));
            }
            "--limit" => {
                i += 1;
                limit = args.get(i).and_then(|v| v.parse().ok()).ok_or(usage)?;
            }
            other => positional.push(other.to_string()),
        }
        i += 1;
    }
    let [dir, query] = positional.as_slice() else { return Err(usage.to_string()) };
    let request = SearchRequest { query: query.clone(), limit, exact, ..Default::default() };
    // The sharded index when given or declared (manifest `files.index`, else `<dir>/index/`).
    let report = load_dir(Path::new(dir));
    let declared = report.library.manifest.as_ref().and_then(|m| m.files.index.as_ref()).and_then(|h| Path::new(dir).join(h).parent().map(Path::to_path_buf));
    let index_dir = if no_index { None } else { index_dir.or(declared).or_else(|| Some(Path::new(dir).join("index")).filter(|d| d.join("head.json").is_file())) };
    let (response, loaded) = match &index_dir {
        Some(index_dir) => {
            let (mut head, head_bytes) = open_head(index_dir)?;
            let (response, chunks) = search_sharded(&mut head, index_dir, &request);
            (response, Some((head_bytes, chunks)))
        }
        None => (SearchIndex::build(&report.library).search(&report.library, &request), None),
    };
    if json {
        let results: Vec<_> = response
            .results
            .iter()
            .map(|h| serde_json::json!({"kind": h.kind, "id": h.id, "title": h.title, "score": h.score}))
            .collect();
        let mut out = serde_json::json!({"query": response.query, "results": results, "facets": response.facets});
        if let Some(corrected) = &response.corrected {
            out["corrected"] = corrected.clone().into();
        }
        if !response.expanded.is_empty() {
            out["expanded"] = serde_json::to_value(&response.expanded).map_err(|e| e.to_string())?;
        }
        println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    } else {
        if let Some(corrected) = &response.corrected {
            println!("已为您显示“{corrected}”的结果");
        }
        for e in &response.expanded {
            println!("“{}”按“{}”搜索", e.from, e.to);
        }
        for (rank, hit) in response.results.iter().enumerate() {
            let snippet: String = hit.snippet.iter().map(|s| if s.hit { format!("【{}】", s.text) } else { s.text.clone() }).collect();
            println!("{:>2}. [{}] {} ({}) {:.2}\n    {}", rank + 1, hit.kind.label(), hit.title, hit.id, hit.score, snippet);
        }
        println!("共 {} 条", response.total);
        if let Some((head_bytes, chunks)) = loaded {
            let total: usize = head_bytes + chunks.iter().map(|c| c.1).sum::<usize>();
            let list: Vec<String> = chunks.iter().map(|(n, b)| format!("{n} {b}")).collect();
            println!("索引 index: head.json {head_bytes} B + {} chunks = {total} B: {}", chunks.len(), list.join(", "));
        }
    }
    Ok(ExitCode::SUCCESS)
}
