//! Loading a mingbai library in the browser, written once for every place that loads one: the
//! app (window), the display screen (window) and the search worker (worker scope).
//!
//! - [`fetch`]: downloads through the global `fetch` of whichever scope runs the code;
//! - [`kept`]: the device's last good copy of each library file (Cache Storage
//!   `mingbai_core::LIBRARY_CACHE`);
//! - [`obtain`]: the loading loop's steps: a file's kept copy first, else the network; a fresh
//!   download checked with `mingbai_core::check_replacement` before it may replace a kept copy;
//! - [`whole`]: a whole library past the HTTP cache with that rule (the display screen).
//!
//! The rule itself (what may replace a kept copy) is `mingbai_core::accept`; this crate only
//! applies it, so every surface accepts and refuses the same downloads (docs/offline.md).

pub mod fetch;
pub mod kept;
pub mod obtain;
mod response;
pub mod whole;

pub use response::{body_text, response_text};
