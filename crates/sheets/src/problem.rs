//! What the importer tells the user: each problem located as file › sheet › row › column, in
//! Chinese, and the per-sheet counts of the summary.

use crate::columns::SheetKind;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The row (or the cell's value) was not imported.
    Error,
    /// Imported, but something was changed or left out: read it.
    Warning,
    /// For information (merged duplicates, skipped sheets).
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub level: Level,
    pub file: String,
    pub sheet: String,
    /// The row number the spreadsheet shows (1-based).
    pub row: Option<usize>,
    /// The column as `答案（D列）`.
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "错误",
            Level::Warning => "警告",
            Level::Note => "提示",
        };
        write!(f, "{level} {} › {}", self.file, self.sheet)?;
        if let Some(row) = self.row {
            write!(f, " › 第{row}行")?;
        }
        if let Some(column) = &self.column {
            write!(f, " › {column}")?;
        }
        write!(f, "：{}", self.message)
    }
}

/// Spreadsheet column letters: 0 → A, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.iter().rev().collect()
}

/// What happened to one sheet.
#[derive(Debug, Clone, Default)]
pub struct SheetSummary {
    pub file: String,
    pub sheet: String,
    /// `None`: the sheet fits no kind and was skipped.
    pub kind: Option<SheetKind>,
    /// The header row (1-based) that was found.
    pub header_row: Option<usize>,
    /// Non-blank data rows.
    pub rows_read: usize,
    /// Rows that became an entry.
    pub imported: usize,
    /// Rows merged into an earlier row (duplicate questions).
    pub merged: usize,
    /// Rows not imported (an error on the row, or a repeated header).
    pub skipped: usize,
    /// For a skipped sheet: its headers, so the user can map them.
    pub headers: Vec<String>,
    /// Why a sheet was skipped.
    pub reason: Option<String>,
}

/// The import's totals over every sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub rows_read: usize,
    pub imported: usize,
    pub merged: usize,
    pub skipped: usize,
    pub sheets_skipped: usize,
}

pub fn totals(sheets: &[SheetSummary]) -> Totals {
    let mut t = Totals::default();
    for s in sheets {
        t.rows_read += s.rows_read;
        t.imported += s.imported;
        t.merged += s.merged;
        t.skipped += s.skipped;
        t.sheets_skipped += usize::from(s.kind.is_none());
    }
    t
}
