//! The start page: what the assessment is, and start or resume.

use crate::route::Route;
use crate::site;
use crate::state::use_app;
use crate::storage;
use crate::time;
use crate::ui::confirm::ConfirmPanel;
use crate::ui::format::{count_words, time_estimate};
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
            {heading(model)}
            <ModelChoice/>
            <ul class="start__facts">
                <li>
                    <strong>{format!("{total} questions")}</strong>
                    {format!(" in {} areas, {}.", model.dimensions.len(), time_estimate(total))}
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

/// The page's title and lead: the built-in model's as the static shell in
/// index.html has them, or the running model's own title.
fn heading(model: &'static maturity_engine::Model) -> impl IntoView {
    let builtin = model.id == maturity_engine::builtin_core().id;
    let title = if builtin {
        "MLOps maturity self-assessment".to_owned()
    } else {
        model.title.clone()
    };
    let lead = if builtin {
        "Find out where your team stands on the five-level MLOps maturity model, what holds each area back, and what to do next.".to_owned()
    } else {
        format!(
            "Find out where your team stands on this model's {} levels, what holds each area back, and what to do next.",
            count_words(model.levels.len())
        )
    };
    view! {
        <h1 class="start__title" tabindex="-1">{title}</h1>
        <p class="start__lead">{lead}</p>
    }
}

/// One questionnaire the site offers.
struct Choice {
    /// `None`: the built-in model.
    id: Option<&'static str>,
    title: &'static str,
    dimensions: usize,
    questions: usize,
    levels: usize,
}

/// The questionnaires of a site built with more than the built-in model
/// (`MODELS=…`), to switch between; each keeps its own draft. Not shown on
/// a site with one model, nor while a model file is previewed.
#[component]
fn ModelChoice() -> impl IntoView {
    if site::EXTRA.is_empty() || site::previewed_id().is_some() {
        return None;
    }
    let builtin = maturity_engine::builtin_core();
    let choices = std::iter::once(Choice {
        id: None,
        title: builtin.title.as_str(),
        dimensions: builtin.dimensions.len(),
        questions: builtin.questions.len(),
        levels: builtin.levels.len(),
    })
    .chain(site::EXTRA.iter().map(|m| Choice {
        id: Some(m.id),
        title: m.title,
        dimensions: m.dimensions,
        questions: m.questions,
        levels: m.levels,
    }));
    let running = site::active_id();
    let failed = RwSignal::new(None::<String>);
    let items = choices
        .map(|c| {
            let current = c.id == running;
            let facts = format!(
                "{} areas \u{b7} {} questions \u{b7} levels 0\u{2013}{}",
                c.dimensions,
                c.questions,
                c.levels.saturating_sub(1)
            );
            let has_draft = !current
                && storage::get(&storage::scoped_for(storage::DRAFT_KEY, c.id))
                    .ok()
                    .flatten()
                    .is_some();
            let id = c.id;
            let switch = move |_| match site::choose(id) {
                Ok(()) => site::restart(),
                Err(e) => failed.set(Some(format!("Can't switch questionnaires: {e}."))),
            };
            view! {
                <li class="models__item" class:models__item--current=current aria-current=current.then_some("true")>
                    <span class="models__name">{c.title}</span>
                    <span class="models__facts">{facts}</span>
                    {has_draft.then(|| view! { <span class="models__draft">"Draft saved in this browser"</span> })}
                    {if current {
                        view! { <span class="models__badge">"In use"</span> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button models__switch" aria-label=format!("Switch to {}", c.title) on:click=switch>
                                "Switch"
                            </button>
                        }
                        .into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="models" aria-labelledby="models-title">
            <h2 id="models-title" class="models__title">"Questionnaires on this site"</h2>
            <ul class="models__list">{items}</ul>
            {move || failed.get().map(|m| view! { <p class="models__error" role="alert">{m}</p> })}
        </section>
    })
}
