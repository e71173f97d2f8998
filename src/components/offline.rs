//! "离线浏览：数据更新于 2024年7月1日": shown while the library's server cannot be reached and
//! the pages show the copy kept on this device (see `runtime::load`, docs/offline.md). The
//! live region is always in the page so screen readers announce the notice when it appears.

use crate::runtime::use_runtime;
use leptos::prelude::*;

#[component]
pub fn OfflineNotice() -> impl IntoView {
    let rt = use_runtime();
    view! {
        <div class="offline-region" role="status">
            {move || rt.offline_notice.get().map(|text| view! { <p class="offline-notice">{text}</p> })}
        </div>
    }
}
