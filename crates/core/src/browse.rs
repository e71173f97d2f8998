//! The questions the pages ask of a library: what is hot, what is new, what belongs together,
//! and which policies pass the list filters. Pure functions, so they are tested natively.

use crate::date::IsoDate;
use crate::issuers::IssuerNames;
use crate::library::Library;
use crate::types::*;
use std::cmp::Ordering;

/// Filters of the policy list; each `None` means "any". They live in the URL query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyFilter {
    pub issuer: Option<String>,
    pub year: Option<i32>,
    pub theme: Option<String>,
    pub status: Option<PolicyStatus>,
}

impl PolicyFilter {
    /// Whether `p` passes, its issuer compared as written. The policy list merges issuer
    /// variants (`matches_in`); this is for callers without the library at hand.
    pub fn matches(&self, p: &Policy) -> bool {
        self.issuer.as_ref().is_none_or(|i| &p.issuer == i) && self.matches_except_issuer(p)
    }

    /// Whether `p` passes, its issuer compared by filter entry: "槐荫区人民政府办公室" passes the
    /// filter "槐荫区" when the library merges them (see `crate::issuers`), and the other way
    /// round, so links made before the merge still work.
    pub fn matches_in(&self, p: &Policy, names: &IssuerNames) -> bool {
        self.issuer.as_ref().is_none_or(|i| names.same(&p.issuer, i)) && self.matches_except_issuer(p)
    }

    fn matches_except_issuer(&self, p: &Policy) -> bool {
        self.year.is_none_or(|y| policy_year(p) == Some(y))
            && self.theme.as_ref().is_none_or(|t| p.themes.contains(t))
            && self.status.is_none_or(|s| p.status == s)
    }
}

/// The year a policy is filed under: its publication year, else the year it was written.
pub fn policy_year(p: &Policy) -> Option<i32> {
    p.published_date.as_ref().or(p.written_date.as_ref()).map(IsoDate::year)
}

fn newest_first<T>(items: &mut Vec<&T>, date: impl Fn(&T) -> Option<&IsoDate>) {
    sort_stable(items, |a, b| date(b).cmp(&date(a)));
}

/// Stable sort, like `sort_by`, through one shared non-generic merge sort. Every `sort_by`
/// call site instantiates the standard library's sort anew (≈3.5 KB of wasm each); the app
/// ships in a 200 KB budget, so all the list orderings here share this one.
pub fn sort_stable<T: Copy>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    merge_sort(&mut order, &|a, b| cmp(&items[a], &items[b]));
    *items = order.into_iter().map(|i| items[i]).collect();
}

/// Stable sort of any vector through the one shared merge sort (the standard sort would be
/// copied into the wasm once per element type and comparator).
pub fn sort_any<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    merge_sort(&mut order, &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    *items = order.into_iter().filter_map(|i| slots[i].take()).collect();
}

/// Bottom-up merge sort of positions; stable (ties keep their order).
fn merge_sort(order: &mut Vec<usize>, cmp: &dyn Fn(usize, usize) -> Ordering) {
    let n = order.len();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                let take_left = left < mid && (right >= end || cmp(order[right], order[left]) != Ordering::Less);
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(order, &mut merged);
        width *= 2;
    }
}

impl Library {
    /// Policies passing the filter, newest first (issuer variants merged, see `crate::issuers`).
    pub fn filtered_policies(&self, filter: &PolicyFilter) -> Vec<&Policy> {
        let names = IssuerNames::build(self);
        let mut found: Vec<&Policy> = self.policies.iter().filter(|p| filter.matches_in(p, &names)).collect();
        newest_first(&mut found, |p| p.published_date.as_ref().or(p.written_date.as_ref()));
        found
    }

    /// Distinct issuers for the filter menu, one per issuer: variants of a name are merged
    /// (declared aliases, government-office suffixes; see `crate::issuers`). Each is both the
    /// value to filter by (`PolicyFilter::issuer`) and the label to show.
    pub fn issuers(&self) -> Vec<String> {
        self.issuer_counts().into_iter().map(|(name, _)| name).collect()
    }

    /// `issuers` with the number of policies under each, in the same (name) order.
    pub fn issuer_counts(&self) -> Vec<(String, usize)> {
        let names = IssuerNames::build(self);
        let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for p in &self.policies {
            *counts.entry(names.canonical(&p.issuer).to_string()).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// Distinct years, newest first.
    pub fn policy_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.policies.iter().filter_map(policy_year).collect();
        sort_stable(&mut years, |a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// Themes that at least one item of `kind` uses, in taxonomy order.
    pub fn themes_in_use(&self, kind: ItemKind) -> Vec<&Term> {
        let used = |theme: &String| -> bool {
            match kind {
                ItemKind::Policy => self.policies.iter().any(|p| p.themes.contains(theme)),
                ItemKind::Card => self.cards.iter().any(|c| c.themes.contains(theme)),
                ItemKind::Qa => self.qa.iter().any(|q| q.themes.contains(theme)),
                ItemKind::Notice => self.notices.iter().any(|n| n.themes.contains(theme)),
                ItemKind::Topic => false,
            }
        };
        self.taxonomy.themes.iter().filter(|t| used(&t.id)).collect()
    }

    /// The most asked questions first.
    pub fn hot_questions(&self, limit: usize) -> Vec<&Qa> {
        let mut all: Vec<&Qa> = self.qa.iter().collect();
        sort_stable(&mut all, |a, b| b.hot.cmp(&a.hot).then_with(|| b.updated.cmp(&a.updated)));
        all.truncate(limit);
        all
    }

    /// Questions on a theme (or all when `None`), most asked first.
    pub fn questions_on(&self, theme: Option<&str>) -> Vec<&Qa> {
        let mut found: Vec<&Qa> = self.qa.iter().filter(|q| theme.is_none_or(|t| q.themes.iter().any(|x| x == t))).collect();
        sort_stable(&mut found, |a, b| b.hot.cmp(&a.hot).then_with(|| a.id.cmp(&b.id)));
        found
    }

    pub fn latest_cards(&self, limit: usize) -> Vec<&Card> {
        let mut all: Vec<&Card> = self.cards.iter().collect();
        newest_first(&mut all, |c| Some(&c.published_date));
        all.truncate(limit);
        all
    }

    /// `hot_questions` without the questions expired on `today` (`None`: nothing is expired).
    pub fn current_hot_questions(&self, limit: usize, today: Option<&IsoDate>) -> Vec<&Qa> {
        let mut found = self.hot_questions(usize::MAX);
        found.retain(|q| today.is_none_or(|t| !q.is_expired(t)));
        found.truncate(limit);
        found
    }

    /// `questions_on` without the questions expired on `today`.
    pub fn current_questions_on(&self, theme: Option<&str>, today: Option<&IsoDate>) -> Vec<&Qa> {
        let mut found = self.questions_on(theme);
        found.retain(|q| today.is_none_or(|t| !q.is_expired(t)));
        found
    }

    /// `related_questions` without the questions expired on `today`.
    pub fn current_related_questions(&self, qa: &Qa, limit: usize, today: Option<&IsoDate>) -> Vec<&Qa> {
        let mut found = self.related_questions(qa, usize::MAX);
        found.retain(|q| today.is_none_or(|t| !q.is_expired(t)));
        found.truncate(limit);
        found
    }

    /// `latest_cards` without the cards expired on `today`.
    pub fn current_cards(&self, limit: usize, today: Option<&IsoDate>) -> Vec<&Card> {
        let mut found = self.latest_cards(usize::MAX);
        found.retain(|c| today.is_none_or(|t| !c.is_expired(t)));
        found.truncate(limit);
        found
    }

    /// Notices still in force on `today`, urgent first, then newest first.
    pub fn current_notices(&self, today: &IsoDate) -> Vec<&Notice> {
        let mut found: Vec<&Notice> = self.notices.iter().filter(|n| !is_expired(n, today)).collect();
        sort_stable(&mut found, |a, b| b.priority.cmp(&a.priority).then_with(|| b.published.cmp(&a.published)));
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
        sort_stable(&mut found, |a, b| b.hot.cmp(&a.hot));
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
        sort_stable(&mut scored, |a, b| b.0.cmp(&a.0).then_with(|| b.1.hot.cmp(&a.1.hot)));
        scored.into_iter().take(limit).map(|(_, q)| q).collect()
    }

    /// The versions of a policy from oldest to newest, following `supersedes`/`superseded_by`.
    /// Safe against cycles in bad data.
    pub fn revision_chain(&self, policy_id: &str) -> Vec<&Policy> {
        let Some(start) = self.policy(policy_id) else { return Vec::new() };
        // Chains are short: a list is enough to detect cycles.
        let mut seen = vec![start.id.as_str()];
        let mut older = Vec::new();
        let mut cursor = start;
        while let Some(prev) = cursor.supersedes.as_deref().and_then(|id| self.policy(id)) {
            if seen.contains(&prev.id.as_str()) {
                break;
            }
            seen.push(prev.id.as_str());
            older.push(prev);
            cursor = prev;
        }
        older.reverse();
        older.push(start);
        let mut cursor = start;
        while let Some(next) = cursor.superseded_by.as_deref().and_then(|id| self.policy(id)) {
            if seen.contains(&next.id.as_str()) {
                break;
            }
            seen.push(next.id.as_str());
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

impl Library {
    /// Hot questions for someone whose search found nothing: questions on the themes and audiences
    /// whose labels share a word (two characters) with what they typed come first, then the hottest
    /// overall, so the "no results" page always has somewhere to go.
    pub fn questions_related_to(&self, query: &str, limit: usize) -> Vec<&Qa> {
        let typed: Vec<char> = query.chars().filter(|c| !c.is_whitespace()).collect();
        let shares = |label: &str| {
            let label: Vec<char> = label.chars().collect();
            label.windows(2).any(|w| typed.windows(2).any(|t| t == w))
        };
        let themes: Vec<&str> = self.taxonomy.themes.iter().filter(|t| shares(&t.label)).map(|t| t.id.as_str()).collect();
        let audiences: Vec<&str> =
            self.taxonomy.audiences.iter().filter(|t| shares(&t.label)).map(|t| t.id.as_str()).collect();
        let related = |q: &&Qa| {
            q.themes.iter().any(|t| themes.contains(&t.as_str())) || q.audiences.iter().any(|a| audiences.contains(&a.as_str()))
        };
        let hot = self.hot_questions(usize::MAX);
        let mut found: Vec<&Qa> = hot.iter().copied().filter(related).take(limit).collect();
        for q in hot {
            if found.len() >= limit {
                break;
            }
            if !found.iter().any(|f| f.id == q.id) {
                found.push(q);
            }
        }
        found
    }
}

/// A notice is expired once the day after its `expires` date has begun.
pub fn is_expired(notice: &Notice, today: &IsoDate) -> bool {
    notice.expires.as_ref().is_some_and(|e| e.ymd() < today.ymd())
}

// ---- Queries and helpers the app pages need -------------------------------------------------

/// Every policy status, in the order the filter menu lists them.
pub const POLICY_STATUSES: [PolicyStatus; 4] =
    [PolicyStatus::Effective, PolicyStatus::Revised, PolicyStatus::Repealed, PolicyStatus::Expired];

/// The JSON / query-string name of a status, e.g. `effective`.
pub fn status_key(status: PolicyStatus) -> &'static str {
    match status {
        PolicyStatus::Effective => "effective",
        PolicyStatus::Revised => "revised",
        PolicyStatus::Repealed => "repealed",
        PolicyStatus::Expired => "expired",
    }
}

/// Reads a status from its query-string name; `None` for anything else.
pub fn parse_status(key: &str) -> Option<PolicyStatus> {
    POLICY_STATUSES.into_iter().find(|s| status_key(*s) == key.trim())
}

impl PolicyFilter {
    /// Builds a filter from raw query-string values. Empty or unreadable values mean "any", so a
    /// hand-edited or outdated link still shows a list instead of an error.
    pub fn from_query(issuer: Option<&str>, year: Option<&str>, theme: Option<&str>, status: Option<&str>) -> PolicyFilter {
        let text = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        PolicyFilter {
            issuer: text(issuer),
            year: year.and_then(|y| y.trim().parse().ok()),
            theme: text(theme),
            status: status.and_then(parse_status),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == PolicyFilter::default()
    }
}

impl Policy {
    /// The section with this id (the `#fragment` of a policy link).
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Whether readers must be told this is not simply the current text: it is no longer in
    /// force, or it belongs to a chain of versions.
    pub fn has_revision_notice(&self) -> bool {
        !self.status.is_current() || self.supersedes.is_some() || self.superseded_by.is_some()
    }
}

impl Library {
    /// Notices no longer in force on `today`, newest first (the "已过期" archive).
    pub fn expired_notices(&self, today: &IsoDate) -> Vec<&Notice> {
        let mut found: Vec<&Notice> = self.notices.iter().filter(|n| is_expired(n, today)).collect();
        newest_first(&mut found, |n| Some(&n.published));
        found
    }

    /// A topic's items grouped by kind (in `ItemKind::ALL` order), each with its title.
    /// Items that point at nothing in this library are left out; empty groups too.
    pub fn topic_groups<'a>(&'a self, topic: &'a Topic) -> Vec<(ItemKind, Vec<(&'a ItemLink, &'a str)>)> {
        ItemKind::ALL
            .into_iter()
            .map(|kind| {
                let items: Vec<(&ItemLink, &str)> = topic
                    .items
                    .iter()
                    .filter(|link| link.kind == kind)
                    .filter_map(|link| self.title_of(link).map(|title| (link, title)))
                    .collect();
                (kind, items)
            })
            .filter(|(_, items)| !items.is_empty())
            .collect()
    }
}

/// A URL from the data that is safe to put in a document link's `href`: `https://`, or a relative
/// URL (a site path, or relative to the library). Anything else (`javascript:`, `data:`, `http:`
/// …) yields `None`; see [`crate::links::classify_link`].
pub fn safe_href(url: &str) -> Option<&str> {
    use crate::links::DataLink;
    match crate::links::classify_link(url).ok()? {
        DataLink::Web(u) | DataLink::Route(u) | DataLink::LibraryFile(u) => Some(u),
        DataLink::Phone(_) => None,
    }
}

/// `tel:` link for a phone number as written in the data (`0531-12345678`, `12345`):
/// keeps digits and a leading `+`; `None` when no digits are left.
pub fn tel_href(phone: &str) -> Option<String> {
    let mut digits = String::new();
    for (i, c) in phone.trim().chars().enumerate() {
        if c.is_ascii_digit() || (c == '+' && i == 0) {
            digits.push(c);
        }
    }
    digits.chars().any(|c| c.is_ascii_digit()).then(|| format!("tel:{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn policy(id: &str, status: &str, extra: serde_json::Value) -> Policy {
        let mut v = json!({"id": id, "title": format!("政策{id}"), "issuer": "区政府", "status": status,
            "published_date": "2024-05-01",
            "sections": [{"id": "s1", "heading": "一、总则", "paragraphs": ["正文"]}]});
        if let (Some(o), serde_json::Value::Object(e)) = (v.as_object_mut(), extra) {
            o.extend(e);
        }
        serde_json::from_value(v).unwrap()
    }

    fn notice(id: &str, published: &str, expires: Option<&str>) -> Notice {
        serde_json::from_value(json!({"id": id, "title": format!("通知{id}"), "published": published, "expires": expires}))
            .unwrap()
    }

    fn library(policies: Vec<Policy>, notices: Vec<Notice>, topics: Vec<Topic>) -> Library {
        Library::new(None, policies, vec![], vec![], notices, topics, Taxonomy::default(), vec![])
    }

    #[test]
    fn sort_stable_matches_std_stable_sort() {
        // Pseudo-random keys with many ties, compared against the standard stable sort.
        let mut seed = 7u32;
        let items: Vec<(u32, usize)> = (0..300)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((seed >> 16) % 17, i)
            })
            .collect();
        for len in [0, 1, 2, 3, 5, 16, 17, 300] {
            let mut ours = items[..len].to_vec();
            let mut std = ours.clone();
            sort_stable(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(ours, std, "len {len}");
        }
        let mut desc = vec![3, 1, 2];
        sort_stable(&mut desc, |a, b| b.cmp(a));
        assert_eq!(desc, [3, 2, 1]);
    }

    #[test]
    fn status_keys_round_trip() {
        for s in POLICY_STATUSES {
            assert_eq!(parse_status(status_key(s)), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", status_key(s)));
        }
        assert_eq!(parse_status("valid"), None);
    }

    #[test]
    fn filter_from_query_is_lenient() {
        let f = PolicyFilter::from_query(Some("区政府"), Some("2024"), Some(""), Some("effective"));
        assert_eq!(f.issuer.as_deref(), Some("区政府"));
        assert_eq!(f.year, Some(2024));
        assert_eq!(f.theme, None);
        assert_eq!(f.status, Some(PolicyStatus::Effective));
        let junk = PolicyFilter::from_query(Some("  "), Some("二〇二四"), None, Some("nope"));
        assert!(junk.is_empty());
    }

    #[test]
    fn policy_section_and_revision_notice() {
        let p = policy("a", "effective", json!({}));
        assert_eq!(p.section("s1").map(|s| s.heading.as_str()), Some("一、总则"));
        assert!(p.section("s9").is_none());
        assert!(!p.has_revision_notice());
        assert!(policy("b", "repealed", json!({"repealed_date": "2024-06-01"})).has_revision_notice());
        assert!(policy("c", "effective", json!({"supersedes": "a"})).has_revision_notice());
    }

    #[test]
    fn expired_notices_are_the_complement_of_current_ones() {
        let lib = library(
            vec![],
            vec![
                notice("old", "2024-01-01", Some("2024-02-01")),
                notice("older", "2023-01-01", Some("2023-02-01")),
                notice("open", "2024-03-01", None),
                notice("last-day", "2024-03-01", Some("2024-06-30")),
            ],
            vec![],
        );
        let today = IsoDate::parse("2024-06-30").unwrap();
        let expired: Vec<&str> = lib.expired_notices(&today).iter().map(|n| n.id.as_str()).collect();
        assert_eq!(expired, ["old", "older"]);
        assert_eq!(lib.current_notices(&today).len() + expired.len(), lib.notices.len());
    }

    #[test]
    fn topic_groups_follow_kind_order_and_skip_unknown_items() {
        let topic: Topic = serde_json::from_value(json!({"id": "t", "title": "毕业生就业一件事", "items": [
            {"kind": "notice", "id": "n1"}, {"kind": "policy", "id": "p1"}, {"kind": "policy", "id": "missing"}]}))
        .unwrap();
        let lib = library(vec![policy("p1", "effective", json!({}))], vec![notice("n1", "2024-01-01", None)], vec![topic.clone()]);
        let groups = lib.topic_groups(&topic);
        let kinds: Vec<ItemKind> = groups.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, [ItemKind::Policy, ItemKind::Notice]);
        assert_eq!(groups[0].1.len(), 1);
        assert_eq!(groups[0].1[0].1, "政策p1");
    }

    #[test]
    fn questions_related_to_prefers_matching_themes_then_hot_ones() {
        let qa = |id: &str, hot: u8, theme: &str| -> Qa {
            serde_json::from_value(json!({"id": id, "question": format!("问题{id}"), "answer": ["答"], "hot": hot,
                "themes": [theme], "updated": "2024-01-01"}))
            .unwrap()
        };
        let taxonomy: Taxonomy = serde_json::from_value(json!({"themes": [
            {"id": "ylbx", "label": "养老保险"}, {"id": "jy", "label": "就业创业"}]}))
        .unwrap();
        let lib = Library::new(None, vec![], vec![], vec![qa("a", 90, "jy"), qa("b", 10, "ylbx"), qa("c", 50, "jy")], vec![], vec![], taxonomy, vec![]);
        let ids = |v: Vec<&Qa>| v.into_iter().map(|q| q.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(lib.questions_related_to("养老金怎么领", 2)), ["b", "a"]);
        assert_eq!(ids(lib.questions_related_to("火星移民", 5)), ["a", "c", "b"]);
        assert!(lib.questions_related_to("", 0).is_empty());
    }

    #[test]
    fn safe_href_rejects_script_urls() {
        assert_eq!(safe_href("https://www.jinan.gov.cn/a.pdf"), Some("https://www.jinan.gov.cn/a.pdf"));
        assert_eq!(safe_href("/library/a.pdf"), Some("/library/a.pdf"));
        assert_eq!(safe_href("files/a.pdf"), Some("files/a.pdf"));
        for bad in ["http://x.cn/a.pdf", "javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "", "/\\evil.com"] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn tel_href_keeps_digits() {
        assert_eq!(tel_href("12345").as_deref(), Some("tel:12345"));
        assert_eq!(tel_href("0531-8765 4321").as_deref(), Some("tel:053187654321"));
        assert_eq!(tel_href("+86 531 1234").as_deref(), Some("tel:+865311234"));
        assert_eq!(tel_href("见窗口公告"), None);
    }
}

#[cfg(test)]
mod expiry_tests {
    //! Expired Q&A and cards (`expires`) leave the current lists, the screen and the first-screen
    //! block, like notices; without a date nothing counts as expired.
    use crate::library::Library;
    use crate::types::*;
    use crate::IsoDate;
    use serde_json::json;

    #[test]
    fn expired_questions_and_cards_leave_current_lists_the_screen_and_the_first_screen() {
        let qa = |id: &str, hot: u8, expires: Option<&str>| -> Qa {
            serde_json::from_value(json!({"id": id, "question": format!("问题{id}"), "answer": ["答"], "hot": hot,
                "updated": "2024-01-01", "expires": expires, "themes": ["t"]}))
            .unwrap()
        };
        let card = |id: &str, expires: Option<&str>| -> Card {
            serde_json::from_value(json!({"id": id, "policy_id": "p", "title": format!("卡{id}"), "published_date": "2024-01-01", "expires": expires}))
            .unwrap()
        };
        let lib = Library::new(
            None,
            vec![],
            vec![card("old", Some("2024-06-29")), card("today", Some("2024-06-30")), card("open", None)],
            vec![qa("old", 90, Some("2024-06-29")), qa("today", 50, Some("2024-06-30")), qa("open", 10, None)],
            vec![],
            vec![],
            Taxonomy::default(),
            vec![],
        );
        let today = IsoDate::parse("2024-06-30").unwrap();
        let ids = |v: Vec<&Qa>| v.into_iter().map(|q| q.id.clone()).collect::<Vec<String>>();
        assert_eq!(ids(lib.current_hot_questions(10, Some(&today))), ["today", "open"]);
        assert_eq!(ids(lib.current_hot_questions(10, None)), ["old", "today", "open"]);
        assert_eq!(ids(lib.current_questions_on(Some("t"), Some(&today))), ["today", "open"]);
        assert_eq!(ids(lib.current_related_questions(&lib.qa[2], 10, Some(&today))), ["today"]);
        let cards: Vec<&str> = lib.current_cards(10, Some(&today)).into_iter().map(|c| c.id.as_str()).collect();
        assert!(!cards.contains(&"old") && cards.len() == 2);
        let slides = crate::screen::slides(&lib, Some(&today), &[ItemKind::Qa, ItemKind::Card]);
        assert!(slides.iter().all(|s| s.id != "old"), "{slides:?}");
        assert_eq!(slides.len(), 4);
        for (_, _, bytes) in crate::first_screen::first_screen_files(&lib, Some(&today)) {
            let text = String::from_utf8(bytes).unwrap();
            assert!(!text.contains("\"old\""), "{text}");
        }
    }
}
