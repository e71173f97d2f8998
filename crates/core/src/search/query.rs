//! From what a citizen typed to what is searched: 文号 lookup, filler removal, pinyin and
//! initials conversion, typo repair, synonym expansion, and intent words (申请条件, 办理…)
//! split off so that only the thing asked about decides what matches.

use super::source::Source;
use super::normalize::{is_han, normalize};
use super::synonyms::{Expansion, Synonyms};
use super::terms::Dictionary;
use super::tokens::{query_tokens, runs, split_intent, strip_filler, Run};

pub struct Plan {
    /// Tokens of the (corrected) query.
    pub tokens: Vec<String>,
    /// Extra token groups with their weight: official terms for everyday words, other readings.
    pub expansion_tokens: Vec<(Vec<String>, f32)>,
    /// Token groups that only add to documents found otherwise: intent words ("申请条件") and
    /// their official terms.
    pub boost_tokens: Vec<(Vec<String>, f32)>,
    /// Tokens compared with titles for the title boost.
    pub title_needles: Vec<String>,
    pub corrected: Option<String>,
    /// Other readings of ambiguous initials, searched with less weight ("您是不是要找").
    pub alternatives: Vec<String>,
    pub expansions: Vec<Expansion>,
    /// A policy named by its 文号 goes first.
    pub pinned: Option<u32>,
    /// The text searched (converted, corrected, without question words).
    pub searched: String,
}

pub fn plan<S: Source + ?Sized>(raw: &str, exact: bool, index: &S, dictionary: &Dictionary, synonyms: &Synonyms) -> Plan {
    let folded = normalize(raw);
    let pinned = index.doc_number_match(&folded);
    // An exact search, or a 文号, is taken as typed.
    let repair = !exact && pinned.is_none();
    let known = |a: char, b: char| {
        let mut s = String::with_capacity(8);
        s.push(a);
        s.push(b);
        index.document_frequency(&s) > 0
    };

    // 1. Letters that are not words of the library are pinyin or initials.
    let mut pieces: Vec<(Run, bool)> = Vec::new();
    // Other readings of ambiguous letters: (piece, char offset, chars replaced, other text).
    let mut others: Vec<(usize, usize, usize, String)> = Vec::new();
    // Letters read as words: (piece, char offset, letters, characters). Initials have one
    // character per letter; full pinyin fewer.
    let mut initials: Vec<(usize, usize, String, usize)> = Vec::new();
    // Characters of the last group of letters converted, when the last piece ends with one.
    let mut last_group: Option<usize> = None;
    for (run, spaced) in spaced_runs(&folded) {
        match run {
            Run::Word(word) if repair && word.chars().all(|c| c.is_ascii_lowercase()) && index.document_frequency(&word) == 0 => {
                let left = match pieces.last() {
                    Some((Run::Han(chars), _)) => chars.last().copied(),
                    _ => None,
                };
                let mut readings = dictionary.convert_letters(&word, left, &known).into_iter();
                match readings.next() {
                    Some(han) => {
                        let len = han.chars().count();
                        // A space the user typed between two words keeps them apart:
                        // "shigong zuoye" is 施工 and 作业, not the run 施工作业 (whose middle
                        // pair 工作 would match any text about work). Spaced syllables
                        // ("yang lao bao xian") still make one word.
                        let apart = spaced && len >= 2 && last_group.is_some_and(|n| n >= 2);
                        let (piece, offset) = if apart {
                            pieces.push((Run::Han(han.chars().collect()), true));
                            (pieces.len() - 1, 0)
                        } else {
                            push_han(&mut pieces, han.chars().collect(), true)
                        };
                        last_group = Some(len);
                        if len >= 2 {
                            initials.push((piece, offset, word.clone(), len));
                        }
                        others.extend(readings.map(|other| (piece, offset, len, other)));
                    }
                    None => {
                        pieces.push((Run::Word(word), false));
                        last_group = None;
                    }
                }
            }
            Run::Han(chars) => {
                push_han(&mut pieces, chars, false);
                last_group = None;
            }
            other => {
                pieces.push((other, false));
                last_group = None;
            }
        }
    }
    let mut pieces: Vec<Run> = pieces.into_iter().map(|(run, _)| run).collect();
    if repair && !initials.is_empty() {
        choose_readings_together(&mut pieces, &initials, index, dictionary);
    }
    let converted = join(&pieces);
    let alternatives: Vec<String> = others
        .iter()
        .map(|(piece, offset, len, other)| {
            let mut alt = pieces.clone();
            if let Run::Han(chars) = &mut alt[*piece] {
                chars.splice(*offset..*offset + *len, other.chars());
            }
            strip_filler(&join(&alt)).split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();

    // 2. Question words go (after conversion, so `zenme` → 怎么 goes too); then Han runs with
    //    pairs the library never uses are checked for typos.
    let stripped = strip_filler(&converted);
    let mut pieces = runs(&stripped);
    if repair {
        for piece in pieces.iter_mut() {
            if let Run::Han(chars) = piece {
                if let Some(fixed) = dictionary.correct_run(chars, &known) {
                    *chars = fixed;
                }
            }
        }
    }
    let searched = join(&pieces);
    let literal = join(&runs(&strip_filler(&folded)));
    let corrected = (searched != literal && !searched.is_empty()).then(|| searched.clone());

    // 3. Everyday words → official terms the library uses; other readings of initials; and,
    //    when a typo was repaired, the words as typed, all with less weight. Intent words
    //    ("申请条件", "办理") and their terms only order what the rest of the query found.
    let usable = |term: &str| query_tokens(term).iter().all(|t| index.document_frequency(t) > 0);
    let expansions = synonyms.expand(&searched, usable);
    let protected: Vec<&str> = expansions.iter().map(|e| e.from.as_str()).collect();
    let (core, intent) = split_intent(&searched, &protected);
    let mut expansion_tokens: Vec<(Vec<String>, f32)> = Vec::new();
    let mut boost_tokens: Vec<(Vec<String>, f32)> = Vec::new();
    for e in &expansions {
        if core.contains(e.from.as_str()) {
            expansion_tokens.push((query_tokens(&e.to), 0.8));
        } else {
            boost_tokens.push((query_tokens(&e.to), 0.25));
        }
    }
    expansion_tokens.extend(alternatives.iter().map(|a| (query_tokens(a), 0.9)));
    if searched != join(&runs(&stripped)) {
        expansion_tokens.push((query_tokens(&split_intent(&stripped, &protected).0), 0.4));
    }
    if !intent.is_empty() {
        boost_tokens.push((query_tokens(&intent), 0.3));
    }
    let mut tokens = query_tokens(&core);
    let seams = seam_pairs(&core, |pair| index.document_frequency(pair));
    if !seams.is_empty() && seams.len() < tokens.len() {
        tokens.retain(|t| !seams.contains(t));
        boost_tokens.push((seams, SEAM_WEIGHT));
    }
    // Words the user spaced apart still favour text that has them side by side, a little.
    let across: Vec<String> = core
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .filter_map(|w| Some(format!("{}{}", w[0].chars().last().filter(|c| is_han(*c))?, w[1].chars().next().filter(|c| is_han(*c))?)))
        .filter(|pair| !tokens.contains(pair))
        .collect();
    if !across.is_empty() {
        boost_tokens.push((across, SEAM_WEIGHT));
    }
    Plan { title_needles: tokens.clone(), tokens, expansion_tokens, boost_tokens, corrected, alternatives, expansions, pinned, searched }
}

/// Letters are ambiguous word by word (initials zy: 职业, 指引, 执业 …; pinyin zhiye: 职业, 执业,
/// 置业), much less so together: when the readings picked one word at a time never occur together
/// in any document ("zy sh" → 指引 社会), the combination of readings that does, most established
/// words first, replaces them ("执业 审核"). Words typed in Han characters must occur with them
/// too. Readings keep their length, so the pieces' offsets stay valid.
fn choose_readings_together<S: Source + ?Sized>(pieces: &mut [Run], initials: &[(usize, usize, String, usize)], index: &S, dictionary: &Dictionary) {
    const READINGS: usize = 6;
    const BEAM: usize = 16;
    let text_at = |pieces: &[Run], piece: usize, offset: usize, len: usize| -> String {
        match &pieces[piece] {
            Run::Han(chars) => chars[offset..offset + len].iter().collect(),
            Run::Word(word) => word.clone(),
        }
    };
    // Han runs the user typed (no initials in them) constrain the choice.
    let fixed: Vec<String> = pieces
        .iter()
        .enumerate()
        .filter(|(i, run)| matches!(run, Run::Han(chars) if chars.len() >= 2) && !initials.iter().any(|(p, _, _, _)| p == i))
        .map(|(_, run)| match run {
            Run::Han(chars) => chars.iter().collect(),
            Run::Word(word) => word.clone(),
        })
        .collect();
    // Past a few groups a query is not a list of initials but letters pasted in: leave it.
    const MAX_GROUPS: usize = 6;
    if initials.len() + fixed.len() < 2 || initials.len() > MAX_GROUPS {
        return;
    }
    let mut base: Option<Vec<u32>> = None;
    for word in &fixed {
        base = Some(intersect(base, documents_with(index, word)));
    }
    let current: Vec<String> = initials.iter().map(|(p, o, _, len)| text_at(pieces, *p, *o, *len)).collect();
    let mut together = base.clone();
    for word in &current {
        together = Some(intersect(together, documents_with(index, word)));
    }
    if together.as_ref().is_some_and(|d| !d.is_empty()) {
        return;
    }
    // Beam over the groups: (sum of reading ranks, readings, documents holding them all).
    let mut beam: Vec<(usize, Vec<String>, Option<Vec<u32>>)> = vec![(0, Vec::new(), base)];
    for ((_, _, letters, len), now) in initials.iter().zip(&current) {
        let mut readings: Vec<String> = vec![now.clone()];
        let others = if letters.len() == *len { dictionary.initials_readings(letters, READINGS) } else { dictionary.pinyin_readings(letters, READINGS) };
        for (text, _) in others {
            if text.chars().count() == *len && !readings.contains(&text) {
                readings.push(text);
            }
        }
        let mut next = Vec::new();
        for (rank_sum, chosen, docs) in &beam {
            for (rank, text) in readings.iter().enumerate() {
                let docs = intersect(docs.clone(), documents_with(index, text));
                if docs.is_empty() {
                    continue;
                }
                let mut chosen = chosen.clone();
                chosen.push(text.clone());
                next.push((rank_sum + rank, chosen, Some(docs)));
            }
        }
        crate::browse::sort_any(&mut next, |a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        next.truncate(BEAM);
        if next.is_empty() {
            return;
        }
        beam = next;
    }
    let Some((_, chosen, _)) = beam.into_iter().next() else { return };
    for ((piece, offset, _, len), text) in initials.iter().zip(chosen) {
        if let Run::Han(chars) = &mut pieces[*piece] {
            chars.splice(*offset..*offset + len, text.chars());
        }
    }
}

/// Documents holding every character pair of `word`, sorted.
fn documents_with<S: Source + ?Sized>(index: &S, word: &str) -> Vec<u32> {
    let mut docs: Option<Vec<u32>> = None;
    for token in query_tokens(word) {
        let mut these: Vec<u32> = index.postings(&token).iter().map(|p| p.doc).collect();
        these.sort_unstable();
        docs = Some(intersect(docs, these));
    }
    docs.unwrap_or_default()
}

/// Sorted intersection; `None` is "every document".
fn intersect(a: Option<Vec<u32>>, b: Vec<u32>) -> Vec<u32> {
    let Some(a) = a else { return b };
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// How much a pair across a word seam still counts: a little, for text that has the words
/// side by side.
const SEAM_WEIGHT: f32 = 0.3;

/// Pairs that straddle the seam between two words ("政策有效" → 策有, "养老补贴" → 老补): far
/// rarer in the library than the pairs on both sides of them. Matching them would favour any
/// text that happens to hold the two characters together ("涉企政策有意见") over the text that
/// answers the question, so they only order what the words found. Edge pairs always count.
pub fn seam_pairs(core: &str, document_frequency: impl Fn(&str) -> usize) -> Vec<String> {
    let mut seams = Vec::new();
    for run in runs(core) {
        let Run::Han(chars) = run else { continue };
        let pairs: Vec<String> = chars.windows(2).map(|p| p.iter().collect()).collect();
        let df: Vec<usize> = pairs.iter().map(|p| document_frequency(p)).collect();
        for i in 1..pairs.len().saturating_sub(1) {
            if df[i] > 0 && df[i] * 4 <= df[i - 1].min(df[i + 1]) && !seams.contains(&pairs[i]) {
                seams.push(pairs[i].clone());
            }
        }
    }
    seams
}

/// Runs of the text, each with whether whitespace came before it.
fn spaced_runs(text: &str) -> Vec<(Run, bool)> {
    let mut out = Vec::new();
    for (i, chunk) in text.split_whitespace().enumerate() {
        for (j, run) in runs(chunk).into_iter().enumerate() {
            out.push((run, i > 0 && j == 0));
        }
    }
    out
}

/// Appends Han characters; converted text joins the Han run beside it (养老 + bx→保险 is one
/// run), while runs the user separated stay apart. Returns (piece, offset) of the new text.
fn push_han(pieces: &mut Vec<(Run, bool)>, chars: Vec<char>, converted: bool) -> (usize, usize) {
    let last = pieces.len().wrapping_sub(1);
    match pieces.last_mut() {
        Some((Run::Han(prev), prev_converted)) if converted || *prev_converted => {
            let offset = prev.len();
            prev.extend(chars);
            *prev_converted = converted;
            (last, offset)
        }
        _ => {
            pieces.push((Run::Han(chars), converted));
            (pieces.len() - 1, 0)
        }
    }
}

/// Runs back to text: Han runs touch, words are separated by spaces.
fn join(pieces: &[Run]) -> String {
    let mut out = String::new();
    for piece in pieces {
        if !out.is_empty() {
            out.push(' ');
        }
        match piece {
            Run::Han(chars) => out.extend(chars),
            Run::Word(word) => out.push_str(word),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{intersect, seam_pairs, spaced_runs, Run};

    #[test]
    fn intersect_keeps_common_documents_and_none_is_everything() {
        assert_eq!(intersect(None, vec![1, 4, 9]), vec![1, 4, 9]);
        assert_eq!(intersect(Some(vec![1, 3, 4, 8, 9]), vec![0, 4, 9, 10]), vec![4, 9]);
        assert!(intersect(Some(vec![]), vec![1]).is_empty());
    }

    #[test]
    fn runs_know_whether_the_user_typed_a_space_before_them() {
        let got: Vec<(Run, bool)> = spaced_runs("shigong zuoye养老 bx");
        let spaced: Vec<bool> = got.iter().map(|(_, s)| *s).collect();
        assert_eq!(spaced, [false, true, false, true]);
        assert_eq!(got[2].0, Run::Han("养老".chars().collect()));
    }

    fn df(pair: &str) -> usize {
        match pair {
            "政策" => 87,
            "策有" => 1,
            "有效" => 10,
            "社会" => 38,
            "会保" => 18,
            "保险" => 17,
            "张图" | "图看" => 0,
            "一张" => 5,
            "看懂" => 6,
            _ => 0,
        }
    }

    #[test]
    fn a_rare_pair_between_two_common_words_is_a_seam() {
        assert_eq!(seam_pairs("政策有效", df), vec!["策有".to_string()]);
    }

    #[test]
    fn words_that_belong_together_and_unknown_pairs_are_not_seams() {
        // 会保 is common enough: 社会保险 is one term, its middle pair still decides.
        assert!(seam_pairs("社会保险", df).is_empty());
        // Pairs the library never uses add nothing either way; they keep counting as typed.
        assert!(seam_pairs("一张图看懂", df).is_empty());
        // Edge pairs always count; two-character words have no middle.
        assert!(seam_pairs("策有效", df).is_empty());
        assert!(seam_pairs("政策 有效", df).is_empty());
    }
}
