//! An in-page confirmation: a short question with a confirm and a cancel
//! button, instead of `window.confirm`.

use leptos::html;
use leptos::prelude::*;

/// Asks before something that cannot be undone. Focus moves to it when it
/// appears so keyboard users land on the question.
#[component]
pub fn ConfirmPanel(
    /// The question, e.g. "Clear all 12 answers?".
    #[prop(into)]
    message: Signal<String>,
    /// Label of the confirming button, e.g. "Yes, start over".
    confirm_label: &'static str,
    /// Label of the cancelling button.
    #[prop(default = "Cancel")]
    cancel_label: &'static str,
    /// Runs when confirmed.
    on_confirm: Callback<()>,
    /// Runs when cancelled.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let panel = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="confirm" role="group" aria-label="Confirm" tabindex="-1" node_ref=panel>
            <p class="confirm__message">{move || message.get()}</p>
            <div class="confirm__actions">
                <button type="button" class="button button--danger" on:click=move |_| on_confirm.run(())>
                    {confirm_label}
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| on_cancel.run(())>
                    {cancel_label}
                </button>
            </div>
        </div>
    }
}
