//! Notices about the draft and storage, shown above every page.

use crate::route::Route;
use crate::state::use_app;
use leptos::prelude::*;

/// Storage, unreadable-draft, dropped-answers and other-tab notices.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app();
    let storage_msg = move || {
        state.storage_error.get().map(|e| {
            format!(
                "Saving is off: {e}. Your answers stay while this tab is open, but they won't survive a reload. \
                 To keep them, copy the result link."
            )
        })
    };
    view! {
        <div class="notices">
            <Show when=move || state.storage_error.with(Option::is_some)>
                <div class="notice notice--warning" role="status" data-testid="notice-storage">
                    <p>{storage_msg}</p>
                </div>
            </Show>
            {move || {
                state.corrupt.get().map(|c| {
                    let kept = match &c.backup_key {
                        Some(key) => format!(
                            "It was kept as a backup in this browser's storage under \"{key}\", and you are starting fresh."
                        ),
                        None => "There was no room to keep a backup, so it was left untouched and saving is off."
                            .to_owned(),
                    };
                    view! {
                        <div class="notice notice--error" role="alert" data-testid="notice-draft-corrupt">
                            <p>
                                <strong>"Your saved answers couldn't be read. "</strong>
                                {c.reason.clone()}
                                " "
                                {kept}
                            </p>
                            <div class="notice__actions">
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        state.corrupt.set(None);
                                        state.go(Route::Step(0));
                                    }
                                >
                                    "Start a fresh assessment"
                                </button>
                                <button type="button" class="button button--quiet" on:click=move |_| state.corrupt.set(None)>
                                    "Dismiss"
                                </button>
                            </div>
                        </div>
                    }
                })
            }}
            <Show when=move || state.dropped.with(|d| !d.is_empty())>
                <div class="notice" role="status" data-testid="notice-draft-dropped">
                    <p>
                        "Some saved answers don't match this version of the questions and were left out: "
                        {move || state.dropped.get().join(", ")}
                    </p>
                    <button type="button" class="button button--quiet" on:click=move |_| state.dropped.set(Vec::new())>
                        "Dismiss"
                    </button>
                </div>
            </Show>
            <Show when=move || state.from_other_tab.get()>
                <div class="notice" role="status" data-testid="notice-other-tab">
                    <p>"Updated from another tab: you changed these answers in another window, so this one now shows them too."</p>
                    <button type="button" class="button button--quiet" on:click=move |_| state.from_other_tab.set(false)>
                        "Dismiss"
                    </button>
                </div>
            </Show>
        </div>
    }
}
