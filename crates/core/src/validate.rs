//! Cross-entry checks: unique ids, references that resolve, dates that make sense, taxonomy ids
//! that exist. Entries that cannot be shown (no id, duplicate id, no title) are left out; a broken
//! reference or an unknown taxonomy id is reported and dropped while its entry stays.

use crate::diagnostic::{Diagnostic, Problem, Severity};
use crate::load::RawEntries;
use crate::types::*;
use std::collections::{HashMap, HashSet};

/// Entries that passed validation, ready to become a `Library`.
pub struct Checked {
    pub policies: Vec<Policy>,
    pub cards: Vec<Card>,
    pub qa: Vec<Qa>,
    pub notices: Vec<Notice>,
    pub topics: Vec<Topic>,
    pub taxonomy: Taxonomy,
    pub synonyms: Vec<Synonym>,
}

/// Characters that would break a URL path segment (ids are used in routes).
fn id_problem(id: &str) -> Option<&'static str> {
    if id.trim().is_empty() {
        Some("id 不能为空")
    } else if id.chars().any(|c| {
        // Invisible and direction-override characters make two different ids look the same.
        let invisible = matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}');
        c.is_whitespace() || c.is_control() || invisible || matches!(c, '/' | '?' | '#' | '%' | '\\')
    }) {
        Some("id 不能包含空格、控制字符、不可见或方向控制字符，或 / ? # % \\（它会出现在网址中）")
    } else if id.chars().count() > 200 {
        Some("id 太长（最多 200 个字符）")
    } else {
        None
    }
}

/// Keeps the first entry of each id; reports and drops unusable or duplicate ones.
fn unique<T>(
    entries: Vec<(String, T)>,
    kind: &str,
    id_of: impl Fn(&T) -> &str,
    title_of: impl Fn(&T) -> &str,
    title_field: &str,
    d: &mut Vec<Diagnostic>,
) -> Vec<(String, T)> {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut kept = Vec::with_capacity(entries.len());
    for (file, entry) in entries {
        let id = id_of(&entry);
        if let Some(why) = id_problem(id) {
            d.push(Diagnostic::error(Problem::InvalidValue, &file, format!("{why}，该{kind}未载入")).entry(crate::parse::clip(id, 80)).path("id"));
            continue;
        }
        if title_of(&entry).trim().is_empty() {
            d.push(Diagnostic::error(Problem::MissingField, &file, format!("{title_field} 为空，该{kind}未载入")).entry(id).path(title_field));
            continue;
        }
        if let Some(first_file) = seen.get(id) {
            d.push(
                Diagnostic::error(Problem::DuplicateId, &file, format!("{kind} id 重复（首次出现在 {first_file}），后出现的一条未载入"))
                    .entry(id)
                    .path("id"),
            );
            continue;
        }
        seen.insert(id.to_string(), file.clone());
        kept.push((file, entry));
    }
    kept
}

/// The ids each taxonomy list allows; `None` when there is no taxonomy to check against.
struct Vocabulary {
    themes: HashSet<String>,
    audiences: HashSet<String>,
    regions: HashSet<String>,
}

impl Vocabulary {
    fn from(taxonomy: &Taxonomy) -> Vocabulary {
        let ids = |terms: &[Term]| terms.iter().map(|t| t.id.clone()).collect();
        Vocabulary { themes: ids(&taxonomy.themes), audiences: ids(&taxonomy.audiences), regions: ids(&taxonomy.regions) }
    }
}

/// Context for reporting problems of one entry.
struct At<'a> {
    file: &'a str,
    entry: &'a str,
    d: &'a mut Vec<Diagnostic>,
}

impl At<'_> {
    fn error(&mut self, problem: Problem, path: impl Into<String>, message: impl Into<String>) {
        self.d.push(Diagnostic::error(problem, self.file, message).entry(self.entry).path(path));
    }
    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.d.push(Diagnostic::warning(self.file, message).entry(self.entry).path(path));
    }
    /// Drops ids the taxonomy does not define, reporting each.
    fn known_terms(&mut self, ids: &mut Vec<String>, allowed: Option<&HashSet<String>>, field: &str) {
        let Some(allowed) = allowed else { return };
        let mut index = 0;
        ids.retain(|id| {
            let ok = allowed.contains(id);
            if !ok {
                self.error(
                    Problem::UnknownTaxonomyId,
                    format!("{field}[{index}]"),
                    format!("分类表（taxonomy）中没有“{}”，已忽略此分类", crate::parse::clip(id, 40)),
                );
            }
            index += 1;
            ok
        });
    }
}

pub fn validate(raw: RawEntries, d: &mut Vec<Diagnostic>) -> Checked {
    let RawEntries { policies, cards, qa, notices, topics, taxonomy, synonyms, not_loaded } = raw;
    let policies_loaded = !not_loaded.contains(&ItemKind::Policy);
    let policies = unique(policies, "政策", |p| &p.id, |p| &p.title, "title", d);
    let mut cards = unique(cards, "解读卡", |c| &c.id, |c| &c.title, "title", d);
    let mut qa = unique(qa, "问答", |q| &q.id, |q| &q.question, "question", d);
    let mut notices = unique(notices, "通知", |n| &n.id, |n| &n.title, "title", d);
    let mut topics = unique(topics, "专题", |t| &t.id, |t| &t.title, "title", d);

    let (taxonomy_file, taxonomy) = match taxonomy {
        Some((file, taxonomy)) => (Some(file), taxonomy),
        None => (None, Taxonomy::default()),
    };
    if let Some(file) = &taxonomy_file {
        check_taxonomy(file, &taxonomy, d);
    }
    // Without a loaded taxonomy there is nothing to check ids against; a missing or broken
    // taxonomy file is already reported, so don't drown that in one error per entry.
    let vocabulary = taxonomy_file.as_ref().map(|_| Vocabulary::from(&taxonomy));
    let themes = vocabulary.as_ref().map(|v| &v.themes);
    let audiences = vocabulary.as_ref().map(|v| &v.audiences);
    let regions = vocabulary.as_ref().map(|v| &v.regions);

    let policy_ids: HashMap<String, PolicyStatus> = policies.iter().map(|(_, p)| (p.id.clone(), p.status)).collect();
    let ids_of = |kind: ItemKind| -> HashSet<String> {
        match kind {
            ItemKind::Policy => policy_ids.keys().cloned().collect(),
            ItemKind::Card => cards.iter().map(|(_, c)| c.id.clone()).collect(),
            ItemKind::Qa => qa.iter().map(|(_, q)| q.id.clone()).collect(),
            ItemKind::Notice => notices.iter().map(|(_, n)| n.id.clone()).collect(),
            ItemKind::Topic => topics.iter().map(|(_, t)| t.id.clone()).collect(),
        }
    };
    let existing: HashMap<ItemKind, HashSet<String>> = ItemKind::ALL.iter().map(|k| (*k, ids_of(*k))).collect();

    let mut checked_policies = Vec::with_capacity(policies.len());
    let sections_by_policy: HashMap<String, HashSet<String>> = policies
        .iter()
        .map(|(_, p)| (p.id.clone(), p.sections.iter().map(|s| s.id.clone()).collect()))
        .collect();
    for (file, mut p) in policies {
        let id = p.id.clone();
        let mut at = At { file: &file, entry: &id, d };
        check_policy(&mut p, &policy_ids, &mut at);
        at.known_terms(&mut p.themes, themes, "themes");
        at.known_terms(&mut p.audiences, audiences, "audiences");
        at.known_terms(&mut p.regions, regions, "regions");
        checked_policies.push(p);
    }

    for (file, c) in cards.iter_mut() {
        let id = c.id.clone();
        let mut at = At { file, entry: &id, d };
        match policy_ids.get(&c.policy_id) {
            None if !policies_loaded => {}
            None => at.error(Problem::DanglingReference, "policy_id", format!("解读卡对应的政策“{}”不存在", c.policy_id)),
            Some(status) if !status.is_current() => {
                at.warn("policy_id", format!("解读卡对应的政策“{}”{}，请确认解读是否仍然适用", c.policy_id, status.label()))
            }
            Some(_) => {}
        }
        if let Some(deadline) = &c.deadline {
            if deadline < &c.published_date {
                at.warn("deadline", "截止日期早于发布日期");
            }
        }
        if let Some(expires) = &c.expires {
            if expires < &c.published_date {
                at.error(Problem::ImpossibleDate, "expires", format!("失效日期 {expires} 早于发布日期 {}", c.published_date));
            }
        }
        at.known_terms(&mut c.themes, themes, "themes");
        at.known_terms(&mut c.audiences, audiences, "audiences");
        at.known_terms(&mut c.regions, regions, "regions");
    }

    for (file, q) in qa.iter_mut() {
        let id = q.id.clone();
        let mut at = At { file, entry: &id, d };
        let mut index = 0;
        q.policy_refs.retain(|r| {
            if !policies_loaded {
                return true;
            }
            let path = format!("policy_refs[{index}]");
            index += 1;
            let Some(known_sections) = sections_by_policy.get(&r.policy_id) else {
                at.error(Problem::DanglingReference, format!("{path}.policy_id"), format!("引用的政策“{}”不存在", r.policy_id));
                return false;
            };
            if let Some(section) = &r.section {
                if !known_sections.contains(section) {
                    at.error(
                        Problem::DanglingReference,
                        format!("{path}.section"),
                        format!("政策“{}”中没有章节“{section}”", r.policy_id),
                    );
                    return false;
                }
            }
            true
        });
        if q.hot > 100 {
            at.error(Problem::InvalidValue, "hot", format!("热度应在 0–100 之间，实际为 {}，已按 100 处理", q.hot));
            q.hot = 100;
        }
        if q.answer.iter().all(|p| p.trim().is_empty()) {
            at.warn("answer", "问答没有答案内容");
        }
        if let Some(expires) = &q.expires {
            if expires < &q.updated {
                at.warn("expires", format!("失效日期 {expires} 早于更新日期 {}，该问答一发布即失效", q.updated));
            }
        }
        if q.department.as_deref().is_some_and(|d| d.trim().is_empty()) {
            at.warn("department", "责任单位为空");
        }
        at.known_terms(&mut q.themes, themes, "themes");
        at.known_terms(&mut q.audiences, audiences, "audiences");
        at.known_terms(&mut q.regions, regions, "regions");
    }

    for (file, n) in notices.iter_mut() {
        let id = n.id.clone();
        let mut at = At { file, entry: &id, d };
        if let Some(expires) = &n.expires {
            if expires < &n.published {
                at.error(Problem::ImpossibleDate, "expires", format!("失效日期 {expires} 早于发布日期 {}", n.published));
            }
        }
        if let Some(deadline) = &n.deadline {
            if deadline < &n.published {
                at.warn("deadline", "截止日期早于发布日期");
            }
        }
        retain_links(&mut n.links, "links", &existing, &not_loaded, &mut at);
        at.known_terms(&mut n.themes, themes, "themes");
        at.known_terms(&mut n.audiences, audiences, "audiences");
        at.known_terms(&mut n.regions, regions, "regions");
    }

    for (file, t) in topics.iter_mut() {
        let id = t.id.clone();
        let mut at = At { file, entry: &id, d };
        retain_links(&mut t.items, "items", &existing, &not_loaded, &mut at);
        if t.items.is_empty() {
            at.warn("items", "专题中没有可显示的内容");
        }
    }

    let mut checked_synonyms = Vec::with_capacity(synonyms.len());
    for (index, (file, s)) in synonyms.into_iter().enumerate() {
        if s.term.trim().is_empty() {
            d.push(Diagnostic::error(Problem::MissingField, &file, "term 为空，此条未载入").entry(format!("第{}条", index + 1)).path("term"));
        } else {
            checked_synonyms.push(s);
        }
    }

    Checked {
        policies: checked_policies,
        cards: cards.into_iter().map(|(_, c)| c).collect(),
        qa: qa.into_iter().map(|(_, q)| q).collect(),
        notices: notices.into_iter().map(|(_, n)| n).collect(),
        topics: topics.into_iter().map(|(_, t)| t).collect(),
        taxonomy,
        synonyms: checked_synonyms,
    }
}

fn check_policy(p: &mut Policy, policy_ids: &HashMap<String, PolicyStatus>, at: &mut At) {
    if let (Some(written), Some(published)) = (&p.written_date, &p.published_date) {
        if published < written {
            at.error(Problem::ImpossibleDate, "published_date", format!("发布日期 {published} 早于成文日期 {written}"));
        }
    }
    if p.published_date.is_none() {
        at.warn("published_date", "没有发布日期，按日期排序时排在最后");
    }
    match (&p.status, &p.repealed_date) {
        (PolicyStatus::Repealed, None) => at.error(Problem::ImpossibleDate, "repealed_date", "状态为已废止，但没有废止日期"),
        (status, Some(_)) if *status != PolicyStatus::Repealed && *status != PolicyStatus::Expired => {
            at.warn("repealed_date", format!("有废止日期，但状态为“{}”", status.label()))
        }
        _ => {}
    }
    if let Some(repealed) = &p.repealed_date {
        if let Some(start) = p.published_date.as_ref().or(p.written_date.as_ref()) {
            if repealed < start {
                at.error(Problem::ImpossibleDate, "repealed_date", format!("废止日期 {repealed} 早于发布日期 {start}"));
            }
        }
    }
    // Unsafe links stay in the entry (the app shows them as plain text) but are reported.
    let links = p.attachments.iter().enumerate().map(|(i, a)| (format!("attachments[{i}].url"), a.url.as_str()));
    for (path, url) in links.chain(p.source_url.as_deref().map(|u| ("source_url".to_string(), u))) {
        if let Err(why) = crate::links::classify_link(url) {
            at.error(
                Problem::InvalidValue,
                path,
                format!("{}：“{}”，已按纯文本显示，不可点击", why.reason(), crate::parse::clip(url, 60)),
            );
        }
    }
    for (field, target) in [("supersedes", &mut p.supersedes), ("superseded_by", &mut p.superseded_by)] {
        if let Some(other) = target.as_deref() {
            if other == p.id {
                at.error(Problem::DanglingReference, field, "政策不能修订自身");
                *target = None;
            } else if !policy_ids.contains_key(other) {
                at.error(Problem::DanglingReference, field, format!("关联的政策“{other}”不存在"));
                *target = None;
            }
        }
    }
    if p.superseded_by.is_some() && p.status == PolicyStatus::Effective {
        at.warn("status", "已有新版本（superseded_by），但状态仍为“有效”");
    }
    let mut seen = HashSet::new();
    for (index, section) in p.sections.iter().enumerate() {
        if !seen.insert(section.id.as_str()) {
            at.error(Problem::DuplicateId, format!("sections[{index}].id"), format!("章节 id“{}”重复，链接只能指向第一处", section.id));
        }
    }
}

fn retain_links(
    links: &mut Vec<ItemLink>,
    field: &str,
    existing: &HashMap<ItemKind, HashSet<String>>,
    not_loaded: &[ItemKind],
    at: &mut At,
) {
    let mut index = 0;
    links.retain(|link| {
        let ok = not_loaded.contains(&link.kind)
            || existing.get(&link.kind).is_some_and(|ids| ids.contains(&link.id));
        if !ok {
            at.error(
                Problem::DanglingReference,
                format!("{field}[{index}]"),
                format!("链接的{}“{}”不存在，已忽略", link.kind.label(), crate::parse::clip(&link.id, 60)),
            );
        }
        index += 1;
        ok
    });
}

fn check_taxonomy(file: &str, taxonomy: &Taxonomy, d: &mut Vec<Diagnostic>) {
    for (list, terms) in [("themes", &taxonomy.themes), ("audiences", &taxonomy.audiences), ("regions", &taxonomy.regions)] {
        let mut seen = HashSet::new();
        for (index, term) in terms.iter().enumerate() {
            if !seen.insert(term.id.as_str()) {
                d.push(
                    Diagnostic::error(Problem::DuplicateId, file, format!("分类 id“{}”重复", term.id))
                        .entry(term.id.clone())
                        .path(format!("{list}[{index}].id")),
                );
            }
        }
    }
    // Each issuer name may belong to one issuer only; otherwise which entry it joins is a guess.
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for (index, issuer) in taxonomy.issuers.iter().enumerate() {
        if issuer.label.trim().is_empty() {
            d.push(Diagnostic::error(Problem::InvalidValue, file, "发布机构名称为空").path(format!("issuers[{index}].label")));
            continue;
        }
        for (at, name) in std::iter::once(("label".to_string(), &issuer.label))
            .chain(issuer.aliases.iter().enumerate().map(|(i, a)| (format!("aliases[{i}]"), a)))
        {
            let name = name.trim();
            match owner.get(name) {
                Some(first) if *first != issuer.label.trim() => d.push(
                    Diagnostic::warning(file, format!("发布机构名称“{}”同时属于“{}”和“{}”，已按前者合并", crate::parse::clip(name, 40), first, issuer.label.trim()))
                        .path(format!("issuers[{index}].{at}")),
                ),
                Some(_) => {}
                None => {
                    owner.insert(name, issuer.label.trim());
                }
            }
        }
    }
}

/// Counts diagnostics by severity: `(errors, warnings)`.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, diagnostics.len() - errors)
}
