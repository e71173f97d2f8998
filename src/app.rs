//! The app shell: the one runtime, the frame and the route table.

use crate::components::layout::{LoadProblems, SiteFooter, SiteHeader, SkipLink};
use crate::components::markup::Markup;
use crate::components::status::{broken, loading};
use crate::components::{display_settings, read_aloud};
use crate::pages;
use crate::platform::{self, dom};
use crate::runtime::library::Phase;
use crate::runtime::{use_runtime, Runtime, Surface, EMBED_BASE};
use crate::surfaces::{embed, kiosk, screen};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let rt = Runtime::new(Surface::current());
    if let Some(class) = rt.surface.html_class() {
        dom::html_class(class, true);
    }
    if rt.surface == Surface::Screen {
        return Either::Left(screen::view(rt));
    }
    display_settings::apply_stored();
    read_aloud::watch_voices(rt);
    rt.search.start(rt);
    if rt.is_kiosk() {
        kiosk::start_idle_timer(rt);
    }
    spawn_local(crate::runtime::boot(rt));
    let base = if rt.surface == Surface::Embed { EMBED_BASE } else { "" };

    Either::Right(view! {
        <Router base=base>
            <Listen/>
            <SkipLink/>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <crate::components::offline::OfflineNotice/>
                <LoadProblems/>
                {Markup::one(mingbai_view::frame::message_line())}
                {move || match rt.phase.get() {
                    Phase::Loading => Either::Left(loading()),
                    Phase::Broken(reason) => {
                        let (title, markup) = broken(rt, &reason);
                        queue_microtask(move || {
                            platform::set_title(&title);
                            platform::takeover::page_drawn();
                        });
                        Either::Left(markup)
                    }
                    Phase::Ready(_) => Either::Right(view! { <AppRoutes/> }),
                }}
            </main>
            <SiteFooter/>
        </Router>
    })
}

/// The one listener for every control's action (`actions`), inside the router so that it can
/// navigate; mounted with the frame, before the library has loaded.
#[component]
fn Listen() -> impl IntoView {
    crate::actions::listen(use_runtime(), use_navigate());
}

/// The stable routes (see PRODUCT.md); mounted once the library has loaded.
#[component]
fn AppRoutes() -> impl IntoView {
    let rt = use_runtime();
    platform::navigate_get_forms(use_navigate());
    crate::components::route_focus::install();
    if rt.surface == Surface::Embed {
        embed::start(rt, use_navigate());
    }
    view! {
        <crate::components::page_tools::PageTools/>
        <FlatRoutes fallback=pages::view_page::ViewPage>
            <Route path=path!("/subscribe") view=pages::subscribe::SubsPage/>
            <Route path=path!("/import") view=pages::subscribe::SubsPage/>
            <Route path=path!("/inbox") view=pages::subscribe::SubsPage/>
            <Route path=path!("/kiosk") view=kiosk::KioskPage/>
        </FlatRoutes>
    }
}
