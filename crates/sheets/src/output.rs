//! Writing a library folder safely: the files are validated in memory with the loader and
//! validator `mingbai check` uses, written into a temporary folder beside the target, and only
//! then renamed into place. A failed import leaves no half-written library and never replaces
//! a good one.

use mingbai_core::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The files of an existing library to keep byte for byte (kinds no sheet provided), so that
/// an entry the loader could not read is not lost by rewriting its file.
pub struct Kept<'a> {
    pub dir: &'a Path,
    pub files: &'a ManifestFiles,
    pub parts: Vec<FileRole>,
}

impl Kept<'_> {
    /// The original files of a part, when it is kept and every file is readable.
    fn originals(&self, part: FileRole) -> Option<Vec<(String, Vec<u8>)>> {
        if !self.parts.contains(&part) {
            return None;
        }
        let f = self.files;
        let names: Vec<String> = match part {
            FileRole::Policies => f.policies.names().into_iter().map(str::to_string).collect(),
            FileRole::Cards => f.cards.names().into_iter().map(str::to_string).collect(),
            FileRole::Qa => f.qa.names().into_iter().map(str::to_string).collect(),
            FileRole::Notices => f.notices.names().into_iter().map(str::to_string).collect(),
            FileRole::Topics => f.topics.names().into_iter().map(str::to_string).collect(),
            FileRole::Taxonomy => f.taxonomy.iter().cloned().collect(),
            FileRole::Synonyms => f.synonyms.iter().cloned().collect(),
        };
        if names.is_empty() || names.iter().any(|n| Path::new(n).components().any(|c| !matches!(c, std::path::Component::Normal(_)))) {
            return None;
        }
        names.into_iter().map(|n| std::fs::read(self.dir.join(&n)).ok().map(|bytes| (n, bytes))).collect()
    }
}

/// The JSON files of a library (manifest first), with the manifest naming each data file.
pub fn library_files(lib: &Library, manifest: Manifest) -> Vec<(String, Vec<u8>)> {
    library_files_keeping(lib, manifest, None)
}

/// As [`library_files`], keeping the original files of the parts in `kept`.
pub fn library_files_keeping(lib: &Library, mut manifest: Manifest, kept: Option<&Kept>) -> Vec<(String, Vec<u8>)> {
    fn json<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_else(|_| b"[]".to_vec());
        bytes.push(b'\n');
        bytes
    }
    let mut files = Vec::new();
    let mut names = ManifestFiles::default();
    let mut list = |part: FileRole, name: &str, bytes: &dyn Fn() -> Vec<u8>, empty: bool| -> FileList {
        if let Some(originals) = kept.and_then(|k| k.originals(part)) {
            let names: Vec<String> = originals.iter().map(|(n, _)| n.clone()).collect();
            files.extend(originals);
            return FileList::Many(names);
        }
        if empty {
            return FileList::default();
        }
        files.push((name.to_string(), bytes()));
        FileList::Many(vec![name.to_string()])
    };
    names.policies = list(FileRole::Policies, "policies.json", &|| json(&lib.policies), lib.policies.is_empty());
    names.cards = list(FileRole::Cards, "cards.json", &|| json(&lib.cards), lib.cards.is_empty());
    names.qa = list(FileRole::Qa, "qa.json", &|| json(&lib.qa), lib.qa.is_empty());
    names.notices = list(FileRole::Notices, "notices.json", &|| json(&lib.notices), lib.notices.is_empty());
    names.topics = list(FileRole::Topics, "topics.json", &|| json(&lib.topics), lib.topics.is_empty());
    let t = &lib.taxonomy;
    let no_terms = t.themes.is_empty() && t.audiences.is_empty() && t.regions.is_empty();
    names.taxonomy = list(FileRole::Taxonomy, "taxonomy.json", &|| json(t), no_terms).names().first().map(|n| n.to_string());
    names.synonyms = list(FileRole::Synonyms, "synonyms.json", &|| json(&lib.synonyms), lib.synonyms.is_empty()).names().first().map(|n| n.to_string());
    manifest.files = names;
    files.insert(0, ("manifest.json".to_string(), json(&manifest)));
    files
}

/// The files loaded and validated exactly as `mingbai check` loads a folder.
pub fn validate_files(files: &[(String, Vec<u8>)]) -> LoadReport {
    let by_name: HashMap<&str, &[u8]> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    load_with("manifest.json", |name| match by_name.get(name) {
        Some(bytes) => String::from_utf8(bytes.to_vec()).map_err(|_| "不是 UTF-8 文本".to_string()),
        None => Err("文件不存在".to_string()),
    })
}

/// Writes `files` as the library folder `dir`. Other files already in `dir` (pictures, notes)
/// are kept, except `skip` (the old data files and the stale search index).
pub fn write_library(dir: &Path, files: &[(String, Vec<u8>)], skip: &[String]) -> Result<(), String> {
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = dir.file_name().and_then(|n| n.to_str()).ok_or_else(|| format!("{}：不是有效的文件夹名", dir.display()))?;
    std::fs::create_dir_all(parent).map_err(|e| format!("无法创建 {}：{e}", parent.display()))?;
    let temp = parent.join(format!(".{name}.importing-{}", std::process::id()));
    let result = (|| {
        if temp.exists() {
            std::fs::remove_dir_all(&temp).map_err(|e| e.to_string())?;
        }
        std::fs::create_dir(&temp).map_err(|e| e.to_string())?;
        if dir.is_dir() {
            copy_others(dir, &temp, Path::new(""), skip)?;
        }
        for (file, bytes) in files {
            std::fs::write(temp.join(file), bytes).map_err(|e| format!("{file}：{e}"))?;
        }
        Ok::<(), String>(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(format!("写入临时文件夹失败，原政策库未改动：{e}"));
    }
    // Rename into place: the old folder steps aside first (a folder cannot be renamed over a
    // non-empty one), and comes back if the second rename fails.
    let old: Option<PathBuf> = dir.exists().then(|| parent.join(format!(".{name}.old-{}", std::process::id())));
    if let Some(old) = &old {
        std::fs::rename(dir, old).map_err(|e| {
            let _ = std::fs::remove_dir_all(&temp);
            format!("无法替换 {}：{e}（原政策库未改动）", dir.display())
        })?;
    }
    if let Err(e) = std::fs::rename(&temp, dir) {
        if let Some(old) = &old {
            let _ = std::fs::rename(old, dir);
        }
        let _ = std::fs::remove_dir_all(&temp);
        return Err(format!("无法把新政策库放到 {}：{e}（原政策库未改动）", dir.display()));
    }
    if let Some(old) = old {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(())
}

fn copy_others(from: &Path, to: &Path, relative: &Path, skip: &[String]) -> Result<(), String> {
    for entry in std::fs::read_dir(from.join(relative)).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let rel = relative.join(entry.file_name());
        let rel_text = rel.to_string_lossy().replace('\\', "/");
        if skip.iter().any(|s| *s == rel_text) {
            continue;
        }
        let kind = entry.file_type().map_err(|e| e.to_string())?;
        if kind.is_dir() {
            std::fs::create_dir_all(to.join(&rel)).map_err(|e| e.to_string())?;
            copy_others(from, to, &rel, skip)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), to.join(&rel)).map_err(|e| format!("{rel_text}：{e}"))?;
        }
    }
    Ok(())
}
