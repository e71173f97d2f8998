//! `/policies/:id`: metadata table, revision banner, table of contents, full text by section
//! (`#section-id`), its interpretation cards, the questions citing it and its topics.

use mingbai_core::FileRole;
use crate::common::{date_or_unknown, item_list, paragraphs, status_badge, tag_list};
use crate::frame::follow_button;
use crate::items::{card_item, qa_item, topic_item};
use crate::markup::{el, li, link, section, tx, El, Markup, Node};
use crate::route::{encode, item_href};
use crate::site::{clip, Page, Site};
use crate::status::not_found;
use mingbai_core::browse::safe_href;
use mingbai_core::{ItemKind, Policy, PolicyStatus};

pub fn render(site: &Site, id: &str) -> Page {
    match site.library.policy(id) {
        Some(policy) => Page::new(policy.title.as_str(), policy_view(site, policy)).described(description(policy)),
        None if site.failed(FileRole::Policies) => crate::status::kind_unavailable(site.hotline, "政策文件"),
        None => not_found(site.hotline),
    }
}

/// "槐政办发〔2024〕2号 · 槐荫区人民政府办公室 · 有效。<summary or the first paragraph>"
fn description(p: &Policy) -> String {
    let mut facts: Vec<String> = p.doc_number.iter().cloned().collect();
    facts.push(p.issuer.clone());
    facts.push(p.status.label().to_string());
    let text = if p.summary.is_empty() {
        p.sections.first().and_then(|s| s.paragraphs.first()).cloned().unwrap_or_default()
    } else {
        p.summary.clone()
    };
    clip(&format!("{}。{text}", facts.join(" · ")), 150)
}

fn meta_row(label: &str, value: impl Into<Node>) -> Node {
    el("tr")
        .child(tx("th", label).attr("scope", "row"))
        .child(el("td").child(value))
        .into()
}

fn policy_view(site: &Site, p: &Policy) -> Markup {
    let lib = site.library;
    let meta = el("table")
        .class("policy-meta")
        .child(tx("caption", "文件信息"))
        .child(
            el("tbody")
                .child(meta_row(
                    "文号",
                    p.doc_number.clone().unwrap_or_else(|| "未注明".to_string()),
                ))
                .child(meta_row("发布机构", p.issuer.as_str()))
                .child(meta_row(
                    "成文日期",
                    date_or_unknown(p.written_date.as_ref()),
                ))
                .child(meta_row(
                    "发布日期",
                    date_or_unknown(p.published_date.as_ref()),
                ))
                .child(meta_row("有效性", status_badge(p.status)))
                .child(meta_row(
                    "废止日期",
                    date_or_unknown(p.repealed_date.as_ref()),
                )),
        );

    let toc = (!p.sections.is_empty()).then(|| {
        el("nav")
            .class("toc")
            .attr("aria-labelledby", "toc-title")
            .child(tx("h2", "目录").id("toc-title"))
            .child(
                el("ol").children(
                    p.sections
                        .iter()
                        .map(|s| li(link(format!("#{}", encode(&s.id)), s.heading.as_str()))),
                ),
            )
    });
    let full_text = el("div")
        .class("full-text")
        .children(p.sections.iter().map(|s| {
            el("section")
                .id(s.id.as_str())
                .class("policy-section")
                .child(tx("h2", s.heading.as_str()))
                .children(paragraphs(&s.paragraphs))
                .into()
        }));

    let cards = lib.cards_for_policy(&p.id);
    let cards = (!cards.is_empty()).then(|| {
        section("policy-cards", "related", "政策解读")
            .child(item_list(cards.into_iter().map(card_item)))
    });
    let questions = lib.questions_citing(&p.id);
    let questions = (!questions.is_empty()).then(|| {
        section("policy-qa", "related", "相关问答")
            .child(item_list(questions.into_iter().map(qa_item)))
    });
    let topics = lib.topics_with(ItemKind::Policy, &p.id);
    let topics = (!topics.is_empty()).then(|| {
        section("policy-topics", "related", "相关“一件事”专题")
            .child(item_list(topics.into_iter().map(topic_item)))
    });

    // Unsafe links from the data (javascript:, data:, http: …) are shown as plain text.
    let resolve = |url: &str| safe_href(url).and_then(|u| (site.resolve)(u));
    let attachments: Vec<Node> = p
        .attachments
        .iter()
        .map(|a| match resolve(&a.url) {
            Some(href) => li(link(href, a.title.as_str())),
            None => li(tx("span", a.title.as_str()).class("unsafe-link")),
        })
        .collect();
    let attachments = (!attachments.is_empty()).then(|| {
        section("policy-attachments", "related", "附件").child(el("ul").children(attachments))
    });
    let source = p.source_url.as_deref().map(|url| {
        let p = el("p").class("source-link");
        match resolve(url) {
            Some(href) => p.child(link(href, "查看政府网站原文").attr("rel", "noopener")),
            None => p.text("政府网站原文地址：").child(tx("span", url).class("unsafe-link")),
        }
    });

    let themes = p
        .themes
        .iter()
        .map(|t| lib.theme_label(t).to_string())
        .collect();
    let audiences = p
        .audiences
        .iter()
        .map(|a| lib.audience_label(a).to_string())
        .collect();
    Markup::one(
        el("article")
            .class("policy")
            .child(tx("h1", p.title.as_str()))
            .child(follow_button(site, ItemKind::Policy, &p.id))
            .opt(revision_banner(site, p))
            .opt((!p.summary.is_empty()).then(|| tx("p", p.summary.as_str()).class("summary")))
            .child(meta)
            .opt(tag_list("主题：", themes))
            .opt(tag_list("适用对象：", audiences))
            .opt(cards)
            .opt(toc)
            .child(full_text)
            .opt(attachments)
            .opt(source)
            .opt(questions)
            .opt(topics),
    )
}

/// Shown when the document is not simply the text in force: revised, repealed, expired, or one
/// version in a chain. Lists every version, oldest first.
fn revision_banner(site: &Site, p: &Policy) -> Option<El> {
    if !p.has_revision_notice() {
        return None;
    }
    let chain = site.library.revision_chain(&p.id);
    let message = match p.status {
        PolicyStatus::Revised => "本文件已被修订，请以修订后的版本为准。".to_string(),
        PolicyStatus::Repealed => match &p.repealed_date {
            Some(d) => format!("本文件已于{}废止，不再执行。", d.chinese()),
            None => "本文件已废止，不再执行。".to_string(),
        },
        PolicyStatus::Expired => "本文件已失效，不再执行。".to_string(),
        PolicyStatus::Effective if p.supersedes.is_some() => {
            "本文件为现行有效版本，替代了此前的版本。".to_string()
        }
        PolicyStatus::Effective => "本文件有新的版本，请注意查看。".to_string(),
    };
    let newest = chain
        .last()
        .filter(|n| n.id != p.id && n.status.is_current())
        .map(|n| {
            el("p")
                .text("现行版本：")
                .child(link(item_href(ItemKind::Policy, &n.id), n.title.as_str()))
        });
    let mut banner = el("div")
        .class("revision-banner")
        .attr("role", "note")
        .child(
            el("p")
                .class("revision-message")
                .child(tx("strong", message)),
        )
        .opt(newest);
    if chain.len() > 1 {
        let versions = chain.iter().map(|v| {
            let title = if v.id == p.id {
                tx("span", format!("{}（本页）", v.title))
                    .class("this-version")
                    .attr("aria-current", "page")
            } else {
                link(item_href(ItemKind::Policy, &v.id), v.title.as_str())
            };
            let date = v
                .published_date
                .as_ref()
                .or(v.written_date.as_ref())
                .map(|d| format!("（{}）", d.chinese()));
            el("li")
                .child(title)
                .text(date.unwrap_or_default() + " ")
                .child(status_badge(v.status))
                .into()
        });
        banner = banner
            .child(tx("p", "历次版本（从旧到新）：").class("revision-chain-label"))
            .child(el("ol").class("revision-chain").children(versions));
    }
    Some(banner)
}
