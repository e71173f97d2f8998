//! `mingbai report --xlsx <file>`: the unanswered questions as the import template's 问答 sheet
//! (sheet 问答, the template's headers in its order), so editors write the answers in Excel and
//! re-import the file. Per row: 问题 = the most frequent correctly spelled form (see
//! `QueryGroup::question`), 相似问法 = the other spellings, typos included
//! (separated by ；), 热度 = the count capped at 100, 来源 = a note with the count and the week it
//! first appeared. 编号 stays empty (the importer derives a stable id from the question), and so do
//! 答案 and the other columns, for the editors.

use crate::report_tally::{QueryGroup, Week};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::path::Path;

pub const HEADERS: [&str; 14] =
    ["编号", "问题", "相似问法", "答案", "政策依据", "主题", "适用对象", "热度", "更新日期", "来源", "责任单位", "适用范围", "适用地区", "失效日期"];

pub fn write(path: &Path, groups: &[&QueryGroup]) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("问答")?;
    let bold = Format::new().set_bold();
    for (col, header) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *header, &bold)?;
        let width = match *header {
            "问题" | "相似问法" | "来源" => 36.0,
            "答案" => 48.0,
            _ => 12.0,
        };
        sheet.set_column_width(col as u16, width)?;
    }
    for (i, group) in groups.iter().enumerate() {
        let row = i as u32 + 1;
        let others = group.other_spellings();
        sheet.write_string(row, 1, group.question())?;
        if !others.is_empty() {
            sheet.write_string(row, 2, others.join("；"))?;
        }
        sheet.write_number(row, 7, group.count.min(100) as f64)?;
        let since = group.first_week().map(|w: Week| format!("，{} 起", w.label())).unwrap_or_default();
        sheet.write_string(row, 9, format!("用户搜索无结果 {} 次{since}（mingbai report）", group.count))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save(path)
}
