//! `/embed/<app path>`: any app page without the site chrome, for iframes in 12345 agent desks
//! and portals. The router runs with base `/embed`, in-app links are rewritten to stay under
//! `/embed/`, and a small postMessage API talks to the host page (docs/embed.md):
//!
//! - host → app: `{type:"mingbai:search", q}`, `{type:"mingbai:navigate", path}`;
//! - app → host: `{type:"mingbai:navigated", path, title}` after every navigation and
//!   `{type:"mingbai:height", px}` whenever the content height changes.
//!
//! Only origins listed in config.json `embed.allowed_origins` are heard, and messages are posted
//! to those origins only (the browser drops them when the host is another origin).

use crate::platform::config;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;
use leptos_router::NavigateOptions;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const BASE: &str = "/embed";

thread_local! {
    static ORIGINS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static LAST_HEIGHT: Cell<i32> = const { Cell::new(-1) };
}

/// Whether this page load is an embed (decided once, at start).
pub fn active() -> bool {
    let path = window().location().pathname().unwrap_or_default();
    let on = path == BASE || path.starts_with("/embed/");
    if on {
        if let Some(html) = document().document_element() {
            let _ = html.class_list().add_1("surface-embed");
        }
    }
    on
}

/// Starts the embed behaviour (inside the router, once).
pub fn start(navigate: impl Fn(&str, NavigateOptions) + 'static) {
    spawn_local(async {
        let config = config::load().await;
        ORIGINS.with(|o| *o.borrow_mut() = config.embed_origins);
        post_navigated();
        LAST_HEIGHT.with(|h| h.set(-1));
        post_height();
    });
    listen(navigate);
    observe();
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        request_animation_frame(post_navigated);
    });
}

fn post(message: &js_sys::Object) {
    let Ok(Some(parent)) = window().parent() else { return };
    if parent == window() {
        return;
    }
    ORIGINS.with(|origins| {
        for origin in origins.borrow().iter() {
            let _ = parent.post_message(message, origin);
        }
    });
}

fn message(kind: &str, fields: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"type".into(), &kind.into());
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), value);
    }
    object
}

/// The app path being shown (without `/embed`), with its query.
fn app_path() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let path = path.strip_prefix(BASE).filter(|p| !p.is_empty()).unwrap_or("/");
    format!("{path}{}", location.search().unwrap_or_default())
}

fn post_navigated() {
    post(&message(
        "mingbai:navigated",
        &[("path", app_path().into()), ("title", document().title().into())],
    ));
    post_height();
}

fn post_height() {
    let Some(app) = document().get_element_by_id("app") else { return };
    let px = app.get_bounding_client_rect().height().ceil() as i32;
    if LAST_HEIGHT.with(|h| h.replace(px)) != px {
        post(&message("mingbai:height", &[("px", px.into())]));
    }
}

/// A path the host may navigate to: an app path, never another site or a script URL.
fn safe_path(path: &str) -> Option<String> {
    let path = path.trim();
    if !path.starts_with('/') || path.starts_with("//") || path.contains('\\') || path.len() > 2000 {
        return None;
    }
    let path = path.strip_prefix(BASE).unwrap_or(path);
    Some(if path.is_empty() { "/".to_string() } else { path.to_string() })
}

fn listen(navigate: impl Fn(&str, NavigateOptions) + 'static) {
    let handle = window_event_listener(leptos::ev::message, move |ev| {
        let origin = ev.origin();
        if !ORIGINS.with(|o| o.borrow().iter().any(|a| *a == origin)) {
            return;
        }
        let data = ev.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok().and_then(|v| v.as_string());
        let target = match field("type").as_deref() {
            Some("mingbai:search") => field("q")
                .map(|q| q.trim().chars().take(200).collect::<String>())
                .filter(|q| !q.is_empty())
                .map(|q| format!("/search?q={}", js_sys::encode_uri_component(&q))),
            Some("mingbai:navigate") => field("path").and_then(|p| safe_path(&p)),
            _ => None,
        };
        if let Some(target) = target {
            navigate(&target, NavigateOptions::default());
        }
    });
    on_cleanup(move || handle.remove());
}

/// Keeps links inside `/embed/` (and opens other sites in a new tab, since many refuse to be
/// framed), and reports height changes.
fn observe() {
    let rewrite = Closure::<dyn FnMut()>::new(move || {
        let doc = document();
        if let Ok(links) = doc.query_selector_all("a[href^='/']:not([href^='/embed'])") {
            for i in 0..links.length() {
                let Some(a) = links.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
                let href = a.get_attribute("href").unwrap_or_default();
                if !href.starts_with("//") {
                    let _ = a.set_attribute("href", &format!("{BASE}{href}"));
                }
            }
        }
        if let Ok(links) = doc.query_selector_all("a[href^='http']:not([target])") {
            for i in 0..links.length() {
                if let Some(a) = links.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = a.set_attribute("target", "_blank");
                    let _ = a.set_attribute("rel", "noopener");
                }
            }
        }
    });
    let callback: &js_sys::Function = rewrite.as_ref().unchecked_ref();
    let _ = callback.call0(&JsValue::NULL);
    if let (Ok(observer), Some(body)) = (web_sys::MutationObserver::new(callback), document().body()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&body, &options);
    }
    rewrite.forget();

    let resized = Closure::<dyn FnMut()>::new(post_height);
    if let (Ok(observer), Some(app)) = (
        web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()),
        document().get_element_by_id("app"),
    ) {
        observer.observe(&app);
    }
    resized.forget();
}
