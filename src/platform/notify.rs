//! System notifications, only after the person asked for them (开启通知提醒). Browsers
//! without the Notification API, or with permission denied, fall back to the in-app message.

use leptos::prelude::window;
use wasm_bindgen::JsValue;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Granted,
    Denied,
    /// Not asked yet.
    Ask,
    Unsupported,
}

fn supported() -> bool {
    js_sys::Reflect::has(&window(), &JsValue::from_str("Notification")).unwrap_or(false)
}

pub fn permission() -> Permission {
    if !supported() {
        return Permission::Unsupported;
    }
    match Notification::permission() {
        NotificationPermission::Granted => Permission::Granted,
        NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Ask,
    }
}

/// Shows the browser's permission prompt (call only from a click) and returns the answer.
pub async fn request() -> Permission {
    if !supported() {
        return Permission::Unsupported;
    }
    if let Ok(promise) = Notification::request_permission() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    permission()
}

/// Raises a system notification; `false` when it could not be shown.
pub fn show(title: &str, body: &str) -> bool {
    if permission() != Permission::Granted {
        return false;
    }
    let options = NotificationOptions::new();
    options.set_body(body);
    options.set_tag("mingbai-inbox");
    Notification::new_with_options(title, &options).is_ok()
}
