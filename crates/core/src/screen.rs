//! What a display screen (`/screen`) shows: the slides of the carousel, computed from the
//! library and today's date, and whether a fresh load of the library may replace the last good
//! one. Pure functions, so the rules are tested natively; the app only draws and times them.
//!
//! Rules:
//! - Kinds come in the configured order (`notice`, `card`, `qa`); unknown names are ignored.
//! - Urgent notices (`priority: "urgent"`, the only urgency the format has) take over: while one
//!   is in force, the screen shows only the urgent notices, newest first, until they expire.
//! - Nothing stale is shown: expired notices, expired questions and cards (`expires`), cards past their deadline, cards of repealed or
//!   expired policies, and questions whose every cited policy is repealed or expired are left out.
//!   Withdrawn items (removed from the library) leave with the next accepted refresh.

use crate::diagnostic::{Diagnostic, Problem};
use crate::library::Library;
use crate::types::{ItemKind, Priority, PolicyStatus};
use crate::IsoDate;

/// How many of the most asked questions a screen cycles through.
pub const HOT_QUESTIONS: usize = 10;

/// One slide: a notice, a card or a question, with the text a passer-by can read from afar.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide<'a> {
    pub kind: ItemKind,
    pub id: &'a str,
    pub title: &'a str,
    /// A few short lines: the notice body, the card summary and key points, the answer.
    pub lines: Vec<&'a str>,
    pub urgent: bool,
    /// A date worth showing (notice or card deadline).
    pub deadline: Option<&'a IsoDate>,
}

impl Slide<'_> {
    /// The item's route in the app, e.g. `/cards/abc` (what the QR code opens).
    pub fn href(&self) -> String {
        format!("{}/{}", self.kind.route(), self.id)
    }
    /// The label above the title.
    pub fn label(&self) -> &'static str {
        match (self.kind, self.urgent) {
            (ItemKind::Notice, true) => "紧急通知",
            (ItemKind::Notice, false) => "通知公告",
            (ItemKind::Card, _) => "政策解读",
            (ItemKind::Qa, _) => "大家都在问",
            (kind, _) => kind.label(),
        }
    }
}

/// The configured kinds (`"notice"`, `"card"`, `"qa"`) in order, without duplicates or unknown
/// names; an empty or useless list means all three.
pub fn parse_kinds<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<ItemKind> {
    let mut kinds = Vec::new();
    for name in names {
        let kind = match name.trim() {
            "notice" | "notices" => ItemKind::Notice,
            "card" | "cards" => ItemKind::Card,
            "qa" => ItemKind::Qa,
            _ => continue,
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        kinds = vec![ItemKind::Notice, ItemKind::Card, ItemKind::Qa];
    }
    kinds
}

fn policy_gone(lib: &Library, policy_id: &str) -> bool {
    lib.policy(policy_id)
        .is_some_and(|p| matches!(p.status, PolicyStatus::Repealed | PolicyStatus::Expired))
}

fn past(date: Option<&IsoDate>, today: Option<&IsoDate>) -> bool {
    matches!((date, today), (Some(d), Some(t)) if d.ymd() < t.ymd())
}

const MAX_LINES: usize = 3;

/// The slides to show on `today` (unknown date: nothing is treated as expired).
pub fn slides<'a>(lib: &'a Library, today: Option<&IsoDate>, kinds: &[ItemKind]) -> Vec<Slide<'a>> {
    let mut notices = match today {
        Some(today) => lib.current_notices(today),
        None => lib.all_notices(),
    };
    if notices.iter().any(|n| n.priority == Priority::Urgent) {
        notices.retain(|n| n.priority == Priority::Urgent);
        return notices.into_iter().map(notice_slide).collect();
    }
    let mut out = Vec::new();
    for kind in kinds {
        match kind {
            ItemKind::Notice => out.extend(notices.iter().copied().map(notice_slide)),
            ItemKind::Card => out.extend(
                lib.current_cards(usize::MAX, today)
                    .into_iter()
                    .filter(|c| !policy_gone(lib, &c.policy_id) && !past(c.deadline.as_ref(), today))
                    .map(|c| Slide {
                        kind: ItemKind::Card,
                        id: &c.id,
                        title: &c.title,
                        lines: std::iter::once(c.summary.as_str())
                            .chain(c.key_points.iter().map(|k| k.title.as_str()))
                            .filter(|l| !l.trim().is_empty())
                            .take(MAX_LINES)
                            .collect(),
                        urgent: false,
                        deadline: c.deadline.as_ref(),
                    }),
            ),
            ItemKind::Qa => out.extend(
                lib.current_questions_on(None, today)
                    .into_iter()
                    .filter(|q| {
                        q.policy_refs.is_empty() || !q.policy_refs.iter().all(|r| policy_gone(lib, &r.policy_id))
                    })
                    .take(HOT_QUESTIONS)
                    .map(|q| Slide {
                        kind: ItemKind::Qa,
                        id: &q.id,
                        title: &q.question,
                        lines: q.answer.iter().map(String::as_str).take(MAX_LINES).collect(),
                        urgent: false,
                        deadline: None,
                    }),
            ),
            _ => {}
        }
    }
    out
}

fn notice_slide(n: &crate::types::Notice) -> Slide<'_> {
    Slide {
        kind: ItemKind::Notice,
        id: &n.id,
        title: &n.title,
        lines: n.body.iter().map(String::as_str).take(MAX_LINES).collect(),
        urgent: n.priority == Priority::Urgent,
        deadline: n.deadline.as_ref(),
    }
}

/// Whether a fresh load may replace what the screen shows: not when a whole file failed (missing,
/// unreadable, not JSON, wrong shape, unknown format), since that would empty the screen of good
/// items. Single bad entries are fine: they are left out, everything else is fresh.
pub fn refresh_usable(diagnostics: &[Diagnostic]) -> bool {
    !diagnostics.iter().any(|d| {
        d.is_error()
            && match d.problem {
                Problem::MissingFile | Problem::MalformedJson | Problem::UnknownFormat | Problem::UnknownVersion => true,
                Problem::WrongShape => d.entry.is_none(),
                _ => false,
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{FileRole, LibraryBuilder};
    use crate::parse_manifest;

    const MANIFEST: &str = r#"{"format":"mingbai-library","version":1,"name":"测试","files":{"policies":["p.json"],"cards":["c.json"],"qa":["q.json"],"notices":["n.json"]}}"#;

    fn lib(policies: &str, cards: &str, qa: &str, notices: &str) -> (Library, Vec<Diagnostic>) {
        let mut b = LibraryBuilder::new(parse_manifest("manifest.json", MANIFEST).unwrap());
        b.add_text(FileRole::Policies, "p.json", policies);
        b.add_text(FileRole::Cards, "c.json", cards);
        b.add_text(FileRole::Qa, "q.json", qa);
        b.add_text(FileRole::Notices, "n.json", notices);
        let r = b.finish();
        (r.library, r.diagnostics)
    }

    fn policy(id: &str, status: &str) -> String {
        format!(r#"{{"id":"{id}","title":"政策{id}","doc_number":"","issuer":"区政府","written_date":"2024-01-01","published_date":"2024-01-02","status":"{status}","summary":"","sections":[]}}"#)
    }
    fn card(id: &str, policy: &str, deadline: &str) -> String {
        format!(r#"{{"id":"{id}","policy_id":"{policy}","title":"卡{id}","summary":"摘要{id}","published_date":"2024-02-01"{deadline}}}"#)
    }
    fn notice(id: &str, priority: &str, expires: &str) -> String {
        format!(r#"{{"id":"{id}","title":"通知{id}","body":["正文"],"published":"2024-03-01","priority":"{priority}","expires":"{expires}"}}"#)
    }
    fn qa(id: &str, refs: &[&str]) -> String {
        let refs: Vec<String> = refs.iter().map(|r| format!(r#"{{"policy_id":"{r}"}}"#)).collect();
        format!(r#"{{"id":"{id}","question":"问{id}？","answer":["答"],"policy_refs":[{}],"hot":50,"updated":"2024-03-01"}}"#, refs.join(","))
    }

    fn ids(slides: &[Slide]) -> Vec<String> {
        slides.iter().map(|s| format!("{}:{}", s.kind.as_str(), s.id)).collect()
    }

    fn day(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    fn sample(urgent_expires: &str) -> (Library, Vec<Diagnostic>) {
        lib(
            &format!("[{},{}]", policy("p1", "effective"), policy("p2", "repealed")),
            &format!(
                "[{},{},{}]",
                card("c1", "p1", ""),
                card("c2", "p2", ""),
                card("c3", "p1", r#","deadline":"2024-04-01""#)
            ),
            &format!("[{},{},{}]", qa("q1", &["p1", "p2"]), qa("q2", &["p2"]), qa("q3", &[])),
            &format!(
                "[{},{},{}]",
                notice("n1", "normal", "2024-12-31"),
                notice("n2", "normal", "2024-03-31"),
                notice("u1", "urgent", urgent_expires)
            ),
        )
    }

    #[test]
    fn drops_stale_items_and_keeps_kind_order() {
        let (lib, diags) = sample("2024-05-01");
        assert!(refresh_usable(&diags), "{diags:?}");
        let today = day("2024-06-01");
        let slides = slides(&lib, Some(&today), &parse_kinds(["qa", "notice", "card", "bogus", "qa"]));
        assert_eq!(ids(&slides), ["qa:q1", "qa:q3", "notice:n1", "card:c1"]);
    }

    #[test]
    fn urgent_notice_takes_over_until_it_expires() {
        let (lib, _) = sample("2024-05-01");
        let kinds = parse_kinds([]);
        let during = slides(&lib, Some(&day("2024-05-01")), &kinds);
        assert_eq!(ids(&during), ["notice:u1"]);
        assert_eq!(during[0].label(), "紧急通知");
        let after = slides(&lib, Some(&day("2024-05-02")), &kinds);
        assert!(!ids(&after).contains(&"notice:u1".to_string()));
        assert!(ids(&after).contains(&"card:c1".to_string()));
        assert_eq!(after[0].href(), "/notices/n1");
    }

    #[test]
    fn failed_files_block_the_refresh_bad_entries_do_not() {
        let (_, ok) = lib("[]", "[]", "[]", r#"[{"id":"x"}]"#);
        assert!(refresh_usable(&ok), "one bad entry: {ok:?}");
        let (_, broken) = lib("[]", "{ not json", "[]", "[]");
        assert!(!refresh_usable(&broken));
        let mut b = LibraryBuilder::new(parse_manifest("manifest.json", MANIFEST).unwrap());
        b.add_missing("c.json", "服务器返回 500");
        assert!(!refresh_usable(&b.finish().diagnostics));
    }

    #[test]
    fn empty_library_has_no_slides() {
        assert!(slides(&Library::default(), None, &parse_kinds(["card"])).is_empty());
    }
}
