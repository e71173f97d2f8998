//! The questions the pages ask of a library: what is hot, what is new, what belongs together,
//! and which policies pass the list filters. Pure functions, so they are tested natively.

use crate::date::IsoDate;
use crate::library::Library;
use crate::types::*;
use std::collections::BTreeSet;

/// Filters of the policy list; each `None` means "any". They live in the URL query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyFilter {
    pub issuer: Option<String>,
    pub year: Option<i32>,
    pub theme: Option<String>,
    pub status: Option<PolicyStatus>,
}

impl PolicyFilter {
    pub fn matches(&self, p: &Policy) -> bool {
        self.issuer.as_ref().is_none_or(|i| &p.issuer == i)
            && self.year.is_none_or(|y| policy_year(p) == Some(y))
            && self.theme.as_ref().is_none_or(|t| p.themes.contains(t))
            && self.status.is_none_or(|s| p.status == s)
    }
}

/// The year a policy is filed under: its publication year, else the year it was written.
pub fn policy_year(p: &Policy) -> Option<i32> {
    p.published_date.as_ref().or(p.written_date.as_ref()).map(IsoDate::year)
}

fn newest_first<T>(items: &mut [&T], date: impl Fn(&T) -> Option<&IsoDate>) {
    items.sort_by(|a, b| date(b).cmp(&date(a)));
}

impl Library {
    /// Policies passing the filter, newest first.
    pub fn filtered_policies(&self, filter: &PolicyFilter) -> Vec<&Policy> {
        let mut found: Vec<&Policy> = self.policies.iter().filter(|p| filter.matches(p)).collect();
        newest_first(&mut found, |p| p.published_date.as_ref().or(p.written_date.as_ref()));
        found
    }

    /// Distinct issuers, for the filter menu.
    pub fn issuers(&self) -> Vec<&str> {
        let set: BTreeSet<&str> = self.policies.iter().map(|p| p.issuer.as_str()).collect();
        set.into_iter().collect()
    }

    /// Distinct years, newest first.
    pub fn policy_years(&self) -> Vec<i32> {
        let set: BTreeSet<i32> = self.policies.iter().filter_map(policy_year).collect();
        set.into_iter().rev().collect()
    }

    /// Themes that at least one item of `kind` uses, in taxonomy order.
    pub fn themes_in_use(&self, kind: ItemKind) -> Vec<&Term> {
        let used: BTreeSet<&str> = match kind {
            ItemKind::Policy => self.policies.iter().flat_map(|p| p.themes.iter()).map(String::as_str).collect(),
            ItemKind::Card => self.cards.iter().flat_map(|c| c.themes.iter()).map(String::as_str).collect(),
            ItemKind::Qa => self.qa.iter().flat_map(|q| q.themes.iter()).map(String::as_str).collect(),
            ItemKind::Notice => self.notices.iter().flat_map(|n| n.themes.iter()).map(String::as_str).collect(),
            ItemKind::Topic => BTreeSet::new(),
        };
        self.taxonomy.themes.iter().filter(|t| used.contains(t.id.as_str())).collect()
    }

    /// The most asked questions first.
    pub fn hot_questions(&self, limit: usize) -> Vec<&Qa> {
        let mut all: Vec<&Qa> = self.qa.iter().collect();
        all.sort_by(|a, b| b.hot.cmp(&a.hot).then_with(|| b.updated.cmp(&a.updated)));
        all.truncate(limit);
        all
    }

    /// Questions on a theme (or all when `None`), most asked first.
    pub fn questions_on(&self, theme: Option<&str>) -> Vec<&Qa> {
        let mut found: Vec<&Qa> = self.qa.iter().filter(|q| theme.is_none_or(|t| q.themes.iter().any(|x| x == t))).collect();
        found.sort_by(|a, b| b.hot.cmp(&a.hot).then_with(|| a.id.cmp(&b.id)));
        found
    }

    pub fn latest_cards(&self, limit: usize) -> Vec<&Card> {
        let mut all: Vec<&Card> = self.cards.iter().collect();
        newest_first(&mut all, |c| Some(&c.published_date));
        all.truncate(limit);
        all
    }

    /// Notices still in force on `today`, urgent first, then newest first.
    pub fn current_notices(&self, today: &IsoDate) -> Vec<&Notice> {
        let mut found: Vec<&Notice> = self.notices.iter().filter(|n| !is_expired(n, today)).collect();
        found.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| b.published.cmp(&a.published)));
        found
    }

    /// Every notice, newest first (expired ones included, for the archive).
    pub fn all_notices(&self) -> Vec<&Notice> {
        let mut all: Vec<&Notice> = self.notices.iter().collect();
        newest_first(&mut all, |n| Some(&n.published));
        all
    }

    pub fn cards_for_policy(&self, policy_id: &str) -> Vec<&Card> {
        self.cards.iter().filter(|c| c.policy_id == policy_id).collect()
    }

    pub fn questions_citing(&self, policy_id: &str) -> Vec<&Qa> {
        let mut found: Vec<&Qa> = self.qa.iter().filter(|q| q.policy_refs.iter().any(|r| r.policy_id == policy_id)).collect();
        found.sort_by(|a, b| b.hot.cmp(&a.hot));
        found
    }

    /// Questions that cite the same sections or policies, then share themes; hottest first.
    pub fn related_questions(&self, qa: &Qa, limit: usize) -> Vec<&Qa> {
        let score = |other: &Qa| -> u32 {
            let same_section = other.policy_refs.iter().filter(|r| qa.policy_refs.contains(r)).count() as u32;
            let same_policy =
                other.policy_refs.iter().filter(|r| qa.policy_refs.iter().any(|x| x.policy_id == r.policy_id)).count() as u32;
            let same_theme = other.themes.iter().filter(|t| qa.themes.contains(t)).count() as u32;
            same_section * 4 + same_policy * 2 + same_theme
        };
        let mut scored: Vec<(u32, &Qa)> =
            self.qa.iter().filter(|o| o.id != qa.id).map(|o| (score(o), o)).filter(|(s, _)| *s > 0).collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.hot.cmp(&a.1.hot)));
        scored.into_iter().take(limit).map(|(_, q)| q).collect()
    }

    /// The versions of a policy from oldest to newest, following `supersedes`/`superseded_by`.
    /// Safe against cycles in bad data.
    pub fn revision_chain(&self, policy_id: &str) -> Vec<&Policy> {
        let Some(start) = self.policy(policy_id) else { return Vec::new() };
        let mut seen = BTreeSet::from([start.id.as_str()]);
        let mut older = Vec::new();
        let mut cursor = start;
        while let Some(prev) = cursor.supersedes.as_deref().and_then(|id| self.policy(id)) {
            if !seen.insert(prev.id.as_str()) {
                break;
            }
            older.push(prev);
            cursor = prev;
        }
        older.reverse();
        older.push(start);
        let mut cursor = start;
        while let Some(next) = cursor.superseded_by.as_deref().and_then(|id| self.policy(id)) {
            if !seen.insert(next.id.as_str()) {
                break;
            }
            older.push(next);
            cursor = next;
        }
        older
    }

    /// Topics that include an item, for "part of 一件事" links.
    pub fn topics_with(&self, kind: ItemKind, id: &str) -> Vec<&Topic> {
        self.topics.iter().filter(|t| t.items.iter().any(|i| i.kind == kind && i.id == id)).collect()
    }
}

/// A notice is expired once the day after its `expires` date has begun.
pub fn is_expired(notice: &Notice, today: &IsoDate) -> bool {
    notice.expires.as_ref().is_some_and(|e| e.ymd() < today.ymd())
}
