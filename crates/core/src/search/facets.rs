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

/// Every document's facet values as numbers, made once with the index: counting the facets of
/// thousands of matches is then array increments, with no strings made or compared per match.
#[derive(Debug, Default)]
pub struct FacetTable {
    /// Per value number: its dimension (type, theme, audience, issuer, year, status) and its
    /// value as in the URL.
    values: Vec<(u8, String)>,
    /// Document `d`'s value numbers are `data[starts[d]..starts[d + 1]]` (a value listed twice
    /// counts twice).
    starts: Vec<u32>,
    data: Vec<u32>,
}

impl FacetTable {
    pub fn build<'a>(docs: impl Iterator<Item = &'a DocMeta>) -> FacetTable {
        let mut table = FacetTable { starts: vec![0], ..Default::default() };
        let mut numbers: std::collections::HashMap<(u8, String), u32> = std::collections::HashMap::new();
        for d in docs {
            let mut add = |dimension: u8, value: String| {
                let next = table.values.len() as u32;
                let n = *numbers.entry((dimension, value)).or_insert_with_key(|(dimension, value)| {
                    table.values.push((*dimension, value.clone()));
                    next
                });
                table.data.push(n);
            };
            add(0, d.kind.as_str().to_string());
            d.themes.iter().for_each(|t| add(1, t.clone()));
            d.audiences.iter().for_each(|a| add(2, a.clone()));
            if let Some(i) = &d.issuer {
                add(3, i.clone());
            }
            if let Some(y) = d.year {
                add(4, y.to_string());
            }
            if let Some(s) = d.status {
                add(5, status_value(s).to_string());
            }
            table.starts.push(table.data.len() as u32);
        }
        table
    }

    /// Counts facet values over matched documents (by document number).
    pub fn count(&self, lib: &Library, docs: impl Iterator<Item = u32>) -> Facets {
        let mut per_value = vec![0usize; self.values.len()];
        for d in docs {
            let d = d as usize;
            let (Some(a), Some(b)) = (self.starts.get(d), self.starts.get(d + 1)) else { continue };
            for v in &self.data[*a as usize..*b as usize] {
                per_value[*v as usize] += 1;
            }
        }
        let mut counts: [BTreeMap<String, usize>; 6] = Default::default();
        for ((dimension, value), n) in self.values.iter().zip(per_value) {
            if n > 0 {
                counts[usize::from(*dimension)].insert(value.clone(), n);
            }
        }
        assemble(counts, |t| lib.theme_label(t).to_string(), |a| lib.audience_label(a).to_string())
    }
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
