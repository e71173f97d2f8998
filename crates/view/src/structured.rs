//! schema.org structured data (JSON-LD) for pre-rendered pages: `BreadcrumbList` on every page,
//! `Legislation` for a policy (文号, dates, legal force, the revision chain), `QAPage` for a
//! question, `Article` for a card or a notice, `WebSite` with its search on the home page.
//! URLs are `base` + path (`base` empty: site-relative paths).

use crate::route::{item_href, Route};
use crate::site::Site;
use mingbai_core::{ItemKind, Policy, PolicyStatus};
use serde_json::{json, Value};

/// The breadcrumb trail of a route: (name, path), home first, the page itself last.
pub fn breadcrumbs(route: &Route, title: &str) -> Vec<(String, String)> {
    let home = ("首页".to_string(), "/".to_string());
    let list = |name: &str, route: Route| (name.to_string(), route.path());
    let mut trail = vec![home];
    let parent = match route {
        Route::Home => return trail,
        Route::Policy(_) => Some(list("政策文件", Route::Policies)),
        Route::Card(_) => Some(list("政策解读", Route::Cards)),
        Route::Qa(_) => Some(list("常见问题", Route::QaList)),
        Route::Notice(_) => Some(list("通知公告", Route::Notices)),
        Route::Topic(_) => Some(list("一件事专题", Route::Topics)),
        _ => None,
    };
    trail.extend(parent);
    trail.push((title.to_string(), route.path()));
    trail
}

/// The JSON-LD objects of a page (each goes into its own `<script type="application/ld+json">`).
pub fn json_ld(site: &Site, route: &Route, title: &str, description: &str, base: &str) -> Vec<Value> {
    let url = |path: &str| format!("{base}{path}");
    let crumbs: Vec<Value> = breadcrumbs(route, title)
        .into_iter()
        .enumerate()
        .map(|(i, (name, path))| json!({"@type": "ListItem", "position": i + 1, "name": name, "item": url(&path)}))
        .collect();
    let mut out = vec![json!({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": crumbs})];
    let lib = site.library;
    let page = match route {
        Route::Home => Some(json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": lib.name(),
            "url": url(&Route::Home.path()),
            "inLanguage": "zh-CN",
            "description": description,
            "potentialAction": {
                "@type": "SearchAction",
                "target": format!("{}?q={{q}}", url(&Route::Search.path())),
                "query-input": "required name=q"
            }
        })),
        Route::Policy(id) => lib.policy(id).map(|p| legislation(site, p, &url)),
        Route::Qa(id) => lib.qa_entry(id).map(|q| {
            let mut answer = json!({"@type": "Answer", "text": q.answer.join("\n"), "url": url(&route.path())});
            answer["dateModified"] = q.updated.to_string().into();
            json!({
                "@context": "https://schema.org",
                "@type": "QAPage",
                "inLanguage": "zh-CN",
                "mainEntity": {
                    "@type": "Question",
                    "name": q.question,
                    "text": q.question,
                    "answerCount": 1,
                    "dateModified": q.updated.to_string(),
                    "acceptedAnswer": answer
                }
            })
        }),
        Route::Card(id) => lib.card(id).map(|c| {
            let mut article = article(title, description, &c.published_date.to_string(), &url(&route.path()));
            if let Some(p) = lib.policy(&c.policy_id) {
                article["about"] = json!({"@type": "Legislation", "name": p.title, "url": url(&item_href(ItemKind::Policy, &p.id))});
            }
            article
        }),
        Route::Notice(id) => lib.notice(id).map(|n| {
            let mut article = article(title, description, &n.published.to_string(), &url(&route.path()));
            if let Some(expires) = &n.expires {
                article["expires"] = expires.to_string().into();
            }
            article
        }),
        Route::Topic(_) => Some(json!({
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": title,
            "description": description,
            "url": url(&route.path()),
            "inLanguage": "zh-CN"
        })),
        _ => None,
    };
    out.extend(page);
    out
}

fn article(title: &str, description: &str, published: &str, url: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title,
        "description": description,
        "datePublished": published,
        "url": url,
        "inLanguage": "zh-CN"
    })
}

/// schema.org `Legislation`: 文号 as legislationIdentifier, 成文日期 as legislationDate, the status
/// as legislationLegalForce, and the versions it replaced as legislationChanges / isBasedOn.
fn legislation(site: &Site, p: &Policy, url: &dyn Fn(&str) -> String) -> Value {
    let force = match p.status {
        PolicyStatus::Effective => "https://schema.org/InForce",
        PolicyStatus::Revised | PolicyStatus::Repealed | PolicyStatus::Expired => "https://schema.org/NotInForce",
    };
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": p.title,
        "url": url(&item_href(ItemKind::Policy, &p.id)),
        "inLanguage": "zh-CN",
        "legislationLegalForce": force,
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": p.issuer},
    });
    if let Some(number) = &p.doc_number {
        v["legislationIdentifier"] = number.clone().into();
    }
    if let Some(d) = &p.written_date {
        v["legislationDate"] = d.to_string().into();
    }
    if let Some(d) = &p.published_date {
        v["datePublished"] = d.to_string().into();
    }
    if let Some(d) = &p.repealed_date {
        v["expires"] = d.to_string().into();
    }
    if !p.summary.is_empty() {
        v["abstract"] = p.summary.clone().into();
    }
    if let Some(region) = site.library.manifest.as_ref().and_then(|m| m.region.as_deref()) {
        v["legislationJurisdiction"] = region.into();
    }
    // The version this one replaced: it changes that text and is based on it.
    if let Some(old) = p.supersedes.as_deref().and_then(|id| site.library.policy(id)) {
        let link = json!({"@type": "Legislation", "name": old.title, "url": url(&item_href(ItemKind::Policy, &old.id))});
        v["legislationChanges"] = link.clone();
        v["isBasedOn"] = link;
    }
    v
}
