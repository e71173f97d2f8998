//! The tools above a policy, card or Q&A page: 语音播报, and on the kiosk 扫码带走. Printing
//! adds the page's QR code (`.print-only`) so a printed 明白卡 leads back to the online version.

use super::markup::{el, tx, Markup};
use super::{read_aloud, take_away};
use crate::state::app_state;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Placed above the routes; re-renders (and stops any reading) when the path changes.
#[component]
pub fn PageTools() -> impl IntoView {
    let location = use_location();
    let state = app_state();
    let last_path = StoredValue::new(String::new());
    move || {
        let path = location.pathname.get();
        if last_path.get_value() != path {
            read_aloud::stop();
            last_path.set_value(path.clone());
        }
        // Reactive: on a lazily loaded page the entry arrives after the path does.
        let Some(loaded) = state.loaded() else {
            return Markup(Vec::new());
        };
        let lib = &loaded.library;
        let exists = match path.split('/').collect::<Vec<_>>().as_slice() {
            ["", "cards", id] => lib.card(id).is_some(),
            ["", "policies", id] => lib.policy(id).is_some(),
            ["", "qa", id] => lib.qa_entry(id).is_some(),
            _ => false,
        };
        if !exists {
            return Markup(Vec::new());
        }
        let take_away = crate::surfaces::is_kiosk().then(|| {
            el("button")
                .attr("type", "button")
                .class("take-away")
                .attr("data-ui", "take-away")
                .text("扫码带走")
        });
        let url = take_away::page_url();
        let print_qr = take_away::qr_svg(&url, "在线版本的二维码").map(|qr| {
            el("div")
                .class("print-only print-qr")
                .child(qr)
                .child(tx("p", "扫码查看在线版本"))
                .child(tx("p", url).class("print-url"))
        });
        Markup::one(
            el("div")
                .class("page-tools")
                .child(el("div").class("tools-row").child(read_aloud::button()).opt(take_away))
                .opt(print_qr),
        )
    }
}
