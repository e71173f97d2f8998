//! `.xls` (Excel 97–2003) and `.ods` (OpenDocument) knowledge bases, the formats rust_xlsxwriter
//! cannot write: committed fixtures made by tools/gen_sheet_fixtures.py (xlwt, odfpy), with a
//! title row above the header, date cells and staff's own headers (标准问题, 扩展问题, 知识库答案,
//! 责任单位, 更新时间).

use mingbai_core::IsoDate;
use mingbai_sheets::{import, read_file, Options};
use std::path::Path;

fn imports_the_hotline_base(file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(file);
    let grids = read_file(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let options = Options { maps: vec![], sheets: vec![], today: IsoDate::parse("2026-01-15").unwrap() };
    let outcome = import(&grids, None, &options);
    let qa = outcome.imported.qa.expect("a 问答 sheet");
    assert_eq!(qa.len(), 2, "{file}: {:?}", outcome.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>());
    let first = &qa[0];
    assert_eq!(first.question, "失业保险金怎么申领？");
    assert_eq!(first.aliases, ["失业金怎么领", "领失业金"]);
    assert!(first.answer[0].contains("区人社局窗口申领"));
    assert_eq!(first.department.as_deref(), Some("区人社局（示例）"));
    assert_eq!(first.updated.as_str(), "2024-06-30", "{file}: a date cell");
    assert_eq!(qa[1].updated.as_str(), "2025-01-15");
}

#[test]
fn reads_an_xls_workbook() {
    imports_the_hotline_base("hotline.xls");
}

#[test]
fn reads_an_ods_workbook() {
    imports_the_hotline_base("hotline.ods");
}
