//! The app's pages. The public routes are pure pages of `mingbai_view` (the same ones
//! `mingbai site` pre-renders), drawn by [`view_page::ViewPage`] with the effects around them;
//! the pages only the app can show (subscriptions, inbox) render through
//! `components::page::page`.

pub mod inbox;
pub mod subscribe;
pub mod view_page;
