//! Links that come from library data (attachments, `source_url`): which of them may become a
//! clickable `href`. Only `https:` web pages, `tel:` numbers, in-app routes (`/policies/x`) and
//! files relative to the library are allowed; anything else (`javascript:`, `data:`, `http:`,
//! `file:` …) is shown as plain text, never as a link.

/// What a URL from the data is, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataLink<'a> {
    /// An absolute `https://` URL.
    Web(&'a str),
    /// A `tel:` link with only digits and a leading `+` kept.
    Phone(String),
    /// A path on this site (`/policies/x`), kept as written.
    Route(&'a str),
    /// A path relative to the library's manifest (`files/a.pdf`): resolve it against the
    /// library's URL before use.
    LibraryFile(&'a str),
}

impl DataLink<'_> {
    /// The `href` to render (relative library files still need resolving by the caller).
    pub fn href(&self) -> String {
        match self {
            DataLink::Web(url) | DataLink::Route(url) | DataLink::LibraryFile(url) => url.to_string(),
            DataLink::Phone(tel) => tel.clone(),
        }
    }
}

/// Why a URL from the data is not rendered as a link (plain Chinese, for diagnostics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsafeLink {
    Empty,
    /// `http:` (not encrypted): may be altered on the way.
    Insecure,
    /// Any other scheme (`javascript:`, `data:`, `file:` …).
    Scheme,
    /// Characters browsers treat unpredictably (`\`, control characters, `//host` without scheme).
    Malformed,
}

impl UnsafeLink {
    pub fn reason(self) -> &'static str {
        match self {
            UnsafeLink::Empty => "链接为空",
            UnsafeLink::Insecure => "链接不是 https 加密地址",
            UnsafeLink::Scheme => "链接类型不安全（只允许 https、tel 和站内地址）",
            UnsafeLink::Malformed => "链接格式不正确",
        }
    }
}

/// Classifies a URL written in the data.
pub fn classify_link(url: &str) -> Result<DataLink<'_>, UnsafeLink> {
    let url = url.trim();
    if url.is_empty() {
        return Err(UnsafeLink::Empty);
    }
    // Browsers strip tabs/newlines inside URLs and read `\` as `/`: `java\tscript:` and `/\evil`
    // would slip past a prefix check, so such URLs are never links.
    if url.chars().any(|c| c.is_control() || is_bidi_control(c) || c == '\\') {
        return Err(UnsafeLink::Malformed);
    }
    match scheme_of(url) {
        Some(scheme) => match scheme.to_ascii_lowercase().as_str() {
            "https" => {
                let rest = &url[scheme.len() + 1..];
                let host_ok = rest.strip_prefix("//").is_some_and(|r| !r.is_empty() && !r.starts_with('/'));
                if host_ok { Ok(DataLink::Web(url)) } else { Err(UnsafeLink::Malformed) }
            }
            "http" => Err(UnsafeLink::Insecure),
            "tel" => crate::browse::tel_href(&url[4..]).map(DataLink::Phone).ok_or(UnsafeLink::Malformed),
            _ => Err(UnsafeLink::Scheme),
        },
        None if url.starts_with("//") => Err(UnsafeLink::Malformed),
        None if url.starts_with('/') => Ok(DataLink::Route(url)),
        None => Ok(DataLink::LibraryFile(url)),
    }
}

/// Direction overrides make a URL read differently from what it is.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The scheme of `url` (`https` in `https://…`), if the part before the first `:` looks like one.
/// A `:` after `/`, `?` or `#` belongs to the path (`files/a:b.pdf` is relative).
fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    if url.as_bytes()[end] != b':' {
        return None;
    }
    let scheme = &url[..end];
    // Anything before the colon counts as a scheme attempt, even an odd one (`java script:`):
    // it must never become a link.
    (!scheme.is_empty()).then_some(scheme)
}

/// The href for a URL from the data, or `None` when it must be shown as plain text.
pub fn safe_link(url: &str) -> Option<DataLink<'_>> {
    classify_link(url).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_links() {
        assert_eq!(classify_link("https://www.jinan.gov.cn/a.pdf"), Ok(DataLink::Web("https://www.jinan.gov.cn/a.pdf")));
        assert_eq!(classify_link(" HTTPS://x.cn "), Ok(DataLink::Web("HTTPS://x.cn")));
        assert_eq!(classify_link("tel:0531-1234 5678"), Ok(DataLink::Phone("tel:053112345678".into())));
        assert_eq!(classify_link("/policies/huaiyin-2024"), Ok(DataLink::Route("/policies/huaiyin-2024")));
        assert_eq!(classify_link("files/a.pdf"), Ok(DataLink::LibraryFile("files/a.pdf")));
        assert_eq!(classify_link("files/a:b.pdf"), Ok(DataLink::LibraryFile("files/a:b.pdf")));
        assert_eq!(classify_link("附件.pdf"), Ok(DataLink::LibraryFile("附件.pdf")));
    }

    #[test]
    fn rejected_links() {
        let cases = [
            ("", UnsafeLink::Empty),
            ("   ", UnsafeLink::Empty),
            ("http://www.jinan.gov.cn/", UnsafeLink::Insecure),
            ("HTTP://x.cn", UnsafeLink::Insecure),
            ("javascript:alert(1)", UnsafeLink::Scheme),
            (" JavaScript:alert(1)", UnsafeLink::Scheme),
            ("java\tscript:alert(1)", UnsafeLink::Malformed),
            ("java\nscript:alert(1)", UnsafeLink::Malformed),
            ("data:text/html,<script>alert(1)</script>", UnsafeLink::Scheme),
            ("vbscript:x", UnsafeLink::Scheme),
            ("file:///etc/passwd", UnsafeLink::Scheme),
            ("mailto:a@b.cn", UnsafeLink::Scheme),
            ("java script:x", UnsafeLink::Scheme),
            ("//evil.example/x", UnsafeLink::Malformed),
            ("/\\evil.example", UnsafeLink::Malformed),
            ("https:evil.example", UnsafeLink::Malformed),
            ("https:///x", UnsafeLink::Malformed),
            ("tel:见窗口", UnsafeLink::Malformed),
            ("\u{202e}https://x.cn", UnsafeLink::Malformed),
        ];
        for (url, why) in cases {
            assert_eq!(classify_link(url), Err(why), "{url:?}");
            assert!(!why.reason().is_empty());
        }
    }

    #[test]
    fn hrefs() {
        assert_eq!(safe_link("tel:12345").map(|l| l.href()).as_deref(), Some("tel:12345"));
        assert_eq!(safe_link("https://a.cn/x").map(|l| l.href()).as_deref(), Some("https://a.cn/x"));
        assert!(safe_link("javascript:x").is_none());
    }
}
