//! mingbai (明白): the browser app. Thin by design — routes, pages and components here; the
//! library format, loading and every query live in `mingbai-core`; web APIs in `platform`.

mod app;
mod components;
mod pages;
mod platform;
mod state;
mod subs;
mod surfaces;

fn main() {
    console_error_panic_hook::set_once();
    let parent = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    match parent {
        Some(parent) => leptos::mount::mount_to(parent, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
    platform::remove_boot_shell();
}
