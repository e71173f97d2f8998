//! The app shell: state, loading, layout and the route table.

use crate::components::layout::{LoadProblems, SiteFooter, SiteHeader, SkipLink};
use crate::components::status::{broken, loading};
use crate::pages;
use crate::platform;
use crate::state::{AppState, Phase};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    if crate::surfaces::screen::active() {
        return Either::Left(crate::surfaces::screen::view());
    }
    let base = if crate::surfaces::embed::active() { crate::surfaces::embed::BASE } else { "" };
    provide_context(platform::search::SearchService::new());
    spawn_local(platform::load::run(state));

    Either::Right(view! {
        <Router base=base>
            <SkipLink/>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <crate::components::offline::OfflineNotice/>
                <LoadProblems/>
                {crate::subs::message_line()}
                {move || match state.phase.get() {
                    Phase::Loading => Either::Left(loading()),
                    Phase::Broken(reason) => {
                        leptos::prelude::queue_microtask(platform::takeover::page_drawn);
                        Either::Left(broken(&reason))
                    }
                    Phase::Ready(_) => Either::Right(view! { <AppRoutes/> }),
                }}
            </main>
            <SiteFooter/>
        </Router>
    })
}

/// The stable routes (see PRODUCT.md); mounted once the library has loaded.
#[component]
fn AppRoutes() -> impl IntoView {
    platform::navigate_get_forms(use_navigate());
    crate::subs::listen(use_navigate());
    crate::components::route_focus::install();
    if crate::surfaces::embed::active() {
        crate::surfaces::embed::start(use_navigate());
    }
    view! {
        <crate::components::page_tools::PageTools/>
        <FlatRoutes fallback=pages::view_page::ViewPage>
            <Route path=path!("/subscribe") view=pages::subscribe::SubsPage/>
            <Route path=path!("/import") view=pages::subscribe::SubsPage/>
            <Route path=path!("/inbox") view=pages::subscribe::SubsPage/>
            <Route path=path!("/kiosk") view=crate::surfaces::kiosk::KioskPage/>
        </FlatRoutes>
    }
}
