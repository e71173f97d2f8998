//! The app's pages. The public routes are pure pages of `mingbai_view` (the same ones
//! `mingbai site` pre-renders), drawn by [`view_page::ViewPage`] with the effects around them;
//! the pages only the app can show (subscriptions, inbox, kiosk) render through [`page`].

pub mod inbox;
pub mod subscribe;
pub mod view_page;

use crate::components::markup::Markup;
use crate::state::{app_state, Loaded};
use leptos::prelude::*;
use mingbai_core::FileRole;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::params::ParamsMap;

/// What a page renders from: the loaded library, the route's `:id` and the query string.
pub struct Ctx<'a> {
    pub loaded: &'a Loaded,
    #[allow(dead_code)] // kiosk and subscription pages need no id today
    pub id: &'a str,
    pub query: &'a ParamsMap,
}

/// A page: renders again whenever the URL's id or query changes. Every page shares this one
/// reactive wrapper (one instantiation instead of one per page, for the wasm budget). It needs
/// every kind of library file; see [`page_needing`] for pages that need fewer.
pub fn page(render: fn(&Ctx) -> Markup) -> impl IntoView {
    page_needing(&FileRole::ALL, render)
}

/// A page that renders from the files of `kinds` only: until they are loaded it shows
/// "正在加载政策库…" (and asks for them), then renders; it also renders again when the library
/// is replaced (fresher files, more kinds).
pub fn page_needing(kinds: &'static [FileRole], render: fn(&Ctx) -> Markup) -> impl IntoView {
    page_from(kinds, false, render)
}

/// Like [`page_needing`], but with `preview_ok` the first-screen block of a large library
/// (`Loaded::preview`) stands in for whole kinds: the home page shows only what it holds.
pub fn page_from(kinds: &'static [FileRole], preview_ok: bool, render: fn(&Ctx) -> Markup) -> impl IntoView {
    let state = app_state();
    let params = use_params_map();
    let query = use_query_map();
    move || {
        let loaded = state.loaded().unwrap_or_default();
        let ready = if preview_ok { loaded.shows(kinds) } else { loaded.has(kinds) };
        if !ready {
            crate::platform::load::request(kinds);
            return crate::components::status::loading();
        }
        let params = params.read();
        let query = query.read();
        render(&Ctx {
            loaded: &loaded,
            id: params.get_str("id").unwrap_or_default(),
            query: &query,
        })
    }
}
