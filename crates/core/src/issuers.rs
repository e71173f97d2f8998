//! Issuer names for the 发布机构 filter: one entry per issuer, however policies spell it.
//!
//! Policies name their issuer as written on the document, so one district appears as "槐荫区"
//! on one document and "槐荫区人民政府办公室" on the next. A citizen filtering by issuer means
//! the body ("the district's documents"), not the spelling, so the filter merges them:
//!
//! 1. **Declared aliases** (`taxonomy.json` `issuers: [{label, aliases[]}]`): every alias and the
//!    label itself are listed under the label. The library knows best; this rule goes first.
//! 2. **Government-office suffixes**: a name that is another issuer's name of the same library
//!    plus 人民政府办公室 / 人民政府办公厅 / 人民政府 / 政府办公室 / 政府 / 办公室 is listed
//!    under the shorter name ("槐荫区人民政府办公室" under "槐荫区" when "槐荫区" is also an
//!    issuer). The general office issues documents on behalf of its government, so for citizens
//!    they are one source. Only when the shorter name is there: a lone "临淄区人民政府办公室" keeps
//!    its full name, since shortening it would state an issuer no document names. Departments
//!    (…教育和体育局) are other issuers and never merged by rule.
//!
//! A policy's own page still shows its issuer as written; only lists and filters merge.

use crate::library::Library;
use crate::types::IssuerName;
use std::collections::HashMap;

/// Suffixes that name a government's own office, longest first.
const OFFICE_SUFFIXES: [&str; 6] = ["人民政府办公室", "人民政府办公厅", "政府办公室", "人民政府", "政府", "办公室"];

/// Every issuer name of a library → the name its filter entry goes by.
#[derive(Debug, Clone, Default)]
pub struct IssuerNames {
    canonical: HashMap<String, String>,
}

impl IssuerNames {
    pub fn build(lib: &Library) -> IssuerNames {
        let mut canonical: HashMap<String, String> = HashMap::new();
        // 1. Declared: the first issuer a name is declared for keeps it (the validator warns).
        for issuer in &lib.taxonomy.issuers {
            let label = issuer.label.trim();
            if label.is_empty() {
                continue;
            }
            for name in std::iter::once(&issuer.label).chain(&issuer.aliases) {
                let name = name.trim();
                if !name.is_empty() {
                    canonical.entry(name.to_string()).or_insert_with(|| label.to_string());
                }
            }
        }
        // 2. Office suffixes, over the names policies use (shortest first, so a chain of
        //    suffixes ends at the shortest name present).
        let mut present: Vec<&str> = lib.policies.iter().map(|p| p.issuer.trim()).filter(|n| !n.is_empty()).collect();
        crate::browse::sort_stable(&mut present, |a, b| a.chars().count().cmp(&b.chars().count()).then_with(|| a.cmp(b)));
        present.dedup();
        let known: std::collections::HashSet<&str> = present.iter().copied().collect();
        for name in &present {
            if canonical.contains_key(*name) {
                continue;
            }
            let base = OFFICE_SUFFIXES
                .iter()
                .filter_map(|suffix| name.strip_suffix(suffix))
                .filter(|base| base.chars().count() >= 2 && known.contains(base))
                .min_by_key(|base| base.len());
            let target = match base {
                Some(base) => canonical.get(base).cloned().unwrap_or_else(|| base.to_string()),
                None => name.to_string(),
            };
            canonical.insert(name.to_string(), target);
        }
        IssuerNames { canonical }
    }

    /// Declared names only (rule 1), e.g. those a sharded index head carries.
    pub fn from_declared(declared: &[IssuerName]) -> IssuerNames {
        let mut lib = Library::default();
        lib.taxonomy.issuers = declared.to_vec();
        IssuerNames::build(&lib)
    }

    /// Every merge as declarations (`{label, aliases}` per entry with variants, sorted), so a
    /// sharded index head can map a variant named in a filter to its entry.
    pub fn as_declared(&self) -> Vec<IssuerName> {
        let mut by_label: std::collections::BTreeMap<&str, Vec<String>> = std::collections::BTreeMap::new();
        for (name, label) in &self.canonical {
            if name != label {
                by_label.entry(label.as_str()).or_default().push(name.clone());
            }
        }
        by_label
            .into_iter()
            .map(|(label, mut aliases)| {
                aliases.sort();
                IssuerName { label: label.to_string(), aliases }
            })
            .collect()
    }

    /// The filter entry an issuer name belongs to (the name itself when nothing merges it).
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        let trimmed = name.trim();
        self.canonical.get(trimmed).map(String::as_str).unwrap_or(trimmed)
    }

    /// Whether two issuer names are the same filter entry.
    pub fn same(&self, a: &str, b: &str) -> bool {
        self.canonical(a) == self.canonical(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn library(issuers: &[&str], declared: serde_json::Value) -> Library {
        let mut lib = Library::default();
        lib.policies = issuers
            .iter()
            .enumerate()
            .map(|(i, issuer)| {
                serde_json::from_value(json!({"id": format!("p{i}"), "title": format!("政策{i}"), "issuer": issuer, "status": "effective"})).unwrap()
            })
            .collect();
        lib.taxonomy.issuers = serde_json::from_value(declared).unwrap();
        lib
    }

    #[test]
    fn office_of_a_government_merges_into_the_shorter_name_when_both_are_issuers() {
        let lib = library(&["槐荫区人民政府办公室", "槐荫区", "临淄区人民政府办公室", "槐荫区教育和体育局", "槐荫区人民政府"], json!([]));
        let names = IssuerNames::build(&lib);
        assert_eq!(names.canonical("槐荫区人民政府办公室"), "槐荫区");
        assert_eq!(names.canonical("槐荫区人民政府"), "槐荫区");
        assert_eq!(names.canonical("槐荫区"), "槐荫区");
        assert_eq!(names.canonical("临淄区人民政府办公室"), "临淄区人民政府办公室", "alone: keeps its full name");
        assert_eq!(names.canonical("槐荫区教育和体育局"), "槐荫区教育和体育局", "a department is another issuer");
        assert_eq!(names.canonical(" 槐荫区 "), "槐荫区");
        assert_eq!(names.canonical("不在库里"), "不在库里");
    }

    #[test]
    fn declared_aliases_go_first() {
        let lib = library(
            &["济南市历城区人民政府办公室", "历城区政府", "槐荫区", "槐荫区人民政府办公室"],
            json!([{"label": "历城区", "aliases": ["济南市历城区人民政府办公室", "历城区政府"]}, {"label": "槐荫区人民政府", "aliases": ["槐荫区人民政府办公室"]}]),
        );
        let names = IssuerNames::build(&lib);
        assert_eq!(names.canonical("济南市历城区人民政府办公室"), "历城区");
        assert_eq!(names.canonical("历城区政府"), "历城区");
        assert_eq!(names.canonical("槐荫区人民政府办公室"), "槐荫区人民政府", "declared beats the suffix rule");
        assert!(names.same("历城区", "历城区政府"));
        // What a sharded index head carries maps the same way.
        let carried = IssuerNames::from_declared(&names.as_declared());
        for name in ["济南市历城区人民政府办公室", "历城区政府", "槐荫区人民政府办公室", "槐荫区"] {
            assert_eq!(carried.canonical(name), names.canonical(name), "{name}");
        }
    }
}
