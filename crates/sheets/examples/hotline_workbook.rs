//! Writes a "real-shaped" 12345 hotline knowledge-base workbook for demonstrations: a merged title
//! row and a note above the header (row 3), the columns staff use (序号, 标准问题, 扩展问题,
//! 知识库答案, 责任单位, 更新时间, 备注), 责任单位 merged over runs of rows, dates as serial
//! numbers, a duplicate question and a row without an answer. The questions and answers come from
//! the embedded example library (public/library/qa.json); the departments are example data.
//!
//!     cargo run -p mingbai-sheets --example hotline_workbook -- out.xlsx [public/library/qa.json]

use mingbai_core::Qa;
use mingbai_sheets::cells::date_serial;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args.first().ok_or("usage: hotline_workbook <out.xlsx> [qa.json]")?;
    let source = args.get(1).map(String::as_str).unwrap_or("public/library/qa.json");
    let qa: Vec<Qa> = serde_json::from_str(&std::fs::read_to_string(source)?)?;
    let departments = ["区政务公开办公室（示例）", "区人力资源和社会保障局（示例）", "区民政局（示例）"];

    let mut book = Workbook::new();
    let title = Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center);
    let merged = Format::new().set_align(FormatAlign::VerticalCenter);
    let date = Format::new().set_num_format("yyyy/m/d");
    let sheet = book.add_worksheet();
    sheet.set_name("热线知识库")?;
    sheet.merge_range(0, 0, 0, 6, "12345政务服务便民热线知识库（示例数据，问答摘自明白示例政策库）", &title)?;
    sheet.write_string(1, 0, "导出单位：区12345热线（示例）    导出日期：2025年7月9日")?;
    for (c, h) in ["序号", "标准问题", "扩展问题", "知识库答案", "责任单位", "更新时间", "备注"].iter().enumerate() {
        sheet.write_string(2, c as u16, *h)?;
    }
    let mut r = 3u32;
    let take: Vec<&Qa> = qa.iter().take(30).collect();
    for (i, q) in take.iter().enumerate() {
        sheet.write_number(r, 0, (i + 1) as f64)?;
        sheet.write_string(r, 1, &q.question)?;
        sheet.write_string(r, 2, q.aliases.join("；"))?;
        sheet.write_string(r, 3, q.answer.join("\n"))?;
        sheet.write_number_with_format(r, 5, date_serial(&q.updated), &date)?;
        r += 1;
    }
    // 责任单位 merged over runs of ten rows.
    for (block, department) in departments.iter().enumerate() {
        let first = 3 + block as u32 * 10;
        sheet.merge_range(first, 4, first + 9, 4, department, &merged)?;
    }
    // A blank row, the first question again (with another 扩展问题), and a question left unanswered.
    r += 1;
    sheet.write_number(r, 0, 31.0)?;
    sheet.write_string(r, 1, &take[0].question)?;
    sheet.write_string(r, 2, "毕业生就业政策在哪看")?;
    sheet.write_string(r, 3, take[0].answer.join("\n"))?;
    sheet.write_string(r, 4, departments[0])?;
    sheet.write_string(r, 5, "2024年6月30日")?;
    r += 1;
    sheet.write_number(r, 0, 32.0)?;
    sheet.write_string(r, 1, "（示例）政务公开专区周末开放吗？")?;
    sheet.write_string(r, 4, departments[0])?;
    sheet.write_string(r, 5, "2024.7.1")?;
    sheet.write_string(r, 6, "待补充答案")?;
    // A statistics sheet, as such workbooks often have.
    let stats = book.add_worksheet();
    stats.set_name("来电统计")?;
    stats.write_string(0, 0, "月份")?;
    stats.write_string(0, 1, "来电量（示例）")?;
    stats.write_string(1, 0, "2025年6月")?;
    stats.write_number(1, 1, 1000.0)?;
    book.save(out)?;
    println!("wrote {out}: {} questions", take.len() + 2);
    Ok(())
}
