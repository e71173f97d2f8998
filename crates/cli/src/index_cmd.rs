//! `mingbai index <library-dir> [--out <dir>] [--today YYYY-MM-DD]`: writes the sharded search
//! index (default `<library-dir>/index/`) and the first-screen block beside it (the entries the
//! home page shows; `--today` decides which notices are current, default: today), and the
//! sharded search loop the CLI and tests share.

use crate::check::load_dir;
use mingbai_core::first_screen::first_screen_files;
use mingbai_core::search::sharded::{build_index, IndexHead, Step, HEAD_FILE};
use mingbai_core::IsoDate;
use mingbai_core::search::{SearchRequest, SearchResponse};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let usage = "mingbai index <library-dir> [--out <dir>] [--today YYYY-MM-DD]";
    let mut positional = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut today = system_today();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--out" => {
                i += 1;
                out = Some(PathBuf::from(args.get(i).ok_or(usage)?));
            }
            "--today" => {
                i += 1;
                today = Some(IsoDate::parse(args.get(i).ok_or(usage)?).map_err(|e| format!("--today: {e}"))?);
            }
            other => positional.push(other.to_string()),
        }
        i += 1;
    }
    let [dir] = positional.as_slice() else { return Err(usage.to_string()) };
    let dir = Path::new(dir);
    let out = out.unwrap_or_else(|| dir.join("index"));
    let report = load_dir(dir);
    if report.has_errors() {
        return Err(format!("{} 有错误，请先运行 mingbai check", dir.display()));
    }
    let started = Instant::now();
    let mut built = build_index(&report.library);
    let block = first_screen_files(&report.library, today.as_ref());
    let block_bytes: usize = block.iter().map(|(_, _, bytes)| bytes.len()).sum();
    built.files.extend(block.into_iter().map(|(name, _, bytes)| (name, bytes)));
    let took = started.elapsed();
    // Replace the folder's chunks: stale shards of an earlier build must not linger.
    if out.is_dir() {
        for entry in std::fs::read_dir(&out).map_err(|e| e.to_string())?.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.ends_with(".json") {
                std::fs::remove_file(entry.path()).map_err(|e| e.to_string())?;
            }
        }
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut total = 0;
    for (name, bytes) in &built.files {
        std::fs::write(out.join(name), bytes).map_err(|e| format!("{}: {e}", out.join(name).display()))?;
        total += bytes.len();
    }
    let head = built.files.first().map(|f| f.1.len()).unwrap_or(0);
    outln!(
        "wrote {} files ({:.1} KB, head {:.1} KB, first-screen block {:.1} KB) to {} in {:.1} s",
        built.files.len(),
        total as f64 / 1024.0,
        head as f64 / 1024.0,
        block_bytes as f64 / 1024.0,
        out.display(),
        took.as_secs_f64()
    );
    let relative = out.strip_prefix(dir).map(|p| p.join(HEAD_FILE).to_string_lossy().replace('\\', "/")).unwrap_or_else(|_| out.join(HEAD_FILE).display().to_string());
    outln!("declare it in manifest.json: \"files\": {{…, \"index\": \"{relative}\"}}");
    Ok(ExitCode::SUCCESS)
}

/// Today's date in China Standard Time (UTC+8) from the system clock.
pub(crate) fn system_today() -> Option<IsoDate> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs() as i64 + 8 * 3600;
    IsoDate::from_day_number(secs.div_euclid(86_400))
}

/// Answers a request through the sharded index in `index_dir`, reading chunks as the plan asks
/// for them. Returns the response and the chunks read, in order, with their sizes.
pub fn search_sharded(head: &mut IndexHead, index_dir: &Path, request: &SearchRequest) -> (SearchResponse, Vec<(String, usize)>) {
    let mut read = Vec::new();
    loop {
        match head.plan(request) {
            Step::Done(response) => return (response, read),
            Step::Need(chunks) => {
                for name in chunks {
                    match std::fs::read(index_dir.join(&name)) {
                        Ok(bytes) => {
                            read.push((name.clone(), bytes.len()));
                            if let Err(e) = head.add_chunk(&name, &bytes) {
                                eprintln!("{e}");
                                head.skip_chunk(&name);
                            }
                        }
                        Err(e) => {
                            eprintln!("{}: {e}", index_dir.join(&name).display());
                            head.skip_chunk(&name);
                        }
                    }
                }
            }
        }
    }
}

/// Reads and parses `<index_dir>/head.json`.
pub fn open_head(index_dir: &Path) -> Result<(IndexHead, usize), String> {
    let path = index_dir.join(HEAD_FILE);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((IndexHead::parse(&bytes)?, bytes.len()))
}
