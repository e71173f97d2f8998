//! mingbai-sheets: the spreadsheet side of publishing. The template (`export::workbook` of an
//! empty library), reading XLSX/XLS/ODS/CSV (`read`), turning rows into entries with every
//! problem located (`import`), assembling and diffing the resulting library (`assemble`), and
//! writing it only after validation, atomically (`output`).

pub mod assemble;
pub mod cells;
pub mod columns;
pub mod export;
pub mod import;
pub mod output;
pub mod problem;
pub mod read;
pub mod vocabulary;

pub use columns::SheetKind;
pub use import::{import, Imported, Options, Outcome};
pub use problem::{Level, Problem, SheetSummary};
pub use read::{read_file, Grid};
