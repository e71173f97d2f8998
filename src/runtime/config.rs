//! `config.json` at the site root: where the library is, which region, which hotline.
//! Deployments change only this file (an absolute `library` URL on another origin works
//! when that server allows CORS).

use crate::platform::fetch;
use serde_json::Value;

pub const DEFAULT_LIBRARY: &str = "library/";
pub const DEFAULT_HOTLINE: &str = "12345";

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Library folder or manifest URL, as written (relative to the site root, or absolute).
    pub library: String,
    pub region: Option<String>,
    /// Hotline set by the deployment; `None` lets the library's manifest decide.
    pub hotline: Option<String>,
    /// How often to re-check the notices while the app is open (`refresh_seconds`; 0 = only
    /// when the device comes back online or the page becomes visible again).
    pub refresh_seconds: u32,
    /// Kiosk idle reset (`"kiosk": {"idle_seconds": 120, "countdown_seconds": 20}`).
    pub kiosk: KioskConfig,
    /// The display screen (`"screen"` section).
    pub screen: ScreenConfig,
    /// Origins allowed to talk to `/embed/…` with postMessage (`"embed": {"allowed_origins"}`).
    pub embed_origins: Vec<String>,
    /// Where feedback signals go (`"feedback": {"endpoint": "/feedback"}`); `None`: feedback off.
    pub feedback_endpoint: Option<String>,
}

/// `"screen": {"interval_seconds":12,"kinds":["notice","card","qa"],"refresh_seconds":300}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenConfig {
    pub interval_seconds: u32,
    /// Kind names in the order shown (see `mingbai_core::screen::parse_kinds`).
    pub kinds: Vec<String>,
    pub refresh_seconds: u32,
    /// Share of the rotation for urgent notices (`mingbai_core::screen::urgent_share`).
    pub urgent_share: f64,
}

impl Default for ScreenConfig {
    fn default() -> Self {
        ScreenConfig {
            interval_seconds: 12,
            kinds: Vec::new(),
            refresh_seconds: 300,
            urgent_share: mingbai_core::screen::DEFAULT_URGENT_SHARE,
        }
    }
}

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

fn seconds(section: Option<&Value>, name: &str, default: u32) -> u32 {
    match section.and_then(|s| s.get(name)).and_then(Value::as_u64) {
        Some(n) => n.clamp(1, 86_400) as u32,
        None => default,
    }
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(Value::as_str).map(|s| s.trim().to_string()).collect())
        .unwrap_or_default()
}

impl Default for Config {
    fn default() -> Self {
        Config {
            library: DEFAULT_LIBRARY.to_string(),
            region: None,
            hotline: None,
            refresh_seconds: super::refresh::DEFAULT_SECONDS,
            kiosk: Default::default(),
            screen: ScreenConfig::default(),
            embed_origins: Vec::new(),
            feedback_endpoint: None,
        }
    }
}

impl Config {
    /// Reads the fields it knows; a wrong or missing field keeps its default.
    pub fn from_json(text: &str) -> Result<Config, String> {
        let value: Value =
            mingbai_core::json::parse(text.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())?;
        let field = |name: &str| match value.get(name) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        Ok(Config {
            library: field("library").unwrap_or_else(|| DEFAULT_LIBRARY.to_string()),
            region: field("region"),
            hotline: field("hotline"),
            refresh_seconds: field("refresh_seconds")
                .and_then(|s| s.parse().ok())
                .unwrap_or(super::refresh::DEFAULT_SECONDS),
            kiosk: KioskConfig::from_json(value.get("kiosk")),
            screen: {
                let section = value.get("screen");
                let d = ScreenConfig::default();
                ScreenConfig {
                    interval_seconds: seconds(section, "interval_seconds", d.interval_seconds),
                    kinds: strings(section.and_then(|s| s.get("kinds"))),
                    refresh_seconds: seconds(section, "refresh_seconds", d.refresh_seconds),
                    urgent_share: mingbai_core::screen::urgent_share(
                        section.and_then(|s| s.get("urgent_share")).and_then(Value::as_f64),
                    ),
                }
            },
            embed_origins: strings(value.get("embed").and_then(|e| e.get("allowed_origins"))),
            feedback_endpoint: value
                .get("feedback")
                .and_then(|f| f.get("endpoint"))
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_string),
        })
    }

    /// Absolute URL of the library's manifest: a `.json` URL is the manifest itself,
    /// anything else is the folder that holds `manifest.json`.
    pub fn manifest_url(&self) -> Option<String> {
        let root = fetch::site_root();
        let library = self.library.trim();
        if library.to_ascii_lowercase().ends_with(".json") {
            fetch::resolve(library, &root)
        } else {
            let folder = if library.ends_with('/') {
                library.to_string()
            } else {
                format!("{library}/")
            };
            let folder = fetch::resolve(&folder, &root)?;
            fetch::resolve("manifest.json", &folder)
        }
    }
}

/// Fetches `/config.json`; without one (or with a broken one) the defaults apply.
pub async fn load() -> Config {
    match fetch::text("/config.json").await {
        Ok(text) => Config::from_json(&text).unwrap_or_else(|reason| {
            leptos::logging::warn!("config.json 无法解析（{reason}），使用默认设置");
            Config::default()
        }),
        Err(reason) => {
            leptos::logging::warn!("无法读取 config.json（{reason}），使用默认设置");
            Config::default()
        }
    }
}
