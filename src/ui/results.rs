//! Results: the overall level, the chart and table, the explanation per
//! dimension, the roadmap and the share link. Shown for the draft
//! (`#/results`) and, read-only, for a shared link (`#/r/<payload>`).

use crate::link;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::confirm::ConfirmPanel;
use crate::ui::focus;
use crate::ui::format::{score_text, NOT_AVAILABLE};
use crate::ui::notices::{Notice, NoticeActions, Tone};
use crate::ui::radar::RadarChart;
use crate::ui::roadmap::Roadmap;
use crate::ui::share::{share_url, SharePanel};
use crate::ui::steps::StepNav;
use leptos::prelude::*;
use maturity_engine::{assess, Answers, Assessment, Model, Targets, MAX_LEVEL};

/// Results of the current draft.
#[component]
pub fn OwnResults() -> impl IntoView {
    let state = use_app();
    let total = state.model.questions.len();
    let unanswered = Memo::new(move |_| state.draft.with(|d| total - d.answers.answered()));
    view! {
        <StepNav current=Route::Results/>
        <Show when=move || unanswered.get() != 0>
            <Notice tone=Tone::Warning testid="results-incomplete">
                <p>
                    {move || match unanswered.get() {
                        1 => "1 question is unanswered".to_owned(),
                        n => format!("{n} of {total} questions are unanswered"),
                    }}
                    ": they count as not in place. "
                    <a href=move || focus::first_unanswered_href(state) on:click=move |ev| {
                        ev.prevent_default();
                        focus::go_to_first_unanswered(state);
                    }>"Answer them"</a>
                </p>
            </Notice>
        </Show>
        <ResultsView answers=state.answers() targets=state.targets() editable=true/>
    }
}

/// A shared result, read-only, with "Edit a copy"; or, for a bad link, what
/// went wrong and what to do.
#[component]
pub fn SharedResultPage(
    /// The `#/r/` payload, as found in the URL.
    payload: String,
) -> impl IntoView {
    let state = use_app();
    let model = state.model;
    match link::decode(model, &payload) {
        Err(e) => view! {
            <article class="bad-link">
                <h1 tabindex="-1">"This result link can't be opened"</h1>
                <Notice tone=Tone::Error testid="notice-bad-link">
                    <p>{e.to_string()}</p>
                    <p>"Check that the whole link was copied, or ask for it again. You can also take the assessment yourself: it takes about 10 minutes."</p>
                    <NoticeActions slot>
                        <button type="button" class="button button--primary" on:click=move |_| state.go(Route::Start)>
                            "Start your own assessment"
                        </button>
                    </NoticeActions>
                </Notice>
            </article>
        }
        .into_any(),
        Ok(shared) => {
            let answers = shared.answers;
            let targets = shared.targets;
            let confirming = RwSignal::new(false);
            let (a2, t2) = (answers.clone(), targets.clone());
            let adopt = Callback::new(move |_: ()| {
                confirming.set(false);
                state.adopt_shared(a2.clone(), t2.clone());
                state.go(Route::Step(0));
            });
            let edit = move |_| {
                if state.draft.with_untracked(|d| d.is_blank()) {
                    adopt.run(());
                } else {
                    confirming.set(true);
                }
            };
            view! {
                <div class="banner" data-testid="shared-banner">
                    <p>
                        <strong>"A shared result, read-only. "</strong>
                        "Nothing here changes your own draft. To change answers, edit a copy."
                    </p>
                    <button type="button" class="button" on:click=edit>"Edit a copy"</button>
                    <Show when=move || confirming.get()>
                        <ConfirmPanel
                            message=Signal::derive(move || {
                                let n = state.draft.with(|d| d.answers.answered());
                                format!(
                                    "Your own draft has {n} answers. Editing a copy replaces it with this result. Replace your draft?"
                                )
                            })
                            confirm_label="Replace my draft"
                            cancel_label="Keep my draft"
                            on_confirm=adopt
                            on_cancel=Callback::new(move |_| confirming.set(false))
                        />
                    </Show>
                </div>
                <ResultsView answers=Signal::stored(answers) targets=Signal::stored(targets) editable=false/>
            }
            .into_any()
        }
    }
}

/// Everything the results page shows for one set of answers.
#[component]
pub fn ResultsView(
    /// The answers to assess.
    answers: Signal<Answers>,
    /// Target levels per dimension.
    targets: Signal<Targets>,
    /// Whether targets can be changed (false for a shared result).
    editable: bool,
) -> impl IntoView {
    let state = use_app();
    let model = state.model;
    let assessment = Memo::new(move |_| answers.with(|a| assess(model, a)));
    // One link for the share panel and the QR code.
    let url = share_url(model, answers, targets);
    let assessment: Signal<Assessment> = assessment.into();
    let title = if editable {
        "Your MLOps maturity"
    } else {
        "A shared MLOps maturity result"
    };
    view! {
        <article class="results">
            <h1 class="results__title" tabindex="-1">{title}</h1>
            <OverallSummary model=model assessment=assessment/>
            <section class="results__section" aria-labelledby="glance-title">
                <h2 id="glance-title">"Scores by dimension"</h2>
                <div class="results__glance">
                    <RadarChart model=model assessment=assessment/>
                    <ScoresTable model=model assessment=assessment/>
                </div>
            </section>
            <section class="results__section" aria-labelledby="why-title">
                <h2 id="why-title">"Why these levels"</h2>
                <div class="dimensions">
                    {(0..model.dimensions.len())
                        .map(|d| view! { <DimensionCard model=model dimension=d assessment=assessment answers=answers/> })
                        .collect_view()}
                </div>
            </section>
            <crate::ui::targets::TargetsPanel answers=answers targets=targets editable=editable/>
            <section class="results__section" aria-labelledby="next-title">
                <h2 id="next-title">"Next steps"</h2>
                <p class="results__intro">
                    "The practices not yet in place, in the order the model builds them: lower levels first. Each is quoted from the maturity model, with the question it came from."
                </p>
                <Roadmap model=model answers=answers targets=targets/>
            </section>
            <SharePanel url=url/>
            <crate::ui::qr::QrPanel url=url/>
            {editable.then(|| view! { <crate::ui::history::SnapshotPanel answers=answers targets=targets/> })}
            <crate::ui::export::ExportPanel answers=answers targets=targets editable=editable/>
        </article>
    }
}

/// The overall level and score, how they are made, and uncertainty.
#[component]
pub fn OverallSummary(
    /// The model.
    model: &'static Model,
    /// The scores.
    assessment: Signal<Assessment>,
) -> impl IntoView {
    let overall = move || assessment.with(|a| a.overall.clone());
    view! {
        <section class="overall" aria-label="Overall result">
            {move || {
                let o = overall();
                match (o.level, o.score) {
                    (Some(level), Some(score)) => {
                        let weakest: Vec<String> =
                            o.weakest.iter().map(|d| model.dimensions[*d].name.clone()).collect();
                        let weakest_text = match weakest.len() {
                            1 => format!("Your weakest dimension is {}.", weakest[0]),
                            _ => format!("Your weakest dimensions are {}.", weakest.join(", ")),
                        };
                        view! {
                            <div class="overall__figures">
                                <p class="overall__level">
                                    <span class="overall__big" data-testid="overall-level">{format!("Level {level}")}</span>
                                    <span class="overall__name">{model.levels[usize::from(level)].name.clone()}</span>
                                </p>
                                <p class="overall__score">
                                    "Score "
                                    <span class="overall__big overall__big--score" data-testid="overall-score">
                                        {format!("{} of {MAX_LEVEL}", score_text(score))}
                                    </span>
                                </p>
                            </div>
                            <p class="overall__explain">
                                "Maturity is staged: a team is at a level only when every dimension has reached it, so the overall level is the level of the weakest dimension. "
                                {weakest_text}
                                " The score is the average of the dimension scores; its decimals show progress towards each next level."
                            </p>
                        }
                        .into_any()
                    }
                    _ => view! {
                        <p class="overall__figures">
                            <span class="overall__big" data-testid="overall-level">"Not assessed"</span>
                        </p>
                        <p>"Every question was answered \u{201c}Not applicable\u{201d}, so there is nothing to score."</p>
                    }
                    .into_any(),
                }
            }}
            <Show when=move || assessment.with(|a| a.overall.uncertainty > 0.0)>
                <p class="overall__uncertain" data-testid="dont-know-share">
                    {move || {
                        let (dk, applicable) = assessment.with(|a| {
                            (
                                a.dimensions.iter().map(|d| d.dont_know).sum::<usize>(),
                                a.dimensions.iter().map(|d| d.applicable).sum::<usize>(),
                            )
                        });
                        let pct = assessment.with(|a| (a.overall.uncertainty * 100.0).round());
                        format!(
                            "You answered \u{201c}Don't know\u{201d} to {dk} of {applicable} applicable questions ({pct}%). They count as not in place; finding out may raise your levels."
                        )
                    }}
                </p>
            </Show>
        </section>
    }
}

/// The chart's numbers as a table: its text alternative.
#[component]
pub fn ScoresTable(
    /// The model.
    model: &'static Model,
    /// The scores.
    assessment: Signal<Assessment>,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="scores" data-testid="scores-table">
                <caption class="scores__caption">"Level (0 to 4) and score by dimension"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Dimension"</th>
                        <th scope="col">"Level"</th>
                        <th scope="col">"Score"</th>
                        <th scope="col">"Answered"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        assessment.with(|a| {
                            a.dimensions
                                .iter()
                                .map(|d| {
                                    let dim = &model.dimensions[d.dimension];
                                    let (level, score) = if d.assessed {
                                        (d.level.to_string(), score_text(d.score))
                                    } else {
                                        (NOT_AVAILABLE.to_owned(), NOT_AVAILABLE.to_owned())
                                    };
                                    view! {
                                        <tr data-testid=format!("score-{}", dim.id)>
                                            <th scope="row">{dim.name.clone()}</th>
                                            <td class="scores__num">{level}</td>
                                            <td class="scores__num">{score}</td>
                                            <td class="scores__num">{format!("{}/{}", d.answered, d.total)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </div>
    }
}

fn question_list(model: &'static Model, list: &[usize], answers: &Answers) -> impl IntoView {
    let items: Vec<(String, &'static str)> = list
        .iter()
        .map(|q| (model.questions[*q].text.clone(), answers.get(*q).label()))
        .collect();
    view! {
        <ul class="why__list">
            {items
                .into_iter()
                .map(|(text, answer)| view! {
                    <li>
                        {text}
                        " "
                        <span class="why__answer">{format!("({answer})")}</span>
                    </li>
                })
                .collect_view()}
        </ul>
    }
}

/// One dimension: level, score, what the level looks like, and why.
#[component]
pub fn DimensionCard(
    /// The model.
    model: &'static Model,
    /// Index of the dimension.
    dimension: usize,
    /// The scores.
    assessment: Signal<Assessment>,
    /// The answers, to show next to each question.
    answers: Signal<Answers>,
) -> impl IntoView {
    let dim = &model.dimensions[dimension];
    let score = Memo::new(move |_| assessment.with(|a| a.dimensions[dimension].clone()));
    view! {
        <section class="dimension" data-testid=format!("dimension-{}", dim.id)>
            <h3 class="dimension__name">{dim.name.clone()}</h3>
            {move || {
                let s = score.get();
                let ans = answers.get();
                if !s.assessed {
                    return view! { <p class="dimension__summary">{s.summary(model)}</p> }.into_any();
                }
                let level = model.levels[usize::from(s.level)].name.clone();
                let looks_like: Vec<String> =
                    model.characteristics_at(dimension, s.level).map(|c| c.text.clone()).collect();
                let e = &s.explanation;
                view! {
                    <p class="dimension__level">
                        <strong>{format!("Level {}", s.level)}</strong>
                        {format!(" \u{b7} {level} \u{b7} score {}", score_text(s.score))}
                    </p>
                    <p class="dimension__summary">{s.summary(model)}</p>
                    <div class="dimension__looks">
                        <p class="dimension__looks-title">{format!("What level {} looks like for {}, in the model's words:", s.level, model.dimensions[dimension].name)}</p>
                        <ul>{looks_like.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </div>
                    {(!e.blockers.is_empty()).then(|| view! {
                        <details class="why">
                            <summary>{format!("Holding it back ({})", e.blockers.len())}</summary>
                            {question_list(model, &e.blockers, &ans)}
                        </details>
                    })}
                    {(!e.supporting.is_empty()).then(|| view! {
                        <details class="why">
                            <summary>{format!("Already in place ({})", e.supporting.len())}</summary>
                            {question_list(model, &e.supporting, &ans)}
                        </details>
                    })}
                    {(!e.ahead.is_empty()).then(|| view! {
                        <details class="why">
                            <summary>{format!("In place ahead of this level ({})", e.ahead.len())}</summary>
                            {question_list(model, &e.ahead, &ans)}
                        </details>
                    })}
                    {(s.dont_know > 0).then(|| view! {
                        <p class="dimension__uncertain">{format!("\u{201c}Don't know\u{201d}: {} of {} applicable questions.", s.dont_know, s.applicable)}</p>
                    })}
                }
                .into_any()
            }}
        </section>
    }
}
