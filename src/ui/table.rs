//! The frame of the app's wide tables (compare, targets, team): a region
//! that scrolls sideways on a phone and can be scrolled from the keyboard,
//! labelled by the table's caption, and the column headings. When the
//! table is wider than its region, a line above it says so and the
//! region's edges are shaded where more columns hide.

use leptos::prelude::*;

/// A captioned table of rows in a keyboard-scrollable region.
#[component]
pub fn ScrollTable(
    /// The caption's id; it also labels the scroll region.
    caption_id: &'static str,
    /// What the table shows.
    #[prop(into)]
    caption: String,
    /// Caption for screen readers only (the section's heading says it).
    #[prop(optional)]
    hide_caption: bool,
    /// Classes beyond `scores`.
    #[prop(optional)]
    class: &'static str,
    /// `data-testid` of the table.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The column headings.
    headings: &'static [&'static str],
    /// The rows.
    children: Children,
) -> impl IntoView {
    let table_class = if class.is_empty() {
        "scores".to_owned()
    } else {
        format!("scores {class}")
    };
    let caption_class = if hide_caption {
        "visually-hidden"
    } else {
        "scores__caption"
    };
    let wrap = NodeRef::<leptos::html::Div>::new();
    let overflows = RwSignal::new(false);
    // Also runs from a frame callback, which can come after the page has
    // gone: then there is nothing to measure.
    let measure = move || {
        if let Some(Some(el)) = wrap.try_get_untracked() {
            let _ = overflows.try_set(el.scroll_width() > el.client_width() + 1);
        }
    };
    Effect::new(move |_| {
        if wrap.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    view! {
        <p class="table-hint" hidden=move || !overflows.get()>
            "Scroll sideways for more columns \u{2192}"
        </p>
        <div class="table-wrap" class:table-wrap--overflows=move || overflows.get() tabindex="0" role="region" aria-labelledby=caption_id node_ref=wrap>
            <table class=table_class data-testid=testid>
                <caption class=caption_class id=caption_id>{caption}</caption>
                <thead>
                    <tr>{headings.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
