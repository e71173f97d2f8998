//! mingbai-gongwen: reads a policy document in the GB/T 9704 公文 layout (.docx, .txt, .html)
//! into a `mingbai_core::Policy`. Reading (`txt`, `docx`, `html`) gives lines and tables;
//! `clean` repairs extraction debris; `layout` finds the 公文 parts and sections.
//! Metadata the document does not carry comes from the caller (`Metadata`), never invented.

pub mod clean;
pub mod dates;
pub mod doc_number;
pub mod docx;
pub mod html;
pub mod layout;
pub mod metadata;
pub mod source;
pub mod table;
pub mod txt;

pub use layout::{LayoutOptions, Parsed};
pub use metadata::{build_policy, Metadata};
pub use source::{Block, Extracted, Problem};

/// The input formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Text,
    Html,
}

impl Format {
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Some(Format::Docx),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "shtml" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Reads a document's bytes and finds its layout. Metadata from a portal page's own
/// metadata table (发布机构, 文号, 成文日期, 发布日期) is returned beside it.
pub fn read_document(bytes: &[u8], format: Format, options: &LayoutOptions) -> Result<(Parsed, html::PageMeta), String> {
    let (extracted, meta) = match format {
        Format::Text => (txt::read(bytes), Vec::new()),
        Format::Docx => (docx::read(bytes)?, Vec::new()),
        Format::Html => {
            let (text, _) = txt::decode(bytes);
            html::read(&text)
        }
    };
    let mut parsed = layout::parse(&extracted.blocks, options);
    let mut problems = extracted.problems;
    problems.append(&mut parsed.problems);
    parsed.problems = problems;
    Ok((parsed, meta))
}

/// One document imported: the policy (None when a required field is missing), what the
/// layout parser found, and every problem in document order.
#[derive(Debug, Clone)]
pub struct Imported {
    pub policy: Option<mingbai_core::Policy>,
    pub parsed: Parsed,
    pub problems: Vec<Problem>,
}

/// Reads a metadata file (JSON object of `Metadata` fields).
pub fn read_metadata_file(path: &std::path::Path) -> Result<Metadata, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}：无法读取元数据文件：{e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}：元数据文件有误：{e}", path.display()))
}

/// Imports one file. `table_base` is the folder a relative `meta.table` path is taken from.
pub fn import_path(path: &std::path::Path, meta: &Metadata, table_base: &std::path::Path) -> Result<Imported, String> {
    let format = Format::from_path(path).ok_or_else(|| format!("{}：只能导入 .docx、.txt 或 .html 文件", path.display()))?;
    let bytes = std::fs::read(path).map_err(|e| format!("{}：无法读取：{e}", path.display()))?;
    let mut options = LayoutOptions::default();
    if let Some(table) = &meta.table {
        let table_path = table_base.join(table);
        let text = std::fs::read_to_string(&table_path).map_err(|e| format!("{}：无法读取表格转录文件：{e}", table_path.display()))?;
        options.transcription = Some(table::read_transcription(&text).map_err(|e| format!("{}：{e}", table_path.display()))?);
    }
    let (parsed, page) = read_document(&bytes, format, &options).map_err(|e| format!("{}：{e}", path.display()))?;
    let mut problems = parsed.problems.clone();
    let policy = build_policy(&parsed, &page, meta, &mut problems);
    Ok(Imported { policy, parsed, problems })
}
