//! What of each library entry is searchable, field by field, and what results are faceted by.

use crate::browse::policy_year;
use crate::library::Library;
use crate::types::*;
use crate::date::IsoDate;

/// How much a match in a field counts: titles and questions above summaries above body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Alias,
    Keywords,
    Body,
}

impl Field {
    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 4.0,
            Field::Alias => 3.0,
            Field::Keywords => 1.5,
            Field::Body => 1.0,
        }
    }
}

/// One searchable item: its identity, its texts by field, and its facet values.
pub struct Document<'a> {
    pub kind: ItemKind,
    pub id: &'a str,
    pub title: &'a str,
    pub fields: Vec<(Field, &'a str)>,
    pub hot: u8,
    pub date: Option<&'a IsoDate>,
    pub status: Option<PolicyStatus>,
    pub themes: &'a [String],
    pub audiences: &'a [String],
    pub issuer: Option<&'a str>,
    pub year: Option<i32>,
    pub doc_number: Option<&'a str>,
}

impl<'a> Document<'a> {
    fn new(kind: ItemKind, id: &'a str, title: &'a str) -> Self {
        Document {
            kind,
            id,
            title,
            fields: vec![(Field::Title, title)],
            hot: 0,
            date: None,
            status: None,
            themes: &[],
            audiences: &[],
            issuer: None,
            year: None,
            doc_number: None,
        }
    }
}

/// Every searchable item of the library, in a stable order (policies, cards, Q&A, notices, topics).
pub fn documents(lib: &Library) -> Vec<Document<'_>> {
    let mut docs = Vec::with_capacity(lib.policies.len() + lib.cards.len() + lib.qa.len() + lib.notices.len() + lib.topics.len());
    for p in &lib.policies {
        let mut d = Document::new(ItemKind::Policy, &p.id, &p.title);
        if let Some(number) = &p.doc_number {
            d.fields.push((Field::Title, number));
        }
        d.fields.push((Field::Keywords, &p.summary));
        d.fields.push((Field::Keywords, &p.issuer));
        for section in &p.sections {
            d.fields.push((Field::Keywords, &section.heading));
            d.fields.extend(section.paragraphs.iter().map(|t| (Field::Body, t.as_str())));
        }
        d.date = p.published_date.as_ref().or(p.written_date.as_ref());
        d.status = Some(p.status);
        d.themes = &p.themes;
        d.audiences = &p.audiences;
        d.issuer = Some(&p.issuer);
        d.year = policy_year(p);
        d.doc_number = p.doc_number.as_deref();
        docs.push(d);
    }
    for c in &lib.cards {
        let mut d = Document::new(ItemKind::Card, &c.id, &c.title);
        d.fields.push((Field::Keywords, &c.summary));
        for point in c.key_points.iter().chain(&c.steps) {
            d.fields.push((Field::Keywords, &point.title));
            d.fields.push((Field::Body, &point.text));
        }
        for text in c.eligibility.iter().chain(&c.benefits).chain(&c.materials) {
            d.fields.push((Field::Body, text));
        }
        for change in &c.changes {
            d.fields.push((Field::Body, &change.before));
            d.fields.push((Field::Body, &change.after));
        }
        d.date = Some(&c.published_date);
        d.themes = &c.themes;
        d.audiences = &c.audiences;
        d.year = Some(c.published_date.year());
        docs.push(d);
    }
    for q in &lib.qa {
        let mut d = Document::new(ItemKind::Qa, &q.id, &q.question);
        d.fields.extend(q.aliases.iter().map(|a| (Field::Alias, a.as_str())));
        d.fields.extend(q.answer.iter().map(|a| (Field::Body, a.as_str())));
        d.hot = q.hot.min(100);
        d.date = Some(&q.updated);
        d.themes = &q.themes;
        d.audiences = &q.audiences;
        d.year = Some(q.updated.year());
        docs.push(d);
    }
    for n in &lib.notices {
        let mut d = Document::new(ItemKind::Notice, &n.id, &n.title);
        d.fields.extend(n.body.iter().map(|b| (Field::Body, b.as_str())));
        d.date = Some(&n.published);
        d.themes = &n.themes;
        d.audiences = &n.audiences;
        d.year = Some(n.published.year());
        docs.push(d);
    }
    for t in &lib.topics {
        let mut d = Document::new(ItemKind::Topic, &t.id, &t.title);
        d.fields.push((Field::Keywords, &t.summary));
        docs.push(d);
    }
    docs
}

/// The body texts of an item, for snippets (looked up only for the results shown).
pub fn body_texts<'a>(lib: &'a Library, kind: ItemKind, id: &str) -> Vec<&'a str> {
    match kind {
        ItemKind::Policy => lib
            .policy(id)
            .map(|p| std::iter::once(p.summary.as_str()).chain(p.sections.iter().flat_map(|s| s.paragraphs.iter().map(String::as_str))).collect())
            .unwrap_or_default(),
        ItemKind::Card => lib
            .card(id)
            .map(|c| std::iter::once(c.summary.as_str()).chain(c.key_points.iter().map(|k| k.text.as_str())).collect())
            .unwrap_or_default(),
        ItemKind::Qa => lib.qa_entry(id).map(|q| q.answer.iter().map(String::as_str).collect()).unwrap_or_default(),
        ItemKind::Notice => lib.notice(id).map(|n| n.body.iter().map(String::as_str).collect()).unwrap_or_default(),
        ItemKind::Topic => lib.topic(id).map(|t| vec![t.summary.as_str()]).unwrap_or_default(),
    }
}
