//! The library the worker indexes: the texts the app sent with `open` (exactly what its pages
//! show), and any other file the manifest names read by the app's own loading loop
//! (`mingbai_web_load::obtain`: the device's kept copy first, else the network). The worker
//! never indexes a download of a file the app has read, so a download the app refused (e.g. a
//! truncated qa.json after a good visit) can never reach search (docs/search-worker.md).

use mingbai_core::search::protocol::{KnownText, OpenLibrary};
use mingbai_core::{parse_manifest, Library, LibraryBuilder, Manifest};
use mingbai_web_load::obtain::obtain;

/// The manifest the app accepted, else the one behind `manifest_url` by the same rule; or why
/// search cannot use it (for users).
pub async fn manifest(at: &OpenLibrary) -> Result<Manifest, String> {
    let text = match &at.manifest {
        Some(text) => text.clone(),
        None => obtain(&[at.manifest_url.as_str()], &at.manifest_url)
            .await
            .pop()
            .map(|o| o.text)
            .unwrap_or_else(|| Err(String::new()))
            .map_err(|reason| format!("无法读取政策库清单（{reason}）"))?,
    };
    parse_manifest("manifest.json", &text).map_err(|d| d.to_string())
}

/// Every file the manifest names, loaded and validated as the app does.
pub async fn load(at: &OpenLibrary, manifest: Manifest) -> Library {
    let mut builder = LibraryBuilder::new(manifest);
    let planned = builder.planned_files();
    let given = |file: &str| at.texts.iter().find(|t| t.file == file).map(|t: &KnownText| &t.text);
    let others: Vec<&str> = planned.iter().map(|(_, f)| f.as_str()).filter(|f| given(f).is_none()).collect();
    let mut read = obtain(&others, &at.manifest_url).await.into_iter();
    for (role, file) in &planned {
        let text = match given(file) {
            Some(text) => text.clone(),
            None => read.next().map(|o| o.text).unwrap_or_else(|| Err(String::new())),
        };
        match text {
            Ok(text) => {
                builder.add_text(*role, file, &text);
            }
            // The app already names missing files; search covers what did load.
            Err(reason) => builder.add_missing(file, &reason),
        }
    }
    builder.finish().library
}
