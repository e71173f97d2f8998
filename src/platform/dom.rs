//! Small DOM helpers: classes on `<html>` and finding the app's own elements.

use leptos::prelude::document;

/// Adds or removes a class on `<html>`.
pub fn html_class(name: &str, on: bool) {
    if let Some(html) = document().document_element() {
        let list = html.class_list();
        let _ = if on { list.add_1(name) } else { list.remove_1(name) };
    }
}

pub fn has_html_class(name: &str) -> bool {
    document()
        .document_element()
        .is_some_and(|html| html.class_list().contains(name))
}

/// The app's element with this id: while a pre-rendered page is being taken over, the copy in
/// `#boot` must never be the one found (`platform::takeover::prepare` also renames its ids).
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    let doc = document();
    doc.query_selector(&format!("#app #{id}")).ok().flatten().or_else(|| doc.get_element_by_id(id))
}

/// Every element matching `selector`.
pub fn all(selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = document().query_selector_all(selector) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.get(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()))
        .collect()
}

/// Shows or hides an element (`hidden`).
pub fn show(el: &web_sys::Element, visible: bool) {
    let _ = if visible { el.remove_attribute("hidden") } else { el.set_attribute("hidden", "") };
}
