//! The template workbook: a 说明 sheet describing every column with examples, one sheet per kind
//! with the Chinese headers in order (问答 exactly as `mingbai report --xlsx` writes it), and the
//! drop-down lists in the sheet XML (read back with the zip crate).

use mingbai_core::Library;
use mingbai_sheets::columns::SheetKind;
use mingbai_sheets::export::{csv_files, workbook};
use mingbai_sheets::read::read_file;
use std::io::Read;

fn sheet_xml(bytes: &[u8], index: usize) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    archive.by_name(&format!("xl/worksheets/sheet{index}.xml")).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn the_template_has_every_sheet_header_and_drop_down() {
    let bytes = workbook(&Library::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let grids = read_file(&path).unwrap();
    let names: Vec<&str> = grids.iter().map(|g| g.sheet.as_str()).collect();
    assert_eq!(names, ["说明", "问答", "政策", "政策正文", "解读卡", "通知", "专题", "分类", "同义词"]);
    let qa: Vec<String> = grids[1].rows[0].iter().map(|c| c.text()).collect();
    assert_eq!(
        qa,
        ["编号", "问题", "相似问法", "答案", "政策依据", "主题", "适用对象", "热度", "更新日期", "来源", "责任单位", "适用范围", "适用地区", "失效日期"]
    );
    // 说明: a row for every column of every kind, each example marked as example by the header.
    let explain = &grids[0];
    let header: Vec<String> = explain.rows[2].iter().map(|c| c.text()).collect();
    assert_eq!(header, ["表", "列名", "字段", "必填", "说明", "示例（仅为示例，不会导入）"]);
    let described: usize = SheetKind::ALL.iter().map(|k| k.columns().len()).sum();
    assert_eq!(explain.rows.len() - 3, described);
    assert!(explain.rows.iter().skip(3).all(|r| !r[4].text().is_empty()), "every column explained");

    // Drop-downs: status on 政策 (sheet3), priority on 通知 (sheet6), taxonomy ids from 分类.
    let policy = sheet_xml(&bytes, 3);
    assert!(policy.contains("有效,已修订,已废止,已失效"), "{policy}");
    assert!(policy.contains("分类!$B$2:$B$"), "taxonomy drop-down");
    let notice = sheet_xml(&bytes, 6);
    assert!(notice.contains("普通,紧急"));
    let qa_xml = sheet_xml(&bytes, 2);
    assert!(qa_xml.contains("国家,省,市,区县"), "scope drop-down");
    assert!(qa_xml.contains("errorStyle=\"warning\""), "several ids per cell allowed");

    // The CSV versions: one per kind, UTF-8 with BOM, same headers.
    let files = csv_files(&Library::default()).unwrap();
    assert_eq!(files.len(), 8);
    let (name, csv) = &files[0];
    assert_eq!(name, "问答.csv");
    assert!(csv.starts_with(b"\xef\xbb\xbf\xe7\xbc\x96\xe5\x8f\xb7,")); // BOM + 编号,
}
