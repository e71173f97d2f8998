//! The subscription rules, one test per rule, on small hand-made libraries.

use super::*;
use serde_json::json;

fn notice(id: &str, extra: Value) -> Notice {
    let mut v = json!({"id": id, "title": format!("通知{id}"), "published": "2026-01-01"});
    if let (Some(o), Value::Object(e)) = (v.as_object_mut(), extra) {
        o.extend(e);
    }
    serde_json::from_value(v).unwrap()
}

fn policy(id: &str, status: &str, extra: Value) -> Policy {
    let mut v = json!({"id": id, "title": format!("政策{id}"), "issuer": "区政府", "status": status});
    if let (Some(o), Value::Object(e)) = (v.as_object_mut(), extra) {
        o.extend(e);
    }
    serde_json::from_value(v).unwrap()
}

fn card(id: &str, extra: Value) -> Card {
    let mut v = json!({"id": id, "policy_id": "p1", "title": format!("解读{id}"), "published_date": "2026-01-01"});
    if let (Some(o), Value::Object(e)) = (v.as_object_mut(), extra) {
        o.extend(e);
    }
    serde_json::from_value(v).unwrap()
}

fn taxonomy() -> Taxonomy {
    serde_json::from_value(json!({
        "themes": [{"id": "employment", "label": "就业创业"}, {"id": "housing", "label": "住房保障"}, {"id": "ecology", "label": "生态环境"}],
        "audiences": [{"id": "graduates", "label": "高校毕业生"}, {"id": "elderly", "label": "老年人"}],
        "regions": [{"id": "huaiyin", "label": "槐荫区"}, {"id": "linzi", "label": "临淄区"}]
    }))
    .unwrap()
}

fn lib(policies: Vec<Policy>, cards: Vec<Card>, notices: Vec<Notice>) -> Library {
    Library::new(None, policies, cards, vec![], notices, vec![], taxonomy(), vec![])
}

fn profile(v: Value) -> Profile {
    let mut base = json!({"version": 1});
    if let (Some(o), Value::Object(e)) = (base.as_object_mut(), v) {
        o.extend(e);
    }
    serde_json::from_value(base).unwrap()
}

fn date(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

fn ids(inbox: &Inbox) -> Vec<String> {
    inbox.notices.iter().map(|(n, _)| n.id.clone()).collect()
}

fn matches(p: &Profile, n: &Notice) -> bool {
    Matcher::new(p, &taxonomy()).notice(n, Some(&date("2026-06-01"))).is_some()
}

// ---- rule 3: targeting, dimension by dimension -----------------------------------------------

#[test]
fn untargeted_notice_reaches_every_profile_with_a_choice() {
    let n = notice("all", json!({}));
    assert!(matches(&profile(json!({"audiences": ["graduates"]})), &n));
    assert!(matches(&profile(json!({"regions": ["linzi"]})), &n));
}

#[test]
fn each_targeted_dimension_must_share_an_id() {
    let n = notice("n", json!({"audiences": ["graduates"], "regions": ["huaiyin"]}));
    assert!(matches(&profile(json!({"audiences": ["graduates", "elderly"], "regions": ["huaiyin"]})), &n));
    assert!(!matches(&profile(json!({"audiences": ["elderly"], "regions": ["huaiyin"]})), &n), "audience differs");
    assert!(!matches(&profile(json!({"audiences": ["graduates"], "regions": ["linzi"]})), &n), "region differs");
}

#[test]
fn a_dimension_the_profile_left_empty_means_any() {
    let n = notice("n", json!({"audiences": ["graduates"], "themes": ["employment"], "regions": ["huaiyin"]}));
    assert!(matches(&profile(json!({"audiences": ["graduates"]})), &n), "themes and regions: any");
    assert!(matches(&profile(json!({"themes": ["employment"]})), &n), "audiences and regions: any");
    assert!(!matches(&profile(json!({"themes": ["housing"]})), &n));
}

#[test]
fn a_dimension_the_notice_left_empty_targets_everyone_there() {
    let n = notice("n", json!({"themes": ["employment"]}));
    assert!(matches(&profile(json!({"themes": ["employment"], "regions": ["linzi"], "audiences": ["elderly"]})), &n));
}

#[test]
fn targeted_match_reports_the_shared_ids() {
    let p = profile(json!({"audiences": ["graduates"], "regions": ["huaiyin", "linzi"]}));
    let n = notice("n", json!({"audiences": ["graduates", "elderly"], "regions": ["huaiyin"], "themes": ["employment"]}));
    let why = Matcher::new(&p, &taxonomy()).notice(&n, None).unwrap();
    assert_eq!(why, Why::Targeted { audiences: vec!["graduates"], themes: vec![], regions: vec!["huaiyin"] });
}

#[test]
fn a_profile_with_no_choices_gets_only_follows_and_urgent() {
    let p = profile(json!({"follows": [{"kind": "policy", "id": "p1"}]}));
    assert!(!matches(&p, &notice("all", json!({}))), "untargeted notice, but nothing chosen");
    assert!(!matches(&p, &notice("t", json!({"themes": ["employment"]}))));
    assert!(matches(&p, &notice("f", json!({"links": [{"kind": "policy", "id": "p1"}]}))));
    assert!(matches(&p, &notice("u", json!({"priority": "urgent", "regions": ["linzi"]}))));
}

#[test]
fn ids_the_taxonomy_no_longer_has_are_ignored() {
    // "retired" is not in the taxonomy: the audiences dimension counts as "any".
    let p = profile(json!({"audiences": ["retired"], "regions": ["huaiyin"]}));
    assert!(matches(&p, &notice("n", json!({"audiences": ["graduates"], "regions": ["huaiyin"]}))));
    assert!(!matches(&p, &notice("m", json!({"regions": ["linzi"]}))));
}

// ---- rules 1 and 2, expiry ------------------------------------------------------------------

#[test]
fn urgent_notices_always_show() {
    let p = profile(json!({"audiences": ["elderly"], "regions": ["linzi"]}));
    let n = notice("u", json!({"priority": "urgent", "audiences": ["graduates"], "regions": ["huaiyin"]}));
    assert_eq!(Matcher::new(&p, &taxonomy()).notice(&n, None), Some(Why::Urgent));
}

#[test]
fn a_notice_linking_a_followed_item_shows_whatever_its_targeting() {
    let p = profile(json!({"regions": ["linzi"], "follows": [{"kind": "card", "id": "c1"}]}));
    let n = notice("n", json!({"regions": ["huaiyin"], "links": [{"kind": "policy", "id": "p9"}, {"kind": "card", "id": "c1"}]}));
    let why = Matcher::new(&p, &taxonomy()).notice(&n, None).unwrap();
    assert_eq!(why, Why::Follows(&ItemLink { kind: ItemKind::Card, id: "c1".into() }));
    // Same id, other kind: not followed.
    let other = notice("o", json!({"regions": ["huaiyin"], "links": [{"kind": "topic", "id": "c1"}]}));
    assert!(!matches(&p, &other));
}

#[test]
fn expired_notices_drop_out_even_when_urgent_or_followed() {
    let p = profile(json!({"follows": [{"kind": "policy", "id": "p1"}]}));
    let today = date("2026-06-01");
    let m = Matcher::new(&p, &taxonomy());
    let last_day = notice("a", json!({"priority": "urgent", "expires": "2026-06-01"}));
    let gone = notice("b", json!({"priority": "urgent", "expires": "2026-05-31"}));
    let gone_followed = notice("c", json!({"expires": "2026-05-31", "links": [{"kind": "policy", "id": "p1"}]}));
    assert!(m.notice(&last_day, Some(&today)).is_some(), "still in force on its expiry day");
    assert!(m.notice(&gone, Some(&today)).is_none());
    assert!(m.notice(&gone_followed, Some(&today)).is_none());
}

#[test]
fn inbox_orders_urgent_first_then_newest() {
    let l = lib(
        vec![],
        vec![],
        vec![
            notice("old", json!({"published": "2026-01-01"})),
            notice("new", json!({"published": "2026-03-01"})),
            notice("urgent-old", json!({"published": "2025-01-01", "priority": "urgent"})),
            notice("elsewhere", json!({"regions": ["linzi"]})),
        ],
    );
    let p = profile(json!({"regions": ["huaiyin"]}));
    assert_eq!(ids(&inbox(&l, &p, Some(&date("2026-06-01")))), ["urgent-old", "new", "old"]);
}

// ---- reminders --------------------------------------------------------------------------------

#[test]
fn deadlines_within_the_window_remind_soonest_first() {
    let l = lib(
        vec![],
        vec![
            card("c-soon", json!({"deadline": "2026-06-03", "audiences": ["graduates"]})),
            card("c-other", json!({"deadline": "2026-06-03", "audiences": ["elderly"]})),
        ],
        vec![
            notice("n-today", json!({"deadline": "2026-06-01"})),
            notice("n-edge", json!({"deadline": "2026-06-08"})),
            notice("n-late", json!({"deadline": "2026-06-09"})),
            notice("n-past", json!({"deadline": "2026-05-31"})),
        ],
    );
    let p = profile(json!({"audiences": ["graduates"]}));
    let today = date("2026-06-01");
    let inbox = inbox(&l, &p, Some(&today));
    let got: Vec<(&str, i64)> = inbox.reminders.iter().map(|r| (r.link.id.as_str(), r.days_left)).collect();
    assert_eq!(got, [("n-today", 0), ("c-soon", 2), ("n-edge", 7)]);
    assert_eq!(inbox.reminders[1].link.kind, ItemKind::Card);
    assert_eq!(inbox.reminders[1].key(), "d:card:c-soon:2026-06-03");
}

#[test]
fn the_reminder_window_follows_the_profile() {
    let l = lib(vec![], vec![], vec![notice("n", json!({"deadline": "2026-06-20"}))]);
    let today = date("2026-06-01");
    assert!(inbox(&l, &profile(json!({"regions": ["huaiyin"]})), Some(&today)).reminders.is_empty());
    let p = profile(json!({"regions": ["huaiyin"], "remind_days": 30}));
    assert_eq!(inbox(&l, &p, Some(&today)).reminders.len(), 1);
}

#[test]
fn followed_cards_remind_even_without_choices() {
    let l = lib(vec![], vec![card("c1", json!({"deadline": "2026-06-02", "audiences": ["elderly"]}))], vec![]);
    let p = profile(json!({"follows": [{"kind": "card", "id": "c1"}]}));
    assert_eq!(inbox(&l, &p, Some(&date("2026-06-01"))).reminders.len(), 1);
    let via_policy = profile(json!({"follows": [{"kind": "policy", "id": "p1"}]}));
    assert_eq!(inbox(&l, &via_policy, Some(&date("2026-06-01"))).reminders.len(), 1);
}

// ---- revision alerts --------------------------------------------------------------------------

#[test]
fn a_followed_policy_revised_later_raises_an_alert_with_its_successor() {
    let old = policy("p1", "revised", json!({"superseded_by": "p2"}));
    let new = policy("p2", "effective", json!({"supersedes": "p1"}));
    let l = lib(vec![old, new], vec![], vec![]);
    let p = profile(json!({"follows": [{"kind": "policy", "id": "p1", "status": "effective"}]}));
    let inbox = inbox(&l, &p, None);
    assert_eq!(inbox.alerts.len(), 1);
    let alert = &inbox.alerts[0];
    assert_eq!(alert.headline(), "您关注的政策已修订");
    assert_eq!(alert.successor.map(|s| s.id.as_str()), Some("p2"));
    assert_eq!(alert.key(), "r:p1:revised");
}

#[test]
fn repealed_policies_alert_too_and_known_statuses_do_not() {
    let l = lib(vec![policy("p1", "repealed", json!({"repealed_date": "2026-01-01"})), policy("p3", "effective", json!({}))], vec![], vec![]);
    let p = profile(json!({"follows": [{"kind": "policy", "id": "p1"}, {"kind": "policy", "id": "p3"}]}));
    let alerts = inbox(&l, &p, None).alerts;
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].headline(), "您关注的政策已废止");
    assert!(alerts[0].successor.is_none());
    // Followed when it was already repealed: nothing new to say.
    let knew = profile(json!({"follows": [{"kind": "policy", "id": "p1", "status": "repealed"}]}));
    assert!(inbox(&l, &knew, None).alerts.is_empty());
}

// ---- read state and badge ---------------------------------------------------------------------

#[test]
fn unread_counts_every_entry_not_marked_read() {
    let l = lib(vec![policy("p1", "repealed", json!({"repealed_date": "2026-01-01"}))], vec![], vec![notice("a", json!({})), notice("b", json!({"deadline": "2026-06-02"}))]);
    let p = profile(json!({"regions": ["huaiyin"], "follows": [{"kind": "policy", "id": "p1"}]}));
    let inbox = inbox(&l, &p, Some(&date("2026-06-01")));
    assert_eq!(inbox.keys(), ["r:p1:repealed", "d:notice:b:2026-06-02", "n:a", "n:b"]);
    let mut state = InboxState::new();
    assert_eq!(inbox.unread(&state.read), 4);
    state.mark_read(["n:a".to_string(), "n:a".to_string()]);
    assert_eq!(state.read, ["n:a"]);
    assert_eq!(inbox.unread(&state.read), 3);
}

// ---- storage: versions, migration, corrupt data -----------------------------------------------

#[test]
fn profile_round_trips_through_storage() {
    let mut p = profile(json!({"audiences": ["graduates"], "delivery": "daily", "remind_days": 14, "muted_themes": ["ecology"]}));
    p.toggle_follow(ItemKind::Policy, "p1", Some(PolicyStatus::Effective));
    let text = p.to_json();
    assert!(text.contains("\"version\":1"), "{text}");
    assert_eq!(read_profile(Some(&text)), Stored::Current(p));
}

#[test]
fn nothing_stored_is_empty_not_corrupt() {
    assert_eq!(read_profile(None), Stored::Empty);
    assert_eq!(read_profile(Some("  ")), Stored::Empty);
}

#[test]
fn unversioned_profiles_migrate() {
    let v0 = r#"{"groups": ["graduates"], "themes": ["employment"], "follows": [{"kind": "card", "id": "c1"}]}"#;
    let Stored::Migrated(p, from) = read_profile(Some(v0)) else { panic!("expected a migration") };
    assert_eq!(from, 0);
    assert_eq!(p.version, PROFILE_VERSION);
    assert_eq!(p.audiences, ["graduates"]);
    assert_eq!(p.themes, ["employment"]);
    assert!(p.follows(ItemKind::Card, "c1"));
    assert_eq!(p.remind_days, DEFAULT_REMIND_DAYS);
    // Saved back in the current shape, it reads as current.
    assert_eq!(read_profile(Some(&p.to_json())), Stored::Current(p));
}

/// Stored shapes, good and bad: the hand-written readers must agree with serde's derived ones.
const SHAPES: &[&str] = &[
    r#"{}"#,
    r#"{"version": 1}"#,
    r#"{"version": 1, "audiences": ["a"], "themes": ["t"], "regions": ["r"], "muted_themes": ["m"], "remind_days": 14, "delivery": "daily", "notify": true}"#,
    r#"{"groups": ["a"]}"#,
    r#"{"groups": ["a"], "audiences": ["b"]}"#,
    r#"{"version": 1, "follows": [{"kind": "policy", "id": "p", "status": "revised"}, {"kind": "topic", "id": "t", "status": null}, {"kind": "card", "id": "c", "extra": 1}]}"#,
    r#"{"version": 1, "follows": [{"kind": "planet", "id": "p"}]}"#,
    r#"{"version": 1, "follows": [{"kind": "policy"}]}"#,
    r#"{"version": 1, "follows": [{"kind": "policy", "id": 5}]}"#,
    r#"{"version": 1, "follows": [{"kind": "policy", "id": "p", "status": "valid"}]}"#,
    r#"{"version": 1, "follows": ["policy:p"]}"#,
    r#"{"version": 1, "follows": {}}"#,
    r#"{"version": 1, "follows": null}"#,
    r#"{"version": -1}"#,
    r#"{"version": 1.5}"#,
    r#"{"version": 4294967296}"#,
    r#"{"version": "1"}"#,
    r#"{"version": null}"#,
    r#"{"version": 1, "audiences": null}"#,
    r#"{"version": 1, "audiences": [1]}"#,
    r#"{"version": 1, "audiences": "a"}"#,
    r#"{"version": 1, "remind_days": 70000}"#,
    r#"{"version": 1, "remind_days": -1}"#,
    r#"{"version": 1, "remind_days": null}"#,
    r#"{"version": 1, "delivery": "weekly"}"#,
    r#"{"version": 1, "delivery": null}"#,
    r#"{"version": 1, "notify": "yes"}"#,
    r#"{"version": 1, "notify": null}"#,
    r#"{"version": 1, "read": ["n:a"], "seen": ["a"], "digest_day": "2026-06-01"}"#,
    r#"{"version": 1, "seen": null, "digest_day": null}"#,
    r#"{"version": 1, "seen": [1]}"#,
    r#"{"version": 1, "read": "n:a"}"#,
    r#"{"version": 1, "digest_day": 20260601}"#,
];
// (Non-objects never get this far: serde would read `[]` as a struct, storage refuses it first.)

#[test]
fn hand_written_readers_agree_with_serde() {
    for text in SHAPES {
        let v: Value = serde_json::from_str(text).unwrap();
        let ours = Profile::from_value(&v);
        let serde = serde_json::from_value::<Profile>(v.clone());
        assert_eq!(ours.as_ref().ok(), serde.as_ref().ok(), "profile {text}: {ours:?} vs {serde:?}");
        let ours = InboxState::from_value(&v);
        let serde = serde_json::from_value::<InboxState>(v);
        assert_eq!(ours.as_ref().ok(), serde.as_ref().ok(), "inbox {text}: {ours:?} vs {serde:?}");
    }
}

#[test]
fn the_hand_written_json_is_what_serde_writes() {
    let mut p = profile(json!({"audiences": ["a\"b", "c\\d", "e\u{1}f", "就业"], "delivery": "daily", "notify": true}));
    p.toggle_follow(ItemKind::Policy, "p1", Some(PolicyStatus::Repealed));
    p.toggle_follow(ItemKind::Topic, "t1", None);
    let ours: Value = serde_json::from_str(&p.to_json()).unwrap();
    assert_eq!(ours, serde_json::to_value(&p).unwrap());
    let mut s = InboxState::new();
    assert_eq!(read_inbox_state(Some(&s.to_json())), Stored::Current(s.clone()));
    s.mark_read(["n:\"x\"".to_string()]);
    s.seen = Some(vec![]);
    s.digest_day = Some("2026-06-01".into());
    let ours: Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(ours, serde_json::to_value(&s).unwrap());
}

#[test]
fn corrupt_profiles_are_reported_not_panicked_on() {
    for bad in [
        "{not json",
        "[1,2,3]",
        "\"text\"",
        "null",
        r#"{"version": "one"}"#,
        r#"{"version": 1, "audiences": 5}"#,
        r#"{"version": 1, "follows": [{"kind": "planet", "id": "x"}]}"#,
        r#"{"version": 1, "remind_days": -3}"#,
        r#"{"version": 9}"#,
        "{\"version\": 1, \"themes\": [\"\u{0}\"]",
    ] {
        assert!(matches!(read_profile(Some(bad)), Stored::Corrupt(_)), "{bad}");
    }
}

#[test]
fn stored_lists_are_cleaned() {
    let text = r#"{"version": 1, "audiences": [" graduates ", "graduates", "", "a b", "x/y"], "remind_days": 999}"#;
    let p = read_profile(Some(text)).value().unwrap();
    assert_eq!(p.audiences, ["graduates"]);
    assert_eq!(p.remind_days, 90);
}

#[test]
fn inbox_state_round_trips_and_survives_corruption() {
    let mut s = InboxState::new();
    s.mark_read(["n:a".to_string()]);
    s.seen = Some(vec!["a".into()]);
    assert_eq!(read_inbox_state(Some(&s.to_json())), Stored::Current(s));
    assert!(matches!(read_inbox_state(Some("{\"read\": 3}")), Stored::Corrupt(_)));
    assert!(matches!(read_inbox_state(Some("garbage")), Stored::Corrupt(_)));
}

// ---- hand-off link ----------------------------------------------------------------------------

#[test]
fn the_link_round_trips_and_leaves_defaults_out() {
    let mut p = profile(json!({"audiences": ["graduates", "elderly"], "themes": ["employment"], "regions": ["huaiyin"],
        "muted_themes": ["ecology"], "remind_days": 14, "delivery": "daily", "notify": true}));
    p.toggle_follow(ItemKind::Policy, "huaiyin-2024", None);
    p.toggle_follow(ItemKind::Topic, "a,b&c=d", None);
    let q = to_query(&p);
    assert_eq!(q, "v=1&a=graduates,elderly&t=employment&r=huaiyin&fp=huaiyin-2024&ft=a%2Cb%26c%3Dd&x=ecology&d=14&m=daily");
    assert!(q.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%&=,".contains(&b)), "URL-safe: {q}");
    let back = from_link(&q).unwrap();
    assert_eq!(back, Profile { notify: false, ..p }, "everything but the device's notification switch");
    assert_eq!(to_query(&Profile::default()), "v=1");
}

#[test]
fn flow_answers_read_repeated_keys_and_unicode() {
    let p = from_query("?step=themes&a=graduates&a=elderly&t=%E5%B0%B1%E4%B8%9A&d=abc&m=instant");
    assert_eq!(p.audiences, ["graduates", "elderly"]);
    assert_eq!(p.themes, ["就业"]);
    assert_eq!(p.remind_days, DEFAULT_REMIND_DAYS);
    assert_eq!(p.delivery, Delivery::Instant);
}

#[test]
fn foreign_or_broken_links_are_refused_or_cleaned() {
    assert!(from_link("a=graduates").is_err(), "no version marker");
    assert!(from_link("v=2&a=graduates").is_err(), "newer format");
    let p = from_link("#v=1&a=%ZZ,ok&fp=%2Fetc%2Fpasswd&zz=1").unwrap();
    assert_eq!(p.audiences, ["ok"]);
    assert!(p.follows.is_empty(), "an id with / is not an id");
    assert_eq!(decode_component("%E4%B8"), None);
}

#[test]
fn answers_keep_follows_and_the_notification_switch() {
    let mut old = profile(json!({"audiences": ["elderly"], "notify": true}));
    old.toggle_follow(ItemKind::Card, "c1", None);
    let new = old.with_answers(from_query("a=graduates&d=3"));
    assert_eq!(new.audiences, ["graduates"]);
    assert_eq!(new.remind_days, 3);
    assert!(new.notify);
    assert!(new.follows(ItemKind::Card, "c1"));
    let mut toggled = new.clone();
    assert!(!toggled.toggle_follow(ItemKind::Card, "c1", None));
    assert!(toggled.follows.is_empty());
}

// ---- notifications ----------------------------------------------------------------------------

fn announced(l: &Library, p: &Profile, state: &mut InboxState, today: &str) -> (Vec<String>, bool) {
    let inbox = inbox(l, p, Some(&date(today)));
    let a = announce(&inbox, p, &l.taxonomy, state, Some(&date(today)));
    (a.notices.iter().map(|n| n.id.clone()).collect(), a.digest)
}

#[test]
fn the_first_check_announces_nothing_then_new_ones_once() {
    let mut l = lib(vec![], vec![], vec![notice("a", json!({}))]);
    let p = profile(json!({"regions": ["huaiyin"]}));
    let mut state = InboxState::new();
    assert_eq!(announced(&l, &p, &mut state, "2026-06-01"), (vec![], false));
    assert_eq!(state.seen.as_deref(), Some(&["a".to_string()][..]));
    l = lib(vec![], vec![], vec![notice("a", json!({})), notice("b", json!({})), notice("x", json!({"regions": ["linzi"]}))]);
    assert_eq!(announced(&l, &p, &mut state, "2026-06-01"), (vec!["b".to_string()], false));
    assert_eq!(announced(&l, &p, &mut state, "2026-06-01"), (vec![], false), "only once");
}

#[test]
fn priming_adds_to_what_was_announced() {
    let p = profile(json!({"regions": ["huaiyin"]}));
    let l = lib(vec![], vec![], vec![notice("a", json!({})), notice("b", json!({}))]);
    let mut state = InboxState { seen: Some(vec!["old".into()]), ..InboxState::new() };
    state.prime(&inbox(&l, &p, None));
    assert_eq!(state.seen.unwrap(), ["old", "a", "b"]);
}

#[test]
fn muted_themes_are_not_announced_unless_urgent() {
    let l0 = lib(vec![], vec![], vec![]);
    let p = profile(json!({"regions": ["huaiyin"], "muted_themes": ["ecology"]}));
    let mut state = InboxState::new();
    announced(&l0, &p, &mut state, "2026-06-01");
    let l = lib(
        vec![],
        vec![],
        vec![
            notice("quiet", json!({"themes": ["ecology"]})),
            notice("mixed", json!({"themes": ["ecology", "housing"]})),
            notice("loud", json!({"themes": ["ecology"], "priority": "urgent"})),
        ],
    );
    let (got, _) = announced(&l, &p, &mut state, "2026-06-01");
    assert_eq!(got, ["loud", "mixed"]);
    assert!(state.seen.as_ref().unwrap().contains(&"quiet".to_string()), "muted ones are not kept pending");
}

#[test]
fn daily_digest_announces_at_most_once_a_day() {
    let p = profile(json!({"regions": ["huaiyin"], "delivery": "daily"}));
    let mut state = InboxState::new();
    announced(&lib(vec![], vec![], vec![]), &p, &mut state, "2026-06-01");
    let one = lib(vec![], vec![], vec![notice("a", json!({}))]);
    assert_eq!(announced(&one, &p, &mut state, "2026-06-01"), (vec!["a".to_string()], true));
    let two = lib(vec![], vec![], vec![notice("a", json!({})), notice("b", json!({}))]);
    assert_eq!(announced(&two, &p, &mut state, "2026-06-01"), (vec![], false), "waits for tomorrow");
    assert_eq!(announced(&two, &p, &mut state, "2026-06-02"), (vec!["b".to_string()], true));
}

// ---- 为你推荐 ---------------------------------------------------------------------------------

#[test]
fn recommendations_need_a_shared_choice_and_say_why() {
    let qa: Qa = serde_json::from_value(json!({"id": "q1", "question": "毕业生怎么登记？", "updated": "2026-01-01",
        "audiences": ["graduates"], "themes": ["employment"], "policy_refs": [{"policy_id": "p1"}]}))
    .unwrap();
    let l = Library::new(
        None,
        vec![policy("p1", "effective", json!({}))],
        vec![card("c1", json!({"audiences": ["elderly"], "policy_id": "p2"})), card("c2", json!({"themes": ["employment"]}))],
        vec![qa],
        vec![],
        vec![serde_json::from_value(json!({"id": "t1", "title": "毕业生一件事", "items": [{"kind": "qa", "id": "q1"}]})).unwrap()],
        taxonomy(),
        vec![],
    );
    let p = profile(json!({"audiences": ["graduates"], "themes": ["employment"], "follows": [{"kind": "policy", "id": "p1"}]}));
    let picks = recommend(&l, &p, 3);
    let got: Vec<(&str, String)> = picks.iter().map(|p| (p.link.id.as_str(), p.why())).collect();
    assert_eq!(
        got,
        [
            ("c2", "与您选择的“就业创业”相符；与您关注的“政策p1”有关".to_string()),
            ("q1", "与您选择的“高校毕业生”“就业创业”相符；与您关注的“政策p1”有关".to_string()),
            ("t1", "与您选择的“高校毕业生”“就业创业”相符；与您关注的“政策p1”有关".to_string()),
        ]
    );
    // Only what shares a choice or relates to a follow is recommended.
    let elderly = recommend(&l, &profile(json!({"audiences": ["elderly"], "themes": ["housing"]})), 3);
    let got: Vec<(&str, String)> = elderly.iter().map(|p| (p.link.id.as_str(), p.why())).collect();
    assert_eq!(got, [("c1", "与您选择的“老年人”相符".to_string())]);
}

// ---- fresh notices ----------------------------------------------------------------------------

#[test]
fn fresh_notices_are_validated_against_the_loaded_library() {
    let l = lib(vec![policy("p1", "effective", json!({}))], vec![], vec![notice("old", json!({}))]);
    let manifest = crate::parse::parse_manifest("manifest.json", r#"{"format":"mingbai-library","version":1,"name":"x","files":{"notices":["n.json"]}}"#).unwrap();
    let text = r#"[{"id":"new","title":"新通知","published":"2026-06-01","links":[{"kind":"policy","id":"p1"},{"kind":"card","id":"gone"}],"regions":["huaiyin","mars"]},
                   {"id":"bad","published":"2026-06-01"}]"#;
    let report = with_fresh_notices(&l, manifest, vec![("n.json".into(), text.into())]);
    let ids: Vec<&str> = report.library.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["new"]);
    let fresh = report.library.notice("new").unwrap();
    assert_eq!(fresh.links.len(), 1, "the dangling link is dropped");
    assert_eq!(fresh.regions, ["huaiyin"], "the unknown region is dropped");
    assert_eq!(report.library.policies.len(), 1, "the rest of the library stays");
    assert!(report.diagnostics.len() >= 3, "{:?}", report.diagnostics);
    assert!(report.diagnostics.iter().all(|d| d.file == "n.json"));
}

#[test]
fn the_inbox_reads_policies_only_for_a_profile_that_follows_one() {
    let mut p = profile(json!({"audiences": ["graduate"]}));
    assert_eq!(inbox_files(&p), vec![FileRole::Taxonomy, FileRole::Notices, FileRole::Cards]);
    p.toggle_follow(ItemKind::Card, "c1", None);
    assert!(!inbox_files(&p).contains(&FileRole::Policies));
    p.toggle_follow(ItemKind::Policy, "p1", Some(PolicyStatus::Effective));
    assert!(inbox_files(&p).contains(&FileRole::Policies));
}
