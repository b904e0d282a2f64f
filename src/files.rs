//! The one module for files: saving a download (a `Blob`, an object URL and
//! an `<a download>`), reading a file the user chose (`File.text()`),
//! turning an SVG into a PNG (an `Image` drawn on a `<canvas>`), and
//! printing. Everything that leaves the page as a file goes through here.
//!
//! Every call is fallible and returns a [`FileError`] the page can show;
//! nothing here panics.

use js_sys::{Array, Promise};
use std::fmt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, File, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, HtmlInputElement, Url,
};

/// Why a file could not be saved or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileError {
    /// The browser would not start the download.
    Download,
    /// The chosen file could not be read (moved, deleted, or unreadable).
    Read,
    /// The chart could not be turned into a picture.
    Image,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileError::Download => "this browser didn't let the page save a file",
            FileError::Read => "the file couldn't be read: it may have been moved or deleted",
            FileError::Image => "the chart couldn't be turned into a picture in this browser",
        })
    }
}

/// A dated file name, e.g. `mlops-maturity-2026-11-28.json`, from the local
/// calendar date of `ms` (milliseconds since the Unix epoch).
pub fn dated_name(stem: &str, ms: f64, extension: &str) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    file_name(
        stem,
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        extension,
    )
}

/// `stem-YYYY-MM-DD.extension`.
pub fn file_name(stem: &str, year: u32, month: u32, day: u32, extension: &str) -> String {
    format!("{stem}-{year:04}-{month:02}-{day:02}.{extension}")
}

fn text_blob(text: &str, mime: &str) -> Result<Blob, FileError> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| FileError::Download)
}

/// Saves `text` as a file named `name` of type `mime` (e.g.
/// `"text/csv;charset=utf-8"`).
///
/// # Errors
/// [`FileError::Download`] when the browser refuses.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), FileError> {
    download_blob(name, &text_blob(text, mime)?)
}

/// Saves a blob as a file named `name`.
///
/// # Errors
/// [`FileError::Download`] when the browser refuses.
pub fn download_blob(name: &str, blob: &Blob) -> Result<(), FileError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(FileError::Download)?;
    let url = Url::create_object_url_with_blob(blob).map_err(|_| FileError::Download)?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| FileError::Download)?
        .dyn_into()
        .map_err(|_| FileError::Download)?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or(FileError::Download)?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    // Some browsers read the URL after `click` returns: revoke it later.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000);
    }
    Ok(())
}

/// The files chosen in a file input.
pub fn chosen_files(input: &HtmlInputElement) -> Vec<File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// A chosen file's text (decoded as UTF-8).
///
/// # Errors
/// [`FileError::Read`].
pub async fn read_text(file: &File) -> Result<String, FileError> {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(FileError::Read)
}

/// Draws an SVG (with `width`/`height` attributes) onto a white canvas
/// `scale` times its size and returns the PNG. The SVG goes in as a `data:`
/// URL, which the app's Content-Security-Policy allows for images.
///
/// # Errors
/// [`FileError::Image`] when the SVG does not load or the canvas fails.
pub async fn svg_to_png(svg: &str, width: u32, height: u32, scale: f64) -> Result<Blob, FileError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(FileError::Image)?;
    let img = HtmlImageElement::new().map_err(|_| FileError::Image)?;
    let loaded = Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    img.set_src(&src);
    JsFuture::from(loaded).await.map_err(|_| FileError::Image)?;
    img.set_onload(None);
    img.set_onerror(None);

    let (w, h) = (f64::from(width) * scale, f64::from(height) * scale);
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| FileError::Image)?
        .dyn_into()
        .map_err(|_| FileError::Image)?;
    canvas.set_width(w.round() as u32);
    canvas.set_height(h.round() as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(FileError::Image)?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, w, h);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
        .map_err(|_| FileError::Image)?;

    let blob = Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if canvas
            .to_blob_with_type(done.unchecked_ref(), "image/png")
            .is_err()
        {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    JsFuture::from(blob)
        .await
        .ok()
        .and_then(|b| b.dyn_into::<Blob>().ok())
        .ok_or(FileError::Image)
}

/// Opens the browser's print dialog (print styles are in `style/pages.css`).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn names_are_dated_and_zero_padded() {
        assert_eq!(
            file_name("mlops-maturity", 2026, 11, 28, "json"),
            "mlops-maturity-2026-11-28.json"
        );
        assert_eq!(
            file_name("radar", 2027, 1, 5, "png"),
            "radar-2027-01-05.png"
        );
    }
}
