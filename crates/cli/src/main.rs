//! `mingbai`: the publisher's command line over the same core the app uses.
//!
//! - `mingbai check <library-dir> [--json]`: validate a library; exit 1 on errors.
//! - `mingbai schema [--out <dir>]`: print or write the JSON Schemas of format v1.
//! - `mingbai search <library-dir> <query> [--limit N] [--json]`: search as the app does
//!   (through the sharded index when `--index <dir>` is given, the manifest declares one, or
//!   `<library-dir>/index/head.json` exists; `--no-index` builds the index in memory).
//!   `--queries <file>` runs one query per line in one process (JSON Lines with `--json`).
//! - `mingbai index <library-dir> [--out <dir>]`: write the sharded search index.
//! - `mingbai site <library-dir> --out <dir> [--base-url URL]`: pre-render every page as HTML.
//! - `mingbai report <access-log>… [--library <dir>] [--json] [--xlsx <file>]`: the editors'
//!   report from the feedback signals in web server access logs.
//!
//! Everything written to stdout goes through `outln!` (output.rs): a closed pipe is no panic.
//! - `mingbai template`, `mingbai import`, `mingbai export`: spreadsheets (see import_cmd.rs).
//! - `mingbai import policy <file…> --into <library-dir>`: import 公文 (.docx/.txt/.html) as policies.

#[macro_use]
mod output;
mod access_log;
mod check;
mod generate;
mod generate_cmd;
mod import_cmd;
mod import_policy_cmd;
mod index_cmd;
mod report_cmd;
mod report_tally;
mod report_xlsx;
mod schema_cmd;
mod search_cmd;
mod site_cmd;

use std::process::ExitCode;

const USAGE: &str = "用法 / usage:
  mingbai check <library-dir> [--json]   validate a library (exit 1 on errors)
  mingbai schema [--out <dir>]           print or write the JSON Schemas of format v1
  mingbai search <library-dir> (<query> | --queries <file>) [--limit N] [--json] [--index <index-dir> | --no-index]
  mingbai index <library-dir> [--out <dir>]   write the sharded search index (default <library-dir>/index/)
  mingbai site <library-dir> --out <dir> [--base-url URL] [--today YYYY-MM-DD]   pre-render every page into a built app
  mingbai report <access-log>… [--library <dir>] [--endpoint <path>] [--top N] [--json] [--xlsx <file>]
                                         the editors' report from feedback signals in access logs (docs/feedback.md)
  mingbai generate --entries N --out <dir> [--seed S]   write a synthetic library (benchmarks)
  mingbai template <dir>                 write the spreadsheet template (明白政策库模板.xlsx) and one CSV per kind
  mingbai import <file.xlsx|.xls|.ods|.csv …> --into <library-dir> [--name N] [--region R] [--map 列名=字段]… [--sheet 表名]… [--force]
                                         import spreadsheets into a library (new or existing), checked before it is written
  mingbai export <library-dir> --xlsx <file>   write the whole library into the template
  mingbai import policy <file.docx|.txt|.html …> --into <library-dir> [flags]   import 公文 as policies";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("schema") => schema_cmd::run(&args[1..]),
        Some("search") => search_cmd::run(&args[1..]),
        Some("generate") => generate_cmd::run(&args[1..]),
        Some("index") => index_cmd::run(&args[1..]),
        Some("site") => site_cmd::run(&args[1..]),
        Some("report") => report_cmd::run(&args[1..]),
        Some("template") => import_cmd::template(&args[1..]),
        Some("export") => import_cmd::export(&args[1..]),
        Some("import") if args.get(1).map(String::as_str) == Some("policy") => import_policy_cmd::run(&args[2..]),
        Some("import") => import_cmd::run(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    output::flush();
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
