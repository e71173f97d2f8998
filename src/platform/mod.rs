//! The browser layer: fetching, storage, notifications, the DOM helpers, the live regions, the
//! take-over of a pre-rendered page, today's date, the document title and scrolling. The
//! lowest layer of `src/`: it imports nothing from the rest of the app (see `runtime`).

pub mod dom;
pub mod fetch;
pub mod live;
pub mod notify;
pub mod storage;
pub mod takeover;

use leptos::prelude::{document, request_animation_frame, window};
use mingbai_core::IsoDate;

/// Resolves in a new task (`setTimeout` 0): what follows runs after the browser has had the
/// chance to paint and to handle input, so long work cut into steps never freezes the page.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Today's calendar date in the user's time zone.
pub fn today() -> Option<IsoDate> {
    let now = js_sys::Date::new_0();
    IsoDate::from_ymd(
        now.get_full_year() as i32,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
}

/// This page's address without the query (what a phone should open: no kiosk switch).
pub fn page_url() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Sets `document.title` to "<page title> - 明白".
pub fn set_title(page_title: &str) {
    document().set_title(&format!("{page_title} - 明白"));
}

/// Scrolls to the element named by the URL fragment, once the page has been drawn.
/// Used after content that arrives late (the library loads after the first paint).
pub fn scroll_to_fragment() {
    request_animation_frame(|| {
        let Ok(hash) = window().location().hash() else {
            return;
        };
        let Some(raw) = hash.strip_prefix('#').filter(|h| !h.is_empty()) else {
            return;
        };
        let id = js_sys::decode_uri_component(raw)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| raw.to_string());
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
        }
    });
}

/// Moves keyboard focus to `main#main` (the skip link target).
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// GET forms marked `data-client-nav` (the policy filters) navigate inside the app instead of
/// reloading the page, and leave empty fields out of the URL.
pub fn navigate_get_forms(navigate: impl Fn(&str, leptos_router::NavigateOptions) + 'static) {
    use wasm_bindgen::JsCast;
    let handle = leptos::prelude::window_event_listener(leptos::ev::submit, move |ev| {
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        if !form.has_attribute("data-client-nav") {
            return;
        }
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        let Ok(Some(entries)) = js_sys::try_iter(&data) else {
            return;
        };
        ev.prevent_default();
        let mut query = Vec::new();
        for entry in entries.flatten() {
            let pair = js_sys::Array::from(&entry);
            let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string())
            else {
                continue;
            };
            if !value.is_empty() {
                query.push(format!(
                    "{}={}",
                    js_sys::encode_uri_component(&name),
                    js_sys::encode_uri_component(&value)
                ));
            }
        }
        let action = form.get_attribute("action").unwrap_or_default();
        let url = if query.is_empty() {
            action
        } else {
            format!("{action}?{}", query.join("&"))
        };
        navigate(&url, Default::default());
    });
    leptos::prelude::on_cleanup(move || handle.remove());
}

/// Removes the static boot shell of index.html once the app has mounted.
pub fn remove_boot_shell() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}
