//! A library written into the template: the XLSX workbook (说明 sheet, one sheet per kind with
//! drop-down lists for choices and taxonomy ids) and the same sheets as CSV files. The template
//! itself is the export of an empty library. Cells are written so that importing them gives the
//! same library back: several values one per line, dates as date cells.

use crate::cells::date_serial;
use crate::columns::{Column, SheetKind, Split};
use mingbai_core::*;
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Format, FormatAlign, Formula, Workbook};

/// The workbook's file name written by `mingbai template`.
pub const TEMPLATE_FILE: &str = "明白政策库模板.xlsx";

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Text(String),
    Number(f64),
    Date(IsoDate),
}

fn text(s: &str) -> Out {
    Out::Text(s.to_string())
}

fn opt(s: &Option<String>) -> Out {
    text(s.as_deref().unwrap_or(""))
}

fn date(d: &Option<IsoDate>) -> Out {
    match d {
        Some(d) => day(d),
        None => text(""),
    }
}

fn day(d: &IsoDate) -> Out {
    // A date with a time of day stays text so it comes back whole.
    if d.as_str().len() == 10 {
        Out::Date(d.clone())
    } else {
        Out::Text(d.as_str().to_string())
    }
}

/// Several values: one per line; a single value holding a separator gets a line break after it
/// so the importer does not split it.
fn list<S: AsRef<str>>(values: &[S]) -> Out {
    let values: Vec<&str> = values.iter().map(AsRef::as_ref).collect();
    match values.as_slice() {
        [] => text(""),
        [one] if one.contains(['；', ';', '、']) => Out::Text(format!("{one}\n")),
        _ => Out::Text(values.join("\n")),
    }
}

fn lines<S: AsRef<str>>(values: &[S]) -> Out {
    Out::Text(values.iter().map(AsRef::as_ref).collect::<Vec<_>>().join("\n"))
}

fn titled(items: &[TitledText]) -> Out {
    lines(&items.iter().map(|t| if t.text.is_empty() { t.title.clone() } else { format!("{}：{}", t.title, t.text) }).collect::<Vec<_>>())
}

fn links(items: &[ItemLink]) -> Out {
    list(&items.iter().map(|l| format!("{}:{}", l.kind.as_str(), l.id)).collect::<Vec<_>>())
}

/// Every row of a kind's sheet for `lib`, in column order.
pub fn rows(kind: SheetKind, lib: &Library) -> Vec<Vec<Out>> {
    let columns = kind.columns();
    let row = |f: &dyn Fn(&str) -> Out| columns.iter().map(|c| f(c.field)).collect::<Vec<Out>>();
    match kind {
        SheetKind::Qa => lib
            .qa
            .iter()
            .map(|q| {
                row(&|field| match field {
                    "id" => text(&q.id),
                    "question" => text(&q.question),
                    "aliases" => list(&q.aliases),
                    "answer" => lines(&q.answer),
                    "policy_refs" => list(
                        &q.policy_refs
                            .iter()
                            .map(|r| match &r.section {
                                Some(s) => format!("{}#{s}", r.policy_id),
                                None => r.policy_id.clone(),
                            })
                            .collect::<Vec<_>>(),
                    ),
                    "themes" => list(&q.themes),
                    "audiences" => list(&q.audiences),
                    "hot" => Out::Number(f64::from(q.hot)),
                    "updated" => day(&q.updated),
                    "source" => opt(&q.source),
                    "department" => opt(&q.department),
                    "scope" => text(q.scope.map(Scope::label).unwrap_or("")),
                    "regions" => list(&q.regions),
                    "expires" => date(&q.expires),
                    _ => text(""),
                })
            })
            .collect(),
        SheetKind::Policy => lib
            .policies
            .iter()
            .map(|p| {
                row(&|field| match field {
                    "id" => text(&p.id),
                    "title" => text(&p.title),
                    "doc_number" => opt(&p.doc_number),
                    "issuer" => text(&p.issuer),
                    "written_date" => date(&p.written_date),
                    "published_date" => date(&p.published_date),
                    "status" => text(p.status.label()),
                    "repealed_date" => date(&p.repealed_date),
                    "themes" => list(&p.themes),
                    "audiences" => list(&p.audiences),
                    "regions" => list(&p.regions),
                    "summary" => text(&p.summary),
                    "supersedes" => opt(&p.supersedes),
                    "superseded_by" => opt(&p.superseded_by),
                    "attachments" => lines(&p.attachments.iter().map(|a| format!("{} {}", a.title, a.url)).collect::<Vec<_>>()),
                    "source_url" => opt(&p.source_url),
                    _ => text(""),
                })
            })
            .collect(),
        SheetKind::Section => {
            let mut out = Vec::new();
            for p in &lib.policies {
                for s in &p.sections {
                    // A cell holds at most 32,767 characters: long sections continue on more rows.
                    for chunk in paragraph_chunks(&s.paragraphs) {
                        out.push(row(&|field| match field {
                            "policy_id" => text(&p.id),
                            "section_id" => text(&s.id),
                            "heading" => text(&s.heading),
                            "paragraphs" => lines(chunk),
                            _ => text(""),
                        }));
                    }
                }
            }
            out
        }
        SheetKind::Card => lib
            .cards
            .iter()
            .map(|c| {
                row(&|field| match field {
                    "id" => text(&c.id),
                    "policy_id" => text(&c.policy_id),
                    "title" => text(&c.title),
                    "summary" => text(&c.summary),
                    "key_points" => titled(&c.key_points),
                    "eligibility" => lines(&c.eligibility),
                    "benefits" => lines(&c.benefits),
                    "steps" => titled(&c.steps),
                    "materials" => lines(&c.materials),
                    "changes" => lines(&c.changes.iter().map(|x| format!("{} → {}", x.before, x.after)).collect::<Vec<_>>()),
                    "contacts" => lines(&c.contacts.iter().map(|x| format!("{}：{}", x.name, x.phone)).collect::<Vec<_>>()),
                    "deadline" => date(&c.deadline),
                    "published_date" => day(&c.published_date),
                    "themes" => list(&c.themes),
                    "audiences" => list(&c.audiences),
                    "scope" => text(c.scope.map(Scope::label).unwrap_or("")),
                    "regions" => list(&c.regions),
                    "expires" => date(&c.expires),
                    _ => text(""),
                })
            })
            .collect(),
        SheetKind::Notice => lib
            .notices
            .iter()
            .map(|n| {
                row(&|field| match field {
                    "id" => text(&n.id),
                    "title" => text(&n.title),
                    "body" => lines(&n.body),
                    "published" => day(&n.published),
                    "expires" => date(&n.expires),
                    "deadline" => date(&n.deadline),
                    "priority" => text(if n.priority == Priority::Urgent { "紧急" } else { "普通" }),
                    "themes" => list(&n.themes),
                    "audiences" => list(&n.audiences),
                    "regions" => list(&n.regions),
                    "links" => links(&n.links),
                    _ => text(""),
                })
            })
            .collect(),
        SheetKind::Topic => lib
            .topics
            .iter()
            .map(|t| {
                row(&|field| match field {
                    "id" => text(&t.id),
                    "title" => text(&t.title),
                    "summary" => text(&t.summary),
                    "items" => links(&t.items),
                    _ => text(""),
                })
            })
            .collect(),
        SheetKind::Taxonomy => {
            let t = &lib.taxonomy;
            [("主题", &t.themes), ("适用对象", &t.audiences), ("地区", &t.regions)]
                .into_iter()
                .flat_map(|(list, terms)| {
                    terms.iter().map(move |term| {
                        let public = match term.public {
                            Some(true) => "是",
                            Some(false) => "否",
                            None => "",
                        };
                        vec![text(list), text(&term.id), text(&term.label), text(public)]
                    })
                })
                .collect()
        }
        SheetKind::Synonym => lib.synonyms.iter().map(|s| vec![text(&s.term), list(&s.aliases)]).collect(),
    }
}

/// Paragraphs grouped so each group's text fits one cell.
fn paragraph_chunks(paragraphs: &[String]) -> Vec<&[String]> {
    const CELL_LIMIT: usize = 30_000;
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut size = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        let n = p.chars().count() + 1;
        if size + n > CELL_LIMIT && i > start {
            chunks.push(&paragraphs[start..i]);
            start = i;
            size = 0;
        }
        size += n;
    }
    chunks.push(&paragraphs[start..]);
    chunks
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> String {
    format!("无法写出表格：{e}")
}

/// The workbook of `lib` (the empty template when `lib` has no entries).
pub fn workbook(lib: &Library) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold().set_background_color("#DDEBF7").set_text_wrap().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date_format = Format::new().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Top);

    // 说明: what every column means, with example values marked as examples.
    {
        let sheet = book.add_worksheet();
        sheet.set_name("说明").map_err(xlsx_error)?;
        sheet.write_string(0, 0, "明白政策库导入模板：每类内容一张表，第一行是列名，从第二行起每行一条。多个值用；、分隔或在单元格内换行（Alt+Enter）。本页的示例仅为示例数据，不会被导入。填好后运行：mingbai import 本文件.xlsx --into 政策库文件夹").map_err(xlsx_error)?;
        let headers = ["表", "列名", "字段", "必填", "说明", "示例（仅为示例，不会导入）"];
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(2, c as u16, *h, &bold).map_err(xlsx_error)?;
        }
        let mut r = 3u32;
        for kind in SheetKind::ALL {
            for column in kind.columns() {
                let values = [kind.sheet_name(), column.header, column.field, if column.required { "是" } else { "" }, column.help, column.example];
                for (c, v) in values.iter().enumerate() {
                    sheet.write_string_with_format(r, c as u16, *v, &wrap).map_err(xlsx_error)?;
                }
                r += 1;
            }
        }
        for (c, width) in [8.0, 14.0, 14.0, 6.0, 60.0, 40.0].into_iter().enumerate() {
            sheet.set_column_width(c as u16, width).map_err(xlsx_error)?;
        }
    }

    let taxonomy_rows = (lib.taxonomy.themes.len() + lib.taxonomy.audiences.len() + lib.taxonomy.regions.len()).max(1) as u32 + 200;
    for kind in SheetKind::ALL {
        let sheet = book.add_worksheet();
        sheet.set_name(kind.sheet_name()).map_err(xlsx_error)?;
        let columns = kind.columns();
        for (c, column) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, column.header, &bold).map_err(xlsx_error)?;
            sheet.set_column_width(c as u16, width_of(column)).map_err(xlsx_error)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        let data = rows(kind, lib);
        for (r, row) in data.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, value) in row.iter().enumerate() {
                let c = c as u16;
                match value {
                    Out::Text(t) if t.is_empty() => {}
                    Out::Text(t) => {
                        sheet.write_string_with_format(r, c, t, &wrap).map_err(xlsx_error)?;
                    }
                    Out::Number(n) => {
                        sheet.write_number(r, c, *n).map_err(xlsx_error)?;
                    }
                    Out::Date(d) => {
                        sheet.write_number_with_format(r, c, date_serial(d), &date_format).map_err(xlsx_error)?;
                    }
                }
            }
        }
        // Drop-down lists: fixed choices, and taxonomy ids from the 分类 sheet (a warning only,
        // since a cell may hold several ids).
        let last = (data.len() as u32 + 1000).min(1_048_575);
        for (c, column) in columns.iter().enumerate() {
            let choices: Option<&[&str]> = match column.field {
                "status" => Some(&["有效", "已修订", "已废止", "已失效"]),
                "priority" => Some(&["普通", "紧急"]),
                "scope" => Some(&["国家", "省", "市", "区县"]),
                "list" if kind == SheetKind::Taxonomy => Some(&["主题", "适用对象", "地区"]),
                _ => None,
            };
            let validation = if let Some(choices) = choices {
                DataValidation::new().allow_list_strings(choices).map_err(xlsx_error)?
            } else if matches!(column.field, "themes" | "audiences" | "regions") {
                DataValidation::new()
                    .allow_list_formula(Formula::new(format!("=分类!$B$2:$B${taxonomy_rows}")))
                    .set_error_style(DataValidationErrorStyle::Warning)
            } else {
                continue;
            };
            sheet.add_data_validation(1, c as u16, last, c as u16, &validation).map_err(xlsx_error)?;
        }
    }
    book.save_to_buffer().map_err(xlsx_error)
}

fn width_of(column: &Column) -> f64 {
    match (column.field, column.split) {
        ("answer" | "body" | "paragraphs", _) => 60.0,
        ("question" | "title" | "summary", _) => 36.0,
        (_, Split::Lines) => 36.0,
        _ => 14.0,
    }
}

/// One CSV file per kind (`问答.csv`…), UTF-8 with a byte-order mark so Excel opens it right.
pub fn csv_files(lib: &Library) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    for kind in SheetKind::ALL {
        let mut writer = csv::Writer::from_writer(b"\xef\xbb\xbf".to_vec());
        writer.write_record(kind.columns().iter().map(|c| c.header)).map_err(|e| e.to_string())?;
        for row in rows(kind, lib) {
            writer
                .write_record(row.iter().map(|v| match v {
                    Out::Text(t) => t.clone(),
                    Out::Number(n) => format!("{n}"),
                    Out::Date(d) => d.as_str().to_string(),
                }))
                .map_err(|e| e.to_string())?;
        }
        let bytes = writer.into_inner().map_err(|e| e.to_string())?;
        files.push((format!("{}.csv", kind.sheet_name()), bytes));
    }
    Ok(files)
}
