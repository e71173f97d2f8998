//! `/embed/<app path>`: any app page without the site chrome, for iframes in 12345 agent desks
//! and portals. The router runs with base `/embed`, in-app links are rewritten to stay under
//! `/embed/`, and a small postMessage API talks to the host page (docs/embed.md):
//!
//! - host → app: `{type:"mingbai:search", q}`, `{type:"mingbai:navigate", path}`;
//! - app → host: `{type:"mingbai:navigated", path, title}` after every navigation and
//!   `{type:"mingbai:height", px}` whenever the content height changes.
//!
//! Only the app's own origin and the origins listed in config.json `embed.allowed_origins` are
//! heard, and messages are posted to those origins only (the browser drops them when the host is
//! another origin). The own origin is safe to allow: a page there can already script the framed
//! app directly (same-origin access to its DOM and storage), so messages give it nothing more.
//! A refused host is named in the console, so an integrator knows what to configure.
//!
//! The height is the height of the app's content (`#app`), never of the viewport: the embed
//! stylesheet removes every `min-height: …vh`, so a taller iframe cannot make a taller report
//! (which made the host grow the iframe without end). Reports are debounced.

use crate::runtime::{Runtime, EMBED_BASE as BASE};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::NavigateOptions;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Quiet time before a height change is reported (a page settling reports once).
const HEIGHT_DEBOUNCE_MS: u64 = 120;

/// What the embed remembers while it runs (held by its listeners).
struct State {
    /// The origins allowed to talk to the app.
    origins: Vec<String>,
    last_height: i32,
    height_timer: Option<TimeoutHandle>,
    /// Refused origins already named in the console (once each).
    warned: Vec<String>,
}

type Embed = StoredValue<State, LocalStorage>;

fn own_origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// The allowed origins: the app's own, then config.json's `embed.allowed_origins`.
fn allowed_origins(configured: Vec<String>) -> Vec<String> {
    let mut origins = vec![own_origin()];
    for origin in configured {
        let origin = origin.trim().trim_end_matches('/').to_string();
        if !origin.is_empty() && !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    origins
}

fn allowed(embed: Embed, origin: &str) -> bool {
    embed.with_value(|e| e.origins.iter().any(|a| a == origin))
}

/// Names a refused host page in the console (once per origin).
fn warn_refused(embed: Embed, origin: &str, what: &str) {
    let seen = embed.try_update_value(|e| {
        let seen = e.warned.iter().any(|o| o == origin);
        if !seen {
            e.warned.push(origin.to_string());
        }
        seen
    });
    if seen != Some(false) {
        return;
    }
    leptos::logging::warn!(
        "明白嵌入：来源 {origin} 不在 config.json 的 embed.allowed_origins 中，{what}。\
         如需允许，请在 config.json 中加入 \"embed\": {{\"allowed_origins\": [\"{origin}\"]}}（见 docs/embed.md）。\
         mingbai embed: origin {origin} is not in embed.allowed_origins of config.json; {what_en}.",
        what_en = if what.starts_with("忽略") { "its messages are ignored" } else { "no messages are sent to it" }
    );
}

/// The origin of the page that frames this one, where the browser tells (`ancestorOrigins` in
/// Chromium and Safari, else the referrer).
fn parent_origin() -> Option<String> {
    let location = window().location();
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok();
    let first = ancestors
        .filter(|a| !a.is_undefined() && !a.is_null())
        .and_then(|a| js_sys::Reflect::get(&a, &0.into()).ok())
        .and_then(|o| o.as_string());
    first.or_else(|| {
        let referrer = document().referrer();
        web_sys::Url::new(&referrer).ok().map(|u| u.origin()).filter(|o| o != "null")
    })
}

/// Starts the embed behaviour (inside the router, once; `config.json` has been read).
pub fn start(rt: Runtime, navigate: impl Fn(&str, NavigateOptions) + 'static) {
    let embed: Embed = StoredValue::new_local(State {
        origins: allowed_origins(rt.config.with_value(|c| c.embed_origins.clone())),
        last_height: -1,
        height_timer: None,
        warned: Vec::new(),
    });
    let framed = window().parent().ok().flatten().is_some_and(|p| p != window());
    if let Some(parent) = parent_origin().filter(|o| framed && !allowed(embed, o)) {
        warn_refused(embed, &parent, "不会向它发送消息");
    }
    listen(embed, navigate);
    observe(embed);
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        request_animation_frame(move || post_navigated(embed));
    });
}

fn post(embed: Embed, message: &js_sys::Object) {
    let Ok(Some(parent)) = window().parent() else { return };
    if parent == window() {
        return;
    }
    embed.with_value(|e| {
        for origin in &e.origins {
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

fn post_navigated(embed: Embed) {
    post(embed, &message(
        "mingbai:navigated",
        &[("path", app_path().into()), ("title", document().title().into())],
    ));
    post_height(embed);
}

/// Reports the content height when it changed: the height of `#app` (the app's content, whose
/// height never depends on the iframe's), plus where it starts.
fn post_height(embed: Embed) {
    let Some(app) = document().get_element_by_id("app") else { return };
    let rect = app.get_bounding_client_rect();
    let top = rect.top() + window().scroll_y().unwrap_or(0.0);
    let px = (rect.height() + top.max(0.0)).ceil() as i32;
    if embed.try_update_value(|e| std::mem::replace(&mut e.last_height, px)) != Some(px) {
        post(embed, &message("mingbai:height", &[("px", px.into())]));
    }
}

/// Reports the height once changes have stopped for a moment.
fn post_height_soon(embed: Embed) {
    let timer = set_timeout_with_handle(move || post_height(embed), std::time::Duration::from_millis(HEIGHT_DEBOUNCE_MS)).ok();
    if let Some(Some(previous)) = embed.try_update_value(|e| std::mem::replace(&mut e.height_timer, timer)) {
        previous.clear();
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

fn listen(embed: Embed, navigate: impl Fn(&str, NavigateOptions) + 'static) {
    let handle = window_event_listener(leptos::ev::message, move |ev| {
        let origin = ev.origin();
        let data = ev.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok().and_then(|v| v.as_string());
        if !allowed(embed, &origin) {
            if field("type").is_some_and(|t| t.starts_with("mingbai:")) {
                warn_refused(embed, &origin, "忽略它发来的消息");
            }
            return;
        }
        let target = match field("type").as_deref() {
            Some("mingbai:search") => field("q")
                .map(|q| q.trim().chars().take(200).collect::<String>())
                .filter(|q| !q.is_empty())
                .map(|q| mingbai_view::route::search_href(&q)),
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
fn observe(embed: Embed) {
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

    let resized = Closure::<dyn FnMut()>::new(move || post_height_soon(embed));
    if let (Ok(observer), Some(app)) = (
        web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()),
        document().get_element_by_id("app"),
    ) {
        observer.observe(&app);
    }
    resized.forget();
}
