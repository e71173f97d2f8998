//! `mingbai search <library-dir> <query> [--limit N] [--json]`: the engine's public test surface.
//! The JSON shape is stable: {"query","corrected"?,"expanded"?,"total","results":[{"kind","id","title","score"}],"facets"}.
//!
//! Batch mode, `--queries <file>` (`-` for stdin) instead of `<query>`: one query per line (blank
//! lines skipped), the index built or opened once. With `--json` it writes JSON Lines, one object
//! of the shape above per query, in input order; without, a table (rank-1 hit, result count,
//! rewrite) and a count of queries without a result.

use crate::check::load_dir;
use crate::index_cmd::{open_head, search_sharded};
use mingbai_core::search::sharded::IndexHead;
use mingbai_core::search::{SearchIndex, SearchRequest, SearchResponse};
use mingbai_core::Library;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Either engine, opened once.
enum Engine {
    Memory(Box<(SearchIndex, Library)>),
    Sharded(Box<IndexHead>, PathBuf, usize),
}

/// The index head's size and the chunks read for one query, with their sizes.
type Loaded = (usize, Vec<(String, usize)>);

impl Engine {
    /// The response, and the chunks read for it (sharded only).
    fn search(&mut self, request: &SearchRequest) -> (SearchResponse, Option<Loaded>) {
        match self {
            Engine::Memory(memory) => (memory.0.search(&memory.1, request), None),
            Engine::Sharded(head, dir, head_bytes) => {
                let (response, chunks) = search_sharded(head, dir, request);
                (response, Some((*head_bytes, chunks)))
            }
        }
    }
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let usage = "mingbai search <library-dir> (<query> | --queries <file>) [--limit N] [--exact] [--json] [--index <index-dir> | --no-index]";
    let mut positional = Vec::new();
    let mut limit = 10;
    let mut json = false;
    let mut exact = false;
    let mut index_dir: Option<PathBuf> = None;
    let mut no_index = false;
    let mut queries: Option<String> = None;
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
            "--queries" => {
                i += 1;
                queries = Some(args.get(i).ok_or(usage)?.clone());
            }
            "--limit" => {
                i += 1;
                limit = args.get(i).and_then(|v| v.parse().ok()).ok_or(usage)?;
            }
            other => positional.push(other.to_string()),
        }
        i += 1;
    }
    let (dir, query) = match (positional.as_slice(), &queries) {
        ([dir], Some(_)) => (dir.clone(), None),
        ([dir, query], None) => (dir.clone(), Some(query.clone())),
        _ => return Err(usage.to_string()),
    };
    let mut engine = open_engine(Path::new(&dir), index_dir, no_index)?;
    let request = |query: String| SearchRequest { query, limit, exact, ..Default::default() };
    if let Some(query) = query {
        let (response, loaded) = engine.search(&request(query));
        if json {
            outln!("{}", serde_json::to_string_pretty(&response_json(&response)).map_err(|e| e.to_string())?);
        } else {
            print_readable(&response, loaded);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let path = queries.unwrap_or_default();
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?))
    };
    let (mut count, mut empty) = (0, 0);
    if !json {
        outln!("{:>4}  {:>4}  {:<24}  第一条结果 / top hit", "序号", "结果", "查询 / query");
    }
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        let query = String::from_utf8_lossy(&line).trim().to_string();
        if query.is_empty() {
            continue;
        }
        count += 1;
        let (response, _) = engine.search(&request(query));
        empty += usize::from(response.results.is_empty());
        if json {
            outln!("{}", serde_json::to_string(&response_json(&response)).map_err(|e| e.to_string())?);
        } else {
            let top = response.results.first().map(|h| format!("[{}] {} ({})", h.kind.label(), h.title, h.id)).unwrap_or_else(|| "（无结果）".to_string());
            let rewrite = response.corrected.as_ref().map(|c| format!("  → {c}")).unwrap_or_default();
            outln!("{count:>4}  {:>4}  {:<24}  {top}{rewrite}", response.total, response.query);
        }
    }
    if !json {
        outln!("共 {count} 条查询，{empty} 条无结果");
    }
    Ok(ExitCode::SUCCESS)
}

/// The sharded index when given or declared (manifest `files.index`, else `<dir>/index/`), else
/// the in-memory index built from the library.
fn open_engine(dir: &Path, index_dir: Option<PathBuf>, no_index: bool) -> Result<Engine, String> {
    let report = load_dir(dir);
    let declared = report.library.manifest.as_ref().and_then(|m| m.files.index.as_ref()).and_then(|h| dir.join(h).parent().map(Path::to_path_buf));
    let index_dir = if no_index { None } else { index_dir.or(declared).or_else(|| Some(dir.join("index")).filter(|d| d.join("head.json").is_file())) };
    Ok(match index_dir {
        Some(index_dir) => {
            let (head, head_bytes) = open_head(&index_dir)?;
            Engine::Sharded(Box::new(head), index_dir, head_bytes)
        }
        None => Engine::Memory(Box::new((SearchIndex::build(&report.library), report.library))),
    })
}

fn response_json(response: &SearchResponse) -> serde_json::Value {
    let results: Vec<_> = response
        .results
        .iter()
        .map(|h| serde_json::json!({"kind": h.kind, "id": h.id, "title": h.title, "score": h.score}))
        .collect();
    let mut out = serde_json::json!({"query": response.query, "total": response.total, "results": results, "facets": response.facets});
    if let Some(corrected) = &response.corrected {
        out["corrected"] = corrected.clone().into();
    }
    if !response.expanded.is_empty() {
        out["expanded"] = serde_json::to_value(&response.expanded).unwrap_or_default();
    }
    out
}

fn print_readable(response: &SearchResponse, loaded: Option<Loaded>) {
    if let Some(corrected) = &response.corrected {
        outln!("已为您显示“{corrected}”的结果");
    }
    for e in &response.expanded {
        outln!("“{}”按“{}”搜索", e.from, e.to);
    }
    for (rank, hit) in response.results.iter().enumerate() {
        let snippet: String = hit.snippet.iter().map(|s| if s.hit { format!("【{}】", s.text) } else { s.text.clone() }).collect();
        outln!("{:>2}. [{}] {} ({}) {:.2}\n    {}", rank + 1, hit.kind.label(), hit.title, hit.id, hit.score, snippet);
    }
    outln!("共 {} 条", response.total);
    if let Some((head_bytes, chunks)) = loaded {
        let total: usize = head_bytes + chunks.iter().map(|c| c.1).sum::<usize>();
        let list: Vec<String> = chunks.iter().map(|(n, b)| format!("{n} {b}")).collect();
        outln!("索引 index: head.json {head_bytes} B + {} chunks = {total} B: {}", chunks.len(), list.join(", "));
    }
}
