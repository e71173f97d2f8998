//! `mingbai report <access-log>… [--library <dir>] [--endpoint <path>] [--top N] [--json] [--xlsx <file>]`:
//! the editors' report from the feedback signals (docs/feedback.md) in web server access logs.
//! `-` reads a log from standard input (`zcat access.log.*.gz | mingbai report -`).
//!
//! Which requests are signals: with `--endpoint /feedback`, every request to that path (one that
//! carries no valid signal is counted as rejected); without it, every request whose query string
//! starts with `v=` (the encoder always writes `v` first). GET, POST (sendBeacon) and HEAD count,
//! whatever the status (a missing endpoint file still logs the signal).
//!
//! With `--library`, unanswered queries are grouped after the engine's typo correction, pages get
//! their titles, the report says how many results each unanswered query finds in that library
//! now, and rewritten queries yield Q&A alias proposals besides synonym proposals.
//!
//! JSON (`--json`): {"files","lines","signals","other_requests","skipped":{reason:n},
//! "unanswered":[{"query","count","variants","first_week","rose_week","results_now"?}],
//! "not_opened":[…same…],"not_helpful":[{"kind","id","title"?,"count","helpful","reasons":{code:n}}],
//! "proposals":[{"query","used","count","synonym"?:{"term","alias"},"qa_alias"?:{"id","question","alias"}}],
//! "hotline":{kind:n},"surfaces":{surface:n},"totals":{"by_type":{type:n},"by_week":[{"week",type:n…}]}}.
//! Each list holds at most `--top` entries (default 50), most frequent first.

use crate::access_log::{parse_line, Line, LineReader};
use crate::check::load_dir;
use crate::report_tally::{query_key, QueryGroup, Tally, Week};
use mingbai_core::feedback::{PageKind, Reason, Signal};
use mingbai_core::search::{SearchIndex, SearchRequest};
use mingbai_core::Library;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Unanswered queries run through typo correction (the most frequent first).
const CORRECTED_GROUPS: usize = 3000;
/// Rows written by `--xlsx`.
const XLSX_ROWS: usize = 1000;

struct Options {
    logs: Vec<PathBuf>,
    library: Option<PathBuf>,
    endpoint: Option<String>,
    top: usize,
    json: bool,
    xlsx: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let usage = "mingbai report <access-log>… [--library <dir>] [--endpoint <path>] [--top N] [--json] [--xlsx <file>]";
    let mut o = Options { logs: Vec::new(), library: None, endpoint: None, top: 50, json: false, xlsx: None };
    let mut i = 0;
    while i < args.len() {
        let value = || args.get(i + 1).cloned().ok_or_else(|| usage.to_string());
        match args[i].as_str() {
            "--json" => o.json = true,
            "--library" => (o.library, i) = (Some(PathBuf::from(value()?)), i + 1),
            "--endpoint" => (o.endpoint, i) = (Some(value()?), i + 1),
            "--xlsx" => (o.xlsx, i) = (Some(PathBuf::from(value()?)), i + 1),
            "--top" => (o.top, i) = (value()?.parse().map_err(|_| usage.to_string())?, i + 1),
            flag if flag.starts_with("--") => return Err(usage.to_string()),
            log => o.logs.push(PathBuf::from(log)),
        }
        i += 1;
    }
    if o.logs.is_empty() {
        return Err(usage.to_string());
    }
    if let Some(endpoint) = &o.endpoint {
        if !endpoint.starts_with('/') || endpoint.contains(['?', '#']) {
            return Err(format!("--endpoint 应是网站上的路径，如 /feedback（不是 {endpoint}）"));
        }
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let options = parse_args(args)?;
    let mut tally = Tally::default();
    let mut files = Vec::new();
    for path in &options.logs {
        let problem = read_log(path, options.endpoint.as_deref(), &mut tally).err();
        if let Some(problem) = &problem {
            eprintln!("{}：{problem}", path.display());
            tally.skip("unreadable_file");
        }
        files.push(json!({"path": path.display().to_string(), "error": problem}));
    }
    let library = options.library.as_deref().map(|dir| {
        let report = load_dir(dir);
        if report.has_errors() {
            eprintln!("{}：资料库有错误，按能载入的部分出报告（mingbai check 可查看详情）", dir.display());
        }
        let index = SearchIndex::build(&report.library);
        (report.library, index)
    });
    // Typo correction merges groups: once, for the report and the workbook.
    let merged = corrected(&tally.unanswered, library.as_ref());
    let unanswered = sorted_groups(merged.as_ref().unwrap_or(&tally.unanswered));
    let report = build(&tally, &unanswered, library.as_ref(), options.top);
    if let Some(path) = &options.xlsx {
        let groups = &unanswered[..unanswered.len().min(XLSX_ROWS)];
        crate::report_xlsx::write(path, groups).map_err(|e| format!("{}：{e}", path.display()))?;
        eprintln!("已写出 {}：{} 条搜不到答案的问题（问答工作表，答案待填写）", path.display(), groups.len());
    }
    if options.json {
        let mut report = report;
        report["files"] = files.into();
        outln!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
    } else {
        print_text(&report, library.is_some());
    }
    Ok(ExitCode::SUCCESS)
}

/// Streams one log into the tally. An error ends this file (what was read still counts).
fn read_log(path: &Path, endpoint: Option<&str>, tally: &mut Tally) -> Result<(), String> {
    let mut reader = LineReader::open(path).map_err(|e| e.to_string())?;
    let marker: &[u8] = endpoint.map(str::as_bytes).unwrap_or(b"?v=");
    while let Some(line) = reader.next_line().map_err(|e| format!("读取中断（{e}），此前的行已计入"))? {
        tally.lines += 1;
        let bytes = match line {
            Line::TooLong => {
                tally.skip("line_too_long");
                continue;
            }
            Line::Text(bytes) => bytes,
        };
        if !contains(bytes, marker) {
            tally.other_requests += 1;
            continue;
        }
        let request = match parse_line(bytes) {
            Ok(request) => request,
            Err(problem) => {
                tally.skip(problem.code());
                continue;
            }
        };
        let is_signal = match endpoint {
            Some(endpoint) => request.path == endpoint,
            None => request.query.starts_with("v="),
        };
        if !is_signal {
            tally.other_requests += 1;
            continue;
        }
        if !matches!(request.method, "GET" | "POST" | "HEAD") {
            tally.skip("method");
            continue;
        }
        match Signal::decode(request.query) {
            Ok(signal) => {
                let week = signal
                    .hour
                    .and_then(|h| Week::of(i32::from(h.year), h.month, h.day))
                    .or_else(|| Week::of(request.time.year, request.time.month, request.time.day));
                tally.add(&signal, week);
            }
            Err(rejection) => tally.skip(rejection.code()),
        }
    }
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((first, rest)) = needle.split_first() else { return true };
    haystack.iter().enumerate().any(|(i, b)| b == first && haystack[i + 1..].starts_with(rest))
}

/// Groups merged after the engine's typo correction (only with a library).
fn corrected(groups: &HashMap<String, QueryGroup>, library: Option<&(Library, SearchIndex)>) -> Option<HashMap<String, QueryGroup>> {
    let (lib, index) = library?;
    let mut order: Vec<(&String, &QueryGroup)> = groups.iter().collect();
    order.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
    let mut merged: HashMap<String, QueryGroup> = HashMap::new();
    for (rank, (key, group)) in order.into_iter().enumerate() {
        let mut target = key.clone();
        let mut correction = None;
        // A scrubbed query (〔电话〕…) is left as it is: the engine would "correct" the markers.
        if rank < CORRECTED_GROUPS && !group.shown().contains('〔') {
            let request = SearchRequest { query: group.shown().to_string(), limit: 1, ..Default::default() };
            if let Some(fixed) = index.search(lib, &request).corrected {
                let fixed_key = query_key(&fixed);
                if !fixed_key.is_empty() {
                    target = fixed_key;
                    correction = Some(fixed);
                }
            }
        }
        let entry = merged.entry(target).or_default();
        entry.merge(group);
        if let Some(correction) = correction {
            entry.misspelled.extend(group.variants.iter().map(|v| v.0.clone()));
            entry.correction.get_or_insert(correction);
        }
    }
    Some(merged)
}

/// Most frequent first (then by key, so the order is stable).
fn sorted_groups(groups: &HashMap<String, QueryGroup>) -> Vec<&QueryGroup> {
    let mut list: Vec<(&String, &QueryGroup)> = groups.iter().collect();
    list.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
    list.into_iter().map(|(_, g)| g).collect()
}

fn group_json(group: &QueryGroup, library: Option<&(Library, SearchIndex)>) -> Value {
    let question = group.question();
    let mut out = json!({
        "query": question,
        "count": group.count,
        "variants": group.other_spellings(),
        "first_week": group.first_week().map(Week::label),
        "rose_week": group.rose_week().map(Week::label),
    });
    if let Some((lib, index)) = library {
        let request = SearchRequest { query: question, limit: 1, ..Default::default() };
        out["results_now"] = index.search(lib, &request).total.into();
    }
    out
}

fn title(lib: &Library, kind: PageKind, id: &str) -> Option<String> {
    match kind {
        PageKind::Qa => lib.qa_entry(id).map(|q| q.question.clone()),
        PageKind::Card => lib.card(id).map(|c| c.title.clone()),
        PageKind::Policy => lib.policy(id).map(|p| p.title.clone()),
        PageKind::Notice => lib.notice(id).map(|n| n.title.clone()),
        PageKind::Topic => lib.topic(id).map(|t| t.title.clone()),
        PageKind::Search | PageKind::Other => None,
    }
}

/// The whole report as JSON (the text report prints from it too).
fn build(tally: &Tally, unanswered: &[&QueryGroup], library: Option<&(Library, SearchIndex)>, top: usize) -> Value {
    let unanswered: Vec<Value> = unanswered.iter().take(top).map(|g| group_json(g, library)).collect();
    let not_opened: Vec<Value> = sorted_groups(&tally.not_opened).iter().take(top).map(|g| group_json(g, library)).collect();

    let mut pages: Vec<_> = tally.pages.iter().filter(|(_, p)| p.not_helpful > 0).collect();
    pages.sort_by(|a, b| b.1.not_helpful.cmp(&a.1.not_helpful).then_with(|| a.0.cmp(b.0)));
    let not_helpful: Vec<Value> = pages
        .into_iter()
        .take(top)
        .map(|((kind, id), page)| {
            let mut reasons = serde_json::Map::new();
            for (i, n) in page.reasons.iter().enumerate().filter(|(_, n)| **n > 0) {
                reasons.insert(Reason::ALL.get(i).map(|r| r.code()).unwrap_or("none").to_string(), (*n).into());
            }
            let mut out = json!({"kind": kind.code(), "id": id, "count": page.not_helpful, "helpful": page.helpful, "reasons": reasons});
            if let Some(title) = library.and_then(|(lib, _)| title(lib, *kind, id)) {
                out["title"] = title.into();
            }
            out
        })
        .collect();

    let mut rewrites: Vec<_> = tally.rewrites.iter().collect();
    rewrites.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let proposals: Vec<Value> = rewrites
        .into_iter()
        // Pinyin and initials are the engine's job, not a synonym's.
        .filter(|((query, _), _)| query.chars().any(mingbai_core::search::normalize::is_han))
        .take(top)
        .map(|((query, used), count)| proposal(query, used, *count, library))
        .collect();

    let by_week: Vec<Value> = tally
        .by_week
        .iter()
        .map(|(week, counts)| {
            let mut row = json!({"week": week.label()});
            for (code, n) in counts {
                row[*code] = (*n).into();
            }
            row
        })
        .collect();
    let hotline: serde_json::Map<String, Value> = tally.hotline.iter().map(|(k, n)| (k.code().to_string(), (*n).into())).collect();
    json!({
        "lines": tally.lines,
        "signals": tally.signals,
        "other_requests": tally.other_requests,
        "skipped": tally.skipped,
        "unanswered": unanswered,
        "not_opened": not_opened,
        "not_helpful": not_helpful,
        "proposals": proposals,
        "hotline": hotline,
        "surfaces": tally.surfaces,
        "totals": {"by_type": tally.by_type, "by_week": by_week},
    })
}

/// What to add so the query finds its answer directly next time.
fn proposal(query: &str, used: &str, count: u64, library: Option<&(Library, SearchIndex)>) -> Value {
    let mut out = json!({"query": query, "used": used, "count": count});
    let known_synonym = library.is_some_and(|(lib, _)| {
        lib.synonyms.iter().any(|s| query_key(&s.term) == used && s.aliases.iter().any(|a| query_key(a) == query))
    });
    if !known_synonym {
        out["synonym"] = json!({"term": used, "alias": query});
    }
    if let Some((lib, index)) = library {
        let request = SearchRequest { query: used.to_string(), limit: 1, exact: true, ..Default::default() };
        let top = index.search(lib, &request).results.into_iter().next();
        if let Some(qa) = top.filter(|h| h.kind == mingbai_core::ItemKind::Qa).and_then(|h| lib.qa_entry(&h.id)) {
            let known = query_key(&qa.question) == query || qa.aliases.iter().any(|a| query_key(a) == query);
            if !known {
                out["qa_alias"] = json!({"id": qa.id, "question": qa.question, "alias": query});
            }
        }
    }
    out
}

const TYPE_LABELS: [(&str, &str); 6] =
    [("h", "有用"), ("nh", "没用"), ("nr", "无结果"), ("no", "有结果未打开"), ("rw", "改写后找到"), ("hl", "转12345")];

fn skipped_label(code: &str) -> &str {
    match code {
        "line_too_long" => "行过长",
        "malformed_line" => "不是 combined 格式",
        "bad_time" => "时间无效",
        "invalid_utf8" => "不是 UTF-8",
        "method" => "请求方法不对",
        "unreadable_file" => "文件无法读取",
        "too_many_distinct" => "不同查询过多（超出上限未分组）",
        "too_long" => "信号过长",
        "not_a_signal" => "不是反馈信号",
        "unknown_version" => "未知版本",
        "unknown_type" => "未知信号类型",
        "unknown_parameter" => "伪造或未知参数",
        "repeated_parameter" => "参数重复",
        "missing_parameter" => "缺少参数",
        "bad_percent_encoding" => "百分号编码无效",
        "bad_value" => "参数值无效",
        other => other,
    }
}

fn print_text(report: &Value, with_library: bool) {
    let n = |v: &Value| v.as_u64().unwrap_or(0);
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    outln!("明白 · 反馈报告");
    let skipped: u64 = report["skipped"].as_object().map(|m| m.values().map(n).sum()).unwrap_or(0);
    outln!(
        "读取 {} 行：反馈信号 {} 条，其他请求 {} 条，跳过 {} 条",
        n(&report["lines"]),
        n(&report["signals"]),
        n(&report["other_requests"]),
        skipped
    );
    if let Some(map) = report["skipped"].as_object().filter(|m| !m.is_empty()) {
        let list: Vec<String> = map.iter().map(|(k, v)| format!("{} {}", skipped_label(k), n(v))).collect();
        outln!("  跳过原因：{}", list.join("，"));
    }

    outln!("\n一、搜不到答案的问题{}", if with_library { "（已按纠错合并）" } else { "" });
    print_groups(&report["unanswered"], with_library);

    outln!("\n二、被标为“没用”的内容");
    let pages = report["not_helpful"].as_array().cloned().unwrap_or_default();
    if pages.is_empty() {
        outln!("  （无）");
    }
    for page in &pages {
        let kind = PageKind::parse(page["kind"].as_str().unwrap_or("")).map(PageKind::label).unwrap_or("");
        let reasons: Vec<String> = page["reasons"]
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(code, v)| format!("{} {}", Reason::parse(code).map(Reason::label).unwrap_or("未选原因"), n(v)))
                    .collect()
            })
            .unwrap_or_default();
        let title = page.get("title").map(|t| format!("{} ", s(t))).unwrap_or_default();
        outln!("  {:>5} 次没用 / {} 次有用  [{kind}] {title}({})  原因：{}", n(&page["count"]), n(&page["helpful"]), s(&page["id"]), reasons.join("，"));
    }

    outln!("\n三、纠错或同义词改写后才找到答案的搜索：建议补充");
    let proposals = report["proposals"].as_array().cloned().unwrap_or_default();
    if proposals.is_empty() {
        outln!("  （无）");
    }
    for p in &proposals {
        let mut advice = Vec::new();
        if let Some(syn) = p.get("synonym") {
            advice.push(format!("synonyms.json：{{\"term\": \"{}\", \"aliases\": [\"{}\"]}}", s(&syn["term"]), s(&syn["alias"])));
        }
        if let Some(qa) = p.get("qa_alias") {
            advice.push(format!("问答 {}（{}）的 aliases 加“{}”", s(&qa["id"]), s(&qa["question"]), s(&qa["alias"])));
        }
        outln!("  {:>5} 次 “{}” → “{}”  {}", n(&p["count"]), s(&p["query"]), s(&p["used"]), advice.join("；"));
    }

    outln!("\n四、有结果但一条也没打开的搜索");
    print_groups(&report["not_opened"], with_library);

    outln!("\n五、每周合计");
    let header: Vec<&str> = TYPE_LABELS.iter().map(|t| t.1).collect();
    outln!("  {:<10} {}", "周", header.join("  "));
    for row in report["totals"]["by_week"].as_array().cloned().unwrap_or_default() {
        let cells: Vec<String> = TYPE_LABELS.iter().map(|(code, label)| format!("{:>w$}", n(&row[*code]), w = label.chars().count() * 2)).collect();
        outln!("  {:<10} {}", s(&row["week"]), cells.join("  "));
    }
    let by_type = &report["totals"]["by_type"];
    let cells: Vec<String> = TYPE_LABELS.iter().map(|(code, label)| format!("{label} {}", n(&by_type[*code]))).collect();
    outln!("  合计：{}", cells.join("，"));
    if let Some(map) = report["hotline"].as_object().filter(|m| !m.is_empty()) {
        let list: Vec<String> =
            map.iter().map(|(k, v)| format!("{} {}", PageKind::parse(k).map(PageKind::label).unwrap_or(""), n(v))).collect();
        outln!("  转12345 来自：{}", list.join("，"));
    }
}

fn print_groups(groups: &Value, with_library: bool) {
    let groups = groups.as_array().cloned().unwrap_or_default();
    if groups.is_empty() {
        outln!("  （无）");
    }
    for g in &groups {
        let variants: Vec<&str> = g["variants"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        let variants = if variants.is_empty() { String::new() } else { format!("  其他说法：{}", variants.join("、")) };
        let now = if with_library { format!("  现有结果 {} 条", g["results_now"].as_u64().unwrap_or(0)) } else { String::new() };
        outln!(
            "  {:>5} 次  {}  （{} 起，{} 上升）{now}{variants}",
            g["count"].as_u64().unwrap_or(0),
            g["query"].as_str().unwrap_or(""),
            g["first_week"].as_str().unwrap_or("?"),
            g["rose_week"].as_str().unwrap_or("?")
        );
    }
}
