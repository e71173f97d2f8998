//! `mingbai`: the publisher's command line over the same core the app uses.
//!
//! - `mingbai check <library-dir> [--json]`: validate a library; exit 1 on errors.
//! - `mingbai schema [--out <dir>]`: print or write the JSON Schemas of format v1.
//! - `mingbai search <library-dir> <query> [--limit N] [--json]`: search as the app does
//!   (through the sharded index when `--index <dir>` is given, the manifest declares one, or
//!   `<library-dir>/index/head.json` exists; `--no-index` builds the index in memory).
//! - `mingbai index <library-dir> [--out <dir>]`: write the sharded search index.
//! - `mingbai template`, `mingbai import`, `mingbai export`: spreadsheets (see import_cmd.rs).

mod check;
mod generate;
mod import_cmd;
mod index_cmd;
mod schema_cmd;
mod search_cmd;

use std::process::ExitCode;

const USAGE: &str = "用法 / usage:
  mingbai check <library-dir> [--json]   validate a library (exit 1 on errors)
  mingbai schema [--out <dir>]           print or write the JSON Schemas of format v1
  mingbai search <library-dir> <query> [--limit N] [--json] [--index <index-dir> | --no-index]
  mingbai index <library-dir> [--out <dir>]   write the sharded search index (default <library-dir>/index/)
  mingbai generate --entries N --out <dir> [--seed S]   write a synthetic library (benchmarks)
  mingbai template <dir>                 write the spreadsheet template (明白政策库模板.xlsx) and one CSV per kind
  mingbai import <file.xlsx|.xls|.ods|.csv …> --into <library-dir> [--name N] [--region R] [--map 列名=字段]… [--sheet 表名]… [--force]
                                         import spreadsheets into a library (new or existing), checked before it is written
  mingbai export <library-dir> --xlsx <file>   write the whole library into the template";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("schema") => schema_cmd::run(&args[1..]),
        Some("search") => search_cmd::run(&args[1..]),
        Some("generate") => generate::run(&args[1..]),
        Some("index") => index_cmd::run(&args[1..]),
        Some("template") => import_cmd::template(&args[1..]),
        Some("export") => import_cmd::export(&args[1..]),
        // `mingbai import policy …` (公文) is the policy importer's branch; it takes this line.
        Some("import") if args.get(1).is_some_and(|a| a == "policy") => Err("mingbai import policy：此版本尚未包含公文导入".to_string()),
        Some("import") => import_cmd::run(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
