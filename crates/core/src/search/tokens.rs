//! Tokens: Han character bigrams (and single characters, for one-character queries), ASCII words
//! and numbers. Indexing and querying share this, so they always agree.

use super::normalize::{is_han, is_word_char, normalize_char};

/// A maximal run of Han characters, or an ASCII word/number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Han(Vec<char>),
    Word(String),
}

/// Splits normalised text into Han runs and ASCII words; everything else separates them.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut current: Option<Run> = None;
    for c in text.chars().map(normalize_char) {
        match (&mut current, is_han(c), is_word_char(c)) {
            (Some(Run::Han(chars)), true, _) => chars.push(c),
            (Some(Run::Word(word)), _, true) => word.push(c),
            (_, true, _) => out.extend(current.replace(Run::Han(vec![c]))),
            (_, _, true) => out.extend(current.replace(Run::Word(c.to_string()))),
            _ => out.extend(current.take()),
        }
    }
    out.extend(current);
    out
}

/// Calls `emit` for every indexed token of `text`: each Han character (prefixed `1:` so it
/// never collides with a bigram), each Han bigram, and each ASCII word.
pub fn for_each_token(text: &str, mut emit: impl FnMut(&str)) {
    let mut buf = String::new();
    for run in runs(text) {
        match run {
            Run::Han(chars) => {
                for c in &chars {
                    buf.clear();
                    buf.push_str("1:");
                    buf.push(*c);
                    emit(&buf);
                }
                for pair in chars.windows(2) {
                    buf.clear();
                    buf.extend(pair);
                    emit(&buf);
                }
            }
            Run::Word(word) => emit(&word),
        }
    }
}

/// The tokens a query searches for: the bigrams of each Han run (its one character when the run
/// has only one: single characters of longer runs match too much), and ASCII words. No repeats.
pub fn query_tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut push = |t: String| {
        if !tokens.contains(&t) {
            tokens.push(t);
        }
    };
    for run in runs(text) {
        match run {
            Run::Han(chars) if chars.len() == 1 => push(format!("1:{}", chars[0])),
            Run::Han(chars) => chars.windows(2).for_each(|p| push(p.iter().collect())),
            Run::Word(word) => push(word),
        }
    }
    tokens
}

/// Question words and filler that carry no meaning for matching ("请问…怎么办？").
const FILLER: [&str; 25] = [
    "请问", "怎么办", "怎么样", "怎么", "如何", "在哪里", "在哪儿", "去哪里", "哪里", "哪儿", "在哪", "什么", "有没有", "能不能", "是不是",
    "可不可以", "为什么", "我想", "我要", "我们", "吗", "呢", "吧", "啊", "呀",
];

/// Removes filler words, keeping the text when nothing else would be left.
pub fn strip_filler(query: &str) -> String {
    let mut out = query.to_string();
    for filler in FILLER {
        out = out.replace(filler, " ");
    }
    if out.chars().any(|c| is_han(c) || is_word_char(c)) {
        out
    } else {
        query.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_token(text, |t| v.push(t.to_string()));
        v
    }

    #[test]
    fn han_bigrams_singles_and_words() {
        assert_eq!(all("养老保险"), ["1:养", "1:老", "1:保", "1:险", "养老", "老保", "保险"]);
        assert_eq!(all("ＡＢ 12号"), ["ab", "12", "1:号"]);
    }

    #[test]
    fn query_uses_singles_only_for_one_character_runs() {
        assert_eq!(query_tokens("养老保险"), ["养老", "老保", "保险"]);
        assert_eq!(query_tokens("房"), ["1:房"]);
        assert_eq!(query_tokens("房 补贴"), ["1:房", "补贴"]);
        assert_eq!(query_tokens("12345热线"), ["12345", "热线"]);
    }

    #[test]
    fn filler_goes_but_meaning_stays() {
        assert_eq!(strip_filler("请问低保怎么办").trim(), "低保");
        assert_eq!(strip_filler("什么"), "什么");
    }
}
