//! Small pieces of markup used on many pages: the pure ones of `mingbai_view`.

pub use mingbai_view::common::*;
