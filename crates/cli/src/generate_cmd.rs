//! `mingbai generate --entries N --out DIR [--seed S]`: writes the synthetic library of
//! `generate.rs` (kept free of output so tests and benches can include that file).

use crate::generate::{generate, write, DEFAULT_SEED};
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let usage = "mingbai generate --entries N --out DIR [--seed S]";
    let (mut entries, mut out, mut seed) = (None, None, DEFAULT_SEED);
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).ok_or(usage)?;
        match args[i].as_str() {
            "--entries" => entries = Some(value.parse::<usize>().map_err(|_| usage)?),
            "--out" => out = Some(value.clone()),
            "--seed" => seed = value.parse().map_err(|_| usage)?,
            _ => return Err(usage.to_string()),
        }
        i += 2;
    }
    let (Some(entries), Some(out)) = (entries, out) else { return Err(usage.to_string()) };
    let lib = generate(entries, seed);
    let files = write(&lib, Path::new(&out)).map_err(|e| format!("{out}: {e}"))?;
    outln!(
        "已生成 generated: {} policies, {} cards, {} qa, {} notices, {} topics, {} synonyms → {out} ({files} files, seed {seed})",
        lib.policies.len(),
        lib.cards.len(),
        lib.qa.len(),
        lib.notices.len(),
        lib.topics.len(),
        lib.synonyms.len()
    );
    Ok(ExitCode::SUCCESS)
}

