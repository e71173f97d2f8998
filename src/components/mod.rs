//! Building blocks shared by the pages.

pub mod common;
pub mod follow;
pub mod items;
pub mod layout;
pub mod markup;
pub mod route_focus;
pub mod search_box;
pub mod status;
