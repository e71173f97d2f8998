//! Library format v1: one Rust type per JSON file. These types *are* the schema:
//! `mingbai schema` generates `schema/library-v1.schema.json` from them.
//!
//! Leniency rules (so that real-world v1 libraries keep loading):
//! - arrays may be omitted and default to empty;
//! - `doc_number`, `written_date` and `published_date` of a policy may be omitted when the source
//!   document does not state them (the validator warns);
//! - unknown fields are ignored, so newer libraries still load in older apps.

use crate::date::IsoDate;
use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// The value of `manifest.format`.
pub const FORMAT_NAME: &str = "mingbai-library";
/// The only format version this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// `manifest.json`: the only required file; names every other file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Manifest {
    /// Always `"mingbai-library"`.
    pub format: String,
    /// Format version; this build reads version 1.
    pub version: u32,
    /// Library name shown to users, e.g. `槐荫区政策库`.
    pub name: String,
    /// Region the library serves, e.g. `济南市槐荫区`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Hotline number shown on every page, e.g. `12345`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotline: Option<String>,
    /// When the library was last published (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<IsoDate>,
    /// Free text for publishers and users: provenance, what is example data. (Extension to v1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The data files, each a single file name or a list of shard file names.
    #[serde(default)]
    pub files: ManifestFiles,
}

/// File names relative to the manifest. List kinds may be split into shards.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ManifestFiles {
    #[serde(default, skip_serializing_if = "FileList::is_empty")]
    pub policies: FileList,
    #[serde(default, skip_serializing_if = "FileList::is_empty")]
    pub cards: FileList,
    #[serde(default, skip_serializing_if = "FileList::is_empty")]
    pub qa: FileList,
    #[serde(default, skip_serializing_if = "FileList::is_empty")]
    pub notices: FileList,
    #[serde(default, skip_serializing_if = "FileList::is_empty")]
    pub topics: FileList,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synonyms: Option<String>,
    /// The head of a sharded search index written by `mingbai index`, e.g. `index/head.json`;
    /// its chunks sit beside it. When present the app searches through it, loading chunks on
    /// demand, instead of downloading every file and indexing in the browser. (Extension to v1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
}

/// One file name, or a list of shard file names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum FileList {
    One(String),
    Many(Vec<String>),
}

impl Default for FileList {
    fn default() -> Self {
        FileList::Many(Vec::new())
    }
}

impl FileList {
    pub fn names(&self) -> Vec<&str> {
        match self {
            FileList::One(name) => vec![name.as_str()],
            FileList::Many(names) => names.iter().map(String::as_str).collect(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.names().is_empty()
    }
}

/// Validity of a policy document (有效性).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum PolicyStatus {
    /// 有效
    Effective,
    /// 已修订
    Revised,
    /// 已废止
    Repealed,
    /// 已失效
    Expired,
}

impl PolicyStatus {
    pub fn label(self) -> &'static str {
        match self {
            PolicyStatus::Effective => "有效",
            PolicyStatus::Revised => "已修订",
            PolicyStatus::Repealed => "已废止",
            PolicyStatus::Expired => "已失效",
        }
    }
    pub fn is_current(self) -> bool {
        self == PolicyStatus::Effective
    }
}

/// A policy document (政策文件).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Policy {
    pub id: String,
    pub title: String,
    /// 文号, e.g. `槐政办发〔2024〕2号`. Omitted when the document has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// 发布机构
    pub issuer: String,
    /// 成文日期
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_date: Option<IsoDate>,
    /// 发布日期
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_date: Option<IsoDate>,
    /// 有效性
    pub status: PolicyStatus,
    /// 废止日期; required when `status` is `repealed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repealed_date: Option<IsoDate>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Id of the policy this one replaces (older version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
    /// Id of the policy that replaces this one (newer version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// A section of a policy's full text; its id is the URL fragment (`/policies/:id#section-id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Section {
    pub id: String,
    pub heading: String,
    #[serde(default)]
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Attachment {
    pub title: String,
    pub url: String,
}

/// A titled piece of text: a key point (要点) or a step (办理步骤).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct TitledText {
    pub title: String,
    #[serde(default)]
    pub text: String,
}

/// What changes, old → new (新旧政策差异).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Change {
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Contact {
    pub name: String,
    pub phone: String,
}

/// A plain-language interpretation card (政策明白卡).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Card {
    pub id: String,
    /// The policy this card interprets.
    pub policy_id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub key_points: Vec<TitledText>,
    /// 享受条件 / who it concerns.
    #[serde(default)]
    pub eligibility: Vec<String>,
    /// What citizens get.
    #[serde(default)]
    pub benefits: Vec<String>,
    /// How to apply / what to do.
    #[serde(default)]
    pub steps: Vec<TitledText>,
    #[serde(default)]
    pub materials: Vec<String>,
    #[serde(default)]
    pub changes: Vec<Change>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<IsoDate>,
    pub published_date: IsoDate,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    /// 失效日期: after this day the card leaves lists, the screen and recommendations. (Extension to v1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<IsoDate>,
    /// 适用范围: the level of government the card applies at. (Extension to v1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// 适用地区: taxonomy region ids. (Extension to v1.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
}

/// A citation of a policy, optionally of one of its sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct PolicyRef {
    pub policy_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// A question and answer of the knowledge base (shared with the 12345 hotline).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Qa {
    pub id: String,
    pub question: String,
    /// Other ways people ask the same question.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Answer paragraphs.
    #[serde(default)]
    pub answer: Vec<String>,
    #[serde(default)]
    pub policy_refs: Vec<PolicyRef>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    /// Popularity 0–100; hot questions are shown first.
    #[serde(default)]
    pub hot: u8,
    pub updated: IsoDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// 责任单位: the department that answers for this answer. (Extension to v1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// 失效日期: after this day the question leaves lists, the screen and recommendations. (Extension to v1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<IsoDate>,
    /// 适用范围: the level of government the answer applies at. (Extension to v1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// 适用地区: taxonomy region ids. (Extension to v1.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
}

/// 适用范围: the level of government an answer or card applies at, serialised as
/// `national` (国家), `province` (省), `city` (市) or `county` (区县). (Extension to v1.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// 国家
    National,
    /// 省
    Province,
    /// 市
    City,
    /// 区县
    County,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::National, Scope::Province, Scope::City, Scope::County];
    /// Chinese label shown to users and written in spreadsheets.
    pub fn label(self) -> &'static str {
        match self {
            Scope::National => "国家",
            Scope::Province => "省",
            Scope::City => "市",
            Scope::County => "区县",
        }
    }
    /// The JSON value, e.g. `county`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::National => "national",
            Scope::Province => "province",
            Scope::City => "city",
            Scope::County => "county",
        }
    }
}

/// Whether an entry with this `expires` date is past it on `today` (the day after has begun).
pub fn is_past_expiry(expires: Option<&IsoDate>, today: &IsoDate) -> bool {
    expires.is_some_and(|e| e.ymd() < today.ymd())
}

impl Qa {
    /// Expired questions leave lists, the screen and recommendations (still reachable by link).
    pub fn is_expired(&self, today: &IsoDate) -> bool {
        is_past_expiry(self.expires.as_ref(), today)
    }
}

impl Card {
    /// Expired cards leave lists, the screen and recommendations (still reachable by link).
    pub fn is_expired(&self, today: &IsoDate) -> bool {
        is_past_expiry(self.expires.as_ref(), today)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    #[default]
    Normal,
    Urgent,
}

/// The kinds of content an item can link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Policy,
    Card,
    Qa,
    Notice,
    Topic,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Policy,
        ItemKind::Card,
        ItemKind::Qa,
        ItemKind::Notice,
        ItemKind::Topic,
    ];
    /// Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Policy => "政策",
            ItemKind::Card => "解读",
            ItemKind::Qa => "问答",
            ItemKind::Notice => "通知",
            ItemKind::Topic => "专题",
        }
    }
    /// The app route prefix, e.g. `/policies`.
    pub fn route(self) -> &'static str {
        match self {
            ItemKind::Policy => "/policies",
            ItemKind::Card => "/cards",
            ItemKind::Qa => "/qa",
            ItemKind::Notice => "/notices",
            ItemKind::Topic => "/topics",
        }
    }
    /// The JSON name, e.g. `qa`.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Policy => "policy",
            ItemKind::Card => "card",
            ItemKind::Qa => "qa",
            ItemKind::Notice => "notice",
            ItemKind::Topic => "topic",
        }
    }
}

/// A link to another item of the library.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ItemLink {
    pub kind: ItemKind,
    pub id: String,
}

impl ItemLink {
    pub fn href(&self) -> String {
        format!("{}/{}", self.kind.route(), self.id)
    }
}

/// A targeted notice (政策找人): shown to people whose profile matches its targeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Notice {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub body: Vec<String>,
    pub published: IsoDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<IsoDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<IsoDate>,
    #[serde(default)]
    pub priority: Priority,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub links: Vec<ItemLink>,
}

/// A "一件事" bundle: everything about one life event in one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Topic {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub items: Vec<ItemLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Term {
    pub id: String,
    pub label: String,
    /// `false` marks an internal category (the government's own disclosure work, e.g. 政策文件库):
    /// entries may carry it, but it is never offered to citizens as something to choose
    /// (subscription themes, kiosk categories). Absent means public, so v1 libraries load as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<bool>,
}

impl Term {
    /// Whether citizens may be offered this term to choose (`public` is not `false`).
    pub fn is_public(&self) -> bool {
        self.public != Some(false)
    }
}

/// `taxonomy.json`: the ids that `themes`, `audiences` and `regions` may hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Taxonomy {
    #[serde(default)]
    pub themes: Vec<Term>,
    #[serde(default)]
    pub audiences: Vec<Term>,
    #[serde(default)]
    pub regions: Vec<Term>,
    /// Optional: issuers (发布机构) and the other names policies give them, merged into one
    /// entry of the issuer filter (see `crate::issuers`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuers: Vec<IssuerName>,
}

/// One issuer as citizens should find it in the 发布机构 filter: `label`, and the names
/// policies may write instead (`"槐荫区人民政府办公室"`, `"济南市槐荫区人民政府"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct IssuerName {
    pub label: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An official term and the colloquial words people use for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Synonym {
    pub term: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}
