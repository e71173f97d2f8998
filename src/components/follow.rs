//! The "关注" toggle on policy, card and topic pages. A real toggle button (`aria-pressed`, a
//! constant name) with the state also written out beside it; the click is handled by
//! `subs::listen`, which updates both in place so focus stays on the button.

use super::markup::{el, tx, El};
use mingbai_core::ItemKind;

const FOLLOWING: &str = "已关注：相关通知和变动会出现在“消息”里";
const NOT_FOLLOWING: &str = "关注后，相关通知和变动会出现在“消息”里";

pub fn follow_button(kind: ItemKind, id: &str) -> El {
    let on = crate::subs::follows(kind, id);
    el("p")
        .class("follow-bar")
        .child(
            el("button")
                .attr("type", "button")
                .class("follow")
                .attr("data-action", "follow")
                .attr("data-kind", kind.as_str())
                .attr("data-id", id)
                .attr("aria-pressed", on.to_string())
                .text("关注"),
        )
        .child(tx("span", if on { FOLLOWING } else { NOT_FOLLOWING }).class("follow-state"))
}

/// Shows a new state on a rendered button (and the text beside it).
pub fn show_state(button: &web_sys::Element, on: bool) {
    let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
    if let Some(state) = button.next_element_sibling().filter(|s| s.class_name() == "follow-state") {
        state.set_text_content(Some(if on { FOLLOWING } else { NOT_FOLLOWING }));
    }
}
