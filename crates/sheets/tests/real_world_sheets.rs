//! Import of spreadsheets with the quirks real ones have, made here with rust_xlsxwriter: title
//! rows above a header on row 3, merged header and data cells, dates as serial numbers and text,
//! full-width characters, blank and duplicate rows, an unknown column, a missing answer; and a
//! CSV file. Asserts the library that comes out and every problem with its row and column.

use mingbai_core::*;
use mingbai_sheets::assemble::assemble;
use mingbai_sheets::output::{library_files, validate_files};
use mingbai_sheets::{import, read_file, Level, Options, Problem};
use rust_xlsxwriter::{Format, Workbook};

fn today() -> IsoDate {
    IsoDate::parse("2026-01-15").unwrap()
}

fn options() -> Options {
    Options { maps: vec![], sheets: vec![], today: today() }
}

/// A hotline knowledge base as staff keep it.
fn hotline_workbook(path: &std::path::Path) {
    let mut book = Workbook::new();
    let merged = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy/m/d");
    let sheet = book.add_worksheet();
    sheet.set_name("知识库").unwrap();
    // Row 1–2: a merged title and a note; the header is on row 3.
    sheet.merge_range(0, 0, 0, 6, "某区12345热线知识库（示例数据）", &merged).unwrap();
    sheet.write_string(1, 0, "导出时间：2025年7月").unwrap();
    // Header row 3 with a merged header cell spanning rows 3–4 ("责任单位").
    let headers = ["序号", "标准问题", "扩展问题", "知识库答案", "责任单位", "更新时间", "联系人"];
    for (c, h) in headers.iter().enumerate() {
        if *h != "责任单位" {
            sheet.write_string(2, c as u16, *h).unwrap();
        }
    }
    sheet.merge_range(2, 4, 3, 4, "责任单位", &merged).unwrap();
    // Row 4 holds only the merged header's lower half; data from row 5.
    let rows: [(&str, &str, &str, &str, Option<f64>, Option<&str>); 7] = [
        ("1", "失业保险金怎么申领？", "失业金怎么领；失业补贴、失业金申请", "可以在“爱山东”或区人社局窗口申领。\n需要身份证。", Some(45473.0), None),
        ("2", "灵活就业人员怎么交社保？", "", "到区社保中心窗口办理。", None, Some("2024年6月30日")),
        ("3", "", "", "", None, None), // blank row
        ("4", "失业保险金怎么申领？", "领失业金", "可以在“爱山东”或区人社局窗口申领。\n需要身份证。", Some(45473.0), None), // duplicate
        ("5", "居住证在哪里办？", "", "", None, Some("2024.6.30")), // no answer
        ("６", "新生儿怎么上户口？", "", "带出生医学证明到派出所办理。", None, Some("二〇二四年六月三十日")),
        ("7", "公积金提取要多久？", "", "一般3个工作日到账。", None, Some("明年")),
    ];
    for (i, (n, q, aliases, answer, serial, text_date)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        sheet.write_string(r, 0, *n).unwrap();
        if !q.is_empty() {
            sheet.write_string(r, 1, *q).unwrap();
        }
        if !aliases.is_empty() {
            sheet.write_string(r, 2, *aliases).unwrap();
        }
        if !answer.is_empty() {
            sheet.write_string(r, 3, *answer).unwrap();
        }
        if let Some(serial) = serial {
            sheet.write_number_with_format(r, 5, *serial, &date).unwrap();
        }
        if let Some(text) = text_date {
            sheet.write_string(r, 5, *text).unwrap();
        }
        if *n == "2" {
            sheet.write_string(r, 6, "张三").unwrap();
        }
    }
    // 责任单位 merged down over the first two data rows; a single cell for row 9.
    sheet.merge_range(4, 4, 5, 4, "区人力资源和社会保障局", &merged).unwrap();
    sheet.write_string(9, 4, "区公安分局").unwrap();
    // A sheet that fits no kind.
    let other = book.add_worksheet();
    other.set_name("统计").unwrap();
    other.write_string(0, 0, "月份").unwrap();
    other.write_string(0, 1, "来电量").unwrap();
    other.write_number(1, 1, 1200.0).unwrap();
    book.save(path).unwrap();
}

fn problem<'a>(problems: &'a [Problem], row: usize) -> Vec<&'a Problem> {
    problems.iter().filter(|p| p.row == Some(row)).collect()
}

#[test]
fn a_hotline_workbook_imports_with_every_quirk_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("知识库.xlsx");
    hotline_workbook(&path);
    let grids = read_file(&path).unwrap();
    let outcome = import(&grids, None, &options());
    for p in &outcome.problems {
        eprintln!("{p}");
    }
    let qa = outcome.imported.qa.as_ref().unwrap();
    let questions: Vec<&str> = qa.iter().map(|q| q.question.as_str()).collect();
    assert_eq!(questions, ["失业保险金怎么申领？", "灵活就业人员怎么交社保？", "新生儿怎么上户口？"]);

    let first = &qa[0];
    assert_eq!(first.aliases, ["失业金怎么领", "失业补贴", "失业金申请", "领失业金"], "aliases split and merged from the duplicate row");
    assert_eq!(first.answer, ["可以在“爱山东”或区人社局窗口申领。", "需要身份证。"]);
    assert_eq!(first.updated.as_str(), "2024-06-30", "date cell (serial 45473)");
    assert_eq!(first.department.as_deref(), Some("区人力资源和社会保障局"));
    assert!(first.id.starts_with("qa-") && first.id.len() == 11, "derived id {}", first.id);
    assert_eq!(qa[1].department.as_deref(), Some("区人力资源和社会保障局"), "merged cell filled down");
    assert_eq!(qa[1].updated.as_str(), "2024-06-30");
    assert_eq!(qa[2].updated.as_str(), "2024-06-30", "二〇二四年六月三十日");
    assert_eq!(qa[2].department.as_deref(), Some("区公安分局"));

    // Every problem, located.
    let p = &outcome.problems;
    let unknown = problem(p, 3);
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].column.as_deref(), Some("联系人（G列）"));
    assert!(unknown[0].message.contains("未知的列"));
    let header_repeat = problem(p, 4);
    assert_eq!(header_repeat.len(), 1, "{header_repeat:?}");
    assert!(header_repeat[0].message.contains("重复的表头行"));
    let merged = problem(p, 8);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].level, Level::Note);
    assert!(merged[0].message.contains("与第5行相同，已合并"), "{}", merged[0].message);
    let missing = problem(p, 9);
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].level, Level::Error);
    assert_eq!(missing[0].column.as_deref(), Some("答案（D列）"));
    assert_eq!(missing[0].to_string(), format!("错误 {} › 知识库 › 第9行 › 答案（D列）：问题没有答案，该行未导入", path.display()));
    let bad_date = problem(p, 11);
    assert_eq!(bad_date.len(), 1);
    assert_eq!(bad_date[0].column.as_deref(), Some("更新日期（F列）"));
    assert!(bad_date[0].message.contains("“明年”不是可识别的日期"));
    assert_eq!(p.len(), 5, "no other problems: {p:?}");

    // The summary.
    let sheet = outcome.sheets.iter().find(|s| s.sheet == "知识库").unwrap();
    assert_eq!(sheet.header_row, Some(3));
    assert_eq!((sheet.rows_read, sheet.imported, sheet.merged, sheet.skipped), (7, 3, 1, 3), "the repeated header, the row without an answer and the one with a bad date");
    let skipped = outcome.sheets.iter().find(|s| s.sheet == "统计").unwrap();
    assert!(skipped.kind.is_none());
    assert_eq!(skipped.headers, ["月份", "来电量"]);

    // The library passes the validator.
    let manifest: Manifest = serde_json::from_value(serde_json::json!({"format": "mingbai-library", "version": 1, "name": "测试"})).unwrap();
    let lib = assemble(None, &outcome.imported, manifest.clone());
    let report = validate_files(&library_files(&lib, manifest));
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    assert_eq!(report.library.qa.len(), 3);

    // Ids are stable: importing the same workbook again gives the same ids.
    let again = import(&read_file(&path).unwrap(), None, &options());
    let ids = |o: &mingbai_sheets::Outcome| o.imported.qa.as_ref().unwrap().iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&outcome), ids(&again));
}

#[test]
fn a_csv_file_with_aliases_labels_and_full_width_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("咨询.csv");
    let text = "\u{feff}编号,咨询问题,答复内容,分类,适用对象,热度,更新日期,部门,适用范围,失效日期,备注\n\
        ＱＡ－１,怎么申请低保？,到街道办提交申请。,社会救助,困难群众,９０,2024/6/30,区民政局,区县,2025年12月31日,\n\
        ,,,,,,,,,,\n\
        QA-2,孩子上学要什么材料？,户口本和房产证明。,教育；社会救助,,abc,2024-07-01,区教体局,乡镇,,备注内容\n";
    std::fs::write(&path, text).unwrap();
    let grids = read_file(&path).unwrap();
    let outcome = import(&grids, None, &options());
    let qa = outcome.imported.qa.as_ref().unwrap();
    assert_eq!(qa.len(), 2);
    assert_eq!(qa[0].id, "QA-1", "full-width id made half-width");
    assert_eq!(qa[0].hot, 90);
    assert_eq!(qa[0].scope, Some(Scope::County));
    assert_eq!(qa[0].expires.as_ref().unwrap().as_str(), "2025-12-31");
    assert_eq!(qa[0].department.as_deref(), Some("区民政局"));
    // A new library: labels become taxonomy terms.
    assert_eq!(qa[0].themes, ["社会救助"]);
    assert_eq!(qa[1].themes, ["教育", "社会救助"]);
    let t = &outcome.imported.taxonomy;
    assert_eq!(t.themes.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["社会救助", "教育"]);
    assert_eq!(t.audiences.len(), 1);
    // Problems: the bad hot value and the unknown scope, on row 4 (the blank row 3 is skipped).
    // 备注 is not a field: reported on the header row, not silently dropped.
    let p = &outcome.problems;
    assert_eq!(p.len(), 3, "{p:?}");
    assert_eq!((p[0].row, p[0].column.as_deref()), (Some(1), Some("备注（K列）")));
    assert!(p[0].message.contains("未知的列，其内容未导入"));
    let p = &p[1..];
    assert!(p.iter().all(|x| x.row == Some(4) && x.level == Level::Warning));
    assert_eq!(p[0].column.as_deref(), Some("热度（F列）"));
    assert_eq!(p[1].column.as_deref(), Some("适用范围（I列）"));
    assert!(p[1].message.contains("乡镇"));
}

#[test]
fn map_and_sheet_options_and_existing_taxonomy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.csv");
    std::fs::write(&path, "问题,口径,类别\n社保卡丢了怎么办？,到银行网点挂失补办。,社保\n").unwrap();
    let grids = read_file(&path).unwrap();
    // Without --map the answer column is unknown: the row fails for lack of an answer.
    let outcome = import(&grids, None, &options());
    assert!(outcome.imported.qa.as_ref().unwrap().is_empty());
    assert!(outcome.problems.iter().any(|p| p.column.as_deref() == Some("口径（B列）") && p.message.contains("--map 口径=字段名")));
    // With --map, and an existing library whose taxonomy does not know 社保: reported, dropped.
    let mut o = options();
    o.maps.push(("口径".into(), "答案".into()));
    o.maps.push(("类别".into(), "themes".into()));
    let existing = Library::new(None, vec![], vec![], vec![], vec![], vec![],
        serde_json::from_value(serde_json::json!({"themes": [{"id": "jiuye", "label": "就业"}]})).unwrap(), vec![]);
    let outcome = import(&grids, Some(&existing), &o);
    let qa = outcome.imported.qa.as_ref().unwrap();
    assert_eq!(qa.len(), 1);
    assert_eq!(qa[0].answer, ["到银行网点挂失补办。"]);
    assert!(qa[0].themes.is_empty());
    // The sheet has no date column: the import date is used, and said.
    assert_eq!(outcome.problems.len(), 2, "{:?}", outcome.problems);
    assert!(outcome.problems[1].message.contains("分类表的主题中没有“社保”"));
    assert_eq!(outcome.problems[1].column.as_deref(), Some("主题（C列）"));
    assert_eq!(outcome.problems[0].message, "表中没有“更新日期”列，1 行都按导入日期 2026-01-15 记录");
    assert_eq!(outcome.problems[0].row, Some(1));
    assert_eq!(qa[0].updated, today());
    // --sheet picks sheets by name.
    o.sheets.push("别的表".into());
    let outcome = import(&grids, None, &o);
    assert!(outcome.imported.qa.is_none());
    assert_eq!(outcome.sheets[0].reason.as_deref(), Some("未在 --sheet 中选择"));
}
