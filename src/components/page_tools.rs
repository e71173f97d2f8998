//! The tools above a policy, card or Q&A page (`mingbai_view::frame::page_tools`): 语音播报, and
//! on the kiosk 扫码带走. Printing adds the page's QR code (`.print-only`) so a printed 明白卡
//! leads back to the online version.

use super::markup::Markup;
use super::read_aloud;
use mingbai_view::frame::page_tools;
use mingbai_view::route::Route;
use mingbai_view::site::Device;
use crate::runtime::use_runtime;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Placed above the routes; re-renders (and stops any reading) when the path changes.
#[component]
pub fn PageTools() -> impl IntoView {
    let location = use_location();
    let rt = use_runtime();
    let last_path = StoredValue::new(String::new());
    move || {
        let path = location.pathname.get();
        if last_path.get_value() != path {
            read_aloud::stop(rt);
            last_path.set_value(path.clone());
        }
        // Reactive: on a lazily loaded page the entry arrives after the path does.
        let Some(loaded) = rt.loaded() else {
            return Markup(Vec::new());
        };
        let hotline = rt.hotline.get_untracked();
        let device = Device { has_voice: rt.speech.with_value(|s| s.has_voice), ..Device::default() };
        rt.with_site(&loaded, &hotline, &device, |site| page_tools(site, &Route::parse(&path)))
            .map(Markup::from)
            .unwrap_or(Markup(Vec::new()))
    }
}
