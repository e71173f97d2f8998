//! Fallback for unknown routes.

use crate::components::status::not_found;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    not_found()
}
