//! The surfaces beside the phone pages (`runtime::Surface`, decided once per page load and
//! marked on `<html>`): the kiosk (`/kiosk`, or any route with `?mode=kiosk`), the embed
//! (`/embed/…`) and the display screen (`/screen`). Their controls are plain markup with
//! typed actions (`mingbai_view::action`), handled by the app's one listener (`actions`).

pub mod embed;
pub mod kiosk;
pub mod screen;
