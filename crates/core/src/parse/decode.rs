//! Hand-written decoding of library entries from a parsed `serde_json::Value`.
//!
//! The serde derives did this before (and still exist for the CLI, the schema and the tests), but
//! every derived `Deserialize` grows a visitor, a field-identifier visitor, a sequence form and a
//! map form per type, monomorphised again per deserializer: about 90 KB of the browser's wasm.
//! These decoders are small, mostly non-generic, and give exactly what the derives give (same
//! values, same serde error messages, same field paths): `tests` checks that against the derives
//! on thousands of damaged entries.

use crate::date::IsoDate;
use crate::types::*;
use serde::de;
#[cfg(test)]
use serde::de::Unexpected;
use serde_json::Value;
use std::fmt;

/// A decoding error and the path to the value that caused it.
#[derive(Debug)]
pub struct DeError {
    message: String,
    /// Innermost segment first (pushed while the error travels outwards).
    path: Vec<Segment>,
}

#[derive(Debug)]
pub(crate) enum Segment {
    Index(usize),
    Key(String),
}

impl DeError {
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The path as `serde_path_to_error` printed it: `a.b[3].c`; empty at the top.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Index(index) => {
                    out.push('[');
                    out.push_str(&index.to_string());
                    out.push(']');
                }
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
            }
        }
        out
    }

    pub(crate) fn at(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError { message: msg.to_string(), path: Vec::new() }
    }
}

/// What serde calls a JSON value in its messages (the test oracle's deserializer uses it).
#[cfg(test)]
pub(crate) fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// The same words as serde's `Unexpected`, written here: serde's own brings core's float
/// formatting (about 10 KB of the app's wasm); serde_json's float writer is here anyway.
/// (Floats with extreme exponents read `1e300` here, not serde's long form.)
fn found(value: &Value) -> String {
    match value {
        Value::Null => "unit value".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => {
            let mut text = n.to_string();
            if !text.contains(['.', 'e', 'E']) {
                text.push_str(".0");
            }
            format!("floating point `{text}`")
        }
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    }
}

fn wrong_type(value: &Value, expected: &str) -> DeError {
    de::Error::custom(format_args!("invalid type: {}, expected {expected}", found(value)))
}

fn wrong_value(value: &Value, expected: &str) -> DeError {
    de::Error::custom(format_args!("invalid value: {}, expected {expected}", found(value)))
}

/// A type read from a JSON value the way its serde derive reads it.
pub trait Decode: Sized {
    fn decode(value: &Value) -> Result<Self, DeError>;
}

impl Decode for String {
    fn decode(value: &Value) -> Result<Self, DeError> {
        match value {
            Value::String(s) => Ok(s.clone()),
            other => Err(wrong_type(other, "a string")),
        }
    }
}

/// An unsigned integer no larger than `max` (serde's primitive visitors).
fn unsigned(value: &Value, max: u64, expected: &str) -> Result<u64, DeError> {
    if let Value::Number(n) = value {
        match (n.as_u64(), n.as_i64()) {
            (Some(u), _) if u <= max => return Ok(u),
            (Some(_), _) | (None, Some(_)) => return Err(wrong_value(value, expected)),
            _ => {}
        }
    }
    Err(wrong_type(value, expected))
}

impl Decode for u8 {
    fn decode(value: &Value) -> Result<Self, DeError> {
        unsigned(value, u8::MAX.into(), "u8").map(|n| n as u8)
    }
}

impl Decode for u32 {
    fn decode(value: &Value) -> Result<Self, DeError> {
        unsigned(value, u32::MAX.into(), "u32").map(|n| n as u32)
    }
}

impl Decode for bool {
    fn decode(value: &Value) -> Result<Self, DeError> {
        match value {
            Value::Bool(b) => Ok(*b),
            other => Err(wrong_type(other, "a boolean")),
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(value: &Value) -> Result<Self, DeError> {
        match value {
            Value::Null => Ok(None),
            other => T::decode(other).map(Some),
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(value: &Value) -> Result<Self, DeError> {
        let items = match value {
            Value::Array(items) => items,
            other => return Err(wrong_type(other, "a sequence")),
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            out.push(T::decode(item).map_err(|e| e.at(Segment::Index(index)))?);
        }
        Ok(out)
    }
}

impl Decode for IsoDate {
    fn decode(value: &Value) -> Result<Self, DeError> {
        IsoDate::parse(&String::decode(value)?).map_err(de::Error::custom)
    }
}

/// The index of a unit variant written as `"name"` (or `{"name": null}`), as serde reads enums.
fn unit_variant(value: &Value, variants: &'static [&'static str]) -> Result<usize, DeError> {
    let (name, inner) = match value {
        Value::String(name) => (name.as_str(), None),
        Value::Object(map) => {
            let mut iter = map.iter();
            match (iter.next(), iter.next()) {
                (Some((name, inner)), None) => (name.as_str(), Some(inner)),
                _ => return Err(wrong_value(value, "map with a single key")),
            }
        }
        other => return Err(wrong_type(other, "string or map")),
    };
    let Some(index) = variants.iter().position(|v| *v == name) else {
        return Err(de::Error::unknown_variant(name, variants));
    };
    match inner {
        None | Some(Value::Null) => Ok(index),
        Some(other) => Err(wrong_type(other, "unit variant").at(Segment::Key(name.to_string()))),
    }
}

macro_rules! unit_enum {
    ($ty:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        impl Decode for $ty {
            fn decode(value: &Value) -> Result<Self, DeError> {
                const VARIANTS: &[&str] = &[$($name),*];
                const ALL: &[$ty] = &[$($ty::$variant),*];
                unit_variant(value, VARIANTS).map(|index| ALL[index])
            }
        }
    };
}

unit_enum!(PolicyStatus { "effective" => Effective, "revised" => Revised, "repealed" => Repealed, "expired" => Expired });
unit_enum!(Priority { "normal" => Normal, "urgent" => Urgent });
unit_enum!(Scope { "national" => National, "province" => Province, "city" => City, "county" => County });
unit_enum!(ItemKind { "policy" => Policy, "card" => Card, "qa" => Qa, "notice" => Notice, "topic" => Topic });

impl Decode for FileList {
    /// `#[serde(untagged)]`: a file name, else a list of file names.
    fn decode(value: &Value) -> Result<Self, DeError> {
        match value {
            Value::String(name) => return Ok(FileList::One(name.clone())),
            Value::Array(items) => {
                let names: Option<Vec<String>> = items.iter().map(|v| v.as_str().map(str::to_string)).collect();
                if let Some(names) = names {
                    return Ok(FileList::Many(names));
                }
            }
            _ => {}
        }
        Err(de::Error::custom("data did not match any variant of untagged enum FileList"))
    }
}

/// Walks the fields of a struct written as an object (or, as serde also allows, as an array in
/// declaration order), calling `set` with each known field's index and value. Unknown fields are
/// ignored. Missing fields of the object form are the caller's to report (after every present
/// value decoded, in declaration order, as serde does).
fn struct_fields(
    value: &Value,
    name: &str,
    fields: &[&str],
    required: &[bool],
    set: &mut dyn FnMut(usize, &Value) -> Result<(), DeError>,
) -> Result<(), DeError> {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if let Some(index) = fields.iter().position(|f| f == key) {
                    set(index, inner).map_err(|e| e.at(Segment::Key(key.clone())))?;
                }
            }
            Ok(())
        }
        Value::Array(items) => {
            let expecting = || match fields.len() {
                1 => format!("struct {name} with 1 element"),
                n => format!("struct {name} with {n} elements"),
            };
            for (index, item) in items.iter().enumerate().take(fields.len()) {
                set(index, item).map_err(|e| e.at(Segment::Index(index)))?;
            }
            if let Some(index) = (items.len()..fields.len()).find(|&i| required[i]) {
                return Err(de::Error::invalid_length(index, &expecting().as_str()));
            }
            if items.len() > fields.len() {
                return Err(de::Error::invalid_length(items.len(), &"fewer elements in array"));
            }
            Ok(())
        }
        other => Err(wrong_type(other, &format!("struct {name}"))),
    }
}

fn missing(field: &'static str) -> DeError {
    de::Error::missing_field(field)
}

macro_rules! decode_struct {
    ($ty:ident { $($field:ident: $kind:ident),* $(,)? }) => {
        impl Decode for $ty {
            fn decode(value: &Value) -> Result<Self, DeError> {
                const FIELDS: &[&str] = &[$(stringify!($field)),*];
                const REQUIRED: &[bool] = &[$(decode_struct!(@required $kind)),*];
                $(let mut $field = None;)*
                struct_fields(value, stringify!($ty), FIELDS, REQUIRED, &mut |index, inner| {
                    let mut at = 0usize;
                    $(
                        if index == at {
                            $field = Some(Decode::decode(inner)?);
                            return Ok(());
                        }
                        at += 1;
                    )*
                    let _ = at;
                    Ok(())
                })?;
                Ok($ty { $($field: decode_struct!(@take $kind $field)),* })
            }
        }
    };
    (@required required) => { true };
    (@required default) => { false };
    (@take required $field:ident) => { match $field { Some(v) => v, None => return Err(missing(stringify!($field))) } };
    (@take default $field:ident) => { $field.unwrap_or_default() };
}

decode_struct!(Manifest {
    format: required, version: required, name: required, region: default, hotline: default,
    updated: default, description: default, files: default,
});
decode_struct!(ManifestFiles {
    policies: default, cards: default, qa: default, notices: default, topics: default,
    taxonomy: default, synonyms: default, index: default,
});
decode_struct!(Policy {
    id: required, title: required, doc_number: default, issuer: required, written_date: default,
    published_date: default, status: required, repealed_date: default, themes: default,
    audiences: default, regions: default, summary: default, sections: default, supersedes: default,
    superseded_by: default, attachments: default, source_url: default,
});
decode_struct!(Section { id: required, heading: required, paragraphs: default });
decode_struct!(Attachment { title: required, url: required });
decode_struct!(TitledText { title: required, text: default });
decode_struct!(Change { before: required, after: required });
decode_struct!(Contact { name: required, phone: required });
decode_struct!(Card {
    id: required, policy_id: required, title: required, summary: default, key_points: default,
    eligibility: default, benefits: default, steps: default, materials: default, changes: default,
    contacts: default, deadline: default, published_date: required, themes: default, audiences: default,
    expires: default, scope: default, regions: default,
});
decode_struct!(PolicyRef { policy_id: required, section: default });
decode_struct!(Qa {
    id: required, question: required, aliases: default, answer: default, policy_refs: default,
    themes: default, audiences: default, hot: default, updated: required, source: default,
    department: default, expires: default, scope: default, regions: default,
});
decode_struct!(ItemLink { kind: required, id: required });
decode_struct!(Notice {
    id: required, title: required, body: default, published: required, expires: default,
    deadline: default, priority: default, themes: default, audiences: default, regions: default,
    links: default,
});
decode_struct!(Topic { id: required, title: required, summary: default, items: default });
decode_struct!(Term { id: required, label: required, public: default });
decode_struct!(Taxonomy { themes: default, audiences: default, regions: default, issuers: default });
decode_struct!(IssuerName { label: required, aliases: default });
decode_struct!(Synonym { term: required, aliases: default });

#[cfg(test)]
mod tests {
    //! Differential test: every decoder against its serde derive (through `value_de`, the
    //! path-tracking deserializer that mirrors serde_json + serde_path_to_error), on real entries
    //! and on thousands of damaged copies of them.
    use super::*;
    use crate::parse::value_de::from_value;
    use serde::de::DeserializeOwned;
    use serde_json::json;
    use std::fmt::Debug;

    fn probes() -> Vec<Value> {
        vec![
            json!(null), json!(true), json!(0), json!(5), json!(300), json!(-3), json!(1.5),
            json!(4294967296u64), json!(""), json!("x"), json!("2024-06-30"), json!("2024-13-45"),
            json!("effective"), json!("urgent"), json!("policy"), json!([]), json!(["a"]), json!(["a", 1]),
            json!([1]), json!({}), json!({"a": 1}), json!({"effective": null}), json!({"urgent": 1}),
            json!({"policy": null, "card": null}), json!({"bogus": null}),
            json!([{"kind": "qa", "id": "x"}]), json!({"title": "t", "text": 1}),
        ]
    }

    /// Every way of damaging `value` at one place: replaced by each probe, removed, extended.
    fn mutations(value: &Value, out: &mut Vec<Value>) {
        let probes = probes();
        let mut paths = Vec::new();
        collect_paths(value, &mut Vec::new(), &mut paths);
        for path in &paths {
            for probe in &probes {
                let mut v = value.clone();
                *walk(&mut v, path) = probe.clone();
                out.push(v);
            }
            if let Some((last, parent)) = path.split_last() {
                let mut v = value.clone();
                match walk(&mut v, parent) {
                    Value::Object(map) => {
                        if let Value::String(key) = last {
                            map.remove(key);
                        }
                    }
                    Value::Array(items) => {
                        if let Some(i) = last.as_u64() {
                            items.remove(i as usize);
                        }
                    }
                    _ => {}
                }
                out.push(v);
            }
        }
        // Struct written as an array, of every length.
        if let Value::Object(map) = value {
            let values: Vec<Value> = map.values().cloned().collect();
            for n in 0..=values.len() + 1 {
                out.push(Value::Array(values.iter().cycle().take(n).cloned().collect()));
                out.push(Value::Array(vec![json!("s"); n]));
            }
            let mut extra = value.clone();
            extra.as_object_mut().unwrap().insert("zz_unknown".into(), json!([1, {"x": null}]));
            out.push(extra);
        }
    }

    fn collect_paths(value: &Value, prefix: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
        out.push(prefix.clone());
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    prefix.push(json!(k));
                    collect_paths(v, prefix, out);
                    prefix.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate().take(3) {
                    prefix.push(json!(i));
                    collect_paths(v, prefix, out);
                    prefix.pop();
                }
            }
            _ => {}
        }
    }

    fn walk<'a>(value: &'a mut Value, path: &[Value]) -> &'a mut Value {
        path.iter().fold(value, |v, step| match step {
            Value::String(k) => v.get_mut(k.as_str()).unwrap(),
            _ => v.get_mut(step.as_u64().unwrap() as usize).unwrap(),
        })
    }

    fn same<T: Decode + DeserializeOwned + PartialEq + Debug>(value: &Value) -> usize {
        let mut cases = vec![value.clone()];
        mutations(value, &mut cases);
        for case in &cases {
            match (T::decode(case), from_value::<T>(case)) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{case}"),
                (Err(a), Err(b)) => assert_eq!((a.message(), a.path()), (b.message(), b.path()), "{case}"),
                (a, b) => panic!("decode {a:?} but serde {b:?} for {case}"),
            }
        }
        cases.len()
    }

    fn entries(dir: &str, file: &str) -> Vec<Value> {
        let path = format!("{}/{dir}/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        match serde_json::from_str::<Value>(&text).unwrap() {
            Value::Array(items) => items.into_iter().take(6).collect(),
            other => vec![other],
        }
    }

    #[test]
    fn decoders_match_the_serde_derives() {
        let mut n = 0;
        for dir in ["tests/fixtures/base", "../../public/library"] {
            n += entries(dir, "manifest.json").iter().map(same::<Manifest>).sum::<usize>();
            n += entries(dir, "taxonomy.json").iter().map(same::<Taxonomy>).sum::<usize>();
            n += entries(dir, "policies.json").iter().map(same::<Policy>).sum::<usize>();
            n += entries(dir, "cards.json").iter().map(same::<Card>).sum::<usize>();
            n += entries(dir, "qa.json").iter().map(same::<Qa>).sum::<usize>();
            n += entries(dir, "topics.json").iter().map(same::<Topic>).sum::<usize>();
            n += entries(dir, "synonyms.json").iter().map(same::<Synonym>).sum::<usize>();
        }
        n += entries("tests/fixtures/base", "notices-1.json").iter().map(same::<Notice>).sum::<usize>();
        n += entries("../../public/library", "notices.json").iter().map(same::<Notice>).sum::<usize>();
        for probe in probes() {
            n += same::<Notice>(&probe) + same::<ManifestFiles>(&probe) + same::<FileList>(&probe);
            n += same::<Priority>(&probe) + same::<ItemKind>(&probe) + same::<PolicyStatus>(&probe);
        }
        assert!(n > 10_000, "only {n} cases");
        eprintln!("{n} cases");
    }

    #[test]
    fn taxonomy_terms_are_public_unless_marked_false() {
        let text = r#"{"themes":[{"id":"a","label":"甲"},{"id":"b","label":"乙","public":false},{"id":"c","label":"丙","public":true},{"id":"d","label":"丁","public":null}]}"#;
        let taxonomy = Taxonomy::decode(&crate::json::parse(text).unwrap()).unwrap();
        let public: Vec<bool> = taxonomy.themes.iter().map(Term::is_public).collect();
        assert_eq!(public, [true, false, true, true]);
        let wrong = Taxonomy::decode(&crate::json::parse(r#"{"themes":[{"id":"a","label":"甲","public":"no"}]}"#).unwrap());
        assert!(wrong.is_err());
        // The embedded library keeps its internal categories away from citizens' choices.
        let embedded = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/library/taxonomy.json")).unwrap();
        let embedded = Taxonomy::decode(&crate::json::parse(&embedded).unwrap()).unwrap();
        let internal: Vec<&str> = embedded.themes.iter().filter(|t| !t.is_public()).map(|t| t.label.as_str()).collect();
        for label in ["政策文件库", "政策问答", "主动公开事项目录"] {
            assert!(internal.contains(&label), "{label} marked internal: {internal:?}");
        }
        assert!(embedded.themes.iter().any(|t| t.id == "employment" && t.is_public()));
    }
}
