//! Plain-text input: UTF-8 (with or without BOM) or GB18030, one paragraph or hard-wrapped line
//! per line, as PDF and web extractions give it. Tab-separated lines are table rows.

use crate::clean::{is_cjk, is_encoding_noise, is_page_mark, normalise};
use crate::source::{Block, Extracted, Line, Problem, Table};

/// Decodes bytes as UTF-8, else as GB18030 (which covers GBK and GB2312).
pub fn decode(bytes: &[u8]) -> (String, Option<Problem>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(_) => {
            let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
            let note = if had_errors {
                Problem::error(0, "文件既不是 UTF-8 也不是 GB18030 编码，部分文字无法识别（显示为 �）")
            } else {
                Problem::warning(0, "文件按 GB18030（GBK）编码读取")
            };
            (text.into_owned(), Some(note))
        }
    }
}

pub fn read(bytes: &[u8]) -> Extracted {
    let (text, note) = decode(bytes);
    let mut out = Extracted::default();
    out.problems.extend(note);
    let mut seen_chinese = false;
    let mut page_marks = 0;
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        if is_page_mark(raw) {
            page_marks += 1;
            continue;
        }
        if !seen_chinese && is_encoding_noise(raw) {
            out.problems.push(Problem::warning(no, format!("无法识别的字符“{}”（PDF 字体编码残留），已跳过", raw.trim())));
            continue;
        }
        seen_chinese |= raw.chars().any(is_cjk);
        if raw.contains('\t') && raw.trim_start_matches('\t').contains('\t') || raw.starts_with('\t') {
            let cells: Vec<String> = raw.split('\t').map(normalise).collect();
            match out.blocks.last_mut() {
                Some(Block::Table(table)) => table.rows.push(cells),
                _ => out.blocks.push(Block::Table(Table { no, rows: vec![cells] })),
            }
            continue;
        }
        out.blocks.push(Block::Text(Line { no, text: normalise(raw) }));
    }
    if page_marks > 0 {
        out.problems.push(Problem::warning(0, format!("去掉了 {page_marks} 个页码标记（如“— 1 —”）")));
    }
    out
}
