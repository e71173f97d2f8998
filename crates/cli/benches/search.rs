//! Native search benchmarks over generated libraries (`harness = false`, plain `Instant` timing).
//!
//!     cargo bench -p mingbai-cli --bench search
//!
//! For 1k, 10k and 100k entries (`MINGBAI_BENCH_SIZES=1000,10000` to choose), generated with the
//! default seed into the temp folder (kept between runs: the folder name holds the generator
//! version, size and seed), it measures: load + validate, index build, index size (stats() and
//! live heap bytes from a counting allocator), query latency p50/p95 for four query classes
//! (~200 each: short 2-character words, long questions, pinyin, typos), suggest latency, and peak
//! RSS (VmHWM, reset per size through /proc/self/clear_refs). Prints a Markdown table and writes
//! it to target/search-bench.md. Note: the bench profile inherits the workspace release profile
//! (opt-level "z", fat LTO), i.e. the code generation the shipped wasm uses.

#[path = "../src/generate.rs"]
#[allow(dead_code, unused_imports)]
mod generate;

use mingbai_core::search::pinyin::{readings, syllable_text, Syllable};
use mingbai_core::search::{SearchIndex, SearchRequest};
use mingbai_core::validate::count;
use mingbai_core::{load_with, Library};
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live heap bytes, so the index's size is measured, not guessed.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn proc_status(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

fn ms(d: Duration) -> String {
    let v = d.as_secs_f64() * 1000.0;
    if v >= 100.0 {
        format!("{v:.0} ms")
    } else if v >= 1.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.3} ms")
    }
}

fn percentiles(mut v: Vec<Duration>) -> (Duration, Duration) {
    if v.is_empty() {
        return (Duration::ZERO, Duration::ZERO);
    }
    v.sort();
    let at = |p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    (at(0.50), at(0.95))
}

fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum()).unwrap_or(0)
}

/// The library folder for `entries`, generated once and cached in the temp folder.
fn library_dir(entries: usize) -> (PathBuf, Option<Duration>) {
    let seed = generate::DEFAULT_SEED;
    let dir = std::env::temp_dir().join(format!("mingbai-bench-g{}-{entries}-{seed}", generate::GENERATOR_VERSION));
    if dir.join("manifest.json").exists() {
        return (dir, None);
    }
    let started = Instant::now();
    let tmp = dir.with_extension("partial");
    let _ = std::fs::remove_dir_all(&tmp);
    let lib = generate::generate(entries, seed);
    generate::write(&lib, &tmp).expect("write generated library");
    drop(lib);
    std::fs::rename(&tmp, &dir).expect("move generated library into place");
    (dir, Some(started.elapsed()))
}

fn han(s: &str) -> Vec<char> {
    s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect()
}

/// The leading Han run of a text (a question's subject), at most `max` characters.
fn lead(text: &str, max: usize) -> String {
    text.chars().take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).take(max).collect()
}

fn pinyin_of(chars: &[char]) -> Option<Vec<&'static str>> {
    chars.iter().map(|c| readings(*c).first().map(|s| syllable_text(*s))).collect()
}

struct QuerySets {
    short: Vec<String>,
    long: Vec<String>,
    pinyin: Vec<String>,
    typo: Vec<String>,
    suggest: Vec<String>,
}

/// ~`n` queries per class, drawn deterministically from the library itself.
fn query_sets(lib: &Library, n: usize) -> QuerySets {
    let questions: Vec<&str> = lib.qa.iter().map(|q| q.question.as_str()).collect();
    let titles: Vec<&str> = lib.policies.iter().map(|p| p.title.as_str()).chain(lib.cards.iter().map(|c| c.title.as_str())).collect();
    let stride = |len: usize| (len / n.max(1)).max(1);

    // Short: distinct two-character words people type alone (question subjects, everyday words).
    let mut seen = HashSet::new();
    let mut short = Vec::new();
    let words = lib.synonyms.iter().flat_map(|s| s.aliases.iter().map(String::as_str).chain([s.term.as_str()])).chain(questions.iter().copied());
    for w in words {
        let h = han(w);
        if h.len() >= 2 {
            let word: String = h[..2].iter().collect();
            if seen.insert(word.clone()) {
                short.push(word);
            }
        }
    }
    let step = stride(short.len());
    let short: Vec<String> = short.into_iter().step_by(step).take(n).collect();

    // Long: whole questions as asked, with a polite opening.
    let step = stride(questions.len());
    let long: Vec<String> = questions.iter().step_by(step).take(n).map(|q| format!("请问{q}")).collect();

    // Pinyin: subjects of questions and titles, as full pinyin, spaced pinyin or initials.
    let mut pinyin = Vec::new();
    let step = stride(questions.len());
    for (i, q) in questions.iter().step_by(step).enumerate() {
        let chars: Vec<char> = lead(q, 4).chars().collect();
        if chars.len() < 2 {
            continue;
        }
        let Some(syllables) = pinyin_of(&chars) else { continue };
        pinyin.push(match i % 3 {
            0 => syllables.concat(),
            1 => syllables.join(" "),
            _ => syllables.iter().filter_map(|s| s.chars().next()).collect(),
        });
        if pinyin.len() >= n {
            break;
        }
    }

    // Typos: one character of a 3–6 character subject swapped for a homophone the library uses.
    let mut by_syllable: BTreeMap<Syllable, Vec<char>> = BTreeMap::new();
    for t in titles.iter().chain(questions.iter()) {
        for c in han(t) {
            if let Some(s) = readings(c).first() {
                let list = by_syllable.entry(*s).or_default();
                if !list.contains(&c) {
                    list.push(c);
                }
            }
        }
    }
    let mut typo: Vec<String> = Vec::new();
    let sources: Vec<&str> = questions.iter().chain(titles.iter()).copied().collect();
    let step = stride(sources.len());
    // Walk the sources with a stride, wrapping around with an offset until there are enough.
    let walk = (0..step).flat_map(|offset| sources.iter().skip(offset).step_by(step));
    for (i, text) in walk.enumerate() {
        let mut chars: Vec<char> = lead(text.trim_start_matches("关于印发").trim_start_matches("关于"), 6).chars().collect();
        if chars.len() < 3 {
            continue;
        }
        let at = 1 + i % (chars.len() - 1);
        let Some(s) = readings(chars[at]).first() else { continue };
        let Some(other) = by_syllable.get(s).and_then(|cs| cs.iter().find(|c| **c != chars[at])) else { continue };
        chars[at] = *other;
        let query: String = chars.into_iter().collect();
        if !typo.contains(&query) {
            typo.push(query);
        }
        if typo.len() >= n {
            break;
        }
    }

    // Suggest: what is in the box while typing: 1–3 characters, or a pinyin prefix.
    let mut suggest = Vec::new();
    let step = stride(questions.len());
    for (i, q) in questions.iter().step_by(step).enumerate() {
        let h = han(q);
        if h.len() < 3 {
            continue;
        }
        let input = match i % 4 {
            0 => h[..1].iter().collect(),
            1 => h[..2].iter().collect(),
            2 => h[..3].iter().collect(),
            _ => pinyin_of(&h[..2]).map(|s| s.concat()).unwrap_or_default(),
        };
        suggest.push(input);
        if suggest.len() >= n {
            break;
        }
    }
    QuerySets { short, long, pinyin, typo, suggest }
}

fn time_search(lib: &Library, index: &SearchIndex, queries: &[String]) -> (Duration, Duration, f64) {
    let mut times = Vec::with_capacity(queries.len());
    let mut hits = 0usize;
    for q in queries {
        let started = Instant::now();
        let response = index.search(lib, &SearchRequest { query: q.clone(), limit: 10, ..Default::default() });
        times.push(started.elapsed());
        hits += usize::from(!response.results.is_empty());
        std::hint::black_box(response);
    }
    let (p50, p95) = percentiles(times);
    (p50, p95, hits as f64 / queries.len().max(1) as f64)
}

/// The browser bench's query classes (tests/bench/search-wasm.mjs): the committed recall set's
/// short everyday words (≤ 4 characters), paraphrased questions, pinyin and typos.
fn browser_sets() -> Vec<(&'static str, Vec<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search-queries/embedded.tsv");
    let tsv = std::fs::read_to_string(path).unwrap_or_default();
    let mut sets: Vec<(&'static str, Vec<String>)> = vec![("short", vec![]), ("long", vec![]), ("pinyin", vec![]), ("typo", vec![])];
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(category), Some(query)) = (cols.next(), cols.next()) else { continue };
        let class = match category {
            "colloquial" if query.chars().count() <= 4 => 0,
            "paraphrase" => 1,
            "pinyin" => 2,
            "typo" => 3,
            _ => continue,
        };
        sets[class].1.push(query.to_string());
    }
    sets
}

/// Each query's median time over `repeat` runs (after one warm-up run); p50/p95 over queries.
/// With MINGBAI_BENCH_VERBOSE set, every query's median is printed, slowest first.
fn time_browser_set(lib: &Library, index: &SearchIndex, name: &str, queries: &[String], repeat: usize) -> (Duration, Duration) {
    let mut medians = Vec::with_capacity(queries.len());
    for q in queries {
        let request = SearchRequest { query: q.clone(), limit: 20, ..Default::default() };
        std::hint::black_box(index.search(lib, &request));
        let mut runs: Vec<Duration> = (0..repeat)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(index.search(lib, &request));
                started.elapsed()
            })
            .collect();
        runs.sort();
        medians.push((runs[runs.len() / 2], q));
    }
    if std::env::var_os("MINGBAI_BENCH_VERBOSE").is_some() {
        let mut sorted = medians.clone();
        sorted.sort_by(|a, b| b.0.cmp(&a.0));
        for (t, q) in sorted {
            eprintln!("  {name}\t{}\t{q}", ms(t));
        }
    }
    percentiles(medians.into_iter().map(|(t, _)| t).collect())
}

/// Writes every response of the bench's queries (all classes, the browser bench's too, limits
/// 20 and 500, without and with facet filters) as JSON lines to `path`: comparing the files of
/// two builds shows whether a change altered any result, score, total, correction or facet.
fn dump(lib: &Library, index: &SearchIndex, sets: &QuerySets, path: &Path) {
    use mingbai_core::search::FacetFilters;
    use mingbai_core::ItemKind;
    let theme = lib.taxonomy.themes.first().map(|t| t.id.clone());
    let filters = [
        FacetFilters::default(),
        FacetFilters { kind: Some(ItemKind::Qa), ..Default::default() },
        FacetFilters { theme, ..Default::default() },
        FacetFilters { kind: Some(ItemKind::Policy), year: Some(2024), ..Default::default() },
    ];
    let mut out = String::new();
    let browser = browser_sets();
    let queries = [&sets.short, &sets.long, &sets.pinyin, &sets.typo].into_iter().flatten().chain(browser.iter().flat_map(|(_, q)| q));
    for (i, q) in queries.enumerate() {
        for (limit, f) in [(20, 0), (500, 0), (20, 1 + i % 3)] {
            let request = SearchRequest { query: q.clone(), limit, filters: filters[f].clone(), ..Default::default() };
            let response = index.search(lib, &request);
            let _ = writeln!(out, "{}", serde_json::to_string(&(&request, &response)).unwrap_or_default());
        }
    }
    for input in &sets.suggest {
        let _ = writeln!(out, "{}", serde_json::to_string(&(input, index.suggest(input, 8))).unwrap_or_default());
    }
    match std::fs::write(path, out) {
        Ok(()) => eprintln!("responses written to {}", path.display()),
        Err(e) => eprintln!("cannot write {}: {e}", path.display()),
    }
}

struct Measured {
    entries: usize,
    files_mb: f64,
    load: Duration,
    build: Duration,
    documents: usize,
    tokens: usize,
    postings: usize,
    terms: usize,
    library_heap: usize,
    index_heap: usize,
    classes: Vec<(&'static str, usize, Duration, Duration, f64)>,
    suggest: (usize, Duration, Duration),
    /// The browser bench's classes, per class (name, queries, p50, p95).
    browser: Vec<(&'static str, usize, Duration, Duration)>,
    peak_kb: Option<u64>,
}

fn measure(entries: usize, per_class: usize) -> Measured {
    let (dir, generated) = library_dir(entries);
    if let Some(took) = generated {
        eprintln!("generated {entries} entries into {} in {}", dir.display(), ms(took));
    }
    // The pinyin table is a process-wide static, built on first use: not part of any index.
    std::hint::black_box(readings('中'));
    let peak_reset = reset_peak_rss();
    let before = live();
    let started = Instant::now();
    let report = load_with("manifest.json", |name| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string()));
    let (errors, _warnings) = count(&report.diagnostics);
    let load = started.elapsed();
    assert_eq!(errors, 0, "generated library has errors");
    let lib = report.library;
    let library_heap = live().saturating_sub(before);
    eprintln!("{entries}: loaded in {}", ms(load));

    let before = live();
    let started = Instant::now();
    let index = SearchIndex::build(&lib);
    let build = started.elapsed();
    let index_heap = live().saturating_sub(before);
    let stats = index.stats();
    eprintln!("{entries}: index built in {} ({stats:?})", ms(build));

    let sets = query_sets(&lib, per_class);
    let mut classes = Vec::new();
    for (name, queries) in [("short", &sets.short), ("long", &sets.long), ("pinyin", &sets.pinyin), ("typo", &sets.typo)] {
        let started = Instant::now();
        let (p50, p95, hit) = time_search(&lib, &index, queries);
        eprintln!("{entries}: {} {name} queries in {}", queries.len(), ms(started.elapsed()));
        classes.push((name, queries.len(), p50, p95, hit));
    }
    let mut times = Vec::new();
    for input in &sets.suggest {
        let started = Instant::now();
        std::hint::black_box(index.suggest(input, 8));
        times.push(started.elapsed());
    }
    let (s50, s95) = percentiles(times);
    if let Some(path) = std::env::var_os("MINGBAI_BENCH_DUMP") {
        dump(&lib, &index, &sets, Path::new(&path));
    }
    let browser = browser_sets()
        .into_iter()
        .map(|(name, queries)| {
            let (p50, p95) = time_browser_set(&lib, &index, name, &queries, 5);
            (name, queries.len(), p50, p95)
        })
        .collect();
    let peak_kb = if peak_reset || entries >= 100_000 { proc_status("VmHWM:") } else { None };
    Measured {
        entries,
        files_mb: dir_bytes(&dir) as f64 / 1_048_576.0,
        load,
        build,
        documents: stats.documents,
        tokens: stats.tokens,
        postings: stats.postings,
        terms: stats.terms,
        library_heap,
        index_heap,
        classes,
        suggest: (sets.suggest.len(), s50, s95),
        browser,
        peak_kb,
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::var("MINGBAI_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000]);
    let per_class: usize = std::env::var("MINGBAI_BENCH_QUERIES").ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let started = Instant::now();
    let results: Vec<Measured> = sizes.iter().map(|n| measure(*n, per_class)).collect();

    let mut out = String::new();
    let _ = writeln!(out, "search benchmark: {cpus} CPUs available, {per_class} queries per class, limit 10, seed {}\n", generate::DEFAULT_SEED);
    let _ = writeln!(out, "| | {} |", results.iter().map(|m| format!("{} entries", m.entries)).collect::<Vec<_>>().join(" | "));
    let _ = writeln!(out, "| --- |{}", " ---: |".repeat(results.len()));
    let mut row = |label: &str, f: &dyn Fn(&Measured) -> String| {
        let _ = writeln!(out, "| {label} | {} |", results.iter().map(f).collect::<Vec<_>>().join(" | "));
    };
    row("library files (JSON)", &|m| format!("{:.1} MB", m.files_mb));
    row("load + validate", &|m| ms(m.load));
    row("library in memory (heap)", &|m| mb(m.library_heap));
    row("index build", &|m| ms(m.build));
    row("documents", &|m| m.documents.to_string());
    row("index tokens", &|m| m.tokens.to_string());
    row("index postings", &|m| m.postings.to_string());
    row("dictionary terms", &|m| m.terms.to_string());
    row("index size (heap)", &|m| mb(m.index_heap));
    for (i, name) in ["short (2-char word)", "long question", "pinyin", "typo"].iter().enumerate() {
        row(&format!("query p50 / p95: {name}"), &|m| {
            let (_, n, p50, p95, hit) = m.classes[i];
            format!("{} / {} (n={n}, {:.0}% with results)", ms(p50), ms(p95), hit * 100.0)
        });
    }
    row("suggest p50 / p95", &|m| format!("{} / {} (n={})", ms(m.suggest.1), ms(m.suggest.2), m.suggest.0));
    for (i, name) in ["short", "long", "pinyin", "typo"].iter().enumerate() {
        row(&format!("recall-set query p50 / p95 (browser bench classes): {name}"), &|m| {
            let (_, n, p50, p95) = m.browser[i];
            format!("{} / {} (n={n})", ms(p50), ms(p95))
        });
    }
    row("peak RSS (VmHWM)", &|m| m.peak_kb.map(|kb| format!("{:.0} MB", kb as f64 / 1024.0)).unwrap_or_else(|| "n/a".into()));
    let _ = writeln!(out, "\ntotal wall time {:.1} s", started.elapsed().as_secs_f64());
    println!("{out}");
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().map(|t| t.join("search-bench.md"));
    if let Some(path) = path {
        if std::fs::write(&path, &out).is_ok() {
            eprintln!("(written to {})", path.display());
        }
    }
}
