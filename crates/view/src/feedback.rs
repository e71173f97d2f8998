//! The 有用/没用 block under a Q&A, card, policy, notice or topic page and under search results
//! (issue #16): "这条内容对您有帮助吗？", two real buttons, then after 没用 the optional one-tap
//! reasons, and a thank-you in a polite status region.
//!
//! Pure markup: the app handles the clicks (`Action::Feedback`), sends
//! the signals and remembers which pages were answered. The buttons need the app (`needs-app`):
//! the block is only rendered when the deployment turned feedback on (`Site::feedback`).
//!
//! Contract with the app: `#feedback` carries `data-kind` (a `mingbai_core::feedback::PageKind`
//! code) and `data-id` (the entry id, or the query on the search page); its buttons carry
//! `Action::Feedback` with the answer (a reason after 没用, or none for 不选了).

use crate::action::{Action, FeedbackAnswer};
use crate::frame::NEEDS_APP;
use crate::markup::{el, tx, El};
use mingbai_core::feedback::{PageKind, Reason};

/// The reasons offered after 没用, in order.
pub const REASONS: [Reason; 4] = [Reason::Unclear, Reason::NotWanted, Reason::Outdated, Reason::Other];

pub const QUESTION: &str = "这条内容对您有帮助吗？";
/// Shown after 有用, after a reason, or when this page was already answered in this visit.
pub const THANKS: &str = "谢谢您的反馈！";
/// Shown after 没用, above the reasons.
pub const ASK_REASON: &str = "谢谢！可以告诉我们哪里没帮上吗？（可选，点一下即可）";

fn button(answer: FeedbackAnswer, text: &'static str) -> El {
    Action::Feedback(answer).button(text).class("feedback-button")
}

/// The block for the page `kind`/`id`.
pub fn block(kind: PageKind, id: &str) -> El {
    let reasons = REASONS.iter().map(|r| button(FeedbackAnswer::Reason(Some(*r)), r.label()).into());
    el("div")
        .id("feedback")
        .class("feedback")
        .class(NEEDS_APP)
        .attr("role", "group")
        .attr("aria-labelledby", "feedback-question")
        .attr("data-kind", kind.code())
        .attr("data-id", id)
        .child(tx("p", QUESTION).id("feedback-question").class("feedback-question"))
        .child(
            el("div")
                .class("feedback-answers")
                .child(button(FeedbackAnswer::Helpful, "有用"))
                .child(button(FeedbackAnswer::NotHelpful, "没用")),
        )
        .child(
            el("div")
                .id("feedback-reasons")
                .class("feedback-reasons")
                .attr("role", "group")
                .attr("aria-label", "没帮上的原因（可选）")
                .attr("hidden", "")
                .children(reasons)
                .child(button(FeedbackAnswer::Reason(None), "不选了").class("feedback-skip")),
        )
        .child(
            el("div")
                .id("feedback-status")
                .class("feedback-status")
                .attr("role", "status")
                .attr("aria-live", "polite"),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::to_html;
    use crate::markup::Markup;

    #[test]
    fn block_is_a_labelled_group_with_real_buttons() {
        let html = to_html(&Markup::one(block(PageKind::Qa, "qa-001")));
        assert!(html.contains("role=\"group\""), "{html}");
        assert!(html.contains("aria-labelledby=\"feedback-question\""), "{html}");
        assert!(html.contains("data-kind=\"qa\""), "{html}");
        assert!(html.contains("data-id=\"qa-001\""), "{html}");
        for text in ["有用", "没用", "没看懂", "不是我要找的", "信息过时", "其他"] {
            assert!(html.contains(&format!(">{text}</button>")), "{text}: {html}");
        }
        assert!(html.contains("needs-app"), "{html}");
        assert!(html.contains("role=\"status\""), "{html}");
    }
}
