//! One file per route: each turns the library (and the route's id or query) into a [`Page`].
//! Pure: no document title, no storage, no network — the app's effects do those.

pub mod card;
pub mod cards;
pub mod home;
pub mod notice;
pub mod notices;
pub mod policies;
pub mod policy;
pub mod privacy;
pub mod qa;
pub mod qa_list;
pub mod search;
pub mod subscribe_block;
pub mod topic;
pub mod topics;

use crate::route::{Query, Route};
use crate::site::{Page, Site};
use crate::status::not_found;
use mingbai_core::feedback::PageKind;
pub use search::SearchState;

/// The page of `route`. Routes only the app can show (subscribe, inbox, kiosk) are not pages
/// here: they render as "not found" (the app never asks for them).
pub fn render(site: &Site, route: &Route, query: &Query, search: Option<SearchState>) -> Page {
    let mut page = page_of(site, route, query, search);
    if site.feedback && page.found {
        if let Some((kind, id)) = feedback_target(route, query) {
            page.body.0.push(crate::feedback::block(kind, &id).into());
        }
    }
    page
}

/// What the 有用/没用 block under a page is about: content pages, and search with a query.
fn feedback_target(route: &Route, query: &Query) -> Option<(PageKind, String)> {
    let (kind, id) = match route {
        Route::Qa(id) => (PageKind::Qa, id),
        Route::Card(id) => (PageKind::Card, id),
        Route::Policy(id) => (PageKind::Policy, id),
        Route::Notice(id) => (PageKind::Notice, id),
        Route::Topic(id) => (PageKind::Topic, id),
        Route::Search => {
            let q = query.get("q").map(str::trim).filter(|q| !q.is_empty())?;
            return Some((PageKind::Search, q.to_string()));
        }
        _ => return None,
    };
    Some((kind, id.clone()))
}

fn page_of(site: &Site, route: &Route, query: &Query, search: Option<SearchState>) -> Page {
    match route {
        Route::Home => home::render(site),
        Route::Policies => policies::render(site, query),
        Route::Policy(id) => policy::render(site, id),
        Route::Cards => cards::render(site),
        Route::Card(id) => card::render(site, id),
        Route::QaList => qa_list::render(site, query),
        Route::Qa(id) => qa::render(site, id),
        Route::Notices => notices::render(site),
        Route::Notice(id) => notice::render(site, id),
        Route::Topics => topics::render(site),
        Route::Topic(id) => topic::render(site, id),
        Route::Search => search::render(site, query, search),
        Route::Privacy => privacy::render(site),
        Route::Subscribe | Route::Inbox | Route::Kiosk | Route::NotFound => not_found(site.hotline),
    }
}
