//! After an in-app navigation to another page, keyboard and screen-reader focus moves to the new
//! page's `h1` (or `main`, then the `h1` once the page's files have loaded), so the new page is
//! announced. Not on the first load, and not when only the query changes (filters, search as you
//! type), which would pull focus out of the control.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

pub fn install() {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(focus_heading);
        }
        path
    });
    // A page that had to load its files first showed a loading status (focus went to `main`);
    // when the library is rebuilt with them its h1 appears: move focus there, unless the user
    // has already moved it elsewhere.
    let rt = crate::runtime::use_runtime();
    Effect::new(move |_| {
        rt.revision.track();
        request_animation_frame(|| {
            let on_main = document().active_element().is_some_and(|e| e.id() == "main");
            if on_main && document().query_selector("main h1").ok().flatten().is_some() {
                focus_heading();
            }
        });
    });
}

fn focus_heading() {
    let doc = document();
    let target = doc.query_selector("main h1").ok().flatten().or_else(|| doc.get_element_by_id("main"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
}
