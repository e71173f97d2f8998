//! Facets (搜索结果多维度分类展现): counts by type, theme, audience, issuer, year and status,
//! and the filters a user picks from them (kept in the URL by the app).

use crate::browse::sort_any;
use super::index::DocMeta;
use crate::library::Library;
use crate::types::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The facet values a user selected; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FacetFilters {
    pub kind: Option<ItemKind>,
    pub theme: Option<String>,
    pub audience: Option<String>,
    pub issuer: Option<String>,
    pub year: Option<i32>,
    pub status: Option<PolicyStatus>,
}

impl FacetFilters {
    pub fn matches(&self, d: &DocMeta) -> bool {
        self.kind.is_none_or(|k| d.kind == k)
            && self.theme.as_ref().is_none_or(|t| d.themes.contains(t))
            && self.audience.as_ref().is_none_or(|a| d.audiences.contains(a))
            && self.issuer.as_ref().is_none_or(|i| d.issuer.as_ref() == Some(i))
            && self.year.is_none_or(|y| d.year == Some(y))
            && self.status.is_none_or(|s| d.status == Some(s))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value as it goes in the URL (`qa`, a theme id, `2024`, `effective`).
    pub value: String,
    /// What users read (问答, 就业创业, 2024年, 有效).
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facets {
    #[serde(rename = "type")]
    pub kind: Vec<FacetValue>,
    pub theme: Vec<FacetValue>,
    pub audience: Vec<FacetValue>,
    pub issuer: Vec<FacetValue>,
    pub year: Vec<FacetValue>,
    pub status: Vec<FacetValue>,
}

fn values(counts: BTreeMap<String, usize>, label: impl Fn(&str) -> String) -> Vec<FacetValue> {
    let mut list: Vec<FacetValue> =
        counts.into_iter().map(|(value, count)| FacetValue { label: label(&value), value, count }).collect();
    sort_any(&mut list, |a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    list
}

/// Counts facet values over matched documents.
pub fn count<'a>(lib: &Library, docs: impl Iterator<Item = &'a DocMeta>) -> Facets {
    let mut kind = BTreeMap::new();
    let mut theme = BTreeMap::new();
    let mut audience = BTreeMap::new();
    let mut issuer = BTreeMap::new();
    let mut year = BTreeMap::new();
    let mut status = BTreeMap::new();
    for d in docs {
        *kind.entry(d.kind.as_str().to_string()).or_insert(0) += 1;
        d.themes.iter().for_each(|t| *theme.entry(t.clone()).or_insert(0) += 1);
        d.audiences.iter().for_each(|a| *audience.entry(a.clone()).or_insert(0) += 1);
        if let Some(i) = &d.issuer {
            *issuer.entry(i.clone()).or_insert(0) += 1;
        }
        if let Some(y) = d.year {
            *year.entry(y.to_string()).or_insert(0) += 1;
        }
        if let Some(s) = d.status {
            *status.entry(status_value(s).to_string()).or_insert(0) += 1;
        }
    }
    assemble([kind, theme, audience, issuer, year, status], |t| lib.theme_label(t).to_string(), |a| lib.audience_label(a).to_string())
}

/// Facets from counts per dimension (type, theme, audience, issuer, year, status), labelled.
pub(crate) fn assemble(
    counts: [BTreeMap<String, usize>; 6],
    theme_label: impl Fn(&str) -> String,
    audience_label: impl Fn(&str) -> String,
) -> Facets {
    let [kind, theme, audience, issuer, year, status] = counts;
    let mut years = values(year, |y| format!("{y}年"));
    sort_any(&mut years, |a, b| b.value.cmp(&a.value));
    Facets {
        kind: values(kind, |k| kind_from(k).map(ItemKind::label).unwrap_or("其他").to_string()),
        theme: values(theme, theme_label),
        audience: values(audience, audience_label),
        issuer: values(issuer, str::to_string),
        year: years,
        status: values(status, |s| status_from(s).map(PolicyStatus::label).unwrap_or("").to_string()),
    }
}

pub fn kind_from(value: &str) -> Option<ItemKind> {
    ItemKind::ALL.into_iter().find(|k| k.as_str() == value)
}

pub fn status_value(s: PolicyStatus) -> &'static str {
    match s {
        PolicyStatus::Effective => "effective",
        PolicyStatus::Revised => "revised",
        PolicyStatus::Repealed => "repealed",
        PolicyStatus::Expired => "expired",
    }
}

pub fn status_from(value: &str) -> Option<PolicyStatus> {
    [PolicyStatus::Effective, PolicyStatus::Revised, PolicyStatus::Repealed, PolicyStatus::Expired]
        .into_iter()
        .find(|s| status_value(*s) == value)
}
