//! Small pieces of markup used on many pages.

use crate::markup::{el, link, tx, El, Node};
use mingbai_core::browse::status_key;
use mingbai_core::{IsoDate, PolicyStatus};

/// A date as Chinese readers write it, or "未注明".
pub fn date_or_unknown(date: Option<&IsoDate>) -> String {
    date.map(IsoDate::chinese)
        .unwrap_or_else(|| "未注明".to_string())
}

/// Status as a text badge (有效/已修订/已废止/已失效): colour is never the only signal.
pub fn status_badge(status: PolicyStatus) -> El {
    el("span")
        .attr("class", format!("badge status-{}", status_key(status)))
        .text(status.label())
}

pub fn urgent_badge() -> El {
    tx("span", "紧急").class("badge urgent")
}

/// Plain-text paragraphs (never HTML).
pub fn paragraphs(texts: &[String]) -> impl Iterator<Item = Node> + '_ {
    texts.iter().map(|t| tx("p", t.as_str()).into())
}

/// Labels as a list of tags, e.g. themes or audiences; `None` when there are none.
pub fn tag_list(label: &str, tags: Vec<String>) -> Option<El> {
    (!tags.is_empty()).then(|| {
        el("div")
            .class("tags")
            .child(tx("span", label).class("tags-label"))
            .child(
                el("ul")
                    .class("tag-list")
                    .children(tags.into_iter().map(|t| tx("li", t).class("tag").into())),
            )
    })
}

/// `<ul class="item-list">` of the given items.
pub fn item_list(items: impl IntoIterator<Item = Node>) -> El {
    el("ul").class("item-list").children(items)
}

/// A "see all" style link in its own paragraph.
pub fn more_link(href: &str, text: &str) -> El {
    el("p").class("more").child(link(href, text))
}

/// A labelled `<select name=…>` whose first option (value "") means "any".
pub fn filter_select(
    name: &'static str,
    label: &str,
    any: &str,
    options: Vec<(String, String)>,
    current: Option<&str>,
) -> El {
    let id = format!("filter-{name}");
    let options = options.into_iter().map(|(value, text)| {
        let selected = current == Some(value.as_str());
        let option = el("option").attr("value", value).text(text);
        (if selected {
            option.attr("selected", "")
        } else {
            option
        })
        .into()
    });
    el("div")
        .class("filter")
        .child(tx("label", label).attr("for", id.clone()))
        .child(
            el("select")
                .id(id)
                .attr("name", name)
                .child(tx("option", any).attr("value", ""))
                .children(options),
        )
}
