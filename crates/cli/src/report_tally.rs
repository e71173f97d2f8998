//! The counts behind `mingbai report`, gathered line by line in bounded memory: every feedback
//! signal read from the access logs is added here, grouped by normalised query or by page.
//!
//! Bounds: at most `MAX_GROUPS` distinct queries (or pages, or rewrites) per table, `MAX_VARIANTS`
//! spellings kept per query and `MAX_WEEKS` weeks per query; what does not fit is still counted
//! in the totals and reported as `too_many_distinct`.

use mingbai_core::feedback::{Event, PageKind, Reason, Signal};
use mingbai_core::search::normalize::normalize;
use mingbai_core::search::tokens::strip_filler;
use std::collections::{BTreeMap, HashMap};

pub const MAX_GROUPS: usize = 50_000;
const MAX_VARIANTS: usize = 6;
/// A year and a bit: enough for the weeks a query rose in.
const MAX_WEEKS: usize = 60;
/// Weeks in the weekly totals (ten years; forged hour buckets cannot grow it further).
const MAX_TOTAL_WEEKS: usize = 520;

/// An ISO week, kept as the day number (days since 1970-01-01) of its Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Week(pub i64);

impl Week {
    pub fn of(year: i32, month: u8, day: u8) -> Option<Week> {
        let days = mingbai_core::IsoDate::from_ymd(year, month, day)?.day_number();
        // 1970-01-01 was a Thursday: Monday-based weekday 0..=6.
        let weekday = (days + 3).rem_euclid(7);
        Some(Week(days - weekday))
    }

    /// `2026-W49`: the ISO year is the year of the week's Thursday.
    pub fn label(self) -> String {
        let thursday = self.0 + 3;
        let year = mingbai_core::IsoDate::from_day_number(thursday).map_or(1970, |d| d.year());
        let jan1 = mingbai_core::IsoDate::from_ymd(year, 1, 1).map(|d| d.day_number()).unwrap_or(thursday);
        format!("{year}-W{:02}", (thursday - jan1) / 7 + 1)
    }
}


/// The grouping key of a query: normalised as the engine does (full-width, case, question words
/// such as 请问/怎么/吗 dropped), without spaces and punctuation.
pub fn query_key(query: &str) -> String {
    strip_filler(&normalize(query)).chars().filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !"，。？！、；：“”‘’（）《》".contains(*c)).collect()
}

/// One grouped query: how often, in which spellings, in which weeks.
#[derive(Debug, Default, Clone)]
pub struct QueryGroup {
    pub count: u64,
    pub variants: Vec<(String, u64)>,
    pub weeks: BTreeMap<Week, u64>,
    /// Spellings the engine corrected (typos), and what it corrected the first of them to.
    pub misspelled: Vec<String>,
    pub correction: Option<String>,
}

impl QueryGroup {
    fn add(&mut self, query: &str, week: Option<Week>, times: u64) {
        self.count += times;
        let spelling = query.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some((_, n)) = self.variants.iter_mut().find(|(v, _)| *v == spelling) {
            *n += times;
        } else if self.variants.len() < MAX_VARIANTS {
            self.variants.push((spelling, times));
        }
        if let Some(week) = week {
            if self.weeks.len() < MAX_WEEKS || self.weeks.contains_key(&week) {
                *self.weeks.entry(week).or_default() += times;
            }
        }
    }

    /// Folds another group into this one (after typo correction found them the same).
    pub fn merge(&mut self, other: &QueryGroup) {
        for (spelling, n) in &other.variants {
            self.add(spelling, None, *n);
        }
        self.count += other.count - other.variants.iter().map(|v| v.1).sum::<u64>();
        for (week, n) in &other.weeks {
            *self.weeks.entry(*week).or_default() += n;
        }
        self.misspelled.extend(other.misspelled.iter().cloned());
        if self.correction.is_none() {
            self.correction.clone_from(&other.correction);
        }
    }

    /// The question to show editors: the most frequent spelling the engine did not have to
    /// correct, else the correction of the typo, else the most frequent spelling.
    pub fn question(&self) -> String {
        let mut best: Option<&(String, u64)> = None;
        for v in self.variants.iter().filter(|v| !self.misspelled.contains(&v.0)) {
            if best.is_none_or(|b| v.1 > b.1) {
                best = Some(v);
            }
        }
        match (best, &self.correction) {
            (Some(best), _) => best.0.clone(),
            (None, Some(correction)) => correction.clone(),
            (None, None) => self.shown().to_string(),
        }
    }

    /// Every spelling but the question's.
    pub fn other_spellings(&self) -> Vec<&str> {
        let question = self.question();
        self.variants.iter().map(|v| v.0.as_str()).filter(|v| *v != question).collect()
    }

    /// The most frequent spelling (first seen on a tie).
    pub fn shown(&self) -> &str {
        let mut best: Option<&(String, u64)> = None;
        for v in &self.variants {
            if best.is_none_or(|b| v.1 > b.1) {
                best = Some(v);
            }
        }
        best.map(|b| b.0.as_str()).unwrap_or_default()
    }

    pub fn first_week(&self) -> Option<Week> {
        self.weeks.keys().next().copied()
    }

    /// The week with the largest rise over the week before (the first week rises from zero).
    pub fn rose_week(&self) -> Option<Week> {
        let mut best: Option<(i64, Week)> = None;
        for (week, n) in &self.weeks {
            let before = self.weeks.get(&Week(week.0 - 7)).copied().unwrap_or(0);
            let rise = *n as i64 - before as i64;
            if best.is_none_or(|(b, _)| rise > b) {
                best = Some((rise, *week));
            }
        }
        best.map(|b| b.1)
    }
}

/// 有用/没用 on one page.
#[derive(Debug, Default, Clone)]
pub struct PageTally {
    pub helpful: u64,
    pub not_helpful: u64,
    /// Counts per reason, in `Reason::ALL` order, then "no reason given".
    pub reasons: [u64; 5],
}

/// Everything counted from the logs.
#[derive(Debug, Default)]
pub struct Tally {
    pub lines: u64,
    pub other_requests: u64,
    pub signals: u64,
    /// Skipped lines and rejected signals by reason code.
    pub skipped: BTreeMap<&'static str, u64>,
    pub by_week: BTreeMap<Week, BTreeMap<&'static str, u64>>,
    pub by_type: BTreeMap<&'static str, u64>,
    pub surfaces: BTreeMap<&'static str, u64>,
    pub unanswered: HashMap<String, QueryGroup>,
    pub not_opened: HashMap<String, QueryGroup>,
    pub pages: HashMap<(PageKind, String), PageTally>,
    /// (query, query used) → count.
    pub rewrites: HashMap<(String, String), u64>,
    pub hotline: BTreeMap<PageKind, u64>,
}

impl Tally {
    pub fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    /// Counts one signal; `week` is the signal's hour bucket's week, else the log line's.
    pub fn add(&mut self, signal: &Signal, week: Option<Week>) {
        self.signals += 1;
        let code = signal.event.code();
        *self.by_type.entry(code).or_default() += 1;
        if let Some(week) = week {
            if self.by_week.len() < MAX_TOTAL_WEEKS || self.by_week.contains_key(&week) {
                *self.by_week.entry(week).or_default().entry(code).or_default() += 1;
            }
        }
        if let Some(surface) = signal.surface {
            *self.surfaces.entry(surface.code()).or_default() += 1;
        }
        let mut overflow = false;
        match &signal.event {
            Event::NoResult { query } => overflow = !add_query(&mut self.unanswered, query, week),
            Event::NotOpened { query, .. } => overflow = !add_query(&mut self.not_opened, query, week),
            Event::Helpful { kind, id } | Event::NotHelpful { kind, id, .. } => {
                let id = if *kind == PageKind::Search { query_key(id) } else { id.clone() };
                let key = (*kind, id);
                if self.pages.len() >= MAX_GROUPS && !self.pages.contains_key(&key) {
                    overflow = true;
                } else {
                    let page = self.pages.entry(key).or_default();
                    match &signal.event {
                        Event::NotHelpful { reason, .. } => {
                            page.not_helpful += 1;
                            page.reasons[reason.map(|r| Reason::ALL.iter().position(|x| *x == r).unwrap_or(3)).unwrap_or(4)] += 1;
                        }
                        _ => page.helpful += 1,
                    }
                }
            }
            Event::Rewritten { query, used } => {
                let key = (query_key(query), query_key(used));
                if key.0.is_empty() || key.0 == key.1 {
                    // Nothing to propose: the rewrite changed only spacing or punctuation.
                } else if self.rewrites.len() >= MAX_GROUPS && !self.rewrites.contains_key(&key) {
                    overflow = true;
                } else {
                    *self.rewrites.entry(key).or_default() += 1;
                }
            }
            Event::Hotline { from } => *self.hotline.entry(*from).or_default() += 1,
        }
        if overflow {
            self.skip("too_many_distinct");
        }
    }
}

/// Adds a query to its group; false when the table is full and the group is new.
fn add_query(groups: &mut HashMap<String, QueryGroup>, query: &str, week: Option<Week>) -> bool {
    let key = query_key(query);
    if key.is_empty() {
        return true;
    }
    if groups.len() >= MAX_GROUPS && !groups.contains_key(&key) {
        return false;
    }
    groups.entry(key).or_default().add(query, week, 1);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks() {
        assert_eq!(Week::of(2026, 12, 6).unwrap().label(), "2026-W49");
        assert_eq!(Week::of(2026, 12, 7).unwrap().label(), "2026-W50");
        assert_eq!(Week::of(2021, 1, 3).unwrap().label(), "2020-W53");
        assert_eq!(Week::of(2024, 12, 30).unwrap().label(), "2025-W01");
        assert_eq!(Week::of(2026, 1, 1).unwrap().label(), "2026-W01");
    }

    #[test]
    fn groups_spellings_and_finds_the_rising_week() {
        let mut groups = HashMap::new();
        let w1 = Week::of(2026, 11, 2);
        let w2 = Week::of(2026, 11, 9);
        add_query(&mut groups, "养老 补贴", w1);
        add_query(&mut groups, "请问养老补贴怎么办？", w2);
        add_query(&mut groups, "养老补贴", w2);
        add_query(&mut groups, "养老补贴", w2);
        assert_eq!(groups.len(), 1);
        let g = &groups["养老补贴"];
        assert_eq!((g.count, g.shown(), g.first_week(), g.rose_week()), (4, "养老补贴", w1, w2));
    }
}
