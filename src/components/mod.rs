//! Building blocks shared by the pages.

pub mod common;
pub mod items;
pub mod layout;
pub mod markup;
pub mod status;
