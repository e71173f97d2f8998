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
                {move || match state.phase.get() {
                    Phase::Loading => Either::Left(loading()),
                    Phase::Broken(reason) => Either::Left(broken(&reason)),
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
        <FlatRoutes fallback=pages::not_found::NotFound>
            <Route path=path!("/") view=pages::home::HomePage/>
            <Route path=path!("/policies") view=pages::policies::PoliciesPage/>
            <Route path=path!("/policies/:id") view=pages::policy::PolicyPage/>
            <Route path=path!("/cards") view=pages::cards::CardsPage/>
            <Route path=path!("/cards/:id") view=pages::card::CardPage/>
            <Route path=path!("/qa") view=pages::qa_list::QaListPage/>
            <Route path=path!("/qa/:id") view=pages::qa::QaPage/>
            <Route path=path!("/notices") view=pages::notices::NoticesPage/>
            <Route path=path!("/notices/:id") view=pages::notice::NoticePage/>
            <Route path=path!("/topics") view=pages::topics::TopicsPage/>
            <Route path=path!("/topics/:id") view=pages::topic::TopicPage/>
            <Route path=path!("/search") view=pages::search::SearchPage/>
            <Route path=path!("/subscribe") view=pages::subscribe::SubsPage/>
            <Route path=path!("/import") view=pages::subscribe::SubsPage/>
            <Route path=path!("/inbox") view=pages::subscribe::SubsPage/>
            <Route path=path!("/privacy") view=pages::subscribe::SubsPage/>
            <Route path=path!("/kiosk") view=crate::surfaces::kiosk::KioskPage/>
        </FlatRoutes>
    }
}
