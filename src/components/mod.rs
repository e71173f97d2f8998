//! Building blocks shared by the pages.

pub mod common;
pub mod display_settings;
pub mod follow;
pub mod layout;
pub mod markup;
pub mod offline;
pub mod page_tools;
pub mod read_aloud;
pub mod route_focus;
pub mod search_box;
pub mod status;
pub mod take_away;
