//! The frame of the app's wide tables (compare, targets, team): a region
//! that scrolls sideways on a phone and can be scrolled from the keyboard,
//! labelled by the table's caption, and the column headings.

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
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=caption_id>
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
