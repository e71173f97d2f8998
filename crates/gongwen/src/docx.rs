//! Word (.docx) input: word/document.xml read with the zip and quick-xml crates. Paragraphs
//! (w:p) become lines, a line break (w:br) inside one starts a new line, tables (w:tbl) become
//! tables with vertically merged cells (w:vMerge) repeated in each row they cover.

use crate::clean::normalise;
use crate::source::{Block, Extracted, Line, Problem, Table};
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// Refuse document.xml files past this size (a zip bomb guard; real 公文 are far smaller).
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("不是有效的 .docx 文件（zip 无法打开：{e}）"))?;
    let file = archive.by_name("word/document.xml").map_err(|_| "不是有效的 .docx 文件（缺少 word/document.xml）".to_string())?;
    let mut xml = String::new();
    file.take(MAX_XML_BYTES).read_to_string(&mut xml).map_err(|e| format!(".docx 正文无法读取：{e}"))?;
    parse_document_xml(&xml)
}

fn attr_val(e: &BytesStart) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == "val").map(|a| a.value.to_string())
}

#[derive(Default)]
struct TableState {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    continues_above: bool,
    span: usize,
}

pub fn parse_document_xml(xml: &str) -> Result<Extracted, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Extracted::default();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut tables: Vec<TableState> = Vec::new();
    let mut paragraph_no = 0usize;
    let mut table_no = 0usize;
    // Paragraphs numbered by Word itself (w:numPr): the number is not in the text.
    let mut auto_numbered: Vec<usize> = Vec::new();
    let push_line = |out: &mut Extracted, text: &str, no: usize| {
        let text = normalise(text);
        if !text.is_empty() {
            out.blocks.push(Block::Text(Line { no, text }));
        }
    };
    loop {
        let event = reader.read_event().map_err(|e| format!(".docx 正文 XML 有误（位置 {}）：{e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                match e.local_name().as_ref() {
                    "p" => paragraph_no += 1,
                    "t" => in_text = true,
                    "numPr" if auto_numbered.last() != Some(&paragraph_no) => auto_numbered.push(paragraph_no),
                    "tab" => paragraph.push(' '),
                    // A line break outside tables starts a new line (titles are often broken so).
                    "br" | "cr" if tables.is_empty() => {
                        push_line(&mut out, &paragraph, paragraph_no);
                        paragraph.clear();
                    }
                    "tbl" => {
                        if tables.is_empty() {
                            table_no = paragraph_no + 1;
                        }
                        tables.push(TableState::default());
                    }
                    "tc" => {
                        if let Some(t) = tables.last_mut() {
                            t.cell.clear();
                            t.continues_above = false;
                            t.span = 1;
                        }
                    }
                    "vMerge" => {
                        if let Some(t) = tables.last_mut() {
                            t.continues_above = attr_val(&e).as_deref() != Some("restart");
                        }
                    }
                    "gridSpan" => {
                        if let Some(t) = tables.last_mut() {
                            t.span = attr_val(&e).and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => paragraph.push_str(&t),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    paragraph.push(c);
                } else {
                    paragraph.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    if let Some(t) = tables.last_mut() {
                        t.cell.push_str(&paragraph);
                    } else {
                        push_line(&mut out, &paragraph, paragraph_no);
                    }
                    paragraph.clear();
                }
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        let col = t.row.len();
                        let mut value = normalise(&t.cell);
                        if t.continues_above {
                            value = t.rows.last().and_then(|r| r.get(col)).cloned().unwrap_or_default();
                        }
                        t.row.push(value);
                        for _ in 1..t.span {
                            t.row.push(String::new());
                        }
                    }
                }
                "tr" => {
                    if let Some(t) = tables.last_mut() {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push(row);
                    }
                }
                "tbl" => {
                    if let Some(done) = tables.pop() {
                        match tables.last_mut() {
                            // A table nested in a cell: its text joins the outer cell.
                            Some(outer) => outer.cell.push_str(&done.rows.iter().flatten().cloned().collect::<Vec<_>>().join(" ")),
                            None => out.blocks.push(Block::Table(Table { no: table_no, rows: done.rows })),
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(first) = auto_numbered.first() {
        out.problems.push(Problem::warning(
            *first,
            format!("{} 个段落使用了 Word 自动编号，编号（如“一、”）不在文字里，这些标题可能没有被识别：可在 Word 中另存为纯文本（.txt）后导入，编号会随文字保存", auto_numbered.len()),
        ));
    }
    if out.blocks.is_empty() {
        out.problems.push(Problem::error(0, ".docx 文件中没有正文文字"));
    }
    Ok(out)
}
