//! The loaded library: every good entry, indexed by id.

use crate::types::*;
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct Library {
    pub manifest: Option<Manifest>,
    pub policies: Vec<Policy>,
    pub cards: Vec<Card>,
    pub qa: Vec<Qa>,
    pub notices: Vec<Notice>,
    pub topics: Vec<Topic>,
    pub taxonomy: Taxonomy,
    pub synonyms: Vec<Synonym>,
    index: HashMap<(ItemKind, String), usize>,
}

impl Library {
    /// Assembles a library from validated entries (ids already unique per kind).
    pub fn new(
        manifest: Option<Manifest>,
        policies: Vec<Policy>,
        cards: Vec<Card>,
        qa: Vec<Qa>,
        notices: Vec<Notice>,
        topics: Vec<Topic>,
        taxonomy: Taxonomy,
        synonyms: Vec<Synonym>,
    ) -> Library {
        let mut index = HashMap::new();
        let mut add = |kind: ItemKind, ids: Vec<&String>| {
            for (position, id) in ids.into_iter().enumerate() {
                index.entry((kind, id.clone())).or_insert(position);
            }
        };
        add(ItemKind::Policy, policies.iter().map(|p| &p.id).collect());
        add(ItemKind::Card, cards.iter().map(|c| &c.id).collect());
        add(ItemKind::Qa, qa.iter().map(|q| &q.id).collect());
        add(ItemKind::Notice, notices.iter().map(|n| &n.id).collect());
        add(ItemKind::Topic, topics.iter().map(|t| &t.id).collect());
        Library { manifest, policies, cards, qa, notices, topics, taxonomy, synonyms, index }
    }

    fn position(&self, kind: ItemKind, id: &str) -> Option<usize> {
        // Allocation-free lookup would need a borrowed key type; ids are short, this is fine.
        self.index.get(&(kind, id.to_string())).copied()
    }

    pub fn contains(&self, kind: ItemKind, id: &str) -> bool {
        self.position(kind, id).is_some()
    }
    pub fn policy(&self, id: &str) -> Option<&Policy> {
        self.position(ItemKind::Policy, id).map(|i| &self.policies[i])
    }
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.position(ItemKind::Card, id).map(|i| &self.cards[i])
    }
    pub fn qa_entry(&self, id: &str) -> Option<&Qa> {
        self.position(ItemKind::Qa, id).map(|i| &self.qa[i])
    }
    pub fn notice(&self, id: &str) -> Option<&Notice> {
        self.position(ItemKind::Notice, id).map(|i| &self.notices[i])
    }
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.position(ItemKind::Topic, id).map(|i| &self.topics[i])
    }

    /// Title of any linked item, for link text.
    pub fn title_of(&self, link: &ItemLink) -> Option<&str> {
        match link.kind {
            ItemKind::Policy => self.policy(&link.id).map(|p| p.title.as_str()),
            ItemKind::Card => self.card(&link.id).map(|c| c.title.as_str()),
            ItemKind::Qa => self.qa_entry(&link.id).map(|q| q.question.as_str()),
            ItemKind::Notice => self.notice(&link.id).map(|n| n.title.as_str()),
            ItemKind::Topic => self.topic(&link.id).map(|t| t.title.as_str()),
        }
    }

    pub fn theme_label<'a>(&'a self, id: &'a str) -> &'a str {
        label_in(&self.taxonomy.themes, id)
    }
    pub fn audience_label<'a>(&'a self, id: &'a str) -> &'a str {
        label_in(&self.taxonomy.audiences, id)
    }
    pub fn region_label<'a>(&'a self, id: &'a str) -> &'a str {
        label_in(&self.taxonomy.regions, id)
    }

    /// Library name for headers, with a neutral fallback.
    pub fn name(&self) -> &str {
        self.manifest.as_ref().map(|m| m.name.as_str()).unwrap_or("政策库")
    }
    /// Hotline from the manifest; `None` when the library does not name one.
    pub fn hotline(&self) -> Option<&str> {
        self.manifest.as_ref().and_then(|m| m.hotline.as_deref())
    }

    pub fn is_empty(&self) -> bool {
        self.policies.is_empty()
            && self.cards.is_empty()
            && self.qa.is_empty()
            && self.notices.is_empty()
            && self.topics.is_empty()
    }
}

fn label_in<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
    terms.iter().find(|t| t.id == id).map(|t| t.label.as_str()).unwrap_or(id)
}
