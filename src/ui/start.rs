//! The start page: what the assessment is, and start or resume.

use crate::route::Route;
use crate::state::use_app;
use crate::time;
use crate::ui::confirm::ConfirmPanel;
use crate::ui::format::count_words;
use leptos::prelude::*;

/// Explains the assessment and offers to start, or to resume the draft.
#[component]
pub fn StartPage() -> impl IntoView {
    let state = use_app();
    let model = state.model;
    let total = model.questions.len();
    let answered = Memo::new(move |_| state.draft.with(|d| d.answers.answered()));
    let confirming = RwSignal::new(false);

    let resume = move |_| crate::ui::focus::go_to_first_unanswered(state);

    let actions = move || {
        if answered.get() == 0 {
            view! {
                <div class="start__actions">
                    <button type="button" class="button button--primary" on:click=move |_| state.go(Route::Step(0))>
                        "Start the assessment"
                    </button>
                </div>
            }
            .into_any()
        } else {
            let changed = state.draft.with(|d| time::when(d.updated_ms));
            view! {
                <div class="start__resume">
                    <p class="start__draft">
                        "Your saved draft: "
                        <strong>{move || format!("{} of {total} answered", answered.get())}</strong>
                        {format!(", last changed {changed}.")}
                    </p>
                    <div class="start__actions">
                        {move || if answered.get() == total {
                            // Nothing left to resume: the results, or a look back.
                            view! {
                                <button type="button" class="button button--primary" on:click=move |_| state.go(Route::Results)>
                                    "See results"
                                </button>
                                <button type="button" class="button" on:click=move |_| state.go(Route::Step(0))>
                                    "Review answers"
                                </button>
                            }
                            .into_any()
                        } else {
                            view! {
                                <button type="button" class="button button--primary" on:click=resume>
                                    "Resume"
                                </button>
                            }
                            .into_any()
                        }}
                        <button type="button" class="button" on:click=move |_| confirming.set(true)>
                            "Start over"
                        </button>
                    </div>
                    <Show when=move || confirming.get()>
                        <ConfirmPanel
                            message=Signal::derive(move || {
                                format!(
                                    "Start over? This clears all {} answers saved in this browser. Links you've shared keep working.",
                                    answered.get(),
                                )
                            })
                            confirm_label="Yes, start over"
                            on_confirm=Callback::new(move |_| {
                                confirming.set(false);
                                state.start_over();
                                state.go(Route::Step(0));
                            })
                            on_cancel=Callback::new(move |_| confirming.set(false))
                        />
                    </Show>
                </div>
            }
            .into_any()
        }
    };

    view! {
        <article class="start">
            <h1 class="start__title" tabindex="-1">"MLOps maturity self-assessment"</h1>
            <p class="start__lead">
                "Find out where your team stands on the five-level MLOps maturity model, what holds each area back, and what to do next."
            </p>
            <ul class="start__facts">
                <li>
                    <strong>{format!("{total} questions")}</strong>
                    {format!(" in {} areas, about 10 minutes.", model.dimensions.len())}
                </li>
                <li>
                    <strong>"Nothing leaves your browser. "</strong>
                    "Answers are saved on this device only; a share link carries them after the #, which is never sent to a server."
                </li>
                <li>
                    <strong>"Explained results: "</strong>
                    "a level and score per area, why, and the next practices to put in place."
                </li>
            </ul>
            <div class="start__scope">
                <label class="start__scope-label" for="scope">
                    "What does this assessment cover? "
                    <span class="start__optional">"(optional)"</span>
                </label>
                <p class="start__hint" id="scope-hint">
                    "Which team, and which production models: the answers mean \u{201c}how many of these models\u{201d}. Kept with your answers and in exports, never in share links."
                </p>
                <input
                    class="start__scope-input"
                    id="scope"
                    type="text"
                    maxlength="200"
                    autocomplete="off"
                    placeholder="e.g. Payments team: the fraud and credit-risk models"
                    aria-describedby="scope-hint"
                    prop:value=move || state.draft.with(|d| d.scope.clone())
                    on:input=move |ev| state.set_scope(event_target_value(&ev))
                />
            </div>
            {actions}
            <section class="start__section" aria-labelledby="levels-title">
                <h2 id="levels-title">{format!("The {} levels at a glance", count_words(model.levels.len()))}</h2>
                <ol class="levels" start="0">
                    {model
                        .levels
                        .iter()
                        .map(|l| {
                            view! {
                                <li class="levels__item">
                                    <span class="levels__number" aria-hidden="true">{l.number}</span>
                                    <span class="levels__body">
                                        <strong class="levels__name">{format!("Level {}: {}", l.number, l.name)}</strong>
                                        <span class="levels__highlight">{l.highlights.first().cloned()}</span>
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
            <section class="start__section" aria-labelledby="areas-title">
                <h2 id="areas-title">"What it asks about"</h2>
                <dl class="areas">
                    {model
                        .dimensions
                        .iter()
                        .map(|d| {
                            view! {
                                <div class="areas__item">
                                    <dt>{d.name.clone()}</dt>
                                    <dd>{d.summary.clone()}</dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
                <p class="start__source">{model.source.clone()}</p>
            </section>
        </article>
    }
}
