//! Keeping downloaded library files as the device's copies (for offline use), after the screen
//! has been drawn.
//!
//! A file is kept only if it passes `check_replacement` (a file with file-level errors must never
//! outlive a fixed one); the loader tells that while it reads the file anyway ([`passed`]), so
//! usually only `Cache.put` is left. On a cheap phone that was a long task in front of the first
//! screen: now downloads are queued, and once the page has drawn they are kept one file per
//! task. Every copy is kept through this one queue, in order, so an older download can never
//! overwrite a newer one.

use super::Runtime;
use crate::platform::fetch;
use leptos::prelude::{set_timeout, UpdateValue};
use leptos::task::spawn_local;
use mingbai_core::{check_replacement, FileRole};
use std::time::Duration;

struct Download {
    /// The file's role and name when it still has to pass `check_replacement`.
    check: Option<(Option<FileRole>, String)>,
    url: String,
    text: String,
}

#[derive(Default)]
pub(crate) struct Queue {
    waiting: Vec<Download>,
    running: bool,
}

fn with_queue<R>(rt: Runtime, f: impl FnOnce(&mut Queue) -> R) -> Option<R> {
    rt.keep.try_update_value(f)
}

/// Queues a download to be kept once [`start`] runs, if the file passes its check.
pub fn queue(rt: Runtime, role: Option<FileRole>, file: &str, url: &str, text: &str) {
    push(rt, Download { check: Some((role, file.to_string())), url: url.to_string(), text: text.to_string() });
}

/// Queues a download that has passed its check already (a re-check with the network).
pub fn queue_checked(rt: Runtime, url: &str, text: &str) {
    push(rt, Download { check: None, url: url.to_string(), text: text.to_string() });
}

/// The loader has read `text` as `file` and found it fit to keep (the same rule as
/// `check_replacement`): queued downloads of that very text skip their second reading.
pub fn passed(rt: Runtime, file: &str, text: &str) {
    with_queue(rt, |q| {
        for d in q.waiting.iter_mut() {
            if d.check.as_ref().is_some_and(|(_, f)| f == file) && d.text == text {
                d.check = None;
            }
        }
    });
}

fn push(rt: Runtime, download: Download) {
    with_queue(rt, |q| q.waiting.push(download));
}

/// Keeps what is queued, starting shortly after the current task (the library has been rebuilt
/// and the page is being drawn); a later call while this runs adds nothing but its queue entries.
pub fn start(rt: Runtime) {
    let start = with_queue(rt, |q| {
        let start = !q.running && !q.waiting.is_empty();
        q.running |= start;
        start
    });
    if start == Some(true) {
        // Long enough for the page to draw first (one frame), short enough to be kept before
        // anyone can go offline.
        set_timeout(move || spawn_local(keep_next(rt)), Duration::from_millis(20));
    }
}

async fn keep_next(rt: Runtime) {
    let next = with_queue(rt, |q| {
        let next = if q.waiting.is_empty() { None } else { Some(q.waiting.remove(0)) };
        q.running = next.is_some();
        next
    });
    let Some(d) = next.flatten() else { return };
    if d.check.is_none_or(|(role, file)| check_replacement(role, &file, &d.text).is_ok()) {
        fetch::keep(&d.url, &d.text).await;
    }
    set_timeout(move || spawn_local(keep_next(rt)), Duration::ZERO);
}
