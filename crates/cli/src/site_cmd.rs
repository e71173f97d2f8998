//! `mingbai site <library-dir> --out <dir> [--base-url URL] [--today YYYY-MM-DD]`: writes a
//! complete HTML file for every stable route and entry into a built app folder (the publishers'
//! command; `scripts/build` runs it for the embedded library).
//!
//! Layout, for any static host without a rewrite rule: `/` is `index.html`, every other page is
//! `<path>/index.html` (`qa/qa-001/index.html`). Each file is the app's own `index.html` (its
//! head: stylesheet, CSP with hashes, the loader) with the page's title, description, canonical
//! URL, Open Graph tags and JSON-LD, and the page's frame and content in `#boot`; the app takes
//! it over when it starts (src/platform/takeover.rs). Paths not pre-rendered keep the host's
//! fallback to `index.html`, which then starts the app at once (index.html's boot script sees
//! the page was rendered for another path). Also writes `sitemap.xml`, `robots.txt` and
//! `app-shell.html` (the untouched app page, the template of later runs).

use crate::check::load_dir;
use std::io::Write;
use mingbai_core::browse::is_expired;
use mingbai_core::{FileRole, IsoDate, Library};
use mingbai_view::frame;
use mingbai_view::html::{escape, to_html};
use mingbai_view::markup::{el, Markup, Node};
use mingbai_view::route::{Query, Route};
use mingbai_view::site::Site;
use mingbai_view::structured::json_ld;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "mingbai site <library-dir> --out <dir> [--base-url https://example.gov.cn/] [--today YYYY-MM-DD]";
const SHELL: &str = "app-shell.html";

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut positional = Vec::new();
    let (mut out, mut base, mut today) = (None, String::new(), None);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--out" => out = args.get(i + 1).map(PathBuf::from),
            "--base-url" => base = args.get(i + 1).cloned().unwrap_or_default(),
            "--today" => {
                let text = args.get(i + 1).ok_or(USAGE)?;
                today = Some(IsoDate::parse(text).map_err(|e| format!("--today：{e}"))?);
            }
            other if other.starts_with("--") => return Err(format!("未知选项 {other}\n{USAGE}")),
            other => {
                positional.push(other.to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    let ([dir], Some(out)) = (positional.as_slice(), out) else { return Err(USAGE.to_string()) };
    let base = normalise_base(&base)?;
    let today = today.or_else(crate::index_cmd::system_today).unwrap_or_else(|| IsoDate::parse("2024-01-01").expect("constant date"));
    let template = read_template(&out)?;

    let report = load_dir(Path::new(dir));
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    if report.library.manifest.is_none() {
        return Err(format!("无法打开政策库 {dir}：请先运行 mingbai check {dir} 查看原因"));
    }
    if errors > 0 {
        say(&format!("警告：政策库有 {errors} 个错误，出错的条目不生成页面（详情见 mingbai check {dir}）"));
    }
    let library_url = library_url(&out);
    let pages = write_site(&report.library, &template, &out, &base, &library_url, today)?;
    write_sitemap(&out, &base, &pages)?;
    write_robots(&out, &base)?;
    say(&format!("已生成 {} 个页面、sitemap.xml 和 robots.txt → {}", pages.len(), out.display()));
    if base.is_empty() {
        say("提示：未指定 --base-url，sitemap.xml 和规范网址只含路径；发布到网站前请用 --base-url 填写网站地址。");
    }
    Ok(ExitCode::SUCCESS)
}

/// One line on stdout; a closed pipe is not an error worth a panic.
fn say(line: &str) {
    let _ = writeln!(std::io::stdout(), "{line}");
}

/// `https://x.gov.cn/mingbai/` → `https://x.gov.cn/mingbai` (paths start with `/`).
fn normalise_base(base: &str) -> Result<String, String> {
    if base.is_empty() {
        return Ok(String::new());
    }
    let url = url::Url::parse(base).map_err(|e| format!("--base-url “{base}” 不是有效的网址：{e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("--base-url “{base}” 必须以 http:// 或 https:// 开头"));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

/// The app's page: `app-shell.html` from an earlier run, else the built `index.html`.
fn read_template(out: &Path) -> Result<String, String> {
    let shell = out.join(SHELL);
    let index = out.join("index.html");
    let text = std::fs::read_to_string(&shell)
        .or_else(|_| std::fs::read_to_string(&index))
        .map_err(|e| format!("找不到已构建的应用 {}（{e}）：请先运行 bash scripts/build", index.display()))?;
    if text.contains("<html lang=\"zh-CN\" data-prerendered=") {
        return Err(format!("{} 已是预渲染页面，且没有 {SHELL}：请重新构建应用", index.display()));
    }
    if !text.contains("<div id=\"boot\">") || !text.contains("<div id=\"app\">") {
        return Err(format!("{} 不是本应用的页面（缺少 #boot 或 #app）", index.display()));
    }
    std::fs::write(&shell, &text).map_err(|e| format!("无法写入 {}：{e}", shell.display()))?;
    Ok(text)
}

/// Where the app reads the library (config.json `library`, default `library/`), as a URL on
/// a placeholder origin: links in the data resolve against it.
fn library_url(out: &Path) -> url::Url {
    let configured = std::fs::read_to_string(out.join("config.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.get("library").and_then(|l| l.as_str()).map(str::to_string))
        .unwrap_or_else(|| "library/".to_string());
    let root = url::Url::parse(PLACEHOLDER).expect("constant URL");
    let dir = if configured.ends_with('/') { configured } else { format!("{configured}/") };
    root.join(&dir).and_then(|d| d.join("manifest.json")).unwrap_or(root)
}

const PLACEHOLDER: &str = "https://site.invalid/";

/// A written page: its path and the date it last changed.
pub struct Written {
    pub path: String,
    pub lastmod: Option<String>,
}

fn ymd(d: &IsoDate) -> String {
    let (y, m, day) = d.ymd();
    format!("{y:04}-{m:02}-{day:02}")
}

/// Every stable route of the library with its last change.
fn routes(lib: &Library, today: IsoDate) -> Vec<(Route, Option<String>)> {
    let updated = lib.manifest.as_ref().and_then(|m| m.updated.as_ref()).map(ymd);
    let mut out: Vec<(Route, Option<String>)> = [
        Route::Home,
        Route::Policies,
        Route::Cards,
        Route::QaList,
        Route::Notices,
        Route::Topics,
        Route::Search,
        Route::Privacy,
    ]
    .into_iter()
    .map(|r| (r, updated.clone()))
    .collect();
    for p in &lib.policies {
        out.push((Route::Policy(p.id.clone()), p.published_date.as_ref().or(p.written_date.as_ref()).map(ymd)));
    }
    for c in &lib.cards {
        out.push((Route::Card(c.id.clone()), Some(ymd(&c.published_date))));
    }
    for q in &lib.qa {
        out.push((Route::Qa(q.id.clone()), Some(ymd(&q.updated))));
    }
    for n in lib.notices.iter().filter(|n| !is_expired(n, &today)) {
        out.push((Route::Notice(n.id.clone()), Some(ymd(&n.published))));
    }
    for t in &lib.topics {
        out.push((Route::Topic(t.id.clone()), updated.clone()));
    }
    out
}

/// Whether an id can name a folder on disk (ids are URL-safe already; these are not names).
fn safe_folder(id: &str) -> bool {
    !id.is_empty() && id != "." && id != ".." && !id.contains(['/', '\\', '\0'])
}

fn write_site(lib: &Library, template: &str, out: &Path, base: &str, library_url: &url::Url, today: IsoDate) -> Result<Vec<Written>, String> {
    let hotline = lib
        .manifest
        .as_ref()
        .and_then(|m| m.hotline.as_deref())
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .unwrap_or("12345")
        .to_string();
    let hotline = configured_hotline(out).unwrap_or(hotline);
    let feedback = feedback_configured(out);
    let resolve = |link: &str| -> Option<String> {
        let url = library_url.join(link).ok()?;
        let text = url.as_str();
        // Same site: a root-relative path, as the app's links are.
        Some(match text.strip_prefix(PLACEHOLDER) {
            Some(path) => format!("/{path}"),
            None => text.to_string(),
        })
    };
    let mut written = Vec::new();
    for (route, lastmod) in routes(lib, today.clone()) {
        if let Some((_, id)) = route.item_of() {
            if !safe_folder(id) {
                eprintln!("跳过 {}：id 不能作为文件夹名", route.path());
                continue;
            }
        }
        let path = route.path();
        let page_url = format!("{base}{path}");
        let site = Site {
            library: lib,
            today: Some(today.clone()),
            hotline: &hotline,
            resolve: &resolve,
            kinds: &FileRole::ALL,
            failed: &[],
            device: None,
            kiosk: false,
            page_url: (!base.is_empty()).then_some(page_url.as_str()),
            feedback,
        };
        let page = mingbai_view::render(&site, &route, &Query::default(), None);
        let html = document(template, &site, &route, page, base);
        let file = file_of(out, &route);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("无法创建 {}：{e}", parent.display()))?;
        }
        std::fs::write(&file, html).map_err(|e| format!("无法写入 {}：{e}", file.display()))?;
        written.push(Written { path, lastmod });
    }
    Ok(written)
}

fn configured_hotline(out: &Path) -> Option<String> {
    let text = std::fs::read_to_string(out.join("config.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v.get("hotline")?.as_str().map(str::trim).filter(|h| !h.is_empty()).map(str::to_string)
}

/// Whether `out/config.json` turns feedback on (`"feedback": {"endpoint": "…"}`, not empty): the
/// pages then carry the 有用/没用 block, as the app draws them.
fn feedback_configured(out: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(out.join("config.json")) else { return false };
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else { return false };
    v.get("feedback")
        .and_then(|f| f.get("endpoint"))
        .and_then(serde_json::Value::as_str)
        .is_some_and(|e| !e.trim().is_empty())
}

/// `out/index.html` for `/`, else `out/<path>/index.html` (ids as they are, not %-encoded:
/// hosts decode the URL before they look for the file).
fn file_of(out: &Path, route: &Route) -> PathBuf {
    let mut file = out.to_path_buf();
    for part in route.path().split('/').filter(|p| !p.is_empty()) {
        file.push(mingbai_view::route::decode(part));
    }
    file.join("index.html")
}

/// The template with this page's head and `#boot`.
fn document(template: &str, site: &Site, route: &Route, mut page: mingbai_view::site::Page, base: &str) -> String {
    let path = route.path();
    let mut head = String::new();
    let canonical = format!("{base}{path}");
    if !base.is_empty() {
        head.push_str(&format!("<link rel=\"canonical\" href=\"{}\" />\n", escape(&canonical)));
        head.push_str(&format!("<meta property=\"og:url\" content=\"{}\" />\n", escape(&canonical)));
    }
    head.push_str(&format!("<meta property=\"og:title\" content=\"{}\" />\n", escape(&page.title)));
    head.push_str(&format!("<meta property=\"og:description\" content=\"{}\" />\n", escape(&page.description)));
    head.push_str(&format!("<meta property=\"og:site_name\" content=\"{}\" />\n", escape(site.library.name())));
    let kind = if route.item_of().is_some() { "article" } else { "website" };
    head.push_str(&format!("<meta property=\"og:type\" content=\"{kind}\" />\n<meta property=\"og:locale\" content=\"zh_CN\" />\n"));
    for data in json_ld(site, route, &page.title, &page.description, base) {
        // `<` only occurs inside JSON strings: as \u003c no `</script>` can end the block.
        let json = serde_json::to_string(&data).unwrap_or_default().replace('<', "\\u003c");
        head.push_str(&format!("<script type=\"application/ld+json\">{json}</script>\n"));
    }

    // As the app draws `main`: offline notice, message line, page tools, the page.
    let mut main: Vec<Node> = vec![el("div").class("offline-region").attr("role", "status").into(), frame::message_line().into()];
    if let Some(tools) = frame::page_tools(site, route) {
        main.extend(tools.0);
    }
    main.extend(std::mem::take(&mut page.body).0);
    let boot = Markup(vec![
        frame::skip_link().into(),
        frame::header(site, &path).into(),
        el("main").id("main").attr("tabindex", "-1").children(main).into(),
        frame::footer(site.hotline).into(),
    ]);

    let mut html = template.to_string();
    html = replace_between(&html, "<title>", "</title>", &escape(&page.document_title()));
    html = replace_meta_description(&html, &page.description);
    html = html.replacen("<html lang=\"zh-CN\">", &format!("<html lang=\"zh-CN\" data-prerendered=\"{}\">", escape(&path)), 1);
    html = html.replacen("</head>", &format!("{head}</head>"), 1);
    if let (Some(a), Some(b)) = (html.find("<div id=\"boot\">"), html.find("<div id=\"app\">")) {
        if a < b {
            html.replace_range(a..b, &format!("<div id=\"boot\">{}</div>\n", to_html(&boot)));
        }
    }
    html
}

fn replace_between(html: &str, open: &str, close: &str, with: &str) -> String {
    match (html.find(open), html.find(close)) {
        (Some(a), Some(b)) if a < b => format!("{}{open}{with}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    }
}

fn replace_meta_description(html: &str, description: &str) -> String {
    let marker = "<meta name=\"description\" content=\"";
    let Some(a) = html.find(marker) else { return html.to_string() };
    let start = a + marker.len();
    let Some(len) = html[start..].find('"') else { return html.to_string() };
    format!("{}{}{}", &html[..start], escape(description), &html[start + len..])
}

fn write_sitemap(out: &Path, base: &str, pages: &[Written]) -> Result<(), String> {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in pages {
        xml.push_str(&format!("  <url><loc>{}</loc>", escape(&format!("{base}{}", p.path))));
        if let Some(lastmod) = &p.lastmod {
            xml.push_str(&format!("<lastmod>{lastmod}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    std::fs::write(out.join("sitemap.xml"), xml).map_err(|e| format!("无法写入 sitemap.xml：{e}"))
}

fn write_robots(out: &Path, base: &str) -> Result<(), String> {
    let mut text = String::from("User-agent: *\nAllow: /\nDisallow: /embed/\nDisallow: /kiosk\nDisallow: /screen\nDisallow: /inbox\n");
    if !base.is_empty() {
        text.push_str(&format!("Sitemap: {base}/sitemap.xml\n"));
    }
    std::fs::write(out.join("robots.txt"), text).map_err(|e| format!("无法写入 robots.txt：{e}"))
}
