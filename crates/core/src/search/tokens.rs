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
/// "A不A" questions (好不好, 要不要) and 哪些/啥 go too: library questions are full of them
/// ("有哪些就业支持政策"), so they would match any question instead of the one asked.
const FILLER: &[&str] = &[
    "请问", "怎么办", "怎么样", "怎么弄", "怎么", "咋办", "咋弄", "咋整", "咋样", "咋", "如何", "在哪里", "在哪儿", "去哪里", "哪里",
    "哪儿", "在哪", "什么", "有没有", "能不能", "是不是", "可不可以", "为什么", "我想", "我要", "我们", "好不好", "要不要", "会不会",
    "行不行", "哪些", "哪个", "知道", "有啥", "啥", "吗", "呢", "吧", "啊", "呀",
];

/// What people add to the thing they ask about: "低保**申请条件**", "公租房**办理流程**",
/// "养老补贴**需要**什么**材料**". Searched with little weight and never needed for a match, so
/// the thing itself decides what is found (longest first: 申请条件 before 条件). Words that are
/// also part of the library's own terms (申请 in 依申请公开, 信息 in 信息公开, 标准 in 标准化,
/// 政策 in 政策解读) are not in the list.
const INTENT: [&str; 14] = [
    "申请条件", "申领条件", "办理条件", "享受条件", "办理流程", "申请流程", "办事流程", "流程", "手续", "材料",
    "条件", "领取", "办理", "需要",
];

/// Intent words that are also inside the library's terms (依申请公开, 申领人): split off when they
/// stand alone ("低保 申请", from "低保怎么申请") or at the start or end of a run of Han
/// characters ("低保申请", "申请低保"), never from the middle, and never from a run that is only
/// the word and one more character.
const EDGE_INTENT: [&str; 2] = ["申请", "申领"];

/// Splits off the intent words: (the thing asked about, the intent words). When nothing but
/// intent words was typed, they are the thing (申请条件 alone is searched as typed). `protected`
/// are phrases found whole in the query (everyday words with a synonym: 申请公开): an edge
/// intent word inside one of them stays.
pub fn split_intent(query: &str, protected: &[&str]) -> (String, String) {
    let mut core = query.to_string();
    let mut intent = Vec::new();
    for word in INTENT {
        if core.contains(word) {
            core = core.replace(word, " ");
            intent.push(word);
        }
    }
    for word in EDGE_INTENT {
        if protected.iter().any(|p| p.contains(word) && query.contains(p)) {
            continue;
        }
        let mut found = false;
        let mut pieces: Vec<String> = Vec::new();
        for piece in core.split(' ') {
            let chars = piece.chars().count();
            let edge = chars >= word.chars().count() + 2 && piece.chars().all(is_han) && (piece.starts_with(word) || piece.ends_with(word));
            if piece == word {
                // A word of its own beside others ("低保 申请", from "低保怎么申请").
                found = true;
            } else if edge {
                found = true;
                let trimmed = piece.strip_prefix(word).unwrap_or(piece);
                pieces.push(trimmed.strip_suffix(word).unwrap_or(trimmed).to_string());
            } else {
                pieces.push(piece.to_string());
            }
        }
        if found {
            core = pieces.join(" ");
            intent.push(word);
        }
    }
    if intent.is_empty() || !core.chars().any(|c| is_han(c) || is_word_char(c)) {
        return (query.to_string(), String::new());
    }
    (core.split_whitespace().collect::<Vec<_>>().join(" "), intent.join(" "))
}

/// Removes filler words, keeping the text when nothing else would be left. A spoken "X不X" or
/// "X没X" question ("收不收钱", "发没发") keeps only its X ("收钱"), as the library would write it.
pub fn strip_filler(query: &str) -> String {
    let mut out = query.to_string();
    for filler in FILLER {
        out = out.replace(filler, " ");
    }
    out = collapse_either_or(&out);
    if out.chars().any(|c| is_han(c) || is_word_char(c)) {
        out
    } else {
        query.to_string()
    }
}

/// "X不X" / "X没X" → "X" for a Han character X.
fn collapse_either_or(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if i + 2 < chars.len() && is_han(c) && matches!(chars[i + 1], '不' | '没') && chars[i + 2] == c && c != chars[i + 1] {
            out.push(c);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
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
    fn intent_words_are_split_off_the_thing_asked_about() {
        assert_eq!(split_intent("低保申请条件", &[]), ("低保".to_string(), "申请条件".to_string()));
        assert_eq!(split_intent("住房租赁补贴办理流程", &[]), ("住房租赁补贴".to_string(), "办理流程".to_string()));
        assert_eq!(split_intent("养老补贴需要 材料", &[]), ("养老补贴".to_string(), "材料 需要".to_string()));
        assert_eq!(split_intent("申请条件", &[]), ("申请条件".to_string(), String::new()), "nothing else: searched as typed");
        assert_eq!(split_intent("养老保险", &[]), ("养老保险".to_string(), String::new()));
    }

    #[test]
    fn apply_is_an_intent_word_only_at_the_edge_of_a_run() {
        assert_eq!(split_intent("低保申请", &[]), ("低保".to_string(), "申请".to_string()));
        assert_eq!(split_intent("申请低保", &[]), ("低保".to_string(), "申请".to_string()));
        assert_eq!(split_intent("低保 申请", &[]), ("低保".to_string(), "申请".to_string()));
        assert_eq!(split_intent("依申请公开", &[]), ("依申请公开".to_string(), String::new()), "inside a term");
        assert_eq!(split_intent("申请", &[]), ("申请".to_string(), String::new()));
        assert_eq!(split_intent("申请书", &[]), ("申请书".to_string(), String::new()), "one character left is no topic");
        assert_eq!(split_intent("申请公开", &["申请公开"]), ("申请公开".to_string(), String::new()), "an everyday phrase with a synonym");
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
        // 哪些 and A不A questions match every library question, so they go too.
        assert_eq!(strip_filler("开公司能享受哪些优惠").split_whitespace().collect::<Vec<_>>(), ["开公司能享受", "优惠"]);
        assert_eq!(strip_filler("今天空气好不好").trim(), "今天空气");
        // Spoken either-or questions keep what they ask about; 不 in words stays.
        assert_eq!(strip_filler("申请公开收不收钱").trim(), "申请公开收钱");
        assert_eq!(strip_filler("补贴发没发").trim(), "补贴发");
        assert_eq!(strip_filler("不得不交"), "不得不交");
        assert_eq!(strip_filler("咋申请低保").trim(), "申请低保");
    }
}
