//! Search, answered by the search worker (`crates/search-worker`), so the app shell's wasm does
//! not carry the engine. Nothing search-related loads at startup: the worker starts when someone
//! focuses the search box or opens `/search`; it is handed the library texts the app has read
//! (`load::search_texts`), reads any other file by the same rule, loads the pinyin/confusion
//! tables and builds the index ("正在准备搜索…" meanwhile).
//!
//! The API is asynchronous in two shapes:
//! - [`SearchService::search`] is reactive: it returns the answer once the worker has given it
//!   (`None` before) and the caller re-renders when it arrives;
//! - [`SearchService::suggest`] calls back with the suggestions.
//!
//! Only the latest search and the latest suggestion request are answered (the latest keystroke
//! wins); older answers are dropped. For benchmarks every answer is recorded as a
//! `performance.measure` named "mingbai:search" / "mingbai:suggest" lasting as long as the engine
//! worked inside the worker, and "mingbai:search-roundtrip" / "mingbai:suggest-roundtrip" from
//! sending the request to handling the answer. If the worker cannot start (very old browser,
//! a blocked or missing file), `failed` says why in Chinese and the rest of the app works on.

use super::library::Loaded;
use super::Runtime;
use crate::platform::fetch;
use leptos::prelude::*;
use mingbai_core::search::protocol::{OpenLibrary, SuggestRequest, WorkerReply, WorkerRequest};
use mingbai_core::search::{SearchRequest, SearchResponse, Suggestion};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

/// Written by `public/search-worker-loader.js`'s trunk link into the site root.
const WORKER_FILE: &str = "search-worker-loader.js";

/// Shared by the header's search box and the `/search` page (part of the `Runtime`).
#[derive(Clone, Copy)]
pub struct SearchService {
    /// Someone wants to search: start the worker as soon as the library is there.
    wanted: RwSignal<bool>,
    /// Bumped each time the worker has an index ready; 0 while there is none.
    ready: RwSignal<u32>,
    /// Why search cannot be used, for users.
    failed: RwSignal<Option<String>>,
    /// The latest search answered: the request and its response.
    answer: RwSignal<Option<Arc<(SearchRequest, SearchResponse)>>>,
    /// The worker and what is under way with it.
    channel: StoredValue<Channel, LocalStorage>,
}

/// What the main thread keeps about the worker.
#[derive(Default)]
struct Channel {
    worker: Option<Worker>,
    /// The worker announced itself and takes requests.
    up: bool,
    /// The library the worker was (or will be) asked to open: its manifest URL and the
    /// loader's edition of its texts (`load::edition`).
    opened: Option<(String, u32)>,
    /// An `open` waiting for the worker to come up.
    to_open: Option<WorkerRequest>,
    next_id: u32,
    open_id: u32,
    /// The latest search sent: id, request, time sent.
    search: Option<(u32, SearchRequest, f64)>,
    /// The latest suggestion request: id, time sent, who wants the answer.
    suggest: Option<(u32, f64, Box<dyn FnOnce(Vec<Suggestion>)>)>,
}

impl SearchService {
    /// Creates the service; the worker starts on the first [`SearchService::request`] once
    /// [`SearchService::start`] has run.
    pub fn new() -> SearchService {
        SearchService {
            wanted: RwSignal::new(false),
            ready: RwSignal::new(0),
            failed: RwSignal::new(None),
            answer: RwSignal::new(None),
            channel: StoredValue::new_local(Channel::default()),
        }
    }

    /// Opens the library in the worker whenever someone wants to search and the library (or a
    /// text of it) has changed.
    pub fn start(self, rt: Runtime) {
        Effect::new(move |_| {
            if !self.wanted.get() || self.failed.get_untracked().is_some() {
                return;
            }
            // The worker loads every kind itself: the first screen's partial library is enough to
            // know where the library is.
            if let Some(loaded) = rt.loaded() {
                self.open(rt, loaded);
            }
        });
    }

    fn with_channel<R>(&self, f: impl FnOnce(&mut Channel) -> R) -> Option<R> {
        self.channel.try_update_value(f)
    }

    /// Starts the worker (once); cheap to call again.
    pub fn request(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// Whether the worker has an index (reactive).
    pub fn is_ready(&self) -> bool {
        self.ready.get() > 0
    }

    /// Someone asked for search and it is not there yet ("正在准备搜索…").
    pub fn preparing(&self) -> bool {
        self.wanted.get() && self.ready.get() == 0 && self.failed.with(Option::is_none)
    }

    /// Why search cannot be used (reactive); `None` while it works or is being prepared.
    pub fn failed(&self) -> Option<String> {
        self.failed.get()
    }

    /// The answer to `request` once the worker has given it (reactive: the caller runs again
    /// when it arrives). Asks the worker when this is not the search already asked for.
    pub fn search(&self, request: &SearchRequest) -> Option<SearchResponse> {
        if self.ready.get() == 0 {
            return None;
        }
        let cached = self.answer.with(|a| {
            a.as_ref()
                .filter(|a| a.0 == *request)
                .map(|a| a.1.clone())
        });
        if cached.is_some() {
            return cached;
        }
        self.with_channel(|c| {
            if c.search.as_ref().is_some_and(|(_, sent, _)| sent == request) {
                return; // already asked; the answer is on its way
            }
            let id = c.id();
            c.search = Some((id, request.clone(), now()));
            c.send(&WorkerRequest {
                id,
                search: Some(request.clone()),
                ..Default::default()
            });
        });
        None
    }

    /// Asks for up to `limit` suggestions for `input`; `answer` is called with them unless
    /// another request came after this one. Nothing happens before the index is ready.
    pub fn suggest(&self, input: &str, limit: usize, answer: impl FnOnce(Vec<Suggestion>) + 'static) {
        if self.ready.get_untracked() == 0 {
            return;
        }
        self.with_channel(|c| {
            let id = c.id();
            c.suggest = Some((id, now(), Box::new(answer)));
            c.send(&WorkerRequest {
                id,
                suggest: Some(SuggestRequest {
                    input: input.to_string(),
                    limit,
                }),
                ..Default::default()
            });
        });
    }

    /// Makes sure the worker runs and has `loaded`'s library open (or is opening it), with the
    /// very texts the pages show (`load::search_texts`): search never indexes a download the
    /// app refused (docs/search-worker.md).
    fn open(self, rt: Runtime, loaded: Arc<Loaded>) {
        let Some(edition) = super::load::edition(rt) else { return };
        let key = (loaded.manifest_url.clone(), edition);
        // Kinds loaded later (lazy pages) do not change what the worker indexes (it read them by
        // the same rule); a new library, or a text of it replaced, does.
        if self.channel.with_value(|c| c.opened.as_ref() == Some(&key)) {
            return;
        }
        let Some(texts) = super::load::search_texts(rt) else { return };
        let started = self.with_channel(|c| {
            if c.worker.is_none() {
                c.worker = Some(self.start_worker()?);
            }
            let (_, manifest, mut texts) = texts;
            // A sharded index (`files.index`) is searched without the library files.
            if loaded.library.manifest.as_ref().is_some_and(|m| m.files.index.is_some()) {
                texts.clear();
            }
            let id = c.id();
            c.open_id = id;
            c.to_open = Some(WorkerRequest {
                id,
                open: Some(OpenLibrary {
                    manifest_url: loaded.manifest_url.clone(),
                    tables_url: fetch::site_root(),
                    manifest: Some(manifest),
                    texts,
                }),
                ..Default::default()
            });
            c.opened = Some(key);
            c.flush();
            Ok(())
        });
        if let Some(Err(reason)) = started {
            self.fail(reason);
        }
    }

    fn start_worker(self) -> Result<Worker, String> {
        let url = format!("{}{WORKER_FILE}", fetch::site_root());
        let worker = Worker::new(&url).map_err(|e| {
            leptos::logging::error!("search worker: {e:?}");
            "此浏览器无法启动搜索程序".to_string()
        })?;
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let reply = ev
                .data()
                .as_string()
                .and_then(|text| WorkerReply::from_json(&text));
            if let Some(reply) = reply {
                self.on_reply(reply);
            }
        });
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            self.fail("搜索程序无法下载或启动".to_string());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The worker lives as long as the page.
        on_message.forget();
        on_error.forget();
        Ok(worker)
    }

    fn on_reply(self, reply: WorkerReply) {
        if reply.up {
            self.with_channel(|c| {
                c.up = true;
                c.flush();
            });
            return;
        }
        if let Some(error) = reply.error {
            let open_id = self.channel.with_value(|c| c.open_id);
            if reply.id == 0 || reply.id == open_id {
                self.fail(error);
            }
            return;
        }
        if reply.ready {
            if self.channel.with_value(|c| c.open_id) == reply.id {
                self.answer.set(None); // answers about the previous library
                self.ready.update(|n| *n += 1);
            }
            return;
        }
        if let Some(response) = reply.search {
            let latest = self.with_channel(|c| match &c.search {
                Some((id, request, sent)) => {
                    record("mingbai:search-roundtrip", *sent);
                    (*id == reply.id).then(|| request.clone())
                }
                None => None,
            });
            record("mingbai:search", now() - reply.ms);
            if let Some(request) = latest.flatten() {
                self.answer.set(Some(Arc::new((request, response))));
            }
        } else if let Some(found) = reply.suggest {
            record("mingbai:suggest", now() - reply.ms);
            let waiting = self.with_channel(|c| match c.suggest.take() {
                Some((id, sent, answer)) if id == reply.id => {
                    record("mingbai:suggest-roundtrip", sent);
                    Some(answer)
                }
                other => {
                    c.suggest = other;
                    None
                }
            });
            // Called outside the borrow: the callback may ask again.
            if let Some(answer) = waiting.flatten() {
                answer(found);
            }
        }
    }

    fn fail(self, reason: String) {
        leptos::logging::error!("搜索暂时无法使用：{reason}");
        if self.failed.get_untracked().is_none() {
            self.failed.set(Some(reason));
        }
    }
}

impl Channel {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    fn send(&self, request: &WorkerRequest) {
        if let (Some(worker), Ok(text)) = (&self.worker, serde_json::to_string(request)) {
            let _ = worker.post_message(&JsValue::from_str(&text));
        }
    }

    /// Sends the pending `open` once the worker is up.
    fn flush(&mut self) {
        if self.up {
            if let Some(open) = self.to_open.take() {
                self.send(&open);
            }
        }
    }
}

/// What users read when search cannot be used, with the way on.
pub fn unavailable_text(reason: &str) -> String {
    format!("搜索暂时无法使用（{reason}）。您仍可以浏览政策文件和常见问题，或拨打热线咨询。")
}

fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// `performance.measure(name, {start, end: now})`.
fn record(name: &str, start: f64) {
    let Some(perf) = window().performance() else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &now().into());
    if let Ok(measure) = js_sys::Reflect::get(&perf, &"measure".into()) {
        let measure: js_sys::Function = measure.unchecked_into();
        let _ = measure.call2(&perf, &name.into(), &options);
    }
}
