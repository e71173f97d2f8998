//! mingbai (明白): the browser app. Thin by design: the pages are `mingbai-view`'s pure
//! functions, the library format and every query live in `mingbai-core`. Here: the one runtime
//! (`runtime`), the web APIs (`platform`), the components, the app-only pages and surfaces, and
//! the one listener for every control's action (`actions`). See `runtime` for the layers.

mod actions;
mod app;
mod components;
mod pages;
mod platform;
mod runtime;
mod surfaces;

fn main() {
    console_error_panic_hook::set_once();
    // index.html's promise: the static first paint has reached the screen (3 s at most).
    let first_paint = js_sys::Reflect::get(&js_sys::global(), &"mingbaiFirstPaint".into())
        .ok()
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(p).ok());
    match first_paint {
        Some(painted) => wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
            start();
        }),
        None => start(),
    }
}

fn start() {
    let parent = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    // A pre-rendered page stays on screen until the app has drawn the same page (take-over);
    // index.html served for any other path is replaced at once, as before.
    let take_over = platform::takeover::prerendered() && parent.is_some();
    match parent {
        Some(parent) => {
            if take_over {
                platform::takeover::prepare(&parent);
            }
            leptos::mount::mount_to(parent, app::App).forget()
        }
        None => leptos::mount::mount_to_body(app::App),
    }
    if !take_over {
        platform::remove_boot_shell();
        platform::takeover::app_ready();
    }
}
