//! The feedback signal wire format, version 1: a short query string the app appends to the
//! configured endpoint (`<endpoint>?v=1&t=nh&k=qa&i=qa-001&r=unclear`), sent as a plain GET so any
//! static host's access log collects it, and read back by `mingbai report`.
//!
//! Parameters (each at most once; the encoder writes them in this order):
//!
//! | key | meaning | values |
//! | --- | --- | --- |
//! | `v` | format version, always first | `1` |
//! | `t` | signal type | `h` helpful, `nh` not helpful, `nr` search without result, `no` search with results none opened, `rw` search answered only after correction or synonym expansion, `hl` tap on the 12345 hand-off |
//! | `k` | page kind (`h`, `nh`, `hl`) | `qa`, `card`, `policy`, `notice`, `topic`, `search`, `other` (`other` only for `hl`) |
//! | `i` | entry id (`h`, `nh`); for `k=search` the scrubbed query | ≤ 200 characters |
//! | `r` | reason (`nh`, optional) | `unclear` 没看懂, `not_wanted` 不是我要找的, `outdated` 信息过时, `other` 其他 |
//! | `q` | the query as typed, scrubbed (`nr`, `no`, `rw`) | ≤ 64 characters |
//! | `n` | number of results (`no`) | 1–999999 |
//! | `u` | the query actually searched (`rw`), scrubbed | ≤ 64 characters |
//! | `s` | surface (optional) | `phone`, `kiosk`, `embed` |
//! | `h` | hour bucket (optional; only for a signal sent later from the offline queue) | `YYYYMMDDHH` |
//!
//! Values are UTF-8, percent-encoded (every byte outside `A-Z a-z 0-9 - . _ ~`). Nothing else is
//! ever sent: no identifier, no cookie, no profile, no time finer than the hour. Decoding is strict:
//! an unknown version, type or parameter, a repeated or missing parameter, a bad value, bad
//! percent-encoding, invalid UTF-8, control characters and over-long values are each rejected
//! with a reason (`Rejection::code`) that the report counts.

use super::scrub::scrub;
use crate::types::ItemKind;

pub const VERSION: &str = "1";
/// Longest query (`q`, `u`) in characters; the encoder cuts longer ones.
pub const MAX_QUERY_CHARS: usize = 64;
/// Longest entry id in characters (the validator's limit).
pub const MAX_ID_CHARS: usize = 200;
/// Longest encoded query string in bytes: a decoder refuses anything longer before looking at it.
pub const MAX_ENCODED_BYTES: usize = 2400;
const MAX_COUNT: u32 = 999_999;

/// Where on the site the signal came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageKind {
    Qa,
    Card,
    Policy,
    Notice,
    Topic,
    Search,
    /// Any other page (home, inbox, …): only for the 12345 hand-off.
    Other,
}

impl PageKind {
    pub const ALL: [PageKind; 7] =
        [PageKind::Qa, PageKind::Card, PageKind::Policy, PageKind::Notice, PageKind::Topic, PageKind::Search, PageKind::Other];

    pub fn code(self) -> &'static str {
        match self {
            PageKind::Qa => "qa",
            PageKind::Card => "card",
            PageKind::Policy => "policy",
            PageKind::Notice => "notice",
            PageKind::Topic => "topic",
            PageKind::Search => "search",
            PageKind::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<PageKind> {
        PageKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Chinese label for editors.
    pub fn label(self) -> &'static str {
        match self {
            PageKind::Search => "搜索",
            PageKind::Other => "其他页面",
            kind => kind.item_kind().map(ItemKind::label).unwrap_or_default(),
        }
    }

    /// The library kind of an entry page.
    pub fn item_kind(self) -> Option<ItemKind> {
        match self {
            PageKind::Qa => Some(ItemKind::Qa),
            PageKind::Card => Some(ItemKind::Card),
            PageKind::Policy => Some(ItemKind::Policy),
            PageKind::Notice => Some(ItemKind::Notice),
            PageKind::Topic => Some(ItemKind::Topic),
            PageKind::Search | PageKind::Other => None,
        }
    }
}

impl From<ItemKind> for PageKind {
    fn from(kind: ItemKind) -> PageKind {
        match kind {
            ItemKind::Qa => PageKind::Qa,
            ItemKind::Card => PageKind::Card,
            ItemKind::Policy => PageKind::Policy,
            ItemKind::Notice => PageKind::Notice,
            ItemKind::Topic => PageKind::Topic,
        }
    }
}

/// Why a page did not help (the optional one-tap reasons after 没用).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    Unclear,
    NotWanted,
    Outdated,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 4] = [Reason::Unclear, Reason::NotWanted, Reason::Outdated, Reason::Other];

    pub fn code(self) -> &'static str {
        match self {
            Reason::Unclear => "unclear",
            Reason::NotWanted => "not_wanted",
            Reason::Outdated => "outdated",
            Reason::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The button text, also used in the report.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Unclear => "没看懂",
            Reason::NotWanted => "不是我要找的",
            Reason::Outdated => "信息过时",
            Reason::Other => "其他",
        }
    }
}

/// Which surface sent it (the only context sent besides the page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Surface {
    Phone,
    Kiosk,
    Embed,
}

impl Surface {
    pub fn code(self) -> &'static str {
        match self {
            Surface::Phone => "phone",
            Surface::Kiosk => "kiosk",
            Surface::Embed => "embed",
        }
    }

    pub fn parse(code: &str) -> Option<Surface> {
        [Surface::Phone, Surface::Kiosk, Surface::Embed].into_iter().find(|s| s.code() == code)
    }
}

/// An hour, `YYYYMMDDHH`: the finest time a signal may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HourBucket {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
}

impl HourBucket {
    pub fn new(year: u16, month: u8, day: u8, hour: u8) -> Option<HourBucket> {
        let valid = (2000..=2999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day) && hour < 24;
        valid.then_some(HourBucket { year, month, day, hour })
    }

    pub fn parse(text: &str) -> Option<HourBucket> {
        if text.len() != 10 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n = |range: std::ops::Range<usize>| text[range].parse::<u16>().ok();
        HourBucket::new(n(0..4)?, n(4..6)? as u8, n(6..8)? as u8, n(8..10)? as u8)
    }

    pub fn code(self) -> String {
        let mut out = String::with_capacity(10);
        for (value, width) in [(u32::from(self.year), 4), (u32::from(self.month), 2), (u32::from(self.day), 2), (u32::from(self.hour), 2)] {
            push_digits(&mut out, value, width);
        }
        out
    }
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// 有用 on a page.
    Helpful { kind: PageKind, id: String },
    /// 没用 on a page, with the reason when one was tapped.
    NotHelpful { kind: PageKind, id: String, reason: Option<Reason> },
    /// A search that found nothing.
    NoResult { query: String },
    /// A search with results of which none was opened.
    NotOpened { query: String, results: u32 },
    /// A search that found an answer only after typo correction, pinyin conversion or synonym
    /// expansion: `used` is what was actually searched.
    Rewritten { query: String, used: String },
    /// A tap on the 12345 hand-off.
    Hotline { from: PageKind },
}

impl Event {
    /// The `t` code.
    pub fn code(&self) -> &'static str {
        match self {
            Event::Helpful { .. } => "h",
            Event::NotHelpful { .. } => "nh",
            Event::NoResult { .. } => "nr",
            Event::NotOpened { .. } => "no",
            Event::Rewritten { .. } => "rw",
            Event::Hotline { .. } => "hl",
        }
    }
}

/// One signal: the event, and optionally the surface and the hour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    pub event: Event,
    pub surface: Option<Surface>,
    pub hour: Option<HourBucket>,
}

/// Why a query string is not a valid signal. `code` names it in the report's counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Longer than `MAX_ENCODED_BYTES`.
    TooLong,
    /// No `v` parameter first.
    NotASignal,
    UnknownVersion,
    UnknownType,
    UnknownParameter(String),
    RepeatedParameter(String),
    MissingParameter(&'static str),
    /// A `%` not followed by two hex digits, or a byte that should have been percent-encoded.
    BadEncoding,
    NotUtf8,
    /// A value with control characters, empty, over its length limit or not one of the allowed values.
    BadValue(&'static str),
}

impl Rejection {
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::TooLong => "too_long",
            Rejection::NotASignal => "not_a_signal",
            Rejection::UnknownVersion => "unknown_version",
            Rejection::UnknownType => "unknown_type",
            Rejection::UnknownParameter(_) => "unknown_parameter",
            Rejection::RepeatedParameter(_) => "repeated_parameter",
            Rejection::MissingParameter(_) => "missing_parameter",
            Rejection::BadEncoding => "bad_percent_encoding",
            Rejection::NotUtf8 => "invalid_utf8",
            Rejection::BadValue(_) => "bad_value",
        }
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::TooLong => write!(f, "信号过长"),
            Rejection::NotASignal => write!(f, "不是反馈信号"),
            Rejection::UnknownVersion => write!(f, "未知的版本"),
            Rejection::UnknownType => write!(f, "未知的信号类型"),
            Rejection::UnknownParameter(p) => write!(f, "未知参数 {p}"),
            Rejection::RepeatedParameter(p) => write!(f, "参数 {p} 重复"),
            Rejection::MissingParameter(p) => write!(f, "缺少参数 {p}"),
            Rejection::BadEncoding => write!(f, "百分号编码无效"),
            Rejection::NotUtf8 => write!(f, "不是 UTF-8 文本"),
            Rejection::BadValue(p) => write!(f, "参数 {p} 的值无效"),
        }
    }
}

impl Signal {
    pub fn new(event: Event) -> Signal {
        Signal { event, surface: None, hour: None }
    }

    pub fn on(mut self, surface: Surface) -> Signal {
        self.surface = Some(surface);
        self
    }

    pub fn at(mut self, hour: HourBucket) -> Signal {
        self.hour = Some(hour);
        self
    }

    /// The query string, without `?`. Queries are scrubbed of personal data and cut to
    /// `MAX_QUERY_CHARS`; an id longer than `MAX_ID_CHARS` is cut too (the validator refuses such ids).
    pub fn encode(&self) -> String {
        let mut out = String::with_capacity(64);
        out.push_str("v=");
        out.push_str(VERSION);
        out.push_str("&t=");
        out.push_str(self.event.code());
        let mut put = |key: &str, value: &str| {
            out.push('&');
            out.push_str(key);
            out.push('=');
            percent_encode_into(value, &mut out);
        };
        match &self.event {
            Event::Helpful { kind, id } | Event::NotHelpful { kind, id, .. } => {
                put("k", kind.code());
                let id = if *kind == PageKind::Search { clean_query(id) } else { cut(id, MAX_ID_CHARS) };
                put("i", &id);
                if let Event::NotHelpful { reason: Some(reason), .. } = &self.event {
                    put("r", reason.code());
                }
            }
            Event::NoResult { query } => put("q", &clean_query(query)),
            Event::NotOpened { query, results } => {
                put("q", &clean_query(query));
                let mut n = String::new();
                push_digits(&mut n, *results.clamp(&1, &MAX_COUNT), 1);
                put("n", &n);
            }
            Event::Rewritten { query, used } => {
                put("q", &clean_query(query));
                put("u", &clean_query(used));
            }
            Event::Hotline { from } => put("k", from.code()),
        }
        if let Some(surface) = self.surface {
            put("s", surface.code());
        }
        if let Some(hour) = self.hour {
            put("h", &hour.code());
        }
        out
    }

    /// Reads a query string (without `?`) strictly; see the module comment.
    pub fn decode(query: &str) -> Result<Signal, Rejection> {
        if query.len() > MAX_ENCODED_BYTES {
            return Err(Rejection::TooLong);
        }
        let mut params: Vec<(&str, String)> = Vec::new();
        for (position, pair) in query.split('&').enumerate() {
            let (key, raw) = pair.split_once('=').ok_or(if position == 0 { Rejection::NotASignal } else { Rejection::BadEncoding })?;
            if position == 0 && key != "v" {
                return Err(Rejection::NotASignal);
            }
            let known = ["v", "t", "k", "i", "r", "q", "n", "u", "s", "h"];
            let Some(key) = known.into_iter().find(|k| *k == key) else {
                return Err(Rejection::UnknownParameter(cut(&String::from_utf8_lossy(key.as_bytes()), 16)));
            };
            if params.iter().any(|(k, _)| *k == key) {
                return Err(Rejection::RepeatedParameter(key.to_string()));
            }
            params.push((key, percent_decode(raw)?));
        }
        let take = |key: &'static str| params.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
        let need = |key: &'static str| take(key).ok_or(Rejection::MissingParameter(key));
        if need("v")? != VERSION {
            return Err(Rejection::UnknownVersion);
        }
        let t = need("t")?;
        let (event, allowed): (Event, &[&str]) = match t {
            "h" | "nh" => {
                let kind = PageKind::parse(need("k")?).filter(|k| *k != PageKind::Other).ok_or(Rejection::BadValue("k"))?;
                let limit = if kind == PageKind::Search { MAX_QUERY_CHARS } else { MAX_ID_CHARS };
                let id = text_value(need("i")?, "i", limit)?;
                if t == "h" {
                    (Event::Helpful { kind, id }, &["k", "i"])
                } else {
                    let reason = take("r").map(|r| Reason::parse(r).ok_or(Rejection::BadValue("r"))).transpose()?;
                    (Event::NotHelpful { kind, id, reason }, &["k", "i", "r"])
                }
            }
            "nr" => (Event::NoResult { query: text_value(need("q")?, "q", MAX_QUERY_CHARS)? }, &["q"]),
            "no" => {
                let query = text_value(need("q")?, "q", MAX_QUERY_CHARS)?;
                let n = need("n")?;
                let results = (n.len() <= 6 && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| n.parse::<u32>().ok())
                    .flatten()
                    .ok_or(Rejection::BadValue("n"))?;
                (Event::NotOpened { query, results }, &["q", "n"])
            }
            "rw" => {
                let query = text_value(need("q")?, "q", MAX_QUERY_CHARS)?;
                let used = text_value(need("u")?, "u", MAX_QUERY_CHARS)?;
                (Event::Rewritten { query, used }, &["q", "u"])
            }
            "hl" => (Event::Hotline { from: PageKind::parse(need("k")?).ok_or(Rejection::BadValue("k"))? }, &["k"]),
            _ => return Err(Rejection::UnknownType),
        };
        // A parameter that this type does not carry is forged.
        if let Some((key, _)) = params.iter().find(|(k, _)| !matches!(*k, "v" | "t" | "s" | "h") && !allowed.contains(k)) {
            return Err(Rejection::UnknownParameter(key.to_string()));
        }
        let surface = take("s").map(|s| Surface::parse(s).ok_or(Rejection::BadValue("s"))).transpose()?;
        let hour = take("h").map(|h| HourBucket::parse(h).ok_or(Rejection::BadValue("h"))).transpose()?;
        Ok(Signal { event, surface, hour })
    }
}

/// The URL to request: `<endpoint>?<query>`. `None` when the endpoint is empty or already has a
/// query or fragment (the report reads only our parameters, so the endpoint must carry none).
pub fn feedback_url(endpoint: &str, signal: &Signal) -> Option<String> {
    let endpoint = endpoint.trim();
    if endpoint.is_empty() || endpoint.contains(['?', '#']) || endpoint.chars().any(char::is_whitespace) {
        return None;
    }
    let mut url = String::from(endpoint);
    url.push('?');
    url.push_str(&signal.encode());
    Some(url)
}

/// Decimal digits, zero-padded to `width` (no formatting machinery in the wasm).
fn push_digits(out: &mut String, value: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut n = value;
    let mut len = 0;
    while n > 0 || len == 0 {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
    }
    for _ in len..width {
        out.push('0');
    }
    out.extend(digits[..len].iter().rev().map(|d| char::from(*d)));
}

/// A query ready to leave the device: personal data masked, whitespace collapsed, cut to length.
fn clean_query(query: &str) -> String {
    // Only the head can be sent; scrubbing a pasted page whole would cost time for nothing.
    let head: String = query.chars().take(MAX_QUERY_CHARS * 4).collect();
    let mut collapsed = String::new();
    for word in scrub(&head).split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    cut(&collapsed, MAX_QUERY_CHARS)
}

fn cut(text: &str, max_chars: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max_chars).collect()
}

/// A decoded text value: not empty, no control characters, within its limit.
fn text_value(value: &str, key: &'static str, max_chars: usize) -> Result<String, Rejection> {
    let ok = !value.trim().is_empty() && !value.chars().any(char::is_control) && value.chars().count() <= max_chars;
    ok.then(|| value.to_string()).ok_or(Rejection::BadValue(key))
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn percent_encode_into(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in value.bytes() {
        if is_unreserved(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
}

/// Strict: only unreserved bytes and `%XX`; the result must be UTF-8.
fn percent_decode(raw: &str) -> Result<String, Rejection> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = |b: u8| (b as char).to_digit(16);
            let (Some(hi), Some(lo)) = (bytes.get(i + 1).and_then(|b| hex(*b)), bytes.get(i + 2).and_then(|b| hex(*b))) else {
                return Err(Rejection::BadEncoding);
            };
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else if is_unreserved(b) {
            out.push(b);
            i += 1;
        } else {
            return Err(Rejection::BadEncoding);
        }
    }
    String::from_utf8(out).map_err(|_| Rejection::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(signal: Signal) -> String {
        let encoded = signal.encode();
        assert_eq!(Signal::decode(&encoded), Ok(signal), "{encoded}");
        encoded
    }

    #[test]
    fn every_event_round_trips() {
        assert_eq!(
            round_trip(Signal::new(Event::NotHelpful { kind: PageKind::Qa, id: "qa-001".into(), reason: Some(Reason::Unclear) })),
            "v=1&t=nh&k=qa&i=qa-001&r=unclear"
        );
        round_trip(Signal::new(Event::NotHelpful { kind: PageKind::Card, id: "卡片-1".into(), reason: None }).on(Surface::Kiosk));
        round_trip(Signal::new(Event::Helpful { kind: PageKind::Policy, id: "huaiyin-2024".into() }));
        round_trip(Signal::new(Event::Helpful { kind: PageKind::Search, id: "低保".into() }));
        assert_eq!(round_trip(Signal::new(Event::NoResult { query: "养老 补贴".into() })), "v=1&t=nr&q=%E5%85%BB%E8%80%81%20%E8%A1%A5%E8%B4%B4");
        round_trip(Signal::new(Event::NotOpened { query: "公积金".into(), results: 12 }).on(Surface::Embed));
        round_trip(Signal::new(Event::Rewritten { query: "低宝".into(), used: "低保".into() }));
        assert_eq!(Signal::new(Event::NotOpened { query: "a".into(), results: 0 }).encode(), "v=1&t=no&q=a&n=1");
        assert_eq!(Signal::new(Event::NotOpened { query: "a".into(), results: 5_000_000 }).encode(), "v=1&t=no&q=a&n=999999");
        assert_eq!(HourBucket::new(2027, 1, 9, 0).unwrap().code(), "2027010900");
        let hour = HourBucket::new(2026, 12, 6, 5).unwrap();
        assert_eq!(round_trip(Signal::new(Event::Hotline { from: PageKind::Other }).on(Surface::Phone).at(hour)), "v=1&t=hl&k=other&s=phone&h=2026120605");
    }

    #[test]
    fn queries_are_scrubbed_and_cut_before_they_leave() {
        let signal = Signal::new(Event::NoResult { query: format!("我的身份证370102199001011234 电话13812345678{}", "长".repeat(100)) });
        let decoded = Signal::decode(&signal.encode()).unwrap();
        let Event::NoResult { query } = decoded.event else { panic!() };
        assert!(query.starts_with("我的身份证〔身份证号〕 电话〔电话〕长"), "{query}");
        assert_eq!(query.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn url_joins_only_a_clean_endpoint() {
        let s = Signal::new(Event::Hotline { from: PageKind::Qa });
        assert_eq!(feedback_url("/feedback", &s).as_deref(), Some("/feedback?v=1&t=hl&k=qa"));
        assert_eq!(feedback_url("https://log.example.gov.cn/f.gif", &s).as_deref(), Some("https://log.example.gov.cn/f.gif?v=1&t=hl&k=qa"));
        assert_eq!(feedback_url("/feedback?x=1", &s), None);
        assert_eq!(feedback_url("", &s), None);
    }

    #[test]
    fn hostile_query_strings_are_rejected_with_a_reason() {
        let cases: &[(&str, &str)] = &[
            ("", "not_a_signal"),
            ("t=nr&v=1&q=a", "not_a_signal"),
            ("v=2&t=nr&q=a", "unknown_version"),
            ("v=1&t=zz&q=a", "unknown_type"),
            ("v=1&t=nr&q=a&uid=7", "unknown_parameter"),
            ("v=1&t=nr&q=a&k=qa", "unknown_parameter"),
            ("v=1&t=nr&q=a&q=b", "repeated_parameter"),
            ("v=1&v=1&t=nr&q=a", "repeated_parameter"),
            ("v=1&t=nr", "missing_parameter"),
            ("v=1&t=nh&k=qa", "missing_parameter"),
            ("v=1&t=nr&q=%E5%85", "invalid_utf8"),
            ("v=1&t=nr&q=%zz", "bad_percent_encoding"),
            ("v=1&t=nr&q=%4", "bad_percent_encoding"),
            ("v=1&t=nr&q=a b", "bad_percent_encoding"),
            ("v=1&t=nr&q=a+b", "bad_percent_encoding"),
            ("v=1&t=nr&q", "bad_percent_encoding"),
            ("v=1&t=nr&q=%0A", "bad_value"),
            ("v=1&t=nr&q=", "bad_value"),
            ("v=1&t=nr&q=%20", "bad_value"),
            ("v=1&t=nh&k=qa&i=x&r=angry", "bad_value"),
            ("v=1&t=nh&k=other&i=x", "bad_value"),
            ("v=1&t=no&q=a&n=0", "bad_value"),
            ("v=1&t=no&q=a&n=-1", "bad_value"),
            ("v=1&t=no&q=a&n=1000000", "bad_value"),
            ("v=1&t=hl&k=qa&s=tv", "bad_value"),
            ("v=1&t=hl&k=qa&h=2026130100", "bad_value"),
            ("v=1&t=hl&k=qa&h=20261201", "bad_value"),
        ];
        for (query, code) in cases {
            assert_eq!(Signal::decode(query).map_err(|e| e.code()), Err(*code), "{query}");
        }
        let long_query = format!("v=1&t=nr&q={}", "%E9%95%BF".repeat(MAX_QUERY_CHARS + 1));
        assert_eq!(Signal::decode(&long_query).map_err(|e| e.code()), Err("bad_value"));
        let huge = format!("v=1&t=nr&q={}", "a".repeat(MAX_ENCODED_BYTES));
        assert_eq!(Signal::decode(&huge).map_err(|e| e.code()), Err("too_long"));
    }
}
