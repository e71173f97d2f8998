//! The app's one listener: every control's typed action (`mingbai_view::action::Action`, read
//! from `data-action`/`data-key`) is dispatched here, with the kiosk's guards around it.
//!
//! Registered once on `window` in the capture phase, so the kiosk sees link clicks before the
//! router does. Besides actions it hands the feedback report the clicks it counts (an opened
//! search result, a tap on the hotline) and closes dialogs on Escape.

use crate::components::{display_settings, follow, read_aloud, take_away};
use crate::platform::dom::by_id;
use crate::runtime::{feedback, subs, Runtime};
use crate::surfaces::kiosk;
use leptos::prelude::*;
use mingbai_view::action::Action;
use mingbai_view::route::Route;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Starts listening (once, inside the router: `navigate` moves inside the app).
pub fn listen(rt: Runtime, navigate: impl Fn(&str, leptos_router::NavigateOptions) + 'static) {
    let go: Rc<dyn Fn(&str)> = Rc::new(move |path: &str| navigate(path, Default::default()));
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| on_event(rt, &ev, go.as_ref()));
    let events: &[&str] = if rt.is_kiosk() {
        &["click", "keydown", "pointerdown", "touchstart", "wheel", "input", "contextmenu", "selectstart"]
    } else {
        &["click", "keydown"]
    };
    for name in events {
        let _ = window().add_event_listener_with_callback_and_bool(name, handler.as_ref().unchecked_ref(), true);
    }
    handler.forget(); // lives as long as the page
}

fn on_event(rt: Runtime, ev: &web_sys::Event, go: &dyn Fn(&str)) {
    let kind = ev.type_();
    if rt.is_kiosk() {
        kiosk::activity(rt);
        if kind == "contextmenu" || kind == "selectstart" {
            // No context menus or text selection in the way of touch (inputs still select).
            let in_input = target(ev).is_some_and(|t| t.closest("input, textarea").ok().flatten().is_some());
            if !in_input {
                ev.prevent_default();
            }
            return;
        }
    }
    if kind == "keydown" {
        if ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
            if kiosk::countdown_open(rt) {
                kiosk::continue_session(rt);
            } else {
                take_away::close(rt);
            }
        }
        return;
    }
    if kind != "click" {
        return;
    }
    let Some(target) = target(ev) else { return };
    feedback::clicked_anywhere(rt, &target);
    let control = target.closest("[data-action]").ok().flatten();
    let action = control.as_ref().and_then(|c| Action::read(|name| c.get_attribute(name)));
    match (control, action) {
        (Some(control), Some(action)) => {
            ev.prevent_default();
            act(rt, action, &control, go);
        }
        _ if rt.is_kiosk() => kiosk::intercept_click(rt, ev, &target, go),
        _ => {}
    }
}

fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

/// Does what `action` asks; `control` is the element that carried it.
fn act(rt: Runtime, action: Action, control: &web_sys::Element, go: &dyn Fn(&str)) {
    let location = window().location();
    match action {
        Action::Follow { kind, id } => {
            if let Some(on) = subs::toggle_follow(rt, kind, &id) {
                follow::show_state(control, on);
            }
        }
        Action::MarkRead { key } => {
            subs::mark_read(rt, &key);
            focus_later(format!("inbox-{key}"));
        }
        Action::MarkAllRead => {
            subs::mark_all_read(rt);
            focus_later("inbox-title".to_string());
        }
        Action::SaveProfile => {
            if subs::save_answers(rt, &location.search().unwrap_or_default()) {
                go(&Route::Inbox.path());
                subs::flash(rt, "订阅设置已保存。与您有关的消息会出现在这里。");
            }
        }
        Action::ImportProfile => {
            if subs::import_link(rt, &location.hash().unwrap_or_default()) {
                go(&Route::Subscribe.path());
                subs::flash(rt, "已导入订阅设置。");
            }
        }
        Action::ClearDevice => subs::clear(rt),
        Action::NotifyOn => subs::notify_on(rt),
        Action::NotifyOff => subs::notify_off(rt),
        Action::DismissMessage => subs::flash(rt, ""),
        Action::Feedback(answer) => feedback::clicked(rt, control, answer),
        Action::LargeText | Action::HighContrast => display_settings::toggle(&action),
        Action::ReadAloud => read_aloud::toggle(rt),
        Action::TakeAway => take_away::show_page(rt),
        Action::CloseDialog => take_away::close(rt),
        Action::KioskStart => kiosk::start_session(),
        Action::KioskContinue => kiosk::continue_session(rt),
        Action::Pad { key } => kiosk::pad(&key, go),
    }
}

/// Focus on the element with `id` once the page has been drawn again.
fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}
