//! The home page's 政策找人 block: "为你推荐" for a device with a subscription (with "为什么推荐给我"),
//! else an invitation to subscribe (a page only the app can show).

use crate::route::Route;
use crate::common::{item_list, more_link};
use crate::frame::APP_ONLY;
use crate::markup::{el, link, section, tx, Node};
use crate::site::Site;
use mingbai_core::subscribe as sub;

pub fn home_block(site: &Site) -> Option<Node> {
    let Some(p) = site.device.and_then(|d| d.profile.as_ref()) else {
        return Some(
            section("home-subscribe", "home-block", "订阅提醒")
                .class(APP_ONLY)
                .child(tx("p", "告诉我们您是谁、关心什么，与您有关的通知和截止日期会自动送到“消息”里。不用注册。"))
                .child(more_link(Route::Subscribe.path(), "设置订阅"))
                .into(),
        );
    };
    let picks = sub::recommend(site.library, p, 3);
    if picks.is_empty() {
        return None;
    }
    let items = picks.iter().map(|pick| {
        el("li")
            .class("item")
            .child(tx("span", format!("{}：", pick.link.kind.label())).class("kind"))
            .child(link(pick.link.href(), pick.title).class("item-title"))
            .child(el("p").class("why").child(tx("strong", "为什么推荐给我：")).text(pick.why()))
            .into()
    });
    Some(
        section("home-recommend", "home-block recommend", "为你推荐")
            .child(item_list(items))
            .child(more_link(Route::Subscribe.path(), "修改订阅设置"))
            .into(),
    )
}
