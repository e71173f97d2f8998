//! What a display screen (`/screen`) shows: the slides of the carousel, computed from the
//! library and today's date, and whether a fresh load of the library may replace the last good
//! one. Pure functions, so the rules are tested natively; the app only draws and times them.
//!
//! Rules:
//! - Kinds come in the configured order (`notice`, `card`, `qa`); unknown names are ignored.
//! - Urgent notices (`priority: "urgent"`, the only urgency the format has) come first and take
//!   a configurable share of the rotation (`screen.urgent_share`, default one slide in two) while
//!   they are in force; the other slides still show in between, so an urgent notice valid for
//!   months does not blank out everything else. Share 1 gives the screen to them alone.
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

/// The share of the rotation urgent notices get when `screen.urgent_share` is not set: every
/// other slide.
pub const DEFAULT_URGENT_SHARE: f64 = 0.5;

/// `screen.urgent_share` as configured: a number from 0 to 1 (larger values mean 1); anything
/// else (missing, negative, not a number) gives [`DEFAULT_URGENT_SHARE`].
pub fn urgent_share(configured: Option<f64>) -> f64 {
    match configured {
        Some(share) if share.is_finite() && share >= 0.0 => share.min(1.0),
        _ => DEFAULT_URGENT_SHARE,
    }
}

/// The distinct slides to show on `today` (unknown date: nothing is treated as expired): urgent
/// notices first (whatever the configured kinds), then the configured kinds in order. Which
/// slide comes when is [`rotation`]'s business.
pub fn slides<'a>(lib: &'a Library, today: Option<&IsoDate>, kinds: &[ItemKind]) -> Vec<Slide<'a>> {
    let notices = match today {
        Some(today) => lib.current_notices(today),
        None => lib.all_notices(),
    };
    let (urgent, notices): (Vec<_>, Vec<_>) = notices.into_iter().partition(|n| n.priority == Priority::Urgent);
    let mut out: Vec<Slide<'a>> = urgent.into_iter().map(notice_slide).collect();
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

/// One full cycle of the carousel: indexes into `slides`. Every normal slide appears once;
/// urgent slides fill `share` of the cycle (rounded, at least once each), spread evenly and
/// starting with one, taking turns among themselves. Share 0 shows each urgent slide once like
/// any other, share 1 shows only the urgent ones.
pub fn rotation(slides: &[Slide], share: f64) -> Vec<usize> {
    let (urgent, normal): (Vec<usize>, Vec<usize>) = (0..slides.len()).partition(|&i| slides[i].urgent);
    if urgent.is_empty() || normal.is_empty() || share <= 0.0 {
        return (0..slides.len()).collect();
    }
    if share >= 1.0 {
        return urgent;
    }
    let n = normal.len();
    let u = ((share * n as f64 / (1.0 - share)).round() as usize).clamp(urgent.len(), 100 * n);
    let total = n + u;
    // Slot p is urgent when the count of urgent slots before it, ceil(p·u/total), steps up.
    let urgent_before = |p: usize| (p * u).div_ceil(total);
    let (mut next_urgent, mut next_normal) = (0, 0);
    (0..total)
        .map(|p| {
            if urgent_before(p + 1) > urgent_before(p) {
                next_urgent += 1;
                urgent[(next_urgent - 1) % urgent.len()]
            } else {
                next_normal += 1;
                normal[next_normal - 1]
            }
        })
        .collect()
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
    fn urgent_notice_comes_first_until_it_expires() {
        let (lib, _) = sample("2024-05-01");
        let kinds = parse_kinds(["card", "notice"]);
        let during = slides(&lib, Some(&day("2024-05-01")), &kinds);
        assert_eq!(ids(&during), ["notice:u1", "card:c1", "notice:n1"], "urgent first whatever the kind order");
        assert_eq!(during[0].label(), "紧急通知");
        let after = slides(&lib, Some(&day("2024-05-02")), &kinds);
        assert!(!ids(&after).contains(&"notice:u1".to_string()));
        assert_eq!(ids(&after), ["card:c1", "notice:n1"]);
        assert_eq!(after[1].href(), "/notices/n1");
    }

    /// The rotation as slide ids.
    fn order(slides: &[Slide], share: f64) -> Vec<String> {
        let ids = ids(slides);
        rotation(slides, share).into_iter().map(|i| ids[i].clone()).collect()
    }

    #[test]
    fn urgent_share_of_the_rotation() {
        let (lib, _) = sample("2024-12-31");
        let all = slides(&lib, Some(&day("2024-03-15")), &parse_kinds(["notice", "card"]));
        assert_eq!(ids(&all), ["notice:u1", "notice:n1", "notice:n2", "card:c1", "card:c3"]);
        // Default: every other slide is the urgent notice, every normal slide still shows.
        let half = order(&all, DEFAULT_URGENT_SHARE);
        assert_eq!(
            half,
            ["notice:u1", "notice:n1", "notice:u1", "notice:n2", "notice:u1", "card:c1", "notice:u1", "card:c3"]
        );
        // A quarter: one urgent slot in four (4 normal slides → 1 urgent slot, rounded).
        let quarter = order(&all, 0.25);
        assert_eq!(quarter.iter().filter(|id| *id == "notice:u1").count(), 1);
        assert_eq!(quarter.len(), 5);
        // 1: the urgent notice alone (the old behaviour); 0: once per cycle like any slide.
        assert_eq!(order(&all, 1.0), ["notice:u1"]);
        assert_eq!(order(&all, 0.0), ids(&all));
        // Three quarters: three urgent slots per normal one, never two normal ones in a row.
        let most = order(&all, 0.75);
        assert_eq!(most.len(), 16);
        assert_eq!(most.iter().filter(|id| *id == "notice:u1").count(), 12);
        assert!(most.windows(2).all(|w| w[0] == "notice:u1" || w[1] == "notice:u1"), "{most:?}");
    }

    #[test]
    fn several_urgent_notices_take_turns_and_each_shows() {
        let (lib, _) = lib(
            "[]",
            "[]",
            "[]",
            &format!(
                "[{},{},{},{}]",
                notice("u1", "urgent", "2099-01-01"),
                notice("u2", "urgent", "2099-01-01"),
                notice("u3", "urgent", "2099-01-01"),
                notice("n1", "normal", "2099-01-01")
            ),
        );
        let all = slides(&lib, Some(&day("2024-03-15")), &parse_kinds([]));
        // One normal slide at share ½ would give one urgent slot: each urgent notice still gets one.
        let cycle = order(&all, 0.5);
        assert_eq!(cycle.len(), 4);
        for id in ["notice:u1", "notice:u2", "notice:u3", "notice:n1"] {
            assert_eq!(cycle.iter().filter(|c| *c == id).count(), 1, "{cycle:?}");
        }
        assert_eq!(cycle[0], "notice:u1");
        // Only urgent slides, or none: the slides as they are.
        let only = slides(&lib, Some(&day("2099-01-02")), &parse_kinds([]));
        assert!(rotation(&only, 0.5).is_empty());
        assert_eq!(rotation(&all[..3], 0.5), [0, 1, 2]);
    }

    #[test]
    fn configured_share_is_clamped() {
        assert_eq!(urgent_share(None), DEFAULT_URGENT_SHARE);
        assert_eq!(urgent_share(Some(-1.0)), DEFAULT_URGENT_SHARE);
        assert_eq!(urgent_share(Some(f64::NAN)), DEFAULT_URGENT_SHARE);
        assert_eq!(urgent_share(Some(0.0)), 0.0);
        assert_eq!(urgent_share(Some(0.3)), 0.3);
        assert_eq!(urgent_share(Some(7.0)), 1.0);
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
