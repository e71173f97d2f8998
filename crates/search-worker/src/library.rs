//! Loading the library in the worker: the same steps and validation as the app
//! (`src/platform/load.rs`), so the index holds exactly the entries the app shows.

use crate::fetch;
use mingbai_core::{parse_manifest, Library, LibraryBuilder, Manifest};

/// The manifest behind `manifest_url`, or why search cannot use it (for users).
pub async fn manifest(manifest_url: &str) -> Result<Manifest, String> {
    let manifest_text = fetch::start(manifest_url)
        .text()
        .await
        .map_err(|reason| format!("无法读取政策库清单（{reason}）"))?;
    parse_manifest("manifest.json", &manifest_text).map_err(|d| d.to_string())
}

/// Every file the manifest names, loaded and validated.
pub async fn load(manifest_url: &str, manifest: Manifest) -> Library {
    let mut builder = LibraryBuilder::new(manifest);
    let planned = builder.planned_files();
    // Start every request before waiting for any of them.
    let pending: Vec<_> = planned
        .iter()
        .map(|(_, file)| fetch::resolve(file, manifest_url).map(|url| fetch::start(&url)))
        .collect();
    for ((role, file), request) in planned.iter().zip(pending) {
        let result = match request {
            Some(request) => request.text().await,
            None => Err("文件名不是有效的网址".to_string()),
        };
        match result {
            Ok(text) => {
                builder.add_text(*role, file, &text);
            }
            // The app already names missing files; search covers what did load.
            Err(reason) => builder.add_missing(file, &reason),
        }
    }
    builder.finish().library
}
