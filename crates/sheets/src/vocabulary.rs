//! Theme, audience and region cells hold taxonomy ids or labels; this maps both to ids. While a
//! new library's taxonomy is being built (no 分类 sheet, no existing taxonomy) an unknown label
//! becomes a new term whose id is the label itself; otherwise unknown labels are reported.

use crate::cells::{half_width, text_key};
use mingbai_core::{Taxonomy, Term};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Themes,
    Audiences,
    Regions,
}

impl List {
    pub fn label(self) -> &'static str {
        match self {
            List::Themes => "主题",
            List::Audiences => "适用对象",
            List::Regions => "地区",
        }
    }
    pub fn parse(text: &str) -> Option<List> {
        match half_width(text).trim().to_lowercase().as_str() {
            "主题" | "themes" | "theme" | "分类" => Some(List::Themes),
            "适用对象" | "对象" | "人群" | "audiences" | "audience" => Some(List::Audiences),
            "地区" | "适用地区" | "区域" | "regions" | "region" => Some(List::Regions),
            _ => None,
        }
    }
    fn index(self) -> usize {
        self as usize
    }
}

pub struct Vocabulary {
    lists: [Vec<Term>; 3],
    /// Issuer names and their aliases: not in the sheets, kept as they are.
    issuers: Vec<mingbai_core::IssuerName>,
    /// Per list: unknown labels become new terms.
    open: [bool; 3],
    grew: bool,
}

impl Vocabulary {
    /// `new_library`: lists that are empty are built from the labels the sheets use.
    pub fn new(taxonomy: Taxonomy, new_library: bool) -> Vocabulary {
        let open = [
            new_library && taxonomy.themes.is_empty(),
            new_library && taxonomy.audiences.is_empty(),
            new_library && taxonomy.regions.is_empty(),
        ];
        Vocabulary { lists: [taxonomy.themes, taxonomy.audiences, taxonomy.regions], issuers: taxonomy.issuers, open, grew: false }
    }

    /// Adds a term from a 分类 sheet; false when the id is already defined in that list.
    pub fn define(&mut self, list: List, id: &str, label: &str, public: Option<bool>) -> bool {
        let terms = &mut self.lists[list.index()];
        if terms.iter().any(|t| t.id == id) {
            return false;
        }
        terms.push(Term { id: id.to_string(), label: label.to_string(), public });
        true
    }

    /// The id for a cell value: an id, a label, or (while building) a new term.
    pub fn resolve(&mut self, list: List, value: &str) -> Option<String> {
        let plain = half_width(value).trim().to_string();
        let terms = &mut self.lists[list.index()];
        if let Some(t) = terms.iter().find(|t| t.id == plain || t.id == value) {
            return Some(t.id.clone());
        }
        let key = text_key(value);
        if let Some(t) = terms.iter().find(|t| t.label == value || text_key(&t.label) == key) {
            return Some(t.id.clone());
        }
        if !self.open[list.index()] {
            return None;
        }
        let id: String = value.trim().chars().map(|c| if c.is_whitespace() || matches!(c, '/' | '?' | '#' | '%' | '\\') { '-' } else { c }).collect();
        terms.push(Term { id: id.clone(), label: value.trim().to_string(), public: None });
        self.grew = true;
        Some(id)
    }

    pub fn grew(&self) -> bool {
        self.grew
    }

    pub fn into_taxonomy(self) -> Taxonomy {
        let [themes, audiences, regions] = self.lists;
        Taxonomy { themes, audiences, regions, issuers: self.issuers }
    }
}
