//! Reading a library file's text from a fetch `Response` (from the network or a kept copy), with
//! the same checks and the same Chinese reasons wherever it runs.

use wasm_bindgen_futures::JsFuture;

/// The text of a response from the network: an error status, a cut-off body or a web page in
/// place of a data file each become a reason.
pub async fn response_text(response: web_sys::Response) -> Result<String, String> {
    if !response.ok() {
        return Err(format!("服务器返回 {}", response.status()));
    }
    body_text(response).await
}

/// The body text of a response (from the network or a kept copy), unless it is a web page.
pub async fn body_text(response: web_sys::Response) -> Result<String, String> {
    let body = response.text().map_err(|_| "无法读取服务器的回应".to_string())?;
    let text = JsFuture::from(body)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "下载中断，文件不完整".to_string())?;
    // Static hosts with an index.html fallback answer a missing file with the app's page.
    if mingbai_core::is_web_page(&text) {
        return Err("服务器返回的是网页而不是数据文件，文件可能不存在".to_string());
    }
    Ok(text)
}
