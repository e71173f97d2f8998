//! 政策找人 on the device: the subscription profile, how it is stored, moved to another device
//! and matched against notices; deadline reminders, revision alerts, notification noise
//! control and "为你推荐". Pure functions over the library; the app only stores and shows.
//!
//! # The matching rule
//! A profile chooses audiences ("我是…"), themes and regions (each a set of taxonomy ids, any
//! of them may be empty) and follows items (policies, cards, topics…). A notice that has not
//! expired (`browse::is_expired`) is in the inbox when **any** of these holds:
//! 1. it is urgent (`priority: urgent`): urgent notices always show;
//! 2. one of its `links` is an item the profile follows;
//! 3. its targeting fits the profile: for each dimension (audiences, themes, regions) the
//!    notice's list is empty (it targets everyone there), **or** the profile chose nothing in
//!    that dimension ("any"), **or** the two lists share an id. All three must fit.
//!
//! One exception to 3: a profile that chose nothing in all three dimensions (someone who only
//! tapped 关注) gets no targeted notices at all, only 1 and 2 — otherwise one 关注 tap would
//! subscribe them to every notice. Ids the library's taxonomy no longer has are ignored (a
//! dimension left with none counts as "any"), so a changed taxonomy never silences a profile.
//!
//! Expired notices never show, urgent or not. Inbox order: urgent first, then newest first.

use crate::browse::{is_expired, sort_stable};
use crate::date::IsoDate;
use crate::library::Library;
use crate::load::{FileRole, LoadReport};
use crate::types::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// localStorage key of the profile (the key names the storage version).
pub const PROFILE_KEY: &str = "mingbai.profile.v1";
/// localStorage key of the inbox state (read marks, notices already announced).
pub const INBOX_KEY: &str = "mingbai.inbox.v1";
/// Every key the app stores starts with this; "清除全部" removes them all.
pub const KEY_PREFIX: &str = "mingbai.";
/// Current profile version (the `version` field).
pub const PROFILE_VERSION: u32 = 1;
pub const DEFAULT_REMIND_DAYS: u16 = 7;
/// The reminder choices the subscribe flow offers (days before a deadline).
pub const REMIND_CHOICES: [u16; 4] = [3, 7, 14, 30];
const MAX_IDS: usize = 200;
const MAX_ID_LEN: usize = 120;
const MAX_REMIND_DAYS: u16 = 90;
/// Read marks and announced ids kept at most (oldest dropped first).
const MAX_MARKS: usize = 1000;

/// How new matching notices are announced: one by one, or at most once a day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Delivery {
    /// 立即提醒
    #[default]
    Instant,
    /// 每日汇总
    Daily,
}

/// A followed item. For a policy, the status it had when followed: a later change to
/// 已修订/已废止/已失效 raises a revision alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Follow {
    pub kind: ItemKind,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PolicyStatus>,
}

/// The subscription profile, stored as JSON under [`PROFILE_KEY`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Always [`PROFILE_VERSION`] once migrated (absent in the unversioned shape).
    #[serde(default)]
    pub version: u32,
    /// "我是…": taxonomy audience ids (`groups` in the unversioned shape).
    #[serde(default, alias = "groups")]
    pub audiences: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub follows: Vec<Follow>,
    /// Remind this many days before a deadline.
    #[serde(default = "default_remind_days")]
    pub remind_days: u16,
    #[serde(default)]
    pub delivery: Delivery,
    /// Themes whose notices are not announced (they still appear in the inbox).
    #[serde(default)]
    pub muted_themes: Vec<String>,
    /// The person asked for system notifications on this device (开启通知提醒).
    #[serde(default)]
    pub notify: bool,
}

fn default_remind_days() -> u16 {
    DEFAULT_REMIND_DAYS
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            version: PROFILE_VERSION,
            audiences: Vec::new(),
            themes: Vec::new(),
            regions: Vec::new(),
            follows: Vec::new(),
            remind_days: DEFAULT_REMIND_DAYS,
            delivery: Delivery::Instant,
            muted_themes: Vec::new(),
            notify: false,
        }
    }
}

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored<T> {
    /// Nothing stored.
    Empty,
    Current(T),
    /// Stored by an older version (the number given); save it back in the current shape.
    Migrated(T, u32),
    /// Unreadable (the reason): reset it and tell the person.
    Corrupt(String),
}

impl<T> Stored<T> {
    pub fn value(self) -> Option<T> {
        match self {
            Stored::Current(v) | Stored::Migrated(v, _) => Some(v),
            _ => None,
        }
    }
}

fn parse_stored<T>(text: Option<&str>, migrate: fn(Value) -> Result<(T, u32), String>) -> Stored<T> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Stored::Empty;
    };
    let value = match crate::json::parse(text) {
        Ok(value @ Value::Object(_)) => value,
        Ok(_) => return Stored::Corrupt("不是一个设置对象".to_string()),
        Err(e) => return Stored::Corrupt(format!("无法解析（{e}）")),
    };
    match migrate(value) {
        Ok((v, from)) if from == PROFILE_VERSION => Stored::Current(v),
        Ok((v, from)) => Stored::Migrated(v, from),
        Err(reason) => Stored::Corrupt(reason),
    }
}

fn stored_version(value: &Value) -> Result<u32, String> {
    match value.get("version") {
        None => Ok(0),
        Some(v) => v.as_u64().map(|v| v as u32).ok_or_else(|| "version 不是数字".to_string()),
    }
}

/// Reads the stored profile text (`None`: nothing stored). Never panics.
pub fn read_profile(text: Option<&str>) -> Stored<Profile> {
    parse_stored(text, migrate_profile)
}

/// Brings any stored shape to the current one: returns the profile and the version it had.
///
/// Version 0 is the unversioned shape (no `version` field) with the audiences under `groups`;
/// no release stored it, it is the worked example of the migration path (serde reads `groups`
/// as an alias; a future version 2 adds its step here). Newer versions than this build knows
/// are refused (reset) rather than guessed at.
pub fn migrate_profile(value: Value) -> Result<(Profile, u32), String> {
    let from = stored_version(&value)?;
    if from > PROFILE_VERSION {
        return Err(format!("由更新版本的应用保存（第 {from} 版）"));
    }
    Ok((Profile::from_value(&value)?.sanitized(), from))
}

/// An id as the library format allows it (no spaces, controls or `/ ? # % \`), short.
fn usable_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= MAX_ID_LEN
        && !id.chars().any(|c| c.is_whitespace() || c.is_control() || "/?#%\\".contains(c))
}

fn clean_ids(ids: &mut Vec<String>) {
    for id in ids.iter_mut() {
        *id = id.trim().to_string();
    }
    let mut seen: Vec<String> = Vec::new();
    ids.retain(|id| {
        let keep = usable_id(id) && !seen.contains(id) && seen.len() < MAX_IDS;
        if keep {
            seen.push(id.clone());
        }
        keep
    });
}

impl Profile {
    /// Drops unusable or repeated ids, caps list sizes and keeps numbers in range; what any
    /// profile from storage or a link goes through.
    pub fn sanitized(mut self) -> Profile {
        self.version = PROFILE_VERSION;
        for ids in [&mut self.audiences, &mut self.themes, &mut self.regions, &mut self.muted_themes] {
            clean_ids(ids);
        }
        let mut follows: Vec<Follow> = Vec::new();
        for f in self.follows {
            let id = f.id.trim().to_string();
            if usable_id(&id) && follows.len() < MAX_IDS && !follows.iter().any(|g| g.kind == f.kind && g.id == id) {
                follows.push(Follow { id, ..f });
            }
        }
        self.follows = follows;
        self.remind_days = self.remind_days.clamp(1, MAX_REMIND_DAYS);
        self
    }

    /// The JSON stored under [`PROFILE_KEY`] (what `Serialize` writes; written by hand so the
    /// browser build carries no JSON serializer).
    pub fn to_json(&self) -> String {
        let mut j = Json::open(self.version);
        j.list("audiences", &self.audiences);
        j.list("themes", &self.themes);
        j.list("regions", &self.regions);
        j.key("follows");
        j.0.push('[');
        for (i, f) in self.follows.iter().enumerate() {
            if i > 0 {
                j.0.push(',');
            }
            j.0.push_str("{\"kind\":");
            j.string(f.kind.as_str());
            j.0.push_str(",\"id\":");
            j.string(&f.id);
            if let Some(status) = f.status {
                j.0.push_str(",\"status\":");
                j.string(crate::browse::status_key(status));
            }
            j.0.push('}');
        }
        j.0.push(']');
        j.key("remind_days");
        j.0.push_str(&self.remind_days.to_string());
        j.key("delivery");
        j.string(if self.delivery == Delivery::Daily { "daily" } else { "instant" });
        j.list("muted_themes", &self.muted_themes);
        j.key("notify");
        j.0.push_str(if self.notify { "true" } else { "false" });
        j.close()
    }

    /// Whether the profile chose any audience, theme or region (see the module's rule).
    pub fn has_selection(&self) -> bool {
        !(self.audiences.is_empty() && self.themes.is_empty() && self.regions.is_empty())
    }

    pub fn follows(&self, kind: ItemKind, id: &str) -> bool {
        self.follows.iter().any(|f| f.kind == kind && f.id == id)
    }

    /// Follows an item, or stops following it. Returns whether it is followed now.
    /// `status`: the policy's current status, remembered for revision alerts.
    pub fn toggle_follow(&mut self, kind: ItemKind, id: &str, status: Option<PolicyStatus>) -> bool {
        if self.follows(kind, id) {
            self.follows.retain(|f| !(f.kind == kind && f.id == id));
            false
        } else {
            self.follows.push(Follow { kind, id: id.to_string(), status });
            true
        }
    }

    /// Takes the answers of the subscribe flow (choices and settings), keeping the follows and
    /// the notification switch of `self`.
    pub fn with_answers(&self, answers: Profile) -> Profile {
        Profile { follows: self.follows.clone(), notify: self.notify, ..answers }.sanitized()
    }
}

// ---- reading and writing the stored JSON ------------------------------------------------------
// Exactly what `#[derive(Deserialize)]` / `Serialize` read and write, done by hand over
// `serde_json::Value` so the browser build carries no derived (de)serializers for these types
// (several KB of wasm). Tests check the hand-written and derived versions agree on every shape.

fn wrong(field: &str) -> String {
    format!("{field} 的内容不对")
}

fn get_strings(v: &Value, key: &str) -> Result<Option<Vec<String>>, String> {
    match v.get(key) {
        None => Ok(None),
        Some(Value::Array(items)) => items.iter().map(|i| i.as_str().map(str::to_string).ok_or_else(|| wrong(key))).collect::<Result<_, _>>().map(Some),
        Some(_) => Err(wrong(key)),
    }
}

fn get_u64(v: &Value, key: &str) -> Result<Option<u64>, String> {
    v.get(key).map(|n| n.as_u64().ok_or_else(|| wrong(key))).transpose()
}

/// A string field; `null` counts as absent only where the type is an `Option`.
fn get_str<'v>(v: &'v Value, key: &str, null_ok: bool) -> Result<Option<&'v str>, String> {
    match v.get(key) {
        None => Ok(None),
        Some(Value::Null) if null_ok => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(wrong(key)),
    }
}

fn get_version(v: &Value) -> Result<u32, String> {
    get_u64(v, "version")?.map_or(Ok(0), |n| u32::try_from(n).map_err(|_| wrong("version")))
}

impl Follow {
    fn from_value(v: &Value) -> Result<Follow, String> {
        let kind = get_str(v, "kind", false)?.and_then(|k| ItemKind::ALL.into_iter().find(|x| x.as_str() == k));
        let status = match get_str(v, "status", true)? {
            None => None,
            Some(s) => Some(crate::browse::POLICY_STATUSES.into_iter().find(|x| crate::browse::status_key(*x) == s).ok_or_else(|| wrong("status"))?),
        };
        match (v.is_object(), kind, get_str(v, "id", false)?) {
            (true, Some(kind), Some(id)) => Ok(Follow { kind, id: id.to_string(), status }),
            _ => Err(wrong("follows")),
        }
    }
}

impl Profile {
    /// Reads a stored profile (any version's fields; see [`migrate_profile`]).
    pub fn from_value(v: &Value) -> Result<Profile, String> {
        if !v.is_object() {
            return Err(wrong("profile"));
        }
        let audiences = match (get_strings(v, "audiences")?, get_strings(v, "groups")?) {
            (Some(_), Some(_)) => return Err(wrong("audiences")),
            (a, g) => a.or(g).unwrap_or_default(),
        };
        let follows = match v.get("follows") {
            None => Vec::new(),
            Some(Value::Array(items)) => items.iter().map(Follow::from_value).collect::<Result<_, _>>()?,
            Some(_) => return Err(wrong("follows")),
        };
        let remind_days = match get_u64(v, "remind_days")? {
            None => DEFAULT_REMIND_DAYS,
            Some(n) => u16::try_from(n).map_err(|_| wrong("remind_days"))?,
        };
        let delivery = match get_str(v, "delivery", false)? {
            None | Some("instant") => Delivery::Instant,
            Some("daily") => Delivery::Daily,
            Some(_) => return Err(wrong("delivery")),
        };
        let notify = match v.get("notify") {
            None => false,
            Some(b) => b.as_bool().ok_or_else(|| wrong("notify"))?,
        };
        Ok(Profile {
            version: get_version(v)?,
            audiences,
            themes: get_strings(v, "themes")?.unwrap_or_default(),
            regions: get_strings(v, "regions")?.unwrap_or_default(),
            follows,
            remind_days,
            delivery,
            muted_themes: get_strings(v, "muted_themes")?.unwrap_or_default(),
            notify,
        })
    }
}

impl InboxState {
    pub fn from_value(v: &Value) -> Result<InboxState, String> {
        if !v.is_object() {
            return Err(wrong("inbox"));
        }
        let seen = match v.get("seen") {
            None | Some(Value::Null) => None,
            Some(_) => get_strings(v, "seen")?,
        };
        Ok(InboxState {
            version: get_version(v)?,
            read: get_strings(v, "read")?.unwrap_or_default(),
            seen,
            digest_day: get_str(v, "digest_day", true)?.map(str::to_string),
        })
    }
}

/// A minimal JSON object writer for the two stored shapes.
struct Json(String);

impl Json {
    fn open(version: u32) -> Json {
        Json(format!("{{\"version\":{version}"))
    }
    fn key(&mut self, key: &str) {
        self.0.push_str(",\"");
        self.0.push_str(key);
        self.0.push_str("\":");
    }
    fn string(&mut self, text: &str) {
        self.0.push('"');
        for c in text.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                c if (c as u32) < 0x20 => self.0.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }
    fn list(&mut self, key: &str, items: &[String]) {
        self.key(key);
        self.0.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.string(item);
        }
        self.0.push(']');
    }
    fn close(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

// ---- the hand-off link ------------------------------------------------------------------------

fn kind_code(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Policy => "fp",
        ItemKind::Card => "fc",
        ItemKind::Qa => "fq",
        ItemKind::Notice => "fn",
        ItemKind::Topic => "ft",
    }
}

/// Percent-encodes everything but the URL-safe unreserved characters `A-Z a-z 0-9 - . _ ~`.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space in form data); `None` for broken escapes or UTF-8.
pub fn decode_component(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The profile as a compact, URL-safe query: `v=1&a=graduates,elderly&t=employment&r=huaiyin
/// &fp=huaiyin-2024&d=14&m=daily&x=ecology`. Lists are comma-separated (commas inside ids are
/// escaped); defaults are left out. The notification switch stays on the device.
pub fn to_query(p: &Profile) -> String {
    let mut parts = vec!["v=1".to_string()];
    let mut list = |key: &str, ids: Vec<&str>| {
        if !ids.is_empty() {
            let ids: Vec<String> = ids.into_iter().map(encode_component).collect();
            parts.push(format!("{key}={}", ids.join(",")));
        }
    };
    fn strs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    list("a", strs(&p.audiences));
    list("t", strs(&p.themes));
    list("r", strs(&p.regions));
    for kind in ItemKind::ALL {
        list(kind_code(kind), p.follows.iter().filter(|f| f.kind == kind).map(|f| f.id.as_str()).collect());
    }
    list("x", strs(&p.muted_themes));
    if p.remind_days != DEFAULT_REMIND_DAYS {
        parts.push(format!("d={}", p.remind_days));
    }
    if p.delivery == Delivery::Daily {
        parts.push("m=daily".to_string());
    }
    parts.join("&")
}

/// Reads a query as [`to_query`] writes it, or as the subscribe flow's forms submit it
/// (repeated keys: `a=graduates&a=elderly`). Lenient: unknown keys and unusable ids are
/// ignored. A leading `?` or `#` is allowed.
pub fn from_query(query: &str) -> Profile {
    let mut p = Profile::default();
    let query = query.trim_start_matches(['?', '#']);
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let values = || value.split(',').filter_map(decode_component).filter(|v| !v.is_empty());
        match key {
            "a" => p.audiences.extend(values()),
            "t" => p.themes.extend(values()),
            "r" => p.regions.extend(values()),
            "x" => p.muted_themes.extend(values()),
            "d" => p.remind_days = value.parse().unwrap_or(DEFAULT_REMIND_DAYS),
            "m" => p.delivery = if value == "daily" { Delivery::Daily } else { Delivery::Instant },
            _ => {
                if let Some(kind) = ItemKind::ALL.into_iter().find(|k| kind_code(*k) == key) {
                    p.follows.extend(values().map(|id| Follow { kind, id, status: None }));
                }
            }
        }
    }
    p.sanitized()
}

/// Reads a hand-off link's fragment (`v=1&…`). Unlike [`from_query`] it insists on the `v`
/// marker, so a mistyped or foreign link is refused instead of importing an empty profile.
pub fn from_link(fragment: &str) -> Result<Profile, String> {
    let fragment = fragment.trim_start_matches(['?', '#']);
    let version = fragment.split('&').find_map(|pair| pair.strip_prefix("v="));
    match version {
        Some("1") => Ok(from_query(fragment)),
        Some(v) => Err(format!("这个链接来自更新版本的应用（第 {v} 版），请先更新本应用")),
        None => Err("链接里没有订阅设置，可能复制得不完整".to_string()),
    }
}

// ---- matching ---------------------------------------------------------------------------------

/// Why a notice is in the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why<'a> {
    Urgent,
    /// It links an item the profile follows.
    Follows(&'a ItemLink),
    /// Its targeting fits; the ids the notice and the profile share in each dimension (empty
    /// where the notice targets everyone or the profile chose "any").
    Targeted { audiences: Vec<&'a str>, themes: Vec<&'a str>, regions: Vec<&'a str> },
}

/// A profile prepared for matching against one library.
pub struct Matcher<'a> {
    pub profile: &'a Profile,
    audiences: Vec<&'a str>,
    themes: Vec<&'a str>,
    regions: Vec<&'a str>,
}

/// The profile's ids the taxonomy knows (all of them when the taxonomy has no terms there).
fn effective<'a>(chosen: &'a [String], terms: &[Term]) -> Vec<&'a str> {
    chosen
        .iter()
        .filter(|id| terms.is_empty() || terms.iter().any(|t| &t.id == *id))
        .map(String::as_str)
        .collect()
}

/// One dimension of rule 3: `None` when it does not fit, else the shared ids.
fn fits<'a>(targets: &'a [String], chosen: &[&str]) -> Option<Vec<&'a str>> {
    if targets.is_empty() || chosen.is_empty() {
        return Some(Vec::new());
    }
    let shared: Vec<&str> = targets.iter().map(String::as_str).filter(|t| chosen.contains(t)).collect();
    (!shared.is_empty()).then_some(shared)
}

fn shared<'a>(items: &'a [String], chosen: &[&str]) -> Vec<&'a str> {
    items.iter().map(String::as_str).filter(|t| chosen.contains(t)).collect()
}

impl<'a> Matcher<'a> {
    pub fn new(profile: &'a Profile, taxonomy: &Taxonomy) -> Matcher<'a> {
        Matcher {
            profile,
            audiences: effective(&profile.audiences, &taxonomy.audiences),
            themes: effective(&profile.themes, &taxonomy.themes),
            regions: effective(&profile.regions, &taxonomy.regions),
        }
    }

    /// Whether the notice belongs in the inbox on `today` (no date: nothing has expired).
    pub fn notice<'n>(&self, n: &'n Notice, today: Option<&IsoDate>) -> Option<Why<'n>> {
        if today.is_some_and(|t| is_expired(n, t)) {
            return None;
        }
        if n.priority == Priority::Urgent {
            return Some(Why::Urgent);
        }
        if let Some(link) = n.links.iter().find(|l| self.profile.follows(l.kind, &l.id)) {
            return Some(Why::Follows(link));
        }
        if !self.profile.has_selection() {
            return None;
        }
        Some(Why::Targeted {
            audiences: fits(&n.audiences, &self.audiences)?,
            themes: fits(&n.themes, &self.themes)?,
            regions: fits(&n.regions, &self.regions)?,
        })
    }

    /// Whether a card concerns the profile (for its deadline reminder): it or its policy is
    /// followed, or its audiences and themes fit by rule 3 (cards have no regions).
    pub fn card(&self, c: &Card) -> bool {
        self.profile.follows(ItemKind::Card, &c.id)
            || self.profile.follows(ItemKind::Policy, &c.policy_id)
            || (self.profile.has_selection()
                && fits(&c.audiences, &self.audiences).is_some()
                && fits(&c.themes, &self.themes).is_some())
    }

    /// Whether announcing this notice is muted: not urgent, and every one of its themes (at
    /// least one) is muted. Muted notices still appear in the inbox.
    pub fn muted(&self, n: &Notice) -> bool {
        n.priority != Priority::Urgent
            && !n.themes.is_empty()
            && n.themes.iter().all(|t| self.profile.muted_themes.contains(t))
    }
}

/// A deadline coming up (申报截止提醒).
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder<'a> {
    pub link: ItemLink,
    pub title: &'a str,
    pub deadline: &'a IsoDate,
    /// 0 = today.
    pub days_left: i64,
}

/// A followed policy that is no longer simply in force (您关注的政策已修订/废止).
#[derive(Debug, Clone, PartialEq)]
pub struct Alert<'a> {
    pub policy: &'a Policy,
    /// The version that replaces it (`superseded_by`), when the library has it.
    pub successor: Option<&'a Policy>,
}

/// Everything in a person's inbox.
#[derive(Debug, Default)]
pub struct Inbox<'a> {
    /// Matching notices, urgent first, then newest first.
    pub notices: Vec<(&'a Notice, Why<'a>)>,
    /// Deadlines within `remind_days`, soonest first.
    pub reminders: Vec<Reminder<'a>>,
    pub alerts: Vec<Alert<'a>>,
}

pub fn notice_key(id: &str) -> String {
    format!("n:{id}")
}

impl Reminder<'_> {
    /// Read-state key; a new deadline for the same item is a new reminder.
    pub fn key(&self) -> String {
        format!("d:{}:{}:{}", self.link.kind.as_str(), self.link.id, self.deadline)
    }
}

impl Alert<'_> {
    /// Read-state key; a further change of status is a new alert.
    pub fn key(&self) -> String {
        format!("r:{}:{}", self.policy.id, crate::browse::status_key(self.policy.status))
    }
    /// "您关注的政策已修订" / "已废止" / "已失效".
    pub fn headline(&self) -> String {
        format!("您关注的政策{}", self.policy.status.label())
    }
}

/// `items` in the order of `cmp`, stable; for items that are not `Copy` (see `sort_stable`).
fn sorted<T>(items: Vec<T>, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_stable(&mut order, |a, b| cmp(&items[*a], &items[*b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The inbox of `profile` in `lib` on `today`.
pub fn inbox<'a>(lib: &'a Library, profile: &Profile, today: Option<&IsoDate>) -> Inbox<'a> {
    let m = Matcher::new(profile, &lib.taxonomy);
    let notices: Vec<(&Notice, Why)> = lib.notices.iter().filter_map(|n| m.notice(n, today).map(|w| (n, w))).collect();
    let notices = sorted(notices, |a, b| b.0.priority.cmp(&a.0.priority).then_with(|| b.0.published.cmp(&a.0.published)));

    let mut reminders = Vec::new();
    if let Some(today) = today {
        let mut remind = |kind: ItemKind, id: &str, title: &'a str, deadline: &'a IsoDate| {
            let days_left = deadline.day_number() - today.day_number();
            if (0..=i64::from(profile.remind_days)).contains(&days_left) {
                reminders.push(Reminder { link: ItemLink { kind, id: id.to_string() }, title, deadline, days_left });
            }
        };
        for (n, _) in &notices {
            if let Some(d) = &n.deadline {
                remind(ItemKind::Notice, &n.id, &n.title, d);
            }
        }
        for c in lib.cards.iter().filter(|c| m.card(c)) {
            if let Some(d) = &c.deadline {
                remind(ItemKind::Card, &c.id, &c.title, d);
            }
        }
    }
    let reminders = sorted(reminders, |a, b| a.days_left.cmp(&b.days_left));

    let alerts = profile
        .follows
        .iter()
        .filter(|f| f.kind == ItemKind::Policy)
        .filter_map(|f| {
            let policy = lib.policy(&f.id)?;
            let changed = !policy.status.is_current() && f.status != Some(policy.status);
            changed.then(|| Alert { policy, successor: policy.superseded_by.as_deref().and_then(|id| lib.policy(id)) })
        })
        .collect();
    Inbox { notices, reminders, alerts }
}

/// The library files [`inbox`] reads for `profile`: the notices it matches, the cards whose
/// deadlines it reminds of, the taxonomy behind the matching, and the policies only when the
/// profile follows one (their revision alerts). A device loads these after its first screen.
pub fn inbox_files(profile: &Profile) -> Vec<FileRole> {
    let mut files = vec![FileRole::Taxonomy, FileRole::Notices, FileRole::Cards];
    if profile.follows.iter().any(|f| f.kind == ItemKind::Policy) {
        files.push(FileRole::Policies);
    }
    files
}

impl Inbox<'_> {
    /// Read-state keys of every entry.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.alerts.iter().map(Alert::key).collect();
        keys.extend(self.reminders.iter().map(Reminder::key));
        keys.extend(self.notices.iter().map(|(n, _)| notice_key(&n.id)));
        keys
    }
    /// Entries not marked read (the badge).
    pub fn unread(&self, read: &[String]) -> usize {
        self.keys().iter().filter(|k| !read.contains(k)).count()
    }
}

// ---- inbox state and notifications -----------------------------------------------------------

/// Stored under [`INBOX_KEY`]: what was read, and which notices were already announced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxState {
    #[serde(default)]
    pub version: u32,
    /// Keys of read entries ([`Inbox::keys`]).
    #[serde(default)]
    pub read: Vec<String>,
    /// Ids of matching notices already announced (or there when the profile was saved);
    /// `None` until the first check, which announces nothing.
    #[serde(default)]
    pub seen: Option<Vec<String>>,
    /// The day of the last daily digest (`YYYY-MM-DD`).
    #[serde(default)]
    pub digest_day: Option<String>,
}

pub fn read_inbox_state(text: Option<&str>) -> Stored<InboxState> {
    parse_stored(text, |value| {
        let from = stored_version(&value)?;
        if from > PROFILE_VERSION {
            return Err(format!("由更新版本的应用保存（第 {from} 版）"));
        }
        let mut state = InboxState::from_value(&value)?;
        state.version = PROFILE_VERSION;
        // A shape from before versioning is read as is: same fields.
        Ok((state, from.max(PROFILE_VERSION)))
    })
}

fn push_capped(list: &mut Vec<String>, key: String) {
    if !list.contains(&key) {
        list.push(key);
        if list.len() > MAX_MARKS {
            list.remove(0);
        }
    }
}

impl InboxState {
    pub fn new() -> InboxState {
        InboxState { version: PROFILE_VERSION, ..Default::default() }
    }
    /// The JSON stored under [`INBOX_KEY`] (what `Serialize` writes).
    pub fn to_json(&self) -> String {
        let mut j = Json::open(self.version);
        j.list("read", &self.read);
        if let Some(seen) = &self.seen {
            j.list("seen", seen);
        }
        if let Some(day) = &self.digest_day {
            j.key("digest_day");
            j.string(day);
        }
        j.close()
    }
    pub fn mark_read(&mut self, keys: impl IntoIterator<Item = String>) {
        for key in keys {
            push_capped(&mut self.read, key);
        }
    }
    pub fn is_read(&self, key: &str) -> bool {
        self.read.iter().any(|k| k == key)
    }
    /// Treats every notice now in the inbox as announced (after saving a profile or following
    /// an item, so that changing one's choices does not set off a burst of notifications).
    pub fn prime(&mut self, inbox: &Inbox) {
        let seen = self.seen.get_or_insert_with(Vec::new);
        for (n, _) in &inbox.notices {
            if !seen.contains(&n.id) {
                seen.push(n.id.clone());
            }
        }
    }
}

/// What to announce after a check.
#[derive(Debug, Default, PartialEq)]
pub struct Announcement<'a> {
    pub notices: Vec<&'a Notice>,
    /// A daily digest rather than individual notices.
    pub digest: bool,
}

/// Decides which new matching notices to announce and updates `state` (the caller saves it).
/// New = in the inbox, not yet in `seen`. Muted ones are marked seen silently. `Instant`:
/// all new ones now. `Daily`: all pending ones at the first check of a day, then nothing
/// until the next day (they wait, unseen). The very first check only records what is there.
pub fn announce<'a>(inbox: &Inbox<'a>, profile: &Profile, taxonomy: &Taxonomy, state: &mut InboxState, today: Option<&IsoDate>) -> Announcement<'a> {
    let current: Vec<&'a Notice> = inbox.notices.iter().map(|(n, _)| *n).collect();
    let Some(seen) = &state.seen else {
        state.prime(inbox);
        return Announcement::default();
    };
    let m = Matcher::new(profile, taxonomy);
    let fresh: Vec<&Notice> = current.iter().copied().filter(|n| !seen.contains(&n.id)).collect();
    let mut now_seen: Vec<String> = current.iter().filter(|n| seen.contains(&n.id)).map(|n| n.id.clone()).collect();
    let (muted, loud): (Vec<&Notice>, Vec<&Notice>) = fresh.into_iter().partition(|n| m.muted(n));
    now_seen.extend(muted.iter().map(|n| n.id.clone()));
    let today_text = today.map(|t| format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day()));
    let due = match profile.delivery {
        Delivery::Instant => true,
        Delivery::Daily => !loud.is_empty() && today_text.is_some() && state.digest_day != today_text,
    };
    let mut out = Announcement::default();
    if due {
        now_seen.extend(loud.iter().map(|n| n.id.clone()));
        if profile.delivery == Delivery::Daily {
            state.digest_day = today_text;
            out.digest = true;
        }
        out.notices = loud;
    }
    state.seen = Some(now_seen);
    out
}

// ---- 为你推荐 --------------------------------------------------------------------------------

/// A recommended card, question or topic and why ("为什么推荐给我").
#[derive(Debug, Clone, PartialEq)]
pub struct Pick<'a> {
    pub link: ItemLink,
    pub title: &'a str,
    /// Labels of the chosen audiences and themes it shares with the profile.
    pub chosen: Vec<&'a str>,
    /// Titles of followed items it relates to.
    pub followed: Vec<&'a str>,
}

impl Pick<'_> {
    fn score(&self) -> usize {
        self.chosen.len() + 2 * self.followed.len()
    }
    /// "与您选择的“高校毕业生”“就业创业”相符；与您关注的“…”有关".
    pub fn why(&self) -> String {
        let quote = |v: &[&str]| v.iter().map(|s| format!("“{s}”")).collect::<String>();
        let mut parts = Vec::new();
        if !self.chosen.is_empty() {
            parts.push(format!("与您选择的{}相符", quote(&self.chosen)));
        }
        if !self.followed.is_empty() {
            parts.push(format!("与您关注的{}有关", quote(&self.followed)));
        }
        parts.join("；")
    }
}

fn add_unique<'a>(into: &mut Vec<&'a str>, items: impl IntoIterator<Item = &'a str>) {
    for item in items {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}

/// Cards, questions and topics that share the profile's chosen audiences or themes, or
/// relate to what it follows (a card's or question's policy; a topic's items), best match
/// first, at most `per_kind` of each kind. Items already followed are left out.
pub fn recommend<'a>(lib: &'a Library, profile: &Profile, per_kind: usize) -> Vec<Pick<'a>> {
    let m = Matcher::new(profile, &lib.taxonomy);
    let chosen = |audiences: &'a [String], themes: &'a [String]| {
        let mut labels: Vec<&str> = shared(audiences, &m.audiences).into_iter().map(|a| lib.audience_label(a)).collect();
        labels.extend(shared(themes, &m.themes).into_iter().map(|t| lib.theme_label(t)));
        labels
    };
    let followed_policies = |ids: Vec<&str>| -> Vec<&'a str> {
        let mut titles = Vec::new();
        for id in ids {
            if profile.follows(ItemKind::Policy, id) {
                if let Some(p) = lib.policy(id) {
                    add_unique(&mut titles, [p.title.as_str()]);
                }
            }
        }
        titles
    };
    let pick = |kind: ItemKind, id: &str, title: &'a str, chosen: Vec<&'a str>, followed: Vec<&'a str>| Pick {
        link: ItemLink { kind, id: id.to_string() },
        title,
        chosen,
        followed,
    };
    let card_pick = |c: &'a Card| pick(ItemKind::Card, &c.id, &c.title, chosen(&c.audiences, &c.themes), followed_policies(vec![c.policy_id.as_str()]));
    let qa_pick = |q: &'a Qa| {
        let refs = q.policy_refs.iter().map(|r| r.policy_id.as_str()).collect();
        pick(ItemKind::Qa, &q.id, &q.question, chosen(&q.audiences, &q.themes), followed_policies(refs))
    };

    let best = |mut picks: Vec<Pick<'a>>| {
        picks.retain(|p| p.score() > 0 && !profile.follows(p.link.kind, &p.link.id));
        let mut refs: Vec<&Pick> = picks.iter().collect();
        sort_stable(&mut refs, |a, b| b.score().cmp(&a.score()));
        refs.into_iter().take(per_kind).cloned().collect::<Vec<_>>()
    };
    let mut out = best(lib.latest_cards(usize::MAX).into_iter().map(card_pick).collect());
    out.extend(best(lib.hot_questions(usize::MAX).into_iter().map(qa_pick).collect()));
    let topics = lib
        .topics
        .iter()
        .map(|t| {
            let (mut labels, mut titles) = (Vec::new(), Vec::new());
            for item in &t.items {
                let p = match item.kind {
                    ItemKind::Card => lib.card(&item.id).map(card_pick),
                    ItemKind::Qa => lib.qa_entry(&item.id).map(qa_pick),
                    _ => None,
                };
                if let Some(p) = p {
                    add_unique(&mut labels, p.chosen);
                    add_unique(&mut titles, p.followed);
                }
                if profile.follows(item.kind, &item.id) {
                    add_unique(&mut titles, lib.title_of(item));
                }
            }
            pick(ItemKind::Topic, &t.id, &t.title, labels, titles)
        })
        .collect();
    out.extend(best(topics));
    out
}

// ---- fresh notices ----------------------------------------------------------------------------

/// The library with its notices replaced by freshly fetched notice files (`(file name, text)`,
/// in the manifest's order), validated against the rest of the library exactly as at load
/// time. Diagnostics are those of the notice files only.
pub fn with_fresh_notices(current: &Library, manifest: Manifest, files: Vec<(String, String)>) -> LoadReport {
    let mut builder = crate::load::LibraryBuilder::with_entries_of(manifest, current);
    for (file, text) in &files {
        builder.add_text(crate::load::FileRole::Notices, file, text);
    }
    let mut report = builder.finish();
    report.diagnostics.retain(|d| files.iter().any(|(f, _)| *f == d.file));
    report
}

#[cfg(test)]
mod tests;
