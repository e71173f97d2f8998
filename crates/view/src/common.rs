//! Small pieces of markup used on many pages.

use crate::markup::{el, link, tx, El, Node};
use mingbai_core::browse::status_key;
use crate::site::Site;
use mingbai_core::types::is_past_expiry;
use mingbai_core::{IsoDate, PolicyStatus, Scope};

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
pub fn more_link(href: impl Into<String>, text: &str) -> El {
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

/// 适用范围 and 责任单位 of a Q&A or card (v1 extensions), as a short fact list; `None` when
/// the entry names neither.
pub fn applicability(
    site: &Site,
    scope: Option<Scope>,
    regions: &[String],
    department: Option<&str>,
) -> Option<El> {
    let mut reach: Vec<String> = scope.map(|s| s.label().to_string()).into_iter().collect();
    reach.extend(regions.iter().map(|r| site.library.region_label(r).to_string()));
    let mut facts = el("dl").class("applicability");
    let mut any = false;
    if !reach.is_empty() {
        facts = facts.child(tx("dt", "适用范围")).child(tx("dd", reach.join("、")));
        any = true;
    }
    if let Some(department) = department.map(str::trim).filter(|d| !d.is_empty()) {
        facts = facts.child(tx("dt", "责任单位")).child(tx("dd", department));
        any = true;
    }
    any.then_some(facts)
}

/// "已失效" for an entry past its `expires` date that was opened by a link: a badge and a
/// sentence (lists no longer show it). `None` while it is current.
pub fn expired_note(site: &Site, expires: Option<&IsoDate>) -> Option<El> {
    let today = site.today.as_ref()?;
    let expires = expires?;
    is_past_expiry(Some(expires), today).then(|| {
        el("p")
            .class("expired-note")
            .attr("role", "note")
            .child(tx("span", "已失效").class("badge expired"))
            .text(format!(
                " 这条内容已于 {} 失效，仅供查阅，请以最新政策为准或拨打热线咨询。",
                expires.chinese()
            ))
    })
}
