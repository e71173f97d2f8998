//! The app's stable routes (PRODUCT.md) and every href built from them. One place decides what a
//! URL looks like, so links in pages, the search box, the pre-rendered files and the sitemap agree.

use mingbai_core::ItemKind;

/// A page of the app, from its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Policies,
    Policy(String),
    Cards,
    Card(String),
    QaList,
    Qa(String),
    Notices,
    Notice(String),
    Topics,
    Topic(String),
    Search,
    Subscribe,
    Inbox,
    Privacy,
    Kiosk,
    NotFound,
}

impl Route {
    /// The route of a path such as `/policies/huaiyin-2024` (no query, no fragment).
    pub fn parse(path: &str) -> Route {
        let path = path.strip_suffix("/index.html").unwrap_or(path);
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let id = |raw: &str| decode(raw);
        match parts.as_slice() {
            [] => Route::Home,
            ["policies"] => Route::Policies,
            ["policies", x] => Route::Policy(id(x)),
            ["cards"] => Route::Cards,
            ["cards", x] => Route::Card(id(x)),
            ["qa"] => Route::QaList,
            ["qa", x] => Route::Qa(id(x)),
            ["notices"] => Route::Notices,
            ["notices", x] => Route::Notice(id(x)),
            ["topics"] => Route::Topics,
            ["topics", x] => Route::Topic(id(x)),
            ["search"] => Route::Search,
            ["subscribe"] | ["import"] => Route::Subscribe,
            ["inbox"] => Route::Inbox,
            ["privacy"] => Route::Privacy,
            ["kiosk"] => Route::Kiosk,
            _ => Route::NotFound,
        }
    }

    /// The route of an item.
    pub fn item(kind: ItemKind, id: &str) -> Route {
        let id = id.to_string();
        match kind {
            ItemKind::Policy => Route::Policy(id),
            ItemKind::Card => Route::Card(id),
            ItemKind::Qa => Route::Qa(id),
            ItemKind::Notice => Route::Notice(id),
            ItemKind::Topic => Route::Topic(id),
        }
    }

    /// The path of this route (`/` for the home page).
    pub fn path(&self) -> String {
        let with_id = |prefix: &str, id: &str| format!("{prefix}/{}", encode(id));
        match self {
            Route::Home => "/".to_string(),
            Route::Policies => "/policies".to_string(),
            Route::Policy(id) => with_id("/policies", id),
            Route::Cards => "/cards".to_string(),
            Route::Card(id) => with_id("/cards", id),
            Route::QaList => "/qa".to_string(),
            Route::Qa(id) => with_id("/qa", id),
            Route::Notices => "/notices".to_string(),
            Route::Notice(id) => with_id("/notices", id),
            Route::Topics => "/topics".to_string(),
            Route::Topic(id) => with_id("/topics", id),
            Route::Search => "/search".to_string(),
            Route::Subscribe => "/subscribe".to_string(),
            Route::Inbox => "/inbox".to_string(),
            Route::Privacy => "/privacy".to_string(),
            Route::Kiosk => "/kiosk".to_string(),
            Route::NotFound => "/404".to_string(),
        }
    }

    /// The item this route shows, if it shows one.
    pub fn item_of(&self) -> Option<(ItemKind, &str)> {
        match self {
            Route::Policy(id) => Some((ItemKind::Policy, id)),
            Route::Card(id) => Some((ItemKind::Card, id)),
            Route::Qa(id) => Some((ItemKind::Qa, id)),
            Route::Notice(id) => Some((ItemKind::Notice, id)),
            Route::Topic(id) => Some((ItemKind::Topic, id)),
            _ => None,
        }
    }
}

/// An item's page: `/policies/<id>`.
pub fn item_href(kind: ItemKind, id: &str) -> String {
    Route::item(kind, id).path()
}

/// A section of a policy: `/policies/<id>#<section>`.
pub fn section_href(policy: &str, section: &str) -> String {
    format!("{}#{}", item_href(ItemKind::Policy, policy), encode(section))
}

/// `/search?q=<text>`: a plain search for a text.
pub fn search_href(q: &str) -> String {
    href_with_query(&Route::Search, [("q", q)])
}

/// A route's path with a query string: `pairs` are name/value pairs, values percent-encoded
/// (empty pairs list: the bare path).
pub fn href_with_query<'a>(route: &Route, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let query: Vec<String> = pairs.into_iter().map(|(name, value)| format!("{name}={}", encode(value))).collect();
    if query.is_empty() {
        route.path()
    } else {
        format!("{}?{}", route.path(), query.join("&"))
    }
}

/// The query string of a URL, as name/value pairs (decoded).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(pub Vec<(String, String)>);

impl Query {
    /// From `a=1&b=%E4%BD%A0` (with or without the leading `?`).
    pub fn parse(search: &str) -> Query {
        let search = search.strip_prefix('?').unwrap_or(search);
        Query(
            search
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|pair| {
                    let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(&name.replace('+', " ")), decode(&value.replace('+', " ")))
                })
                .collect(),
        )
    }
    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Percent-encodes as JavaScript's `encodeURIComponent` does.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes [`encode`]; malformed escapes are kept as they are, invalid UTF-8 is replaced.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip() {
        for route in [
            Route::Home,
            Route::Policies,
            Route::Policy("huaiyin-2024".into()),
            Route::Qa("问答 1".into()),
            Route::Topic("t.1".into()),
            Route::Search,
            Route::Privacy,
        ] {
            assert_eq!(Route::parse(&route.path()), route);
        }
        assert_eq!(Route::parse("/qa/qa-001/index.html"), Route::Qa("qa-001".into()));
        assert_eq!(Route::parse("/qa/qa-001/"), Route::Qa("qa-001".into()));
        assert_eq!(Route::parse("/nope/x/y"), Route::NotFound);
    }

    #[test]
    fn encoding_matches_encode_uri_component() {
        assert_eq!(encode("养老 保险&x=1"), "%E5%85%BB%E8%80%81%20%E4%BF%9D%E9%99%A9%26x%3D1");
        assert_eq!(decode("%E5%85%BB%E8%80%81"), "养老");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%E5"), "%zz\u{fffd}");
        let q = Query::parse("?q=%E4%BD%8E%E4%BF%9D+x&page=2&flag");
        assert_eq!(q.get("q"), Some("低保 x"));
        assert_eq!(q.get("page"), Some("2"));
        assert_eq!(q.get("flag"), Some(""));
    }
}
