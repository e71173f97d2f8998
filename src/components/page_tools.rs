//! The tools above a policy, card or Q&A page (`mingbai_view::frame::page_tools`): 语音播报, and
//! on the kiosk 扫码带走. Printing adds the page's QR code (`.print-only`) so a printed 明白卡
//! leads back to the online version.

use super::markup::Markup;
use super::{read_aloud, take_away};
use mingbai_view::frame::page_tools;
use mingbai_view::route::Route;
use mingbai_view::site::{Device, Site};
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
        let url = take_away::page_url();
        let hotline = state.hotline.get_untracked();
        let resolve = |_: &str| None;
        let device = Device { has_voice: read_aloud::has_voice(), ..Device::default() };
        let site = Site {
            library: &loaded.library,
            today: loaded.today.clone(),
            hotline: &hotline,
            resolve: &resolve,
            kinds: &loaded.kinds,
            failed: &loaded.failed,
            device: Some(&device),
            kiosk: crate::surfaces::is_kiosk(),
            page_url: Some(&url),
        };
        page_tools(&site, &Route::parse(&path)).map(Markup::from).unwrap_or(Markup(Vec::new()))
    }
}
