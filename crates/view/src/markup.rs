//! Page content as a plain node tree: elements with attributes, and texts.
//!
//! Why a tree of our own and not `view!`: the same tree is drawn by the app (DOM nodes, text set
//! as text and attributes with `setAttribute`) and written as HTML by `mingbai site`
//! ([`crate::html`], every text and attribute escaped). No HTML is ever parsed from data.

/// One node: an element or a text.
pub enum Node {
    El(El),
    Text(String),
}

/// An element under construction: `el("li").class("item").child(link(href, title))`.
/// Boxed so that the builder chain moves one pointer, not the whole element.
pub struct El(Box<ElData>);

pub struct ElData {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

pub fn el(tag: &'static str) -> El {
    El(Box::new(ElData { tag, attrs: Vec::new(), children: Vec::new() }))
}

// The generic conveniences below are thin; the work is in these non-generic, never-inlined
// helpers, so each call site costs a call, not a copy of the code (the app's wasm budget).
impl El {
    #[inline(never)]
    fn push_attr(mut self, name: &'static str, value: String) -> El {
        // A second class adds to the first (one attribute: the DOM and HTML would disagree on
        // which of two wins); any other attribute set again replaces its value.
        match self.0.attrs.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) if name == "class" => {
                old.push(' ');
                old.push_str(&value);
            }
            Some((_, old)) => *old = value,
            None => self.0.attrs.push((name, value)),
        }
        self
    }
    #[inline(never)]
    fn push_child(mut self, node: Node) -> El {
        self.0.children.push(node);
        self
    }
    pub fn data(&self) -> &ElData {
        &self.0
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
    /// The value of an attribute set earlier (tests, the HTML writer).
    pub fn get_attr(&self, name: &str) -> Option<&str> {
        self.0.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
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
#[derive(Default)]
pub struct Markup(pub Vec<Node>);

impl Markup {
    pub fn one(node: impl Into<Node>) -> Markup {
        Markup(vec![node.into()])
    }
    /// The visible text of the tree, blocks separated by spaces (descriptions, tests).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for node in &self.0 {
            collect_text(node, &mut out);
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn collect_text(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => out.push_str(t),
        Node::El(el) => {
            if el.get_attr("hidden").is_some() || el.data().tag == "svg" {
                return;
            }
            out.push(' ');
            for child in &el.data().children {
                collect_text(child, out);
            }
            out.push(' ');
        }
    }
}

impl From<El> for Markup {
    fn from(el: El) -> Markup {
        Markup::one(el)
    }
}
