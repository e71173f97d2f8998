//! `mingbai report` on generated and hostile access logs, run as the real binary: the counts,
//! the grouping, titles and proposals from a library, plain and gzip logs alike, the import
//! template's 问答 sheet, and hostile lines counted and skipped without a panic.

use mingbai_core::feedback::{Event, HourBucket, PageKind, Reason, Signal, Surface};
use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mingbai-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs mingbai; returns (exit code, stdout, stderr) and fails on any panic message.
fn mingbai(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mingbai")).args(args).output().expect("run mingbai");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "mingbai {args:?} panicked:\n{stderr}");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

fn report_json(args: &[&str]) -> Value {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.push("--json");
    let (code, out, err) = mingbai(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// A combined-format line, as nginx writes it.
fn line(day: &str, target: &str) -> String {
    format!("198.51.100.7 - - [{day}:14:03:51 +0800] \"GET {target} HTTP/1.1\" 200 0 \"https://zw.example.gov.cn/qa/qa-001\" \"Mozilla/5.0 (Linux; Android 14)\"")
}

fn signal_line(day: &str, signal: &Signal) -> String {
    line(day, &mingbai_core::feedback::feedback_url("/feedback", signal).unwrap())
}

fn event(e: Event) -> Signal {
    Signal::new(e)
}

/// Two weeks of signals (2026-W48 and W49) with known counts, and ordinary requests between them.
fn generated_log() -> String {
    let mut lines = Vec::new();
    let mut add = |day: &str, signal: Signal, times: usize| {
        for _ in 0..times {
            lines.push(signal_line(day, &signal));
            lines.push(line(day, "/assets/app-1a2b.wasm"));
        }
    };
    let nr = |q: &str| event(Event::NoResult { query: q.into() });
    // 养老补贴怎么领: 2 in W48, 6 in W49 (two spellings); it rose in W49.
    add("24/Nov/2026", nr("养老补贴怎么领"), 2);
    add("02/Dec/2026", nr("养老补贴怎么领"), 4);
    add("03/Dec/2026", nr("养老补贴 怎么领？"), 2);
    // The same question with a phone number in it: scrubbed by the encoder, grouped with its kind.
    add("03/Dec/2026", nr("我的电话13812345678没人回"), 3);
    add("25/Nov/2026", nr("老年证 办理"), 1);
    add("02/Dec/2026", event(Event::NotHelpful { kind: PageKind::Qa, id: "qa-001".into(), reason: Some(Reason::Unclear) }), 4);
    add("02/Dec/2026", event(Event::NotHelpful { kind: PageKind::Qa, id: "qa-001".into(), reason: Some(Reason::Outdated) }), 1);
    add("02/Dec/2026", event(Event::NotHelpful { kind: PageKind::Qa, id: "qa-001".into(), reason: None }), 1);
    add("02/Dec/2026", event(Event::Helpful { kind: PageKind::Qa, id: "qa-001".into() }), 2);
    add("26/Nov/2026", event(Event::NotHelpful { kind: PageKind::Card, id: "card-huaiyin-2024".into(), reason: Some(Reason::NotWanted) }).on(Surface::Kiosk), 2);
    add("04/Dec/2026", event(Event::Rewritten { query: "低宝".into(), used: "低保".into() }), 3);
    add("04/Dec/2026", event(Event::Rewritten { query: "ylbx".into(), used: "养老保险".into() }), 2);
    add("04/Dec/2026", event(Event::NotOpened { query: "公开目录".into(), results: 7 }).on(Surface::Phone), 2);
    add("05/Dec/2026", event(Event::Hotline { from: PageKind::Qa }), 1);
    add("05/Dec/2026", event(Event::Hotline { from: PageKind::Other }), 1);
    // Queued offline on Sunday of W48, sent on Monday of W49: counted in its own hour's week.
    let hour = HourBucket::new(2026, 11, 29, 20).unwrap();
    add("30/Nov/2026", event(Event::Helpful { kind: PageKind::Policy, id: "huaiyin-2024".into() }).at(hour), 1);
    lines.join("\n") + "\n"
}

#[test]
fn counts_groups_and_weeks_from_a_generated_log() {
    let dir = temp_dir("generated");
    let log = dir.join("access.log");
    std::fs::write(&log, generated_log()).unwrap();
    let r = report_json(&[log.to_str().unwrap()]);
    assert_eq!(r["signals"], 32);
    assert_eq!(r["other_requests"], 32);
    assert_eq!(r["skipped"], serde_json::json!({}));
    let top = &r["unanswered"][0];
    assert_eq!((top["query"].as_str(), top["count"].as_u64()), (Some("养老补贴怎么领"), Some(8)));
    assert_eq!(top["variants"], serde_json::json!(["养老补贴 怎么领？"]));
    assert_eq!((top["first_week"].as_str(), top["rose_week"].as_str()), (Some("2026-W48"), Some("2026-W49")));
    assert_eq!(r["unanswered"][1]["query"], "我的电话〔电话〕没人回", "the phone number never reaches the log");
    let page = &r["not_helpful"][0];
    assert_eq!((page["kind"].as_str(), page["id"].as_str(), page["count"].as_u64(), page["helpful"].as_u64()), (Some("qa"), Some("qa-001"), Some(6), Some(2)));
    assert_eq!(page["reasons"], serde_json::json!({"unclear": 4, "outdated": 1, "none": 1}));
    assert_eq!(r["not_helpful"][1]["reasons"], serde_json::json!({"not_wanted": 2}));
    // Pinyin is the engine's job: only the Han typo becomes a proposal.
    assert_eq!(r["proposals"].as_array().unwrap().len(), 1);
    assert_eq!(r["proposals"][0]["synonym"], serde_json::json!({"term": "低保", "alias": "低宝"}));
    assert_eq!(r["not_opened"][0]["query"], "公开目录");
    assert_eq!(r["hotline"], serde_json::json!({"qa": 1, "other": 1}));
    assert_eq!(r["surfaces"], serde_json::json!({"kiosk": 2, "phone": 2}));
    let weeks = r["totals"]["by_week"].as_array().unwrap();
    assert_eq!(weeks.len(), 2);
    assert_eq!(weeks[0], serde_json::json!({"week": "2026-W48", "nr": 3, "nh": 2, "h": 1}));
    assert_eq!(weeks[1]["week"], "2026-W49");
    assert_eq!(weeks[1]["nr"], 9);
    assert_eq!(r["totals"]["by_type"]["nh"], 8);

    // The same log gzipped (two members, as logrotate's copies concatenate) gives the same report.
    let text = generated_log();
    let (first, second) = text.split_at(text.len() / 2);
    let cut = first.rfind('\n').unwrap() + 1;
    let (first, second) = (&text[..cut], format!("{}{second}", &first[cut..]));
    let mut gz = Vec::new();
    for part in [first, second.as_str()] {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(part.as_bytes()).unwrap();
        gz.extend(encoder.finish().unwrap());
    }
    let gz_path = dir.join("access.log.1.gz");
    std::fs::write(&gz_path, gz).unwrap();
    let mut from_gz = report_json(&[gz_path.to_str().unwrap()]);
    let mut plain = r.clone();
    from_gz["files"] = Value::Null;
    plain["files"] = Value::Null;
    assert_eq!(from_gz, plain);

    // Two files add up.
    let both = report_json(&[log.to_str().unwrap(), gz_path.to_str().unwrap()]);
    assert_eq!(both["signals"], 64);

    // `-` reads standard input.
    let mut child = Command::new(env!("CARGO_BIN_EXE_mingbai"))
        .args(["report", "-", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(generated_log().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let from_stdin: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(from_stdin["unanswered"], r["unanswered"]);
}

#[test]
fn library_adds_titles_correction_and_alias_proposals() {
    let dir = temp_dir("library");
    let log = dir.join("access.log");
    let nr = |q: &str| event(Event::NoResult { query: q.into() });
    let lines = [
        signal_line("02/Dec/2026", &nr("低宝怎么申请")),
        signal_line("02/Dec/2026", &nr("低宝怎么申请？")),
        signal_line("02/Dec/2026", &nr("请问低保怎么申请")),
        signal_line("02/Dec/2026", &nr("电话13812345678低宝怎么申请")),
        signal_line("02/Dec/2026", &event(Event::NotHelpful { kind: PageKind::Qa, id: "qa-001".into(), reason: Some(Reason::Unclear) })),
        signal_line("02/Dec/2026", &event(Event::Rewritten { query: "低宝".into(), used: "低保".into() })),
    ];
    std::fs::write(&log, lines.join("\n")).unwrap();
    let library = repo("public/library");
    let r = report_json(&[log.to_str().unwrap(), "--library", &library]);
    let unanswered = r["unanswered"].as_array().unwrap();
    assert_eq!(unanswered.len(), 2, "the typo and the right spelling are one question: {unanswered:?}");
    // A scrubbed query keeps its markers (the engine is not asked to correct them).
    assert_eq!(unanswered[1]["query"], "电话〔电话〕低宝怎么申请");
    assert_eq!(unanswered[0]["count"], 3);
    // Shown in the spelling the engine did not have to correct; the typos become other spellings.
    assert_eq!(unanswered[0]["query"], "请问低保怎么申请");
    assert_eq!(unanswered[0]["variants"], serde_json::json!(["低宝怎么申请", "低宝怎么申请？"]));
    assert!(unanswered[0]["results_now"].is_u64());
    let question = r["not_helpful"][0]["title"].as_str().unwrap();
    assert!(question.contains("高校毕业生"), "{question}");
    let qa_alias = &r["proposals"][0]["qa_alias"];
    assert_eq!(qa_alias["alias"], "低宝");
    assert!(qa_alias["id"].as_str().unwrap().starts_with("qa-"), "{qa_alias}");

    // The printed report says the same in Chinese.
    let (code, text, _) = mingbai(&["report", log.to_str().unwrap(), "--library", &library]);
    assert_eq!(code, 0);
    for part in ["一、搜不到答案的问题", "请问低保怎么申请", "其他说法：低宝怎么申请", "二、被标为“没用”的内容", question, "没看懂 1", "synonyms.json", "aliases 加“低宝”", "五、每周合计", "2026-W49"] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

#[test]
fn xlsx_is_the_import_templates_qa_sheet() {
    let dir = temp_dir("xlsx");
    let log = dir.join("access.log");
    let nr = |q: &str| event(Event::NoResult { query: q.into() });
    let mut lines = vec![signal_line("02/Dec/2026", &nr("公租房排队多久"))];
    lines.extend((0..120).map(|_| signal_line("02/Dec/2026", &nr("老旧小区加装电梯补贴"))));
    std::fs::write(&log, lines.join("\n")).unwrap();
    let xlsx = dir.join("unanswered.xlsx");
    let (code, _, err) = mingbai(&["report", log.to_str().unwrap(), "--xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    };
    assert!(read("xl/workbook.xml").contains("name=\"问答\""));
    let strings = read("xl/sharedStrings.xml");
    let headers = ["编号", "问题", "相似问法", "答案", "政策依据", "主题", "适用对象", "热度", "更新日期", "来源", "责任单位", "适用范围", "适用地区", "失效日期"];
    let positions: Vec<usize> = headers.iter().map(|h| strings.find(&format!(">{h}<")).unwrap_or_else(|| panic!("{h} missing"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "headers out of order: {strings}");
    assert!(strings.contains("老旧小区加装电梯补贴") && strings.contains("公租房排队多久"));
    assert!(strings.contains("用户搜索无结果 120 次"));
    let sheet = read("xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<v>100</v>"), "热度 capped at 100: {sheet}");
}

#[test]
fn endpoint_option_picks_only_that_path() {
    let dir = temp_dir("endpoint");
    let log = dir.join("access.log");
    let signal = event(Event::Hotline { from: PageKind::Qa });
    let lines = [
        line("02/Dec/2026", &format!("/f.gif?{}", signal.encode())),
        line("02/Dec/2026", &format!("/feedback?{}", signal.encode())),
        line("02/Dec/2026", "/f.gif"),
        line("02/Dec/2026", "/f.gif?utm=1"),
    ];
    std::fs::write(&log, lines.join("\n")).unwrap();
    let r = report_json(&[log.to_str().unwrap(), "--endpoint", "/f.gif"]);
    assert_eq!(r["signals"], 1);
    assert_eq!(r["other_requests"], 1);
    assert_eq!(r["skipped"], serde_json::json!({"not_a_signal": 2}));
    let r = report_json(&[log.to_str().unwrap()]);
    assert_eq!(r["signals"], 2);
    let (code, _, err) = mingbai(&["report", log.to_str().unwrap(), "--endpoint", "feedback?x"]);
    assert_eq!(code, 2);
    assert!(err.contains("--endpoint"), "{err}");
}

/// Hostile input: every kind of bad line is counted by reason, the good signals around them
/// still count, and nothing panics.
#[test]
fn hostile_logs_are_counted_and_skipped() {
    let dir = temp_dir("hostile");
    let good = signal_line("02/Dec/2026", &event(Event::NoResult { query: "养老".into() }));
    let mut log: Vec<u8> = Vec::new();
    let mut push = |bytes: &[u8]| {
        log.extend_from_slice(bytes);
        log.push(b'\n');
    };
    push(good.as_bytes());
    // Malformed lines that mention the signal marker.
    push(b"?v=1&t=nr&q=a");
    push(b"1.2.3.4 - - 06/Dec/2026:10:15:32 +0800 \"GET /f?v=1&t=nr&q=a HTTP/1.1\" 200 0");
    push(b"1.2.3.4 - - [06/Dec/2026:10:15:32 +0800] \"GET /f?v=1&t=nr&q=a HTTP/1.1");
    push(b"1.2.3.4 - - [06/Dec/2026:10:15:32 +0800] \"GET /f?v=1&t=nr&q=a HTTP/1.1\" OK 0");
    push(b"1.2.3.4 - - [06/Dec/2026:10:15:32 +0800] \"GET\" 200 0 ?v=1");
    // Bad times.
    push(b"1.2.3.4 - - [31/Feb/2026:10:15:32 +0800] \"GET /f?v=1&t=nr&q=a HTTP/1.1\" 200 0 \"-\" \"-\"");
    push(b"1.2.3.4 - - [06/Foo/2026:99:15:32 +0800] \"GET /f?v=1&t=nr&q=a HTTP/1.1\" 200 0 \"-\" \"-\"");
    // Invalid UTF-8 in the request line.
    push(b"1.2.3.4 - - [06/Dec/2026:10:15:32 +0800] \"GET /f?v=1&t=nr&q=\xff\xfe HTTP/1.1\" 200 0 \"-\" \"-\"");
    // A huge line (4 MB) with a signal in it, and another without a newline at the very end.
    let huge = line("02/Dec/2026", &format!("/f?v=1&t=nr&q={}", "%E5%85%BB".repeat(450_000)));
    push(huge.as_bytes());
    let forged = [
        ("v=1&t=nr&q=a&uid=12345", "unknown_parameter"),
        ("v=1&t=nr&q=a&q=b", "repeated_parameter"),
        ("v=1&t=nh&k=qa&i=qa-001&r=unclear&r=other", "repeated_parameter"),
        ("v=9&t=nr&q=a", "unknown_version"),
        ("v=1&t=drop&q=a", "unknown_type"),
        ("v=1&t=nh&k=qa", "missing_parameter"),
        ("v=1&t=nr&q=%E5%8", "bad_percent_encoding"),
        ("v=1&t=nr&q=%GG", "bad_percent_encoding"),
        ("v=1&t=nr&q=<script>", "bad_percent_encoding"),
        ("v=1&t=nr&q=%C3%28", "invalid_utf8"),
        ("v=1&t=nr&q=%00", "bad_value"),
        ("v=1&t=no&q=a&n=99999999", "bad_value"),
    ];
    for (query, _) in forged {
        push(line("02/Dec/2026", &format!("/f?{query}")).as_bytes());
    }
    push(line("02/Dec/2026", &format!("/f?v=1&t=nr&q={}", "a".repeat(3000))).as_bytes());
    push(b"1.2.3.4 - - [06/Dec/2026:10:15:32 +0800] \"DELETE /f?v=1&t=nr&q=a HTTP/1.1\" 200 0 \"-\" \"-\"");
    push(b"");
    push(b"\x00\x01\x02 binary ?v= \xc0\xc1");
    push(good.as_bytes());
    log.extend_from_slice(format!("{good}\r").as_bytes()); // CRLF-ended last line, no final newline

    let path = dir.join("hostile.log");
    std::fs::write(&path, &log).unwrap();
    let r = report_json(&[path.to_str().unwrap()]);
    assert_eq!(r["signals"], 3, "{r}");
    let skipped = &r["skipped"];
    assert_eq!(skipped["malformed_line"], 6, "{skipped}");
    assert_eq!(skipped["bad_time"], 2, "{skipped}");
    assert_eq!(skipped["invalid_utf8"], 2, "{skipped}");
    assert_eq!(skipped["line_too_long"], 1, "{skipped}");
    assert_eq!(skipped["unknown_parameter"], 1, "{skipped}");
    assert_eq!(skipped["repeated_parameter"], 2, "{skipped}");
    assert_eq!(skipped["unknown_version"], 1, "{skipped}");
    assert_eq!(skipped["unknown_type"], 1, "{skipped}");
    assert_eq!(skipped["missing_parameter"], 1, "{skipped}");
    assert_eq!(skipped["bad_percent_encoding"], 3, "{skipped}");
    assert_eq!(skipped["bad_value"], 2, "{skipped}");
    assert_eq!(skipped["too_long"], 1, "{skipped}");
    assert_eq!(skipped["method"], 1, "{skipped}");
    assert_eq!(r["unanswered"][0]["count"], 3);

    // A gzip file cut off in the middle: what was read counts, the error is named, no panic.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for _ in 0..2000 {
        writeln!(encoder, "{good}").unwrap();
    }
    let gz = encoder.finish().unwrap();
    let cut = dir.join("cut.log.gz");
    std::fs::write(&cut, &gz[..gz.len() / 2]).unwrap();
    let missing = dir.join("missing.log");
    let (code, out, err) = mingbai(&["report", cut.to_str().unwrap(), missing.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    assert!(r["signals"].as_u64().unwrap() > 0, "{r}");
    assert_eq!(r["skipped"]["unreadable_file"], 2, "{r}");
    assert!(err.contains("cut.log.gz") && err.contains("missing.log"), "{err}");

    // Random bytes never panic either.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let noise: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            [b'?', b'v', b'=', b'1', b'&', b't', b'%', b'\n', b'[', b']', b'"', b' ', (state >> 32) as u8][(state % 13) as usize]
        })
        .collect();
    let noise_path = dir.join("noise.log");
    std::fs::write(&noise_path, noise).unwrap();
    mingbai(&["report", noise_path.to_str().unwrap()]);
    assert!(Path::new(&noise_path).exists());
}
