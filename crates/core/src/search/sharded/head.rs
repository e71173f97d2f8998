//! Reading the sharded index: the head, chunks as they arrive, and the plan/answer loop.

use super::*;
use crate::search::facets::{status_value, FacetFilters, Facets};
use crate::search::index::FastMap;
use crate::search::normalize::doc_number_key;
use crate::search::snippet;
use crate::search::source::{filter_top, rank, shown_score, Posting, Ranked, Source};
use crate::search::suggest::{Suggester, Suggestion};
use crate::search::synonyms::Synonyms;
use crate::search::terms::Dictionary;
use crate::search::{Hit, SearchRequest, SearchResponse};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What `IndexHead::plan` says: fetch these chunks (names relative to the head), or the answer.
#[derive(Debug)]
pub enum Step {
    Need(Vec<String>),
    Done(SearchResponse),
}

/// A facet column: per document, the indexes of its values (compressed rows).
struct Column {
    values: Vec<String>,
    starts: Vec<u32>,
    data: Vec<u32>,
}

impl Column {
    fn of(&self, doc: u32) -> &[u32] {
        let d = doc as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(a), Some(b)) => &self.data[*a as usize..*b as usize],
            _ => &[],
        }
    }
}

/// The head of a sharded index and the chunks loaded so far.
pub struct IndexHead {
    head: HeadFile,
    suggester: Suggester,
    synonyms: Synonyms,
    dictionary: Dictionary,
    /// Chunks loaded (or given up on), with their size in bytes.
    loaded: BTreeMap<String, usize>,
    postings: FastMap<String, Vec<Posting>>,
    keys: HashMap<String, Vec<u32>>,
    metas: HashMap<u32, MetaRow>,
    columns: HashMap<String, Column>,
    head_bytes: usize,
    /// Issuer variants → their merged facet value (from the head's taxonomy).
    issuers: crate::issuers::IssuerNames,
}

impl IndexHead {
    /// Reads `head.json`. Errors are in Chinese, for the page that shows them.
    pub fn parse(bytes: &[u8]) -> Result<IndexHead, String> {
        let head: HeadFile = serde_json::from_slice(bytes).map_err(|e| format!("搜索索引头文件格式错误：{e}"))?;
        if head.format != FORMAT || head.version != VERSION {
            return Err(format!("搜索索引格式不受支持：{} 版本 {}", head.format, head.version));
        }
        let mut suggester = Suggester::default();
        for (text, weight, item) in &head.suggestions {
            let item = item.split_once(':').and_then(|(k, id)| crate::search::facets::kind_from(k).map(|k| (k, id)));
            suggester.add(text, item, *weight);
        }
        let synonyms = Synonyms::build(&head.synonyms);
        let mut dictionary = Dictionary::partial(&head.syllable_chars);
        dictionary.set_existing(head.dictionary_shards.iter().cloned());
        let issuers = crate::issuers::IssuerNames::from_declared(&head.taxonomy.issuers);
        Ok(IndexHead {
            issuers,
            suggester,
            synonyms,
            dictionary,
            loaded: BTreeMap::new(),
            postings: FastMap::default(),
            keys: HashMap::new(),
            metas: HashMap::new(),
            columns: HashMap::new(),
            head_bytes: bytes.len(),
            head,
        })
    }

    pub fn documents(&self) -> usize {
        self.head.documents as usize
    }

    /// Size of the head and of every chunk loaded so far, in bytes.
    pub fn head_bytes(&self) -> usize {
        self.head_bytes
    }
    pub fn loaded(&self) -> impl Iterator<Item = (&str, usize)> {
        self.loaded.iter().map(|(n, b)| (n.as_str(), *b))
    }

    /// Suggestions from the head's (capped) list.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<Suggestion> {
        self.suggester.suggest(input, limit)
    }

    /// Marks a chunk that could not be fetched as loaded and empty, so searching goes on
    /// without it (results may then miss what it held).
    pub fn skip_chunk(&mut self, name: &str) {
        self.loaded.insert(name.to_string(), 0);
        if let Some(shard) = name.strip_suffix(".json").filter(|s| s.starts_with("d-") || s.starts_with("i-")) {
            self.dictionary.add_shard(shard, Vec::new());
        }
    }

    /// Adds a fetched chunk. A chunk that does not parse or does not fit this head is refused
    /// with a Chinese message (and may be skipped with `skip_chunk`).
    pub fn add_chunk(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        let bad = |e: &dyn std::fmt::Display| format!("搜索索引文件 {name} 格式错误：{e}");
        let documents = self.head.documents;
        let stem = name.strip_suffix(".json").ok_or_else(|| bad(&"文件名应以 .json 结尾"))?;
        let (prefix, rest) = stem.split_once('-').ok_or_else(|| bad(&"未知的文件名"))?;
        match prefix {
            "p" => {
                let map: BTreeMap<String, Vec<u32>> = serde_json::from_slice(bytes).map_err(|e| bad(&e))?;
                for (token, flat) in map {
                    let mut list = Vec::with_capacity(flat.len() / 2);
                    let mut doc: u32 = 0;
                    for pair in flat.chunks_exact(2) {
                        doc = doc.checked_add(pair[0]).filter(|d| *d < documents).ok_or_else(|| bad(&"文档编号超出范围"))?;
                        let code = u16::try_from(pair[1]).map_err(|e| bad(&e))?;
                        list.push(Posting { doc, code });
                    }
                    self.postings.insert(token, list);
                }
            }
            "k" => {
                let map: HashMap<String, Vec<u32>> = serde_json::from_slice(bytes).map_err(|e| bad(&e))?;
                if map.values().flatten().any(|d| *d >= documents) {
                    return Err(bad(&"文档编号超出范围"));
                }
                self.keys.extend(map);
            }
            "d" | "i" => {
                let terms: Vec<(String, f32)> = serde_json::from_slice(bytes).map_err(|e| bad(&e))?;
                self.dictionary.add_shard(stem, terms);
            }
            "m" => {
                let rows: Vec<MetaRow> = serde_json::from_slice(bytes).map_err(|e| bad(&e))?;
                let first = rest.parse::<u32>().map_err(|e| bad(&e))?.saturating_mul(self.head.meta_chunk);
                for (i, row) in rows.into_iter().enumerate() {
                    self.metas.insert(first.saturating_add(i as u32), row);
                }
            }
            "f" => {
                let encoded: Vec<(String, Vec<u32>)> = serde_json::from_slice(bytes).map_err(|e| bad(&e))?;
                let mut per_doc: Vec<Vec<u32>> = vec![Vec::new(); documents as usize];
                let mut values = Vec::with_capacity(encoded.len());
                for (i, (value, deltas)) in encoded.into_iter().enumerate() {
                    let mut doc: u32 = 0;
                    for (n, delta) in deltas.iter().enumerate() {
                        doc = if n == 0 { *delta } else { doc.checked_add(*delta).ok_or_else(|| bad(&"文档编号超出范围"))? };
                        per_doc.get_mut(doc as usize).ok_or_else(|| bad(&"文档编号超出范围"))?.push(i as u32);
                    }
                    values.push(value);
                }
                let mut starts = Vec::with_capacity(per_doc.len() + 1);
                let mut data = Vec::new();
                for list in per_doc {
                    starts.push(data.len() as u32);
                    data.extend(list);
                }
                starts.push(data.len() as u32);
                self.columns.insert(rest.to_string(), Column { values, starts, data });
            }
            _ => return Err(bad(&"未知的文件名")),
        }
        self.loaded.insert(name.to_string(), bytes.len());
        Ok(())
    }

    /// The chunks `request` still needs, or its answer (with facets).
    pub fn plan(&self, request: &SearchRequest) -> Step {
        self.plan_with(request, true)
    }

    /// As `plan`; without `facets` the facet columns are fetched only for the filters in use,
    /// and the response's facets stay empty.
    pub fn plan_with(&self, request: &SearchRequest, facets: bool) -> Step {
        let view = View { head: self, missing: RefCell::new(BTreeSet::new()) };
        let Ranked { plan, scored, needles } = rank(&view, &self.dictionary, &self.synonyms, request);
        // Postings and keys first: until they are here, the plan itself may change (and the
        // dictionary shards it asked for may turn out unnecessary).
        let dictionary_missing = self.dictionary.take_missing();
        let missing = view.missing.into_inner();
        if !missing.is_empty() {
            return Step::Need(missing.into_iter().collect());
        }
        if !dictionary_missing.is_empty() {
            return Step::Need(dictionary_missing.into_iter().map(|s| format!("{s}.json")).collect());
        }
        let filters = &request.filters;
        let filtered: Vec<&str> = [
            ("theme", filters.theme.is_some()),
            ("audience", filters.audience.is_some()),
            ("issuer", filters.issuer.is_some()),
            ("year", filters.year.is_some()),
            ("status", filters.status.is_some()),
        ]
        .into_iter()
        .filter(|(_, used)| *used)
        .map(|(name, _)| name)
        .collect();
        let mut need: Vec<String> = FACETS
            .iter()
            .filter(|f| facets || filtered.contains(f))
            .map(|f| facet_chunk(f))
            .filter(|c| !self.loaded.contains_key(c))
            .collect();
        if filtered.iter().any(|f| !self.loaded.contains_key(&facet_chunk(f))) {
            return Step::Need(need);
        }
        let limit = if request.limit == 0 { 20 } else { request.limit };
        let (top, total) = filter_top(&scored, limit, self.matcher(filters));
        for (doc, _) in &top {
            let chunk = meta_chunk(*doc, self.head.meta_chunk);
            if !self.loaded.contains_key(&chunk) && !need.contains(&chunk) {
                need.push(chunk);
            }
        }
        if !need.is_empty() {
            return Step::Need(need);
        }
        let results = top
            .into_iter()
            .map(|(doc, score)| match self.metas.get(&doc) {
                Some((kind, id, title, status, texts)) => {
                    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
                    Hit {
                        kind: *kind,
                        id: id.clone(),
                        title: title.clone(),
                        score: shown_score(score),
                        status: status.filter(|s| !s.is_current()).map(|s| s.label().to_string()),
                        snippet: snippet::snippet(&texts, &needles),
                    }
                }
                // A skipped or short chunk: the hit is still listed, by its number.
                None => Hit {
                    kind: self.kind_of(doc),
                    id: String::new(),
                    title: format!("第 {doc} 条"),
                    score: shown_score(score),
                    status: None,
                    snippet: Vec::new(),
                },
            })
            .collect();
        Step::Done(SearchResponse {
            query: request.query.clone(),
            corrected: plan.corrected,
            expanded: plan.expansions,
            alternatives: plan.alternatives,
            results,
            total,
            facets: if facets { self.facets(&scored) } else { Facets::default() },
        })
    }

    fn kind_of(&self, doc: u32) -> ItemKind {
        self.head.kinds.iter().find(|(_, a, b)| (*a..*b).contains(&doc)).map(|k| k.0).unwrap_or(ItemKind::Policy)
    }

    /// Whether a document passes the filters `f`, as a test built once per request (each
    /// selected value looked up in its column once, not per document).
    fn matcher<'a>(&'a self, f: &'a FacetFilters) -> impl Fn(u32) -> bool + 'a {
        // Per filter in use: its column and the value's index there (`None`: nothing has it).
        let wanted = |column: &str, value: Option<String>| {
            value.map(|value| {
                let column = self.columns.get(column);
                let index = column.and_then(|c| c.values.iter().position(|v| *v == value)).map(|i| i as u32);
                (column, index)
            })
        };
        let tests = [
            wanted("theme", f.theme.clone()),
            wanted("audience", f.audience.clone()),
            wanted("issuer", f.issuer.as_ref().map(|i| self.issuers.canonical(i).to_string())),
            wanted("year", f.year.map(|y| y.to_string())),
            wanted("status", f.status.map(|s| status_value(s).to_string())),
        ];
        move |doc| {
            f.kind.is_none_or(|k| self.kind_of(doc) == k)
                && tests.iter().flatten().all(|(column, index)| match (column, index) {
                    (Some(c), Some(i)) => c.of(doc).contains(i),
                    _ => false,
                })
        }
    }

    fn facets(&self, scored: &[(u32, f32)]) -> Facets {
        let mut counts: [BTreeMap<String, usize>; 6] = Default::default();
        let mut per_kind = [0usize; ItemKind::ALL.len()];
        for (doc, _) in scored {
            let kind = self.kind_of(*doc);
            if let Some(i) = ItemKind::ALL.iter().position(|k| *k == kind) {
                per_kind[i] += 1;
            }
        }
        counts[0] = ItemKind::ALL.iter().zip(per_kind).filter(|(_, n)| *n > 0).map(|(k, n)| (k.as_str().to_string(), n)).collect();
        for (i, name) in FACETS.iter().enumerate() {
            let Some(column) = self.columns.get(*name) else { continue };
            let mut per_value = vec![0usize; column.values.len()];
            for (doc, _) in scored {
                for v in column.of(*doc) {
                    if let Some(n) = per_value.get_mut(*v as usize) {
                        *n += 1;
                    }
                }
            }
            counts[i + 1] = column.values.iter().cloned().zip(per_value).filter(|(_, n)| *n > 0).collect();
        }
        let label = |terms: &[crate::types::Term], id: &str| terms.iter().find(|t| t.id == id).map(|t| t.label.clone()).unwrap_or_else(|| id.to_string());
        crate::search::facets::assemble(counts, |t| label(&self.head.taxonomy.themes, t), |a| label(&self.head.taxonomy.audiences, a))
    }
}

/// The head as a ranking source for one planning pass, noting the chunks it lacked.
struct View<'a> {
    head: &'a IndexHead,
    missing: RefCell<BTreeSet<String>>,
}

impl View<'_> {
    fn present(&self, chunk: String) -> bool {
        if self.head.loaded.contains_key(&chunk) {
            return true;
        }
        self.missing.borrow_mut().insert(chunk);
        false
    }
    fn key(&self, key: &str) -> &[u32] {
        if !self.present(key_chunk(key, self.head.head.key_shards)) {
            return &[];
        }
        self.head.keys.get(&key_hash(key)).map(Vec::as_slice).unwrap_or(&[])
    }
}

impl Source for View<'_> {
    fn doc_count(&self) -> usize {
        self.head.head.documents as usize
    }
    fn postings(&self, token: &str) -> &[Posting] {
        if !self.present(posting_chunk(token, self.head.head.posting_shards)) {
            return &[];
        }
        self.head.postings.get(token).map(Vec::as_slice).unwrap_or(&[])
    }
    fn doc_number_match(&self, query: &str) -> Option<u32> {
        let key = doc_number_key(query)?;
        self.key(&number_key(&key)).first().copied()
    }
    fn titled(&self, squeezed: &str) -> &[u32] {
        self.key(&title_key(squeezed))
    }
}
