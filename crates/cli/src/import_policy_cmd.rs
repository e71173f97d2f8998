//! `mingbai import policy <file.docx|.txt|.html …> --into <library-dir> [flags]`: reads 公文
//! with mingbai-gongwen and adds them to (or replaces them in) the library's policies file.
//! The result is checked like `mingbai check` in a temporary copy of the library, which is
//! renamed into place only when it passes (or with --force): a failed import leaves the library
//! as it was. Prints per document what was found and every problem as file › 第N行 (第N段 for .docx/.html)：message.

use crate::check::load_dir;
use mingbai_core::validate::count;
use mingbai_core::{FileList, Manifest, ManifestFiles, Policy};
use mingbai_gongwen::{import_path, read_metadata_file, Imported, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const USAGE: &str = "mingbai import policy <file.docx|.txt|.html …> --into <library-dir>
    [--meta <file.json>] [--id ID] [--title T] [--doc-number 文号] [--issuer 机关]
    [--written 日期] [--published 日期] [--status effective|revised|repealed|expired]
    [--themes a,b] [--audiences a,b] [--regions a,b] [--summary 摘要] [--source-url URL]
    [--table <transcription.tsv>] [--name 库名] [--region 地区] [--force] [--dry-run]";

/// Writes lines to stdout and stops quietly once the reader has gone (`| head`).
struct Out {
    closed: bool,
}

impl Out {
    fn line(&mut self, text: &str) {
        if self.closed {
            return;
        }
        let mut stdout = std::io::stdout().lock();
        if writeln!(stdout, "{text}").is_err() {
            self.closed = true;
        }
    }
}

struct Args {
    files: Vec<PathBuf>,
    into: PathBuf,
    meta_file: Option<PathBuf>,
    flags: Metadata,
    name: Option<String>,
    region: Option<String>,
    force: bool,
    dry_run: bool,
}

fn list(value: &str) -> Vec<String> {
    value.split([',', '，', '、', ';', '；']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut files = Vec::new();
    let mut into = None;
    let mut meta_file = None;
    let mut flags = Metadata::default();
    let (mut name, mut region, mut force, mut dry_run) = (None, None, false, false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{arg} 后面缺少取值\n{USAGE}"));
        match arg.as_str() {
            "--into" => into = Some(PathBuf::from(value()?)),
            "--meta" => meta_file = Some(PathBuf::from(value()?)),
            "--id" => flags.id = Some(value()?),
            "--title" => flags.title = Some(value()?),
            "--doc-number" => flags.doc_number = Some(value()?),
            "--issuer" => flags.issuer = Some(value()?),
            "--written" => flags.written_date = Some(value()?),
            "--published" => flags.published_date = Some(value()?),
            "--status" => flags.status = Some(value()?),
            "--themes" => flags.themes = Some(list(&value()?)),
            "--audiences" => flags.audiences = Some(list(&value()?)),
            "--regions" => flags.regions = Some(list(&value()?)),
            "--summary" => flags.summary = Some(value()?),
            "--source-url" => flags.source_url = Some(value()?),
            "--table" => flags.table = Some(value()?),
            "--name" => name = Some(value()?),
            "--region" => region = Some(value()?),
            "--force" => force = true,
            "--dry-run" => dry_run = true,
            other if other.starts_with("--") => return Err(format!("不认识的选项 {other}\n{USAGE}")),
            file => files.push(PathBuf::from(file)),
        }
    }
    let into = into.ok_or_else(|| format!("缺少 --into <library-dir>\n{USAGE}"))?;
    if files.is_empty() {
        return Err(format!("没有给出要导入的文件\n{USAGE}"));
    }
    if files.len() > 1 && (flags.id.is_some() || flags.doc_number.is_some() || flags.title.is_some() || meta_file.is_some() || flags.table.is_some()) {
        return Err("--id、--title、--doc-number、--meta、--table 只对单个文件有意义：请每个文件分别导入".to_string());
    }
    Ok(Args { files, into, meta_file, flags, name, region, force, dry_run })
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let args = parse_args(args)?;
    let mut out = Out { closed: false };
    // Metadata file first, flags over it; a relative --table is taken from the current folder,
    // one in the metadata file from the metadata file's folder.
    let (meta, table_base) = match &args.meta_file {
        Some(path) => {
            let from_file = read_metadata_file(path)?;
            let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
            let base = if args.flags.table.is_some() { PathBuf::from(".") } else { base };
            (from_file.overlay(args.flags.clone()), base)
        }
        None => (args.flags.clone(), PathBuf::from(".")),
    };

    let mut imported: Vec<Policy> = Vec::new();
    let mut failed = 0;
    for file in &args.files {
        let name = file.display().to_string();
        match import_path(file, &meta, &table_base) {
            Ok(result) => {
                report(&mut out, &name, &result);
                match result.policy {
                    Some(policy) if result.problems.iter().all(|p| !p.error) || args.force => imported.push(policy),
                    _ => failed += 1,
                }
            }
            Err(message) => {
                out.line(&format!("错误 {message}"));
                failed += 1;
            }
        }
    }
    if failed > 0 && !args.force {
        out.line(&format!("{failed} 个文件有错误，资料库未改动（改正后重新导入；--force 则导入其余能读出的文件）"));
        return Ok(ExitCode::from(1));
    }
    if imported.is_empty() {
        out.line("没有可导入的文件，资料库未改动");
        return Ok(ExitCode::from(1));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = imported.iter().find(|p| !seen.insert(p.id.clone())) {
        return Err(format!("两个文件得到同一个 id “{}”：请用 --id 分别指定", dup.id));
    }
    if args.dry_run {
        out.line("--dry-run：只检查，未写入资料库");
        return Ok(ExitCode::SUCCESS);
    }
    write_library(&mut out, &args, imported)
}

fn report(out: &mut Out, name: &str, result: &Imported) {
    let parsed = &result.parsed;
    out.line(&format!("【{name}】"));
    if let Some(p) = &result.policy {
        let date = |d: &Option<mingbai_core::IsoDate>| d.as_ref().map_or("（无）".to_string(), |d| d.to_string());
        out.line(&format!("  id：{}　标题：{}", p.id, p.title));
        out.line(&format!(
            "  文号：{}　发文机关：{}　成文日期：{}　发布日期：{}",
            p.doc_number.as_deref().unwrap_or("（无）"),
            p.issuer,
            date(&p.written_date),
            date(&p.published_date)
        ));
        let tables = p.sections.iter().filter(|s| s.id.starts_with('t')).count();
        let paragraphs: usize = p.sections.iter().map(|s| s.paragraphs.len()).sum();
        out.line(&format!("  章节：{} 个（其中表格分组 {tables} 个），段落 {paragraphs} 段{}", p.sections.len(), if parsed.wrapped { "；按 PDF 断行文本合并段落" } else { "" }));
    }
    if let Some(addressee) = &parsed.addressee {
        out.line(&format!("  主送：{addressee}"));
    }
    if !parsed.attachments.is_empty() {
        out.line(&format!("  附件：{}", parsed.attachments.join("；")));
    }
    // Text files are counted in lines; Word and web documents in paragraphs.
    let unit = if name.to_lowercase().ends_with(".txt") { "行" } else { "段" };
    for problem in &result.problems {
        let label = if problem.error { "错误" } else { "提醒" };
        let place = if problem.line > 0 { format!("{name} › 第{}{unit}", problem.line) } else { name.to_string() };
        out.line(&format!("  {label} {place}：{}", problem.message));
    }
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}：无法读取：{e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}：JSON 有误：{e}", path.display()))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn write_library(out: &mut Out, args: &Args, imported: Vec<Policy>) -> Result<ExitCode, String> {
    let dir = &args.into;
    let exists = dir.join("manifest.json").is_file();
    if dir.exists() && !exists {
        return Err(format!("{} 已存在但不是资料库（没有 manifest.json）", dir.display()));
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let base = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "library".into());
    let temp = parent.join(format!(".{base}.import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&temp);
    let staged = stage(args, &temp, exists, imported);
    let (added, replaced) = match staged {
        Ok(counts) => counts,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&temp);
            return Err(e);
        }
    };
    // The same checks as `mingbai check`, on the staged copy.
    let report = load_dir(&temp);
    let (errors, warnings) = count(&report.diagnostics);
    for diagnostic in &report.diagnostics {
        out.line(&diagnostic.to_string());
    }
    if errors > 0 && !args.force {
        let _ = std::fs::remove_dir_all(&temp);
        out.line(&format!("检查未通过（{errors} 个错误），资料库未改动"));
        return Ok(ExitCode::from(1));
    }
    let old = parent.join(format!(".{base}.old-{}", std::process::id()));
    if exists {
        std::fs::rename(dir, &old).map_err(|e| format!("无法替换 {}：{e}", dir.display()))?;
    }
    if let Err(e) = std::fs::rename(&temp, dir) {
        if exists {
            let _ = std::fs::rename(&old, dir);
        }
        let _ = std::fs::remove_dir_all(&temp);
        return Err(format!("无法写入 {}：{e}", dir.display()));
    }
    if exists {
        let _ = std::fs::remove_dir_all(&old);
    }
    let manifest: Option<Manifest> = read_json(&dir.join("manifest.json")).ok();
    if manifest.is_some_and(|m| m.files.index.is_some()) {
        out.line("提醒：资料库有搜索索引，导入后索引已过期，请运行 mingbai index");
    }
    let forced = if errors > 0 { "（--force：检查有错误仍写入）" } else { "" };
    out.line(&format!("已写入 {}：新增 {added} 份、替换 {replaced} 份政策文件；检查：{errors} 个错误，{warnings} 个提醒{forced}", dir.display()));
    Ok(ExitCode::SUCCESS)
}

/// Builds the new library in `temp`: a copy of the old one (or a new manifest) with the
/// imported policies in place of those with the same id, new ones at the end of the last
/// policies file. Returns (added, replaced).
fn stage(args: &Args, temp: &Path, exists: bool, imported: Vec<Policy>) -> Result<(usize, usize), String> {
    let io = |e: std::io::Error| format!("无法写入临时文件夹 {}：{e}", temp.display());
    let mut manifest: Manifest = if exists {
        copy_dir(&args.into, temp).map_err(io)?;
        read_json(&temp.join("manifest.json"))?
    } else {
        std::fs::create_dir_all(temp).map_err(io)?;
        Manifest {
            format: "mingbai-library".into(),
            version: 1,
            name: args.name.clone().unwrap_or_else(|| "政策文件库".into()),
            region: args.region.clone(),
            hotline: Some("12345".into()),
            updated: None,
            description: None,
            files: ManifestFiles::default(),
        }
    };
    if manifest.files.policies.is_empty() {
        manifest.files.policies = FileList::Many(vec!["policies.json".into()]);
        let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
        std::fs::write(temp.join("manifest.json"), text).map_err(io)?;
    }
    let names: Vec<String> = manifest.files.policies.names().iter().map(|s| s.to_string()).collect();
    let mut shards: Vec<Vec<serde_json::Value>> = Vec::new();
    for name in &names {
        let path = temp.join(name);
        shards.push(if path.is_file() { read_json(&path)? } else { Vec::new() });
    }
    let (mut added, mut replaced) = (0, 0);
    for policy in imported {
        let value = serde_json::to_value(&policy).map_err(|e| e.to_string())?;
        let slot = shards.iter_mut().flat_map(|s| s.iter_mut()).find(|v| v.get("id").and_then(|i| i.as_str()) == Some(policy.id.as_str()));
        match slot {
            Some(slot) => {
                *slot = value;
                replaced += 1;
            }
            None => {
                if let Some(last) = shards.last_mut() {
                    last.push(value);
                }
                added += 1;
            }
        }
    }
    for (name, entries) in names.iter().zip(&shards) {
        std::fs::write(temp.join(name), to_pretty(entries)?).map_err(io)?;
    }
    Ok((added, replaced))
}

/// Pretty JSON, two-space indent. Entries that read as policies are written through the typed
/// struct, so their fields keep the format's order (serde_json's Value map sorts keys); entries
/// that do not are written as they were (the check then names them).
fn to_pretty(entries: &[serde_json::Value]) -> Result<String, String> {
    let mut items = Vec::with_capacity(entries.len());
    for v in entries {
        items.push(match serde_json::from_value::<Policy>(v.clone()) {
            Ok(policy) => serde_json::to_string_pretty(&policy),
            Err(_) => serde_json::to_string_pretty(v),
        }
        .map_err(|e| e.to_string())?);
    }
    let indented: Vec<String> = items.iter().map(|item| item.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")).collect();
    Ok(if indented.is_empty() { "[]\n".to_string() } else { format!("[\n{}\n]\n", indented.join(",\n")) })
}
