//! Taking over a pre-rendered page (`mingbai site`) without a visible change.
//!
//! The page the host served is already readable: `#boot` holds the same frame and content the
//! app draws. The app mounts into a hidden `#app` and, once the route's page has been drawn
//! there from the library (`page_drawn`), swaps the two in one task, before the next paint:
//! `#boot` goes, `#app` shows, the scroll position and the focused element are carried over
//! (by id, else by the element's position in the tree, which is the same in both). Until then
//! nothing the reader sees changes; controls that need the app (`.needs-app`) become visible
//! with `html.app-ready`.

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// On `#app` while it is drawn out of sight, waiting to take over the pre-rendered page.
const WAITING: &str = "data-taking-over";

/// Whether the served page was pre-rendered for this very path (index.html's boot script marks
/// a page served for another path, e.g. the home page as a host's fallback, `not-this-page`).
pub fn prerendered() -> bool {
    let html = document().document_element();
    html.is_some_and(|h| h.has_attribute("data-prerendered") && !h.class_list().contains("not-this-page"))
}

/// Before mounting: keep the pre-rendered page on screen and draw the app out of sight. The
/// pre-rendered copy gives up its ids (kept as `data-boot-id`), so everything the app looks up by
/// id (`#search-q`, `#unread-badge`, `#flash`…) finds the app's own element, not the copy about
/// to go.
pub fn prepare(app: &Element) {
    let _ = app.set_attribute(WAITING, "");
    let _ = app.set_attribute("hidden", "");
    if let Some(boot) = document().get_element_by_id("boot") {
        if let Ok(with_ids) = boot.query_selector_all("[id]") {
            for i in 0..with_ids.length() {
                if let Some(el) = with_ids.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = el.set_attribute("data-boot-id", &el.id());
                    let _ = el.remove_attribute("id");
                }
            }
        }
    }
}

/// The app is on screen (no take-over, or the take-over is done): controls that need it show.
pub fn app_ready() {
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("app-ready");
    }
}

/// Called after a route's page has been drawn from the library (or the library cannot be
/// opened): completes a waiting take-over.
pub fn page_drawn() {
    let doc = document();
    let Some(app) = doc.get_element_by_id("app").filter(|app| app.has_attribute(WAITING)) else {
        return;
    };
    let _ = app.remove_attribute(WAITING);
    let Some(boot) = doc.get_element_by_id("boot") else {
        let _ = app.remove_attribute("hidden");
        app_ready();
        return;
    };
    let scroll = window().scroll_y().unwrap_or(0.0);
    let focus = doc.active_element().filter(|a| boot.contains(Some(a))).map(|a| locate(&boot, &a));
    boot.remove();
    let _ = app.remove_attribute("hidden");
    app_ready();
    window().scroll_to_with_x_and_y(0.0, scroll);
    if let Some(target) = focus.and_then(|f| find(&app, &f)) {
        if let Ok(el) = target.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Where an element is: its id, or the child indexes from the root.
enum Place {
    Id(String),
    Path(Vec<u32>),
}

fn locate(root: &Element, el: &Element) -> Place {
    if let Some(id) = el.get_attribute("data-boot-id").filter(|id| !id.is_empty()) {
        return Place::Id(id);
    }
    let mut path = Vec::new();
    let mut node = el.clone();
    while &node != root {
        let Some(parent) = node.parent_element() else { break };
        let children = parent.children();
        let index = (0..children.length()).find(|i| children.item(*i).as_ref() == Some(&node)).unwrap_or(0);
        path.push(index);
        node = parent;
    }
    path.reverse();
    Place::Path(path)
}

fn find(root: &Element, place: &Place) -> Option<Element> {
    match place {
        Place::Id(id) => root.query_selector(&format!("#{}", css_escape(id))).ok().flatten(),
        Place::Path(path) => {
            let mut node = root.clone();
            for i in path {
                node = node.children().item(*i)?;
            }
            Some(node)
        }
    }
}

fn css_escape(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c.to_string() } else { format!("\\{:x} ", c as u32) }).collect()
}
