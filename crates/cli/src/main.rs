//! `mingbai`: the publisher's command line over the same core the app uses.
//!
//! - `mingbai check <library-dir> [--json]`: validate a library; exit 1 on errors.
//! - `mingbai schema [--out <dir>]`: print or write the JSON Schemas of format v1.
//! - `mingbai search <library-dir> <query> [--limit N] [--json]`: search as the app does
//!   (through the sharded index when `--index <dir>` is given, the manifest declares one, or
//!   `<library-dir>/index/head.json` exists; `--no-index` builds the index in memory).
//! - `mingbai index <library-dir> [--out <dir>]`: write the sharded search index.
//! - `mingbai import policy <file…> --into <library-dir>`: import 公文 (.docx/.txt/.html) as policies.

mod check;
mod generate;
mod import_policy_cmd;
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
  mingbai import policy <file.docx|.txt|.html …> --into <library-dir> [flags]   import 公文 as policies";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("schema") => schema_cmd::run(&args[1..]),
        Some("search") => search_cmd::run(&args[1..]),
        Some("generate") => generate::run(&args[1..]),
        Some("index") => index_cmd::run(&args[1..]),
        Some("import") if args.get(1).map(String::as_str) == Some("policy") => import_policy_cmd::run(&args[2..]),
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
