//! Where answers come from. A source is opened once per library and then answers searches and
//! suggestions. Methods return futures so a source may fetch what it needs per query (e.g. a
//! sharded index that loads only the chunks a query touches); [`WholeLibrary`] answers at once.

use crate::{fetch, library};
use mingbai_core::search::protocol::OpenLibrary;
use mingbai_core::search::{tables, SearchIndex, SearchRequest, SearchResponse, Suggestion};
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
    /// Loads the tables and the library, then builds the index. The error is for users.
    pub async fn open(at: &OpenLibrary) -> Result<WholeLibrary, String> {
        // The tables and the library download at the same time.
        let tables = (!tables::installed()).then(|| {
            let file = |name: &str| fetch::resolve(name, &at.tables_url).map(|url| fetch::start(&url));
            (file(tables::PINYIN_FILE), file(tables::CONFUSIONS_FILE))
        });
        let library = library::load(&at.manifest_url).await?;
        if let Some((pinyin, confusions)) = tables {
            // Without a table search still works, only without pinyin or typo repair.
            tables::install(fetch::text_or_empty(pinyin).await, fetch::text_or_empty(confusions).await);
        }
        let index = SearchIndex::build(&library);
        Ok(WholeLibrary { library, index })
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
