//! `/`: what most people came for — current notices, hot questions, the latest cards and the
//! "一件事" topics — plus a way into the full policy library.

use crate::route::Route;
use crate::common::{item_list, more_link};
use crate::items::{card_item, notice_item, qa_item, topic_item};
use crate::markup::{section, tx, Markup, Node};
use crate::site::{Page, Site};
use mingbai_core::first_screen::{home_topics, HOME_CARDS, HOME_HOT_QUESTIONS, HOME_NOTICES};

pub fn render(site: &Site) -> Page {
    let lib = site.library;

    let mut page: Vec<Node> = vec![
        tx("h1", lib.name()).into(),
        tx("p", "查政策、看解读、问问题，一看就明白。")
            .class("lead")
            .into(),
    ];
    page.extend(super::subscribe_block::home_block(site));
    let notices = match &site.today {
        Some(today) => lib.current_notices(today),
        None => lib.all_notices(),
    };
    if !notices.is_empty() {
        page.push(
            section("home-notices", "home-block", "最新通知")
                .child(item_list(notices.into_iter().take(HOME_NOTICES).map(notice_item)))
                .child(more_link(Route::Notices.path(), "全部通知"))
                .into(),
        );
    }
    let hot = lib.current_hot_questions(HOME_HOT_QUESTIONS, site.today.as_ref());
    if !hot.is_empty() {
        page.push(
            section("home-hot", "home-block", "大家都在问")
                .child(item_list(hot.into_iter().map(qa_item)))
                .child(more_link(Route::QaList.path(), "更多问题"))
                .into(),
        );
    }
    let cards = lib.current_cards(HOME_CARDS, site.today.as_ref());
    if !cards.is_empty() {
        page.push(
            section("home-cards", "home-block", "最新政策解读")
                .child(item_list(cards.into_iter().map(card_item)))
                .child(more_link(Route::Cards.path(), "全部解读"))
                .into(),
        );
    }
    let topics = home_topics(lib);
    if !topics.is_empty() {
        page.push(
            section("home-topics", "home-block", "一件事专题")
                .child(item_list(topics.into_iter().map(topic_item)))
                .child(more_link(Route::Topics.path(), "全部专题"))
                .into(),
        );
    }
    page.push(
        section("home-policies", "home-block", "政策文件库")
            // The same words whether or not the policies are loaded yet (the home page does not
            // load them): the pre-rendered page and the app agree.
            .child(tx("p", "政策文件原文，可按发布机构、年份、主题和有效性查找。"))
            .child(more_link(Route::Policies.path(), "查看政策文件"))
            .into(),
    );
    if let Some(description) = lib.manifest.as_ref().and_then(|m| m.description.as_deref()) {
        page.push(
            section("home-about", "home-block about", "关于本政策库")
                .child(tx("p", description))
                .into(),
        );
    }
    let description = lib
        .manifest
        .as_ref()
        .and_then(|m| m.description.as_deref())
        .map(|d| crate::site::clip(d, 120))
        .unwrap_or_else(|| "查政策、看解读、问问题，一看就明白。".to_string());
    Page::new("首页", Markup(page)).described(description)
}
