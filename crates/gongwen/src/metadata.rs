//! Metadata a 公文 does not print (library id, themes, audiences, regions, summary, 发布日期,
//! status) or that the publisher corrects: given with flags or a JSON file (`--meta`), merged
//! with what the document says. What neither gives is reported, never invented.

use crate::dates::parse_date_line;
use crate::doc_number::parse_doc_number;
use crate::html::PageMeta;
use crate::layout::Parsed;
use crate::source::Problem;
use mingbai_core::{IsoDate, Policy, PolicyStatus};
use serde::Deserialize;

/// Policy fields from flags or a metadata file; `None` = take it from the document.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    pub id: Option<String>,
    pub title: Option<String>,
    pub doc_number: Option<String>,
    pub issuer: Option<String>,
    pub written_date: Option<String>,
    pub published_date: Option<String>,
    pub status: Option<String>,
    pub themes: Option<Vec<String>>,
    pub audiences: Option<Vec<String>>,
    pub regions: Option<Vec<String>>,
    pub summary: Option<String>,
    pub source_url: Option<String>,
    /// A table transcription (TSV) replacing the first 附件's content; relative to the metadata file.
    pub table: Option<String>,
}

impl Metadata {
    /// `other` wins where it has a value (flags over a metadata file).
    pub fn overlay(self, other: Metadata) -> Metadata {
        Metadata {
            id: other.id.or(self.id),
            title: other.title.or(self.title),
            doc_number: other.doc_number.or(self.doc_number),
            issuer: other.issuer.or(self.issuer),
            written_date: other.written_date.or(self.written_date),
            published_date: other.published_date.or(self.published_date),
            status: other.status.or(self.status),
            themes: other.themes.or(self.themes),
            audiences: other.audiences.or(self.audiences),
            regions: other.regions.or(self.regions),
            summary: other.summary.or(self.summary),
            source_url: other.source_url.or(self.source_url),
            table: other.table.or(self.table),
        }
    }
}

/// Reads "2024-06-30", "2024年6月30日" or "二〇二四年六月三十日".
pub fn parse_any_date(text: &str) -> Option<IsoDate> {
    IsoDate::parse(text.trim()).ok().or_else(|| parse_date_line(text))
}

fn page_value<'a>(page: &'a PageMeta, labels: &[&str]) -> Option<&'a str> {
    page.iter().find(|(l, _)| labels.contains(&l.as_str())).map(|(_, v)| v.as_str())
}

pub fn parse_status(text: &str) -> Option<PolicyStatus> {
    Some(match text.trim() {
        "effective" | "有效" | "现行有效" => PolicyStatus::Effective,
        "revised" | "已修订" | "已修改" => PolicyStatus::Revised,
        "repealed" | "已废止" | "废止" => PolicyStatus::Repealed,
        "expired" | "已失效" | "失效" => PolicyStatus::Expired,
        _ => return None,
    })
}

/// A stable id for a policy given none: "policy-" and a hash of its 文号 (else its title).
pub fn derived_id(doc_number: Option<&str>, title: &str) -> String {
    let key = doc_number.unwrap_or(title);
    // FNV-1a: stable across runs and platforms, unlike std's hasher.
    let hash = key.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    format!("policy-{:08x}", hash as u32)
}

/// Merges document, portal page and caller metadata into a policy. Returns None (with
/// errors in `problems`) when a required field is found nowhere.
pub fn build_policy(parsed: &Parsed, page: &PageMeta, meta: &Metadata, problems: &mut Vec<Problem>) -> Option<Policy> {
    let mut ok = true;
    let doc_number = match &meta.doc_number {
        Some(given) => match parse_doc_number(given) {
            Some(number) => {
                if let Some(found) = parsed.doc_number.as_ref().filter(|f| **f != number) {
                    problems.push(Problem::warning(0, format!("文件中的文号是“{found}”，按指定的“{number}”导入")));
                }
                Some(number)
            }
            None => {
                problems.push(Problem::error(0, format!("指定的文号“{given}”格式不对，应如“槐政办发〔2024〕2号”")));
                ok = false;
                None
            }
        },
        None => parsed.doc_number.clone().or_else(|| page_value(page, &["文号", "发文字号"]).and_then(parse_doc_number)),
    };
    let issuer = meta.issuer.clone().or(parsed.issuer.clone()).or(page_value(page, &["发文机关", "发布机构", "发文单位"]).map(str::to_string)).or(parsed.signature.clone());
    if issuer.is_none() {
        problems.push(Problem::error(0, "未找到发文机关（发文机关标志、标题或落款中都没有），请用 --issuer 指定"));
        ok = false;
    }
    let title = meta.title.clone().or(parsed.title.clone()).or(page_value(page, &["标题", "名称"]).map(str::to_string));
    if title.is_none() {
        problems.push(Problem::error(0, "未找到标题，请用 --title 指定"));
        ok = false;
    }
    let mut date = |given: &Option<String>, flag: &str| -> Option<IsoDate> {
        let text = given.as_ref()?;
        let parsed = parse_any_date(text);
        if parsed.is_none() {
            problems.push(Problem::error(0, format!("{flag} 的日期“{text}”无法识别，应如 2024-06-30 或 2024年6月30日")));
            ok = false;
        }
        parsed
    };
    let written_date = date(&meta.written_date, "--written")
        .or(parsed.written_date.clone())
        .or_else(|| page_value(page, &["成文日期"]).and_then(parse_any_date));
    let published_date = date(&meta.published_date, "--published").or_else(|| page_value(page, &["发布日期"]).and_then(parse_any_date));
    let status = match &meta.status {
        Some(text) => parse_status(text).unwrap_or_else(|| {
            problems.push(Problem::error(0, format!("--status “{text}”无法识别，应为 effective/revised/repealed/expired（有效/已修订/已废止/已失效）")));
            ok = false;
            PolicyStatus::Effective
        }),
        None => {
            problems.push(Problem::warning(0, "文件未注明有效性，按“有效”导入（可用 --status 指定）"));
            PolicyStatus::Effective
        }
    };
    if published_date.is_none() {
        problems.push(Problem::warning(0, "未提供发布日期（可用 --published 指定）"));
    }
    if parsed.sections.is_empty() {
        problems.push(Problem::error(0, "未能识别出正文"));
        ok = false;
    }
    if !ok {
        return None;
    }
    let title = title?;
    let id = meta.id.clone().unwrap_or_else(|| {
        let id = derived_id(doc_number.as_deref(), &title);
        problems.push(Problem::warning(0, format!("未指定 --id，按文号或标题生成 id “{id}”")));
        id
    });
    Some(Policy {
        id,
        title,
        doc_number,
        issuer: issuer?,
        written_date,
        published_date,
        status,
        repealed_date: None,
        themes: meta.themes.clone().unwrap_or_default(),
        audiences: meta.audiences.clone().unwrap_or_default(),
        regions: meta.regions.clone().unwrap_or_default(),
        summary: meta.summary.clone().unwrap_or_default(),
        sections: parsed.sections.clone(),
        supersedes: None,
        superseded_by: None,
        attachments: Vec::new(),
        source_url: meta.source_url.clone(),
    })
}
