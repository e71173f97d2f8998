//! Synthetic 公文 (example text written for these tests, not real documents) in each input
//! format: a .docx built here with the zip crate, a portal-shaped .html page, a .txt with PDF
//! debris, GB18030 text, 文号 and date variants, tables, and a document without a 文号.

use mingbai_core::Policy;
use mingbai_gongwen::{import_path, Imported, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongwen-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn import(path: &Path, meta: &Metadata) -> Imported {
    import_path(path, meta, Path::new(".")).unwrap()
}

fn section<'a>(p: &'a Policy, id: &str) -> &'a mingbai_core::Section {
    p.sections.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no section {id} in {:?}", p.sections.iter().map(|s| &s.id).collect::<Vec<_>>()))
}

fn messages(imported: &Imported) -> Vec<String> {
    imported.problems.iter().map(|p| p.message.clone()).collect()
}

// ------------------------------------------------------------------ .docx

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn cell(text: &str, merge: Option<&str>) -> String {
    let props = match merge {
        Some("restart") => "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>",
        Some(_) => "<w:tcPr><w:vMerge/></w:tcPr>",
        None => "",
    };
    format!("<w:tc>{props}{}</w:tc>", para(text))
}

fn write_docx(path: &Path, body: &str) {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn docx_with_all_heading_levels_a_table_and_a_chinese_date() {
    let dir = temp_dir("docx");
    let path = dir.join("示例通知.docx");
    let table = format!(
        "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
        cell("序号", None), cell("工作任务", None), cell("责任单位", None),
        cell("1", None), cell("排查河道隐患", None), cell("区水务局", Some("restart")),
        cell("2", None), cell("储备防汛物资", None), cell("", Some("continue")),
    );
    let body = [
        para("示例区人民政府办公室文件"),
        para("示政办发[2024]3号"),
        para("关于做好2024年春季防汛工作的通知"),
        para("各街道办事处，区政府各部门："),
        para("为做好今年春季防汛工作，现将有关事项通知如下。"),
        para("一、总体要求"),
        para("（一）压实责任。各单位要落实防汛责任制。"),
        para("1.明确分工。主要负责人为第一责任人。"),
        para("（1）建立台账"),
        para("逐项登记责任人和联系方式。"),
        table,
        para("二、工作措施"),
        para("（一）加强值守。汛期实行24小时值班。"),
        para("附件：防汛责任人名单"),
        para("示例区人民政府办公室"),
        para("二〇二四年三月五日"),
        para("（此件公开发布）"),
    ]
    .concat();
    write_docx(&path, &body);
    let imported = import(&path, &Metadata { id: Some("example-flood".into()), ..Default::default() });
    let p = imported.policy.clone().expect("policy");
    assert_eq!(p.doc_number.as_deref(), Some("示政办发〔2024〕3号"));
    assert_eq!(p.issuer, "示例区人民政府办公室");
    assert_eq!(p.title, "关于做好2024年春季防汛工作的通知");
    assert_eq!(p.written_date.as_ref().map(ToString::to_string).as_deref(), Some("2024-03-05"));
    assert_eq!(imported.parsed.addressee.as_deref(), Some("各街道办事处，区政府各部门"));
    assert_eq!(imported.parsed.signature.as_deref(), Some("示例区人民政府办公室"));
    assert_eq!(imported.parsed.attachments, ["防汛责任人名单"]);
    let outline: Vec<String> = p.sections.iter().map(|s| format!("{} {}", s.id, s.heading)).collect();
    assert_eq!(outline, [
        "intro 关于做好2024年春季防汛工作的通知",
        "s1 一、总体要求",
        "s1-1 （一）压实责任",
        "s1-1-1 1.明确分工",
        "s1-1-1-1 （1）建立台账",
        "t1 表1",
        "s2 二、工作措施",
        "s2-1 （一）加强值守",
        "signature 落款",
    ]);
    assert_eq!(section(&p, "signature").paragraphs, ["示例区人民政府办公室", "二〇二四年三月五日", "（此件公开发布）"]);
    assert_eq!(section(&p, "intro").paragraphs, ["各街道办事处，区政府各部门：", "为做好今年春季防汛工作，现将有关事项通知如下。"]);
    // A run-on heading is the heading; the rest of the line is the body, not the heading again.
    assert_eq!(section(&p, "s1-1").paragraphs, ["各单位要落实防汛责任制。"]);
    assert_eq!(section(&p, "s1-1-1-1").paragraphs, ["逐项登记责任人和联系方式。"]);
    // The vertically merged 责任单位 is repeated in the row it covers.
    assert_eq!(section(&p, "t1").paragraphs, ["第1项 工作任务：排查河道隐患 责任单位：区水务局", "第2项 工作任务：储备防汛物资 责任单位：区水务局"]);
    // The single-attachment list stays as the body's last paragraph (no 附件 page follows).
    assert_eq!(section(&p, "s2-1").paragraphs, ["汛期实行24小时值班。", "附件：防汛责任人名单"]);
    assert!(!messages(&imported).iter().any(|m| m.contains("文号")), "{:?}", messages(&imported));
}

#[test]
fn docx_automatic_numbering_is_reported() {
    let dir = temp_dir("numbered-docx");
    let path = dir.join("numbered.docx");
    let numbered = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>";
    write_docx(&path, &[para("示政发〔2024〕2号"), para("关于做好示例工作的通知"), numbered.to_string(), para("要求如下。")].concat());
    let imported = import(&path, &Metadata::default());
    assert!(imported.problems.iter().any(|p| p.line == 3 && p.message.contains("自动编号")), "{:?}", imported.problems);
}

#[test]
fn broken_docx_is_a_clear_error_not_a_panic() {
    let dir = temp_dir("bad-docx");
    let path = dir.join("坏文件.docx");
    std::fs::write(&path, b"not a zip").unwrap();
    let err = import_path(&path, &Metadata::default(), Path::new(".")).unwrap_err();
    assert!(err.contains("不是有效的 .docx 文件"), "{err}");
}

// ------------------------------------------------------------------ .html

#[test]
fn portal_article_html() {
    let dir = temp_dir("html");
    let path = dir.join("article.html");
    std::fs::write(&path, r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例区人民政府门户网站</title>
<script>var tracker = "一、不是正文";</script></head><body>
<nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政策文件</nav>
<table class="xxgk"><tr><td>索引号：</td><td>11370104/2024-00012</td><td>发布机构：</td><td>示例区人民政府办公室</td></tr>
<tr><td>文号：</td><td>示政办字（2024）7号</td><td>成文日期：</td><td>2024-04-10</td></tr>
<tr><td>发布日期：</td><td>2024年4月12日</td><td>有效性：</td><td>有效</td></tr></table>
<h1>示例区人民政府办公室关于开展2024年政府开放日活动的通知</h1>
<div id="zoom">
<p>各街道办事处，区政府各部门：</p>
<p>为增进公众对政府工作的了解，经区政府同意，现就开展政府开放日活动通知如下。</p>
<p><strong>一、活动时间</strong></p>
<p>（一）开放时间。每季度第一个周五。</p>
<p>（二）报名方式。通过区政府门户网站报名，名额有限。</p>
<p>二、活动安排</p>
<table><tr><th>序号</th><th>开放单位</th><th>开放内容</th></tr>
<tr><td>1</td><td rowspan="2">区政务服务中心</td><td>体验“一件事”办理</td></tr>
<tr><td>2</td><td>参观政务公开专区</td></tr></table>
<p style="text-align:right">示例区人民政府办公室</p>
<p style="text-align:right">2024年4月10日</p>
</div>
<div class="footer">主办：示例区人民政府办公室 &nbsp; 网站标识码：0000000000</div>
</body></html>"#).unwrap();
    let imported = import(&path, &Metadata { id: Some("example-open-day".into()), ..Default::default() });
    let p = imported.policy.clone().expect("policy");
    assert_eq!(p.title, "关于开展2024年政府开放日活动的通知");
    assert_eq!(p.issuer, "示例区人民政府办公室");
    // No 文号 in the article text: the portal's metadata table gives it, normalised.
    assert_eq!(p.doc_number.as_deref(), Some("示政办字〔2024〕7号"));
    assert_eq!(p.written_date.as_ref().map(ToString::to_string).as_deref(), Some("2024-04-10"));
    assert_eq!(p.published_date.as_ref().map(ToString::to_string).as_deref(), Some("2024-04-12"));
    let outline: Vec<String> = p.sections.iter().map(|s| format!("{} {}", s.id, s.heading)).collect();
    assert_eq!(outline, ["intro 关于开展2024年政府开放日活动的通知", "s1 一、活动时间", "s1-1 （一）开放时间", "s1-2 （二）报名方式", "s2 二、活动安排", "t1 表1", "signature 落款"]);
    assert_eq!(section(&p, "t1").paragraphs, ["第1项 开放单位：区政务服务中心 开放内容：体验“一件事”办理", "第2项 开放单位：区政务服务中心 开放内容：参观政务公开专区"]);
    let all_text: String = p.sections.iter().flat_map(|s| s.paragraphs.iter().chain([&s.heading])).cloned().collect();
    for chrome in ["首页", "不是正文", "网站标识码", "索引号"] {
        assert!(!all_text.contains(chrome), "page chrome “{chrome}” leaked into the text");
    }
}

// ------------------------------------------------------------------ .txt

const PDF_TEXT: &str = "示例区人民政府办公室

示政办发（2023）15 号

示例区人民政府办公室
关于印发 2023 年示例区政务公开工作要点

的 通 知

各街道办事处，区政府各部门：

《2023 年示例区政务公开工作要点》已经区政府同意，现印

发给你们，请认真贯彻落实。

示例区人民政府办公室

二〇二三年五月八日

（此件公开发布）
— 1 —
2023 年示例区政务公开工作要点

2023 年政务公开工作的总体要求是：坚持以人民为中心，

持续深化政务公开，

提升政 务公开质量。

一、深化重点领域公开

（一）做好政策解读。全面落实政策解读与政策文件同步

-2-
组织、同步审签、同步发布，让群众看得懂、

用得上。

（二）回应社会关切

二、加强平台建设

（三）优化政府网站。完善政策文件库。

抄送：区委各部门，区人大常委会办公室。

示例区人民政府办公室 2023 年 5 月 8 日印发
";

#[test]
fn txt_with_pdf_debris() {
    let dir = temp_dir("txt");
    let path = dir.join("plan.txt");
    std::fs::write(&path, PDF_TEXT).unwrap();
    let imported = import(&path, &Metadata { id: Some("example-plan".into()), status: Some("有效".into()), published_date: Some("2023-05-09".into()), ..Default::default() });
    let p = imported.policy.clone().expect("policy");
    assert_eq!(p.doc_number.as_deref(), Some("示政办发〔2023〕15号"));
    assert_eq!(p.title, "关于印发2023年示例区政务公开工作要点的通知");
    assert_eq!(p.written_date.as_ref().map(ToString::to_string).as_deref(), Some("2023-05-08"));
    assert!(imported.parsed.wrapped);
    assert_eq!(section(&p, "notice").paragraphs, [
        "各街道办事处，区政府各部门：",
        "《2023年示例区政务公开工作要点》已经区政府同意，现印发给你们，请认真贯彻落实。",
        "示例区人民政府办公室",
        "二〇二三年五月八日",
        "（此件公开发布）",
    ]);
    assert_eq!(section(&p, "intro").heading, "总体要求");
    assert_eq!(section(&p, "intro").paragraphs, ["2023年政务公开工作的总体要求是：坚持以人民为中心，持续深化政务公开，提升政务公开质量。"]);
    // Page marks gone, the broken sentence joined, the heading not repeated in the body.
    assert_eq!(section(&p, "s1-1").heading, "（一）做好政策解读");
    assert_eq!(section(&p, "s1-1").paragraphs, ["全面落实政策解读与政策文件同步组织、同步审签、同步发布，让群众看得懂、用得上。"]);
    assert_eq!(section(&p, "s1-2").heading, "（二）回应社会关切");
    assert_eq!(section(&p, "s2-1").paragraphs, ["完善政策文件库。"]);
    assert_eq!(section(&p, "colophon").heading, "抄送");
    assert_eq!(section(&p, "colophon").paragraphs, ["区委各部门，区人大常委会办公室。", "示例区人民政府办公室 2023年5月8日印发"]);
    assert!(messages(&imported).iter().any(|m| m.contains("页码标记")), "{:?}", messages(&imported));
}

#[test]
fn gb18030_text_is_read() {
    let dir = temp_dir("gbk");
    let path = dir.join("gbk.txt");
    let (bytes, _, _) = encoding_rs::GB18030.encode(PDF_TEXT);
    std::fs::write(&path, &bytes).unwrap();
    let imported = import(&path, &Metadata { id: Some("example-plan".into()), ..Default::default() });
    assert_eq!(imported.policy.clone().unwrap().title, "关于印发2023年示例区政务公开工作要点的通知");
    assert!(messages(&imported).iter().any(|m| m.contains("GB18030")));
}

const NO_NUMBER: &str = "示例街道办事处关于做好夏季安全生产工作的通知
各社区居委会：
现就做好夏季安全生产工作通知如下。
一、开展隐患排查
（一）排查范围。辖区内沿街商铺。
示例街道办事处
2024年7月1日
";

#[test]
fn missing_doc_number_is_reported_not_invented_and_accepted_with_a_flag() {
    let dir = temp_dir("no-number");
    let path = dir.join("notice.txt");
    std::fs::write(&path, NO_NUMBER).unwrap();
    let imported = import(&path, &Metadata { id: Some("example-safety".into()), ..Default::default() });
    let p = imported.policy.clone().expect("a document without 文号 still imports");
    assert_eq!(p.doc_number, None);
    assert!(messages(&imported).iter().any(|m| m.contains("未找到文号")), "{:?}", messages(&imported));
    assert_eq!(p.issuer, "示例街道办事处");
    assert_eq!(p.written_date.as_ref().map(ToString::to_string).as_deref(), Some("2024-07-01"));
    // The 落款 and date close the body: section signature, not the last item's text.
    assert_eq!(section(&p, "s1-1").paragraphs, ["辖区内沿街商铺。"]);
    assert_eq!(section(&p, "signature").paragraphs, ["示例街道办事处", "2024年7月1日"]);
    assert_eq!(p.sections[0].paragraphs, ["各社区居委会：", "现就做好夏季安全生产工作通知如下。"]);
    // The 主送机关 opens the text even when a heading follows it at once.
    let terse = dir.join("terse.txt");
    std::fs::write(&terse, NO_NUMBER.replace("现就做好夏季安全生产工作通知如下。\n", "")).unwrap();
    let p = import(&terse, &Metadata { id: Some("example-safety".into()), ..Default::default() }).policy.unwrap();
    assert_eq!(p.sections[0].id, "intro");
    assert_eq!(p.sections[0].paragraphs, ["各社区居委会："]);
    assert_eq!(p.sections[1].id, "s1");
    let given = import(&path, &Metadata { id: Some("example-safety".into()), doc_number: Some("示街发[2024]1号".into()), ..Default::default() });
    assert_eq!(given.policy.unwrap().doc_number.as_deref(), Some("示街发〔2024〕1号"));
    let bad = import(&path, &Metadata { doc_number: Some("第一号".into()), ..Default::default() });
    assert!(bad.policy.is_none());
    assert!(bad.problems.iter().any(|p| p.error && p.message.contains("文号")));
}

#[test]
fn a_document_without_title_or_issuer_is_an_error_with_flags_as_the_way_out() {
    let dir = temp_dir("no-title");
    let path = dir.join("fragment.txt");
    std::fs::write(&path, "各单位：\n请按时报送材料。\n").unwrap();
    let imported = import(&path, &Metadata::default());
    assert!(imported.policy.is_none());
    let errors: Vec<String> = imported.problems.iter().filter(|p| p.error).map(|p| p.message.clone()).collect();
    assert!(errors.iter().any(|m| m.contains("标题")), "{errors:?}");
    assert!(errors.iter().any(|m| m.contains("发文机关")), "{errors:?}");
    let given = import(&path, &Metadata { title: Some("关于报送材料的通知".into()), issuer: Some("示例区政务公开办".into()), ..Default::default() });
    let p = given.policy.expect("accepted with --title and --issuer");
    // No id given: derived from the title, the same on every import.
    assert!(p.id.starts_with("policy-"), "{}", p.id);
    assert_eq!(p.id, import(&path, &Metadata { title: Some("关于报送材料的通知".into()), issuer: Some("示例区政务公开办".into()), ..Default::default() }).policy.unwrap().id);
}

/// Deterministic pseudo-random numbers (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn no_panic_on_mangled_documents() {
    let dir = temp_dir("mangled");
    let pieces = ["附件:", "附件", "附件1", "（一）", "一、", "1.", "（1）", "。", "：", "\t", "\t\t", "抄送：", "印发", "2024年6月30日", "二〇二四年十三月", "〔2024〕", "号", "关于", "的通知", "— 3 —", "\u{feff}", "“", "”", " ", "\n", "\n\n", "办公室", "序号\t工作任务", "①", "\u{0}", "\r\n"];
    let base: Vec<String> = [PDF_TEXT, NO_NUMBER].iter().flat_map(|t| t.lines().map(str::to_string)).collect();
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for round in 0..400 {
        let mut lines = base.clone();
        for _ in 0..(rng.next() % 12) {
            let at = (rng.next() as usize) % (lines.len() + 1);
            let piece = pieces[(rng.next() as usize) % pieces.len()].to_string();
            if rng.next().is_multiple_of(2) && at < lines.len() {
                let line = &mut lines[at];
                let cut = line.char_indices().map(|(i, _)| i).nth((rng.next() as usize) % (line.chars().count() + 1)).unwrap_or(line.len());
                line.insert_str(cut, &piece);
            } else {
                lines.insert(at, piece);
            }
        }
        let keep = (rng.next() as usize) % (lines.len() + 1);
        let text = lines[..keep.max(lines.len() / 2)].join("\n");
        let path = dir.join(format!("m{round}.txt"));
        std::fs::write(&path, &text).unwrap();
        let _ = import_path(&path, &Metadata::default(), Path::new("."));
        let html = dir.join(format!("m{round}.html"));
        std::fs::write(&html, format!("<div id=zoom><p>{}</p><table><tr><td rowspan=3>{}</td></tr></table></div>", text.replace('\n', "</p><p>"), round)).unwrap();
        let _ = import_path(&html, &Metadata::default(), Path::new("."));
    }
    // Bytes that are neither UTF-8 nor a document.
    let raw: Vec<u8> = (0..4096).map(|_| (rng.next() % 256) as u8).collect();
    let path = dir.join("raw.txt");
    std::fs::write(&path, &raw).unwrap();
    let _ = import_path(&path, &Metadata::default(), Path::new("."));
    let path = dir.join("raw.docx");
    std::fs::write(&path, &raw).unwrap();
    assert!(import_path(&path, &Metadata::default(), Path::new(".")).is_err());
}

#[test]
fn html_laid_out_with_tables() {
    let dir = temp_dir("layout-html");
    let path = dir.join("old-portal.htm");
    let long = "为进一步规范政务公开工作，提高政府工作透明度，现就有关事项通知如下。".repeat(8);
    std::fs::write(&path, format!(r#"<html><body><table width="100%"><tr><td>网站首页</td></tr>
<tr><td><table><tr><td>发布机构：</td><td>示例区人民政府办公室</td></tr></table>
<p>示例区人民政府办公室关于规范政务公开工作的通知</p><p>示政办发[2022]5号</p>
<p>各街道办事处：</p><p>{long}</p><p>一、明确责任</p><p>（一）落实专人。各单位确定一名联络员。</p>
<p>示例区人民政府办公室</p><p>2022年9月1日</p></td></tr></table></body></html>"#)).unwrap();
    let imported = import(&path, &Metadata { id: Some("example-old".into()), ..Default::default() });
    let p = imported.policy.clone().expect("policy");
    assert_eq!(p.title, "关于规范政务公开工作的通知");
    assert_eq!(p.doc_number.as_deref(), Some("示政办发〔2022〕5号"));
    assert_eq!(p.written_date.as_ref().map(ToString::to_string).as_deref(), Some("2022-09-01"));
    assert_eq!(section(&p, "s1-1").paragraphs, ["各单位确定一名联络员。"]);
}

const REGULATION: &str = "示例区人民政府办公室
示政办规〔2024〕1号
示例区人民政府办公室关于印发《示例区政府信息依申请公开办理办法》的通知
各街道办事处，区政府各部门：
《示例区政府信息依申请公开办理办法》已经区政府同意，现印发给你们，请认真遵照执行。
示例区人民政府办公室
2024年5月20日
（此件公开发布）
示例区政府信息依申请公开办理办法
第一章　总则
第一条　为规范政府信息依申请公开办理工作，制定本办法。
第二条　本办法适用于区政府各部门。
第二章　办理程序
第三条　申请人可以通过互联网、信函等方式提出申请，
行政机关应当在规定期限内答复。
第四条　本办法自印发之日起施行。
";

#[test]
fn regulation_chapters_and_articles() {
    let dir = temp_dir("regulation");
    let path = dir.join("regulation.txt");
    std::fs::write(&path, REGULATION).unwrap();
    let imported = import(&path, &Metadata { id: Some("example-regulation".into()), ..Default::default() });
    let p = imported.policy.clone().expect("policy");
    assert_eq!(p.title, "关于印发《示例区政府信息依申请公开办理办法》的通知");
    let outline: Vec<String> = p.sections.iter().map(|s| format!("{} {}", s.id, s.heading)).collect();
    assert_eq!(outline, ["notice 通知", "s1 第一章 总则", "s2 第二章 办理程序"]);
    assert_eq!(section(&p, "s1").paragraphs, ["第一条 为规范政府信息依申请公开办理工作，制定本办法。", "第二条 本办法适用于区政府各部门。"]);
    assert_eq!(section(&p, "s2").paragraphs, ["第三条 申请人可以通过互联网、信函等方式提出申请，行政机关应当在规定期限内答复。", "第四条 本办法自印发之日起施行。"]);
}
