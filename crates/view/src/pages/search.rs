//! `/search?q=…&type=qa&theme=…&audience=…&issuer=…&year=2024&status=effective&exact=1&page=2`:
//! 搜索即服务. The URL is the whole state: facet links change the query string, so a search can be
//! shared and reloads to the same page. Never a dead end: no results still offer the corrected
//! query, hot related questions and the hotline with what was searched.

use crate::common::{item_list, status_badge};
use crate::items::{qa_item, topic_item};
use crate::markup::{el, li, link, section, tx, El, Markup, Node};
use crate::route::{href_with_query, item_href, search_href, Query, Route};
use crate::site::{Page, Site};
use crate::status::hotline_link;
use mingbai_core::browse::{tel_href, POLICY_STATUSES};
use mingbai_core::PolicyStatus;
use mingbai_core::search::facets::{kind_from, status_from};
use mingbai_core::search::{FacetFilters, FacetValue, SearchRequest, SearchResponse};

/// Results per page; "显示更多结果" asks for the next page's worth more.
const PAGE: usize = 20;

/// The facets, in the order they are shown: (URL name, label).
const FACETS: [(&str, &str); 6] = [
    ("type", "类型"),
    ("theme", "主题"),
    ("audience", "适用人群"),
    ("issuer", "发布机构"),
    ("year", "年份"),
    ("status", "有效性"),
];

/// What the URL asks for.
#[derive(Clone, Default)]
pub struct Params {
    q: String,
    /// Selected facet values, in `FACETS` order.
    facets: [Option<String>; 6],
    exact: bool,
    page: usize,
}

impl Params {
    pub fn from_query(query: &Query) -> Params {
        let value = |name: &str| {
            query
                .get(name)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        Params {
            q: value("q").unwrap_or_default(),
            facets: FACETS.map(|(name, _)| value(name)),
            exact: value("exact").is_some_and(|v| v != "0"),
            page: value("page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1usize)
                .clamp(1, 50),
        }
    }

    /// What to ask the engine (`None` without a query).
    pub fn request(&self) -> Option<SearchRequest> {
        (!self.q.is_empty()).then(|| SearchRequest {
            query: self.q.clone(),
            filters: self.filters(),
            limit: self.limit(),
            exact: self.exact,
        })
    }

    fn filters(&self) -> FacetFilters {
        let [kind, theme, audience, issuer, year, status] = self.facets.clone();
        FacetFilters {
            kind: kind.as_deref().and_then(kind_from),
            theme,
            audience,
            issuer,
            year: year.and_then(|y| y.parse().ok()),
            status: status.as_deref().and_then(status_from),
        }
    }

    fn limit(&self) -> usize {
        PAGE * self.page
    }

    fn has_filters(&self) -> bool {
        self.facets.iter().any(Option::is_some)
    }

    /// The URL of this search with one facet set (or cleared with `None`), from the first page.
    fn with_facet(&self, facet: usize, value: Option<&str>) -> String {
        let mut next = self.clone();
        next.facets[facet] = value.map(str::to_string);
        next.page = 1;
        next.href()
    }

    fn href(&self) -> String {
        let page = self.page.to_string();
        let mut pairs = vec![("q", self.q.as_str())];
        for ((name, _), value) in FACETS.iter().zip(&self.facets) {
            if let Some(value) = value {
                pairs.push((name, value.as_str()));
            }
        }
        if self.exact {
            pairs.push(("exact", "1"));
        }
        if self.page > 1 {
            pairs.push(("page", page.as_str()));
        }
        href_with_query(&Route::Search, pairs)
    }
}


/// A policy status from its label ("已废止"), as search hits carry it.
fn status_of_label(label: &str) -> Option<PolicyStatus> {
    POLICY_STATUSES.into_iter().find(|s| s.label() == label)
}

/// Where search stands in the app: the engine runs elsewhere (a worker), the page only shows it.
/// Pre-rendered, nothing is known: the page then shows what to do without results.
#[derive(Default)]
pub struct SearchState {
    /// The engine has an index.
    pub ready: bool,
    /// Why search cannot be used (the worker did not start).
    pub failed: Option<String>,
    /// The answer to the URL's request, once given.
    pub response: Option<SearchResponse>,
}

/// What users read when search cannot be used, with the way on.
pub fn unavailable_text(reason: &str) -> String {
    format!("搜索暂时无法使用（{reason}）。您仍可以浏览政策文件和常见问题，或拨打热线咨询。")
}

/// The search page for the URL's query; `None` state = pre-rendered (no engine at all).
pub fn render(site: &Site, query: &Query, state: Option<SearchState>) -> Page {
    let params = Params::from_query(query);
    let prerendered = state.is_none();
    let state = state.unwrap_or_default();
    let o = Outcome { ready: state.ready, failed: state.failed, params, response: state.response, prerendered };
    let mut nodes = head(&o);
    if o.response.is_some() {
        nodes.push(tx("p", count_text(&o)).id("search-count").class("result-count").into());
    }
    nodes.extend(body(site, &o));
    nodes.extend(zero_help(site, &o));
    let title = if o.params.q.is_empty() { "搜索".to_string() } else { format!("搜索“{}”", o.params.q) };
    Page::new(title, Markup(nodes))
        .described("搜索政策文件、政策解读、常见问答和通知，可输入拼音、拼音首字母或大白话。")
}

/// What the URL asked and, once the index is ready, the answer.
struct Outcome {
    params: Params,
    ready: bool,
    /// Why search cannot be used (the worker did not start).
    failed: Option<String>,
    response: Option<SearchResponse>,
    /// Rendered at publish time: no engine, no query known.
    prerendered: bool,
}

/// The sentence announced to screen readers when results arrive ("共 12 条结果"); `None` while
/// there is no answer.
pub fn announcement(query: &Query, response: Option<&SearchResponse>) -> Option<String> {
    let response = response?;
    let params = Params::from_query(query);
    Some(count_of(&params.q, response))
}
/// h1, what was searched instead (corrections, plain-language terms, other readings), and the
/// "正在准备搜索…" status while the index is built.
fn head(o: &Outcome) -> Vec<Node> {
    let p = &o.params;
    if p.q.is_empty() || o.prerendered {
        let mut nodes: Vec<Node> = vec![
            tx("h1", "搜索").into(),
            tx(
                "p",
                "在页面上方的搜索框输入想了解的事情，例如“养老保险”“低保怎么申请”。也可以输入拼音或拼音首字母，例如“ylbx”。",
            )
            .class("lead")
            .into(),
        ];
        if o.prerendered {
            // Shown only where the app cannot run (no JavaScript or no WebAssembly): a search sent
            // from the form lands here without results, so say what to do instead.
            nodes.push(
                el("p")
                    .class("no-app search-no-app")
                    .attr("role", "note")
                    .text("这个浏览器暂时无法显示搜索结果。可以看看下面大家常问的问题和一件事专题，浏览")
                    .child(link(Route::Policies.path(), "政策文件库"))
                    .text("，或者拨打热线咨询。")
                    .into(),
            );
        }
        return nodes;
    }
    let mut nodes: Vec<Node> = vec![tx("h1", format!("搜索“{}”", p.q)).into()];
    let Some(r) = &o.response else {
        if let Some(reason) = &o.failed {
            nodes.push(
                tx("p", unavailable_text(reason))
                    .id("search-unavailable")
                    .attr("role", "status")
                    .class("search-note")
                    .into(),
            );
        } else {
            // Until the worker answers (a few milliseconds once the index is ready).
            let waiting = if o.ready { "正在搜索…" } else { "正在准备搜索…" };
            nodes.push(
                tx("p", waiting)
                    .attr("role", "status")
                    .class("loading")
                    .into(),
            );
        }
        return nodes;
    };
    if let Some(corrected) = &r.corrected {
        let mut literal = p.clone();
        literal.exact = true;
        literal.page = 1;
        nodes.push(
            el("p")
                .class("search-note search-corrected")
                .text(format!("已为您显示“{corrected}”的结果，"))
                .child(link(literal.href(), format!("仍搜索“{}”", p.q)).class("search-literal"))
                .into(),
        );
    }
    if !r.expanded.is_empty() {
        let text: Vec<String> = r
            .expanded
            .iter()
            .map(|e| format!("“{}”按“{}”搜索", e.from, e.to))
            .collect();
        nodes.push(
            tx("p", format!("{}。", text.join("，")))
                .class("search-note search-expanded")
                .into(),
        );
    }
    if !r.alternatives.is_empty() {
        let mut note = el("p")
            .class("search-note search-alternatives")
            .text("您是不是要找：");
        for (i, alt) in r.alternatives.iter().enumerate() {
            if i > 0 {
                note = note.text("、");
            }
            note = note.child(link(search_href(alt), alt.as_str()));
        }
        nodes.push(note.into());
    }
    nodes
}

/// Whether the query matched anything before facet filters: `total` counts only what the
/// filters leave, while the type facet counts every match (each item has exactly one type).
fn matched_any(r: &SearchResponse) -> bool {
    r.total > 0 || r.facets.kind.iter().any(|v| v.count > 0)
}

fn count_text(o: &Outcome) -> String {
    match &o.response {
        Some(r) => count_of(&o.params.q, r),
        None => String::new(),
    }
}

fn count_of(q: &str, r: &SearchResponse) -> String {
    match r.total {
        0 if matched_any(r) => "所选条件下没有结果".to_string(),
        0 => format!("没有找到与“{q}”有关的内容"),
        n => format!("共 {n} 条结果"),
    }
}

fn facet_values(r: &SearchResponse, facet: usize) -> &[FacetValue] {
    let f = &r.facets;
    [
        &f.kind,
        &f.theme,
        &f.audience,
        &f.issuer,
        &f.year,
        &f.status,
    ][facet]
}

/// Facets and results.
fn body(site: &Site, o: &Outcome) -> Vec<Node> {
    let Some(r) = &o.response else {
        // Without search, what people ask most and the hotline are still a way on.
        return if o.params.q.is_empty() || o.failed.is_some() || o.prerendered {
            empty_query(site)
        } else {
            Vec::new()
        };
    };
    if !matched_any(r) {
        return Vec::new();
    }
    let p = &o.params;
    let mut nodes: Vec<Node> = vec![facets(p, r).into()];
    if r.results.is_empty() {
        nodes.push(
            el("p")
                .class("empty")
                .text(format!("不加筛选共有 {} 条结果，可以", r.facets.kind.iter().map(|v| v.count).sum::<usize>()))
                .child(link(clear_href(p), "清除筛选").class("clear-filters"))
                .text("。")
                .into(),
        );
        return nodes;
    }
    let list = el("ol")
        .class("item-list search-results")
        .children(r.results.iter().map(|hit| {
            let mut meta = el("p")
                .class("item-meta")
                .child(tx("span", hit.kind.label()).class("kind"));
            // The hit carries its status label: no need for the policies file (a large
            // library's search page loads only its first-screen block).
            if let Some(status) = hit.status.as_deref().and_then(status_of_label) {
                meta = meta.child(status_badge(status));
            }
            el("li")
                .class("item search-result")
                .child(
                    link(item_href(hit.kind, &hit.id), hit.title.as_str())
                    .class("item-title"),
                )
                .child(meta)
                .opt((!hit.snippet.is_empty()).then(|| {
                    el("p")
                        .class("snippet")
                        .children(hit.snippet.iter().map(|s| {
                            if s.hit {
                                tx("mark", s.text.as_str()).into()
                            } else {
                                Node::Text(s.text.clone())
                            }
                        }))
                }))
                .into()
        }));
    nodes.push(
        el("section")
            .class("search-results-block")
            .attr("aria-labelledby", "search-results-title")
            .child(
                tx("h2", "搜索结果")
                    .id("search-results-title")
                    .class("visually-hidden"),
            )
            .child(list)
            .into(),
    );
    if r.results.len() >= p.limit() && r.total > r.results.len() {
        let mut more = p.clone();
        more.page += 1;
        nodes.push(
            el("p")
                .class("more")
                .child(link(more.href(), "显示更多结果"))
                .into(),
        );
    }
    nodes
}

fn clear_href(p: &Params) -> String {
    Params {
        q: p.q.clone(),
        exact: p.exact,
        ..Params::default()
    }
    .href()
}

/// The facet toggles: a link per value with its count; the selected value links back to "any".
/// Types are always visible; the others fold into "更多筛选" (open when one is in use).
fn facets(p: &Params, r: &SearchResponse) -> El {
    let group = |facet: usize| -> Option<El> {
        let values = facet_values(r, facet);
        let selected = p.facets[facet].as_deref();
        // A single value that is not selected narrows nothing: leave it out.
        if values.is_empty() || (values.len() == 1 && selected.is_none()) {
            return None;
        }
        let (name, label) = FACETS[facet];
        let label_id = format!("facet-{name}-label");
        let any = {
            let a = link(p.with_facet(facet, None), "全部").class("facet");
            li(if selected.is_none() {
                a.attr("aria-current", "true")
            } else {
                a
            })
        };
        let items = values.iter().map(|v| {
            let on = selected == Some(v.value.as_str());
            let href = p.with_facet(facet, (!on).then_some(v.value.as_str()));
            let a = el("a")
                .attr("href", href)
                .class("facet")
                .attr("data-facet", name)
                .attr("data-value", v.value.as_str())
                .text(format!("{} {}", v.label, v.count));
            li(if on {
                a.attr("aria-current", "true")
                    .child(tx("span", "（已选）").class("visually-hidden"))
            } else {
                a
            })
        });
        Some(
            el("div")
                .class("facet-group")
                .attr("role", "group")
                .attr("aria-labelledby", label_id.clone())
                .child(tx("p", label).id(label_id).class("facet-label"))
                .child(el("ul").class("facet-list").child(any).children(items)),
        )
    };
    let others: Vec<Node> = (1..FACETS.len())
        .filter_map(group)
        .map(Node::from)
        .collect();
    let mut block = el("div").class("search-facets").opt(group(0));
    if !others.is_empty() {
        let open = p.facets[1..].iter().any(Option::is_some);
        let details = el("details").class("more-facets");
        block = block.child(
            (if open {
                details.attr("open", "")
            } else {
                details
            })
            .child(tx("summary", "更多筛选：主题、人群、机构、年份、有效性"))
            .children(others),
        );
    }
    if p.has_filters() {
        block = block.child(
            el("p")
                .class("clear")
                .child(link(clear_href(p), "清除筛选").class("clear-filters")),
        );
    }
    block
}

/// No results at all: hot related questions and the hotline, with what was searched.
fn zero_help(site: &Site, o: &Outcome) -> Vec<Node> {
    let Some(r) = &o.response else {
        return Vec::new();
    };
    if matched_any(r) {
        return Vec::new();
    }
    let q = o.params.q.as_str();
    let lib = site.library;
    let mut nodes: Vec<Node> = vec![tx(
        "p",
        "可以换个说法再试试，比如少写几个字、用常见的叫法，或者看看下面大家常问的问题。",
    )
    .class("empty")
    .into()];
    let hot = lib.questions_related_to(q, 5);
    if !hot.is_empty() {
        nodes.push(
            section("search-hot", "home-block", "大家都在问")
                .child(item_list(hot.into_iter().map(qa_item)))
                .into(),
        );
    }
    let number = site.hotline;
    let tel = tel_href(&number).unwrap_or_else(|| "tel:12345".to_string());
    nodes.push(
        section("search-ask", "home-block", "还是找不到？")
            .child(
                el("p").child(
                    link(tel, format!("拨打 {number} 咨询“{q}”"))
                        .class("hotline hotline-big search-hotline"),
                ),
            )
            .child(
                el("ul")
                    .class("action-list")
                    .child(li(link(Route::QaList.path(), "查看全部常见问题")))
                    .child(li(link(Route::Policies.path(), "浏览政策文件库"))),
            )
            .into(),
    );
    nodes
}

/// No query yet: what people ask most, and the topic bundles.
fn empty_query(site: &Site) -> Vec<Node> {
    let lib = site.library;
    let mut nodes: Vec<Node> = Vec::new();
    let hot = lib.current_hot_questions(6, site.today.as_ref());
    if !hot.is_empty() {
        nodes.push(
            section("search-hot", "home-block", "大家都在问")
                .child(item_list(hot.into_iter().map(qa_item)))
                .into(),
        );
    }
    if !lib.topics.is_empty() {
        nodes.push(
            section("search-topics", "home-block", "一件事专题")
                .child(item_list(lib.topics.iter().map(topic_item)))
                .into(),
        );
    }
    nodes.push(
        el("p")
            .child(hotline_link(site.hotline, "也可以拨打", "热线咨询", "hotline"))
            .into(),
    );
    nodes
}
