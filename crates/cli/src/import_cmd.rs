//! The spreadsheet commands:
//! - `mingbai template <dir>`: the XLSX template (明白政策库模板.xlsx) and one CSV per kind;
//! - `mingbai import <file.xlsx|.xls|.ods|.csv …> --into <library-dir> [--name N] [--region R]
//!   [--map 列名=字段]… [--sheet 名]… [--force] [--today YYYY-MM-DD]`;
//! - `mingbai export <library-dir> --xlsx <file>`: the whole library back into the template.
//!
//! Output goes through `Out`, which stops quietly when the reader closes the pipe (`| head`).

use crate::check::load_dir;
use mingbai_core::validate::count;
use mingbai_core::*;
use mingbai_sheets::assemble::{assemble, diff};
use mingbai_sheets::export::{csv_files, workbook, TEMPLATE_FILE};
use mingbai_sheets::output::{library_files_keeping, validate_files, write_library, Kept};
use mingbai_core::FileRole;
use mingbai_sheets::problem::totals;
use mingbai_sheets::{import, read_file, Level, Options};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Standard output that goes quiet after a broken pipe instead of panicking.
struct Out {
    closed: bool,
}

impl Out {
    fn line(&mut self, text: impl AsRef<str>) {
        if self.closed {
            return;
        }
        let mut stdout = std::io::stdout().lock();
        if writeln!(stdout, "{}", text.as_ref()).is_err() {
            self.closed = true;
        }
    }
}

pub fn template(args: &[String]) -> Result<ExitCode, String> {
    let dir = args.iter().find(|a| !a.starts_with("--")).ok_or("mingbai template <dir>")?;
    let dir = Path::new(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("无法创建 {}：{e}", dir.display()))?;
    let empty = Library::default();
    let mut out = Out { closed: false };
    let book = workbook(&empty)?;
    std::fs::write(dir.join(TEMPLATE_FILE), book).map_err(|e| format!("{TEMPLATE_FILE}：{e}"))?;
    out.line(format!("已写出 {}", dir.join(TEMPLATE_FILE).display()));
    for (name, bytes) in csv_files(&empty)? {
        std::fs::write(dir.join(&name), bytes).map_err(|e| format!("{name}：{e}"))?;
        out.line(format!("已写出 {}", dir.join(&name).display()));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: &[String]) -> Result<ExitCode, String> {
    let usage = "mingbai export <library-dir> --xlsx <file>";
    let mut dir = None;
    let mut xlsx = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--xlsx" => {
                xlsx = args.get(i + 1).cloned();
                i += 1;
            }
            a if !a.starts_with("--") => dir = Some(a.to_string()),
            other => return Err(format!("未知参数 {other}\n{usage}")),
        }
        i += 1;
    }
    let (dir, xlsx) = (dir.ok_or(usage)?, xlsx.ok_or(usage)?);
    let report = load_dir(Path::new(&dir));
    let (errors, _) = count(&report.diagnostics);
    let mut out = Out { closed: false };
    if errors > 0 {
        out.line(format!("警告：{dir} 有 {errors} 个错误，出错的条目未能载入，也不会导出（运行 mingbai check {dir} 查看）"));
    }
    let lib = &report.library;
    std::fs::write(&xlsx, workbook(lib)?).map_err(|e| format!("{xlsx}：{e}"))?;
    out.line(format!(
        "已导出 {xlsx}：{} 份政策，{} 张解读卡，{} 条问答，{} 条通知，{} 个专题，{} 组同义词",
        lib.policies.len(),
        lib.cards.len(),
        lib.qa.len(),
        lib.notices.len(),
        lib.topics.len(),
        lib.synonyms.len()
    ));
    Ok(ExitCode::SUCCESS)
}

struct ImportArgs {
    files: Vec<PathBuf>,
    into: PathBuf,
    name: Option<String>,
    region: Option<String>,
    maps: Vec<(String, String)>,
    sheets: Vec<String>,
    force: bool,
    today: Option<IsoDate>,
}

const IMPORT_USAGE: &str =
    "mingbai import <file.xlsx|.xls|.ods|.csv …> --into <library-dir> [--name 名称] [--region 地区] [--map 列名=字段]… [--sheet 表名]… [--force]";

fn parse_import(args: &[String]) -> Result<ImportArgs, String> {
    let mut parsed = ImportArgs { files: vec![], into: PathBuf::new(), name: None, region: None, maps: vec![], sheets: vec![], force: false, today: None };
    let mut into = None;
    let mut i = 0;
    let value = |i: usize| args.get(i + 1).cloned().ok_or_else(|| format!("{} 后面缺少值\n{IMPORT_USAGE}", args[i]));
    while i < args.len() {
        match args[i].as_str() {
            "--into" => into = Some(PathBuf::from(value(i)?)),
            "--name" => parsed.name = Some(value(i)?),
            "--region" => parsed.region = Some(value(i)?),
            "--sheet" => parsed.sheets.push(value(i)?),
            "--today" => parsed.today = Some(IsoDate::parse(&value(i)?).map_err(|e| format!("--today：{e}"))?),
            "--map" => {
                let v = value(i)?;
                let (column, field) = v.split_once(['=', '＝']).ok_or_else(|| format!("--map {v}：应写成 列名=字段"))?;
                parsed.maps.push((column.trim().to_string(), field.trim().to_string()));
            }
            "--force" => {
                parsed.force = true;
                i += 1;
                continue;
            }
            a if a.starts_with("--") => return Err(format!("未知参数 {a}\n{IMPORT_USAGE}")),
            file => {
                parsed.files.push(PathBuf::from(file));
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    parsed.into = into.ok_or_else(|| format!("缺少 --into <政策库文件夹>\n{IMPORT_USAGE}"))?;
    if parsed.files.is_empty() {
        return Err(format!("没有要导入的表格文件\n{IMPORT_USAGE}"));
    }
    Ok(parsed)
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let args = parse_import(args)?;
    let mut out = Out { closed: false };
    let dir = &args.into;

    // The library being imported into, if there is one.
    let existing = if dir.join("manifest.json").is_file() {
        let report = load_dir(dir);
        let (errors, _) = count(&report.diagnostics);
        if errors > 0 {
            out.line(format!("警告：现有政策库 {} 有 {errors} 个错误，出错的条目不在比较之内（运行 mingbai check 查看）", dir.display()));
        }
        Some(report.library)
    } else if dir.is_dir() && std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(false) {
        return Err(format!("{} 不是空文件夹，也没有 manifest.json：不是政策库，未导入（请换一个文件夹）", dir.display()));
    } else {
        None
    };

    let mut grids = Vec::new();
    for file in &args.files {
        match read_file(file) {
            Ok(mut g) => grids.append(&mut g),
            Err(message) => {
                out.line(format!("错误 {message}"));
                out.line("未写入任何内容。");
                return Ok(ExitCode::from(1));
            }
        }
    }
    let today = args.today.clone().or_else(crate::index_cmd::system_today).unwrap_or_else(|| IsoDate::from_ymd(2000, 1, 1).expect("valid date"));
    let options = Options { maps: args.maps.clone(), sheets: args.sheets.clone(), today };
    let outcome = import(&grids, existing.as_ref(), &options);

    let mut problems = outcome.problems.clone();
    problems.sort_by(|a, b| (&a.file, &a.sheet, a.row, a.level).cmp(&(&b.file, &b.sheet, b.row, b.level)));
    for problem in &problems {
        out.line(problem.to_string());
    }
    let row_errors = problems.iter().filter(|p| p.level == Level::Error).count();

    // Summary.
    let t = totals(&outcome.sheets);
    out.line(format!("导入摘要：读取 {} 行，导入 {} 条，合并 {} 行，跳过 {} 行；跳过的表 {} 张", t.rows_read, t.imported, t.merged, t.skipped, t.sheets_skipped));
    for s in &outcome.sheets {
        match s.kind {
            Some(kind) => out.line(format!(
                "  {} › {}：{}（表头在第{}行）读取 {} 行，导入 {}，合并 {}，跳过 {}",
                s.file,
                s.sheet,
                kind.sheet_name(),
                s.header_row.unwrap_or(1),
                s.rows_read,
                s.imported,
                s.merged,
                s.skipped
            )),
            None => out.line(format!(
                "  {} › {}：跳过（{}）{}",
                s.file,
                s.sheet,
                s.reason.as_deref().unwrap_or(""),
                if s.headers.is_empty() { String::new() } else { format!("，表头：{}", s.headers.join("、")) }
            )),
        }
    }

    // The manifest: the existing one, or a new library's.
    let mut manifest = existing.as_ref().and_then(|l| l.manifest.clone()).unwrap_or_else(|| Manifest {
        format: FORMAT_NAME.to_string(),
        version: FORMAT_VERSION,
        name: String::new(),
        region: None,
        hotline: None,
        updated: None,
        description: None,
        files: ManifestFiles::default(),
    });
    if let Some(name) = &args.name {
        manifest.name = name.clone();
    }
    if manifest.name.trim().is_empty() {
        manifest.name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("政策库").to_string();
        out.line(format!("提示：新政策库未用 --name 命名，暂用文件夹名“{}”", manifest.name));
    }
    if let Some(region) = &args.region {
        manifest.region = Some(region.clone());
    }
    let mut skip: Vec<String> = Vec::new();
    if let Some(old) = existing.as_ref().and_then(|l| l.manifest.as_ref()) {
        let f = &old.files;
        for list in [&f.policies, &f.cards, &f.qa, &f.notices, &f.topics] {
            skip.extend(list.names().into_iter().map(str::to_string));
        }
        skip.extend(f.taxonomy.iter().cloned());
        skip.extend(f.synonyms.iter().cloned());
        if let Some(head) = &f.index {
            // The search index describes the old entries: it goes, and says how to rebuild it.
            let folder = Path::new(head).parent().map(|p| p.to_string_lossy().to_string()).filter(|p| !p.is_empty());
            skip.push(folder.unwrap_or_else(|| head.clone()));
            out.line("提示：原搜索索引已过期，已从 manifest.json 中移除；发布前请运行 mingbai index <政策库文件夹>");
        }
    }
    manifest.files.index = None;

    let library = assemble(existing.as_ref(), &outcome.imported, manifest.clone());
    // Kinds no sheet provided keep their files byte for byte.
    let imported = &outcome.imported;
    let kept_parts: Vec<FileRole> = [
        (FileRole::Policies, imported.policies.is_some() || imported.sections.is_some()),
        (FileRole::Cards, imported.cards.is_some()),
        (FileRole::Qa, imported.qa.is_some()),
        (FileRole::Notices, imported.notices.is_some()),
        (FileRole::Topics, imported.topics.is_some()),
        (FileRole::Taxonomy, imported.taxonomy_changed),
        (FileRole::Synonyms, imported.synonyms.is_some()),
    ]
    .into_iter()
    .filter(|(_, replaced)| !replaced)
    .map(|(part, _)| part)
    .collect();
    let old_files = existing.as_ref().and_then(|l| l.manifest.as_ref()).map(|m| m.files.clone());
    let kept = old_files.as_ref().map(|files| Kept { dir, files, parts: kept_parts });
    let files = library_files_keeping(&library, manifest, kept.as_ref());
    let report = validate_files(&files);
    let (errors, warnings) = count(&report.diagnostics);

    if let Some(old) = &existing {
        let diffs: Vec<_> = diff(old, &report.library).into_iter().filter(|d| !d.is_empty()).collect();
        out.line(if diffs.is_empty() { "与原政策库相比：无变化" } else { "与原政策库相比：" });
        for d in diffs {
            {
                out.line(format!("  {}：新增 {}，修改 {}，删除 {}{}", d.kind, d.added.len(), d.changed.len(), d.removed.len(), sample(&d.removed, "删除的")));
            }
        }
    }
    for diagnostic in &report.diagnostics {
        out.line(format!("  校验 {diagnostic}"));
    }
    out.line(format!("校验（与 mingbai check 相同）：{errors} 个错误，{warnings} 个警告"));
    if errors > 0 && !args.force {
        out.line(format!("未写入：结果有 {errors} 个错误，原政策库未改动。请修改表格后重新导入（或加 --force 强行写入）。"));
        return Ok(ExitCode::from(1));
    }
    if errors > 0 {
        out.line(format!("！！！已使用 --force：政策库有 {errors} 个错误仍然写入，出错的条目在网页上不会显示。！！！"));
    }
    write_library(dir, &files, &skip)?;
    out.line(format!(
        "已写入 {}：{} 份政策，{} 张解读卡，{} 条问答，{} 条通知，{} 个专题",
        dir.display(),
        report.library.policies.len(),
        report.library.cards.len(),
        report.library.qa.len(),
        report.library.notices.len(),
        report.library.topics.len()
    ));
    if row_errors > 0 {
        out.line(format!("有 {row_errors} 处错误的行未导入（见上），改正后重新导入即可。"));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn sample(ids: &[String], what: &str) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    format!("（{what}：{}{}）", shown.join("、"), if ids.len() > 5 { "…" } else { "" })
}
