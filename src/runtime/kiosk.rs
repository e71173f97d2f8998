//! The kiosk's idle clock (the behaviour around it is `surfaces::kiosk`): when someone last
//! touched the terminal, and whether the "还在使用吗？" countdown is open.

/// Times are milliseconds since the epoch.
#[derive(Debug, Default, Clone, Copy)]
pub struct Idle {
    pub last_activity: f64,
    /// When the open countdown ends; `None` while no countdown is shown.
    pub deadline: Option<f64>,
    /// Seconds ticked since the kiosk started (the attract screen moves every few).
    pub ticks: u32,
}

impl Idle {
    /// Someone touched the terminal (ignored while the countdown is shown: only "继续使用"
    /// ends it, so a stray touch cannot click through the dialog).
    pub fn touched(&mut self, now: f64) {
        if self.deadline.is_none() {
            self.last_activity = now;
        }
    }

    /// The countdown closes and the idle time starts again.
    pub fn resume(&mut self, now: f64) {
        self.deadline = None;
        self.last_activity = now;
    }

    pub fn countdown_open(&self) -> bool {
        self.deadline.is_some()
    }
}
