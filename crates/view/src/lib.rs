//! mingbai's pages as pure functions (see the crate description).
//!
//! - [`action`]: what each live control does, typed, written into its attributes.
//! - [`markup`]: the node tree pages build; [`html`] writes it as HTML (the app draws it as DOM).
//! - [`route`]: the stable routes and every href.
//! - [`site`]: what a page renders from ([`site::Site`]) and gives back ([`site::Page`]).
//! - [`pages`]: one file per route; [`frame`]: header, footer and page tools; [`status`]:
//!   loading, broken and not-found states.
//! - [`feedback`]: the 有用/没用 block under content pages and search results.
//! - [`structured`]: schema.org JSON-LD and breadcrumbs for the pre-rendered files.

pub mod action;
pub mod common;
pub mod feedback;
pub mod frame;
pub mod html;
pub mod items;
pub mod markup;
pub mod pages;
pub mod qr;
pub mod route;
pub mod site;
pub mod status;
pub mod structured;

pub use pages::render;
