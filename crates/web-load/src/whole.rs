//! A whole library past the HTTP cache, by the replacement rule (the display screen's refresh):
//! the manifest and every file it names are downloaded again; an accepted download is used and
//! kept on the device; a refused or failed one gives way to the kept copy, so one bad upload or
//! a server error never takes good content off a screen. A refused download with no kept copy
//! is used as on a first visit: its problems are in the report.

use crate::kept::{keep, kept};
use crate::obtain::{Check, Fresh, NOT_A_URL};
use mingbai_core::{parse_manifest, FileRole, LibraryBuilder, LoadReport};

const MANIFEST: &str = "manifest.json";

/// The library behind `manifest_url` (absolute), or why there is none (no usable manifest).
pub async fn load_whole(manifest_url: &str) -> Result<LoadReport, String> {
    let manifest_text = settle(None, MANIFEST, Check::start(manifest_url, manifest_url)).await?;
    let manifest = parse_manifest(MANIFEST, &manifest_text).map_err(|d| d.to_string())?;
    let mut builder = LibraryBuilder::new(manifest);
    let planned = builder.planned_files();
    // Every download starts before any is waited for.
    let checks: Vec<Option<Check>> = planned.iter().map(|(_, file)| Check::start(file, manifest_url)).collect();
    for ((role, file), check) in planned.iter().zip(checks) {
        match settle(Some(*role), file, check).await {
            Ok(text) => {
                builder.add_text(*role, file, &text);
            }
            Err(reason) => builder.add_missing(file, &reason),
        }
    }
    Ok(builder.finish())
}

/// One file's text by the rule: an accepted download (kept when it differs from the kept copy),
/// else the kept copy, else whatever the download gave.
async fn settle(role: Option<FileRole>, file: &str, check: Option<Check>) -> Result<String, String> {
    let Some(check) = check else {
        return Err(NOT_A_URL.to_string());
    };
    let url = check.url.clone();
    let instead = match check.result(role, file).await {
        Fresh::Accepted(text) => {
            if kept(&url).await.is_none_or(|(copy, _)| copy != text) {
                keep(&url, &text).await;
            }
            return Ok(text);
        }
        // Silently: a screen shows no errors; the report of a first visit lists them.
        Fresh::Refused(text, _) => Ok(text),
        Fresh::Failed(failure) => Err(failure.reason),
    };
    match kept(&url).await {
        Some((copy, _)) => Ok(copy),
        None => instead,
    }
}
