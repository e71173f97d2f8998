//! The search index, built lazily: not at startup (the first screen must not pay for it) but
//! when someone focuses the search box or opens `/search`. Building means fetching the pinyin and
//! confusion tables (static files next to the app, kept out of the wasm), installing them, then
//! `SearchIndex::build` once per loaded library. Every query is wrapped in a `performance.measure`
//! named "mingbai:search" (suggestions: "mingbai:suggest") so browser benchmarks can read the
//! engine's time per query.

use super::fetch;
use crate::state::{app_state, Loaded};
use leptos::prelude::*;
use leptos::task::spawn_local;
use mingbai_core::search::{tables, SearchIndex, SearchRequest, SearchResponse, Suggestion};
use std::sync::Arc;

/// Shared by the header's search box and the `/search` page (a context provided by `App`).
#[derive(Clone, Copy)]
pub struct SearchService {
    /// Someone wants to search: build as soon as the library is there.
    wanted: RwSignal<bool>,
    /// Bumped each time an index is ready; 0 while there is none.
    ready: RwSignal<u32>,
    /// The index and the library it was built from (an index serves that library only).
    index: StoredValue<Option<(Arc<Loaded>, Arc<SearchIndex>)>>,
}

impl SearchService {
    /// Creates the service; the build starts on the first [`SearchService::request`].
    pub fn new() -> SearchService {
        let service = SearchService {
            wanted: RwSignal::new(false),
            ready: RwSignal::new(0),
            index: StoredValue::new(None),
        };
        let state = app_state();
        let building = StoredValue::new(false);
        Effect::new(move |_| {
            if !service.wanted.get() {
                return;
            }
            let Some(loaded) = state.loaded() else {
                return;
            };
            // Search covers every kind: load what the first screen left out, then build.
            if !loaded.has(&mingbai_core::FileRole::ALL) {
                super::load::request(&mingbai_core::FileRole::ALL);
                return;
            }
            let current = service
                .index
                .with_value(|i| i.as_ref().is_some_and(|(l, _)| Arc::ptr_eq(l, &loaded)));
            if current || building.get_value() {
                return;
            }
            building.set_value(true);
            spawn_local(async move {
                service.build(loaded).await;
                building.set_value(false);
            });
        });
        service
    }

    /// Starts building the index (once); cheap to call again.
    pub fn request(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// Whether the index is ready (reactive: pages and the box re-render when it becomes so).
    pub fn is_ready(&self) -> bool {
        self.ready.get() > 0
    }

    /// Someone asked for search and the index is not there yet ("正在准备搜索…").
    pub fn preparing(&self) -> bool {
        self.wanted.get() && self.ready.get() == 0
    }

    async fn build(self, loaded: Arc<Loaded>) {
        if !tables::installed() {
            // Both downloads run at once. Without the tables search still works, only without
            // pinyin and typo repair.
            let pinyin = fetch::start(&table_url(tables::PINYIN_FILE));
            let confusions = fetch::start(&table_url(tables::CONFUSIONS_FILE));
            let pinyin = pinyin.text().await.unwrap_or_else(|reason| {
                leptos::logging::warn!("拼音表无法读取（{reason}），拼音搜索暂不可用");
                String::new()
            });
            let confusions = confusions.text().await.unwrap_or_else(|reason| {
                leptos::logging::warn!("错别字表无法读取（{reason}），错别字纠正暂不可用");
                String::new()
            });
            tables::install(pinyin, confusions);
        }
        // Let "正在准备搜索…" paint before the (synchronous) build.
        next_tick().await;
        let index = SearchIndex::build(&loaded.library);
        self.index.set_value(Some((loaded, Arc::new(index))));
        self.ready.update(|n| *n += 1);
    }

    /// Runs a query (`None` until the index is ready). Measured as "mingbai:search".
    pub fn search(&self, request: &SearchRequest) -> Option<SearchResponse> {
        self.ready.track();
        self.index.with_value(|i| {
            let (loaded, index) = i.as_ref()?;
            let perf = mark_start("mingbai:search-start");
            let response = index.search(&loaded.library, request);
            mark_end(perf, "mingbai:search", "mingbai:search-start");
            Some(response)
        })
    }

    /// Up to `limit` suggestions for what has been typed (empty until the index is ready).
    /// Measured as "mingbai:suggest".
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<Suggestion> {
        self.ready.track();
        self.index.with_value(|i| {
            let Some((_, index)) = i.as_ref() else {
                return Vec::new();
            };
            let perf = mark_start("mingbai:suggest-start");
            let found = index.suggest(input, limit);
            mark_end(perf, "mingbai:suggest", "mingbai:suggest-start");
            found
        })
    }
}

pub fn use_search() -> SearchService {
    expect_context::<SearchService>()
}

/// Table files are copied to the site root by trunk (see index.html).
fn table_url(file: &str) -> String {
    format!("{}{file}", fetch::site_root())
}

fn mark_start(name: &str) -> Option<web_sys::Performance> {
    let perf = window().performance()?;
    let _ = perf.mark(name);
    Some(perf)
}

fn mark_end(perf: Option<web_sys::Performance>, measure: &str, start: &str) {
    if let Some(perf) = perf {
        let _ = perf.measure_with_start_mark(measure, start);
        perf.clear_marks_with_mark_name(start);
    }
}

/// Resolves after the browser has had a chance to paint.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 16);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
