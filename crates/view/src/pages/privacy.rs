//! `/privacy` (隐私说明): what the app keeps on this device, where, how to delete it, and what
//! is sent: nothing, unless the deployment turned on anonymous feedback (`Site::feedback`;
//! docs/feedback.md), which this page then describes exactly.

use crate::route::Route;
use crate::frame::NEEDS_APP;
use crate::markup::{el, li, link, section, tx, Markup};
use crate::site::{Page, Site};
use crate::markup::{El, Node};
use mingbai_core::subscribe::{INBOX_KEY, KEY_PREFIX, PROFILE_KEY};

/// What "发送了什么" says: nothing is sent, or exactly what feedback sends.
fn sent_block(feedback: bool) -> El {
    let block = section("privacy-sent", "privacy-block", "发送了什么");
    let block = if feedback {
        let item = |text: &str| li(tx("span", text));
        let sent: Vec<Node> = vec![
            item("您在页面下方点的“有用”或“没用”，以及“没用”之后点的原因（没看懂、不是我要找的、信息过时、其他），和这是哪一条内容（政策库里公开的编号）；"),
            item("没有搜到结果的搜索词、搜到结果但一条也没有打开的搜索词和结果条数、经过纠错或同义词改写才搜到的搜索词和实际搜索的词；"),
            item("点了 12345 热线链接这件事，以及是从哪类页面点的；"),
            item("使用方式：手机网页、自助查询机或嵌入其他网站；离线时暂存、联网后补发的，还会带上发生在哪个小时（不精确到分钟）。"),
        ];
        block
            .child(tx("p", "本网站开启了匿名反馈，用来发现大家找不到、看不懂的内容，改进政策库。只发送下面这些，发送到本网站设置的反馈地址（一个普通的网址，由网站的访问日志记录）："))
            .child(el("ul").class("feedback-sent").children(sent))
            .child(tx("p", "搜索词在离开这台设备之前就已处理：身份证号、电话号码、银行卡号等较长的数字、电子邮箱、“我叫……”之后的姓名和详细住址都会被替换成“〔身份证号〕”“〔电话〕”这样的标记，原文不会发出。"))
            .child(tx("p", "不发送：任何能识别您或这台设备的编号、Cookie、订阅设置、消息记录、从哪个页面来的，也不发送精确到分钟的时间。自助查询机上不会发送能把两位使用者联系起来的任何内容。网站服务器和访问任何网页时一样，会在日志里记下访问的网络地址和浏览器类型；是否开启反馈、日志保存多久，由部署本网站的单位决定。"))
            .child(tx("p", "没有网络时，反馈会暂存在本机（mingbai.feedback.queue，最多 50 条），联网后发送。"))
    } else {
        block.child(tx("p", "什么都不发送。应用只从网站下载政策库文件（政策、解读、问答、通知），下载时不附带您的任何设置。"))
    };
    block
        .child(tx("p", "“换到手机上使用”的链接和二维码里只有您的选择；这些内容写在链接的“#”号后面，打开链接时浏览器不会把这部分发给网站。"))
        .child(tx("p", "只有在您点“开启通知提醒”并允许后，浏览器才会在这台设备上弹出提醒；提醒由这台设备自己产生，不经过任何服务器。"))
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
        sent_block(site.feedback).into(),
        section("privacy-delete", "privacy-block", "怎样删除")
            .child(tx("p", "点下面的“清除全部”，会删除本应用在这台设备上保存的全部内容。也可以在浏览器设置里清除本网站的数据。"))
            .child(el("p").class(NEEDS_APP).child(crate::action::Action::ClearDevice.button("清除全部").class("danger")))
            .child(el("p").child(link(Route::Subscribe.path(), "查看或修改订阅设置")))
            .into(),
    ]);
    Page::new("隐私说明", body).described("明白 · 政策明白卡的隐私说明：保存了什么、保存在哪里、发送了什么、怎样删除。")
}
