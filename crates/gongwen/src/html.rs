//! Web pages (.html) as government portals publish 公文: the article body (the first of
//! #zoom, .TRS_Editor, .article-content, article, main, … holding real text, else <body>) read
//! with the scraper crate (html5ever) into lines and tables, plus the portal's own metadata
//! table (发布机构 / 文号 / 成文日期 / 发布日期 label cells) when the page has one.

use crate::clean::normalise;
use crate::source::{Block, Extracted, Line, Table};
use scraper::{ElementRef, Html, Node, Selector};

/// Label → value pairs from the page's metadata table, e.g. ("文号", "槐政办发〔2024〕2号").
pub type PageMeta = Vec<(String, String)>;

const MAIN_SELECTORS: &[&str] = &["#zoom", ".TRS_Editor", ".article-content", ".article_content", ".zwnr", "#content", ".content", "article", "main"];
const BLOCK_TAGS: &[&str] = &["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "main", "center", "blockquote", "pre", "tr", "ul", "ol", "header", "footer"];
const SKIP_TAGS: &[&str] = &["script", "style", "noscript", "template", "nav", "iframe", "svg", "button", "select", "form"];

pub fn read(text: &str) -> (Extracted, PageMeta) {
    let page = Html::parse_document(text);
    let mut main = None;
    for css in MAIN_SELECTORS {
        let Ok(selector) = Selector::parse(css) else { continue };
        if let Some(found) = page.select(&selector).find(|e| e.text().map(|t| t.trim().chars().count()).sum::<usize>() >= 50) {
            main = Some(found);
            break;
        }
    }
    let body = Selector::parse("body").ok().and_then(|s| page.select(&s).next());
    let root = main.or(body).unwrap_or_else(|| page.root_element());
    let mut walker = Walker::default();
    // The portal's title heading often sits outside the article body.
    if main.is_some() {
        if let Some(h1) = Selector::parse("h1").ok().and_then(|s| page.select(&s).next()) {
            let inside = root.descendent_elements().any(|e| e.id() == h1.id());
            if !inside {
                walker.walk(h1);
                walker.flush();
            }
        }
    }
    walker.walk(root);
    walker.flush();
    (walker.out, page_meta(&page))
}

#[derive(Default)]
struct Walker {
    out: Extracted,
    line: String,
    count: usize,
}

impl Walker {
    fn flush(&mut self) {
        let text = normalise(&self.line);
        self.line.clear();
        if !text.is_empty() {
            self.count += 1;
            self.out.blocks.push(Block::Text(Line { no: self.count, text }));
        }
    }

    fn walk(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(t) => self.line.push_str(t),
                Node::Element(e) => {
                    let name = e.name();
                    let Some(child_ref) = ElementRef::wrap(child) else { continue };
                    if SKIP_TAGS.contains(&name) {
                        continue;
                    }
                    if matches!(name, "td" | "th") {
                        // A cell of a layout table: its own block.
                        self.flush();
                        self.walk(child_ref);
                        self.flush();
                        continue;
                    }
                    if name == "br" {
                        self.flush();
                    } else if name == "table" && !is_layout_table(child_ref) {
                        self.flush();
                        self.count += 1;
                        let no = self.count;
                        self.out.blocks.push(Block::Table(Table { no, rows: table_rows(child_ref) }));
                    } else if BLOCK_TAGS.contains(&name) {
                        self.flush();
                        self.walk(child_ref);
                        self.flush();
                    } else {
                        self.walk(child_ref);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Older portals lay whole pages out with tables: a table holding another table or a cell of
/// article length is layout, read as blocks, not a data table.
fn is_layout_table(table: ElementRef) -> bool {
    let nested = Selector::parse("table table").ok().is_some_and(|s| table.select(&s).next().is_some());
    let long_cell = Selector::parse("td, th").ok().is_some_and(|s| table.select(&s).any(|c| c.text().map(|t| t.chars().count()).sum::<usize>() > 300));
    nested || long_cell
}

/// Rows of a table with row-spanning cells repeated in each row they cover.
fn table_rows(table: ElementRef) -> Vec<Vec<String>> {
    let Ok(tr) = Selector::parse("tr") else { return Vec::new() };
    let mut rows = Vec::new();
    // Per column: rows still covered by a cell above, and its text.
    let mut pending: Vec<(usize, String)> = Vec::new();
    for row in table.select(&tr) {
        let mut cells: Vec<String> = Vec::new();
        let mut col = 0;
        let take_pending = |col: &mut usize, cells: &mut Vec<String>, pending: &mut Vec<(usize, String)>| {
            while *col < pending.len() && pending[*col].0 > 0 {
                pending[*col].0 -= 1;
                cells.push(pending[*col].1.clone());
                *col += 1;
            }
        };
        for cell in row.child_elements().filter(|c| matches!(c.value().name(), "td" | "th")) {
            take_pending(&mut col, &mut cells, &mut pending);
            let text = normalise(&cell.text().collect::<String>());
            let rowspan: usize = cell.attr("rowspan").and_then(|v| v.trim().parse().ok()).unwrap_or(1).clamp(1, 1000);
            let colspan: usize = cell.attr("colspan").and_then(|v| v.trim().parse().ok()).unwrap_or(1).clamp(1, 64);
            for k in 0..colspan {
                if pending.len() <= col {
                    pending.resize(col + 1, (0, String::new()));
                }
                let value = if k == 0 { text.clone() } else { String::new() };
                pending[col] = (rowspan - 1, value.clone());
                cells.push(value);
                col += 1;
            }
        }
        take_pending(&mut col, &mut cells, &mut pending);
        if !cells.is_empty() {
            rows.push(cells);
        }
    }
    rows
}

const META_LABELS: &[&str] = &["发文机关", "发布机构", "发文单位", "文号", "发文字号", "成文日期", "发布日期", "标题", "名称"];

/// Label/value cell pairs anywhere in the page ("文号：" | "槐政办发〔2024〕2号").
fn page_meta(page: &Html) -> PageMeta {
    let mut meta = PageMeta::new();
    let Ok(cells) = Selector::parse("td, th") else { return meta };
    let all: Vec<String> = page.select(&cells).map(|c| normalise(&c.text().collect::<String>())).collect();
    for pair in all.windows(2) {
        let label = pair[0].trim_end_matches(['：', ':']).replace(' ', "");
        if META_LABELS.contains(&label.as_str()) && !pair[1].is_empty() && !meta.iter().any(|(l, _)| *l == label) {
            meta.push((label, pair[1].clone()));
        }
    }
    meta
}
