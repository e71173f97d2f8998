//! Loading the library: config → manifest → the files of the kinds pages need →
//! `LibraryBuilder`. Problems become diagnostics; nothing here panics.
//!
//! Lazy by kind: the start loads only what the first screen shows (`mingbai_core::FIRST_SCREEN`);
//! a device with a subscription then loads what its inbox reads (`subscribe::inbox_files`) in
//! the background; a page that needs more calls [`request`] and shows "正在加载" until the
//! library is rebuilt with them.
//! A library with a search index (`files.index`) has a first-screen block beside its head
//! (`mingbai_core::first_screen`): the start then loads the taxonomy and that block only, so the
//! first screen of a 100k-entry library costs what the embedded one does.
//!
//! Offline-first (docs/offline.md): each file is read from the device's kept copy when there is
//! one (at once), else from the network. Kept copies are then checked against the network in
//! the background ([`confirm`]); a download replaces a kept copy only when
//! `mingbai_core::check_replacement` accepts it, otherwise the kept copy stays and the problem
//! is listed in "部分内容未能载入". While the server cannot be reached the app says so
//! (`Runtime::offline_notice`). The steps themselves (kept copy or network, the check) are
//! `mingbai_web_load`'s, shared with the display screen and the search worker; the search
//! worker is handed the very texts read here ([`search_texts`]).

use super::library::{Loaded, Phase};
use super::{config, Runtime};
use crate::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;
use mingbai_core::{
    check_replacement, parse_manifest, Diagnostic, FileRole, IsoDate, LibraryBuilder, Manifest,
    Problem, FIRST_SCREEN,
};
use mingbai_core::first_screen::{first_screen_file, PREVIEW_ROLES};
use mingbai_core::search::protocol::KnownText;
use mingbai_web_load::obtain::{Check, Fresh};
use std::collections::HashMap;

/// The whole library past the HTTP cache by the same rule, for the display screen's refresh.
pub use mingbai_web_load::whole::load_whole;

const MANIFEST: &str = "manifest.json";

/// A library file: its role (`None` for the manifest) and its name in the manifest.
type File = (Option<FileRole>, String);

pub(crate) struct Store {
    manifest_url: String,
    manifest: Manifest,
    /// The text `manifest` was read from (handed to the search worker).
    manifest_text: String,
    /// Bumped whenever a text already read is replaced (a newer download accepted, a missing
    /// file read at last) or the manifest changes: the search worker's texts are then stale.
    edition: u32,
    /// When the manifest in use was kept on the device (ms); `None` once the network confirmed it.
    manifest_kept_at: Option<f64>,
    /// Each file's text, or why it could not be read.
    texts: HashMap<String, Result<String, String>>,
    /// Files shown from the device's copy (or not read at all) that still await the network.
    unconfirmed: Vec<File>,
    /// Kinds loaded, and kinds asked for (loaded or under way).
    kinds: Vec<FileRole>,
    requested: Vec<FileRole>,
    /// The first-screen block files read, standing in for their kinds until those load whole.
    preview: Vec<File>,
    /// Downloads that did not replace the kept copy: file → diagnostic line.
    kept_problems: HashMap<String, String>,
    /// Counts rebuilds started: only the newest one finishes (see `rebuild`).
    builds: u32,
    /// A refresh is under way (see `refresh`).
    refreshing: bool,
}

/// Runs `f` on the loader's store; `None` before the manifest has been read.
fn with_store<R>(rt: Runtime, f: impl FnOnce(&mut Store) -> R) -> Option<R> {
    rt.loader.try_update_value(|s| s.as_mut().map(f)).flatten()
}

/// Loads the first screen and moves the runtime out of `Phase::Loading` (`config` has been
/// read already).
pub async fn run(rt: Runtime, config: config::Config) {
    let manifest_url = match config.manifest_url() {
        Some(url) => url,
        None => {
            let d = Diagnostic::error(
                Problem::MissingFile,
                "config.json",
                format!("政策库地址“{}”不是有效的网址", config.library),
            )
            .path("library");
            return broken(rt, d);
        }
    };
    let (manifest_text, kept_at) = obtain(rt, &[(None, MANIFEST.to_string())], &manifest_url)
        .await
        .pop()
        .unwrap_or((Err(String::new()), None));
    let manifest_text = match manifest_text {
        Ok(text) => text,
        Err(reason) => {
            let d = Diagnostic::error(
                Problem::MissingFile,
                MANIFEST,
                format!("无法读取政策库清单（{reason}）"),
            );
            return broken(rt, d);
        }
    };
    let manifest = match parse_manifest(MANIFEST, &manifest_text) {
        Ok(manifest) => manifest,
        Err(diagnostic) => return broken(rt, diagnostic),
    };
    if config.hotline.is_none() {
        if let Some(hotline) = manifest
            .hotline
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
        {
            rt.hotline.set(hotline.to_string());
        }
    }
    rt.loader.set_value(Some(Store {
        manifest_url,
        manifest,
        manifest_text,
        edition: 0,
        manifest_kept_at: kept_at,
        texts: HashMap::new(),
        unconfirmed: kept_at.map(|_| vec![(None, MANIFEST.to_string())]).unwrap_or_default(),
        kinds: Vec::new(),
        requested: Vec::new(),
        preview: Vec::new(),
        kept_problems: HashMap::new(),
        builds: 0,
        refreshing: false,
    }));
    let block: Vec<File> = with_store(rt, |s| match &s.manifest.files.index {
        Some(head) => PREVIEW_ROLES
            .iter()
            .filter_map(|role| first_screen_file(head, *role).map(|file| (Some(*role), file)))
            .collect(),
        _ => Vec::new(),
    })
    .unwrap_or_default();
    if !block.is_empty() {
        with_store(rt, |s| s.requested.push(FileRole::Taxonomy));
        load_first_screen_block(rt, block).await;
    } else {
        with_store(rt, |s| s.requested.extend_from_slice(&FIRST_SCREEN));
        load_kinds(rt, &FIRST_SCREEN).await;
    }
    // A subscribed device's inbox reads more than the first screen: subs asks for it then.
    super::subs::after_load(rt);
    super::refresh::start(rt, config.refresh_seconds);
    confirm(rt).await;
}

/// Asks for the files of `roles` (a page needs them): loads those not loaded or under way, then
/// rebuilds the library. Cheap to call again.
pub fn request(rt: Runtime, roles: &[FileRole]) {
    let missing: Vec<FileRole> = with_store(rt, |s| {
        let missing: Vec<FileRole> = roles
            .iter()
            .copied()
            .filter(|r| !s.requested.contains(r))
            .collect();
        s.requested.extend_from_slice(&missing);
        missing
    })
    .unwrap_or_default();
    if !missing.is_empty() {
        spawn_local(async move {
            load_kinds(rt, &missing).await;
            confirm(rt).await;
        });
    }
}

/// Re-checks with the network the manifest, the notices (new targeted notices reach the inbox)
/// and every file still shown from the device or not read at all (see `runtime::refresh`).
/// Concurrent triggers (online and visible at once) run it once.
pub async fn refresh(rt: Runtime) {
    if with_store(rt, |s| std::mem::replace(&mut s.refreshing, true)) != Some(false) {
        return;
    }
    let more = with_store(rt, |s| {
        let mut files = vec![(None, MANIFEST.to_string())];
        if s.kinds.contains(&FileRole::Notices) {
            files.extend(
                s.manifest
                    .files
                    .notices
                    .names()
                    .into_iter()
                    .map(|n| (Some(FileRole::Notices), n.to_string())),
            );
        }
        // The home page's notices, when they come from the first-screen block.
        if !s.kinds.contains(&FileRole::Notices) {
            files.extend(s.preview.iter().filter(|(role, _)| *role == Some(FileRole::Notices)).cloned());
        }
        let missing = planned(s, &s.kinds)
            .into_iter()
            .filter(|(_, file)| matches!(s.texts.get(file), Some(Err(_))));
        files.extend(missing);
        for file in files {
            if !s.unconfirmed.contains(&file) {
                s.unconfirmed.push(file);
            }
        }
    });
    if more.is_some() {
        confirm(rt).await;
    }
    with_store(rt, |s| s.refreshing = false);
}

/// The files of `roles` the manifest names, with their roles.
fn planned(s: &Store, roles: &[FileRole]) -> Vec<File> {
    LibraryBuilder::new(s.manifest.clone())
        .planned_files()
        .into_iter()
        .filter(|(role, _)| roles.contains(role))
        .map(|(role, file)| (Some(role), file))
        .collect()
}

/// Reads the files of `roles` not read yet (kept copy first, else the network) and rebuilds.
async fn load_kinds(rt: Runtime, roles: &[FileRole]) {
    let Some((files, base)) = with_store(rt, |s| {
        let files: Vec<File> = planned(s, roles)
            .into_iter()
            .filter(|(_, file)| !s.texts.contains_key(file))
            .collect();
        (files, s.manifest_url.clone())
    }) else {
        return;
    };
    let got = obtain(rt, &files, &base).await;
    with_store(rt, |s| {
        for ((role, file), (text, kept_at)) in files.into_iter().zip(got) {
            if kept_at.is_some() || text.is_err() {
                s.unconfirmed.push((role, file.clone()));
            }
            s.texts.insert(file, text);
        }
        for role in roles {
            if !s.kinds.contains(role) {
                s.kinds.push(*role);
            }
        }
    });
    rebuild(rt).await;
}

/// Reads the taxonomy and the first-screen block together, and rebuilds. A block file that
/// cannot be read or used (an index written before the block existed, a missing or broken
/// file) is not shown: its kind is then loaded whole, as without an index.
async fn load_first_screen_block(rt: Runtime, block: Vec<File>) {
    let Some((mut files, base)) = with_store(rt, |s| (planned(s, &[FileRole::Taxonomy]), s.manifest_url.clone())) else {
        return;
    };
    let taxonomy_files = files.len();
    files.extend(block);
    let got = obtain(rt, &files, &base).await;
    let whole: Vec<FileRole> = with_store(rt, |s| {
        let mut whole = Vec::new();
        for (position, ((role, file), (text, kept_at))) in files.into_iter().zip(got).enumerate() {
            let is_block = position >= taxonomy_files;
            let unusable = match &text {
                Ok(text) => check_replacement(role, &file, text).is_err(),
                Err(_) => true,
            };
            if is_block && unusable {
                whole.extend(role);
                continue;
            }
            if kept_at.is_some() || text.is_err() {
                s.unconfirmed.push((role, file.clone()));
            }
            if is_block {
                s.preview.push((role, file.clone()));
            }
            s.texts.insert(file, text);
        }
        s.kinds.push(FileRole::Taxonomy);
        s.requested.extend_from_slice(&whole);
        whole
    })
    .unwrap_or_default();
    if whole.is_empty() {
        rebuild(rt).await;
    } else {
        load_kinds(rt, &whole).await;
    }
}

/// Each file's text and, when it is the device's kept copy, when that was stored (the shared
/// loading step, `mingbai_web_load::obtain`). Downloads are kept later when acceptable.
async fn obtain(rt: Runtime, files: &[File], base: &str) -> Vec<(Result<String, String>, Option<f64>)> {
    let names: Vec<&str> = files.iter().map(|(_, file)| file.as_str()).collect();
    let got = mingbai_web_load::obtain::obtain(&names, base).await;
    files
        .iter()
        .zip(got)
        .map(|((role, file), got)| {
            if let Some((url, text)) = got.downloaded() {
                // Kept once the page has drawn, if it passes its check (keep_later).
                super::keep_later::queue(rt, *role, file, url, text);
            }
            (got.text, got.kept_at)
        })
        .collect()
}

/// Asks the network about every unconfirmed file: an acceptable download replaces the kept
/// copy, anything else leaves it in place (and says why); an unreachable server turns the
/// offline notice on. Rebuilds the library when something changed.
async fn confirm(rt: Runtime) {
    let Some((files, base)) = with_store(rt, |s| (std::mem::take(&mut s.unconfirmed), s.manifest_url.clone())) else {
        return;
    };
    if files.is_empty() {
        return;
    }
    let checks: Vec<Option<Check>> = files.iter().map(|(_, file)| Check::start(file, &base)).collect();
    let mut changed = false;
    let mut unreachable = Vec::new();
    let mut new_manifest = None;
    for ((role, file), check) in files.into_iter().zip(checks) {
        let Some(check) = check else { continue };
        let url = check.url.clone();
        let text = match check.result(role, &file).await {
            Fresh::Accepted(text) => text,
            Fresh::Failed(failure) if failure.unreachable => {
                unreachable.push((role, file));
                continue;
            }
            Fresh::Failed(failure) => {
                let line = format!("无法更新（{}）", failure.reason);
                changed |= note_kept_problem(rt, &file, line);
                continue;
            }
            Fresh::Refused(text, d) => {
                let have_copy = with_store(rt, |s| matches!(s.texts.get(&file), Some(Ok(_)))).unwrap_or(true);
                if have_copy || role.is_none() {
                    changed |= note_kept_problem(rt, &file, format!("新下载的文件有误（{}）", d.message));
                } else {
                    // Nothing better to show: as on a first visit, the loader lists its problems.
                    with_store(rt, |s| {
                        s.texts.insert(file, Ok(text));
                        s.edition += 1;
                    });
                    changed = true;
                }
                continue;
            }
        };
        super::keep_later::queue_checked(rt, &url, &text);
        super::keep_later::start(rt);
        if role.is_none() {
            if let Ok(manifest) = parse_manifest(MANIFEST, &text) {
                new_manifest = Some((manifest, text));
            }
            continue;
        }
        changed |= with_store(rt, |s| {
            let problem_gone = s.kept_problems.remove(&file).is_some();
            let same = matches!(s.texts.get(&file), Some(Ok(old)) if *old == text);
            if !same {
                s.texts.insert(file, Ok(text));
                s.edition += 1;
            }
            problem_gone || !same
        })
        .unwrap_or(false);
    }
    let offline = !unreachable.is_empty();
    let notice = with_store(rt, |s| {
        if let Some((manifest, text)) = new_manifest {
            s.manifest_kept_at = None;
            s.kept_problems.remove(MANIFEST);
            if manifest != s.manifest {
                s.manifest = manifest;
                s.manifest_text = text;
                s.edition += 1;
                changed = true;
            }
        }
        s.unconfirmed.extend(unreachable);
        offline.then(|| offline_notice(s))
    });
    let Some(notice) = notice else { return };
    if rt.offline_notice.get_untracked() != notice {
        rt.offline_notice.set(notice);
    }
    if changed {
        // A new manifest may name files not read yet.
        let kinds = with_store(rt, |s| s.kinds.clone()).unwrap_or_default();
        load_kinds(rt, &kinds).await;
    }
}

/// The edition of the texts read so far (see `Store::edition`); `None` before the manifest.
pub fn edition(rt: Runtime) -> Option<u32> {
    with_store(rt, |s| s.edition)
}

/// What the search worker indexes (`runtime::search`): the manifest text and every library
/// file read so far, as the pages use it (a file that could not be read is listed with its
/// reason, so the worker does not index a download of its own), with the edition they belong
/// to. `None` before the manifest has loaded.
pub fn search_texts(rt: Runtime) -> Option<(u32, String, Vec<KnownText>)> {
    with_store(rt, |s| {
        let texts = s
            .texts
            .iter()
            .map(|(file, text)| KnownText { file: file.clone(), text: text.clone() })
            .collect();
        (s.edition, s.manifest_text.clone(), texts)
    })
}

/// Records why a download did not replace the kept copy; `true` when that is news.
fn note_kept_problem(rt: Runtime, file: &str, why: String) -> bool {
    let line = Diagnostic::error(
        Problem::MalformedJson,
        file,
        format!("{why}，仍显示本机保存的上一版"),
    )
    .to_string();
    leptos::logging::warn!("{line}");
    with_store(rt, |s| s.kept_problems.insert(file.to_string(), line.clone()) != Some(line))
        .unwrap_or(false)
}

/// "离线浏览：数据更新于 2024年7月1日": the manifest's `updated`, else when it was kept.
fn offline_notice(s: &Store) -> String {
    let date = s.manifest.updated.clone().or_else(|| {
        let kept = js_sys::Date::new(&s.manifest_kept_at?.into());
        IsoDate::from_ymd(
            kept.get_full_year() as i32,
            (kept.get_month() + 1) as u8,
            kept.get_date() as u8,
        )
    });
    match date {
        Some(date) => format!("离线浏览：数据更新于 {}", date.chinese()),
        None => "离线浏览：显示的是本机保存的内容".to_string(),
    }
}

/// Builds the library from every file read so far and puts it in the runtime. The work is cut
/// into tasks (each file, the cross-checks, then the page), so a cheap phone answers a tap in
/// between instead of freezing for the whole library. A rebuild started meanwhile (a newer file
/// arrived) supersedes this one, which then stops at its next step.
async fn rebuild(rt: Runtime) {
    let Some(this) = with_store(rt, |s| {
        s.builds = s.builds.wrapping_add(1);
        s.builds
    }) else {
        return;
    };
    let superseded = move || with_store(rt, |s| s.builds) != Some(this);
    let Some((mut builder, files, preview)) = with_store(rt, |s| {
        let builder = LibraryBuilder::new(s.manifest.clone()).only(&s.kinds);
        let mut files: Vec<(FileRole, String)> = builder
            .planned_files()
            .into_iter()
            .filter(|(role, _)| s.kinds.contains(role))
            .collect();
        // The first-screen block stands in for the kinds not loaded whole (still "not loaded"
        // for the validator: their references into other kinds stay unchecked).
        let mut preview = Vec::new();
        for (role, file) in &s.preview {
            let Some(role) = *role else { continue };
            if let (false, Some(Ok(_))) = (s.kinds.contains(&role), s.texts.get(file)) {
                files.push((role, file.clone()));
                preview.push(role);
            }
        }
        (builder, files, preview)
    }) else {
        return;
    };
    // A kind counts as failed only when none of its files could be read: a bad shard beside good
    // ones must not hide the good entries (the notice lists the bad shard).
    let mut failed: Vec<FileRole> = Vec::new();
    let mut read: Vec<FileRole> = Vec::new();
    for (role, file) in files {
        platform::next_task().await;
        if superseded() {
            return;
        }
        with_store(rt, |s| match s.texts.get(&file) {
            // A download the loader finds fit to keep needs no second reading when it is kept.
            Some(Ok(text)) => {
                if builder.add_text(role, &file, text) {
                    super::keep_later::passed(rt, &file, text);
                    read.push(role);
                } else if role != FileRole::Taxonomy {
                    // Unreadable as a whole (truncated, wrong shape): the kind is incomplete.
                    failed.push(role);
                }
            }
            Some(Err(reason)) => {
                builder.add_missing(&file, reason);
                failed.push(role);
            }
            None => {
                builder.add_missing(&file, "尚未下载");
                failed.push(role);
            }
        });
    }
    platform::next_task().await;
    if superseded() {
        return;
    }
    failed.retain(|role| !read.contains(role));
    let report = builder.finish();
    let Some(loaded) = with_store(rt, |s| {
        let mut problems: Vec<String> = s.kept_problems.values().cloned().collect();
        problems.sort();
        for d in &report.diagnostics {
            if d.is_error() {
                leptos::logging::error!("{d}");
                problems.push(d.to_string());
            } else {
                leptos::logging::warn!("{d}");
            }
        }
        let loaded = Loaded {
            library: report.library,
            problems,
            today: platform::today(),
            manifest_url: s.manifest_url.clone(),
            kinds: s.kinds.clone(),
            preview,
            failed,
        };
        loaded
    }) else {
        return;
    };
    // The page is drawn in a task of its own.
    platform::next_task().await;
    if superseded() {
        return;
    }
    let was_ready = matches!(rt.phase.get_untracked(), Phase::Ready(_));
    rt.replace(loaded);
    super::keep_later::start(rt);
    // Any newer file can be inbox news: notices, a followed policy revised, a card's deadline.
    if was_ready {
        super::subs::notices_replaced(rt);
    }
}

fn broken(rt: Runtime, diagnostic: Diagnostic) {
    leptos::logging::error!("{diagnostic}");
    rt.phase.set(Phase::Broken(diagnostic.to_string()));
}
