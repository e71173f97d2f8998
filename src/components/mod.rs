//! Building blocks shared by the pages and surfaces. Components use the runtime and the
//! platform, never pages or surfaces.

pub mod common;
pub mod display_settings;
pub mod follow;
pub mod layout;
pub mod markup;
pub mod offline;
pub mod page;
pub mod page_tools;
pub mod read_aloud;
pub mod route_focus;
pub mod search_box;
pub mod status;
pub mod take_away;
