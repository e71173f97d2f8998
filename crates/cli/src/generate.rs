//! The library behind `mingbai generate` (see `generate_cmd.rs`): a realistic synthetic library for search
//! benchmarks and recall tests. Deterministic for a given (N, seed): own PRNG (splitmix64), no
//! hash-order dependence. Entries split about policies 10%, cards 10%, Q&A 60%, notices 15%,
//! topics 5%; list files are sharded every [`SHARD`] entries. The output passes `mingbai check`
//! with 0 errors.
//!
//! Vocabulary: `data/vocab.tsv` (derived once by `tools/gen_vocab.py` from the embedded library,
//! ECSpell and the Guangdong service catalogue names; licences in `data/LICENSES.md`). Every
//! generated policy, date, number and phone is fictional.

use mingbai_core::*;
use std::collections::HashSet;
use std::path::Path;

const VOCAB: &str = include_str!("../data/vocab.tsv");
/// Entries per shard file.
pub const SHARD: usize = 2000;
/// Bumped whenever the output for a given (entries, seed) changes (benchmark caches key on it).
pub const GENERATOR_VERSION: u32 = 1;
/// The default seed of `mingbai generate` and of the committed generated-library query set.
pub const DEFAULT_SEED: u64 = 20250709;

/// A generated library, ready to write.
pub struct Generated {
    pub manifest: Manifest,
    pub policies: Vec<Policy>,
    pub cards: Vec<Card>,
    pub qa: Vec<Qa>,
    pub notices: Vec<Notice>,
    pub topics: Vec<Topic>,
    pub taxonomy: Taxonomy,
    pub synonyms: Vec<Synonym>,
}

/// Writes the library as `manifest.json` plus sharded list files; returns the number of files.
pub fn write(lib: &Generated, dir: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut count = 0;
    let mut put = |name: &str, value: &dyn erased::Json| -> std::io::Result<()> {
        count += 1;
        std::fs::write(dir.join(name), value.to_json())
    };
    put("taxonomy.json", &lib.taxonomy)?;
    put("synonyms.json", &lib.synonyms)?;
    fn shards<T: serde::Serialize>(
        kind: &str,
        items: &[T],
        put: &mut dyn FnMut(&str, &dyn erased::Json) -> std::io::Result<()>,
    ) -> std::io::Result<FileList> {
        let mut names = Vec::new();
        for (i, chunk) in items.chunks(SHARD).enumerate() {
            let name = format!("{kind}-{:03}.json", i + 1);
            put(&name, &chunk)?;
            names.push(name);
        }
        Ok(FileList::Many(names))
    }
    let mut manifest = lib.manifest.clone();
    manifest.files.policies = shards("policies", &lib.policies, &mut put)?;
    manifest.files.cards = shards("cards", &lib.cards, &mut put)?;
    manifest.files.qa = shards("qa", &lib.qa, &mut put)?;
    manifest.files.notices = shards("notices", &lib.notices, &mut put)?;
    manifest.files.topics = shards("topics", &lib.topics, &mut put)?;
    manifest.files.taxonomy = Some("taxonomy.json".into());
    manifest.files.synonyms = Some("synonyms.json".into());
    let text = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
    std::fs::write(dir.join("manifest.json"), text)?;
    Ok(count + 1)
}

mod erased {
    /// Object-safe serialisation to compact JSON.
    pub trait Json {
        fn to_json(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize + ?Sized> Json for T {
        fn to_json(&self) -> Vec<u8> {
            serde_json::to_vec(self).expect("library types serialise")
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Randomness and dates

/// splitmix64: tiny, fast, and good enough for picking words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Up to `n` distinct items.
    fn some<T: Clone + PartialEq>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut out: Vec<T> = Vec::new();
        for _ in 0..n * 3 {
            if out.len() >= n.min(items.len()) {
                break;
            }
            let item = self.pick(items).clone();
            if !out.contains(&item) {
                out.push(item);
            }
        }
        out
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithms).
fn day_number(y: i64, m: i64, d: i64) -> i64 {
    let y = y - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn date(days: i64) -> IsoDate {
    let (y, m, d) = civil(days);
    IsoDate::from_ymd(y as i32, m as u8, d as u8).expect("civil dates are valid")
}

fn year_of(days: i64) -> i64 {
    civil(days).0
}

/// The last day generated content may carry.
fn last_day() -> i64 {
    day_number(2025, 6, 30)
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

struct Region {
    label: String,
    id: String,
    abbr: String,
}

struct Department {
    name: String,
    code: String,
    themes: Vec<String>,
}

struct Service {
    official: String,
    /// Short and everyday names, as people say them.
    names: Vec<String>,
    themes: Vec<String>,
    audiences: Vec<String>,
}

/// Everyday names that are questions or fragments, not names of a thing ("怎么办", "要带什么材料").
fn is_name(n: &str) -> bool {
    n.chars().count() >= 2 && !["怎么", "什么", "哪", "吗", "谁", "（", "("].iter().any(|q| n.contains(q))
}

impl Service {
    /// A name for titles: the first short name when it reads as one, else the official name.
    fn short(&self) -> &str {
        self.names
            .iter()
            .find(|n| is_name(n) && n.chars().count() >= 3 && n.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
            .map(String::as_str)
            .unwrap_or(&self.official)
    }
    /// What a citizen calls it: an everyday name, or the short name.
    fn daily(&self, rng: &mut Rng) -> String {
        let good: Vec<&String> = self.names.iter().filter(|n| is_name(n)).collect();
        if good.is_empty() {
            self.short().to_string()
        } else {
            rng.pick(&good).to_string()
        }
    }
}

struct Vocab {
    regions: Vec<Region>,
    departments: Vec<Department>,
    themes: Vec<Term>,
    audiences: Vec<Term>,
    synonyms: Vec<Synonym>,
    services: Vec<Service>,
    tasks: Vec<String>,
    clauses: Vec<String>,
    phrases: Vec<String>,
    sentences: Vec<String>,
}

fn vocab() -> Vocab {
    let mut v = Vocab {
        regions: vec![],
        departments: vec![],
        themes: vec![],
        audiences: vec![],
        synonyms: vec![],
        services: vec![],
        tasks: vec![],
        clauses: vec![],
        phrases: vec![],
        sentences: vec![],
    };
    let list = |s: &str, sep: char| -> Vec<String> { s.split(sep).filter(|x| !x.is_empty()).map(str::to_string).collect() };
    for line in VOCAB.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let at = |i: usize| f.get(i).copied().unwrap_or("");
        match f[0] {
            "region" => v.regions.push(Region { label: at(1).into(), id: at(2).into(), abbr: at(3).into() }),
            "department" => v.departments.push(Department { name: at(1).into(), code: at(2).into(), themes: list(at(3), ' ') }),
            "theme" => v.themes.push(Term { id: at(1).into(), label: at(2).into(), public: None }),
            "audience" => v.audiences.push(Term { id: at(1).into(), label: at(2).into(), public: None }),
            "synonym" => v.synonyms.push(Synonym { term: at(1).into(), aliases: list(at(2), ',') }),
            "service" => v.services.push(Service {
                official: at(1).into(),
                names: list(at(2), ','),
                themes: list(at(3), ' '),
                audiences: list(at(4), ' '),
            }),
            "task" => v.tasks.push(at(1).into()),
            "clause" => v.clauses.push(at(1).into()),
            "phrase" => v.phrases.push(at(1).into()),
            "sentence" => v.sentences.push(at(1).into()),
            _ => {}
        }
    }
    v
}

// ---------------------------------------------------------------------------------------------
// The library

/// What the generator remembers of a policy beyond the `Policy` itself.
struct PolicyInfo {
    service: usize,
    region: usize,
    dept: usize,
    base_title: String,
    published: i64,
}

const MATERIALS: [&str; 12] = [
    "居民身份证",
    "户口簿",
    "社会保障卡",
    "银行账户信息",
    "申请表",
    "劳动合同",
    "营业执照",
    "不动产权证书",
    "医疗机构诊断证明",
    "毕业证书",
    "退役证件",
    "授权委托书",
];

const QUESTIONS: [&str; 14] = [
    "{d}怎么办理？",
    "{d}需要准备哪些材料？",
    "{d}在哪里办？",
    "{d}多长时间能办好？",
    "{d}能在网上办吗？",
    "申请{d}要符合什么条件？",
    "{r}{d}找哪个部门？",
    "{a}{d}有什么政策？",
    "{d}要交费吗？",
    "{d}的标准是多少？",
    "{d}办不下来怎么办？",
    "{d}可以请别人代办吗？",
    "{d}的流程是什么？",
    "{d}有没有时间限制？",
];

const EVENTS: [(&str, &str); 16] = [
    ("找工作", "employment"),
    ("创业", "employment"),
    ("退休", "social-security"),
    ("生小孩", "childcare"),
    ("买房子", "housing"),
    ("租房子", "housing"),
    ("孩子上学", "education"),
    ("残疾人服务", "social-assistance"),
    ("高校毕业生就业", "employment"),
    ("企业开办", "business-environment"),
    ("社保办理", "social-security"),
    ("老年人服务", "elderly-care"),
    ("困难群众救助", "social-assistance"),
    ("惠农补贴申领", "farm-subsidies"),
    ("看病就医", "healthcare"),
    ("老旧小区改造", "urban-renewal"),
];

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn fill(template: &str, d: &str, r: &str, a: &str) -> String {
    template.replace("{d}", d).replace("{r}", r).replace("{a}", a)
}

fn labels<'a>(terms: &'a [Term], ids: &[String]) -> Vec<&'a str> {
    ids.iter().filter_map(|id| terms.iter().find(|t| t.id == *id).map(|t| t.label.as_str())).collect()
}

/// Picks a title not used yet; after a few tries accepts a repeat (real libraries have some).
fn unique(used: &mut HashSet<String>, mut make: impl FnMut(usize) -> String) -> String {
    let mut title = String::new();
    for attempt in 0..8 {
        title = make(attempt);
        if !used.contains(&title) {
            break;
        }
    }
    used.insert(title.clone());
    title
}

/// Generates a library of about `entries` items.
pub fn generate(entries: usize, seed: u64) -> Generated {
    let v = vocab();
    let mut rng = Rng(seed ^ 0x6d69_6e67_6261_6900);
    let n_policies = (entries / 10).max(1);
    let n_cards = entries / 10;
    let n_notices = entries * 15 / 100;
    let n_topics = entries / 20;
    let n_qa = entries.saturating_sub(n_policies + n_cards + n_notices + n_topics);

    let by_theme = |theme: &str| -> Vec<usize> { (0..v.services.len()).filter(|i| v.services[*i].themes.iter().any(|t| t == theme)).collect() };
    let theme_services: Vec<(String, Vec<usize>)> = v.themes.iter().map(|t| (t.id.clone(), by_theme(&t.id))).collect();
    let services_for = |theme: &str| -> &[usize] { theme_services.iter().find(|(t, _)| t == theme).map(|(_, s)| s.as_slice()).unwrap_or(&[]) };
    let theme_label = |id: &str| v.themes.iter().find(|t| t.id == id).map(|t| t.label.as_str()).unwrap_or("政务服务");

    // ---- policies
    let mut policies: Vec<Policy> = Vec::with_capacity(n_policies);
    let mut infos: Vec<PolicyInfo> = Vec::with_capacity(n_policies);
    let mut titles: HashSet<String> = HashSet::new();
    let mut numbers: Vec<(String, i64, u32)> = Vec::new(); // (prefix, year, last number)
    let mut by_service: Vec<Vec<usize>> = vec![Vec::new(); v.services.len()];
    for i in 0..n_policies {
        // A revision of an earlier, still effective policy?
        let revise = if i > 4 && rng.chance(0.13) {
            let j = rng.below(i);
            (policies[j].status == PolicyStatus::Effective && year_of(infos[j].published) < 2025).then_some(j)
        } else {
            None
        };
        let (region, dept, service, theme, base_title, published, revision_of);
        if let Some(j) = revise {
            region = infos[j].region;
            dept = infos[j].dept;
            service = infos[j].service;
            theme = policies[j].themes.first().cloned().unwrap_or_default();
            base_title = infos[j].base_title.clone();
            let start = (infos[j].published + rng.range(300, 1100)).min(last_day() - rng.range(0, 60));
            published = start.max(infos[j].published + 30);
            revision_of = Some(j);
        } else {
            region = rng.below(v.regions.len());
            dept = rng.below(v.departments.len());
            theme = rng.pick(&v.departments[dept].themes).clone();
            let candidates = services_for(&theme);
            service = if candidates.is_empty() || rng.chance(0.08) { rng.below(v.services.len()) } else { *rng.pick(candidates) };
            published = day_number(2018, 1, 1) + rng.range(0, last_day() - day_number(2018, 1, 1));
            let r = &v.regions[region].label;
            let s = v.services[service].short().to_string();
            let o = v.services[service].official.clone();
            let year = year_of(published);
            let t = theme_label(&theme);
            let first = rng.below(9);
            base_title = unique(&mut titles, |attempt| {
                let task = v.tasks[(first * 7 + attempt * 13 + i) % v.tasks.len()].clone();
                match (first + attempt) % 9 {
                    0 => format!("关于印发{r}{s}实施办法的通知"),
                    1 => format!("关于进一步做好{o}工作的通知"),
                    2 => format!("{r}{s}管理办法"),
                    3 => format!("关于印发《{r}{s}服务指南》的通知"),
                    4 => format!("关于调整{r}{s}标准的通知"),
                    5 => format!("关于印发{year}年{r}{t}工作要点的通知"),
                    6 => format!("{r}关于{task}的实施意见"),
                    7 => format!("关于印发{r}{t}三年行动方案（{year}—{}年）的通知", year + 2),
                    _ => format!("{r}{o}工作规程（试行）"),
                }
            });
            revision_of = None;
        }
        let year = year_of(published);
        let title = match revision_of {
            Some(_) => {
                let marked = match base_title.strip_suffix("的通知") {
                    Some(head) => format!("{head}（{year}年修订）的通知"),
                    None => format!("{base_title}（{year}年修订）"),
                };
                unique(&mut titles, |k| if k == 0 { marked.clone() } else { format!("{marked}（{k}）") })
            }
            None => base_title.clone(),
        };
        let written = published - rng.range(0, 9);
        let r = &v.regions[region];
        let d = &v.departments[dept];
        let prefix = format!("{}{}", r.abbr, d.code);
        let doc_number = (!rng.chance(0.05)).then(|| {
            let slot = match numbers.iter().position(|(p, y, _)| *p == prefix && *y == year) {
                Some(k) => k,
                None => {
                    numbers.push((prefix.clone(), year, 0));
                    numbers.len() - 1
                }
            };
            numbers[slot].2 += 1 + rng.below(3) as u32;
            format!("{prefix}〔{year}〕{}号", numbers[slot].2)
        });
        let issuer = format!("{}{}", r.label, d.name);
        let svc = &v.services[service];
        let mut themes: Vec<String> = svc.themes.iter().filter(|t| v.themes.iter().any(|x| x.id == **t)).cloned().collect();
        if !theme.is_empty() && !themes.contains(&theme) {
            themes.push(theme.clone());
        }
        let mut audiences: Vec<String> = svc.audiences.clone();
        if audiences.is_empty() || rng.chance(0.4) {
            let extra = rng.pick(&v.audiences).id.clone();
            if !audiences.contains(&extra) {
                audiences.push(extra);
            }
        }
        let audience_labels = labels(&v.audiences, &audiences);
        let who = audience_labels.join("、");
        let s = svc.short();
        let o = &svc.official;
        let mut sections: Vec<Section> = Vec::new();
        let mut section = |heading: &str, paragraphs: Vec<String>| {
            let n = sections.len();
            sections.push(Section { id: format!("s{}", n + 1), heading: format!("{}、{heading}", NUMERALS[n]), paragraphs });
        };
        section(
            "总体要求",
            vec![
                format!("为进一步做好{o}工作，结合{}实际，制定本{}。", r.label, if title.contains("办法") { "办法" } else { "通知" }),
                format!("{}工作中要坚持{}、{}。", rng.pick(&v.sentences), rng.pick(&v.phrases), rng.pick(&v.phrases)),
            ],
        );
        section(
            "适用对象",
            vec![format!(
                "本{}适用于在{}行政区域内申请{o}的{who}。申请人应当具有{}户籍，或在{}连续缴纳社会保险满{}个月。",
                if title.contains("办法") { "办法" } else { "通知" },
                r.label,
                r.label,
                r.label,
                rng.range(3, 12)
            )],
        );
        let amount = rng.range(2, 60) * 50;
        let has_standard = rng.chance(0.6);
        if has_standard {
            section(
                "支持内容和标准",
                vec![format!(
                    "符合条件的，按每人每月{amount}元标准给予补贴，最长不超过{}个月。{}",
                    rng.range(6, 36),
                    rng.pick(&v.clauses)
                )],
            );
        }
        let materials = rng.some(&MATERIALS, 3);
        section("申请材料", vec![format!("申请{s}需提供{}等材料。材料齐全、符合法定形式的，当场受理。", materials.join("、"))]);
        let names = svc.names.iter().take(3).cloned().collect::<Vec<_>>().join("、");
        section(
            "办理流程",
            vec![format!(
                "申请人可通过“爱山东”政务服务平台、{}政务服务中心{}窗口办理{o}，{}个工作日内办结。{}可拨打12345政务服务便民热线咨询。",
                r.label,
                if d.name.starts_with("人民政府") { "综合受理" } else { &d.name },
                rng.range(3, 20),
                if names.is_empty() { String::new() } else { format!("{names}等事项，") }
            )],
        );
        if rng.chance(0.5) {
            section("监督管理", vec![rng.pick(&v.sentences).clone(), rng.pick(&v.clauses).clone()]);
        }
        let mut closing = format!("本{}自{}起施行。", if title.contains("办法") { "办法" } else { "通知" }, date(published).chinese());
        if let Some(j) = revision_of {
            closing.push_str(&format!("《{}》（{}）同时废止。", policies[j].title, policies[j].doc_number.clone().unwrap_or_else(|| "无文号".into())));
        }
        section("附则", vec![closing]);

        let summary = format!("{}{}明确了{s}的适用对象、{}和办理流程。", r.label, d.name, if has_standard { "补贴标准" } else { "办理条件" });
        let id = format!("{}-{}-{:05}", r.id, year, i + 1);
        let mut policy = Policy {
            id: id.clone(),
            title,
            doc_number,
            issuer,
            written_date: Some(date(written)),
            published_date: Some(date(published)),
            status: PolicyStatus::Effective,
            repealed_date: None,
            themes,
            audiences,
            regions: vec![r.id.clone()],
            summary,
            sections,
            supersedes: None,
            superseded_by: None,
            attachments: vec![],
            source_url: None,
        };
        if let Some(j) = revision_of {
            policy.supersedes = Some(policies[j].id.clone());
            policies[j].status = PolicyStatus::Revised;
            policies[j].superseded_by = Some(id);
        } else if year <= 2023 && rng.chance(0.08) {
            policy.status = PolicyStatus::Repealed;
            policy.repealed_date = Some(date((published + rng.range(200, 1200)).min(last_day())));
        } else if year <= 2022 && rng.chance(0.06) {
            policy.status = PolicyStatus::Expired;
        }
        by_service[service].push(i);
        policies.push(policy);
        infos.push(PolicyInfo { service, region, dept, base_title, published });
    }
    let effective: Vec<usize> = (0..policies.len()).filter(|i| policies[*i].status == PolicyStatus::Effective).collect();

    // ---- cards: plain-language readings of effective policies
    let mut cards: Vec<Card> = Vec::with_capacity(n_cards);
    let mut card_titles: HashSet<String> = HashSet::new();
    let mut cards_by_policy: Vec<Vec<usize>> = vec![Vec::new(); policies.len()];
    for i in 0..n_cards {
        let p = *rng.pick(&effective);
        let info = &infos[p];
        let policy = &policies[p];
        let svc = &v.services[info.service];
        let s = svc.short();
        let r = &v.regions[info.region].label;
        let who = labels(&v.audiences, &policy.audiences).first().copied().unwrap_or("群众").to_string();
        let first = rng.below(4);
        let title = unique(&mut card_titles, |k| match (first + k) % 5 {
            0 => format!("一张卡看懂：{r}{s}"),
            1 => format!("{s}怎么申请？看这张卡"),
            2 => format!("{who}注意：{r}{s}这样办"),
            3 => format!("{r}{s}明白卡"),
            _ => format!("{}年{r}{s}政策解读", year_of(info.published)),
        });
        let amount = rng.range(2, 60) * 50;
        let changes = match &policy.supersedes {
            Some(_) => vec![Change { before: format!("补贴标准每人每月{}元", amount - 50), after: format!("补贴标准每人每月{amount}元") }],
            None => vec![],
        };
        let published = (info.published + rng.range(0, 30)).min(last_day());
        let card = Card {
            id: format!("card-{:06}", i + 1),
            policy_id: policy.id.clone(),
            title,
            summary: format!("{r}的{who}可以申请{s}，准备好材料到政务服务中心或在网上就能办。"),
            key_points: vec![
                TitledText { title: "谁能申请".into(), text: format!("{r}户籍或在{r}缴纳社保的{who}。") },
                TitledText { title: "能得到什么".into(), text: format!("符合条件的，每人每月{amount}元。") },
                TitledText { title: "怎么办".into(), text: format!("带上身份证到{r}政务服务中心，或在“爱山东”上申请{s}。") },
            ],
            eligibility: vec![format!("{r}户籍的{who}"), "近6个月连续缴纳社会保险".into()],
            benefits: vec![format!("每人每月{amount}元")],
            steps: vec![
                TitledText { title: "准备材料".into(), text: rng.some(&MATERIALS, 3).join("、") },
                TitledText { title: "提交申请".into(), text: format!("到{r}政务服务中心窗口或网上提交。") },
                TitledText { title: "等待审核".into(), text: format!("{}个工作日内告知结果。", rng.range(3, 15)) },
            ],
            materials: rng.some(&MATERIALS, 3).into_iter().map(str::to_string).collect(),
            changes,
            contacts: vec![Contact {
                name: format!("{r}{}", v.departments[info.dept].name),
                phone: format!("0531-8{:07}", rng.below(10_000_000)),
            }],
            deadline: rng.chance(0.2).then(|| date((published + rng.range(30, 200)).min(last_day() + 180))),
            published_date: date(published),
            themes: policy.themes.clone(),
            audiences: policy.audiences.clone(),
            expires: None,
            scope: None,
            regions: Vec::new(),
        };
        cards_by_policy[p].push(i);
        cards.push(card);
    }

    // ---- Q&A: questions in the words people use for the services
    let mut qa: Vec<Qa> = Vec::with_capacity(n_qa);
    let mut questions: HashSet<String> = HashSet::new();
    let mut qa_by_policy: Vec<Vec<usize>> = vec![Vec::new(); policies.len()];
    for i in 0..n_qa {
        let p = if rng.chance(0.85) && !effective.is_empty() { *rng.pick(&effective) } else { rng.below(policies.len()) };
        let info = &infos[p];
        let policy = &policies[p];
        let svc = &v.services[info.service];
        let r = v.regions[info.region].label.clone();
        let a = labels(&v.audiences, &policy.audiences).first().copied().unwrap_or("群众").to_string();
        let daily = svc.daily(&mut rng);
        let first = rng.below(QUESTIONS.len());
        let question = unique(&mut questions, |k| {
            let t = QUESTIONS[(first + k * 5) % QUESTIONS.len()];
            if k >= 4 {
                format!("{r}{}", fill(t, &daily, "", &a))
            } else {
                fill(t, &daily, &r, &a)
            }
        });
        let mut aliases = Vec::new();
        for _ in 0..rng.below(3) {
            let other = svc.daily(&mut rng);
            let alias = match rng.below(3) {
                0 => format!("{other}怎么弄"),
                1 => format!("{other}办理流程"),
                _ => format!("{}在哪办", svc.short()),
            };
            if alias != question && !aliases.contains(&alias) {
                aliases.push(alias);
            }
        }
        let cited = &policy.sections[rng.range(1, policy.sections.len() as i64 - 1) as usize];
        let answer = vec![
            format!("根据《{}》{}，{}", policy.title, cited.heading, cited.paragraphs.first().cloned().unwrap_or_default()),
            format!("{}办理{}，也可以拨打12345政务服务便民热线咨询。", if rng.chance(0.5) { "可以在“爱山东”政务服务平台" } else { "可以到区政务服务中心窗口" }, svc.short()),
        ];
        let x = rng.below(1000) as f64 / 1000.0;
        let hot = (x * x * x * 100.0) as u8;
        let updated = date(info.published + rng.range(0, (last_day() - info.published).max(0)));
        qa.push(Qa {
            id: format!("qa-{:06}", i + 1),
            question,
            aliases,
            answer,
            policy_refs: vec![PolicyRef { policy_id: policy.id.clone(), section: Some(cited.id.clone()) }],
            themes: policy.themes.clone(),
            audiences: policy.audiences.clone(),
            hot,
            updated,
            source: Some(format!("{r}12345政务服务便民热线知识库")),
            department: None,
            expires: None,
            scope: None,
            regions: Vec::new(),
        });
        qa_by_policy[p].push(i);
    }

    // ---- notices: targeted by taxonomy ids, linking to what they announce
    let mut notices: Vec<Notice> = Vec::with_capacity(n_notices);
    let mut notice_titles: HashSet<String> = HashSet::new();
    for i in 0..n_notices {
        let p = *rng.pick(&effective);
        let info = &infos[p];
        let policy = &policies[p];
        let svc = &v.services[info.service];
        let s = svc.short();
        let r = &v.regions[info.region].label;
        let who = labels(&v.audiences, &policy.audiences).first().copied().unwrap_or("群众").to_string();
        let published = (info.published + rng.range(0, 400)).min(last_day());
        let (_, month, day) = civil(published + 40);
        let year = year_of(published);
        let first = rng.below(5);
        let title = unique(&mut notice_titles, |k| match (first + k) % 6 {
            0 => format!("{r}{year}年度{s}申报工作启动"),
            1 => format!("关于{r}{s}政策调整的提醒"),
            2 => format!("{who}请注意：{s}请于{month}月{day}日前办理"),
            3 => format!("{r}：{}政策集中解读推送", theme_label(policy.themes.first().map(String::as_str).unwrap_or(""))),
            4 => format!("{r}{s}办理地点调整的通知"),
            _ => format!("{r}{year}年{month}月{s}办理提醒"),
        });
        let mut links = vec![ItemLink { kind: ItemKind::Policy, id: policy.id.clone() }];
        if let Some(c) = cards_by_policy[p].first() {
            links.push(ItemLink { kind: ItemKind::Card, id: cards[*c].id.clone() });
        }
        if let Some(q) = qa_by_policy[p].first() {
            links.push(ItemLink { kind: ItemKind::Qa, id: qa[*q].id.clone() });
        }
        let deadline = rng.chance(0.5).then(|| date(published + 40));
        notices.push(Notice {
            id: format!("notice-{:06}", i + 1),
            title,
            body: vec![
                format!("根据《{}》，{r}{who}可申请{s}。", policy.title),
                format!("请符合条件的{who}携带{}到{r}政务服务中心办理，或在“爱山东”政务服务平台在线申请。", rng.some(&MATERIALS, 2).join("、")),
                rng.pick(&v.clauses).clone(),
            ],
            published: date(published),
            expires: rng.chance(0.7).then(|| date(published + rng.range(30, 365))),
            deadline,
            priority: if rng.chance(0.1) { Priority::Urgent } else { Priority::Normal },
            themes: policy.themes.clone(),
            audiences: policy.audiences.clone(),
            regions: policy.regions.clone(),
            links,
        });
    }

    // ---- topics: "一件事" bundles of what belongs together
    let mut topics: Vec<Topic> = Vec::with_capacity(n_topics);
    let mut topic_titles: HashSet<String> = HashSet::new();
    for i in 0..n_topics {
        let (event, theme) = *rng.pick(&EVENTS);
        let region = rng.below(v.regions.len());
        let r = &v.regions[region].label;
        let related: Vec<usize> = (0..policies.len())
            .filter(|p| infos[*p].region == region && policies[*p].themes.iter().any(|t| t == theme))
            .take(40)
            .collect();
        let pool: Vec<usize> = if related.is_empty() { effective.iter().copied().filter(|p| infos[*p].region == region).take(40).collect() } else { related };
        let pool = if pool.is_empty() { effective.clone() } else { pool };
        let anchor = *rng.pick(&pool);
        let s = v.services[infos[anchor].service].short().to_string();
        let title = unique(&mut topic_titles, |k| match k {
            0 => format!("{r}{event}一件事"),
            1 => format!("{r}{s}一件事"),
            _ => format!("{r}{event}一件事（{s}）"),
        });
        let mut items: Vec<ItemLink> = Vec::new();
        for p in rng.some(&pool, 3) {
            items.push(ItemLink { kind: ItemKind::Policy, id: policies[p].id.clone() });
            if let Some(c) = cards_by_policy[p].first() {
                items.push(ItemLink { kind: ItemKind::Card, id: cards[*c].id.clone() });
            }
            for q in qa_by_policy[p].iter().take(2) {
                items.push(ItemLink { kind: ItemKind::Qa, id: qa[*q].id.clone() });
            }
        }
        topics.push(Topic {
            id: format!("topic-{:05}", i + 1),
            title,
            summary: format!("{r}{event}相关的政策文件、解读和常见问题，集中在这里：{s}等事项怎么办、去哪儿办、要带什么。"),
            items,
        });
    }

    // ---- synonyms: the embedded library's, plus everyday names of citizen-facing services
    let mut synonyms = v.synonyms.clone();
    let mut used: HashSet<String> = synonyms.iter().flat_map(|s| s.aliases.iter().cloned()).collect();
    let citizen = ["social-security", "employment", "social-assistance", "elderly-care", "childcare", "housing", "healthcare", "education"];
    for svc in &v.services {
        if synonyms.len() >= v.synonyms.len() + 100 || synonyms.iter().any(|s| s.term == svc.official) {
            continue;
        }
        if !svc.themes.iter().any(|t| citizen.contains(&t.as_str())) {
            continue;
        }
        let aliases: Vec<String> = svc
            .names
            .iter()
            .filter(|n| n.chars().count() >= 3 && !svc.official.contains(n.as_str()) && !used.contains(*n))
            .take(3)
            .cloned()
            .collect();
        if !aliases.is_empty() {
            used.extend(aliases.iter().cloned());
            synonyms.push(Synonym { term: svc.official.clone(), aliases });
        }
    }

    let manifest = Manifest {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        name: format!("生成的测试政策库（{entries}条）"),
        region: Some(v.regions.iter().map(|r| r.label.as_str()).collect::<Vec<_>>().join("、")),
        hotline: Some("12345".into()),
        updated: Some(date(last_day())),
        description: Some(format!(
            "由 mingbai generate 生成的合成数据（条目数 {entries}，种子 {seed}，生成器版本 {GENERATOR_VERSION}），用于搜索评测和性能测试。文件、文号、日期、金额和电话均为虚构，不代表任何政府实际发布的信息。词汇来源：本项目示例政策库、ECSpell（MIT）、Clarence-Kong/QABasedOnPolicyKnowledgeGraph（MIT）。"
        )),
        files: ManifestFiles::default(),
    };
    let taxonomy = Taxonomy {
        themes: v.themes.clone(),
        audiences: v.audiences.clone(),
        regions: v.regions.iter().map(|r| Term { id: r.id.clone(), label: r.label.clone(), public: None }).collect(),
        issuers: Vec::new(),
    };
    Generated { manifest, policies, cards, qa, notices, topics, taxonomy, synonyms }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for days in [0, 17_000, day_number(2024, 2, 29), last_day()] {
            let (y, m, d) = civil(days);
            assert_eq!(day_number(y, m, d), days);
        }
    }

    #[test]
    fn deterministic_and_split() {
        let a = generate(200, 7);
        let b = generate(200, 7);
        assert_eq!(a.policies, b.policies);
        assert_eq!(a.qa, b.qa);
        assert_eq!(a.policies.len(), 20);
        assert_eq!(a.cards.len(), 20);
        assert_eq!(a.notices.len(), 30);
        assert_eq!(a.topics.len(), 10);
        assert_eq!(a.qa.len(), 120);
    }
}
