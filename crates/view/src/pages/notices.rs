//! `/notices`: notices in force first (urgent first), expired ones in their own group.

use crate::status::kind_unavailable;
use mingbai_core::FileRole;
use crate::common::item_list;
use crate::items::notice_item;
use crate::markup::{section, tx, Markup};
use crate::site::{Page, Site};

pub fn render(site: &Site) -> Page {
    if site.failed(FileRole::Notices) {
        return kind_unavailable(site.hotline, "通知公告");
    }
    let lib = site.library;
    let (current, expired) = match &site.today {
        Some(today) => (lib.current_notices(today), lib.expired_notices(today)),
        None => (lib.all_notices(), Vec::new()),
    };
    let current = if current.is_empty() {
        tx("p", "目前没有正在进行的通知。").class("empty")
    } else {
        item_list(current.into_iter().map(notice_item))
    };
    let mut page = vec![
        tx("h1", "通知公告").into(),
        section("notices-current", "notices", "当前通知")
            .child(current)
            .into(),
    ];
    if !expired.is_empty() {
        page.push(
            section("notices-expired", "expired", "已过期")
                .child(item_list(expired.into_iter().map(notice_item)))
                .into(),
        );
    }
    Page::new("通知公告", Markup(page)).described(format!("{}的通知公告：当前通知和已过期通知。", lib.name()))
}
