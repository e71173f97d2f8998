//! The sharded search index over generated libraries (`harness = false`, plain `Instant`).
//!
//!     cargo bench -p mingbai-cli --bench sharded          # MINGBAI_BENCH_SIZES=1000,10000,100000
//!
//! Per size: index build time, head size raw/gzip, total size raw/gzip, shard counts and average
//! sizes, bytes loaded per query (cold: a fresh head per query; head excluded) p50/p95 raw and
//! gzip for short, long, pinyin and typo queries, rounds (fetch round-trips) p50/p95, and
//! native query latency p50/p95 through the sharded path (chunks read from memory, parse
//! included). Gzip sizes come from `gzip -9` per file, as a static host would serve them.
//! Writes target/sharded-bench.md.

#[path = "../src/generate.rs"]
#[allow(dead_code, unused_imports)]
mod generate;

use mingbai_core::search::sharded::{build_index, IndexHead, Step};
use mingbai_core::search::SearchRequest;
use mingbai_core::{load_with, Library};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

fn gzip_size(bytes: &[u8]) -> usize {
    let mut child = std::process::Command::new("gzip")
        .arg("-9c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip");
    let mut stdin = child.stdin.take().expect("stdin");
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().expect("gzip output");
    let _ = writer.join();
    out.stdout.len()
}

fn pct<T: Ord + Copy + Default>(mut v: Vec<T>) -> (T, T) {
    if v.is_empty() {
        return (T::default(), T::default());
    }
    v.sort();
    let at = |p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    (at(0.5), at(0.95))
}

fn kb(b: usize) -> String {
    format!("{:.1} KB", b as f64 / 1024.0)
}

fn queries(lib: &Library, n: usize) -> Vec<(&'static str, Vec<String>)> {
    use mingbai_core::search::pinyin::{readings, syllable_text};
    let han = |s: &str| -> Vec<char> { s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect() };
    let step = (lib.qa.len() / n.max(1)).max(1);
    let qs: Vec<&str> = lib.qa.iter().step_by(step).take(n).map(|q| q.question.as_str()).collect();
    let short = qs.iter().filter_map(|q| { let h = han(q); (h.len() >= 2).then(|| h[..2].iter().collect()) }).collect();
    let long = qs.iter().map(|q| format!("请问{q}")).collect();
    let pinyin = qs
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let h = han(q);
            let s: Option<Vec<&str>> = h.iter().take(4).map(|c| readings(*c).first().map(|s| syllable_text(*s))).collect();
            let s = s?;
            (s.len() >= 2).then(|| if i % 2 == 0 { s.concat() } else { s.iter().filter_map(|x| x.chars().next()).collect() })
        })
        .collect();
    let typo = qs
        .iter()
        .filter_map(|q| {
            let mut h: Vec<char> = han(q).into_iter().take(5).collect();
            if h.len() < 3 { return None; }
            let s = readings(h[1]).first()?;
            let other = lib.qa.iter().flat_map(|x| x.question.chars()).find(|c| *c != h[1] && readings(*c).first() == Some(s))?;
            h[1] = other;
            Some(h.into_iter().collect())
        })
        .collect();
    vec![("short", short), ("long", long), ("pinyin", pinyin), ("typo", typo)]
}

fn main() {
    let sizes: Vec<usize> = std::env::var("MINGBAI_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000]);
    let per_class: usize = std::env::var("MINGBAI_BENCH_QUERIES").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let mut out = String::new();
    let _ = writeln!(out, "sharded index benchmark: {per_class} queries per class, limit 10, facets included, cold head per query\n");
    let _ = writeln!(out, "| entries | build | head raw / gzip | total raw / gzip (files) | posting shards (avg gzip) | meta chunks (avg gzip) | dictionary shards (avg gzip) |");
    let _ = writeln!(out, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut per_query = String::new();
    let _ = writeln!(per_query, "\n| entries | class | loaded gzip p50 / p95 | loaded raw p50 / p95 | rounds p50 / p95 | latency p50 / p95 |");
    let _ = writeln!(per_query, "| ---: | --- | ---: | ---: | ---: | ---: |");
    for entries in sizes {
        let lib = generate::generate(entries, generate::DEFAULT_SEED);
        let dir = std::env::temp_dir().join(format!("mingbai-sharded-bench-{entries}"));
        let _ = std::fs::remove_dir_all(&dir);
        generate::write(&lib, &dir).expect("write");
        drop(lib);
        let report = load_with("manifest.json", |n| std::fs::read_to_string(dir.join(n)).map_err(|e| e.to_string()));
        let _ = std::fs::remove_dir_all(&dir);
        let lib = report.library;
        let started = Instant::now();
        let built = build_index(&lib);
        let build = started.elapsed();
        eprintln!("{entries}: built {} files in {:.1} s; gzipping", built.files.len(), build.as_secs_f64());
        let gz: HashMap<String, usize> = built.files.iter().map(|(n, b)| (n.clone(), gzip_size(b))).collect();
        let files: HashMap<String, Vec<u8>> = built.files.into_iter().collect();
        let family = |prefix: &[&str]| {
            let names: Vec<&String> = files.keys().filter(|n| prefix.iter().any(|p| n.starts_with(p))).collect();
            let total: usize = names.iter().map(|n| gz[*n]).sum();
            format!("{} ({})", names.len(), kb(total / names.len().max(1)))
        };
        let head = &files["head.json"];
        let _ = writeln!(
            out,
            "| {entries} | {:.1} s | {} / {} | {:.1} MB / {:.1} MB ({}) | {} | {} | {} |",
            build.as_secs_f64(),
            kb(head.len()),
            kb(gz["head.json"]),
            files.values().map(Vec::len).sum::<usize>() as f64 / 1_048_576.0,
            gz.values().sum::<usize>() as f64 / 1_048_576.0,
            files.len(),
            family(&["p-"]),
            family(&["m-"]),
            family(&["d-", "i-"]),
        );
        for (class, list) in queries(&lib, per_class) {
            let (mut raw, mut zipped, mut rounds, mut times) = (Vec::new(), Vec::new(), Vec::new(), Vec::<Duration>::new());
            for q in &list {
                let request = SearchRequest { query: q.clone(), limit: 10, ..Default::default() };
                let started = Instant::now();
                let mut h = IndexHead::parse(head).expect("head");
                let (mut r, mut z, mut n) = (0, 0, 0);
                loop {
                    match h.plan(&request) {
                        Step::Done(resp) => {
                            std::hint::black_box(resp);
                            break;
                        }
                        Step::Need(chunks) => {
                            n += 1;
                            for c in chunks {
                                r += files[&c].len();
                                z += gz[&c];
                                h.add_chunk(&c, &files[&c]).expect("chunk");
                            }
                        }
                    }
                }
                times.push(started.elapsed());
                raw.push(r);
                zipped.push(z);
                rounds.push(n);
            }
            let (z50, z95) = pct(zipped);
            let (r50, r95) = pct(raw);
            let (n50, n95) = pct(rounds);
            let (t50, t95) = pct(times);
            let _ = writeln!(
                per_query,
                "| {entries} | {class} (n={}) | {} / {} | {} / {} | {n50} / {n95} | {:.1} / {:.1} ms |",
                list.len(),
                kb(z50),
                kb(z95),
                kb(r50),
                kb(r95),
                t50.as_secs_f64() * 1000.0,
                t95.as_secs_f64() * 1000.0
            );
        }
        // Rows as they come: a 100k run takes minutes.
        eprintln!("{}", out.lines().last().unwrap_or(""));
        eprintln!("{}", per_query.lines().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n"));
        eprintln!("{entries}: done");
    }
    out.push_str(&per_query);
    println!("{out}");
    if let Some(path) = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().map(|t| t.join("sharded-bench.md")) {
        let _ = std::fs::write(path, &out);
    }
}
