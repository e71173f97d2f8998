//! `/notices`: notices in force first (urgent first), expired ones in their own group.

use super::{page_needing, Ctx};
use mingbai_core::FileRole;
use crate::components::common::item_list;
use crate::components::items::notice_item;
use crate::components::markup::{section, tx, Markup};
use crate::platform;
use leptos::prelude::*;

#[component]
pub fn NoticesPage() -> impl IntoView {
    // A list of one kind: only its file and the taxonomy (labels), not the whole library.
    page_needing(&[FileRole::Taxonomy, FileRole::Notices], render)
}

fn render(cx: &Ctx) -> Markup {
    let loaded = cx.loaded;
    platform::set_title("通知公告");
    let lib = &loaded.library;
    let (current, expired) = match &loaded.today {
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
    Markup(page)
}
