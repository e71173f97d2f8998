//! Writes a [`Markup`] tree as HTML (publish time, `mingbai site`).
//!
//! Every text and attribute value is escaped (`&`, `<`, `>`, `"`, `'`), and C0 control
//! characters other than tab and newline are dropped: data can never open a tag, end an
//! attribute or a `</title>`. Tags and attribute names come from our code, never from data.

use crate::markup::{Markup, Node};

/// Elements that have no end tag.
const VOID: [&str; 6] = ["br", "hr", "img", "input", "meta", "link"];

pub fn to_html(markup: &Markup) -> String {
    let mut out = String::new();
    for node in &markup.0 {
        write_node(node, &mut out);
    }
    out
}

pub fn node_html(node: &Node) -> String {
    let mut out = String::new();
    write_node(node, &mut out);
    out
}

fn write_node(node: &Node, out: &mut String) {
    match node {
        Node::Text(text) => escape_into(text, out),
        Node::El(el) => {
            let el = el.data();
            out.push('<');
            out.push_str(el.tag);
            for (name, value) in &el.attrs {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape_into(value, out);
                out.push('"');
            }
            out.push('>');
            if VOID.contains(&el.tag) {
                return;
            }
            for child in &el.children {
                write_node(child, out);
            }
            out.push_str("</");
            out.push_str(el.tag);
            out.push('>');
        }
    }
}

/// `text` safe inside an element or a double- or single-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::{el, tx};

    #[test]
    fn hostile_text_and_attributes_stay_inert() {
        let evil = "<script>alert('x')</script> \"q\" & </title> \u{202e}rtl \u{0}\u{7}\u{1b}end";
        let m = Markup::one(el("p").attr("title", evil).child(tx("span", evil)));
        let html = to_html(&m);
        assert!(!html.contains("<script>"));
        assert!(!html.contains("</title>"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot; &amp; &lt;/title&gt;"));
        assert!(html.contains("\u{202e}rtl"), "RTL marks are text, kept as text");
        assert!(!html.contains('\u{0}') && !html.contains('\u{7}') && !html.contains('\u{1b}'));
        assert_eq!(html.matches('<').count(), 4, "only our own tags: {html}");
    }

    #[test]
    fn void_elements_have_no_end_tag() {
        let m = Markup::one(el("div").child(el("input").attr("name", "q")).child(el("br")));
        assert_eq!(to_html(&m), "<div><input name=\"q\"><br></div>");
    }
}
