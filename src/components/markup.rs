//! Static page content as a plain node tree, rendered by ONE non-generic function.
//!
//! Why: `view!` gives every distinct piece of markup its own Rust type, and tachys generates
//! build/rebuild/mount code for each of them. For pages that are pure text built from data
//! that cost ~90 KB gzip of wasm (measured) against a 200 KB budget for the whole shell.
//! A `Markup` tree costs a few calls per element instead. It is a real Leptos view (it
//! implements `Render`/`RenderHtml`), so pages still return `impl IntoView` and can sit
//! inside `view!`; interactive parts (nav links, skip link) keep using `view!`.
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

/// One node: an element or a text.
pub enum Node {
    El(El),
    Text(String),
}

/// An element under construction: `el("li").class("item").child(link(href, title))`.
/// Boxed so that the builder chain moves one pointer, not the whole element.
pub struct El(Box<ElData>);

struct ElData {
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    children: Vec<Node>,
}

pub fn el(tag: &'static str) -> El {
    El(Box::new(ElData {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }))
}

// The generic conveniences below are thin; the work is in these non-generic, never-inlined
// helpers, so each call site costs a call, not a copy of the code.
impl El {
    #[inline(never)]
    fn push_attr(mut self, name: &'static str, value: String) -> El {
        self.0.attrs.push((name, value));
        self
    }
    #[inline(never)]
    fn push_child(mut self, node: Node) -> El {
        self.0.children.push(node);
        self
    }
}

impl El {
    pub fn attr(self, name: &'static str, value: impl Into<String>) -> El {
        self.push_attr(name, value.into())
    }
    pub fn class(self, class: &'static str) -> El {
        self.push_attr("class", class.to_string())
    }
    pub fn id(self, id: impl Into<String>) -> El {
        self.push_attr("id", id.into())
    }
    pub fn child(self, node: impl Into<Node>) -> El {
        self.push_child(node.into())
    }
    /// Adds the child when there is one (blocks that may be empty).
    pub fn opt(self, node: Option<impl Into<Node>>) -> El {
        match node {
            Some(node) => self.push_child(node.into()),
            None => self,
        }
    }
    pub fn children(mut self, nodes: impl IntoIterator<Item = Node>) -> El {
        self.0.children.extend(nodes);
        self
    }
    pub fn text(self, text: impl Into<String>) -> El {
        self.push_child(Node::Text(text.into()))
    }
}

impl From<El> for Node {
    fn from(el: El) -> Node {
        Node::El(el)
    }
}
impl From<String> for Node {
    fn from(text: String) -> Node {
        Node::Text(text)
    }
}
impl From<&str> for Node {
    fn from(text: &str) -> Node {
        Node::Text(text.to_string())
    }
}

// ---- shorthands for the elements pages use most ----------------------------------------------

/// `<tag>text</tag>`
pub fn tx(tag: &'static str, text: impl Into<String>) -> El {
    el(tag).text(text)
}

/// `<a href="…">text</a>`
pub fn link(href: impl Into<String>, text: impl Into<String>) -> El {
    el("a").attr("href", href).text(text)
}

/// `<li>` holding one child.
pub fn li(child: impl Into<Node>) -> Node {
    el("li").child(child).into()
}

/// A `<section>` labelled by its `<h2>`.
pub fn section(id: &str, class: &'static str, heading: &str) -> El {
    let heading_id = format!("{id}-title");
    el("section")
        .class(class)
        .attr("aria-labelledby", heading_id.clone())
        .child(el("h2").id(heading_id).text(heading))
}

/// Several top-level nodes: what a page renders.
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

// ---- rendering ----------------------------------------------------------------------------

/// The DOM of one node (dialogs built outside the reactive tree use it too).
pub fn create(node: &Node) -> DomNode {
    let doc = document();
    match node {
        Node::Text(text) => doc.create_text_node(text).into(),
        Node::El(El(el)) => {
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
