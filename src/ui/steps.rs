//! The questionnaire: the step list, overall progress, and one page per
//! dimension.

use crate::route::Route;
use crate::state::use_app;
use crate::ui::notices::{Notice, NoticeActions, Tone};
use crate::ui::question::QuestionCard;
use leptos::prelude::*;
use maturity_engine::Answer;

/// The list of steps, one link per dimension plus "Results", each with how
/// many of its questions are answered.
#[component]
pub fn StepNav(
    /// The route on screen, marked with `aria-current`.
    current: Route,
    /// Whether a phone shows the list; wider screens always do. The step
    /// pages' sticky bar opens it; elsewhere it is always shown.
    #[prop(optional)]
    open: Option<ReadSignal<bool>>,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let counts = Memo::new(move |_| {
        state.draft.with(|d| {
            (0..model.dimensions.len())
                .map(|dim| {
                    let qs: Vec<usize> = model.questions_of(dim).collect();
                    let done = qs
                        .iter()
                        .filter(|q| d.answers.get(**q) != Answer::Unanswered)
                        .count();
                    (done, qs.len())
                })
                .collect::<Vec<_>>()
        })
    });
    let items = model
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let route = Route::Step(i);
            let here = current == route;
            let count_id = format!("step-count-{}", d.id);
            let count = move || counts.with(|c| c[i]);
            view! {
                <li class="steps__item" class:steps__item--current=here class:steps__item--done=move || { let (a, t) = count(); a == t }>
                    <a
                        class="steps__link"
                        href=route.to_hash(model)
                        aria-current=here.then_some("step")
                        aria-describedby=count_id.clone()
                    >
                        <span class="steps__name">{d.name.clone()}</span>
                        <span class="steps__count" aria-hidden="true">
                            {move || { let (a, t) = count(); format!("{a}/{t}") }}
                        </span>
                    </a>
                    <span class="visually-hidden" id=count_id>
                        {move || { let (a, t) = count(); format!("{a} of {t} answered") }}
                    </span>
                </li>
            }
        })
        .collect_view();
    let results_here = current == Route::Results;
    view! {
        <nav
            class="steps"
            class:steps--collapsible=open.is_some()
            class:steps--open=move || open.is_some_and(|o| o.get())
            id="step-list"
            aria-label="Assessment steps"
        >
            <ol class="steps__list">
                {items}
                <li class="steps__item steps__item--results" class:steps__item--current=results_here>
                    <a class="steps__link" href="#/results" aria-current=results_here.then_some("page")>
                        <span class="steps__name">"Results"</span>
                    </a>
                </li>
            </ol>
        </nav>
    }
}

/// The step pages' sticky bar, one row on a phone: the step's name (the
/// page's title), how
/// many questions are answered, with a bar, and a button that opens the
/// step list.
#[component]
fn StepBar(dimension: usize) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let total = model.questions.len();
    let steps = model.dimensions.len();
    let answered = Memo::new(move |_| state.draft.with(|d| d.answers.answered()));
    let (open, set_open) = signal(false);
    view! {
        <div class="stepbar">
            <div class="stepbar__row">
                // On a narrow phone the step and the count shrink to "2/5"
                // and "7/30", so the step's name keeps its room; the words
                // stay for screen readers.
                <p class="stepbar__step">
                    <span class="stepbar__long">{format!("Step {} of {steps}", dimension + 1)}</span>
                    <span class="stepbar__short" aria-hidden="true">{format!("{}/{steps}", dimension + 1)}</span>
                </p>
                <h1 class="stepbar__name" id="step-title" tabindex="-1">{model.dimensions[dimension].name.clone()}</h1>
                <p class="stepbar__count" data-testid="progress">
                    <span class="stepbar__long">{move || format!("{} of {total} answered", answered.get())}</span>
                    <span class="stepbar__short" aria-hidden="true">{move || format!("{}/{total}", answered.get())}</span>
                </p>
                <button
                    type="button"
                    class="stepbar__toggle"
                    aria-controls="step-list"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| set_open.update(|o| *o = !*o)
                >
                    "Steps"
                </button>
            </div>
            <div class="progress__bar" aria-hidden="true">
                <div
                    class="progress__fill"
                    style:width=move || format!("{:.1}%", 100.0 * answered.get() as f64 / total.max(1) as f64)
                ></div>
            </div>
            <StepNav current=Route::Step(dimension) open=open/>
        </div>
    }
}

/// One step of the questionnaire: the questions of one dimension.
#[component]
pub fn StepPage(
    /// Index of the dimension.
    dimension: usize,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let dim = &model.dimensions[dimension];
    let steps = model.dimensions.len();
    let last = dimension + 1 == steps;
    let unanswered =
        Memo::new(move |_| state.draft.with(|d| d.answers.len() - d.answers.answered()));
    let here_unanswered = Memo::new(move |_| state.unanswered_of(dimension).len());
    // Next with questions of this step unanswered asks first; so does the
    // last step's "See results" with any question unanswered.
    let checking = RwSignal::new(false);
    let step_shown = Memo::new(move |_| checking.get() && !last && here_unanswered.get() > 0);
    let shown = Memo::new(move |_| checking.get() && last && unanswered.get() > 0);
    // Focus the notice as it appears, so its count is read out and its
    // buttons are next in tab order.
    Effect::new(move |_| {
        if shown.get() || step_shown.get() {
            request_animation_frame(|| {
                if let Some(el) = crate::ui::focus::element("[data-testid=\"unanswered-notice\"]") {
                    let _ = el.focus();
                }
            });
        }
    });

    let back = move |_| {
        state.go(if dimension == 0 {
            Route::Start
        } else {
            Route::Step(dimension - 1)
        });
    };
    let next = move |_| {
        if !last && here_unanswered.get_untracked() == 0 {
            state.go(Route::Step(dimension + 1));
        } else if last && unanswered.get_untracked() == 0 {
            state.go(Route::Results);
        } else {
            checking.set(true);
        }
    };
    let skip = move |_| state.go(Route::Step(dimension + 1));
    let answer_here = move |_| {
        if let Some(&q) = state.unanswered_of(dimension).first() {
            state.focus_question.set(Some(q));
            crate::ui::focus::after_navigation(state);
        }
    };
    let next_name: &'static str = model
        .dimensions
        .get(dimension + 1)
        .map_or("", |d| d.name.as_str());
    let first_unanswered = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        crate::ui::focus::go_to_first_unanswered(state);
    };
    let first_href = move || crate::ui::focus::first_unanswered_href(state);

    view! {
        <StepBar dimension=dimension/>
        <section class="step" aria-labelledby="step-title">
            <header class="step__header">
                <p class="step__summary">{dim.summary.clone()}</p>
                <p class="step__tip">"Tip: on a focused question, the keys 1 to 6 pick an answer."</p>
            </header>
            {model.questions_of(dimension).map(|q| view! { <QuestionCard question=q/> }).collect_view()}
            <div class="step__actions">
                <button type="button" class="button" on:click=back>"Back"</button>
                <button type="button" class="button button--primary" on:click=next>
                    {if last { "See results" } else { "Next" }}
                </button>
            </div>
            <Show when=move || step_shown.get()>
                <Notice tone=Tone::Warning testid="unanswered-notice">
                    <p>
                        <strong>
                            {move || format!("{} unanswered \u{2014} answer now or skip.", here_unanswered.get())}
                        </strong>
                        " Unanswered questions count as not in place, which can lower your levels."
                    </p>
                    <NoticeActions slot>
                        <button type="button" class="button" on:click=answer_here>"Answer now"</button>
                        <button type="button" class="button button--quiet" on:click=skip>
                            "Skip to "{next_name}
                        </button>
                    </NoticeActions>
                </Notice>
            </Show>
            <Show when=move || shown.get()>
                <Notice tone=Tone::Warning testid="unanswered-notice">
                    <p>
                        <strong>
                            {move || match unanswered.get() {
                                1 => "1 question is still unanswered.".to_owned(),
                                n => format!("{n} questions are still unanswered."),
                            }}
                        </strong>
                        " Unanswered questions count as not in place, which can lower your levels."
                    </p>
                    <NoticeActions slot>
                        <a class="button" href=first_href on:click=first_unanswered>
                            "Go to the first unanswered question"
                        </a>
                        <button type="button" class="button button--quiet" on:click=move |_| state.go(Route::Results)>
                            "Show results anyway"
                        </button>
                    </NoticeActions>
                </Notice>
            </Show>
        </section>
    }
}
