//! Web server access logs in the combined format (nginx's default `combined`, Apache's
//! `%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"`), plain or gzip (also several gzip
//! members, as logrotate writes them):
//!
//! `203.0.113.9 - - [06/Dec/2026:10:15:32 +0800] "GET /feedback?v=1&t=nr&q=... HTTP/1.1" 200 0 "-" "Mozilla/5.0 …"`
//!
//! Only the time, the request line and the status are read; the address, referrer and user
//! agent are never looked at or kept. Lines are read with a hard length cap so memory stays
//! bounded on any input; the rest of a longer line is skipped.

use flate2::read::MultiGzDecoder;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Longer lines are skipped (a request line of a real signal is under 2.5 KB).
pub const MAX_LINE_BYTES: usize = 16 * 1024;

/// A reader of lines capped at `MAX_LINE_BYTES`.
pub struct LineReader {
    inner: Box<dyn BufRead>,
    line: Vec<u8>,
}

/// One line: its bytes, or the fact that it was too long.
pub enum Line<'a> {
    Text(&'a [u8]),
    TooLong,
}

impl LineReader {
    /// Opens a log file (`-`: standard input); gzip (recognised by its magic bytes) is decompressed.
    pub fn open(path: &Path) -> std::io::Result<LineReader> {
        let source: Box<dyn std::io::Read> =
            if path.as_os_str() == "-" { Box::new(std::io::stdin()) } else { Box::new(std::fs::File::open(path)?) };
        let mut file = BufReader::with_capacity(256 * 1024, source);
        let gzip = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let inner: Box<dyn BufRead> =
            if gzip { Box::new(BufReader::with_capacity(256 * 1024, MultiGzDecoder::new(file))) } else { Box::new(file) };
        Ok(LineReader::new(inner))
    }

    pub fn new(inner: Box<dyn BufRead>) -> LineReader {
        LineReader { inner, line: Vec::with_capacity(4096) }
    }

    /// The next line without its `\n` (and `\r`), `None` at the end.
    pub fn next_line(&mut self) -> std::io::Result<Option<Line<'_>>> {
        self.line.clear();
        let mut too_long = false;
        let mut read_any = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                if !read_any {
                    return Ok(None);
                }
                break;
            }
            read_any = true;
            let (chunk, used, done) = match available.iter().position(|b| *b == b'\n') {
                Some(end) => (&available[..end], end + 1, true),
                None => (available, available.len(), false),
            };
            if !too_long {
                if self.line.len() + chunk.len() > MAX_LINE_BYTES {
                    too_long = true;
                    self.line.clear();
                } else {
                    self.line.extend_from_slice(chunk);
                }
            }
            self.inner.consume(used);
            if done {
                break;
            }
        }
        if too_long {
            return Ok(Some(Line::TooLong));
        }
        if self.line.last() == Some(&b'\r') {
            self.line.pop();
        }
        Ok(Some(Line::Text(&self.line)))
    }
}

/// A log's local time, to the hour (the report needs no more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogHour {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
}

/// The parts of a combined-format line the report reads.
#[derive(Debug)]
pub struct Request<'a> {
    pub time: LogHour,
    pub method: &'a str,
    /// The path, without the query (`/feedback`).
    pub path: &'a str,
    /// The query string without `?` (may be empty).
    pub query: &'a str,
}

/// Why a line could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineProblem {
    /// Not `… [time] "request" status …`.
    Malformed,
    BadTime,
    /// The request line is not UTF-8.
    NotUtf8,
}

impl LineProblem {
    pub fn code(self) -> &'static str {
        match self {
            LineProblem::Malformed => "malformed_line",
            LineProblem::BadTime => "bad_time",
            LineProblem::NotUtf8 => "invalid_utf8",
        }
    }
}

/// Parses one combined-format line.
pub fn parse_line(line: &[u8]) -> Result<Request<'_>, LineProblem> {
    let open = line.iter().position(|b| *b == b'[').ok_or(LineProblem::Malformed)?;
    let close = open + line[open..].iter().position(|b| *b == b']').ok_or(LineProblem::Malformed)?;
    let time = parse_time(&line[open + 1..close]).ok_or(LineProblem::BadTime)?;
    let rest = line[close + 1..].strip_prefix(b" \"").ok_or(LineProblem::Malformed)?;
    // The request ends at the next unescaped quote (Apache writes \" inside, nginx \x22).
    let mut end = None;
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            b'\\' => i += 2,
            b'"' => {
                end = Some(i);
                break;
            }
            _ => i += 1,
        }
    }
    let end = end.ok_or(LineProblem::Malformed)?;
    let after = &rest[end + 1..];
    let status_ok = after.len() >= 4 && after[0] == b' ' && after[1..4].iter().all(u8::is_ascii_digit) && after.get(4).is_none_or(|b| *b == b' ');
    if !status_ok {
        return Err(LineProblem::Malformed);
    }
    let request = std::str::from_utf8(&rest[..end]).map_err(|_| LineProblem::NotUtf8)?;
    let mut parts = request.split(' ');
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else { return Err(LineProblem::Malformed) };
    if method.is_empty() || target.is_empty() || parts.clone().count() > 1 {
        return Err(LineProblem::Malformed);
    }
    // Absolute-form targets (`GET http://host/feedback?…`, as proxies log them).
    let target = match target.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => {
            rest.find('/').map(|slash| &rest[slash..]).unwrap_or("/")
        }
        _ => target,
    };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    Ok(Request { time, method, path, query })
}

/// `06/Dec/2026:10:15:32 +0800` → the hour (in the log's own zone).
fn parse_time(text: &[u8]) -> Option<LogHour> {
    let text = std::str::from_utf8(text).ok()?;
    let (date, rest) = text.split_once(':')?;
    let mut date_parts = date.split('/');
    let day: u8 = date_parts.next().filter(|d| d.len() == 2)?.parse().ok()?;
    let month_name = date_parts.next()?;
    let year: i32 = date_parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|m| *m == month_name)? as u8 + 1;
    let hour: u8 = rest.get(..2)?.parse().ok().filter(|h| *h < 24)?;
    mingbai_core::IsoDate::from_ymd(year, month, day)?;
    Some(LogHour { year, month, day, hour })
}

/// Every line of `bytes`, read through a tiny buffer (`None`: too long).
#[cfg(test)]
fn lines_of(bytes: &'static [u8]) -> Vec<Option<Vec<u8>>> {
    let mut reader = LineReader::new(Box::new(BufReader::with_capacity(7, bytes)));
    let mut out = Vec::new();
    while let Some(line) = reader.next_line().unwrap() {
        out.push(match line {
            Line::Text(t) => Some(t.to_vec()),
            Line::TooLong => None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nginx_and_apache_lines() {
        let nginx = br#"203.0.113.9 - - [06/Dec/2026:10:15:32 +0800] "GET /feedback?v=1&t=nr&q=a HTTP/1.1" 200 0 "-" "Mozilla/5.0 (X11) \"x\"""#;
        let r = parse_line(nginx).unwrap();
        assert_eq!((r.method, r.path, r.query), ("GET", "/feedback", "v=1&t=nr&q=a"));
        assert_eq!(r.time, LogHour { year: 2026, month: 12, day: 6, hour: 10 });
        let apache = br#"::1 - frank [10/Oct/2026:13:55:36 -0700] "POST http://example.org/f?v=1&t=hl&k=qa HTTP/1.0" 204 - "-" "-""#;
        let r = parse_line(apache).unwrap();
        assert_eq!((r.method, r.path, r.query), ("POST", "/f", "v=1&t=hl&k=qa"));
        assert_eq!(parse_line(b"garbage").unwrap_err(), LineProblem::Malformed);
        assert_eq!(parse_line(b"x [31/Feb/2026:00:00:00 +0000] \"GET / HTTP/1.1\" 200 1").unwrap_err(), LineProblem::BadTime);
        assert_eq!(parse_line(b"x [01/Feb/2026:00:00:00 +0000] \"GET /\xff HTTP/1.1\" 200 1").unwrap_err(), LineProblem::NotUtf8);
        assert_eq!(parse_line(b"x [01/Feb/2026:00:00:00 +0000] \"GET / HTTP/1.1 200 1").unwrap_err(), LineProblem::Malformed);
    }

    #[test]
    fn caps_line_length() {
        let long: &'static [u8] = Box::leak(format!("a\n{}\nb\r\nc", "x".repeat(MAX_LINE_BYTES + 1)).into_bytes().into_boxed_slice());
        assert_eq!(lines_of(long), vec![Some(b"a".to_vec()), None, Some(b"b".to_vec()), Some(b"c".to_vec())]);
    }
}
