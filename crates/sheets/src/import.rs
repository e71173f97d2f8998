//! Spreadsheet rows → library entries. Finds each sheet's header row (anywhere in the first 30
//! rows) and its kind, maps headers by alias or `--map`, and turns every data row into an entry
//! or into problems located by file › sheet › row › column. Ids come from an id column, else from
//! the existing library (same question or title), else from a short hash of the normalised text.

use crate::cells::{half_width, header_key, parse_date, split_lines, split_list, text_key, Cell};
use crate::columns::{field_for, Column, SheetKind, Split, IGNORED_HEADERS};
use crate::problem::{column_letter, Level, Problem, SheetSummary};
use crate::read::Grid;
use crate::vocabulary::{List, Vocabulary};
use mingbai_core::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How far down a header row is looked for.
const HEADER_SEARCH_ROWS: usize = 30;

#[derive(Debug, Clone)]
pub struct Options {
    /// `--map 列名=字段`: a header and the field (or template header) it means.
    pub maps: Vec<(String, String)>,
    /// `--sheet 名`: only these sheets (empty: every sheet).
    pub sheets: Vec<String>,
    /// The import date, used when a required date is missing (reported).
    pub today: IsoDate,
}

/// Entries per kind; `None` for kinds no sheet provided (they stay as they are in the library).
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub policies: Option<Vec<Policy>>,
    /// Sections per policy id, from a 政策正文 sheet.
    pub sections: Option<BTreeMap<String, Vec<Section>>>,
    pub cards: Option<Vec<Card>>,
    pub qa: Option<Vec<Qa>>,
    pub notices: Option<Vec<Notice>>,
    pub topics: Option<Vec<Topic>>,
    pub taxonomy: Taxonomy,
    /// Whether a 分类 sheet provided the taxonomy, or labels were added to it.
    pub taxonomy_changed: bool,
    pub synonyms: Option<Vec<Synonym>>,
}

pub struct Outcome {
    pub imported: Imported,
    pub problems: Vec<Problem>,
    pub sheets: Vec<SheetSummary>,
}

/// A sheet whose header row and kind were found.
struct Layout<'g> {
    grid: &'g Grid,
    kind: SheetKind,
    header_row: usize,
    /// Column index → the column it holds.
    columns: Vec<(usize, &'static Column)>,
}

pub fn import(grids: &[Grid], existing: Option<&Library>, options: &Options) -> Outcome {
    let mut problems = Vec::new();
    let mut summaries = Vec::new();
    let mut layouts = Vec::new();
    for grid in grids {
        let mut summary = SheetSummary { file: grid.file.clone(), sheet: grid.sheet.clone(), ..Default::default() };
        if !options.sheets.is_empty() && !options.sheets.iter().any(|s| header_key(s) == header_key(&grid.sheet)) {
            summary.reason = Some("未在 --sheet 中选择".to_string());
            summaries.push(summary);
            continue;
        }
        if header_key(&grid.sheet) == header_key("说明") {
            summary.reason = Some("模板的说明页（其中的示例不会导入）".to_string());
            summaries.push(summary);
            continue;
        }
        match find_layout(grid, options, &mut problems) {
            Some(layout) => {
                summary.kind = Some(layout.kind);
                summary.header_row = Some(layout.header_row + 1);
                summaries.push(summary);
                layouts.push(layout);
            }
            None => {
                summary.headers = likely_headers(grid);
                summary.reason = Some(if grid.rows.iter().all(|r| r.iter().all(Cell::is_blank)) {
                    "空表".to_string()
                } else {
                    "表头不属于任何一类内容".to_string()
                });
                summaries.push(summary);
            }
        }
    }

    // The taxonomy first: every other sheet resolves labels through it.
    let taxonomy_sheets: Vec<&Layout> = layouts.iter().filter(|l| l.kind == SheetKind::Taxonomy).collect();
    let mut imported = Imported::default();
    let base_taxonomy = existing.map(|l| l.taxonomy.clone()).unwrap_or_default();
    let mut vocabulary = if taxonomy_sheets.is_empty() {
        Vocabulary::new(base_taxonomy.clone(), existing.is_none())
    } else {
        imported.taxonomy_changed = true;
        Vocabulary::new(Taxonomy::default(), false)
    };
    let mut context = Context {
        options,
        problems: &mut problems,
        vocabulary: &mut vocabulary,
        existing,
        policy_keys: HashMap::new(),
        summaries: &mut summaries,
        titles: existing_titles(existing),
    };
    for layout in &taxonomy_sheets {
        context.taxonomy_sheet(layout);
    }
    // Policies before what cites them.
    let order = [SheetKind::Policy, SheetKind::Section, SheetKind::Card, SheetKind::Qa, SheetKind::Notice, SheetKind::Topic, SheetKind::Synonym];
    for kind in order {
        for layout in layouts.iter().filter(|l| l.kind == kind) {
            context.sheet(layout, &mut imported);
        }
        if kind == SheetKind::Policy {
            context.index_policies(imported.policies.as_deref());
        }
    }
    if vocabulary.grew() {
        imported.taxonomy_changed = true;
    }
    imported.taxonomy = vocabulary.into_taxonomy();
    if !imported.taxonomy_changed {
        imported.taxonomy = base_taxonomy;
    }
    Outcome { imported, problems, sheets: summaries }
}

/// The header cells of a sheet that fits no kind: the first row with two or more texts.
fn likely_headers(grid: &Grid) -> Vec<String> {
    grid.rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .find(|r| r.iter().filter(|c| !c.is_blank()).count() >= 2)
        .map(|r| r.iter().map(Cell::text).filter(|t| !t.is_empty()).collect())
        .unwrap_or_default()
}

fn mapped_column(kind: SheetKind, key: &str, options: &Options) -> Option<&'static Column> {
    for (header, field) in &options.maps {
        if header_key(header) == key {
            let target = header_key(field);
            if let Some(column) = kind.columns().iter().find(|c| c.field == target || header_key(c.header) == target) {
                return Some(column);
            }
        }
    }
    field_for(kind, key)
}

/// The best (header row, kind) in the first rows: every key column present, most columns known.
fn find_layout<'g>(grid: &'g Grid, options: &Options, problems: &mut Vec<Problem>) -> Option<Layout<'g>> {
    let named = SheetKind::from_sheet_name(&grid.sheet);
    let mut best: Option<(usize, Layout)> = None;
    for (r, row) in grid.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let keys: Vec<(usize, String)> =
            row.iter().enumerate().filter(|(_, c)| !c.is_blank()).map(|(i, c)| (i, header_key(&c.text()))).collect();
        if keys.is_empty() {
            continue;
        }
        for kind in SheetKind::ALL {
            let columns: Vec<(usize, &'static Column)> =
                keys.iter().filter_map(|(i, k)| mapped_column(kind, k, options).map(|c| (*i, c))).collect();
            if !kind.key_fields().iter().all(|f| columns.iter().any(|(_, c)| c.field == *f)) {
                continue;
            }
            let distinct: HashSet<&str> = columns.iter().map(|(_, c)| c.field).collect();
            let score = distinct.len() * 2 + usize::from(named == Some(kind)) * 3;
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, Layout { grid, kind, header_row: r, columns }));
            }
        }
    }
    let (_, layout) = best?;
    // Report headers that mean nothing here.
    let header = &grid.rows[layout.header_row];
    for (i, cell) in header.iter().enumerate() {
        if cell.is_blank() || layout.columns.iter().any(|(c, _)| *c == i) {
            continue;
        }
        let key = header_key(&cell.text());
        if IGNORED_HEADERS.contains(&key.as_str()) {
            continue;
        }
        let has_data = grid.rows.iter().skip(layout.header_row + 1).any(|r| r.get(i).is_some_and(|c| !c.is_blank()));
        problems.push(Problem {
            level: Level::Warning,
            file: grid.file.clone(),
            sheet: grid.sheet.clone(),
            row: Some(layout.header_row + 1),
            column: Some(format!("{}（{}列）", cell.text(), column_letter(i))),
            message: format!(
                "未知的列，{}（如需导入，请用 --map {}=字段名 指定）",
                if has_data { "其内容未导入" } else { "该列为空" },
                cell.text()
            ),
        });
    }
    Some(layout)
}

/// One data row: the cells of each field (a list field may come from several columns).
struct Row<'a> {
    number: usize,
    values: Vec<(&'static Column, usize, &'a Cell)>,
    /// Every column of the sheet's layout (a row may end before some of them).
    columns: &'a [(usize, &'static Column)],
}

impl<'a> Row<'a> {
    fn cells(&self, field: &str) -> impl Iterator<Item = &(&'static Column, usize, &'a Cell)> {
        let field = field.to_string();
        self.values.iter().filter(move |(c, _, cell)| c.field == field && !cell.is_blank())
    }
    fn first(&self, field: &str) -> Option<&(&'static Column, usize, &'a Cell)> {
        self.cells(field).next()
    }
    fn text(&self, field: &str) -> Option<String> {
        self.first(field).map(|(_, _, c)| c.text()).filter(|t| !t.is_empty())
    }
    /// Ids, numbers and choices: full-width ASCII made half-width.
    fn plain(&self, field: &str) -> Option<String> {
        self.text(field).map(|t| half_width(&t).trim().to_string()).filter(|t| !t.is_empty())
    }
    fn values(&self, field: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (column, _, cell) in self.cells(field) {
            let text = cell.text();
            let parts = match column.split {
                Split::Lines => split_lines(&text),
                Split::List => split_list(&text),
                Split::One => vec![text],
            };
            for part in parts {
                if !out.contains(&part) {
                    out.push(part);
                }
            }
        }
        out
    }
    fn has_column(&self, field: &str) -> bool {
        self.columns.iter().any(|(_, c)| c.field == field)
    }
    fn column_name(&self, field: &str, kind: SheetKind) -> String {
        match self.columns.iter().find(|(_, c)| c.field == field) {
            Some((i, c)) => format!("{}（{}列）", c.header, column_letter(*i)),
            None => kind.columns().iter().find(|c| c.field == field).map(|c| c.header.to_string()).unwrap_or_else(|| field.to_string()),
        }
    }
}

struct Context<'a> {
    options: &'a Options,
    problems: &'a mut Vec<Problem>,
    vocabulary: &'a mut Vocabulary,
    existing: Option<&'a Library>,
    /// Policy id, title key and 文号 key → policy id, for references written as titles.
    policy_keys: HashMap<String, String>,
    summaries: &'a mut Vec<SheetSummary>,
    /// Per kind, the existing entries' title key → id (to keep ids of rows without an id).
    titles: HashMap<SheetKind, HashMap<String, String>>,
}

fn existing_titles(existing: Option<&Library>) -> HashMap<SheetKind, HashMap<String, String>> {
    let Some(lib) = existing else { return HashMap::new() };
    let keys = |pairs: Vec<(&String, &String)>| pairs.into_iter().map(|(title, id)| (text_key(title), id.clone())).collect();
    HashMap::from([
        (SheetKind::Policy, keys(lib.policies.iter().map(|p| (&p.title, &p.id)).collect())),
        (SheetKind::Card, keys(lib.cards.iter().map(|c| (&c.title, &c.id)).collect())),
        (SheetKind::Notice, keys(lib.notices.iter().map(|n| (&n.title, &n.id)).collect())),
        (SheetKind::Topic, keys(lib.topics.iter().map(|t| (&t.title, &t.id)).collect())),
    ])
}

/// Problems of one row, located.
struct RowReport<'r> {
    file: &'r str,
    sheet: &'r str,
    kind: SheetKind,
    row: &'r Row<'r>,
    problems: Vec<Problem>,
    failed: bool,
}

impl RowReport<'_> {
    fn push(&mut self, level: Level, field: &str, message: impl Into<String>) {
        if level == Level::Error {
            self.failed = true;
        }
        self.problems.push(Problem {
            level,
            file: self.file.to_string(),
            sheet: self.sheet.to_string(),
            row: Some(self.row.number),
            column: (!field.is_empty()).then(|| self.row.column_name(field, self.kind)),
            message: message.into(),
        });
    }
    /// A required text; its absence fails the row.
    fn required(&mut self, field: &str, what: &str) -> String {
        match self.row.text(field) {
            Some(t) => t,
            None => {
                self.push(Level::Error, field, format!("缺少{what}，该行未导入"));
                String::new()
            }
        }
    }
    fn date(&mut self, field: &str) -> Option<IsoDate> {
        let (_, _, cell) = self.row.first(field)?;
        match parse_date(cell) {
            Ok(date) => Some(date),
            Err(why) => {
                self.push(Level::Error, field, format!("{why}，该行未导入"));
                None
            }
        }
    }
    fn required_date(&mut self, field: &str, what: &str, today: &IsoDate) -> IsoDate {
        if self.row.first(field).is_none() {
            // A sheet without the column is told once (see `Context::missing_date_column`).
            if self.row.has_column(field) {
                self.push(Level::Warning, field, format!("{what}为空，已按导入日期 {today} 记录"));
            }
            return today.clone();
        }
        self.date(field).unwrap_or_else(|| today.clone())
    }
    fn id(&mut self) -> Option<String> {
        let id = self.row.plain("id")?;
        if id.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '/' | '?' | '#' | '%' | '\\')) || id.chars().count() > 200 {
            self.push(Level::Error, "id", format!("编号“{id}”不能包含空格或 / ? # % \\（它会出现在网址中），该行未导入"));
        }
        Some(id)
    }
}

impl Context<'_> {
    fn rows<'g>(&mut self, layout: &'g Layout, summary_index: usize) -> Vec<Row<'g>> {
        let grid = layout.grid;
        let header: Vec<String> = grid.rows[layout.header_row].iter().map(|c| c.text()).collect();
        // Columns such as 序号 are filled in on empty rows too: they do not make a row count.
        let ignored: Vec<bool> = header.iter().map(|h| IGNORED_HEADERS.contains(&header_key(h).as_str())).collect();
        let mut rows = Vec::new();
        for (r, cells) in grid.rows.iter().enumerate().skip(layout.header_row + 1) {
            if cells.iter().enumerate().all(|(i, c)| c.is_blank() || ignored.get(i).copied().unwrap_or(false)) {
                continue;
            }
            let values: Vec<(&'static Column, usize, &Cell)> =
                layout.columns.iter().filter_map(|(i, column)| cells.get(*i).map(|cell| (*column, *i, cell))).collect();
            let any_known = values.iter().any(|(_, _, c)| !c.is_blank());
            if cells.iter().all(Cell::is_blank) {
                continue;
            }
            self.summaries[summary_index].rows_read += 1;
            // A header repeated under itself (a merged header cell filled down, or a pasted header).
            let repeats_header = cells.iter().enumerate().all(|(i, c)| c.is_blank() || header.get(i).is_some_and(|h| *h == c.text()));
            if repeats_header || !any_known {
                self.summaries[summary_index].skipped += 1;
                self.problems.push(Problem {
                    level: Level::Warning,
                    file: grid.file.clone(),
                    sheet: grid.sheet.clone(),
                    row: Some(r + 1),
                    column: None,
                    message: if repeats_header { "重复的表头行，已跳过".into() } else { "这一行只有未知列有内容，未导入".into() },
                });
                continue;
            }
            rows.push(Row { number: r + 1, values, columns: &layout.columns });
        }
        rows
    }

    fn summary_index(&self, layout: &Layout) -> usize {
        self.summaries.iter().position(|s| s.file == layout.grid.file && s.sheet == layout.grid.sheet).unwrap_or(0)
    }

    fn taxonomy_sheet(&mut self, layout: &Layout) {
        let s = self.summary_index(layout);
        for row in self.rows(layout, s) {
            let mut report = self.report(layout, &row);
            let list = report.required("list", "类别");
            let id = row.plain("id").unwrap_or_default();
            let label = report.required("label", "名称");
            let public = match row.plain("public").unwrap_or_default().trim() {
                "" => None,
                "否" | "不" | "不显示" | "false" | "0" | "内部" => Some(false),
                "是" | "显示" | "true" | "1" => Some(true),
                other => {
                    report.push(Level::Warning, "public", format!("“{other}”应为 是 或 否，按留空（显示）处理"));
                    None
                }
            };
            if id.is_empty() {
                report.push(Level::Error, "id", "缺少编号，该行未导入");
            }
            let list = match List::parse(&list) {
                Some(list) => Some(list),
                None if !list.is_empty() => {
                    report.push(Level::Error, "list", format!("类别“{list}”应为 主题、适用对象 或 地区，该行未导入"));
                    None
                }
                None => None,
            };
            let ok = !report.failed;
            self.finish(report, s);
            if let (true, Some(list)) = (ok, list) {
                if !self.vocabulary.define(list, &id, &label, public) {
                    self.problems.push(Problem {
                        level: Level::Error,
                        file: layout.grid.file.clone(),
                        sheet: layout.grid.sheet.clone(),
                        row: Some(row.number),
                        column: Some(row.column_name("id", SheetKind::Taxonomy)),
                        message: format!("{}中编号“{id}”重复，该行未导入", list.label()),
                    });
                    self.summaries[s].imported -= 1;
                    self.summaries[s].skipped += 1;
                }
            }
        }
    }

    fn report<'r>(&self, layout: &'r Layout, row: &'r Row<'r>) -> RowReport<'r> {
        RowReport { file: &layout.grid.file, sheet: &layout.grid.sheet, kind: layout.kind, row, problems: Vec::new(), failed: false }
    }

    /// Counts the row and keeps its problems.
    fn finish(&mut self, report: RowReport, s: usize) {
        if report.failed {
            self.summaries[s].skipped += 1;
        } else {
            self.summaries[s].imported += 1;
        }
        self.problems.extend(report.problems);
    }

    fn terms(&mut self, report: &mut RowReport, field: &str, list: List) -> Vec<String> {
        let mut ids = Vec::new();
        for value in report.row.values(field) {
            match self.vocabulary.resolve(list, &value) {
                Some(id) => {
                    if !ids.contains(&id) {
                        ids.push(id)
                    }
                }
                None => report.push(Level::Warning, field, format!("分类表的{}中没有“{value}”，已忽略（请在“分类”表中添加）", list.label())),
            }
        }
        ids
    }

    fn index_policies(&mut self, imported: Option<&[Policy]>) {
        let policies: Vec<&Policy> = match (imported, self.existing) {
            (Some(list), _) => list.iter().collect(),
            (None, Some(lib)) => lib.policies.iter().collect(),
            (None, None) => Vec::new(),
        };
        self.policy_keys.clear();
        for p in policies {
            self.policy_keys.insert(p.id.clone(), p.id.clone());
            self.policy_keys.entry(format!("title:{}", text_key(&p.title))).or_insert(p.id.clone());
            if let Some(number) = &p.doc_number {
                self.policy_keys.entry(format!("number:{}", text_key(number))).or_insert(p.id.clone());
            }
        }
    }

    /// A policy written as its id, title (with or without 《》) or 文号.
    fn policy_id(&self, text: &str) -> Option<String> {
        let plain = half_width(text).trim().to_string();
        self.policy_keys
            .get(&plain)
            .or_else(|| self.policy_keys.get(&format!("title:{}", text_key(text))))
            .or_else(|| self.policy_keys.get(&format!("number:{}", text_key(text))))
            .cloned()
    }

    /// One warning for a sheet that lacks a required date column: every row gets the import date.
    fn missing_date_column(&mut self, layout: &Layout, rows: usize) {
        let (field, what) = match layout.kind {
            SheetKind::Qa => ("updated", "更新日期"),
            SheetKind::Card => ("published_date", "发布日期"),
            SheetKind::Notice => ("published", "发布日期"),
            _ => return,
        };
        if rows == 0 || layout.columns.iter().any(|(_, c)| c.field == field) {
            return;
        }
        self.problems.push(Problem {
            level: Level::Warning,
            file: layout.grid.file.clone(),
            sheet: layout.grid.sheet.clone(),
            row: Some(layout.header_row + 1),
            column: None,
            message: format!("表中没有“{what}”列，{rows} 行都按导入日期 {} 记录", self.options.today),
        });
    }

    fn sheet(&mut self, layout: &Layout, imported: &mut Imported) {
        let s = self.summary_index(layout);
        let rows = self.rows(layout, s);
        self.missing_date_column(layout, rows.len());
        match layout.kind {
            SheetKind::Qa => {
                let list = imported.qa.get_or_insert_with(Vec::new);
                let mut list_taken = std::mem::take(list);
                self.qa_sheet(layout, rows, s, &mut list_taken);
                imported.qa = Some(list_taken);
            }
            SheetKind::Policy => {
                let mut list = imported.policies.take().unwrap_or_default();
                for row in &rows {
                    if let Some(p) = self.policy_row(layout, row, s) {
                        self.push_unique(layout, row, s, &mut list, p, |p| &p.id);
                    }
                }
                imported.policies = Some(list);
            }
            SheetKind::Section => {
                let mut sections = imported.sections.take().unwrap_or_default();
                for row in &rows {
                    self.section_row(layout, row, s, &mut sections);
                }
                imported.sections = Some(sections);
            }
            SheetKind::Card => {
                let mut list = imported.cards.take().unwrap_or_default();
                for row in &rows {
                    if let Some(c) = self.card_row(layout, row, s) {
                        self.push_unique(layout, row, s, &mut list, c, |c| &c.id);
                    }
                }
                imported.cards = Some(list);
            }
            SheetKind::Notice => {
                let mut list = imported.notices.take().unwrap_or_default();
                for row in &rows {
                    if let Some(n) = self.notice_row(layout, row, s) {
                        self.push_unique(layout, row, s, &mut list, n, |n| &n.id);
                    }
                }
                imported.notices = Some(list);
            }
            SheetKind::Topic => {
                let mut list = imported.topics.take().unwrap_or_default();
                for row in &rows {
                    if let Some(t) = self.topic_row(layout, row, s) {
                        self.push_unique(layout, row, s, &mut list, t, |t| &t.id);
                    }
                }
                imported.topics = Some(list);
            }
            SheetKind::Synonym => {
                let mut list = imported.synonyms.take().unwrap_or_default();
                for row in &rows {
                    let mut report = self.report(layout, row);
                    let term = report.required("term", "词语");
                    let aliases = row.values("aliases");
                    let ok = !report.failed;
                    self.finish(report, s);
                    if ok {
                        list.push(Synonym { term, aliases });
                    }
                }
                imported.synonyms = Some(list);
            }
            SheetKind::Taxonomy => {}
        }
    }

    /// Adds an entry unless its id is taken (then the row is an error).
    fn push_unique<T>(&mut self, layout: &Layout, row: &Row, s: usize, list: &mut Vec<T>, entry: T, id: impl Fn(&T) -> &String) {
        if list.iter().any(|e| id(e) == id(&entry)) {
            self.problems.push(Problem {
                level: Level::Error,
                file: layout.grid.file.clone(),
                sheet: layout.grid.sheet.clone(),
                row: Some(row.number),
                column: Some(row.column_name("id", layout.kind)),
                message: format!("编号“{}”与前面的行重复，该行未导入", id(&entry)),
            });
            self.summaries[s].imported -= 1;
            self.summaries[s].skipped += 1;
        } else {
            list.push(entry);
        }
    }

    /// The id of an entry: its id cell, else the existing entry with the same text, else derived.
    fn entry_id(&self, given: Option<String>, prefix: &str, key_text: &str, existing: &HashMap<String, String>, taken: &dyn Fn(&str) -> bool) -> String {
        if let Some(id) = given {
            return id;
        }
        let key = text_key(key_text);
        if let Some(id) = existing.get(&key) {
            return id.clone();
        }
        let base = format!("{prefix}-{:08x}", (fnv1a(&key) >> 32) as u32);
        let mut id = base.clone();
        let mut n = 2;
        while taken(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn qa_sheet(&mut self, layout: &Layout, rows: Vec<Row>, s: usize, list: &mut Vec<Qa>) {
        let existing_keys: HashMap<String, String> = self
            .existing
            .map(|lib| {
                let mut keys = HashMap::new();
                for q in &lib.qa {
                    for text in std::iter::once(&q.question).chain(&q.aliases) {
                        keys.entry(text_key(text)).or_insert(q.id.clone());
                    }
                }
                keys
            })
            .unwrap_or_default();
        // Question or alias key → (position in list, row number).
        let mut seen: HashMap<String, (usize, usize)> = list.iter().enumerate().flat_map(|(i, q)| {
            std::iter::once(&q.question).chain(&q.aliases).map(move |t| (text_key(t), (i, 0)))
        }).collect();
        let mut ids: HashSet<String> = list.iter().map(|q| q.id.clone()).collect();
        for row in &rows {
            let mut report = self.report(layout, row);
            let question = report.required("question", "问题");
            let answer = row.values("answer");
            let key = text_key(&question);
            // A duplicate question: its aliases join the first row's entry.
            if !question.is_empty() {
                if let Some(&(position, first_row)) = seen.get(&key) {
                    let given_id = row.plain("id");
                    if given_id.is_none() || given_id.as_deref() == Some(list[position].id.as_str()) {
                        let first = &mut list[position];
                        let mut added = Vec::new();
                        for alias in row.values("aliases") {
                            if text_key(&alias) != text_key(&first.question) && !first.aliases.contains(&alias) {
                                first.aliases.push(alias.clone());
                                added.push(alias);
                            }
                        }
                        let differs = !answer.is_empty() && answer != first.answer;
                        let where_first = if first_row > 0 { format!("第{first_row}行") } else { "前面的表".to_string() };
                        report.push(
                            Level::Note,
                            "question",
                            format!(
                                "问题与{where_first}相同，已合并{}{}",
                                if added.is_empty() { String::new() } else { format!("（新增相似问法：{}）", added.join("；")) },
                                if differs { "；两行答案不同，保留了先出现的答案，请核对" } else { "" }
                            ),
                        );
                        self.problems.extend(report.problems);
                        self.summaries[s].merged += 1;
                        continue;
                    }
                }
            }
            if answer.is_empty() && !question.is_empty() {
                report.push(Level::Error, "answer", "问题没有答案，该行未导入");
            }
            let given = report.id();
            let updated = report.required_date("updated", "更新日期", &self.options.today);
            let expires = report.date("expires");
            let hot = match row.plain("hot") {
                None => 0,
                Some(text) => match text.parse::<f64>() {
                    Ok(v) if (0.0..=100.0).contains(&v) => v.round() as u8,
                    _ => {
                        report.push(Level::Warning, "hot", format!("热度“{text}”应为 0–100 的数字，已按 0 处理"));
                        0
                    }
                },
            };
            let scope = self.scope(&mut report, "scope");
            let themes = self.terms(&mut report, "themes", List::Themes);
            let audiences = self.terms(&mut report, "audiences", List::Audiences);
            let regions = self.terms(&mut report, "regions", List::Regions);
            let mut source = row.text("source");
            let policy_refs = self.policy_refs(&mut report, &mut source);
            if report.failed {
                self.finish(report, s);
                continue;
            }
            let mut aliases = Vec::new();
            for alias in row.values("aliases") {
                if text_key(&alias) != key && !aliases.contains(&alias) {
                    aliases.push(alias);
                }
            }
            let id = {
                let taken = |id: &str| ids.contains(id);
                self.entry_id(given, "qa", &question, &existing_keys, &taken)
            };
            let entry = Qa {
                id,
                question,
                aliases,
                answer,
                policy_refs,
                themes,
                audiences,
                hot,
                updated,
                source,
                department: row.text("department"),
                expires,
                scope,
                regions,
            };
            self.finish(report, s);
            if !ids.insert(entry.id.clone()) {
                self.problems.push(Problem {
                    level: Level::Error,
                    file: layout.grid.file.clone(),
                    sheet: layout.grid.sheet.clone(),
                    row: Some(row.number),
                    column: Some(row.column_name("id", SheetKind::Qa)),
                    message: format!("编号“{}”与前面的行重复，该行未导入", entry.id),
                });
                self.summaries[s].imported -= 1;
                self.summaries[s].skipped += 1;
                continue;
            }
            for text in std::iter::once(&entry.question).chain(&entry.aliases) {
                seen.entry(text_key(text)).or_insert((list.len(), row.number));
            }
            list.push(entry);
        }
    }

    fn scope(&mut self, report: &mut RowReport, field: &str) -> Option<Scope> {
        let text = report.row.plain(field)?;
        let scope = match text.trim_end_matches('级').to_lowercase().as_str() {
            "国家" | "全国" | "中央" | "national" => Some(Scope::National),
            "省" | "province" => Some(Scope::Province),
            "市" | "city" => Some(Scope::City),
            "区县" | "区" | "县" | "县区" | "county" => Some(Scope::County),
            _ => None,
        };
        if scope.is_none() {
            report.push(Level::Warning, field, format!("适用范围“{text}”应为 国家、省、市 或 区县，已忽略"));
        }
        scope
    }

    fn policy_refs(&mut self, report: &mut RowReport, source: &mut Option<String>) -> Vec<PolicyRef> {
        let mut refs = Vec::new();
        for value in report.row.values("policy_refs") {
            let plain = half_width(&value);
            let (policy, section) = match plain.split_once('#') {
                Some((p, s)) => (p.trim().to_string(), Some(s.trim().to_string())),
                None => (value.clone(), None),
            };
            match self.policy_id(&policy) {
                Some(policy_id) => refs.push(PolicyRef { policy_id, section }),
                None if self.policy_keys.is_empty() => {
                    // A hotline knowledge base without the policies: the citation stays readable.
                    let joined = match source.take() {
                        Some(s) if !s.contains(&value) => format!("{s}；{value}"),
                        Some(s) => s,
                        None => value.clone(),
                    };
                    *source = Some(joined);
                    report.push(Level::Note, "policy_refs", format!("政策库中没有政策，依据“{value}”已写入“来源”"));
                }
                None => report.push(Level::Warning, "policy_refs", format!("政策库中没有“{value}”（按编号、标题和文号都未找到），已忽略此依据")),
            }
        }
        refs
    }

    fn policy_row(&mut self, layout: &Layout, row: &Row, s: usize) -> Option<Policy> {
        let mut report = self.report(layout, row);
        let title = report.required("title", "标题");
        let issuer = report.required("issuer", "发布机构");
        let status_text = row.plain("status");
        let status = match status_text.as_deref() {
            None => {
                report.push(Level::Error, "status", "缺少有效性（有效、已修订、已废止、已失效），该行未导入");
                PolicyStatus::Effective
            }
            Some(t) => match parse_policy_status(t) {
                Some(status) => status,
                None => {
                    report.push(Level::Error, "status", format!("有效性“{t}”应为 有效、已修订、已废止 或 已失效，该行未导入"));
                    PolicyStatus::Effective
                }
            },
        };
        let given = report.id();
        let written_date = report.date("written_date");
        let published_date = report.date("published_date");
        let repealed_date = report.date("repealed_date");
        let themes = self.terms(&mut report, "themes", List::Themes);
        let audiences = self.terms(&mut report, "audiences", List::Audiences);
        let regions = self.terms(&mut report, "regions", List::Regions);
        let attachments = row
            .values("attachments")
            .into_iter()
            .filter_map(|line| match line.rsplit_once(char::is_whitespace) {
                Some((title, url)) if !title.trim().is_empty() => Some(Attachment { title: title.trim().to_string(), url: url.to_string() }),
                _ => {
                    report.push(Level::Warning, "attachments", format!("附件“{line}”应写成“附件标题 网址”，已忽略"));
                    None
                }
            })
            .collect();
        if report.failed {
            self.finish(report, s);
            return None;
        }
        let empty = HashMap::new();
        let existing = self.titles.get(&SheetKind::Policy).unwrap_or(&empty);
        let id = self.entry_id(given, "policy", &title, existing, &|_| false);
        let sections = self.existing.and_then(|l| l.policy(&id)).map(|p| p.sections.clone()).unwrap_or_default();
        self.finish(report, s);
        Some(Policy {
            id,
            title,
            doc_number: row.text("doc_number"),
            issuer,
            written_date,
            published_date,
            status,
            repealed_date,
            themes,
            audiences,
            regions,
            summary: row.text("summary").unwrap_or_default(),
            sections,
            supersedes: row.plain("supersedes"),
            superseded_by: row.plain("superseded_by"),
            attachments,
            source_url: row.plain("source_url"),
        })
    }

    fn section_row(&mut self, layout: &Layout, row: &Row, s: usize, sections: &mut BTreeMap<String, Vec<Section>>) {
        let mut report = self.report(layout, row);
        let policy = report.required("policy_id", "政策编号");
        let section_id = row.plain("section_id").unwrap_or_default();
        if section_id.is_empty() {
            report.push(Level::Error, "section_id", "缺少章节编号，该行未导入");
        }
        let policy_id = if policy.is_empty() { None } else { self.policy_id(&policy) };
        if !policy.is_empty() && policy_id.is_none() {
            report.push(Level::Error, "policy_id", format!("没有编号为“{policy}”的政策，该行未导入"));
        }
        let ok = !report.failed;
        self.finish(report, s);
        if let (true, Some(policy_id)) = (ok, policy_id) {
            let list = sections.entry(policy_id).or_default();
            let paragraphs = row.values("paragraphs");
            // Rows with the same section id continue that section (long texts over several rows).
            match list.last_mut() {
                Some(last) if last.id == section_id => last.paragraphs.extend(paragraphs),
                _ => list.push(Section { id: section_id, heading: row.text("heading").unwrap_or_default(), paragraphs }),
            }
        }
    }

    fn card_row(&mut self, layout: &Layout, row: &Row, s: usize) -> Option<Card> {
        let mut report = self.report(layout, row);
        let title = report.required("title", "标题");
        let policy = report.required("policy_id", "政策编号");
        let policy_id = match self.policy_id(&policy) {
            Some(id) => id,
            None if self.policy_keys.is_empty() => half_width(&policy).trim().to_string(),
            None => {
                if !policy.is_empty() {
                    report.push(Level::Error, "policy_id", format!("没有编号、标题或文号为“{policy}”的政策，该行未导入"));
                }
                String::new()
            }
        };
        let given = report.id();
        let published_date = report.required_date("published_date", "发布日期", &self.options.today);
        let deadline = report.date("deadline");
        let expires = report.date("expires");
        let scope = self.scope(&mut report, "scope");
        let themes = self.terms(&mut report, "themes", List::Themes);
        let audiences = self.terms(&mut report, "audiences", List::Audiences);
        let regions = self.terms(&mut report, "regions", List::Regions);
        if report.failed {
            self.finish(report, s);
            return None;
        }
        let empty = HashMap::new();
        let existing = self.titles.get(&SheetKind::Card).unwrap_or(&empty);
        let id = self.entry_id(given, "card", &title, existing, &|_| false);
        let titled = |field: &str| -> Vec<TitledText> {
            row.values(field)
                .into_iter()
                .map(|line| match line.split_once('：') {
                    Some((t, text)) => TitledText { title: t.trim().to_string(), text: text.trim().to_string() },
                    None => TitledText { title: line, text: String::new() },
                })
                .collect()
        };
        let changes = row
            .values("changes")
            .into_iter()
            .map(|line| {
                let (before, after) = line.split_once('→').or_else(|| line.split_once("->")).unwrap_or(("", &line));
                Change { before: before.trim().to_string(), after: after.trim().to_string() }
            })
            .collect();
        let contacts = row
            .values("contacts")
            .into_iter()
            .map(|line| match line.rsplit_once(['：', ':']) {
                Some((name, phone)) => Contact { name: name.trim().to_string(), phone: half_width(phone).trim().to_string() },
                None => Contact { name: String::new(), phone: half_width(&line) },
            })
            .collect();
        self.finish(report, s);
        Some(Card {
            id,
            policy_id,
            title,
            summary: row.text("summary").unwrap_or_default(),
            key_points: titled("key_points"),
            eligibility: row.values("eligibility"),
            benefits: row.values("benefits"),
            steps: titled("steps"),
            materials: row.values("materials"),
            changes,
            contacts,
            deadline,
            published_date,
            themes,
            audiences,
            expires,
            scope,
            regions,
        })
    }

    fn links(&self, report: &mut RowReport, field: &str) -> Vec<ItemLink> {
        let mut links = Vec::new();
        for value in report.row.values(field) {
            let plain = half_width(&value);
            let parsed = plain.split_once(':').and_then(|(kind, id)| Some(ItemLink { kind: parse_kind(kind.trim())?, id: id.trim().to_string() }));
            match parsed {
                Some(link) if !link.id.is_empty() => links.push(link),
                _ => report.push(Level::Warning, field, format!("“{value}”应写成 类型:编号（如 qa:qa-001），已忽略")),
            }
        }
        links
    }

    fn notice_row(&mut self, layout: &Layout, row: &Row, s: usize) -> Option<Notice> {
        let mut report = self.report(layout, row);
        let title = report.required("title", "标题");
        let given = report.id();
        let published = report.required_date("published", "发布日期", &self.options.today);
        let expires = report.date("expires");
        let deadline = report.date("deadline");
        let priority = match row.plain("priority").as_deref() {
            None | Some("普通") | Some("normal") | Some("一般") => Priority::Normal,
            Some("紧急") | Some("urgent") | Some("加急") => Priority::Urgent,
            Some(other) => {
                report.push(Level::Warning, "priority", format!("优先级“{other}”应为 普通 或 紧急，已按普通处理"));
                Priority::Normal
            }
        };
        let themes = self.terms(&mut report, "themes", List::Themes);
        let audiences = self.terms(&mut report, "audiences", List::Audiences);
        let regions = self.terms(&mut report, "regions", List::Regions);
        let links = self.links(&mut report, "links");
        if report.failed {
            self.finish(report, s);
            return None;
        }
        let empty = HashMap::new();
        let existing = self.titles.get(&SheetKind::Notice).unwrap_or(&empty);
        let id = self.entry_id(given, "notice", &title, existing, &|_| false);
        self.finish(report, s);
        Some(Notice { id, title, body: row.values("body"), published, expires, deadline, priority, themes, audiences, regions, links })
    }

    fn topic_row(&mut self, layout: &Layout, row: &Row, s: usize) -> Option<Topic> {
        let mut report = self.report(layout, row);
        let title = report.required("title", "标题");
        let given = report.id();
        let items = self.links(&mut report, "items");
        if report.failed {
            self.finish(report, s);
            return None;
        }
        let empty = HashMap::new();
        let existing = self.titles.get(&SheetKind::Topic).unwrap_or(&empty);
        let id = self.entry_id(given, "topic", &title, existing, &|_| false);
        self.finish(report, s);
        Some(Topic { id, title, summary: row.text("summary").unwrap_or_default(), items })
    }
}

pub fn parse_policy_status(text: &str) -> Option<PolicyStatus> {
    match text.trim() {
        "有效" | "现行有效" | "effective" => Some(PolicyStatus::Effective),
        "已修订" | "修订" | "revised" => Some(PolicyStatus::Revised),
        "已废止" | "废止" | "repealed" => Some(PolicyStatus::Repealed),
        "已失效" | "失效" | "expired" => Some(PolicyStatus::Expired),
        _ => None,
    }
}

fn parse_kind(text: &str) -> Option<ItemKind> {
    let lower = text.to_lowercase();
    ItemKind::ALL.into_iter().find(|k| k.as_str() == lower || k.label() == text || (text == "解读卡" && *k == ItemKind::Card))
}

/// FNV-1a, 64 bits: a stable short hash for derived ids (same text → same id on every import).
pub fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}
