//! Where answers come from. A source is opened once per library and then answers searches and
//! suggestions. Methods return futures so a source may fetch what it needs per query (e.g. a
//! sharded index that loads only the chunks a query touches); [`WholeLibrary`] answers at once.

use mingbai_core::search::{SearchIndex, SearchRequest, SearchResponse, Suggestion};
use mingbai_core::Library;
use std::future::Future;
use std::pin::Pin;

pub type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

pub trait SearchSource {
    fn search<'a>(&'a self, request: &'a SearchRequest) -> LocalFuture<'a, SearchResponse>;
    fn suggest<'a>(&'a self, input: &'a str, limit: usize) -> LocalFuture<'a, Vec<Suggestion>>;
}

/// The whole library in memory with one index over it (what the app did on the main thread
/// before the worker existed).
pub struct WholeLibrary {
    library: Library,
    index: SearchIndex,
}

impl WholeLibrary {
    /// Builds the index (the tables must be installed first).
    pub fn new(library: Library) -> WholeLibrary {
        let index = SearchIndex::build(&library);
        WholeLibrary { library, index }
    }
}

impl SearchSource for WholeLibrary {
    fn search<'a>(&'a self, request: &'a SearchRequest) -> LocalFuture<'a, SearchResponse> {
        Box::pin(async move { self.index.search(&self.library, request) })
    }

    fn suggest<'a>(&'a self, input: &'a str, limit: usize) -> LocalFuture<'a, Vec<Suggestion>> {
        Box::pin(async move { self.index.suggest(input, limit) })
    }
}
