//! The term dictionary: words and phrases of the library, keyed by text, pinyin, fuzzy pinyin
//! and initials. It turns `yanglaobaoxian`, `ylbx` and `养老bx` into 养老保险, and repairs
//! homophone and shape-alike typos (养老保线 → 养老保险, 低报 → 低保).

use crate::browse::sort_any;
use super::normalize::{is_han, normalize};
use super::pinyin::{initial, readings, segment, syllable_id, syllable_text, Syllable};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Mutex;

#[derive(Debug, Default)]
pub struct Dictionary {
    terms: Vec<(String, f32)>,
    by_text: HashMap<String, u32>,
    by_pinyin: HashMap<Vec<Syllable>, Vec<u32>>,
    by_fuzzy: HashMap<String, Vec<u32>>,
    by_initials: HashMap<String, Vec<u32>>,
    /// The most frequent character of each reading, for a lone syllable no term covers.
    char_for_syllable: HashMap<Syllable, (char, u32)>,
    confusions: HashMap<char, Vec<char>>,
    /// For a dictionary loaded in shards (the sharded index): which shards are here, and which
    /// lookups found theirs missing. `None`: the whole dictionary is here.
    coverage: Option<Coverage>,
}

#[derive(Debug, Default)]
struct Coverage {
    loaded: HashSet<String>,
    /// Shards that exist (others hold nothing and count as loaded); `None`: unknown, all may.
    existing: Option<HashSet<String>>,
    missing: Mutex<BTreeSet<String>>,
}

/// The dictionary shard keyed by a first syllable: `d-` and its fuzzy form (zh/z, n/l… share).
fn syllable_shard(s: Syllable) -> String {
    format!("d-{}", fuzzy_syllable(syllable_text(s)))
}

/// The dictionary shard keyed by the first two initials.
fn initials_shard(letters: &str) -> String {
    format!("i-{}", letters.get(..2).unwrap_or(letters))
}

/// The shard a term's weight is looked up in: that of its first character's first reading.
fn home_shard(text: &str) -> String {
    match text.chars().next().and_then(|c| readings(c).first().copied()) {
        Some(s) => syllable_shard(s),
        None => "d-_".to_string(),
    }
}

/// Longest term (in characters) the dictionary keys.
pub const MAX_TERM: usize = 8;

/// Reading variants of a term (polyphones multiply; capped so odd terms stay cheap).
fn pinyin_keys(chars: &[char]) -> Vec<Vec<Syllable>> {
    let mut keys: Vec<Vec<Syllable>> = vec![Vec::new()];
    for c in chars {
        let options = readings(*c);
        if options.is_empty() {
            return Vec::new();
        }
        let mut next = Vec::new();
        for key in &keys {
            for s in options.iter().take(2) {
                let mut k = key.clone();
                k.push(*s);
                next.push(k);
            }
        }
        next.truncate(4);
        keys = next;
    }
    keys
}

/// Regional and typing confusions that sound alike: zh/z, ch/c, sh/s, n/l, -ng/-n.
pub fn fuzzy_syllable(s: &str) -> String {
    let mut t = s.to_string();
    for (from, to) in [("zh", "z"), ("ch", "c"), ("sh", "s")] {
        if let Some(rest) = t.strip_prefix(from) {
            t = format!("{to}{rest}");
        }
    }
    if let Some(rest) = t.strip_prefix('n') {
        t = format!("l{rest}");
    }
    if t.ends_with("ng") {
        t.pop();
    }
    t
}

fn fuzzy_key(key: &[Syllable]) -> String {
    key.iter().map(|s| fuzzy_syllable(syllable_text(*s))).collect::<Vec<_>>().join("'")
}

impl Dictionary {
    /// Builds from `(text, weight)` pairs; repeated texts add their weights.
    pub fn build(entries: impl IntoIterator<Item = (String, f32)>, char_counts: &HashMap<char, u32>) -> Dictionary {
        let mut d = Dictionary::default();
        for (text, weight) in entries {
            let text = normalize(&text);
            let chars: Vec<char> = text.chars().collect();
            if chars.len() < 2 || chars.len() > MAX_TERM || !chars.iter().all(|c| is_han(*c)) {
                continue;
            }
            if let Some(id) = d.by_text.get(&text) {
                d.terms[*id as usize].1 += weight;
                continue;
            }
            let id = d.terms.len() as u32;
            d.by_text.insert(text.clone(), id);
            for key in pinyin_keys(&chars) {
                d.by_fuzzy.entry(fuzzy_key(&key)).or_default().push(id);
                let initials: String = key.iter().map(|s| initial(*s)).collect();
                d.by_initials.entry(initials).or_default().push(id);
                d.by_pinyin.entry(key).or_default().push(id);
            }
            d.terms.push((text, weight));
        }
        for (c, count) in char_counts {
            if let Some(s) = readings(*c).first() {
                let slot = d.char_for_syllable.entry(*s).or_insert((*c, 0));
                // Ties go to the lower code point, whatever order the counts come in.
                if *count > slot.1 || (*count == slot.1 && *c < slot.0) {
                    *slot = (*c, *count);
                }
            }
        }
        d.load_confusions();
        d
    }

    fn load_confusions(&mut self) {
        for line in super::tables::confusions_text().lines() {
            let mut chars = line.chars();
            if let (Some(typo), Some(meant)) = (chars.next(), chars.next()) {
                self.confusions.entry(typo).or_default().push(meant);
            }
        }
    }

    /// Adds a term (already normalised, 2..=MAX_TERM Han characters) unless it is here.
    fn insert(&mut self, text: String, weight: f32) {
        if self.by_text.contains_key(&text) {
            return;
        }
        let chars: Vec<char> = text.chars().collect();
        let id = self.terms.len() as u32;
        self.by_text.insert(text.clone(), id);
        for key in pinyin_keys(&chars) {
            self.by_fuzzy.entry(fuzzy_key(&key)).or_default().push(id);
            let initials: String = key.iter().map(|s| initial(*s)).collect();
            self.by_initials.entry(initials).or_default().push(id);
            self.by_pinyin.entry(key).or_default().push(id);
        }
        self.terms.push((text, weight));
    }

    /// An empty dictionary to be filled shard by shard (`add_shard`), with the most frequent
    /// character of each reading (`char_for_syllable`).
    pub fn partial(char_for_syllable: &[(String, char)]) -> Dictionary {
        let mut d = Dictionary { coverage: Some(Coverage::default()), ..Dictionary::default() };
        for (syllable, c) in char_for_syllable {
            if let Some(s) = syllable_id(syllable) {
                d.char_for_syllable.insert(s, (*c, 1));
            }
        }
        d.load_confusions();
        d
    }

    /// Adds one shard's terms (see `shards_of`).
    pub fn add_shard(&mut self, name: &str, terms: Vec<(String, f32)>) {
        if let Some(c) = &mut self.coverage {
            c.loaded.insert(name.to_string());
        }
        for (text, weight) in terms {
            let chars = text.chars().count();
            if (2..=MAX_TERM).contains(&chars) && text.chars().all(is_han) {
                self.insert(text, weight);
            }
        }
    }

    /// Names the shards that exist: lookups in any other shard find nothing without asking.
    pub fn set_existing(&mut self, shards: impl IntoIterator<Item = String>) {
        if let Some(c) = &mut self.coverage {
            c.existing = Some(shards.into_iter().collect());
        }
    }

    /// The shards lookups needed but did not find since the last call (partial dictionaries).
    pub fn take_missing(&self) -> Vec<String> {
        match &self.coverage {
            Some(c) => std::mem::take(&mut *c.missing.lock().unwrap_or_else(std::sync::PoisonError::into_inner)).into_iter().collect(),
            None => Vec::new(),
        }
    }

    /// Whether the shard is here; notes it as missing if not.
    fn covered(&self, shard: impl FnOnce() -> String) -> bool {
        let Some(c) = &self.coverage else { return true };
        let shard = shard();
        if c.loaded.contains(&shard) || c.existing.as_ref().is_some_and(|e| !e.contains(&shard)) {
            return true;
        }
        c.missing.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(shard);
        false
    }

    fn pinyin_ids(&self, key: &[Syllable]) -> Option<&Vec<u32>> {
        // Terms have two characters or more: a shorter key has none (and needs no shard).
        if key.len() < 2 || !self.covered(|| syllable_shard(key[0])) {
            return None;
        }
        self.by_pinyin.get(key)
    }

    fn fuzzy_ids(&self, key: &str) -> Option<&Vec<u32>> {
        let first = key.split('\'').next().unwrap_or(key);
        if !key.contains('\'') || !self.covered(|| format!("d-{first}")) {
            return None;
        }
        self.by_fuzzy.get(key)
    }

    fn initials_ids(&self, letters: &str) -> Option<&Vec<u32>> {
        if letters.len() < 2 || !self.covered(|| initials_shard(letters)) {
            return None;
        }
        self.by_initials.get(letters)
    }

    /// The shards a term goes in: its home shard (weight lookups) and those of its pinyin,
    /// fuzzy-pinyin and initials keys. Lookups of a key consult one shard, which holds every
    /// term with that key.
    pub fn shards_of(text: &str) -> BTreeSet<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = BTreeSet::from([home_shard(text)]);
        for key in pinyin_keys(&chars) {
            if let Some(first) = key.first() {
                out.insert(syllable_shard(*first));
            }
            let initials: String = key.iter().map(|s| initial(*s)).collect();
            out.insert(initials_shard(&initials));
        }
        out
    }

    /// Every term with its weight, in insertion order.
    pub fn terms(&self) -> &[(String, f32)] {
        &self.terms
    }

    /// The most frequent character of each reading, by syllable text, sorted.
    pub fn char_for_syllable(&self) -> Vec<(String, char)> {
        let mut out: Vec<(String, char)> = self.char_for_syllable.iter().map(|(s, (c, _))| (syllable_text(*s).to_string(), *c)).collect();
        out.sort();
        out
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }
    pub fn weight(&self, text: &str) -> f32 {
        if self.coverage.is_some() && !self.covered(|| home_shard(text)) {
            return 0.0;
        }
        self.by_text.get(text).map(|id| self.terms[*id as usize].1).unwrap_or(0.0)
    }

    fn best<'a>(&'a self, ids: Option<&'a Vec<u32>>, accept: impl Fn(&str) -> f32) -> Option<(&'a str, f32)> {
        ids?.iter()
            .map(|id| {
                let (text, weight) = &self.terms[*id as usize];
                (text.as_str(), weight * accept(text))
            })
            .filter(|(_, w)| *w > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)))
    }

    /// Letters typed as full pinyin (`yanglaobaoxian`) or initials (`ylbx`) → Han text, best
    /// first, with up to two other readings (initials are ambiguous: ylbx is 养老保险 or 医疗保险).
    /// `left` is the Han character before the letters, if any: terms that continue it win.
    pub fn convert_letters(&self, letters: &str, left: Option<char>, known_bigram: &dyn Fn(char, char) -> bool) -> Vec<String> {
        if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_lowercase()) {
            return Vec::new();
        }
        let context = |text: &str| -> f32 {
            match (left, text.chars().next()) {
                (Some(l), Some(f)) if known_bigram(l, f) => 4.0,
                _ => 1.0,
            }
        };
        for syllables in segment(letters, 4, false) {
            let ids: Option<Vec<Syllable>> = syllables.iter().map(|s| syllable_id(s)).collect();
            if let Some(ids) = ids {
                if let Some(text) = self.cover_syllables(&ids, &context) {
                    return vec![text];
                }
            }
        }
        let Some(best) = self.cover_initials(letters, &context) else { return Vec::new() };
        let mut out = vec![best];
        // Other whole-word readings of the same initials, most used first.
        if let Some(ids) = self.initials_ids(letters) {
            let mut others: Vec<&(String, f32)> = ids.iter().map(|id| &self.terms[*id as usize]).collect();
            sort_any(&mut others, |a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            for (text, weight) in others {
                if out.len() == 3 || *weight < 2.0 {
                    break;
                }
                if !out.contains(text) {
                    out.push(text.clone());
                }
            }
        }
        out
    }

    /// Whole-term readings of initials (`zy` → 职业, 指引, 资源 …), most established first:
    /// terms seen in a title, a curated list or repeatedly in text (weight ≥ 2), at most `limit`.
    pub fn initials_readings(&self, letters: &str, limit: usize) -> Vec<(String, f32)> {
        let Some(ids) = self.initials_ids(letters) else { return Vec::new() };
        let mut found: Vec<(String, f32)> =
            ids.iter().map(|id| self.terms[*id as usize].clone()).filter(|(_, w)| *w >= 2.0).collect();
        sort_any(&mut found, |a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        found.dedup_by(|a, b| a.0 == b.0);
        found.truncate(limit);
        found
    }

    /// Whole-term readings of full pinyin (`zhiye` → 职业, 执业, 置业 …), most established first
    /// (weight ≥ 2), at most `limit`; from the first way of cutting the letters into syllables
    /// that names any term.
    pub fn pinyin_readings(&self, letters: &str, limit: usize) -> Vec<(String, f32)> {
        for syllables in segment(letters, 4, false) {
            let ids: Option<Vec<Syllable>> = syllables.iter().map(|s| syllable_id(s)).collect();
            let Some(ids) = ids else { continue };
            let Some(found) = self.pinyin_ids(&ids) else { continue };
            let mut found: Vec<(String, f32)> =
                found.iter().map(|id| self.terms[*id as usize].clone()).filter(|(_, w)| *w >= 2.0).collect();
            if found.is_empty() {
                continue;
            }
            sort_any(&mut found, |a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            found.dedup_by(|a, b| a.0 == b.0);
            found.truncate(limit);
            return found;
        }
        Vec::new()
    }

    /// Best cover of a syllable sequence by terms (longest terms first), lone syllables by
    /// their most frequent character.
    fn cover_syllables(&self, ids: &[Syllable], context: &dyn Fn(&str) -> f32) -> Option<String> {
        let n = ids.len();
        let mut best: Vec<Option<(f32, String)>> = vec![None; n + 1];
        best[0] = Some((0.0, String::new()));
        for i in 0..n {
            let Some((score, text)) = best[i].clone() else { continue };
            for k in 1..=(n - i).min(MAX_TERM) {
                let piece = if k == 1 {
                    let term = self.best(self.pinyin_ids(&ids[i..=i]), |_| 1.0).map(|(t, w)| (t.to_string(), w));
                    term.or_else(|| self.char_for_syllable.get(&ids[i]).map(|(c, n)| (c.to_string(), *n as f32)))
                } else {
                    self.best(self.pinyin_ids(&ids[i..i + k]), |t| if i == 0 { context(t) } else { 1.0 })
                        .map(|(t, w)| (t.to_string(), w))
                };
                if let Some((piece, weight)) = piece {
                    let candidate = score + (k * k) as f32 * 10.0 + (1.0 + weight).ln();
                    if best[i + k].as_ref().is_none_or(|(s, _)| candidate > *s) {
                        best[i + k] = Some((candidate, format!("{text}{piece}")));
                    }
                }
            }
        }
        best[n].take().map(|(_, text)| text)
    }

    /// Best cover of initials by terms of two or more characters.
    fn cover_initials(&self, letters: &str, context: &dyn Fn(&str) -> f32) -> Option<String> {
        let n = letters.len();
        if n < 2 {
            return None;
        }
        let mut best: Vec<Option<(f32, String)>> = vec![None; n + 1];
        best[0] = Some((0.0, String::new()));
        for i in 0..n {
            let Some((score, text)) = best[i].clone() else { continue };
            for k in 2..=(n - i).min(MAX_TERM) {
                // Initials are ambiguous: only established words, never accidental n-grams.
                let found = self.best(self.initials_ids(&letters[i..i + k]), |t| match self.weight(t) {
                    w if w < 2.0 => 0.0,
                    _ if i == 0 => context(t),
                    _ => 1.0,
                });
                if let Some((piece, weight)) = found {
                    let candidate = score + (k * k) as f32 * 10.0 + (1.0 + weight).ln();
                    if best[i + k].as_ref().is_none_or(|(s, _)| candidate > *s) {
                        best[i + k] = Some((candidate, format!("{text}{piece}")));
                    }
                }
            }
        }
        best[n].take().map(|(_, text)| text)
    }

    /// Repairs a Han run whose bigrams the library does not know, replacing the widest window
    /// by a known term that sounds alike or differs by a commonly confused character.
    pub fn correct_run(&self, chars: &[char], known_bigram: &dyn Fn(char, char) -> bool) -> Option<Vec<char>> {
        let unknown = |cs: &[char]| cs.windows(2).filter(|p| !known_bigram(p[0], p[1])).count();
        // Repairs may chain (one per pass) but not pile up: a run of up to five characters gets
        // one changed character, a longer run two. More would be rewriting, not repairing.
        let budget = if chars.len() <= 5 { 1 } else { 2 };
        let changes = |cs: &[char]| cs.iter().zip(chars).filter(|(a, b)| a != b).count();
        let mut current = chars.to_vec();
        for _ in 0..3 {
            let missing = unknown(&current);
            if missing == 0 || current.len() < 2 {
                break;
            }
            let Some(fixed) = self.best_window_fix(&current, known_bigram) else { break };
            if unknown(&fixed) >= missing || fixed.len() != chars.len() || changes(&fixed) > budget {
                break;
            }
            current = fixed;
        }
        // A repair must explain the whole run: if pairs the library never uses remain, the
        // words were probably right and just new to this library.
        (current != chars && unknown(&current) == 0).then_some(current)
    }

    fn best_window_fix(&self, chars: &[char], known_bigram: &dyn Fn(char, char) -> bool) -> Option<Vec<char>> {
        let n = chars.len();
        for len in (2..=n.min(MAX_TERM)).rev() {
            let mut found: Option<(f32, usize, String)> = None;
            for start in 0..=n - len {
                let window = &chars[start..start + len];
                if !window.windows(2).any(|p| !known_bigram(p[0], p[1])) {
                    continue;
                }
                let text: String = window.iter().collect();
                for (candidate, weight) in self.alternatives(window) {
                    if candidate != text && found.as_ref().is_none_or(|(w, _, _)| weight > *w) {
                        found = Some((weight, start, candidate));
                    }
                }
            }
            if let Some((_, start, replacement)) = found {
                let mut fixed = chars[..start].to_vec();
                fixed.extend(replacement.chars());
                fixed.extend(&chars[start + len..]);
                return Some(fixed);
            }
        }
        None
    }

    /// Known terms of the same length that sound alike (exactly, then fuzzily) or differ in one
    /// commonly confused character. Exact homophones weigh most. A typo changes few characters:
    /// one in a two- or three-character word, two in a longer one; more is another word.
    fn alternatives(&self, window: &[char]) -> Vec<(String, f32)> {
        let max_changes = if window.len() <= 3 { 1 } else { 2 };
        // Only established words are worth rewriting to: seen in a title, a curated list, or
        // several times in body text (not an accident of two words meeting).
        const ESTABLISHED: f32 = 2.0;
        let plausible = |t: &str| {
            t.chars().zip(window).filter(|(a, b)| a != *b).count() <= max_changes && self.weight(t) >= ESTABLISHED
        };
        let mut out = Vec::new();
        for key in pinyin_keys(window) {
            if let Some((t, w)) = self.best(self.pinyin_ids(&key), |t| if plausible(t) { 1.0 } else { 0.0 }) {
                out.push((t.to_string(), w * 3.0));
            }
            if let Some((t, w)) = self.best(self.fuzzy_ids(&fuzzy_key(&key)), |t| if plausible(t) { 1.0 } else { 0.0 }) {
                out.push((t.to_string(), w));
            }
        }
        for (i, c) in window.iter().enumerate() {
            for meant in self.confusions.get(c).into_iter().flatten() {
                let mut alt = window.to_vec();
                alt[i] = *meant;
                let text: String = alt.iter().collect();
                let w = self.weight(&text);
                if w >= ESTABLISHED {
                    out.push((text, w * 2.0));
                }
            }
        }
        out
    }
}
