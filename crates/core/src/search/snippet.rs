//! Snippets with the matched text marked, as plain segments (never HTML): the app renders a
//! highlighted segment as `<mark>` with the text as a text node.

use super::normalize::normalize;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    /// True for text that matches the query.
    pub hit: bool,
}

const WINDOW: usize = 72;
const LEAD: usize = 18;

/// The best window of `texts` around the query's terms (`needles`: bigrams, single characters,
/// words), cut into highlighted and plain segments.
pub fn snippet(texts: &[&str], needles: &[String]) -> Vec<Segment> {
    let needles: Vec<Vec<char>> = needles
        .iter()
        .map(|n| n.strip_prefix("1:").unwrap_or(n).chars().collect::<Vec<char>>())
        .filter(|n| !n.is_empty())
        .collect();
    let mut best: Option<(usize, Vec<char>, Vec<bool>)> = None;
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        let chars: Vec<char> = text.chars().collect();
        let folded: Vec<char> = normalize(text).chars().collect();
        let marks = mark(&folded, &needles);
        let hits = marks.iter().filter(|m| **m).count();
        if best.as_ref().is_none_or(|(h, _, _)| hits > *h) {
            best = Some((hits, chars, marks));
        }
    }
    let Some((_, chars, marks)) = best else { return Vec::new() };
    let first = marks.iter().position(|m| *m).unwrap_or(0);
    let start = first.saturating_sub(LEAD);
    let end = (start + WINDOW).min(chars.len());
    let mut segments: Vec<Segment> = Vec::new();
    if start > 0 {
        segments.push(Segment { text: "…".into(), hit: false });
    }
    for i in start..end {
        match segments.last_mut() {
            Some(last) if last.hit == marks[i] && !(i == start && start > 0) => last.text.push(chars[i]),
            _ => segments.push(Segment { text: chars[i].to_string(), hit: marks[i] }),
        }
    }
    if end < chars.len() {
        segments.push(Segment { text: "…".into(), hit: false });
    }
    segments
}

/// Marks every character covered by an occurrence of a needle.
fn mark(text: &[char], needles: &[Vec<char>]) -> Vec<bool> {
    let mut marks = vec![false; text.len()];
    for needle in needles {
        if needle.len() > text.len() {
            continue;
        }
        for start in 0..=text.len() - needle.len() {
            if text[start..start + needle.len()] == needle[..] {
                marks[start..start + needle.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_matches_and_keeps_text_plain() {
        let s = snippet(&["无关", "申请<b>政府信息公开</b>的渠道"], &["信息".into(), "公开".into()]);
        let text: String = s.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(text, "申请<b>政府信息公开</b>的渠道");
        assert!(s.iter().any(|x| x.hit && x.text == "信息公开"));
    }

    #[test]
    fn long_text_is_cut_around_the_first_match() {
        let long = format!("{}养老保险{}", "甲".repeat(100), "乙".repeat(100));
        let s = snippet(&[&long], &["养老".into(), "保险".into()]);
        assert_eq!(s.first().unwrap().text, "…");
        assert_eq!(s.last().unwrap().text, "…");
        assert!(s.iter().any(|x| x.hit && x.text == "养老保险"));
    }
}
