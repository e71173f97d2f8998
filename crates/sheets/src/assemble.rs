//! The library an import produces: the imported kinds replace those kinds of the existing library
//! (the spreadsheet is the whole list, so a row deleted in Excel is an entry removed), kinds no
//! sheet provided stay as they are; and the difference per kind that a re-import prints.

use crate::import::Imported;
use mingbai_core::*;
use serde::Serialize;
use std::collections::HashMap;

/// The new library's entries (manifest decided by the caller).
pub fn assemble(existing: Option<&Library>, imported: &Imported, manifest: Manifest) -> Library {
    let keep = |lib: Option<&Library>| lib.cloned().unwrap_or_default();
    let old = keep(existing);
    let mut policies = imported.policies.clone().unwrap_or_else(|| old.policies.clone());
    if let Some(sections) = &imported.sections {
        for policy in &mut policies {
            if let Some(list) = sections.get(&policy.id) {
                policy.sections = list.clone();
            } else if imported.policies.is_some() {
                policy.sections.clear();
            }
        }
    }
    Library::new(
        Some(manifest),
        policies,
        imported.cards.clone().unwrap_or_else(|| old.cards.clone()),
        imported.qa.clone().unwrap_or_else(|| old.qa.clone()),
        imported.notices.clone().unwrap_or_else(|| old.notices.clone()),
        imported.topics.clone().unwrap_or_else(|| old.topics.clone()),
        if imported.taxonomy_changed { imported.taxonomy.clone() } else { old.taxonomy.clone() },
        imported.synonyms.clone().unwrap_or_else(|| old.synonyms.clone()),
    )
}

/// Added, changed and removed ids of one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindDiff {
    pub kind: &'static str,
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

impl KindDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

fn diff_of<T: Serialize>(kind: &'static str, old: &[T], new: &[T], key: impl Fn(&T) -> String) -> KindDiff {
    let value = |t: &T| serde_json::to_value(t).unwrap_or_default();
    let before: HashMap<String, serde_json::Value> = old.iter().map(|t| (key(t), value(t))).collect();
    let after: HashMap<String, serde_json::Value> = new.iter().map(|t| (key(t), value(t))).collect();
    let mut d = KindDiff { kind, ..Default::default() };
    for t in new {
        let k = key(t);
        match before.get(&k) {
            None => d.added.push(k),
            Some(v) if *v != after[&k] => d.changed.push(k),
            Some(_) => {}
        }
    }
    d.removed = old.iter().map(&key).filter(|k| !after.contains_key(k)).collect();
    d
}

/// The difference per kind between two libraries.
pub fn diff(old: &Library, new: &Library) -> Vec<KindDiff> {
    let terms = |t: &Taxonomy| -> Vec<(String, String)> {
        [("主题", &t.themes), ("适用对象", &t.audiences), ("地区", &t.regions)]
            .into_iter()
            .flat_map(|(list, terms)| terms.iter().map(move |term| (format!("{list}:{}", term.id), term.label.clone())))
            .collect()
    };
    vec![
        diff_of("政策", &old.policies, &new.policies, |p| p.id.clone()),
        diff_of("解读卡", &old.cards, &new.cards, |c| c.id.clone()),
        diff_of("问答", &old.qa, &new.qa, |q| q.id.clone()),
        diff_of("通知", &old.notices, &new.notices, |n| n.id.clone()),
        diff_of("专题", &old.topics, &new.topics, |t| t.id.clone()),
        diff_of("分类", &terms(&old.taxonomy), &terms(&new.taxonomy), |t| t.0.clone()),
        diff_of("同义词", &old.synonyms, &new.synonyms, |s| s.term.clone()),
    ]
}
