//! `/privacy` (隐私说明): what the app keeps on this device, where, how to delete it, and that
//! nothing is sent anywhere.

use crate::frame::NEEDS_APP;
use crate::markup::{el, li, link, section, tx, Markup};
use crate::site::{Page, Site};
use mingbai_core::subscribe::{INBOX_KEY, KEY_PREFIX, PROFILE_KEY};

fn button(action: &'static str, text: &'static str) -> crate::markup::El {
    el("button").attr("type", "button").attr("data-action", action).text(text)
}

pub fn render(site: &Site) -> Page {
    // What this device keeps is known only on the device: pre-rendered, the app fills it in.
    let stored = match site.device {
        None => tx("p", "打开本应用后，这里会列出这台设备保存的项目。").class(NEEDS_APP),
        Some(d) if d.stored_keys.is_empty() => tx("p", "这台设备上目前没有保存本应用的任何内容。"),
        Some(d) => el("ul").class("stored-keys").children(d.stored_keys.iter().map(|k| li(tx("code", k.as_str())))),
    };
    let key = |key: &str, what: &str| li(el("span").child(tx("code", key)).text(format!("：{what}")));
    let body = Markup(vec![
        tx("h1", "隐私说明").into(),
        tx("p", "本应用没有账号，不需要注册，也不收集姓名、电话等个人信息。您的订阅设置、关注和已读记录只保存在这台设备的浏览器里，不会发送到任何服务器。").class("lead").into(),
        section("privacy-what", "privacy-block", "保存了什么、保存在哪里")
            .child(tx("p", "保存在这台设备浏览器的本地存储（localStorage）里，只有本网站能读取："))
            .child(
                el("ul")
                    .child(key(PROFILE_KEY, "订阅设置：您选择的身份、关心的事、地区，关注的内容，截止提醒天数，提醒方式，是否开启通知提醒。"))
                    .child(key(INBOX_KEY, "消息记录：哪些消息已读，哪些新通知已经提醒过。"))
                    .child(key(&format!("{KEY_PREFIX}…"), "本应用的其他设置（如有），都以 mingbai. 开头。")),
            )
            .child(tx("h3", "这台设备现在保存的项目"))
            .child(stored)
            .into(),
        section("privacy-sent", "privacy-block", "发送了什么")
            .child(tx("p", "什么都不发送。应用只从网站下载政策库文件（政策、解读、问答、通知），下载时不附带您的任何设置。"))
            .child(tx("p", "“换到手机上使用”的链接和二维码里只有您的选择；这些内容写在链接的“#”号后面，打开链接时浏览器不会把这部分发给网站。"))
            .child(tx("p", "只有在您点“开启通知提醒”并允许后，浏览器才会在这台设备上弹出提醒；提醒由这台设备自己产生，不经过任何服务器。"))
            .into(),
        section("privacy-delete", "privacy-block", "怎样删除")
            .child(tx("p", "点下面的“清除全部”，会删除本应用在这台设备上保存的全部内容。也可以在浏览器设置里清除本网站的数据。"))
            .child(el("p").class(NEEDS_APP).child(button("clear", "清除全部").class("danger")))
            .child(el("p").child(link("/subscribe", "查看或修改订阅设置")))
            .into(),
    ]);
    Page::new("隐私说明", body).described("明白 · 政策明白卡的隐私说明：保存了什么、保存在哪里、发送了什么、怎样删除。")
}
