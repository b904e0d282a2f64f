//! Sharing a result: the link, shown and copyable.

use crate::{clipboard, link, location};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use maturity_engine::{Answers, Model, Targets};

/// The full result link for these answers and targets, kept current.
pub fn share_url(
    model: &'static Model,
    answers: Signal<Answers>,
    targets: Signal<Targets>,
) -> Memo<String> {
    Memo::new(move |_| {
        let payload = answers.with(|a| targets.with(|t| link::encode(model, a, t)));
        location::share_url(&payload)
    })
}

/// The result link with a "Copy link" button.
#[component]
pub fn SharePanel(
    /// The link ([`share_url`]).
    #[prop(into)]
    url: Signal<String>,
) -> impl IntoView {
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">"Share or keep this result"</h2>
            <p class="share__intro">
                "The link holds the answers themselves, after the #, which browsers never send to a server. Anyone who opens it sees this result, read-only."
            </p>
            <CopyLink
                url=url
                field_id="share-link"
                label="Share link"
                testid="share-link"
                copied="Link copied. Paste it anywhere to share this result."
            />
        </section>
    }
}

/// A link in a read-only field with a "Copy link" button. When the
/// clipboard is not available the link is selected so the user can copy it
/// themselves.
#[component]
pub fn CopyLink(
    /// The link.
    #[prop(into)]
    url: Signal<String>,
    /// The field's id.
    field_id: &'static str,
    /// The field's label.
    label: &'static str,
    /// The field's `data-testid`.
    testid: &'static str,
    /// What to say once the link is copied.
    copied: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let input = NodeRef::<html::Input>::new();
    let copy = move |_| {
        let text = url.get_untracked();
        spawn_local(async move {
            match clipboard::copy(&text).await {
                Ok(()) => {
                    status.try_set(copied.to_owned());
                }
                Err(_) => {
                    // The page may have changed while the copy was pending:
                    // then the field is gone, and so is this message.
                    if let Some(Some(el)) = input.try_get_untracked() {
                        let _ = el.focus();
                        el.select();
                    }
                    status.try_set(
                        "Couldn't copy automatically. The link is selected: press Ctrl+C (\u{2318}C on a Mac), or long-press and choose Copy."
                            .to_owned(),
                    );
                }
            }
        });
    };
    view! {
        <label class="share__label" for=field_id>{label}</label>
        <div class="share__row">
            <input
                id=field_id
                class="share__input"
                type="text"
                readonly
                data-testid=testid
                prop:value=move || url.get()
                node_ref=input
                on:focus=move |_| {
                    if let Some(el) = input.get_untracked() {
                        el.select();
                    }
                }
            />
            <button type="button" class="button button--primary" on:click=copy>"Copy link"</button>
        </div>
        <p class="share__status" role="status">{move || status.get()}</p>
    }
}
