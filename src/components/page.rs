//! The pages only the app can show (subscriptions, inbox, kiosk): drawn from the runtime's
//! library through one reactive wrapper, [`page`]. Their render functions are pure: they return
//! the title with the body, and the wrapper sets the document title after drawing.
//! (The public routes are the pure pages of `mingbai_view`, drawn by `pages::view_page`.)

use super::markup::Markup;
use crate::runtime::library::Loaded;
use crate::runtime::{use_runtime, Runtime};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use leptos_router::params::ParamsMap;
use mingbai_core::FileRole;

/// What an app page renders from: the runtime, its loaded library, the path and the query.
pub struct Ctx<'a> {
    pub rt: Runtime,
    pub loaded: &'a Loaded,
    pub path: &'a str,
    pub query: &'a ParamsMap,
}

/// What an app page gives back: its title ("<title> - 明白") and its body.
pub struct AppPage {
    pub title: String,
    pub body: Markup,
}

impl AppPage {
    pub fn new(title: impl Into<String>, body: Markup) -> AppPage {
        AppPage { title: title.into(), body }
    }
}

/// An app page: renders again whenever the path, the query or the library changes. It needs
/// every kind of library file: until they are loaded it shows "正在加载政策库…" (and asks for
/// them). One wrapper for every such page (one instantiation, for the wasm budget).
pub fn page(render: fn(&Ctx) -> AppPage) -> impl IntoView {
    let rt = use_runtime();
    let location = use_location();
    let query = use_query_map();
    move || {
        let loaded = rt.loaded().unwrap_or_default();
        if !loaded.has(&FileRole::ALL) {
            crate::runtime::load::request(rt, &FileRole::ALL);
            return super::status::loading();
        }
        let path = location.pathname.get();
        let query = query.read();
        let page = render(&Ctx { rt, loaded: &loaded, path: &path, query: &query });
        let title = page.title;
        // After drawing: the document title.
        queue_microtask(move || crate::platform::set_title(&title));
        page.body
    }
}
