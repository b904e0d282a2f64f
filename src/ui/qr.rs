//! A QR code of the share link, so a result on a laptop or a projector can be
//! opened on a phone. The SVG is built here from the code's modules: one path
//! of unit squares, numbers only, so it is safe to insert as markup.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// Modules of light margin around the code (the standard's quiet zone).
const QUIET: i32 = 4;

/// The path data of a code's dark modules, each row's runs merged into
/// rectangles: `M{x},{y}h{len}v1h-{len}z`. Offsets include the quiet zone.
pub fn modules_path(size: i32, dark: impl Fn(i32, i32) -> bool) -> String {
    let mut d = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && dark(x, y) {
                x += 1;
            }
            let len = x - start;
            d.push_str(&format!("M{},{}h{len}v1h-{len}z", start + QUIET, y + QUIET));
        }
    }
    d
}

/// An SVG QR code of `text` (error correction level M), or `None` when the
/// text is too long for any QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let full = size + 2 * QUIET;
    let d = modules_path(size, |x, y| code.get_module(x, y));
    Some(format!(
        "<svg class=\"qr__svg\" viewBox=\"0 0 {full} {full}\" width=\"{px}\" height=\"{px}\" shape-rendering=\"crispEdges\" xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"{full}\" height=\"{full}\" fill=\"#FFFFFF\"/><path d=\"{d}\" fill=\"#000000\"/></svg>",
        px = full * 4
    ))
}

/// The share link as a QR code, with a caption and a "Show large" toggle.
#[component]
pub fn QrPanel(
    /// The link to encode ([`crate::ui::share::share_url`]).
    #[prop(into)]
    url: Signal<String>,
) -> impl IntoView {
    // The code follows the link one frame late: a change of target or
    // answer paints first, and the QR code (the page's costliest redraw)
    // after it.
    let shown = RwSignal::new(url.get_untracked());
    Effect::new(move |_| {
        let now = url.get();
        if shown.with_untracked(|s| *s != now) {
            crate::time::after_paint(move || {
                let _ = shown.try_set(now);
            });
        }
    });
    let svg = Memo::new(move |_| shown.with(|u| qr_svg(u)));
    let large = RwSignal::new(false);
    view! {
        <section class="qr" class:qr--large=move || large.get() aria-labelledby="qr-title">
            <h2 id="qr-title">"Open on another device"</h2>
            <figure class="qr__figure">
                {move || match svg.get() {
                    Some(markup) => view! {
                        <div
                            class="qr__code"
                            role="img"
                            aria-label="QR code of this result's share link"
                            data-testid="qr-code"
                            inner_html=markup
                        ></div>
                    }
                    .into_any(),
                    None => view! {
                        <p class="qr__none" data-testid="qr-code">"This link is too long for a QR code; share the link instead."</p>
                    }
                    .into_any(),
                }}
                <figcaption class="qr__caption">
                    "Scan with a phone's camera to open this result there. The code holds the same link as above; it is made in this browser and sent nowhere."
                </figcaption>
            </figure>
            <button
                type="button"
                class="button"
                aria-pressed=move || if large.get() { "true" } else { "false" }
                on:click=move |_| large.update(|l| *l = !*l)
            >
                {move || if large.get() { "Show smaller" } else { "Show large (for a projector)" }}
            </button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link;
    use maturity_engine::{Answers, Targets};

    #[test]
    fn runs_merge_into_rectangles_offset_by_the_quiet_zone() {
        // Row 0: ##.#  Row 1: ....
        let grid = [[true, true, false, true], [false; 4]];
        let d = modules_path(4, |x, y| {
            grid.get(y as usize).is_some_and(|r| r[x as usize])
        });
        assert_eq!(d, "M4,4h2v1h-2zM7,4h1v1h-1z");
    }

    #[test]
    fn a_share_link_becomes_a_square_code_of_numbers_only() {
        let m = maturity_engine::builtin();
        let payload = link::encode(m, &Answers::new(m), &Targets::new(m));
        let url = format!("https://example.org/mlops/#/r/{payload}");
        let svg = qr_svg(&url).expect("fits");
        let code = QrCode::encode_text(&url, QrCodeEcc::Medium).unwrap();
        let full = code.size() + 2 * QUIET;
        assert!(svg.contains(&format!("viewBox=\"0 0 {full} {full}\"")));
        // The path is numbers and path commands only.
        let d = svg.split("d=\"").nth(1).unwrap().split('"').next().unwrap();
        assert!(d
            .chars()
            .all(|c| c.is_ascii_digit() || "Mhvz,-".contains(c)));
        // Finder pattern: the top-left 7 modules of the first row are dark.
        assert!(d.starts_with("M4,4h7v1h-7z"));
        assert!(qr_svg(&"x".repeat(8000)).is_none());
    }
}
