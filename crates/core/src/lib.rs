//! mingbai core: the policy library format v1 (types = schema), loading with per-entry error
//! recovery, validation, and the browse queries the app and CLI share. No web dependencies.

pub mod accept;
pub mod browse;
pub mod date;
pub mod diagnostic;
pub mod feedback;
pub mod first_screen;
pub mod issuers;
pub mod json;
pub mod library;
pub mod links;
pub mod load;
pub mod parse;
pub mod qr;
pub mod screen;
pub mod search;
#[cfg(feature = "schema")]
pub mod schema;
pub mod subscribe;
pub mod types;
pub mod validate;

pub use date::IsoDate;
pub use diagnostic::{Diagnostic, Problem, Severity};
pub use library::Library;
pub use accept::check_replacement;
pub use load::{file_size_problem, is_web_page, load_with, FileRole, LibraryBuilder, LoadReport, FIRST_SCREEN, LIBRARY_CACHE, MAX_FILE_BYTES};
pub use parse::parse_manifest;
pub use types::*;
