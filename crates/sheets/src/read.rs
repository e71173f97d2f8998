//! Reading spreadsheets into grids of cells: XLSX, XLS and ODS through calamine, CSV through the
//! csv crate. Row and column numbers stay those the user sees (row 1 is the sheet's first row).
//! Merged regions (XLSX and XLS) give their value to every row of the region, in its first
//! column, so a 责任单位 merged over three rows belongs to all three.

use crate::cells::Cell;
use calamine::{open_workbook_auto, Data, Reader, Sheets};
use std::path::Path;

/// One sheet: `rows[i][j]` is the cell at row i+1, column j+1.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The file name as given (for messages).
    pub file: String,
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&Cell::Empty)
    }
}

/// Every sheet of a spreadsheet file (a CSV file is one sheet named after the file).
pub fn read_file(path: &Path) -> Result<Vec<Grid>, String> {
    let file = path.display().to_string();
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match extension.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(path).map_err(|e| format!("{file}：无法读取（{e}）"))?;
            let sheet = path.file_stem().and_then(|s| s.to_str()).unwrap_or("csv").to_string();
            read_csv(&bytes, &file, &sheet).map(|grid| vec![grid])
        }
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(path, &file),
        _ => Err(format!("{file}：不支持的文件类型（请用 .xlsx、.xls、.ods 或 .csv）")),
    }
}

/// A CSV file: UTF-8 (with or without a byte-order mark), comma separated.
pub fn read_csv(bytes: &[u8], file: &str, sheet: &str) -> Result<Grid, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if std::str::from_utf8(bytes).is_err() {
        return Err(format!(
            "{file}：不是 UTF-8 编码（Excel 默认存成 GBK）：请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件"
        ));
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{file} › 第{}行：CSV 格式错误（{e}）", index + 1))?;
        rows.push(record.iter().map(|t| if t.trim().is_empty() { Cell::Empty } else { Cell::Text(t.to_string()) }).collect());
    }
    Ok(Grid { file: file.to_string(), sheet: sheet.to_string(), rows })
}

fn read_workbook(path: &Path, file: &str) -> Result<Vec<Grid>, String> {
    let mut workbook = open_workbook_auto(path).map_err(|e| format!("{file}：无法打开表格（{e}）"))?;
    let mut grids = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet).map_err(|e| format!("{file} › {sheet}：无法读取（{e}）"))?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((top, left)) = range.start() {
            let (top, left) = (top as usize, left as usize);
            for (r, row) in range.rows().enumerate() {
                let mut cells = vec![Cell::Empty; left];
                cells.extend(row.iter().map(cell_of));
                while cells.last().is_some_and(|c| *c == Cell::Empty) {
                    cells.pop();
                }
                if rows.len() < top + r {
                    rows.resize(top + r, Vec::new());
                }
                rows.push(cells);
            }
        }
        let merged = match &mut workbook {
            Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(&sheet).unwrap_or_default(),
            Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(&sheet).unwrap_or_default(),
            _ => Vec::new(),
        };
        for region in merged {
            let (r0, c0) = (region.start.0 as usize, region.start.1 as usize);
            let (r1, _) = (region.end.0 as usize, region.end.1 as usize);
            let value = rows.get(r0).and_then(|r| r.get(c0)).cloned().unwrap_or(Cell::Empty);
            for r in r0 + 1..=r1.min(r0 + 100_000) {
                if r >= rows.len() {
                    rows.resize(r + 1, Vec::new());
                }
                if rows[r].len() <= c0 {
                    rows[r].resize(c0 + 1, Cell::Empty);
                }
                rows[r][c0] = value.clone();
            }
        }
        grids.push(Grid { file: file.to_string(), sheet, rows });
    }
    Ok(grids)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => if s.trim().is_empty() { Cell::Empty } else { Cell::Text(s.clone()) },
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "是" } else { "否" }.to_string()),
        Data::DateTime(d) if d.is_datetime() => Cell::Date(d.as_f64()),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#错误 {e}")),
    }
}
