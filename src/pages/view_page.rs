//! Every public route: builds the pure page of `mingbai_view` from the runtime state (library,
//! hotline, this device) and draws it; then, as effects after drawing, sets the document title,
//! marks an opened notice read, honours `#section`, announces search counts and completes the
//! take-over of a pre-rendered page (`platform::takeover`).

use crate::components::markup::Markup;
use crate::platform::{self, search::use_search, storage, takeover};
use crate::state::{app_state, Loaded};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use mingbai_core::{FileRole, FIRST_SCREEN};
use mingbai_view::pages::SearchState;
use mingbai_view::route::{Query, Route};
use mingbai_view::site::{Device, Site};

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
fn device(route: &Route) -> Device {
    crate::subs::track();
    Device {
        profile: crate::subs::profile(),
        stored_keys: if *route == Route::Privacy {
            storage::keys(mingbai_core::subscribe::KEY_PREFIX)
        } else {
            Vec::new()
        },
        has_voice: crate::components::read_aloud::has_voice(),
    }
}

#[component]
pub fn ViewPage() -> impl IntoView {
    let state = app_state();
    let location = use_location();
    let search = use_search();
    move || {
        let route = Route::parse(&location.pathname.get());
        let query = Query::parse(&location.search.get());
        let loaded = state.loaded().unwrap_or_default();
        let (kinds, preview_ok) = needs(&route);
        let ready = if preview_ok { loaded.shows(kinds) } else { loaded.has(kinds) };
        if !ready {
            crate::platform::load::request(kinds);
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
        if let Some(r) = search_state.as_ref().and_then(|s| s.response.as_ref()) {
            let matched_any = r.total > 0 || r.facets.kind.iter().any(|v| v.count > 0);
            platform::feedback::searched(query.get("q").unwrap_or_default(), r, matched_any);
        }
        let announce = search_state
            .as_ref()
            .and_then(|s| mingbai_view::pages::search::announcement(&query, s.response.as_ref()));
        let page = render(&loaded, &route, &query, search_state, state.hotline.get());
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
                crate::subs::opened_notice(&id);
            }
            if is_policy {
                // The content may arrive after the first paint: honour `#section-id` now.
                platform::scroll_to_fragment();
            }
            if let Some(text) = announce {
                crate::components::search_box::announce(text);
            }
            platform::feedback::page_drawn();
            takeover::page_drawn();
        });
        Markup::from(page.body)
    }
}

fn render(loaded: &Loaded, route: &Route, query: &Query, search: Option<SearchState>, hotline: String) -> mingbai_view::site::Page {
    with_site(loaded, &hotline, &device(route), |site| mingbai_view::render(site, route, query, search))
}

/// Runs `f` with the `Site` the pure pages render from: the loaded library, the hotline, this
/// device, this page's address, the kiosk flag, and links resolved against the library's URL.
pub fn with_site<R>(loaded: &Loaded, hotline: &str, device: &Device, f: impl FnOnce(&Site) -> R) -> R {
    let resolve = |url: &str| platform::fetch::resolve(url, &loaded.manifest_url);
    let page_url = crate::components::take_away::page_url();
    f(&Site {
        library: &loaded.library,
        today: loaded.today.clone(),
        hotline,
        resolve: &resolve,
        kinds: &loaded.kinds,
        failed: &loaded.failed,
        device: Some(device),
        kiosk: crate::surfaces::is_kiosk(),
        page_url: Some(&page_url),
        feedback: platform::feedback::enabled(),
    })
}
