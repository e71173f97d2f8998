//! Draws the pages' node trees (`mingbai_view::markup`) as DOM.
//!
//! Why: `view!` gives every distinct piece of markup its own Rust type, and tachys generates
//! build/rebuild/mount code for each of them. For pages that are pure text built from data
//! that cost ~90 KB gzip of wasm (measured) against a 200 KB budget for the whole shell.
//! A node tree costs a few calls per element instead. [`Markup`] is a real Leptos view (it
//! implements `Render`/`RenderHtml`), so it can sit inside `view!`; interactive parts (nav
//! links, skip link) keep using `view!`.
//!
//! Text is always set as text nodes and attributes with `setAttribute`: no HTML is ever
//! parsed from data.

use leptos::prelude::document;
use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element as DomElement, Node as DomNode};
use leptos::tachys::view::{
    add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml,
};
pub use mingbai_view::markup::{el, link, section, tx, El, Node};

/// Several top-level nodes, drawn as DOM (the app's view of `mingbai_view::markup::Markup`).
pub struct Markup(pub Vec<Node>);

impl Markup {
    pub fn one(node: impl Into<Node>) -> Markup {
        Markup(vec![node.into()])
    }
}

impl From<El> for Markup {
    fn from(el: El) -> Markup {
        Markup::one(el)
    }
}

impl From<mingbai_view::markup::Markup> for Markup {
    fn from(m: mingbai_view::markup::Markup) -> Markup {
        Markup(m.0)
    }
}

// ---- rendering ----------------------------------------------------------------------------

/// The DOM of one node (dialogs built outside the reactive tree use it too).
pub fn create(node: &Node) -> DomNode {
    let doc = document();
    match node {
        Node::Text(text) => doc.create_text_node(text).into(),
        Node::El(el) => {
            let el = el.data();
            let element = if matches!(el.tag, "svg" | "rect") {
                doc.create_element_ns(Some("http://www.w3.org/2000/svg"), el.tag)
            } else {
                doc.create_element(el.tag)
            };
            let Ok(element) = element else {
                return doc.create_text_node("").into();
            };
            for (name, value) in &el.attrs {
                let _ = element.set_attribute(name, value);
            }
            for child in &el.children {
                let _ = element.append_child(&create(child));
            }
            element.into()
        }
    }
}

/// The DOM nodes of a rendered `Markup`.
pub struct MarkupState {
    nodes: Vec<DomNode>,
}

impl Render for Markup {
    type State = MarkupState;

    fn build(self) -> MarkupState {
        let mut nodes: Vec<DomNode> = self.0.iter().map(create).collect();
        if nodes.is_empty() {
            // Keeps a place in the document for the next rebuild.
            nodes.push(document().create_text_node("").into());
        }
        MarkupState { nodes }
    }

    /// Pages change wholesale (another id, other filters): replace the old nodes in place.
    fn rebuild(self, state: &mut MarkupState) {
        let mut fresh = self.build();
        if let Some(first) = state.nodes.first() {
            if let Some(parent) = first.parent_node() {
                for node in &fresh.nodes {
                    let _ = parent.insert_before(node, Some(first));
                }
            }
        }
        state.unmount();
        std::mem::swap(state, &mut fresh);
    }
}

impl Mountable for MarkupState {
    fn unmount(&mut self) {
        for node in &self.nodes {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(node);
            }
        }
    }

    fn mount(&mut self, parent: &DomElement, marker: Option<&DomNode>) {
        for node in &self.nodes {
            let _ = parent.insert_before(node, marker);
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        let Some(first) = self.nodes.first() else {
            return false;
        };
        match first.parent_element() {
            Some(parent) => {
                child.mount(&parent, Some(first));
                true
            }
            None => false,
        }
    }

    fn elements(&self) -> Vec<DomElement> {
        use wasm_bindgen::JsCast;
        self.nodes
            .iter()
            .filter_map(|n| n.dyn_ref::<DomElement>().cloned())
            .collect()
    }
}

impl AddAnyAttr for Markup {
    type Output<SomeNewAttr: Attribute> = Markup;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Markup {
        self
    }
}

/// Client-side only: this app is never rendered on a server, so the HTML and hydration
/// paths simply build the DOM.
impl RenderHtml for Markup {
    type AsyncOutput = Markup;
    type Owned = Markup;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Markup {
        self
    }

    fn to_html_with_buf(
        self,
        _buf: &mut String,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> MarkupState {
        self.build()
    }

    fn into_owned(self) -> Markup {
        self
    }
}
