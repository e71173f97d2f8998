//! The GB/T 9704 公文 layout: 发文机关标志, 文号, title (…关于…的通知), 主送机关, body with
//! headings 一、（一）1.（1）, 附件说明, 落款 and 成文日期, 附件 pages, 抄送 and 印发 lines.
//! A cover notice that prints another document (关于印发《…》的通知) gives a `notice` section,
//! then the printed document's sections. Rules and section ids: docs/import-policy.md.

use crate::dates::{find_date, parse_date_line};
use crate::doc_number::parse_doc_number;
use crate::source::{Block, Problem, Table};
use crate::table::{render, RowGroup, Transcription};
use mingbai_core::{IsoDate, Section};

/// 文种 a title ends with (GB/T 9704 and common work documents).
const DOC_KINDS: &[&str] = &[
    "通知", "意见", "方案", "要点", "办法", "规定", "决定", "通报", "报告", "请示", "批复", "函", "公告", "通告",
    "决议", "命令", "纪要", "规划", "计划", "细则", "规则", "条例", "公报", "议案", "指引", "清单", "分解表", "措施",
];
/// Endings of an organisation's name (发文机关, 落款).
const ORG_ENDINGS: &[&str] = &["办公室", "人民政府", "委员会", "局", "厅", "部", "院", "中心", "办", "委", "会", "处", "司", "署", "府", "站", "所", "队", "组"];
const TERMINAL: &[char] = &['。', '：', '；', '！', '？'];

/// What the layout parser found in one document.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub doc_number: Option<String>,
    /// 发文机关 as printed: before 关于 in the title, else the 发文机关标志, else the 落款.
    pub issuer: Option<String>,
    pub title: Option<String>,
    pub addressee: Option<String>,
    pub signature: Option<String>,
    pub written_date: Option<IsoDate>,
    /// 附件说明: the attachments the document lists.
    pub attachments: Vec<String>,
    pub sections: Vec<Section>,
    pub problems: Vec<Problem>,
    /// Hard-wrapped text (PDF): paragraphs run until the next heading.
    pub wrapped: bool,
}

fn is_terminal(text: &str) -> bool {
    text.ends_with(TERMINAL)
}

fn is_org_line(text: &str) -> bool {
    let t = text.strip_suffix("文件").unwrap_or(text);
    let n = t.chars().count();
    (3..=40).contains(&n) && ORG_ENDINGS.iter().any(|e| t.ends_with(e)) && !t.contains(['。', '，', '：', '；', '、', '《'])
}

fn ends_with_kind(text: &str) -> bool {
    DOC_KINDS.iter().any(|k| text.ends_with(k))
}

fn is_stamp_line(text: &str) -> bool {
    text.starts_with("（此件") || text.starts_with("(此件")
}

/// Heading levels in the order GB/T 9704 nests them: 一、 （一） 1. （1）, under the 第X章 and
/// 第X节 of regulations (办法, 规定, 条例).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Marker {
    Chapter,
    Part,
    Top,
    Sub,
    Third,
    Fourth,
}

const CHINESE_NUMERALS: &str = "一二三四五六七八九十百零〇";

fn numeral_run(s: &str) -> usize {
    s.chars().take_while(|c| CHINESE_NUMERALS.contains(*c)).map(char::len_utf8).sum()
}

/// "第三章", "第二节", "第十二条": the unit after 第 and a Chinese numeral.
fn ordinal_unit(text: &str) -> Option<char> {
    let rest = text.strip_prefix('第')?;
    let n = numeral_run(rest);
    (n > 0).then(|| rest[n..].chars().next()).flatten()
}

/// "第一章总则", "第一条为规范…": the space printed after the ordinal was removed with the
/// extraction debris (spaces beside Chinese text); put one back so it reads "第一章 总则".
fn space_after_ordinal(text: &str) -> String {
    let Some(unit) = ordinal_unit(text) else { return text.to_string() };
    let Some(at) = text.find(unit) else { return text.to_string() };
    let split = at + unit.len_utf8();
    if split < text.len() && !text[split..].starts_with(char::is_whitespace) {
        format!("{} {}", &text[..split], &text[split..])
    } else {
        text.to_string()
    }
}

/// A 条 of a regulation starts a new paragraph (it is not a heading).
fn starts_article(text: &str) -> bool {
    ordinal_unit(text) == Some('条')
}

fn heading_marker(text: &str) -> Option<Marker> {
    match ordinal_unit(text) {
        Some('章') => return Some(Marker::Chapter),
        Some('节') => return Some(Marker::Part),
        _ => {}
    }
    let n = numeral_run(text);
    if n > 0 && text[n..].starts_with('、') {
        return Some(Marker::Top);
    }
    if let Some(rest) = text.strip_prefix('（') {
        let n = numeral_run(rest);
        if n > 0 && rest[n..].starts_with('）') {
            return Some(Marker::Sub);
        }
        let d = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        if (1..=2).contains(&d) && rest[d..].starts_with('）') {
            return Some(Marker::Fourth);
        }
    }
    let d = text.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&d) {
        let rest = &text[d..];
        let after = rest.chars().nth(1);
        if rest.starts_with(['.', '．', '、']) && after.is_some_and(|c| !c.is_ascii_digit()) {
            return Some(Marker::Third);
        }
    }
    None
}

/// An annex page mark: "附件", "附件1", "附件 2", "附件2：".
fn annex_mark(text: &str) -> Option<Option<u32>> {
    let rest = text.strip_prefix("附件")?.trim().trim_end_matches(['：', ':']).trim();
    if rest.is_empty() {
        return Some(None);
    }
    rest.parse().ok().map(Some)
}

/// Joins lines into paragraphs: a line continues the previous one unless that ended a sentence
/// (。：；！？) or either is a line that stands alone (落款, a date, 此件…).
fn join_lines(lines: &[(String, bool)]) -> Vec<String> {
    let mut paras: Vec<String> = Vec::new();
    let mut prev_alone = false;
    for (text, alone) in lines {
        let alone = *alone || parse_date_line(text).is_some() || is_stamp_line(text);
        match paras.last_mut() {
            Some(prev) if !alone && !prev_alone && !is_terminal(prev) => prev.push_str(text),
            _ => paras.push(text.clone()),
        }
        prev_alone = alone;
    }
    paras
}

struct Para {
    text: String,
    marker: Option<Marker>,
    closed: bool,
    table: Option<Table>,
}

/// Options the caller gives the parser.
#[derive(Debug, Clone, Default)]
pub struct LayoutOptions {
    /// Replaces the first attachment's content (its table) with a transcription.
    pub transcription: Option<Transcription>,
}

pub fn parse(blocks: &[Block], options: &LayoutOptions) -> Parsed {
    let mut p = Parsed::default();
    let text_at = |i: usize| blocks.get(i).and_then(Block::text).unwrap_or("");
    let n = blocks.len();
    let mut i = 0;

    // Where the attachments (附件 pages) and the 抄送/印发 lines begin.
    let colophon = (0..n)
        .find(|&k| {
            let t = text_at(k);
            t.starts_with("抄送") || t.starts_with("抄报") || (t.ends_with("印发") && find_date(t).is_some() && k + 3 >= n)
        })
        .unwrap_or(n);
    let standalone_annex = annex_mark(text_at(0)).is_some();

    let mut body_title: Option<String> = None;
    let mut cover = false;
    if !standalone_annex {
        let head = n.min(14);
        let number_at = (0..head).find(|&k| parse_doc_number(text_at(k)).is_some());
        p.doc_number = number_at.and_then(|k| parse_doc_number(text_at(k)));
        let title_line = (0..head).find(|&k| Some(k) != number_at && (text_at(k).contains("关于") || ends_with_kind(text_at(k))));
        if let Some(t) = title_line {
            let mut start = t;
            if t > 0 && Some(t - 1) != number_at && is_org_line(text_at(t - 1)) && text_at(t).starts_with("关于") {
                start = t - 1;
            }
            let mut end = t;
            let mut joined: String = (start..=t).map(text_at).collect();
            // A title wraps over lines ("…工作要点" / "的通知"): join until it ends with a 文种
            // that the next line does not continue.
            loop {
                let next = blocks.get(end + 1).and_then(Block::text).unwrap_or("");
                let continues = next.starts_with('的') || DOC_KINDS.contains(&next);
                let complete = ends_with_kind(&joined) && !continues;
                if complete || end + 1 >= head.min(t + 4) || next.is_empty() || is_terminal(next) || heading_marker(next).is_some() || parse_doc_number(next).is_some() {
                    break;
                }
                joined.push_str(next);
                end += 1;
            }
            if !ends_with_kind(&joined) {
                joined = (start..=t).map(text_at).collect();
                end = t;
                p.problems.push(Problem::warning(blocks[t].line_no(), format!("标题“{joined}”没有以文种（通知、意见、方案等）结尾，请核对")));
            }
            // 发文机关 + 关于 + 事由 + 文种: the issuer printed in the title.
            match joined.find("关于") {
                Some(at) if at > 0 && is_org_line(&joined[..at]) => {
                    p.issuer = Some(joined[..at].to_string());
                    p.title = Some(joined[at..].to_string());
                }
                _ => p.title = Some(joined.clone()),
            }
            // 发文机关标志 above the title ("XX人民政府办公室", "XX人民政府文件").
            if p.issuer.is_none() {
                p.issuer = (0..start).filter(|&k| Some(k) != number_at).map(text_at).find(|l| is_org_line(l)).map(|l| l.strip_suffix("文件").unwrap_or(l).to_string());
            }
            i = end + 1;
            cover = p.title.as_deref().is_some_and(|t| ["关于印发", "关于转发", "关于批转", "关于下发"].iter().any(|c| t.starts_with(c)));
        } else {
            p.problems.push(Problem::error(0, "未找到标题（应为“关于……的通知/意见/方案”等形式）"));
            i = number_at.map_or(0, |k| k + 1);
        }
        if p.doc_number.is_none() {
            p.problems.push(Problem::warning(0, "未找到文号（如“槐政办发〔2024〕2号”）"));
        }
        let addressee = text_at(i);
        if addressee.ends_with('：') && !addressee.contains('。') && addressee.chars().count() <= 120 && heading_marker(addressee).is_none() {
            p.addressee = Some(addressee.trim_end_matches('：').to_string());
            if !cover {
                // Its own paragraph, put back at the top of the body below.
                i += 1;
            }
        }
    }

    if cover {
        // The cover notice runs to its 成文日期 (and the 此件… line after it).
        let date_at = (i..colophon.min(i + 25)).find(|&k| parse_date_line(text_at(k)).is_some());
        let end = match date_at {
            Some(d) => {
                p.written_date = parse_date_line(text_at(d));
                if d > i && is_org_line(text_at(d - 1)) {
                    p.signature = Some(text_at(d - 1).to_string());
                }
                if is_stamp_line(text_at(d + 1)) { d + 1 } else { d }
            }
            None => {
                p.problems.push(Problem::warning(blocks.get(i).map_or(0, Block::line_no), "印发通知中未找到成文日期和落款"));
                // Without a date the notice ends before the printed document's title.
                let name = text_at(i + 1).split_once('《').and_then(|(_, r)| r.split_once('》')).map(|(n, _)| n.to_string());
                name.and_then(|nm| (i + 1..colophon).find(|&k| text_at(k) == nm)).map_or(i + 1, |k| k - 1)
            }
        };
        let lines: Vec<(String, bool)> = (i..=end.min(n.saturating_sub(1)))
            .filter_map(|k| blocks[k].text().map(|t| (t.to_string(), is_org_line(t) && k < end && parse_date_line(text_at(k + 1)).is_some())))
            .collect();
        let kind = DOC_KINDS.iter().find(|k| p.title.as_deref().is_some_and(|t| t.ends_with(*k))).unwrap_or(&"通知");
        p.sections.push(Section { id: "notice".into(), heading: kind.to_string(), paragraphs: join_lines(&lines) });
        i = end + 1;
        let candidate = text_at(i);
        if !candidate.is_empty() && candidate.chars().count() <= 60 && !is_terminal(candidate) && heading_marker(candidate).is_none() && annex_mark(candidate).is_none() {
            body_title = Some(candidate.to_string());
            i += 1;
        }
    }

    // Mangled input can put 抄送 lines above the notice's end: the body never starts past them.
    i = i.min(colophon);
    // The body ends at the first 附件 page, or at the 抄送 lines.
    let first_annex = (i..colophon).find(|&k| annex_mark(text_at(k)).is_some()).unwrap_or(colophon);
    // 附件说明: "附件：1.…" and the numbered lines after it.
    let list_at = (i..first_annex).find(|&k| text_at(k).starts_with("附件：") || text_at(k).starts_with("附件:"));
    let mut list_lines: Vec<String> = Vec::new();
    // 落款, 成文日期 and 此件… closing a document that is not a cover notice.
    let mut signature_lines: Vec<String> = Vec::new();
    let mut body_end = first_annex;
    // Lines after the 附件说明 that are neither list items nor the 落款 (kept, not dropped).
    let mut after_list: Vec<(String, bool)> = Vec::new();
    if let Some(l) = list_at {
        body_end = l;
        let line = text_at(l);
        let first = line.strip_prefix("附件：").or_else(|| line.strip_prefix("附件:")).unwrap_or(line).trim().to_string();
        list_lines.push(text_at(l).to_string());
        let numbered = list_number(&first);
        p.attachments.push(strip_number(&first));
        let mut k = l + 1;
        while numbered && k < first_annex && list_number(text_at(k)) {
            list_lines.push(text_at(k).to_string());
            p.attachments.push(strip_number(text_at(k)));
            k += 1;
        }
        if k < first_annex {
            // Text between the list and the first 附件 page (落款, 成文日期) closes the body.
            body_end = l;
            let cut = trailing_signature(&mut p, blocks, k, first_annex);
            signature_lines = (cut..first_annex).filter_map(|j| blocks[j].text().map(str::to_string)).collect();
            after_list = (k..cut).filter_map(|j| blocks[j].text().map(|t| (t.to_string(), false))).collect();
        }
    } else {
        body_end = trailing_signature(&mut p, blocks, i, body_end);
        signature_lines = (body_end..first_annex).filter_map(|j| blocks[j].text().map(str::to_string)).collect();
    }

    if !standalone_annex {
        let intro_heading = body_title.clone().or(p.title.clone()).unwrap_or_else(|| "正文".to_string());
        let mut body = body_sections(&mut p, &blocks[i..body_end], &intro_heading);
        if list_lines.len() > 1 || (list_lines.len() == 1 && first_annex == colophon) {
            // A list of several attachments stays in the text where the document prints it.
            if let Some(last) = body.last_mut() {
                last.paragraphs.extend(list_lines.iter().cloned());
            }
        }
        if let Some(last) = body.last_mut() {
            last.paragraphs.extend(join_lines(&after_list));
        }
        if let Some(addressee) = p.addressee.clone().filter(|_| !cover) {
            if body.first().is_none_or(|s| s.id != "intro") {
                body.insert(0, Section { id: "intro".into(), heading: intro_heading.clone(), paragraphs: Vec::new() });
            }
            body[0].paragraphs.insert(0, addressee + "：");
        }
        p.sections.extend(body);
        if !signature_lines.is_empty() {
            p.sections.push(Section { id: "signature".into(), heading: "落款".into(), paragraphs: signature_lines });
        }
    }

    // 附件 pages.
    let single_list_heading = (list_lines.len() == 1).then(|| list_lines[0].clone());
    let mut transcription = options.transcription.clone();
    let mut tables = 0usize;
    let mut k = first_annex;
    while k < colophon {
        let number = annex_mark(text_at(k)).flatten();
        let next = (k + 1..colophon).find(|&j| annex_mark(text_at(j)).is_some()).unwrap_or(colophon);
        let has_title = blocks.get(k + 1).is_some_and(|b| b.text().is_some()) && k + 1 < next;
        let title = if has_title { text_at(k + 1).to_string() } else { String::new() };
        if standalone_annex && p.title.is_none() {
            p.title = Some(title.clone());
        }
        let (id, heading) = match number {
            Some(num) => (format!("annex{num}"), format!("附件{num} {title}")),
            None => {
                let heading = match &single_list_heading {
                    Some(line) if line.ends_with(&title) && !title.is_empty() => line.clone(),
                    _ => format!("附件 {title}").trim_end().to_string(),
                };
                ("annex".to_string(), heading)
            }
        };
        let content_start = if has_title { k + 2 } else { k + 1 };
        let mut annex = Section { id, heading, paragraphs: Vec::new() };
        let mut groups: Vec<RowGroup> = Vec::new();
        if let Some(t) = transcription.take() {
            let from = blocks.get(content_start).map_or(0, Block::line_no);
            let to = blocks.get(next.saturating_sub(1)).map_or(0, Block::line_no);
            p.problems.push(Problem::warning(from, format!("{}的原文（自第 {from} 行至第 {to} 行起的表格）按表格转录文件导入", annex.heading)));
            annex.paragraphs.extend(t.note);
            groups = render(&t.table);
        } else {
            let mut lines: Vec<(String, bool)> = Vec::new();
            for block in &blocks[content_start..next] {
                match block {
                    Block::Text(l) => lines.push((l.text.clone(), false)),
                    Block::Table(t) => {
                        annex.paragraphs.extend(join_lines(&std::mem::take(&mut lines)));
                        for group in render(t) {
                            if group.heading.is_none() && groups.is_empty() {
                                annex.paragraphs.extend(group.paragraphs);
                            } else {
                                groups.push(group);
                            }
                        }
                    }
                }
            }
            // PDF extraction of a table often prints each cell fragment on its own short line,
            // columns interleaved: the text is then unreadable as it stands.
            let lengths: Vec<usize> = blocks[content_start..next].iter().filter_map(Block::text).map(|t| t.chars().count()).collect();
            let fragments = lengths.iter().filter(|n| **n <= 6).count();
            if lengths.len() >= 20 && fragments * 4 >= lengths.len() {
                let from = blocks.get(content_start).map_or(0, Block::line_no);
                p.problems.push(Problem::warning(from, format!("{}的文字有许多零散短行，可能是 PDF 提取打乱了表格的列：请核对，或用 --table 提供表格转录文件", annex.heading)));
            }
            annex.paragraphs.extend(join_lines(&lines));
        }
        p.sections.push(annex);
        for group in groups {
            tables += 1;
            let heading = group.heading.unwrap_or_else(|| format!("表{tables}"));
            p.sections.push(Section { id: format!("t{tables}"), heading, paragraphs: group.paragraphs });
        }
        k = next;
    }
    if transcription.is_some() {
        p.problems.push(Problem::error(0, "给了表格转录文件，但文件中没有“附件”页可替换"));
    }

    // 抄送 and the 印发 line ("<印发机关> <日期>印发").
    if colophon < n {
        let lines: Vec<&str> = (colophon..n).filter_map(|k| blocks[k].text()).collect();
        let mut printed_at = lines.len();
        let mut printed = None;
        if let Some(last) = lines.last().filter(|l| l.ends_with("印发")) {
            match find_date(last) {
                Some((0, _)) if lines.len() >= 2 && is_org_line(lines[lines.len() - 2]) => {
                    printed_at = lines.len() - 2;
                    printed = Some(format!("{} {last}", lines[lines.len() - 2]));
                }
                Some((at, _)) if at > 0 => {
                    printed_at = lines.len() - 1;
                    printed = Some(format!("{} {}", &last[..at], &last[at..]));
                }
                _ => {}
            }
        }
        let mut paragraphs = join_lines(&lines[..printed_at].iter().map(|l| (l.to_string(), false)).collect::<Vec<_>>());
        // "抄送：…" under the heading 抄送: the label is the heading, not repeated in the text.
        let mut heading = if paragraphs.is_empty() { "印发".to_string() } else { "抄送".to_string() };
        if let Some(first) = paragraphs.first_mut() {
            if let Some((label, rest)) = first.split_once('：').filter(|(l, _)| ["抄送", "抄报", "分送", "发"].contains(l)) {
                heading = label.to_string();
                *first = rest.to_string();
            }
        }
        paragraphs.extend(printed);
        p.sections.push(Section { id: "colophon".into(), heading, paragraphs });
    }
    if standalone_annex {
        p.problems.push(Problem::warning(0, "文件是单独的附件（以“附件”开头）：没有文号、发文机关和成文日期，请用 --doc-number、--issuer、--written 提供（如有）"));
    } else if p.written_date.is_none() {
        p.problems.push(Problem::warning(0, "未找到成文日期（如“2024年6月30日”）"));
    }
    p
}

/// An item of a numbered list: "1.", "2、", "3．" (the number may be followed by a digit, as
/// in "1.2024年…分解表").
fn list_number(text: &str) -> bool {
    let d = text.chars().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&d) && text[d..].starts_with(['.', '．', '、'])
}

fn strip_number(text: &str) -> String {
    if list_number(text) {
        text.trim_start_matches(|c: char| c.is_ascii_digit()).chars().skip(1).collect()
    } else {
        text.to_string()
    }
}

/// A 落款 and 成文日期 (and 此件… line) closing the body of a document that is not a cover
/// notice: recorded, and cut from the body (they become section `signature`). Returns where the
/// body ends.
fn trailing_signature(p: &mut Parsed, blocks: &[Block], start: usize, end: usize) -> usize {
    let mut k = end;
    while k > start && blocks[k - 1].text().is_some_and(is_stamp_line) {
        k -= 1;
    }
    if k > start {
        if let Some(date) = blocks[k - 1].text().and_then(parse_date_line) {
            if p.written_date.is_none() {
                p.written_date = Some(date);
            }
            k -= 1;
            if k > start && blocks[k - 1].text().is_some_and(is_org_line) {
                p.signature = blocks[k - 1].text().map(str::to_string);
                k -= 1;
            }
            return k;
        }
    }
    end
}

fn body_sections(p: &mut Parsed, blocks: &[Block], intro_heading: &str) -> Vec<Section> {
    // Hard-wrapped (PDF) text: most body lines stop mid-sentence.
    let body_lines: Vec<&str> = blocks.iter().filter_map(Block::text).filter(|t| heading_marker(t).is_none()).collect();
    let open = body_lines.iter().filter(|t| !is_terminal(t)).count();
    let wrapped = body_lines.len() >= 4 && open * 2 > body_lines.len();
    p.wrapped = wrapped;
    let mut lengths: Vec<usize> = blocks.iter().filter_map(Block::text).map(|t| t.chars().count()).collect();
    lengths.sort_unstable();
    let typical = lengths.get(lengths.len() / 2).copied().unwrap_or(0);

    let mut paras: Vec<Para> = Vec::new();
    for block in blocks {
        let line = match block {
            Block::Table(t) => {
                paras.push(Para { text: String::new(), marker: None, closed: true, table: Some(t.clone()) });
                continue;
            }
            Block::Text(l) => &l.text,
        };
        let marker = heading_marker(line);
        let continues = marker.is_none() && !starts_article(line) && paras.last().is_some_and(|last| !last.closed);
        if continues {
            let last = paras.last_mut().expect("checked above");
            last.text.push_str(line);
            last.closed = !wrapped && is_terminal(&last.text);
            continue;
        }
        let closed = match marker {
            Some(Marker::Top | Marker::Chapter | Marker::Part) => true,
            Some(_) if wrapped => !line.contains('。') && line.chars().count() * 5 < typical * 4,
            Some(_) => !line.contains(TERMINAL) || is_terminal(line),
            None => !wrapped && is_terminal(line),
        };
        paras.push(Para { text: line.clone(), marker, closed, table: None });
    }

    // The heading kinds present, outermost first, are levels 1, 2, …
    let mut kinds: Vec<Marker> = paras.iter().filter_map(|p| p.marker).collect();
    kinds.sort();
    kinds.dedup();
    let mut counters: Vec<usize> = vec![0; kinds.len()];
    let mut sections = vec![Section { id: "intro".into(), heading: intro_heading.to_string(), paragraphs: Vec::new() }];
    let mut tables = 0;
    let last_heading = paras.iter().rposition(|p| p.marker.is_some());
    let mut run_on_only = false;
    for (pi, para) in paras.into_iter().enumerate() {
        if let Some(table) = para.table {
            for group in render(&table) {
                tables += 1;
                let heading = group.heading.unwrap_or_else(|| format!("表{tables}"));
                sections.push(Section { id: format!("t{tables}"), heading, paragraphs: group.paragraphs });
            }
            continue;
        }
        match para.marker {
            Some(marker) => {
                let level = kinds.iter().position(|k| *k == marker).unwrap_or(0);
                counters[level] += 1;
                counters[level + 1..].iter_mut().for_each(|c| *c = 0);
                let id = format!("s{}", counters[..=level].iter().map(|c| c.to_string()).collect::<Vec<_>>().join("-"));
                // A run-on heading ("（一）做好政策解读。全面落实…"): the heading is the
                // sentence up to the first 。, the rest is the body's first paragraph.
                let (mut heading, rest) = match para.text.split_once('。') {
                    Some((h, rest)) => (h.to_string(), rest.to_string()),
                    None => (para.text.clone(), String::new()),
                };
                if matches!(marker, Marker::Chapter | Marker::Part) {
                    heading = space_after_ordinal(&heading);
                }
                run_on_only = !rest.is_empty();
                let paragraphs = if rest.is_empty() { Vec::new() } else { vec![rest] };
                sections.push(Section { id, heading, paragraphs });
            }
            None => {
                // An unnumbered paragraph after the last run-on item that speaks of the whole
                // document (本方案、本要点…) is its closing, not part of that item.
                let whole = ["本方案", "本要点", "本通知", "本意见", "本办法", "本规定", "本计划", "本细则"].iter().any(|w| para.text.contains(w));
                if run_on_only && whole && last_heading.is_some_and(|h| h < pi) && sections.len() > 1 && !wrapped {
                    sections.push(Section { id: "closing".into(), heading: "结语".into(), paragraphs: vec![para.text] });
                } else if let Some(last) = sections.last_mut() {
                    last.paragraphs.push(if starts_article(&para.text) { space_after_ordinal(&para.text) } else { para.text });
                }
                run_on_only = false;
            }
        }
    }
    if sections[0].paragraphs.is_empty() {
        sections.remove(0);
    }
    // "总体要求是：…" opens most work plans; name the preamble after it.
    if let Some(intro) = sections.first_mut().filter(|s| s.id == "intro") {
        if intro.paragraphs.first().is_some_and(|t| t.contains("总体要求是")) {
            intro.heading = "总体要求".into();
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(heading_marker("一、深化重点领域信息公开"), Some(Marker::Top));
        assert_eq!(heading_marker("十二、其他"), Some(Marker::Top));
        assert_eq!(heading_marker("（十七）抓好工作落实。各街道"), Some(Marker::Sub));
        assert_eq!(heading_marker("1.加强领导"), Some(Marker::Third));
        assert_eq!(heading_marker("2、加强领导"), Some(Marker::Third));
        assert_eq!(heading_marker("（3）细化任务"), Some(Marker::Fourth));
        assert_eq!(heading_marker("1.5亿元"), None);
        assert_eq!(heading_marker("2024年"), None);
        assert_eq!(heading_marker("一是加强"), None);
        assert_eq!(heading_marker("第一章总则"), Some(Marker::Chapter));
        assert_eq!(heading_marker("第二节 申请"), Some(Marker::Part));
        assert_eq!(heading_marker("第十二条本办法自印发之日起施行。"), None);
        assert!(starts_article("第十二条本办法自印发之日起施行。"));
        assert!(!starts_article("第一批试点"));
    }
}
