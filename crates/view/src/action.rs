//! What a control does, typed: every button the app makes live carries one [`Action`].
//!
//! Pages are plain markup (pre-rendered as HTML, drawn as DOM by the app), so an action travels
//! in attributes: `data-action` names it and `data-key` holds its one argument, if any (the
//! item a 关注 button follows, the inbox entry to mark read, a pad letter, a feedback reason).
//! [`Action::mark`] writes them and [`Action::read`] reads them back; the app has one listener
//! that reads the action of the clicked control and matches on it, so an action the app does
//! not handle is a compile error, not a silently dead button.

use crate::markup::{el, El};
use mingbai_core::feedback::Reason;
use mingbai_core::ItemKind;

/// The answer given in the 有用/没用 block (which page it is about is on the block itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackAnswer {
    Helpful,
    NotHelpful,
    /// After 没用: one of the offered reasons, or `None` for 不选了.
    Reason(Option<Reason>),
}

/// Every action a control can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // 政策找人 (subscriptions, inbox; kept on the device)
    /// 关注 / 取消关注 a policy, card or topic.
    Follow { kind: ItemKind, id: String },
    /// 标为已读 one inbox entry (its inbox key).
    MarkRead { key: String },
    MarkAllRead,
    /// 保存设置: the answers in the address become the profile.
    SaveProfile,
    /// 导入: the settings of a hand-off link become the profile.
    ImportProfile,
    /// 清除全部: everything the app keeps on this device.
    ClearDevice,
    NotifyOn,
    NotifyOff,
    /// 知道了 on the message line.
    DismissMessage,
    // Feedback (有用/没用)
    Feedback(FeedbackAnswer),
    // Display and reading
    LargeText,
    HighContrast,
    ReadAloud,
    /// 扫码带走: this page's address as a QR code.
    TakeAway,
    CloseDialog,
    // Kiosk
    /// 点击屏幕开始 on the attract screen.
    KioskStart,
    /// 继续使用 in the idle countdown.
    KioskContinue,
    /// A key of the initials pad: a letter `a`–`z`, `back`, `clear` or `go`.
    Pad { key: String },
}

/// Every action without an argument: read back by its name alone (one with an argument has its
/// own arm in [`Action::read`]).
const WITHOUT_ARGUMENT: [Action; 16] = [
    Action::MarkAllRead,
    Action::SaveProfile,
    Action::ImportProfile,
    Action::ClearDevice,
    Action::NotifyOn,
    Action::NotifyOff,
    Action::DismissMessage,
    Action::Feedback(FeedbackAnswer::Helpful),
    Action::Feedback(FeedbackAnswer::NotHelpful),
    Action::LargeText,
    Action::HighContrast,
    Action::ReadAloud,
    Action::TakeAway,
    Action::CloseDialog,
    Action::KioskStart,
    Action::KioskContinue,
];

impl Action {
    /// The `data-action` value.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Follow { .. } => "follow",
            Action::MarkRead { .. } => "read",
            Action::MarkAllRead => "read-all",
            Action::SaveProfile => "save",
            Action::ImportProfile => "import",
            Action::ClearDevice => "clear",
            Action::NotifyOn => "notify-on",
            Action::NotifyOff => "notify-off",
            Action::DismissMessage => "dismiss",
            Action::Feedback(FeedbackAnswer::Helpful) => "feedback-yes",
            Action::Feedback(FeedbackAnswer::NotHelpful) => "feedback-no",
            Action::Feedback(FeedbackAnswer::Reason(_)) => "feedback-reason",
            Action::LargeText => "large",
            Action::HighContrast => "contrast",
            Action::ReadAloud => "speak",
            Action::TakeAway => "take-away",
            Action::CloseDialog => "close",
            Action::KioskStart => "kiosk-start",
            Action::KioskContinue => "continue",
            Action::Pad { .. } => "pad",
        }
    }

    /// The `data-key` value: the action's argument.
    fn key(&self) -> Option<String> {
        match self {
            Action::Follow { kind, id } => Some(format!("{}:{id}", kind.as_str())),
            Action::MarkRead { key } | Action::Pad { key } => Some(key.clone()),
            Action::Feedback(FeedbackAnswer::Reason(reason)) => {
                Some(reason.map_or("skip", Reason::code).to_string())
            }
            _ => None,
        }
    }

    /// Writes the action into a control's attributes.
    pub fn mark(&self, control: El) -> El {
        let control = control.attr("data-action", self.name());
        match self.key() {
            Some(key) => control.attr("data-key", key),
            None => control,
        }
    }

    /// `<button type="button">` with `text` that does this.
    pub fn button(&self, text: impl Into<String>) -> El {
        self.mark(el("button").attr("type", "button")).text(text)
    }

    /// Reads the action back from a control's attributes (`attr` gives an attribute's value);
    /// `None` for anything unknown or incomplete.
    pub fn read(attr: impl Fn(&str) -> Option<String>) -> Option<Action> {
        let name = attr("data-action")?;
        let key = || attr("data-key");
        Some(match name.as_str() {
            "follow" => {
                let key = key()?;
                let (kind, id) = key.split_once(':')?;
                let kind = ItemKind::ALL.into_iter().find(|k| k.as_str() == kind)?;
                Action::Follow { kind, id: id.to_string() }
            }
            "read" => Action::MarkRead { key: key()? },
            "feedback-reason" => {
                let code = key()?;
                let reason = if code == "skip" { None } else { Some(Reason::parse(&code)?) };
                Action::Feedback(FeedbackAnswer::Reason(reason))
            }
            "pad" => Action::Pad { key: key()? },
            _ => return WITHOUT_ARGUMENT.iter().find(|a| a.name() == name).cloned(),
        })
    }

    /// A CSS selector for every control doing this action (buttons showing one state, such as
    /// both copies of 大字, are updated together).
    pub fn selector(&self) -> String {
        format!("[data-action=\"{}\"]", self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_action() -> Vec<Action> {
        let mut all = WITHOUT_ARGUMENT.to_vec();
        all.extend([
            Action::Feedback(FeedbackAnswer::Reason(None)),
            Action::Pad { key: "y".into() },
            Action::Pad { key: "back".into() },
            Action::MarkRead { key: "notice:n-1".into() },
        ]);
        for kind in ItemKind::ALL {
            all.push(Action::Follow { kind, id: "id:with:colons".into() });
        }
        for reason in crate::feedback::REASONS {
            all.push(Action::Feedback(FeedbackAnswer::Reason(Some(reason))));
        }
        all
    }

    #[test]
    fn every_action_reads_back_from_its_markup() {
        for action in every_action() {
            let button = action.button("x");
            let read = Action::read(|name| button.get_attr(name).map(str::to_string));
            assert_eq!(read.as_ref(), Some(&action), "{action:?}");
            assert!(button.get_attr("type") == Some("button"));
        }
    }

    #[test]
    fn names_are_distinct_except_for_arguments() {
        let mut names: Vec<&str> = every_action().iter().map(Action::name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 20);
    }

    #[test]
    fn unknown_or_incomplete_controls_do_nothing() {
        let read = |pairs: &[(&str, &str)]| {
            Action::read(|name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
        };
        assert_eq!(read(&[]), None);
        assert_eq!(read(&[("data-action", "launch")]), None);
        assert_eq!(read(&[("data-action", "follow")]), None);
        assert_eq!(read(&[("data-action", "follow"), ("data-key", "nokind")]), None);
        assert_eq!(read(&[("data-action", "follow"), ("data-key", "movie:1")]), None);
        assert_eq!(read(&[("data-action", "feedback-reason"), ("data-key", "rude")]), None);
        assert_eq!(read(&[("data-action", "read")]), None);
    }
}
