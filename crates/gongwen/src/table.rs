//! Tables as readable text. A list table (a header row such as 序号 | 工作任务 | 责任单位) gives
//! one paragraph per row, "第N项 工作任务：… 责任单位：…" (empty cells left out); a column headed
//! 分组 / 类别 / 分类 / 板块 splits the rows into sections, one per group, headed by it. A form
//! (label, value, label, value… with no header row) gives "标签：值；标签：值" per row.
//! Transcriptions (`--table`): a TSV file with a header row; `#note<TAB>text` adds a note
//! paragraph, other lines starting with # are comments.

use crate::clean::normalise;
use crate::source::Table;

pub const GROUP_HEADERS: &[&str] = &["分组", "类别", "分类", "板块"];
const SERIAL_HEADERS: &[&str] = &["序号", "编号"];

/// A group of rows: its heading (None for a table without a group column) and paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct RowGroup {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

/// A header row: at least two short labels and no sentence punctuation.
pub fn is_header_row(row: &[String]) -> bool {
    let filled: Vec<&String> = row.iter().filter(|c| !c.is_empty()).collect();
    filled.len() >= 2
        && filled.len() + 1 >= row.len()
        && filled.iter().all(|c| c.chars().count() <= 12 && !c.contains(['。', '，', '；', '（', '(']))
}

pub fn render(table: &Table) -> Vec<RowGroup> {
    let Some(first) = table.rows.first() else { return Vec::new() };
    if is_header_row(first) {
        render_list(first, &table.rows[1..])
    } else {
        vec![RowGroup { heading: None, paragraphs: table.rows.iter().filter_map(|r| form_row(r)).collect() }]
    }
}

fn form_row(row: &[String]) -> Option<String> {
    let filled: Vec<&String> = row.iter().filter(|c| !c.is_empty()).collect();
    match filled.len() {
        0 => None,
        1 => Some(filled[0].clone()),
        _ => {
            let pairs: Vec<String> = row
                .chunks(2)
                .filter(|pair| !pair[0].is_empty())
                .map(|pair| format!("{}：{}", pair[0], pair.get(1).map(String::as_str).unwrap_or("")))
                .collect();
            Some(pairs.join("；"))
        }
    }
}

fn render_list(header: &[String], rows: &[Vec<String>]) -> Vec<RowGroup> {
    let group_col = header.iter().position(|h| GROUP_HEADERS.contains(&h.as_str()));
    let serial_col = header.iter().position(|h| SERIAL_HEADERS.contains(&h.as_str()));
    let mut groups: Vec<RowGroup> = Vec::new();
    for row in rows {
        if row.as_slice() == header || row.iter().all(String::is_empty) {
            continue; // the header repeated on each printed page, or a blank row
        }
        let cell = |i: usize| row.get(i).map(String::as_str).unwrap_or("");
        let mut parts = Vec::new();
        if let Some(serial) = serial_col.map(cell).filter(|s| !s.is_empty()) {
            parts.push(format!("第{serial}项"));
        }
        for (i, name) in header.iter().enumerate() {
            if Some(i) == group_col || Some(i) == serial_col || cell(i).is_empty() {
                continue;
            }
            parts.push(if name.is_empty() { cell(i).to_string() } else { format!("{name}：{}", cell(i)) });
        }
        let group = group_col.map(cell).filter(|g| !g.is_empty()).map(str::to_string);
        let starts_group = groups.is_empty() || (group.is_some() && groups.last().is_some_and(|g| g.heading != group));
        if starts_group {
            groups.push(RowGroup { heading: group, paragraphs: Vec::new() });
        }
        if let Some(last) = groups.last_mut() {
            last.paragraphs.push(parts.join(" "));
        }
    }
    groups
}

/// A table transcription: the table and an optional note to print before it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Transcription {
    pub note: Option<String>,
    pub table: Table,
}

pub fn read_transcription(text: &str) -> Result<Transcription, String> {
    let mut out = Transcription::default();
    for (i, line) in text.lines().enumerate() {
        if let Some(note) = line.strip_prefix("#note\t") {
            out.note = Some(normalise(note));
        } else if line.starts_with('#') || line.trim().is_empty() {
            continue;
        } else {
            if out.table.rows.is_empty() {
                out.table.no = i + 1;
            }
            out.table.rows.push(line.split('\t').map(normalise).collect());
        }
    }
    match out.table.rows.first() {
        Some(header) if is_header_row(header) => Ok(out),
        Some(_) => Err("表格转录文件的第一行应为表头（如 序号、分组、工作任务、责任单位），用制表符分隔".to_string()),
        None => Err("表格转录文件中没有表格行".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table { no: 1, rows: rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect() }
    }

    #[test]
    fn list_table_with_groups() {
        let t = table(&[
            &["序号", "分组", "工作任务", "责任单位"],
            &["1", "一、公开", "做好解读", "区政府办公室"],
            &["序号", "分组", "工作任务", "责任单位"],
            &["2", "一、公开", "回应关切", ""],
            &["3", "二、保障", "加强培训", "各街道"],
        ]);
        let groups = render(&t);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].heading.as_deref(), Some("一、公开"));
        assert_eq!(groups[0].paragraphs, ["第1项 工作任务：做好解读 责任单位：区政府办公室", "第2项 工作任务：回应关切"]);
        assert_eq!(groups[1].paragraphs, ["第3项 工作任务：加强培训 责任单位：各街道"]);
    }

    #[test]
    fn form_table() {
        let t = table(&[&["活动主题", "（如“走进科技”）", "", ""], &["联系人", "", "联系方式", ""]]);
        assert_eq!(render(&t)[0].paragraphs, ["活动主题：（如“走进科技”）", "联系人：；联系方式："]);
    }
}
