//! Surfaces: the phone (default) and the kiosk (`/kiosk`, or any route with `?mode=kiosk`).
//! The surface is decided once per page load and marked on `<html>` (`surface-kiosk`); the
//! kiosk stays on while the visitor moves around inside the app (no page loads happen there).
//!
//! One delegated listener (registered once, from the header) serves every control this module
//! and its components add: buttons carry `data-ui="…"` and stay plain markup.

pub mod embed;
pub mod kiosk;
pub mod screen;

use crate::components::{display_settings, read_aloud, take_away};
use leptos::prelude::{document, window};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `config.json` → `"kiosk": {"idle_seconds": 120, "countdown_seconds": 20}`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KioskConfig {
    /// Seconds without a touch before the countdown starts.
    pub idle_seconds: u32,
    /// Seconds the "继续使用" countdown lasts (never below 20: WCAG 2.2.1 asks for 20 s).
    pub countdown_seconds: u32,
}

pub const MIN_COUNTDOWN: u32 = 20;

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig { idle_seconds: 120, countdown_seconds: MIN_COUNTDOWN }
    }
}

impl KioskConfig {
    /// Reads what it knows from the `kiosk` section; wrong or missing values keep the default.
    pub fn from_json(section: Option<&Value>) -> KioskConfig {
        let number = |name: &str| section?.get(name)?.as_f64().filter(|n| n.is_finite() && *n >= 1.0);
        let d = KioskConfig::default();
        KioskConfig {
            idle_seconds: number("idle_seconds").map_or(d.idle_seconds, |n| n.min(86_400.0) as u32),
            countdown_seconds: number("countdown_seconds")
                .map_or(d.countdown_seconds, |n| (n.min(600.0) as u32).max(MIN_COUNTDOWN)),
        }
    }
}

thread_local! {
    static CONFIG: Cell<KioskConfig> = Cell::new(KioskConfig { idle_seconds: 120, countdown_seconds: MIN_COUNTDOWN });
    static KIOSK: Cell<Option<bool>> = const { Cell::new(None) };
    static NAVIGATE: RefCell<Option<Rc<dyn Fn(&str)>>> = const { RefCell::new(None) };
}

/// Called once `config.json` has been read.
pub fn configure(config: &KioskConfig) {
    CONFIG.with(|c| c.set(*config));
}

pub fn config() -> KioskConfig {
    CONFIG.with(Cell::get)
}

/// Whether this page load is a kiosk (decided on first use, then fixed).
pub fn is_kiosk() -> bool {
    KIOSK.with(|k| match k.get() {
        Some(on) => on,
        None => {
            let location = window().location();
            let path = location.pathname().unwrap_or_default();
            let search = location.search().unwrap_or_default();
            let on = path == "/kiosk"
                || search
                    .trim_start_matches('?')
                    .split('&')
                    .any(|pair| pair == "mode=kiosk");
            k.set(Some(on));
            on
        }
    })
}

/// Adds or removes a class on `<html>`.
pub fn html_class(name: &str, on: bool) {
    if let Some(html) = document().document_element() {
        let list = html.class_list();
        let _ = if on { list.add_1(name) } else { list.remove_1(name) };
    }
}

pub fn has_html_class(name: &str) -> bool {
    document()
        .document_element()
        .is_some_and(|html| html.class_list().contains(name))
}

/// Navigates inside the app (set up by `start`).
pub fn go(path: &str) {
    let navigate = NAVIGATE.with(|n| n.borrow().clone());
    match navigate {
        Some(navigate) => navigate(path),
        None => {
            let _ = window().location().assign(path);
        }
    }
}

/// Registers the shared listeners once (the header calls it; it lives as long as the page).
pub fn start(navigate: impl Fn(&str, leptos_router::NavigateOptions) + 'static) {
    let first = NAVIGATE.with(|n| n.borrow().is_none());
    NAVIGATE.with(|n| *n.borrow_mut() = Some(Rc::new(move |path: &str| navigate(path, Default::default()))));
    if !first {
        return;
    }
    display_settings::apply_stored();
    read_aloud::watch_voices();
    let kiosk = is_kiosk();
    html_class("surface-kiosk", kiosk);
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(on_event);
    let events: &[&str] = if kiosk {
        &["click", "keydown", "pointerdown", "touchstart", "wheel", "input", "contextmenu", "selectstart"]
    } else {
        &["click", "keydown"]
    };
    for name in events {
        // Capture phase: the kiosk must see link clicks before the router does.
        let _ = window().add_event_listener_with_callback_and_bool(name, handler.as_ref().unchecked_ref(), true);
    }
    handler.forget();
    if kiosk {
        kiosk::start_idle_timer();
    }
}

fn on_event(ev: web_sys::Event) {
    let kind = ev.type_();
    if is_kiosk() {
        kiosk::activity(&kind);
        if kind == "contextmenu" || kind == "selectstart" {
            // No context menus or text selection in the way of touch (inputs still select).
            let in_input = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.closest("input, textarea").ok().flatten().is_some());
            if !in_input {
                ev.prevent_default();
            }
            return;
        }
    }
    if kind == "keydown" {
        if ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
            if kiosk::countdown_open() {
                kiosk::continue_session();
            } else {
                take_away::close();
            }
        }
        return;
    }
    if kind != "click" {
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    if let Ok(Some(control)) = target.closest("[data-ui]") {
        let action = control.get_attribute("data-ui").unwrap_or_default();
        match action.as_str() {
            "large" | "contrast" => display_settings::toggle(&action, &control),
            "speak" => read_aloud::toggle(&control),
            "take-away" => take_away::show_page(),
            "close" => take_away::close(),
            "continue" => kiosk::continue_session(),
            "kiosk-start" => kiosk::start_session(),
            "pad" => kiosk::pad(&control),
            _ => return,
        }
        ev.prevent_default();
        return;
    }
    if is_kiosk() {
        kiosk::intercept_click(&ev, &target);
    }
}
