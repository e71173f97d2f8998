//! The spreadsheet layout: one sheet per kind of entry, its columns in template order, the header
//! texts people really use for each column (aliases), and how a cell holds several values.
//! The template, the importer and the exporter all read this one table.

/// The kinds of sheet the template has (政策正文 holds the sections of 政策, one row each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SheetKind {
    Qa,
    Policy,
    Section,
    Card,
    Notice,
    Topic,
    Taxonomy,
    Synonym,
}

/// How a cell carries its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// One value.
    One,
    /// Several values separated by ；、; or line breaks (a cell with line breaks is split on line
    /// breaks only, so a value may itself contain 、).
    List,
    /// Paragraphs: one per line.
    Lines,
}

/// One column of a sheet.
#[derive(Debug)]
pub struct Column {
    /// The field name (`--map 列名=字段` accepts it, or the template header).
    pub field: &'static str,
    /// The template header.
    pub header: &'static str,
    /// Other headers that mean the same column.
    pub aliases: &'static [&'static str],
    pub required: bool,
    pub split: Split,
    /// What the 说明 sheet says about the column.
    pub help: &'static str,
    /// The example value the 说明 sheet shows (example data, never imported).
    pub example: &'static str,
}

const fn col(
    field: &'static str,
    header: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    split: Split,
    help: &'static str,
    example: &'static str,
) -> Column {
    Column { field, header, aliases, required, split, help, example }
}

use Split::*;

/// Q&A: the exact header texts and order that `mingbai report --xlsx` also writes.
pub const QA: &[Column] = &[
    col("id", "编号", &["id", "知识编号", "问答编号"], false, One, "问答的唯一编号，出现在网址 /qa/编号 中；留空时由问题自动生成，重新导入时保持不变", "qa-001"),
    col("question", "问题", &["用户问题", "咨询问题", "标准问题", "问题标题", "常见问题"], true, One, "群众会怎么问，就怎么写", "失业了，区里有哪些就业支持政策会公开？"),
    col("aliases", "相似问法", &["扩展问题", "别名", "相似问题", "关键字", "关键词", "其他问法"], false, List, "同一个问题的其他说法；关键字/关键词列也并入这里（搜索会用到）。多个用；、分隔或换行", "失业金怎么领；失业补贴"),
    col("answer", "答案", &["答复", "答复内容", "回复内容", "正文内容", "知识库答案", "答复口径", "标准答案"], true, Lines, "答复内容，每段一行（单元格内换行 Alt+Enter）", "根据……，区里会公开就业支持政策。"),
    col("policy_refs", "政策依据", &["依据", "政策文件", "引用政策"], false, List, "答案依据的政策：政策编号，或 政策编号#章节编号，也可写政策标题或文号", "huaiyin-2024#s1-3"),
    col("themes", "主题", &["分类", "知识分类", "主题分类"], false, List, "主题分类：分类表中的编号或名称", "employment"),
    col("audiences", "适用对象", &["对象", "人群", "服务对象"], false, List, "适用人群：分类表中的编号或名称", "graduates"),
    col("hot", "热度", &["热度值", "咨询量"], false, One, "0–100，越大越靠前", "80"),
    col("updated", "更新日期", &["更新时间", "修改时间", "修改日期", "录入时间", "日期"], true, One, "答案最近一次核对的日期，如 2024-06-30、2024年6月30日", "2024-06-30"),
    col("source", "来源", &["出处", "答案来源"], false, One, "答案出自哪里（文件名、知识库名称）；责任部门请写在“责任单位”", "《2024年槐荫区政务公开工作要点》"),
    col("department", "责任单位", &["部门", "处理单位", "承办单位", "责任部门", "主管部门"], false, One, "对答案负责的单位", "区人力资源和社会保障局"),
    col("scope", "适用范围", &["层级", "适用层级"], false, One, "国家、省、市 或 区县", "区县"),
    col("regions", "适用地区", &["地区", "区域"], false, List, "适用地区：分类表中的编号或名称", "huaiyin"),
    col("expires", "失效日期", &["有效期至", "失效时间", "截止有效期"], false, One, "过了这一天，问答不再出现在列表、搜索推荐和大屏上", "2025-12-31"),
];

pub const POLICY: &[Column] = &[
    col("id", "编号", &["id", "政策编号"], false, One, "政策的唯一编号，出现在网址 /policies/编号 中；留空时由标题自动生成", "huaiyin-2024"),
    col("title", "标题", &["政策标题", "文件标题", "文件名称", "名称"], true, One, "文件全称", "2024年槐荫区政务公开工作要点"),
    col("doc_number", "文号", &["发文字号", "发文文号"], false, One, "如 槐政办发〔2024〕2号，没有可留空", "槐政办发〔2024〕2号"),
    col("issuer", "发布机构", &["发文机关", "发文单位", "发布单位"], true, One, "发文机关", "济南市槐荫区人民政府办公室"),
    col("written_date", "成文日期", &["印发日期"], false, One, "成文日期", "2024-04-30"),
    col("published_date", "发布日期", &["公开日期", "发布时间"], false, One, "发布日期，不能早于成文日期", "2024-05-06"),
    col("status", "有效性", &["状态", "效力状态"], true, One, "有效、已修订、已废止 或 已失效", "有效"),
    col("repealed_date", "废止日期", &[], false, One, "有效性为已废止时必填", ""),
    col("themes", "主题", &["分类"], false, List, "分类表中的编号或名称", "open-government"),
    col("audiences", "适用对象", &["对象"], false, List, "分类表中的编号或名称", ""),
    col("regions", "适用地区", &["地区"], false, List, "分类表中的编号或名称", "huaiyin"),
    col("summary", "摘要", &["简介", "内容摘要"], false, One, "一两句话说明文件讲什么", "部署2024年槐荫区政务公开重点工作。"),
    col("supersedes", "替代的旧政策", &[], false, One, "本文件取代的旧版本的编号", ""),
    col("superseded_by", "被替代为", &[], false, One, "取代本文件的新版本的编号", ""),
    col("attachments", "附件", &[], false, Lines, "每行一个：附件标题 网址", ""),
    col("source_url", "原文链接", &["链接", "网址"], false, One, "原文网址", "http://www.huaiyin.gov.cn/"),
];

pub const SECTION: &[Column] = &[
    col("policy_id", "政策编号", &[], true, One, "这一节属于哪份政策（政策表的编号）", "huaiyin-2024"),
    col("section_id", "章节编号", &[], true, One, "章节编号，出现在网址 #章节编号 中，同一政策内不重复", "s1-3"),
    col("heading", "章节标题", &["标题"], false, One, "章节标题", "（三）围绕增进民生福祉推进信息公开"),
    col("paragraphs", "正文", &["段落", "内容"], false, Lines, "正文，每段一行；太长时可接着写在下一行（编号相同的行会连在一起）", "深入推进高校毕业生……"),
];

pub const CARD: &[Column] = &[
    col("id", "编号", &["id", "卡片编号"], false, One, "卡片编号，出现在网址 /cards/编号 中；留空时由标题自动生成", "card-001"),
    col("policy_id", "政策编号", &["解读的政策"], true, One, "解读的是哪份政策（政策表的编号，或政策标题、文号）", "huaiyin-2024"),
    col("title", "标题", &["卡片标题"], true, One, "通俗的标题", "一图读懂2024年槐荫区政务公开"),
    col("summary", "摘要", &["简介"], false, One, "一两句话", "今年政务公开重点做这几件事。"),
    col("key_points", "要点", &[], false, Lines, "每行一个：要点标题：说明", "政策找人：主动推送就业政策"),
    col("eligibility", "享受条件", &["适用条件", "申请条件"], false, Lines, "每行一条", ""),
    col("benefits", "可获得", &["享受待遇", "补贴标准"], false, Lines, "每行一条", ""),
    col("steps", "办理步骤", &["办理流程"], false, Lines, "每行一步：步骤标题：说明", "提交申请：到政务服务中心窗口"),
    col("materials", "所需材料", &["申请材料"], false, Lines, "每行一种", "身份证"),
    col("changes", "新旧变化", &[], false, Lines, "每行一条：原来 → 现在", "每月500元 → 每月600元"),
    col("contacts", "联系电话", &["咨询电话"], false, Lines, "每行一个：名称：电话", "政务服务便民热线：12345"),
    col("deadline", "截止日期", &["申报截止"], false, One, "申报截止日期", ""),
    col("published_date", "发布日期", &["发布时间"], true, One, "发布日期", "2024-05-10"),
    col("themes", "主题", &["分类"], false, List, "分类表中的编号或名称", "open-government"),
    col("audiences", "适用对象", &["对象"], false, List, "分类表中的编号或名称", ""),
    col("scope", "适用范围", &["层级"], false, One, "国家、省、市 或 区县", "区县"),
    col("regions", "适用地区", &["地区"], false, List, "分类表中的编号或名称", "huaiyin"),
    col("expires", "失效日期", &["有效期至"], false, One, "过了这一天，卡片不再出现在列表和大屏上", ""),
];

pub const NOTICE: &[Column] = &[
    col("id", "编号", &["id", "通知编号"], false, One, "通知编号，出现在网址 /notices/编号 中；留空时由标题自动生成", "notice-001"),
    col("title", "标题", &["通知标题"], true, One, "标题", "（示例）高校毕业生就业政策宣讲会"),
    col("body", "正文", &["内容", "通知内容"], false, Lines, "正文，每段一行", "（示例）时间地点……"),
    col("published", "发布日期", &["发布时间"], true, One, "发布日期", "2024-06-01"),
    col("expires", "失效日期", &["有效期至"], false, One, "过了这一天通知归档", "2024-06-30"),
    col("deadline", "截止日期", &["报名截止"], false, One, "需要群众在此之前办理的日期", ""),
    col("priority", "优先级", &["紧急程度"], false, One, "普通 或 紧急（紧急通知排在最前，大屏只显示紧急通知）", "普通"),
    col("themes", "主题", &["分类"], false, List, "分类表中的编号或名称；留空表示所有人", "employment"),
    col("audiences", "适用对象", &["对象"], false, List, "分类表中的编号或名称；留空表示所有人", "graduates"),
    col("regions", "适用地区", &["地区"], false, List, "分类表中的编号或名称；留空表示所有地区", ""),
    col("links", "相关内容", &["链接"], false, List, "类型:编号，类型为 policy card qa notice topic", "qa:qa-001"),
];

pub const TOPIC: &[Column] = &[
    col("id", "编号", &["id", "专题编号"], false, One, "专题编号，出现在网址 /topics/编号 中；留空时由标题自动生成", "topic-graduates"),
    col("title", "标题", &["专题名称", "名称"], true, One, "一件事的名称", "高校毕业生就业一件事"),
    col("summary", "摘要", &["简介"], false, One, "一两句话", ""),
    col("items", "内容", &["包含内容", "相关内容"], true, List, "类型:编号，类型为 policy card qa notice topic", "qa:qa-001；card:card-001"),
];

pub const TAXONOMY: &[Column] = &[
    col("list", "类别", &["分类类别"], true, One, "主题、适用对象 或 地区", "主题"),
    col("id", "编号", &["id"], true, One, "其他表引用的编号（英文、数字和 - 最稳妥）", "employment"),
    col("label", "名称", &["标签", "分类名称"], true, One, "显示给群众的名称", "就业创业"),
    col("public", "对群众显示", &["公开"], false, One, "填“否”：内部工作分类，不在订阅等处供群众选择（主题才有）；留空即显示", ""),
];

pub const SYNONYM: &[Column] = &[
    col("term", "词语", &["规范用语", "正式用语"], true, One, "正式用语", "依申请公开"),
    col("aliases", "同义词", &["俗称", "口语"], false, List, "群众常说的说法，多个用；、分隔", "申请公开；要信息"),
];

/// Headers that are known but carry nothing to import (row numbers). Everything else unknown,
/// 备注 included, is reported.
pub const IGNORED_HEADERS: &[&str] = &["序号", "行号", "no", "no.", "序"];

impl SheetKind {
    pub const ALL: [SheetKind; 8] = [
        SheetKind::Qa,
        SheetKind::Policy,
        SheetKind::Section,
        SheetKind::Card,
        SheetKind::Notice,
        SheetKind::Topic,
        SheetKind::Taxonomy,
        SheetKind::Synonym,
    ];

    /// The sheet name in the template (and the CSV file stem).
    pub fn sheet_name(self) -> &'static str {
        match self {
            SheetKind::Qa => "问答",
            SheetKind::Policy => "政策",
            SheetKind::Section => "政策正文",
            SheetKind::Card => "解读卡",
            SheetKind::Notice => "通知",
            SheetKind::Topic => "专题",
            SheetKind::Taxonomy => "分类",
            SheetKind::Synonym => "同义词",
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            SheetKind::Qa => QA,
            SheetKind::Policy => POLICY,
            SheetKind::Section => SECTION,
            SheetKind::Card => CARD,
            SheetKind::Notice => NOTICE,
            SheetKind::Topic => TOPIC,
            SheetKind::Taxonomy => TAXONOMY,
            SheetKind::Synonym => SYNONYM,
        }
    }

    /// The column that must be present for a sheet to be this kind.
    pub fn key_fields(self) -> &'static [&'static str] {
        match self {
            SheetKind::Qa => &["question"],
            SheetKind::Policy => &["title", "issuer"],
            SheetKind::Section => &["policy_id", "section_id"],
            SheetKind::Card => &["policy_id", "title"],
            SheetKind::Notice => &["title", "published"],
            SheetKind::Topic => &["title", "items"],
            SheetKind::Taxonomy => &["list", "id", "label"],
            SheetKind::Synonym => &["term"],
        }
    }

    pub fn from_sheet_name(name: &str) -> Option<SheetKind> {
        let key = crate::cells::header_key(name);
        SheetKind::ALL.into_iter().find(|k| crate::cells::header_key(k.sheet_name()) == key)
    }
}

/// The field a header names in a kind, if any (template header, alias or field name).
pub fn field_for(kind: SheetKind, header_key: &str) -> Option<&'static Column> {
    use crate::cells::header_key as key;
    kind.columns().iter().find(|c| key(c.header) == header_key || c.field == header_key)
        .or_else(|| kind.columns().iter().find(|c| c.aliases.iter().any(|a| key(a) == header_key)))
}
