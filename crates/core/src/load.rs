//! Assembling a library from its files, wherever they come from (disk in the CLI, fetch in the
//! browser). The caller asks which files to read, hands over each text or the reason it is
//! missing, and gets back the library with every diagnostic.

use crate::accept::list_acceptable;
use crate::diagnostic::{Diagnostic, Problem};
use crate::library::Library;
use crate::parse::{parse_entries, parse_object};
use crate::types::*;
use crate::validate::validate;

/// The largest data file the loader parses. Parsing a bigger one would freeze a phone for
/// seconds and take hundreds of MB; big libraries split their lists into shards instead.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The Cache Storage cache holding the last good copy of each library file: the app writes it,
/// the search worker reads it offline. One name for both (core itself uses no web API).
pub const LIBRARY_CACHE: &str = "mingbai-library-v1";

/// Whether a downloaded data file is really a web page: static hosts with an index.html fallback
/// answer a missing file with the app's page instead of a 404.
pub fn is_web_page(text: &str) -> bool {
    text.trim_start().starts_with('<')
}

/// The diagnostic for a file of `bytes` bytes when it is over [`MAX_FILE_BYTES`]. The app's
/// fetch layer can call this with a response's `Content-Length` before reading the body;
/// [`LibraryBuilder::add_text`] calls it on the text either way.
pub fn file_size_problem(file: &str, bytes: u64) -> Option<Diagnostic> {
    (bytes > MAX_FILE_BYTES as u64).then(|| {
        Diagnostic::error(
            Problem::TooLarge,
            file,
            format!(
                "文件过大（{} MB），超过 {} MB 的上限，其中的内容未载入；请把它拆分为多个分片文件",
                megabytes(bytes),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    })
}

/// "50.0": MB to one decimal, rounded half up, in integers (float formatting costs the app's
/// wasm about 10 KB).
fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    let tenths = (bytes.saturating_mul(10) + MB / 2) / MB;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// What a data file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileRole {
    Policies,
    Cards,
    Qa,
    Notices,
    Topics,
    Taxonomy,
    Synonyms,
}

impl FileRole {
    pub const ALL: [FileRole; 7] = [
        FileRole::Taxonomy,
        FileRole::Policies,
        FileRole::Cards,
        FileRole::Qa,
        FileRole::Notices,
        FileRole::Topics,
        FileRole::Synonyms,
    ];

    /// The kind of item the file holds (`None` for taxonomy and synonyms).
    pub fn item_kind(self) -> Option<ItemKind> {
        match self {
            FileRole::Policies => Some(ItemKind::Policy),
            FileRole::Cards => Some(ItemKind::Card),
            FileRole::Qa => Some(ItemKind::Qa),
            FileRole::Notices => Some(ItemKind::Notice),
            FileRole::Topics => Some(ItemKind::Topic),
            FileRole::Taxonomy | FileRole::Synonyms => None,
        }
    }

    /// What one entry of the file is called in messages ("没有一条内容能按问答读取").
    pub fn entry_noun(self) -> &'static str {
        match self {
            FileRole::Policies => "政策",
            FileRole::Cards => "解读卡",
            FileRole::Qa => "问答",
            FileRole::Notices => "通知",
            FileRole::Topics => "专题",
            FileRole::Taxonomy => "分类表",
            FileRole::Synonyms => "同义词",
        }
    }

    /// The key of this role in the manifest's `files` (also its name in docs and tests).
    pub fn key(self) -> &'static str {
        match self {
            FileRole::Policies => "policies",
            FileRole::Cards => "cards",
            FileRole::Qa => "qa",
            FileRole::Notices => "notices",
            FileRole::Topics => "topics",
            FileRole::Taxonomy => "taxonomy",
            FileRole::Synonyms => "synonyms",
        }
    }
}

/// What the home page (the first screen) shows, so all a first visit downloads besides the
/// manifest: notices, hot questions, latest cards, topics and the labels of the taxonomy. The
/// policies (the biggest file) and the synonyms (search only) load when a page needs them.
pub const FIRST_SCREEN: [FileRole; 5] =
    [FileRole::Taxonomy, FileRole::Cards, FileRole::Qa, FileRole::Notices, FileRole::Topics];

/// Entries as read, each with the file it came from (for diagnostics).
#[derive(Debug, Default)]
pub struct RawEntries {
    pub policies: Vec<(String, Policy)>,
    pub cards: Vec<(String, Card)>,
    pub qa: Vec<(String, Qa)>,
    pub notices: Vec<(String, Notice)>,
    pub topics: Vec<(String, Topic)>,
    pub taxonomy: Option<(String, Taxonomy)>,
    pub synonyms: Vec<(String, Synonym)>,
    /// Kinds whose files have not been loaded (yet): references to them are neither checked
    /// nor dropped, so a partly loaded library reports no false dangling references.
    pub not_loaded: Vec<ItemKind>,
}

pub struct LibraryBuilder {
    manifest: Manifest,
    raw: RawEntries,
    diagnostics: Vec<Diagnostic>,
}

/// The result of loading: what loaded, and what is wrong.
#[derive(Debug)]
pub struct LoadReport {
    pub library: Library,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadReport {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
}

impl LibraryBuilder {
    pub fn new(manifest: Manifest) -> LibraryBuilder {
        LibraryBuilder { manifest, raw: RawEntries::default(), diagnostics: Vec::new() }
    }

    /// A builder that starts from the entries of a library already loaded, all but its notices:
    /// fresh notice files added to it are validated against that library exactly as at load
    /// time (see `subscribe::with_fresh_notices`). Those entries carry no file name.
    pub fn with_entries_of(manifest: Manifest, library: &Library) -> LibraryBuilder {
        fn loaded<T: Clone>(entries: &[T]) -> Vec<(String, T)> {
            entries.iter().map(|e| (String::new(), e.clone())).collect()
        }
        let taxonomy = (library.taxonomy != Taxonomy::default()).then(|| (String::new(), library.taxonomy.clone()));
        let raw = RawEntries {
            policies: loaded(&library.policies),
            cards: loaded(&library.cards),
            qa: loaded(&library.qa),
            notices: Vec::new(),
            topics: loaded(&library.topics),
            taxonomy,
            synonyms: loaded(&library.synonyms),
            not_loaded: Vec::new(),
        };
        LibraryBuilder { manifest, raw, diagnostics: Vec::new() }
    }

    /// Loads only the files of `roles`: references into kinds outside them stay unchecked
    /// (they are checked once a builder with those kinds runs).
    pub fn only(mut self, roles: &[FileRole]) -> LibraryBuilder {
        self.raw.not_loaded =
            FileRole::ALL.iter().filter(|r| !roles.contains(r)).filter_map(|r| r.item_kind()).collect();
        self
    }

    /// Every file the manifest names, in load order, with its role. Shards appear one by one.
    pub fn planned_files(&self) -> Vec<(FileRole, String)> {
        let files = &self.manifest.files;
        let mut planned = Vec::new();
        let mut push = |role: FileRole, names: Vec<&str>| {
            planned.extend(names.into_iter().map(|n| (role, n.to_string())));
        };
        push(FileRole::Taxonomy, files.taxonomy.iter().map(String::as_str).collect());
        push(FileRole::Policies, files.policies.names());
        push(FileRole::Cards, files.cards.names());
        push(FileRole::Qa, files.qa.names());
        push(FileRole::Notices, files.notices.names());
        push(FileRole::Topics, files.topics.names());
        push(FileRole::Synonyms, files.synonyms.iter().map(String::as_str).collect());
        planned
    }

    /// Adds one file's text. Bad entries are reported and skipped; good ones are kept.
    /// A file over [`MAX_FILE_BYTES`] is reported and skipped without parsing.
    /// Returns whether the text may replace a kept copy of the file, as `check_replacement`
    /// would tell after reading it again (`false` for the taxonomy: not decided here).
    pub fn add_text(&mut self, role: FileRole, file: &str, text: &str) -> bool {
        if let Some(too_large) = file_size_problem(file, text.len() as u64) {
            self.diagnostics.push(too_large);
            return false;
        }
        fn keep<T>(
            target: &mut Vec<(String, T)>,
            file: &str,
            (good, problems): (Vec<T>, Vec<Diagnostic>),
            diagnostics: &mut Vec<Diagnostic>,
            role: FileRole,
        ) -> bool {
            let acceptable = list_acceptable(role, file, good.len(), &problems).is_ok();
            target.extend(good.into_iter().map(|e| (file.to_string(), e)));
            diagnostics.extend(problems);
            acceptable
        }
        let d = &mut self.diagnostics;
        match role {
            FileRole::Policies => keep(&mut self.raw.policies, file, parse_entries(file, text), d, role),
            FileRole::Cards => keep(&mut self.raw.cards, file, parse_entries(file, text), d, role),
            FileRole::Qa => keep(&mut self.raw.qa, file, parse_entries(file, text), d, role),
            FileRole::Notices => keep(&mut self.raw.notices, file, parse_entries(file, text), d, role),
            FileRole::Topics => keep(&mut self.raw.topics, file, parse_entries(file, text), d, role),
            FileRole::Synonyms => keep(&mut self.raw.synonyms, file, parse_entries(file, text), d, role),
            FileRole::Taxonomy => {
                match parse_object::<Taxonomy>(file, text) {
                    Ok(taxonomy) => self.raw.taxonomy = Some((file.to_string(), taxonomy)),
                    Err(diagnostic) => d.push(diagnostic),
                }
                // Small; `check_replacement` also insists on an object. Checked when kept.
                false
            }
        }
    }

    /// Records that a file named by the manifest could not be read.
    pub fn add_missing(&mut self, file: &str, reason: &str) {
        self.diagnostics.push(Diagnostic::error(
            Problem::MissingFile,
            file,
            format!("无法读取此文件（{reason}），其中的内容暂时无法显示"),
        ));
    }

    /// Cross-checks everything and returns the library of good entries.
    pub fn finish(self) -> LoadReport {
        let LibraryBuilder { manifest, raw, mut diagnostics } = self;
        let checked = validate(raw, &mut diagnostics);
        let library = Library::new(
            Some(manifest),
            checked.policies,
            checked.cards,
            checked.qa,
            checked.notices,
            checked.topics,
            checked.taxonomy,
            checked.synonyms,
        );
        LoadReport { library, diagnostics }
    }
}

/// Loads a whole library through `read`, which returns a file's text by its name relative to
/// the manifest (or why it could not be read). A broken manifest yields an empty library and
/// the one diagnostic that explains why.
pub fn load_with(manifest_file: &str, mut read: impl FnMut(&str) -> Result<String, String>) -> LoadReport {
    let manifest_text = match read(manifest_file) {
        Ok(text) => text,
        Err(reason) => {
            let diagnostic =
                Diagnostic::error(Problem::MissingFile, manifest_file, format!("无法读取政策库清单（{reason}）"));
            return LoadReport { library: Library::default(), diagnostics: vec![diagnostic] };
        }
    };
    if let Some(too_large) = file_size_problem(manifest_file, manifest_text.len() as u64) {
        return LoadReport { library: Library::default(), diagnostics: vec![too_large] };
    }
    let manifest = match crate::parse::parse_manifest(manifest_file, &manifest_text) {
        Ok(manifest) => manifest,
        Err(diagnostic) => return LoadReport { library: Library::default(), diagnostics: vec![diagnostic] },
    };
    let mut builder = LibraryBuilder::new(manifest);
    for (role, file) in builder.planned_files() {
        match read(&file) {
            Ok(text) => {
                builder.add_text(role, &file, &text);
            }
            Err(reason) => builder.add_missing(&file, &reason),
        }
    }
    builder.finish()
}

#[cfg(test)]
mod web_page_tests {
    use super::is_web_page;

    #[test]
    fn an_html_fallback_is_not_data() {
        assert!(is_web_page("\n  <!DOCTYPE html><html lang=\"zh-CN\">"));
        assert!(!is_web_page(" [{\"id\":\"a\"}]"));
        assert!(!is_web_page(""));
    }
}

#[cfg(test)]
mod size_tests {
    use super::megabytes;

    #[test]
    fn sizes_read_as_the_float_formatter_printed_them() {
        for bytes in [0, 1, 52_428, 52_429, 1_048_576, 20 * 1_048_576 + 1, 52_428_800, 52_480_000, 99_999_999, u64::MAX / 20] {
            assert_eq!(megabytes(bytes), format!("{:.1}", bytes as f64 / 1_048_576.0), "{bytes}");
        }
    }
}
