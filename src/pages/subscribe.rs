//! `/subscribe`: the subscription profile, one question per screen (each answer travels in the
//! URL until "保存设置", so Back and reload just work), then a settings page to change it,
//! export it (link + QR code) or clear everything. `/import#v=1&…`: takes the settings of a
//! hand-off link after asking.

use super::inbox::notify_controls;
use crate::components::markup::{el, link, section, tx, El, Markup, Node};
use crate::components::page::{page, AppPage, Ctx};
use crate::runtime::subs;
use mingbai_view::action::Action;
use mingbai_view::route::{href_with_query, Route};
use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use mingbai_core::subscribe::{self as sub, Delivery, Profile, DEFAULT_REMIND_DAYS, REMIND_CHOICES};
use mingbai_core::{Library, Term};

/// `/subscribe`, `/import`, `/inbox` and `/privacy`: one component type for the four routes
/// (each distinct route view costs the router a few KB of wasm), dispatching on the path.
#[component]
pub fn SubsPage() -> impl IntoView {
    page(render_any)
}

fn render_any(cx: &Ctx) -> AppPage {
    // The router keeps this view when moving between the routes: follow the path.
    let page = cx.path.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    match page {
        "inbox" => super::inbox::render(cx),
        "import" => render_import(cx),
        _ => render(cx),
    }
}

/// The questions: step name, heading, the query keys it answers.
const STEPS: [(&str, &str, &[&str]); 4] = [
    ("who", "我是…", &["a"]),
    ("themes", "我关心的事", &["t"]),
    ("region", "我所在的地区", &["r"]),
    ("remind", "怎样提醒我", &["d", "m", "x"]),
];
/// How the intro and every question count: the questions only (the confirmation after them is
/// not a question, and says so).
const QUESTIONS: usize = STEPS.len();

/// The answers so far, from the URL (`a=x&a=y` from the forms, or `a=x,y` from links).
fn answers(query: &ParamsMap) -> Profile {
    let mut parts = Vec::new();
    for key in ["a", "t", "r", "x", "d", "m"] {
        for value in query.get_all(key).unwrap_or_default() {
            for part in value.split(',') {
                parts.push(format!("{key}={}", sub::encode_component(part)));
            }
        }
    }
    sub::from_query(&parts.join("&"))
}

fn step_href(step: &str, p: &Profile) -> String {
    format!("{}?step={step}&{}", Route::Subscribe.path(), sub::to_query(p))
}

fn render(cx: &Ctx) -> AppPage {
    let lib = &cx.loaded.library;
    let step = cx.query.get_str("step").unwrap_or("");
    let draft = answers(cx.query);
    if let Some(index) = STEPS.iter().position(|(name, _, _)| *name == step) {
        return question(lib, index, &draft);
    }
    if step == "check" {
        return check(lib, &draft);
    }
    subs::track(cx.rt);
    match subs::profile(cx.rt) {
        Some(p) => settings(lib, &p),
        None => intro(),
    }
}

fn intro() -> AppPage {
    AppPage::new("订阅提醒", Markup(vec![
        tx("h1", "订阅提醒").into(),
        tx("p", "政策找人：告诉我们您是谁、关心什么，与您有关的通知、申报截止日期和政策变动会自动出现在“消息”里。").class("lead").into(),
        tx("p", format!("只需回答 {QUESTIONS} 个简单问题，再确认一下就好。不用注册，不用填写姓名和电话。")).into(),
        el("p")
            .text("您的选择只保存在这台设备的浏览器里，不会发送到任何地方（")
            .child(link(Route::Privacy.path(), "隐私说明"))
            .text("）。")
            .into(),
        el("p").child(link(href_with_query(&Route::Subscribe, [("step", "who")]), "开始设置").class("button-link")).into(),
    ]))
}

/// `(id, label)` of the taxonomy terms, those in `used` only when it is given.
fn options(terms: &[Term], used: Option<&[&String]>) -> Vec<(String, String)> {
    terms
        .iter()
        .filter(|t| used.is_none_or(|u| u.contains(&&t.id)))
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect()
}

/// Public themes some notice (or, with `all`, card or question) uses: a theme nothing uses is
/// no use to choose, and internal categories (`public: false` in the taxonomy, such as
/// 政策文件库) are not what citizens subscribe to.
fn used_themes(lib: &Library, all: bool) -> Vec<(String, String)> {
    let mut used: Vec<&String> = lib.notices.iter().flat_map(|n| &n.themes).collect();
    if all {
        used.extend(lib.cards.iter().flat_map(|c| &c.themes));
        used.extend(lib.qa.iter().flat_map(|q| &q.themes));
    }
    let public: Vec<Term> = lib.taxonomy.themes.iter().filter(|t| t.is_public()).cloned().collect();
    options(&public, Some(&used))
}

fn choice(kind: &'static str, name: &'static str, value: &str, label: &str, checked: bool) -> Node {
    let input = el("input").attr("type", kind).attr("name", name).attr("value", value);
    el("label")
        .class("choice")
        .child(if checked { input.attr("checked", "") } else { input })
        .child(tx("span", label))
        .into()
}

/// A fieldset of checkboxes (or radios) with a legend and a hint; `chosen` are checked.
fn choices(kind: &'static str, name: &'static str, legend: El, hint: &str, options: Vec<(String, String)>, chosen: &[String]) -> El {
    let hint_id = format!("hint-{name}");
    el("fieldset")
        .class("choices")
        .attr("aria-describedby", hint_id.clone())
        .child(el("legend").child(legend))
        .child(tx("p", hint).class("hint").id(hint_id))
        .children(options.iter().map(|(value, label)| choice(kind, name, value, label, chosen.contains(value))))
}

fn hidden(name: &'static str, value: &str) -> Node {
    el("input").attr("type", "hidden").attr("name", name).attr("value", value).into()
}

/// Hidden inputs carrying the answers this screen does not ask about.
fn carried(p: &Profile, asked: &[&str]) -> Vec<Node> {
    let mut out = Vec::new();
    for (key, ids) in [("a", &p.audiences), ("t", &p.themes), ("r", &p.regions), ("x", &p.muted_themes)] {
        if !asked.contains(&key) {
            out.extend(ids.iter().map(|id| hidden(key, id)));
        }
    }
    if !asked.contains(&"d") && p.remind_days != DEFAULT_REMIND_DAYS {
        out.push(hidden("d", &p.remind_days.to_string()));
    }
    if !asked.contains(&"m") && p.delivery == Delivery::Daily {
        out.push(hidden("m", "daily"));
    }
    out
}

fn question(lib: &Library, index: usize, p: &Profile) -> AppPage {
    let (name, heading, asked) = STEPS[index];
    let title = format!("订阅提醒：{heading}");
    let next = STEPS.get(index + 1).map_or("check", |s| s.0);
    let h1 = || tx("h1", heading);
    let fields: Vec<Node> = match name {
        "who" => vec![choices(
            "checkbox",
            "a",
            h1(),
            "可以选几项。我们只把与这些身份有关的通知送给您。都不选表示不限身份。",
            options(&lib.taxonomy.audiences, None),
            &p.audiences,
        )
        .into()],
        "themes" => vec![choices(
            "checkbox",
            "t",
            h1(),
            "可以选几项。都不选表示不限主题。",
            used_themes(lib, true),
            &p.themes,
        )
        .into()],
        "region" => vec![choices(
            "checkbox",
            "r",
            h1(),
            "可以选几项。都不选表示不限地区。",
            options(&lib.taxonomy.regions, None),
            &p.regions,
        )
        .into()],
        _ => {
            let days = REMIND_CHOICES.iter().map(|d| (d.to_string(), format!("提前 {d} 天"))).collect();
            let delivery = vec![
                ("instant".to_string(), "有新通知就提醒我".to_string()),
                ("daily".to_string(), "每天最多提醒一次（每日汇总）".to_string()),
            ];
            let remind = [p.remind_days.to_string()];
            let mode = [if p.delivery == Delivery::Daily { "daily" } else { "instant" }.to_string()];
            vec![
                h1().into(),
                choices("radio", "d", tx("span", "申报截止日期，提前几天提醒我？"), "截止日期前会在“消息”里提醒您。", days, &remind).into(),
                choices("radio", "m", tx("span", "有新通知时，怎样提醒我？"), "开启通知提醒后，设备会弹出提醒。", delivery, &mode).into(),
                choices(
                    "checkbox",
                    "x",
                    tx("span", "这些主题的通知不用弹出提醒（可不选）"),
                    "它们仍会显示在“消息”里，只是不弹出提醒。",
                    used_themes(lib, false),
                    &p.muted_themes,
                )
                .into(),
            ]
        }
    };
    let back = if index == 0 { Route::Subscribe.path() } else { step_href(STEPS[index - 1].0, p) };
    AppPage::new(title, Markup(vec![
        tx("p", format!("订阅提醒 · 第 {} 个问题，共 {QUESTIONS} 个", index + 1)).class("kicker").into(),
        el("form")
            .class("question")
            .attr("method", "get")
            .attr("action", Route::Subscribe.path())
            .attr("data-client-nav", "")
            .child(hidden("step", next))
            .children(carried(p, asked))
            .children(fields)
            .child(el("p").class("form-actions").child(el("button").attr("type", "submit").text("下一步")))
            .into(),
        el("p").class("back").child(link(back, "上一步")).into(),
    ]))
}

/// The labels of `ids` in `terms` (the id itself when the taxonomy lacks it), or `none`.
fn labels(ids: &[String], terms: &[Term], none: &str) -> String {
    if ids.is_empty() {
        return none.to_string();
    }
    let label = |id: &String| terms.iter().find(|t| &t.id == id).map_or(id.clone(), |t| t.label.clone());
    ids.iter().map(label).collect::<Vec<_>>().join("、")
}

/// The answers as a list of rows, each with a 修改 link when `editable`.
fn summary(lib: &Library, p: &Profile, editable: bool) -> El {
    let rows = [
        ("who", "我是", labels(&p.audiences, &lib.taxonomy.audiences, "不限身份")),
        ("themes", "关心的事", labels(&p.themes, &lib.taxonomy.themes, "不限主题")),
        ("region", "所在地区", labels(&p.regions, &lib.taxonomy.regions, "不限地区")),
        ("remind", "截止提醒", format!("提前 {} 天", p.remind_days)),
        ("remind", "提醒方式", if p.delivery == Delivery::Daily { "每日汇总" } else { "有新通知就提醒" }.to_string()),
        ("remind", "不弹出提醒的主题", labels(&p.muted_themes, &lib.taxonomy.themes, "无")),
    ];
    el("dl").class("summary-list").children(rows.into_iter().map(|(step, label, value)| {
        let edit = editable.then(|| {
            el("dd").class("change").child(
                link(step_href(step, p), "修改").child(tx("span", format!("：{label}")).class("visually-hidden")),
            )
        });
        el("div").class("summary-row").child(tx("dt", label)).child(tx("dd", value)).opt(edit).into()
    }))
}

fn check(lib: &Library, p: &Profile) -> AppPage {
    let no_choice = (!p.has_selection()).then(|| {
        tx("p", "您没有选择身份、主题或地区：只会收到紧急通知和与您关注的内容有关的通知。").class("note")
    });
    AppPage::new("确认订阅设置", Markup(vec![
        tx("p", format!("订阅提醒 · {QUESTIONS} 个问题已答完，最后确认一下")).class("kicker").into(),
        tx("h1", "请确认您的订阅设置").into(),
        summary(lib, p, true).into(),
        el("div").opt(no_choice).into(),
        tx("p", "保存后，设置只存在这台设备的浏览器里，不会发送到任何地方。").into(),
        el("p").class("form-actions").child(Action::SaveProfile.button("保存设置")).into(),
        el("p").class("back").child(link(step_href(STEPS[STEPS.len() - 1].0, p), "上一步")).into(),
    ]))
}

/// The link that carries the profile to another device. The settings are in the fragment
/// (`#…`), which browsers never send to the server.
fn export_link(p: &Profile) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}/import#{}", sub::to_query(p))
}

fn settings(lib: &Library, p: &Profile) -> AppPage {
    let follows: Vec<Node> = p
        .follows
        .iter()
        .map(|f| {
            let link_to = mingbai_core::ItemLink { kind: f.kind, id: f.id.clone() };
            let title = lib.title_of(&link_to).unwrap_or("（这项内容已不在政策库中）");
            el("li")
                .class("item")
                .child(tx("span", format!("{}：", f.kind.label())).class("kind"))
                .child(link(link_to.href(), title).class("item-title"))
                .child(
                    Action::Follow { kind: f.kind, id: f.id.clone() }.button("取消关注").class("secondary"),
                )
                .into()
        })
        .collect();
    let follows = if follows.is_empty() {
        tx("p", "还没有关注任何内容。在政策、解读和专题页面上点“关注”即可。")
    } else {
        el("ul").class("item-list").children(follows)
    };
    let link_text = export_link(p);
    let qr = mingbai_view::qr::qr_svg(&link_text, "订阅设置二维码：用手机扫描即可导入")
        .unwrap_or_else(|| tx("p", "设置较多，二维码放不下。请把下面的链接发到手机上打开。"));
    AppPage::new("订阅设置", Markup(vec![
        tx("h1", "订阅设置").into(),
        el("p")
            .class("lead")
            .text("与您有关的通知、截止提醒和政策变动会出现在")
            .child(link(Route::Inbox.path(), "我的消息"))
            .text("里。")
            .into(),
        summary(lib, p, true).into(),
        section("subscribe-follows", "subscribe-block", "我关注的内容").child(follows).into(),
        section("subscribe-notify", "subscribe-block", "通知提醒").child(notify_controls(p)).into(),
        section("subscribe-export", "subscribe-block", "换到手机上使用")
            .child(tx("p", "用手机扫描二维码，或把链接发到手机上打开，就能把这些订阅设置带过去。链接里只有您的选择，没有姓名、电话等个人信息。"))
            .child(qr)
            .child(el("p").class("export-link").child(link(link_text.clone(), link_text).id("export-link")))
            .into(),
        section("subscribe-clear", "subscribe-block", "清除全部")
            .child(tx("p", "删除这台设备上保存的全部订阅设置、关注和已读记录。"))
            .child(el("p").child(Action::ClearDevice.button("清除全部").class("danger")))
            .child(el("p").child(link(Route::Privacy.path(), "隐私说明：本机保存了什么")))
            .into(),
    ]))
}

fn render_import(cx: &Ctx) -> AppPage {
    let lib = &cx.loaded.library;
    let hash = window().location().hash().unwrap_or_default();
    match sub::from_link(&hash) {
        Err(reason) => {
            AppPage::new("无法导入订阅设置", Markup(vec![
                tx("h1", "无法导入订阅设置").into(),
                tx("p", reason).into(),
                el("p").child(link(Route::Subscribe.path(), "重新设置订阅")).into(),
            ]))
        }
        Ok(p) => {
            subs::track(cx.rt);
            let replaces = subs::profile(cx.rt)
                .is_some()
                .then(|| tx("p", "这台设备上已有订阅设置，导入后会被替换。").class("note"));
            AppPage::new("导入订阅设置？", Markup(vec![
                tx("h1", "导入订阅设置？").into(),
                tx("p", "这个链接带来了下面这些订阅设置。导入后，与您有关的通知会出现在这台设备的“消息”里。").into(),
                summary(lib, &p, false).into(),
                tx("p", format!("关注的内容：{} 项", p.follows.len())).into(),
                el("div").opt(replaces).into(),
                el("p")
                    .class("form-actions")
                    .child(Action::ImportProfile.button("导入"))
                    .child(link(Route::Home.path(), "不导入，回到首页"))
                    .into(),
            ]))
        }
    }
}
