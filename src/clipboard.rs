//! The one module that touches the clipboard.

use wasm_bindgen_futures::JsFuture;

/// Why text could not be copied; the caller then selects it for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyFailed;

/// Copies `text` with `navigator.clipboard.writeText`.
///
/// # Errors
/// [`CopyFailed`] when the API is missing (insecure context, old browser) or
/// the browser refuses (permission, document not focused).
pub async fn copy(text: &str) -> Result<(), CopyFailed> {
    let window = web_sys::window().ok_or(CopyFailed)?;
    let clipboard = window.navigator().clipboard();
    // `clipboard` is undefined outside secure contexts even though web-sys
    // types it as always present.
    if wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
        return Err(CopyFailed);
    }
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| CopyFailed)
}
