//! QR codes as SVG markup (`mingbai_core::qr` encodes): print QR codes and the kiosk's 扫码带走.

use crate::markup::{el, El};
use mingbai_core::qr::QrCode;

/// The QR code of `text` as SVG: one `<rect>` per horizontal run of dark modules. `None` when
/// the text is too long for a code that scans well from a screen.
pub fn qr_svg(text: &str, label: &str) -> Option<El> {
    let qr = QrCode::encode_link(text)?;
    let full = (qr.size + 8).to_string();
    let runs = qr.dark_runs().into_iter().map(|(x, y, len)| {
        el("rect")
            .attr("x", (x + 4).to_string())
            .attr("y", (y + 4).to_string())
            .attr("width", len.to_string())
            .attr("height", "1")
            .into()
    });
    Some(
        el("svg")
            .class("qr")
            .attr("viewBox", format!("0 0 {full} {full}"))
            .attr("role", "img")
            .attr("aria-label", label)
            .attr("shape-rendering", "crispEdges")
            .child(el("rect").attr("width", full.clone()).attr("height", full).attr("fill", "#fff"))
            .children(runs),
    )
}
