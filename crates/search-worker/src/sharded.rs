//! A library published with a sharded search index (`mingbai index`, manifest `files.index`):
//! the worker downloads the head once and then only the chunks each query needs, instead of the
//! whole library. The engine's plan/answer loop (`IndexHead::plan`) says which chunks; this file
//! only fetches them, all chunks of a round at once.

use crate::fetch;
use crate::source::{LocalFuture, SearchSource};
use crate::tables::Tables;
use mingbai_core::search::sharded::{IndexHead, Step};
use mingbai_core::search::{SearchRequest, SearchResponse, Suggestion};
use std::cell::RefCell;

/// More rounds than any query needs (a typical one takes 3–6); a guard against a head that keeps
/// asking for chunks it cannot use.
const MAX_ROUNDS: usize = 12;

pub struct ShardedIndex {
    head: RefCell<IndexHead>,
    /// URL of head.json: chunk names are relative to it.
    head_url: String,
}

impl ShardedIndex {
    /// Downloads the head (reading it waits for `tables`, which the engine needs for pinyin).
    /// The error is for users.
    pub async fn open(head_url: String, tables: Tables) -> Result<ShardedIndex, String> {
        let text = fetch::start(&head_url).text().await;
        tables.install().await;
        let text = text.map_err(|reason| format!("无法读取搜索索引（{reason}）"))?;
        let head = IndexHead::parse(text.as_bytes())?;
        Ok(ShardedIndex { head: RefCell::new(head), head_url })
    }

    /// Fetches every chunk of one round concurrently and hands them to the head. A chunk that
    /// cannot be fetched or read is skipped: the search goes on without it.
    async fn load(&self, chunks: Vec<String>) {
        let pending: Vec<_> = chunks
            .iter()
            .map(|name| fetch::resolve(name, &self.head_url).map(|url| fetch::start(&url)))
            .collect();
        for (name, request) in chunks.iter().zip(pending) {
            let text = match request {
                Some(request) => request.text().await.ok(),
                None => None,
            };
            // Never hold the borrow across an await: other queries run between rounds.
            let mut head = self.head.borrow_mut();
            let added = text.is_some_and(|t| head.add_chunk(name, t.as_bytes()).is_ok());
            if !added {
                head.skip_chunk(name);
            }
        }
    }
}

impl SearchSource for ShardedIndex {
    fn search<'a>(&'a self, request: &'a SearchRequest) -> LocalFuture<'a, SearchResponse> {
        Box::pin(async move {
            for _ in 0..MAX_ROUNDS {
                let step = self.head.borrow().plan(request);
                match step {
                    Step::Done(response) => return response,
                    Step::Need(chunks) => self.load(chunks).await,
                }
            }
            // The head kept asking: answer with what is loaded (chunks still missing count as
            // empty) rather than never.
            let missing = match self.head.borrow().plan(request) {
                Step::Done(response) => return response,
                Step::Need(chunks) => chunks,
            };
            {
                let mut head = self.head.borrow_mut();
                for name in &missing {
                    head.skip_chunk(name);
                }
            }
            match self.head.borrow().plan(request) {
                Step::Done(response) => response,
                Step::Need(_) => SearchResponse {
                    query: request.query.clone(),
                    corrected: None,
                    expanded: Vec::new(),
                    alternatives: Vec::new(),
                    results: Vec::new(),
                    total: 0,
                    facets: Default::default(),
                },
            }
        })
    }

    fn suggest<'a>(&'a self, input: &'a str, limit: usize) -> LocalFuture<'a, Vec<Suggestion>> {
        Box::pin(async move { self.head.borrow().suggest(input, limit) })
    }
}
