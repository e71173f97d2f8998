//! The "关注" toggle on policy, card and topic pages. A real toggle button (`aria-pressed`, a
//! constant name) with the state also written out beside it; the click is handled by
//! `actions` (`Action::Follow`), which updates both in place so focus stays on the button.

use mingbai_view::frame::follow_state_text;

/// Shows a new state on a rendered button (and the text beside it).
pub fn show_state(button: &web_sys::Element, on: bool) {
    let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
    if let Some(state) = button.next_element_sibling().filter(|s| s.class_name() == "follow-state") {
        state.set_text_content(Some(follow_state_text(on)));
    }
}
