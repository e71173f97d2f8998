//! Problems found while loading a library, in words a publisher and a citizen can act on.
//! Every diagnostic names the file, the entry id (when there is one) and the field path.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The library is wrong: `mingbai check` fails; the entry or reference is left out.
    Error,
    /// Worth fixing, but nothing is left out.
    Warning,
}

/// The class of a problem; its stable name is used by tests and by `mingbai check --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    MissingFile,
    MalformedJson,
    WrongShape,
    MissingField,
    WrongType,
    InvalidValue,
    DuplicateId,
    DanglingReference,
    UnknownTaxonomyId,
    ImpossibleDate,
    UnknownFormat,
    UnknownVersion,
    /// A file over [`crate::load::MAX_FILE_BYTES`]: skipped without parsing.
    TooLarge,
    /// Warnings about content that loads but deserves a look.
    Suspicious,
}

impl Problem {
    pub fn name(self) -> &'static str {
        match self {
            Problem::MissingFile => "missing-file",
            Problem::MalformedJson => "malformed-json",
            Problem::WrongShape => "wrong-shape",
            Problem::MissingField => "missing-field",
            Problem::WrongType => "wrong-type",
            Problem::InvalidValue => "invalid-value",
            Problem::DuplicateId => "duplicate-id",
            Problem::DanglingReference => "dangling-reference",
            Problem::UnknownTaxonomyId => "unknown-taxonomy-id",
            Problem::ImpossibleDate => "impossible-date",
            Problem::UnknownFormat => "unknown-format",
            Problem::UnknownVersion => "unknown-version",
            Problem::TooLarge => "too-large",
            Problem::Suspicious => "suspicious",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub problem: Problem,
    /// File name as listed in the manifest, e.g. `policies.json`.
    pub file: String,
    /// Id of the entry concerned, or its position (`第3条`) when it has no usable id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// Field path inside the entry, e.g. `sections[2].heading`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Plain Chinese explanation.
    pub message: String,
}

impl Diagnostic {
    pub fn error(problem: Problem, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            problem,
            file: file.to_string(),
            entry: None,
            path: None,
            message: message.into(),
        }
    }
    pub fn warning(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(Problem::Suspicious, file, message)
        }
    }
    pub fn entry(mut self, entry: impl Into<String>) -> Self {
        self.entry = Some(entry.into());
        self
    }
    pub fn path(mut self, path: impl Into<String>) -> Self {
        let path = path.into();
        self.path = (!path.is_empty()).then_some(path);
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// One line: `错误 policies.json › huaiyin-2024 › sections[2].heading：缺少必填字段`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
        };
        write!(f, "{label} {}", self.file)?;
        if let Some(entry) = &self.entry {
            write!(f, " › {entry}")?;
        }
        if let Some(path) = &self.path {
            write!(f, " › {path}")?;
        }
        write!(f, "：{}", self.message)
    }
}
