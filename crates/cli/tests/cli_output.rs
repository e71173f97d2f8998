//! The CLI's output paths, run as the real binary: `search --queries` batch mode (JSON Lines and
//! the table), and every command stopping quietly when its reader closes the pipe early
//! (`mingbai search … | head -1`): no panic message, no error.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn queries_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("mingbai-queries-{name}-{}.txt", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn batch_search_writes_one_json_line_per_query() {
    let path = queries_file("jsonl", "养老保险\n\n  低宝  \nylbx\n槐政办发〔2024〕2号\nzzzzqqqq\n");
    let out = Command::new(env!("CARGO_BIN_EXE_mingbai"))
        .args(["search", &repo("public/library"), "--queries", path.to_str().unwrap(), "--json", "--limit", "3"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
    let queries: Vec<&str> = lines.iter().map(|l| l["query"].as_str().unwrap()).collect();
    assert_eq!(queries, ["养老保险", "低宝", "ylbx", "槐政办发〔2024〕2号", "zzzzqqqq"], "blank lines skipped, input order kept");
    assert!(lines[0]["results"].as_array().unwrap().len() == 3 && lines[0]["total"].as_u64().unwrap() >= 3);
    assert_eq!(lines[1]["corrected"], "低保");
    assert_eq!(lines[2]["corrected"], "养老保险");
    assert_eq!(lines[3]["results"][0]["id"], "huaiyin-2024");

    // The same answers as one process per query.
    let single = Command::new(env!("CARGO_BIN_EXE_mingbai")).args(["search", &repo("public/library"), "低宝", "--json", "--limit", "3"]).output().unwrap();
    let single: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
    assert_eq!(single, lines[1]);

    // Without --json: a table and a count.
    let out = Command::new(env!("CARGO_BIN_EXE_mingbai")).args(["search", &repo("public/library"), "--queries", path.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("→ 低保") && text.contains("共 5 条查询"), "{text}");

    // From stdin.
    let mut child = Command::new(env!("CARGO_BIN_EXE_mingbai"))
        .args(["search", &repo("public/library"), "--queries", "-", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("公积金\n低保\n".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

/// Runs `mingbai args…`, reads one line of its output, closes the pipe, and returns the exit
/// status and stderr.
fn read_one_line_then_close(args: &[String]) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mingbai")).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "no output from {args:?}");
    // The reader (and the pipe) is dropped here, like `head -1` exiting.
    let out = child.wait_with_output().unwrap();
    (out.status, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_closed_pipe_is_no_panic() {
    let library = repo("public/library");
    // Far more output than a pipe buffers (64 KB), so the writes after the close do fail.
    let many: String = (0..3000).map(|i| ["养老保险\n", "低保\n", "政府信息公开\n"][i % 3]).collect();
    let queries = queries_file("pipe", &many);
    let commands: Vec<Vec<String>> = vec![
        vec!["search".into(), library.clone(), "--queries".into(), queries.display().to_string()],
        vec!["search".into(), library.clone(), "--queries".into(), queries.display().to_string(), "--json".into()],
        vec!["check".into(), library.clone(), "--json".into()],
        vec!["schema".into()],
    ];
    for args in &commands {
        let (status, stderr) = read_one_line_then_close(args);
        assert!(!stderr.contains("panicked"), "{args:?}:\n{stderr}");
        assert!(stderr.is_empty(), "{args:?} wrote to stderr:\n{stderr}");
        assert!(status.success(), "{args:?}: {status}");
    }
    // The shell pipelines of the issue.
    let bin = env!("CARGO_BIN_EXE_mingbai");
    for pipeline in [format!("'{bin}' search '{library}' 养老 | head -1"), format!("'{bin}' check '{library}' | head -1")] {
        let out = Command::new("sh").args(["-c", &format!("{pipeline} >/dev/null")]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked") && stderr.is_empty(), "{pipeline}:\n{stderr}");
    }
}
