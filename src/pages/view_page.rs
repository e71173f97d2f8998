//! Every public route: builds the pure page of `mingbai_view` from the runtime state (library,
//! hotline, this device) and draws it; then, as effects after drawing, sets the document title,
//! marks an opened notice read, honours `#section`, announces search counts and completes the
//! take-over of a pre-rendered page (`platform::takeover`).

use crate::components::markup::Markup;
use crate::platform::{self, live, storage, takeover};
use crate::runtime::{feedback, subs, use_runtime, Runtime};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use mingbai_core::{FileRole, FIRST_SCREEN};
use mingbai_view::pages::SearchState;
use mingbai_view::route::{Query, Route};
use mingbai_view::site::Device;

/// The kinds a route's page needs, and whether a large library's first-screen block will do.
fn needs(route: &Route) -> (&'static [FileRole], bool) {
    match route {
        Route::Home | Route::Search => (&FIRST_SCREEN, true),
        Route::Policies => (&[FileRole::Taxonomy, FileRole::Policies], false),
        Route::Cards => (&[FileRole::Taxonomy, FileRole::Cards], false),
        Route::QaList => (&[FileRole::Taxonomy, FileRole::Qa], false),
        Route::Notices => (&[FileRole::Taxonomy, FileRole::Notices], false),
        Route::Topics => (&[FileRole::Taxonomy, FileRole::Topics], false),
        Route::Privacy => (&[], false),
        _ => (&FileRole::ALL, false),
    }
}

/// What this device keeps, as pages show it (reactive: subscriptions change it).
fn device(rt: Runtime, route: &Route) -> Device {
    subs::track(rt);
    Device {
        profile: subs::profile(rt),
        stored_keys: if *route == Route::Privacy {
            storage::keys(mingbai_core::subscribe::KEY_PREFIX)
        } else {
            Vec::new()
        },
        has_voice: rt.speech.with_value(|s| s.has_voice),
    }
}

#[component]
pub fn ViewPage() -> impl IntoView {
    let rt = use_runtime();
    let location = use_location();
    let search = rt.search;
    move || {
        let route = Route::parse(&location.pathname.get());
        let query = Query::parse(&location.search.get());
        let loaded = rt.loaded().unwrap_or_default();
        let (kinds, preview_ok) = needs(&route);
        let ready = if preview_ok { loaded.shows(kinds) } else { loaded.has(kinds) };
        if !ready {
            crate::runtime::load::request(rt, kinds);
            return crate::components::status::loading();
        }
        let search_state = (route == Route::Search).then(|| {
            search.request();
            let params = mingbai_view::pages::search::Params::from_query(&query);
            SearchState {
                ready: search.is_ready(),
                failed: search.failed(),
                response: params.request().and_then(|r| search.search(&r)),
            }
        });
        // What a search tells the feedback report (sent after drawing).
        let searched = search_state
            .as_ref()
            .and_then(|s| s.response.clone())
            .filter(|_| rt.feedback_enabled())
            .map(|r| (query.get("q").unwrap_or_default().to_string(), r));
        let announce = search_state
            .as_ref()
            .and_then(|s| mingbai_view::pages::search::announcement(&query, s.response.as_ref()));
        let hotline = rt.hotline.get();
        let page = rt.with_site(&loaded, &hotline, &device(rt, &route), |site| {
            mingbai_view::render(site, &route, &query, search_state)
        });
        let title = page.title.clone();
        let opened_notice = match (&route, page.found) {
            (Route::Notice(id), true) => Some(id.clone()),
            _ => None,
        };
        let is_policy = matches!(route, Route::Policy(_));
        // Effects of having drawn this page, once it is in the document.
        queue_microtask(move || {
            platform::set_title(&title);
            if let Some(id) = opened_notice {
                subs::opened_notice(rt, &id);
            }
            if is_policy {
                // The content may arrive after the first paint: honour `#section-id` now.
                platform::scroll_to_fragment();
            }
            if let Some(text) = announce {
                live::announce(text);
            }
            if let Some((q, r)) = searched {
                let matched_any = r.total > 0 || r.facets.kind.iter().any(|v| v.count > 0);
                feedback::searched(rt, &q, &r, matched_any);
            }
            feedback::page_drawn(rt);
            takeover::page_drawn();
        });
        Markup::from(page.body)
    }
}
