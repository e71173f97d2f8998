//! Offline-first: may a freshly downloaded library file replace the last good copy kept on the
//! device? The rule is per file, so one bad download never costs the good copy of another:
//!
//! - the manifest must open (`parse_manifest`: JSON, format name, version 1);
//! - the taxonomy must decode as one taxonomy object;
//! - a list file must be a JSON array, and when it holds entries at least one of them must decode
//!   as the file's kind (an array in which *nothing* reads as, say, Q&A is the wrong file or a
//!   format this build cannot read, not content);
//! - entry-level problems inside an otherwise readable file (one entry missing a field, a
//!   dangling reference) do not block it: they are ordinary content problems that the loader
//!   reports and skips entry by entry, exactly as on a first visit.
//!
//! Truncated downloads fail the JSON parse, so they never replace anything.

use crate::diagnostic::{Diagnostic, Problem};
use crate::load::FileRole;
use crate::parse::{parse_entries, parse_manifest, parse_object, parse_value};
use crate::types::*;

/// `Ok` when `text` may replace the kept copy of `file`; else the reason (a file-level error).
/// `role` is `None` for the manifest.
pub fn check_replacement(role: Option<FileRole>, file: &str, text: &str) -> Result<(), Diagnostic> {
    fn list<T: crate::parse::Decode>(role: FileRole, file: &str, text: &str) -> Result<(), Diagnostic> {
        let (good, problems) = parse_entries::<T>(file, text);
        list_acceptable(role, file, good.len(), &problems)
    }
    match role {
        None => parse_manifest(file, text).map(|_| ()),
        Some(FileRole::Taxonomy) => {
            // serde would also read a struct from an array; the taxonomy is an object.
            let value = parse_value(file, text)?;
            if !value.is_object() {
                return Err(Diagnostic::error(Problem::WrongShape, file, "分类表应为一个对象（{ … }）"));
            }
            parse_object::<Taxonomy>(file, text).map(|_| ())
        }
        Some(role @ FileRole::Policies) => list::<Policy>(role, file, text),
        Some(role @ FileRole::Cards) => list::<Card>(role, file, text),
        Some(role @ FileRole::Qa) => list::<Qa>(role, file, text),
        Some(role @ FileRole::Notices) => list::<Notice>(role, file, text),
        Some(role @ FileRole::Topics) => list::<Topic>(role, file, text),
        Some(role @ FileRole::Synonyms) => list::<Synonym>(role, file, text),
    }
}

/// The rule for a list file whose entries have been read (`good` of them, with `problems`):
/// no file-level problem, and not a file in which nothing reads as its kind. Shared by
/// [`check_replacement`] and the loader, which reads every file anyway and so can tell at once
/// whether a download may be kept.
pub fn list_acceptable(role: FileRole, file: &str, good: usize, problems: &[Diagnostic]) -> Result<(), Diagnostic> {
    let kind = role.entry_noun();
    if let Some(file_level) = problems.iter().find(|d| d.entry.is_none()) {
        return Err(file_level.clone());
    }
    if good == 0 && !problems.is_empty() {
        return Err(Diagnostic::error(
            Problem::WrongShape,
            file,
            format!("没有一条内容能按{kind}读取：可能放错了文件，或是本程序不支持的格式版本"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMBEDDED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/library/");

    fn embedded(file: &str) -> String {
        std::fs::read_to_string(format!("{EMBEDDED}{file}")).unwrap()
    }

    #[test]
    fn every_embedded_file_is_acceptable() {
        assert!(check_replacement(None, "manifest.json", &embedded("manifest.json")).is_ok());
        for role in FileRole::ALL {
            let file = format!("{}.json", role.key());
            assert!(check_replacement(Some(role), &file, &embedded(&file)).is_ok(), "{file}");
        }
    }

    #[test]
    fn truncated_files_are_refused() {
        for role in FileRole::ALL {
            let file = format!("{}.json", role.key());
            let text = embedded(&file);
            let half = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
            let err = check_replacement(Some(role), &file, &text[..half]).unwrap_err();
            assert_eq!(err.problem, Problem::MalformedJson, "{file}");
            assert!(err.message.contains("不完整"), "{file}: {}", err.message);
        }
        let manifest = embedded("manifest.json");
        let half = manifest.char_indices().nth(manifest.chars().count() / 2).unwrap().0;
        assert!(check_replacement(None, "manifest.json", &manifest[..half]).is_err());
    }

    #[test]
    fn empty_and_non_json_files_are_refused() {
        for text in ["", "   ", "<!DOCTYPE html><html></html>", "{\"not\":\"a list\"}", "42"] {
            assert!(check_replacement(Some(FileRole::Qa), "qa.json", text).is_err(), "{text:?}");
        }
        assert!(check_replacement(Some(FileRole::Taxonomy), "taxonomy.json", "[]").is_err());
    }

    #[test]
    fn the_wrong_kind_of_file_is_refused() {
        // policies.json uploaded as qa.json: every entry fails to decode as a question.
        let err = check_replacement(Some(FileRole::Qa), "qa.json", &embedded("policies.json")).unwrap_err();
        assert_eq!(err.problem, Problem::WrongShape);
        assert!(err.message.contains("问答"));
    }

    #[test]
    fn a_manifest_of_another_version_or_format_is_refused() {
        let v2 = embedded("manifest.json").replace("\"version\": 1", "\"version\": 2").replace("\"version\":1", "\"version\":2");
        assert_eq!(check_replacement(None, "manifest.json", &v2).unwrap_err().problem, Problem::UnknownVersion);
        let other = r#"{"format":"something-else","version":1,"name":"x"}"#;
        assert_eq!(check_replacement(None, "manifest.json", other).unwrap_err().problem, Problem::UnknownFormat);
    }

    #[test]
    fn entry_level_problems_do_not_block_a_file() {
        // One good entry, one missing its question: content problems, reported at load time.
        let qa: serde_json::Value = serde_json::from_str(&embedded("qa.json")).unwrap();
        let good = qa[0].clone();
        let mut bad = good.clone();
        bad.as_object_mut().unwrap().remove("question");
        let text = serde_json::to_string(&vec![good, bad]).unwrap();
        assert!(check_replacement(Some(FileRole::Qa), "qa.json", &text).is_ok());
        // An empty list is a publisher's choice, not damage.
        assert!(check_replacement(Some(FileRole::Notices), "notices.json", "[]").is_ok());
    }

    #[test]
    fn the_loader_tells_the_same_as_a_second_check() {
        // The app keeps a download without reading it again when the loader found it acceptable.
        let qa = embedded("qa.json");
        let half = qa.char_indices().nth(qa.chars().count() / 2).unwrap().0;
        let policies = embedded("policies.json");
        let texts = [qa.as_str(), &qa[..half], "", "[]", "[1, 2]", "{\"not\":\"a list\"}", policies.as_str(), "<html></html>"];
        for role in FileRole::ALL.into_iter().filter(|r| *r != FileRole::Taxonomy) {
            let file = format!("{}.json", role.key());
            let own = embedded(&file);
            for text in texts.iter().copied().chain([own.as_str()]) {
                let manifest = crate::parse::parse_manifest("manifest.json", &embedded("manifest.json")).unwrap();
                let mut builder = crate::load::LibraryBuilder::new(manifest);
                let loader = builder.add_text(role, &file, text);
                assert_eq!(loader, check_replacement(Some(role), &file, text).is_ok(), "{file}: {:.40}", text);
            }
        }
    }
}
