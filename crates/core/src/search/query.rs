//! From what a citizen typed to what is searched: 文号 lookup, filler removal, pinyin and
//! initials conversion, typo repair, synonym expansion.

use super::index::InvertedIndex;
use super::normalize::normalize;
use super::synonyms::{Expansion, Synonyms};
use super::terms::Dictionary;
use super::tokens::{query_tokens, runs, strip_filler, Run};

pub struct Plan {
    /// Tokens of the (corrected) query.
    pub tokens: Vec<String>,
    /// Tokens of each official term an everyday word was expanded to.
    pub expansion_tokens: Vec<(Vec<String>, String)>,
    /// Tokens compared with titles for the title boost.
    pub title_needles: Vec<String>,
    pub corrected: Option<String>,
    pub expansions: Vec<Expansion>,
    /// A policy named by its 文号 goes first.
    pub pinned: Option<u32>,
}

pub fn plan(raw: &str, index: &InvertedIndex, dictionary: &Dictionary, synonyms: &Synonyms) -> Plan {
    let folded = normalize(raw);
    let pinned = index.doc_number_match(&folded);
    let stripped = strip_filler(&folded);
    let known = |a: char, b: char| {
        let mut s = String::with_capacity(8);
        s.push(a);
        s.push(b);
        index.document_frequency(&s) > 0
    };

    // 1. Letters that are not words of the library are pinyin or initials.
    let mut pieces: Vec<(Run, bool)> = Vec::new();
    for run in runs(&stripped) {
        match run {
            Run::Word(word) if pinned.is_none() && word.chars().all(|c| c.is_ascii_lowercase()) && index.document_frequency(&word) == 0 => {
                let left = match pieces.last() {
                    Some((Run::Han(chars), _)) => chars.last().copied(),
                    _ => None,
                };
                match dictionary.convert_letters(&word, left, &known) {
                    Some(han) => push_han(&mut pieces, han.chars().collect(), true),
                    None => pieces.push((Run::Word(word), false)),
                }
            }
            Run::Han(chars) => push_han(&mut pieces, chars, false),
            other => pieces.push((other, false)),
        }
    }
    // 2. Han runs with bigrams the library never uses are probably typos.
    if pinned.is_none() {
        for (piece, _) in pieces.iter_mut() {
            if let Run::Han(chars) = piece {
                if let Some(fixed) = dictionary.correct_run(chars, &known) {
                    *chars = fixed;
                }
            }
        }
    }
    let pieces: Vec<Run> = pieces.into_iter().map(|(run, _)| run).collect();
    let searched = join(&pieces);
    let corrected = (searched != join(&runs(&stripped)) && !searched.is_empty()).then(|| searched.clone());

    // 3. Everyday words → official terms.
    let expansions = synonyms.expand(&searched);
    let expansion_tokens = expansions.iter().map(|e| (query_tokens(&e.to), e.to.clone())).collect();
    let tokens = query_tokens(&searched);
    Plan { title_needles: tokens.clone(), tokens, expansion_tokens, corrected, expansions, pinned }
}

/// Appends Han characters; converted text joins the Han run beside it (养老 + bx→保险 is one
/// run), while runs the user separated stay apart.
fn push_han(pieces: &mut Vec<(Run, bool)>, chars: Vec<char>, converted: bool) {
    match pieces.last_mut() {
        Some((Run::Han(prev), prev_converted)) if converted || *prev_converted => {
            prev.extend(chars);
            *prev_converted = converted;
        }
        _ => pieces.push((Run::Han(chars), converted)),
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
