//! `mingbai schema`: the JSON Schemas generated from the format types.

use mingbai_core::schema::{all_schemas, to_text};
use std::process::ExitCode;

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    match args {
        [] => {
            for (name, schema) in all_schemas() {
                outln!("// {name}\n{}", to_text(&schema));
            }
        }
        [flag, dir] if flag == "--out" => {
            std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
            for (name, schema) in all_schemas() {
                let path = std::path::Path::new(dir).join(name);
                std::fs::write(&path, to_text(&schema)).map_err(|e| format!("{}: {e}", path.display()))?;
                outln!("wrote {}", path.display());
            }
        }
        _ => return Err("mingbai schema [--out <dir>]".to_string()),
    }
    Ok(ExitCode::SUCCESS)
}
