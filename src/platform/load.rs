//! Loading the library over HTTP: config → manifest → every planned file (concurrently) →
//! `LibraryBuilder::finish`. Problems become diagnostics; nothing here panics.

use super::{config, fetch};
use crate::state::{AppState, Loaded, Phase};
use leptos::prelude::*;
use mingbai_core::{parse_manifest, Diagnostic, LibraryBuilder, Problem};
use std::sync::Arc;

const MANIFEST: &str = "manifest.json";

/// Loads everything and moves `state` out of `Phase::Loading`.
pub async fn run(state: AppState) {
    let config = config::load().await;
    crate::surfaces::configure(&config.kiosk);
    if let Some(hotline) = &config.hotline {
        state.hotline.set(hotline.clone());
    }
    let phase = load_library(&config, state).await;
    let ready = matches!(phase, Phase::Ready(_));
    state.phase.set(phase);
    if ready {
        crate::subs::after_load(state, config.refresh_seconds);
    }
}

async fn load_library(config: &config::Config, state: AppState) -> Phase {
    let Some(manifest_url) = config.manifest_url() else {
        let d = Diagnostic::error(
            Problem::MissingFile,
            "config.json",
            format!("政策库地址“{}”不是有效的网址", config.library),
        )
        .path("library");
        return broken(d);
    };
    let manifest_text = match fetch::text(&manifest_url).await {
        Ok(text) => text,
        Err(reason) => {
            return broken(Diagnostic::error(
                Problem::MissingFile,
                MANIFEST,
                format!("无法读取政策库清单（{reason}）"),
            ));
        }
    };
    let manifest = match parse_manifest(MANIFEST, &manifest_text) {
        Ok(manifest) => manifest,
        Err(diagnostic) => return broken(diagnostic),
    };
    if config.hotline.is_none() {
        if let Some(hotline) = manifest
            .hotline
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
        {
            state.hotline.set(hotline.to_string());
        }
    }

    let mut builder = LibraryBuilder::new(manifest);
    let planned = builder.planned_files();
    // Start every request before waiting for any of them.
    let pending: Vec<_> = planned
        .iter()
        .map(|(_, file)| match fetch::resolve(file, &manifest_url) {
            Some(url) => Ok(fetch::start(&url)),
            None => Err("文件名不是有效的网址".to_string()),
        })
        .collect();
    for ((role, file), request) in planned.iter().zip(pending) {
        let result = match request {
            Ok(request) => request.text().await,
            Err(reason) => Err(reason),
        };
        match result {
            Ok(text) => builder.add_text(*role, file, &text),
            Err(reason) => builder.add_missing(file, &reason),
        }
    }

    let report = builder.finish();
    let mut problems = Vec::new();
    for d in &report.diagnostics {
        if d.is_error() {
            leptos::logging::error!("{d}");
            problems.push(d.to_string());
        } else {
            leptos::logging::warn!("{d}");
        }
    }
    Phase::Ready(Arc::new(Loaded {
        library: report.library,
        problems,
        today: super::today(),
        manifest_url,
    }))
}

fn broken(diagnostic: Diagnostic) -> Phase {
    leptos::logging::error!("{diagnostic}");
    Phase::Broken(diagnostic.to_string())
}
