//! QR hand-offs and dialogs: "扫码带走" (this page's address as a QR code for the phone), and on
//! the kiosk the dialogs that replace leaving the app (a QR code of an outside link; a `tel:`
//! number shown large). QR codes are drawn locally as SVG from DOM nodes (`mingbai_core::qr`).
//!
//! One dialog at a time, outside `#app`, which is made `inert` while it is open.

use super::markup::{create, el, tx, El, Node};
use crate::runtime::Runtime;
use leptos::prelude::{document, request_animation_frame, SetValue, UpdateValue};
use mingbai_view::action::Action;
use wasm_bindgen::JsCast;

pub use mingbai_view::qr::qr_svg;

/// The QR code, or a note that the address is too long for one.
fn qr_or_note(url: &str, label: &str) -> El {
    qr_svg(url, label).unwrap_or_else(|| tx("p", "地址太长，无法生成二维码。请记下下面的地址。").class("note"))
}

const BACKDROP_ID: &str = "ui-dialog";

/// Opens a dialog: `role` is `dialog` or `alertdialog`; `body` under the heading; a close
/// button is added unless `actions` are given (then the first action gets focus).
pub fn open(rt: Runtime, role: &'static str, title: &str, body: Vec<Node>, actions: Option<El>) {
    close_silently();
    let active = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    rt.dialog_return.set_value(active);
    let actions = actions.unwrap_or_else(|| {
        el("p").class("dialog-actions").child(Action::CloseDialog.button("关闭").class("dialog-main"))
    });
    let dialog = el("div")
        .class("ui-backdrop")
        .id(BACKDROP_ID)
        .child(
            el("div")
                .class("ui-dialog")
                .attr("role", role)
                .attr("aria-modal", "true")
                .attr("aria-labelledby", "ui-dialog-title")
                .attr("aria-describedby", "ui-dialog-body")
                .child(tx("h2", title).id("ui-dialog-title"))
                .child(el("div").id("ui-dialog-body").children(body))
                .child(actions),
        );
    let Some(body) = document().body() else { return };
    let _ = body.append_child(&create(&dialog.into()));
    if let Some(app) = document().get_element_by_id("app") {
        let _ = app.set_attribute("inert", "");
    }
    request_animation_frame(|| {
        if let Some(button) = document()
            .query_selector("#ui-dialog button")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    });
}

pub fn is_open() -> bool {
    document().get_element_by_id(BACKDROP_ID).is_some()
}

fn close_silently() {
    if let Some(backdrop) = document().get_element_by_id(BACKDROP_ID) {
        backdrop.remove();
    }
    if let Some(app) = document().get_element_by_id("app") {
        let _ = app.remove_attribute("inert");
    }
}

/// Closes the dialog and gives focus back to where it was.
pub fn close(rt: Runtime) {
    if !is_open() {
        return;
    }
    close_silently();
    if let Some(el) = rt.dialog_return.try_update_value(Option::take).flatten() {
        let _ = el.focus();
    }
}

/// "扫码带走": this page's address for the phone.
pub fn show_page(rt: Runtime) {
    let url = crate::platform::page_url();
    open(
        rt,
        "dialog",
        "扫码带走",
        vec![
            tx("p", "用手机扫描二维码，就能在手机上继续看这一页。").into(),
            qr_or_note(&url, "本页地址的二维码").into(),
            tx("p", url).class("dialog-url").into(),
        ],
        None,
    );
}

/// The kiosk does not leave the app: an outside address becomes a QR code for the phone.
pub fn show_outside_link(rt: Runtime, url: &str) {
    open(
        rt,
        "dialog",
        "请用手机扫码打开",
        vec![
            tx("p", "这个链接不在本机上打开。请用手机扫描二维码查看。").into(),
            qr_or_note(url, "链接地址的二维码").into(),
            tx("p", url).class("dialog-url").into(),
        ],
        None,
    );
}

/// A phone number, large, with a note to call it from a phone.
pub fn show_phone(rt: Runtime, number: &str) {
    open(
        rt,
        "dialog",
        "请用手机拨打",
        vec![
            tx("p", number).class("dialog-phone").into(),
            tx("p", "这台设备不能拨打电话。请用您的手机拨打上面的号码。").into(),
        ],
        None,
    );
}
