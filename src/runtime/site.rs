//! The `mingbai_view::site::Site` the pure pages render from, built from the runtime: the loaded
//! library, the hotline, this device, this page's address, the surface, and links resolved
//! against the library's URL.

use super::library::Loaded;
use super::Runtime;
use crate::platform;
use mingbai_view::site::{Device, Site};

impl Runtime {
    /// Runs `f` with the `Site` of `loaded` as this device (`device`) sees it.
    pub fn with_site<R>(&self, loaded: &Loaded, hotline: &str, device: &Device, f: impl FnOnce(&Site) -> R) -> R {
        let resolve = |url: &str| platform::fetch::resolve(url, &loaded.manifest_url);
        let page_url = platform::page_url();
        f(&Site {
            library: &loaded.library,
            today: loaded.today.clone(),
            hotline,
            resolve: &resolve,
            kinds: &loaded.kinds,
            failed: &loaded.failed,
            device: Some(device),
            kiosk: self.is_kiosk(),
            page_url: Some(&page_url),
            feedback: self.feedback_enabled(),
        })
    }
}
