//! Repairs PDF-extraction debris in one line of Chinese text: stray spaces inside words,
//! half-width punctuation beside Chinese text, bold markers, page marks and font-encoding noise.

/// True for characters of Chinese running text: CJK ideographs, CJK and full-width
/// punctuation, curly quotes, the em dash and the ellipsis.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303f | 0x3400..=0x9fff | 0xff00..=0xffef | 0x2018..=0x201d | 0x2014 | 0x2026)
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9fff)
}

/// A page mark printed in the footer: "— 1 —", "-1-", "－ 2 －", "第 3 页", "第3页 共9页".
pub fn is_page_mark(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let dashes = |c: char| matches!(c, '—' | '–' | '-' | '－' | '─');
    let digits = t.trim_matches(dashes);
    if !digits.is_empty() && digits.len() < t.len() && digits.chars().all(|c| c.is_ascii_digit()) {
        let lead = t.chars().next().is_some_and(dashes);
        let tail = t.chars().last().is_some_and(dashes);
        return lead && tail;
    }
    if let Some(rest) = t.strip_prefix('第') {
        let (page, rest) = rest.split_once('页').unwrap_or(("", ""));
        let total_ok = rest.is_empty()
            || rest.strip_prefix('共').and_then(|r| r.strip_suffix('页')).is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        return !page.is_empty() && page.chars().all(|c| c.is_ascii_digit()) && total_ok;
    }
    false
}

/// A line left over from a broken PDF font encoding: Latin letters and symbols, no Chinese.
/// Only used before the document's first Chinese line (an English line in the body is text).
pub fn is_encoding_noise(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.chars().any(is_cjk) && t.chars().any(|c| c.is_ascii_alphabetic())
}

/// Repairs one line or table cell. Spaces between two Chinese characters inside a quotation
/// (“走进科技 你我同行”) are kept: in slogans they are text, elsewhere they are extraction debris.
pub fn normalise(text: &str) -> String {
    let text = text.replace("**", "").replace(['\t', '\u{a0}'], " ");
    let chars: Vec<char> = text.trim().chars().collect();
    // Half-width , : ; ( ) beside Chinese text become full-width.
    let mut widened: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let full = match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            _ => {
                widened.push(c);
                continue;
            }
        };
        let before = chars[..i].iter().rev().find(|c| !c.is_whitespace()).copied();
        let after = chars[i + 1..].iter().find(|c| !c.is_whitespace()).copied();
        let touches_cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
        if touches_cjk {
            // Drop the spaces between the mark and the Chinese text.
            while widened.last().is_some_and(|c| c.is_whitespace()) {
                widened.pop();
            }
            widened.push(full);
        } else {
            widened.push(c);
        }
    }
    // Spaces beside Chinese characters go, except single spaces between two Han characters
    // inside curly quotes; runs of spaces elsewhere become one.
    let mut out = String::with_capacity(text.len());
    let mut quote_depth = 0i32;
    let mut i = 0;
    while i < widened.len() {
        let c = widened[i];
        match c {
            '“' => quote_depth += 1,
            '”' => quote_depth = (quote_depth - 1).max(0),
            _ => {}
        }
        if c.is_whitespace() {
            let start = i;
            while i < widened.len() && widened[i].is_whitespace() {
                i += 1;
            }
            let before = if start > 0 { Some(widened[start - 1]) } else { None };
            let after = widened.get(i).copied();
            let slogan = quote_depth > 0 && i - start == 1 && before.is_some_and(is_han) && after.is_some_and(is_han);
            let beside_cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
            if slogan || (!beside_cjk && before.is_some() && after.is_some()) {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_spaces_and_punctuation() {
        assert_eq!(normalise("关于印发 2024 年槐荫区政务公开工作要点"), "关于印发2024年槐荫区政务公开工作要点");
        assert_eq!(normalise("的 通 知"), "的通知");
        assert_eq!(normalise("(如“在淄外籍人士 20 人”)"), "（如“在淄外籍人士20人”）");
        assert_eq!(normalise("(如“走进科技 你我同行”)"), "（如“走进科技 你我同行”）");
        assert_eq!(normalise("**临淄区人民政府办公室"), "临淄区人民政府办公室");
        assert_eq!(normalise("IPv6 改造, 持续"), "IPv6改造，持续");
        assert_eq!(normalise("see  the   text"), "see the text");
    }

    #[test]
    fn page_marks() {
        for mark in ["— 1 —", "— 1—", "-1-", "- 12 -", "－3－", "第 2 页", "第2页共9页"] {
            assert!(is_page_mark(mark), "{mark}");
        }
        for text in ["1", "一、总体要求", "2024", "-", "第一章"] {
            assert!(!is_page_mark(text), "{text}");
        }
    }
}
