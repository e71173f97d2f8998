//! mingbai's search engine in a Web Worker, so the app shell's wasm does not carry it.
//!
//! The app starts this worker the first time someone wants to search (see
//! `src/platform/search.rs`). The worker announces itself (`up`), then answers JSON messages
//! (`mingbai_core::search::protocol`): `open` loads the library and builds the index from a
//! [`source::SearchSource`]; `search` and `suggest` are answered with the engine's time in
//! milliseconds so the app can record it as a `performance.measure`.

mod fetch;
mod library;
mod sharded;
pub mod source;
mod tables;

use mingbai_core::search::protocol::{OpenLibrary, WorkerReply, WorkerRequest};
use sharded::ShardedIndex;
use source::{SearchSource, WholeLibrary};
use tables::Tables;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    /// What searches run against; `None` until an `open` succeeded.
    static SOURCE: RefCell<Option<Rc<dyn SearchSource>>> = RefCell::new(None);
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

#[wasm_bindgen(start)]
pub fn start() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|ev: MessageEvent| {
        if let Some(text) = ev.data().as_string() {
            wasm_bindgen_futures::spawn_local(handle(text));
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget(); // lives as long as the worker
    post(&WorkerReply { up: true, ..Default::default() });
}

async fn handle(text: String) {
    let Ok(request) = serde_json::from_str::<WorkerRequest>(&text) else {
        return post(&WorkerReply { error: Some("搜索请求无法识别".into()), ..Default::default() });
    };
    let mut reply = WorkerReply { id: request.id, ..Default::default() };
    let start = now();
    if let Some(open) = &request.open {
        match open_source(open).await {
            Ok(source) => {
                SOURCE.with(|s| *s.borrow_mut() = Some(source));
                reply.ready = true;
            }
            Err(reason) => reply.error = Some(reason),
        }
    } else if let Some(source) = SOURCE.with(|s| s.borrow().clone()) {
        if let Some(search) = &request.search {
            reply.search = Some(source.search(search).await);
        } else if let Some(suggest) = &request.suggest {
            reply.suggest = Some(source.suggest(&suggest.input, suggest.limit).await);
        }
    }
    // Without a library yet the reply is empty: the app only asks once it was told `ready`.
    reply.ms = now() - start;
    post(&reply);
}

/// A library that declares a sharded index (`files.index`) is searched through it, chunk by
/// chunk; any other library is indexed here whole, from the texts the app sent and, for files
/// it has not read, by the app's loading rule (`library.rs`).
async fn open_source(at: &OpenLibrary) -> Result<Rc<dyn SearchSource>, String> {
    let tables = Tables::start(&at.tables_url);
    let manifest = library::manifest(at).await?;
    let head_url = manifest.files.index.as_deref().and_then(|head| fetch::resolve(head, &at.manifest_url));
    Ok(match head_url {
        Some(head_url) => Rc::new(ShardedIndex::open(head_url, tables).await?),
        None => {
            let library = library::load(at, manifest).await;
            tables.install().await;
            Rc::new(WholeLibrary::new(library))
        }
    })
}

fn post(reply: &WorkerReply) {
    if let Ok(text) = serde_json::to_string(reply) {
        let _ = scope().post_message(&JsValue::from_str(&text));
    }
}

/// Milliseconds on the worker's clock (0 where there is none).
fn now() -> f64 {
    scope().performance().map(|p| p.now()).unwrap_or(0.0)
}
