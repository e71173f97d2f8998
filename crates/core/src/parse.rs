//! Turning file text into typed entries, one entry at a time, so that one bad entry is
//! reported and skipped while every good entry beside it still loads.

use crate::diagnostic::{Diagnostic, Problem};
use crate::types::{Manifest, FORMAT_NAME, FORMAT_VERSION};
use serde_json::Value;

mod decode;
#[cfg(test)]
mod value_de;

pub use decode::{DeError, Decode};

/// Parses `manifest.json`. Any problem here is fatal for the whole library.
pub fn parse_manifest(file: &str, text: &str) -> Result<Manifest, Diagnostic> {
    let value = parse_json(file, text)?;
    if let Some(format) = value.get("format").and_then(Value::as_str) {
        if format != FORMAT_NAME {
            return Err(Diagnostic::error(
                Problem::UnknownFormat,
                file,
                format!("format 应为“{FORMAT_NAME}”，实际为“{format}”：这不是明白政策库的清单文件"),
            )
            .path("format"));
        }
    }
    if let Some(version) = value.get("version").and_then(Value::as_u64) {
        if version != u64::from(FORMAT_VERSION) {
            return Err(Diagnostic::error(
                Problem::UnknownVersion,
                file,
                format!("不支持的格式版本 {version}：本程序只能读取第 {FORMAT_VERSION} 版政策库，请升级应用或联系发布单位"),
            )
            .path("version"));
        }
    }
    Manifest::decode(&value).map_err(|err| diagnose(file, None, err))
}

/// Parses a file that holds a JSON array of entries. Returns the good entries with their
/// position, and a diagnostic for every bad one.
pub fn parse_entries<T: Decode>(file: &str, text: &str) -> (Vec<T>, Vec<Diagnostic>) {
    let mut good = Vec::new();
    // Only the decoding of one entry depends on T; the rest is shared by every kind.
    let problems = each_entry(file, text, &mut |item| T::decode(item).map(|entry| good.push(entry)));
    (good, problems)
}

/// Calls `decode` for every entry of a JSON array file; returns the problems (file level or per
/// entry, with the entry's label and field path).
fn each_entry(file: &str, text: &str, decode: &mut dyn FnMut(&Value) -> Result<(), DeError>) -> Vec<Diagnostic> {
    let value = match parse_json(file, text) {
        Ok(value) => value,
        Err(diagnostic) => return vec![diagnostic],
    };
    let Value::Array(items) = value else {
        let found = json_kind(&value);
        return vec![Diagnostic::error(
            Problem::WrongShape,
            file,
            format!("文件内容应为由条目组成的数组（[ … ]），实际为{found}"),
        )];
    };
    let mut problems = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if let Err(err) = decode(item) {
            problems.push(diagnose(file, Some(&entry_label(item, index)), err));
        }
    }
    problems
}

/// Parses a file that holds one JSON object (taxonomy).
pub fn parse_object<T: Decode>(file: &str, text: &str) -> Result<T, Diagnostic> {
    let value = parse_json(file, text)?;
    T::decode(&value).map_err(|err| diagnose(file, None, err))
}

/// Parses a file as JSON without decoding it further.
pub fn parse_value(file: &str, text: &str) -> Result<Value, Diagnostic> {
    parse_json(file, text)
}

fn parse_json(file: &str, text: &str) -> Result<Value, Diagnostic> {
    // A UTF-8 byte-order mark is common in files saved by office tools; it is not an error.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(Problem::MalformedJson, file, "文件是空的"));
    }
    crate::json::parse(text).map_err(|e| {
        let reason = if e.eof { e.message.clone() } else { format!("JSON 格式错误：{}", e.message) };
        Diagnostic::error(
            Problem::MalformedJson,
            file,
            format!("{reason}（第 {} 行第 {} 列）", e.line, e.column),
        )
    })
}

/// Names an entry by its id when it has a usable one, else by its position.
fn entry_label(item: &Value, index: usize) -> String {
    match item.get("id").and_then(Value::as_str) {
        Some(id) if !id.trim().is_empty() => clip(id, 80),
        _ => format!("第{}条", index + 1),
    }
}

fn diagnose(file: &str, label: Option<&str>, err: DeError) -> Diagnostic {
    let mut path = err.path();
    let (problem, message) = explain(err.message(), &mut path);
    let diagnostic = Diagnostic::error(problem, file, message).path(path);
    match label {
        Some(label) => diagnostic.entry(label),
        None => diagnostic,
    }
}

/// Translates serde's English messages into Chinese a publisher can act on.
fn explain(raw: &str, path: &mut String) -> (Problem, String) {
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(field);
        return (Problem::MissingField, format!("缺少必填字段 {field}"));
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            Problem::WrongType,
            format!("类型错误：应为{}，实际为{}", chinese_kind(expected), chinese_kind(found)),
        );
    }
    if raw.starts_with("unknown variant") {
        let allowed = raw.split("expected ").nth(1).unwrap_or("");
        return (Problem::InvalidValue, format!("取值无效，可用的值：{}", allowed.replace('`', "")));
    }
    if raw.starts_with("invalid value") || raw.starts_with("data did not match any variant") {
        return (Problem::InvalidValue, format!("取值无效（{raw}）"));
    }
    // Messages our own types produce (dates) are already in Chinese.
    (Problem::InvalidValue, clip(raw, 200))
}

fn chinese_kind(serde_words: &str) -> String {
    let w = serde_words.trim();
    let kind = if w.starts_with("a string") || w.starts_with("string") {
        "文本"
    } else if w.starts_with("a sequence") || w.starts_with("sequence") {
        "数组"
    } else if w.starts_with("struct") || w.starts_with("map") || w.starts_with("a map") {
        "对象"
    } else if w.starts_with("integer") || w.starts_with("u8") || w.starts_with("u32") || w.starts_with("floating") {
        "数字"
    } else if w.starts_with("boolean") || w.starts_with("a boolean") {
        "真假值"
    } else if w.starts_with("null") {
        "空值 null"
    } else {
        return clip(w, 60);
    };
    // Keep serde's quoted value (e.g. integer `5`) so the publisher can find it.
    match w.split_once('`') {
        Some((_, value)) => format!("{kind} {}", clip(value.trim_end_matches('`'), 40)),
        None => kind.to_string(),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "空值",
        Value::Bool(_) => "真假值",
        Value::Number(_) => "数字",
        Value::String(_) => "文本",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}

/// Shortens long text for messages without cutting a character in half.
pub(crate) fn clip(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
