//! `/inbox` (我的消息): revision alerts, deadline reminders and the notices that match the
//! profile (urgent first, then newest), each marked read or unread, read state kept on the
//! device. Also the notification switch, and the home page's "为你推荐" block.

use crate::components::common::{item_list, urgent_badge};
use crate::components::markup::{el, link, section, tx, El, Markup, Node};
use crate::components::page::{AppPage, Ctx};
use crate::platform::notify;
use crate::runtime::library::Loaded;
use crate::runtime::subs::with_inbox;
use mingbai_view::action::Action;
use mingbai_core::subscribe::{self as sub, Inbox, Profile, Why};
use mingbai_core::{ItemKind, Library, Priority};
use mingbai_view::route::{item_href, Route};

pub fn render(cx: &Ctx) -> AppPage {
    let body = with_inbox(cx.rt, |loaded, p, inbox, state| inbox_view(loaded, p, inbox, &state.read));
    AppPage::new("我的消息", body.unwrap_or_else(no_profile))
}

fn heading() -> El {
    tx("h1", "我的消息").id("inbox-title").attr("tabindex", "-1")
}

fn no_profile() -> Markup {
    Markup(vec![
        heading().into(),
        tx("p", "您还没有订阅。回答几个简单问题，与您有关的通知、截止提醒和政策变动就会出现在这里。").into(),
        el("p").child(link(Route::Subscribe.path(), "设置订阅").class("button-link")).into(),
        el("p").text("也可以直接查看").child(link(Route::Notices.path(), "全部通知")).text("。").into(),
    ])
}

/// `标为已读` for an unread entry, `已读` otherwise.
fn read_state(key: &str, read: &[String]) -> El {
    if read.iter().any(|k| k == key) {
        tx("p", "已读").class("read-state")
    } else {
        el("p")
            .class("read-state")
            .child(tx("span", "未读").class("badge unread"))
            .child(Action::MarkRead { key: key.to_string() }.button("标为已读").class("secondary"))
    }
}

fn entry(key: String, read: &[String], title_link: El, details: Vec<Node>) -> Node {
    let unread = !read.contains(&key);
    el("li")
        .class(if unread { "item unread" } else { "item" })
        .child(title_link.attr("id", format!("inbox-{key}")).class("item-title"))
        .children(details)
        .child(read_state(&key, read))
        .into()
}

fn quoted(labels: Vec<&str>) -> String {
    labels.iter().map(|l| format!("“{l}”")).collect()
}

fn why(lib: &Library, why: &Why) -> String {
    let text = match why {
        Why::Urgent => "紧急通知，所有人都会收到".to_string(),
        Why::Follows(l) => format!("与您关注的“{}”有关", lib.title_of(l).unwrap_or(&l.id)),
        Why::Targeted { audiences, themes, regions } => {
            let mut labels: Vec<&str> = audiences.iter().map(|a| lib.audience_label(a)).collect();
            labels.extend(themes.iter().map(|t| lib.theme_label(t)));
            labels.extend(regions.iter().map(|r| lib.region_label(r)));
            if labels.is_empty() {
                "面向所有人的通知".to_string()
            } else {
                format!("与您选择的{}相符", quoted(labels))
            }
        }
    };
    format!("为什么收到：{text}")
}

fn inbox_view(loaded: &Loaded, p: &Profile, inbox: &Inbox, read: &[String]) -> Markup {
    let lib = &loaded.library;
    let total = inbox.keys().len();
    let unread = inbox.unread(read);
    let mut page: Vec<Node> = vec![
        heading().into(),
        el("p")
            .class("lead")
            .text(format!("共 {total} 条消息，其中未读 {unread} 条。"))
            .into(),
    ];
    if unread > 0 {
        page.push(
            el("p")
                .child(Action::MarkAllRead.button("全部标为已读").class("secondary"))
                .into(),
        );
    }
    if total == 0 {
        page.push(tx("p", "目前没有与您有关的消息。有新的通知时，会出现在这里。").class("empty").into());
    }
    if !inbox.alerts.is_empty() {
        let items = inbox.alerts.iter().map(|a| {
            let mut details = vec![tx("p", a.headline()).class("kicker").into()];
            if let Some(next) = a.successor {
                details.push(el("p").text("新版本：").child(link(item_href(ItemKind::Policy, &next.id), next.title.as_str())).into());
            }
            entry(a.key(), read, link(item_href(ItemKind::Policy, &a.policy.id), a.policy.title.as_str()), details)
        });
        page.push(section("inbox-alerts", "inbox-group", "政策变动").child(item_list(items)).into());
    }
    if !inbox.reminders.is_empty() {
        let items = inbox.reminders.iter().map(|r| {
            let when = match r.days_left {
                0 => "今天截止".to_string(),
                n => format!("还有 {n} 天"),
            };
            let details = vec![
                tx("p", "申报截止提醒").class("kicker").into(),
                tx("p", format!("截止日期：{}（{when}）", r.deadline.chinese())).class("item-meta").into(),
            ];
            entry(r.key(), read, link(r.link.href(), r.title), details)
        });
        page.push(section("inbox-reminders", "inbox-group", "截止提醒").child(item_list(items)).into());
    }
    if !inbox.notices.is_empty() {
        let items = inbox.notices.iter().map(|(n, w)| {
            let mut meta = el("p").class("item-meta");
            if n.priority == Priority::Urgent {
                meta = meta.child(urgent_badge()).text(" ");
            }
            let details = vec![
                meta.text(format!("发布于 {}", n.published.chinese())).into(),
                tx("p", why(lib, w)).class("why").into(),
            ];
            entry(sub::notice_key(&n.id), read, link(item_href(ItemKind::Notice, &n.id), n.title.as_str()), details)
        });
        page.push(section("inbox-notices", "inbox-group", "与您有关的通知").child(item_list(items)).into());
    }
    page.push(
        section("inbox-settings", "inbox-group", "提醒设置")
            .child(notify_controls(p))
            .child(
                el("ul")
                    .class("action-list")
                    .child(el("li").child(link(Route::Subscribe.path(), "修改订阅设置")))
                    .child(el("li").child(link(Route::Notices.path(), "查看全部通知"))),
            )
            .into(),
    );
    Markup(page)
}

/// The notification switch: asks for permission only when the person presses the button.
pub fn notify_controls(p: &Profile) -> El {
    let box_ = el("div").class("notify-controls");
    match notify::permission() {
        notify::Permission::Unsupported => {
            box_.child(tx("p", "这个浏览器不支持系统通知。新消息会显示在页面上，“消息”旁的数字会变大。"))
        }
        notify::Permission::Denied => box_.child(tx(
            "p",
            "浏览器已禁止本网站发送通知。如需开启，请在浏览器的网站设置里允许通知。新消息仍会显示在页面上和“消息”里。",
        )),
        notify::Permission::Granted if p.notify => box_
            .child(tx("p", "通知提醒已开启：有与您有关的新通知时，设备会弹出提醒。"))
            .child(Action::NotifyOff.button("关闭通知提醒").class("secondary")),
        _ => box_
            .child(tx("p", "开启后，有与您有关的新通知时，手机或电脑会弹出提醒（浏览器会先询问您是否允许）。"))
            .child(Action::NotifyOn.button("开启通知提醒")),
    }
}
