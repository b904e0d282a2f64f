//! Results: the overall level, the chart and table, the explanation per
//! dimension, the roadmap and the share link. Shown for the draft
//! (`#/results`) and, read-only, for a shared link (`#/r/<payload>`).

use crate::route::Route;
use crate::state::use_app;
use crate::ui::confirm::ConfirmPanel;
use crate::ui::focus;
use crate::ui::format::{score_text, time_estimate, NOT_AVAILABLE};
use crate::ui::notices::{Notice, NoticeActions, ReloadButton, Tone};
use crate::ui::radar::RadarChart;
use crate::ui::roadmap::Roadmap;
use crate::ui::share::{share_url, SharePanel};
use crate::ui::steps::StepNav;
use crate::ui::table::ScrollTable;
use leptos::prelude::*;
use maturity_engine::{assess, crosswalk, Answer, Answers, Assessment, LinkError, Model, Targets};
use std::collections::BTreeMap;

/// Results of the current draft; with nothing answered yet, a way in
/// instead of a report of a team that has told us nothing.
#[component]
pub fn OwnResults() -> impl IntoView {
    let state = use_app();
    let total = state.model.questions.len();
    let unanswered = Memo::new(move |_| state.draft.with(|d| total - d.answers.answered()));
    // Rebuilt only when the draft goes from empty to answered (an import).
    let empty = Memo::new(move |_| unanswered.get() == total);
    move || {
        if empty.get() {
            return view! {
                <StepNav current=Route::Results/>
                <article class="results results--empty" data-testid="results-empty">
                    <h1 class="results__title" tabindex="-1">"Your results"</h1>
                    <p>{format!("No answers yet: your results appear here as you answer. It takes {}, and every answer is saved in this browser as you go.", time_estimate(total))}</p>
                    <div class="start__actions">
                        <button type="button" class="button button--primary" on:click=move |_| state.go(Route::Step(0))>
                            "Start the assessment"
                        </button>
                    </div>
                    <section class="export">
                        <h2>"Or bring a result you kept"</h2>
                        <crate::ui::export::ImportField/>
                    </section>
                </article>
            }
            .into_any();
        }
        own_results(state, total, unanswered)
    }
}

/// The report of a draft with answers.
fn own_results(state: crate::state::AppState, total: usize, unanswered: Memo<usize>) -> AnyView {
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
        <ResultsView
            model=state.full()
            answers=state.answers()
            targets=state.targets()
            editable=true
            notes=Signal::derive(move || state.draft.with(|d| d.notes.clone()))
            scope=Signal::derive(move || state.draft.with(|d| d.scope.clone()))
            changed_ms=Signal::derive(move || state.draft.with(|d| d.updated_ms))
        />
    }
    .into_any()
}

/// The most gaps the headline lists; a longer list shows one fewer and
/// counts the rest.
const GAPS_SHOWN: usize = 8;

/// A shared result, read-only, with "Take the assessment yourself" and "Edit
/// a copy"; or, for a bad link, what went wrong and what to do.
#[component]
pub fn SharedResultPage(
    /// The `#/r/` payload, as found in the URL.
    payload: String,
) -> impl IntoView {
    let state = use_app();
    let (payload, needs) = {
        let (p, needs) = crate::route::needs_model(&payload);
        (p.to_owned(), needs.map(str::to_owned))
    };
    match state.decode(&payload) {
        Err(e) => view! {
            <article class="bad-link">
                <h1 tabindex="-1">"This result link can't be opened"</h1>
                <Notice tone=Tone::Error testid="notice-bad-link">
                    <p>{match (&e, needs) {
                        (LinkError::OtherModel { .. }, Some(id)) => format!(
                            "This result was made with the model file \u{201c}{id}\u{201d}, previewed in the browser that made the link. This site does not have it. To view the result, open that model file on the \u{201c}Preview your own model\u{201d} page, then open the link again."
                        ),
                        _ => e.to_string(),
                    }}</p>
                    <p>{format!("Check that the whole link was copied, or ask for it again. You can also take the assessment yourself: it takes {}.", time_estimate(state.model.questions.len()))}</p>
                    <NoticeActions slot>
                        <button type="button" class="button button--primary" on:click=move |_| state.go(Route::Start)>
                            "Start your own assessment"
                        </button>
                    </NoticeActions>
                </Notice>
            </article>
        }
        .into_any(),
        Ok((model, shared)) if model.version < state.model.version => {
            view! { <EarlierVersionResult model=model answers=shared.answers targets=shared.targets/> }
                .into_any()
        }
        Ok((model, shared)) => {
            let answers = shared.answers;
            let targets = shared.targets;
            // A result saved in this browser opens under its own name.
            let saved = state.snapshots().with_untracked(|h| {
                h.as_ref().ok().and_then(|h| {
                    h.snapshots()
                        .iter()
                        .find(|s| s.link == payload.trim())
                        .map(|s| (crate::ui::history::title(s), crate::time::when(s.saved_ms)))
                })
            });
            let (title, what) = match saved {
                Some((name, when)) => (Some(name), format!("A result you saved in this browser {when}, read-only. ")),
                None => (None, "A result someone shared with you, read-only. ".to_owned()),
            };
            let (a2, t2) = (answers.clone(), targets.clone());
            let adopt = Callback::new(move |_: ()| {
                state.adopt_shared(a2.clone(), t2.clone());
                state.go(Route::Step(0));
            });
            view! {
                <div class="banner" data-testid="shared-banner">
                    <p>
                        <strong>{what}</strong>
                        "Nothing here changes your own answers."
                    </p>
                    // The recipient's own assessment first; starting from
                    // this team's answers second.
                    <button type="button" class="button button--primary" on:click=move |_| state.go(Route::Start)>
                        "Take the assessment yourself"
                    </button>
                    <ReplaceDraft label="Edit a copy" primary=false what="Editing a copy replaces it with this result." on_replace=adopt/>
                </div>
                <ResultsView model=model answers=Signal::stored(answers) targets=Signal::stored(targets) editable=false title=title/>
            }
            .into_any()
        }
    }
}

/// A button that makes something else the draft: at once when the draft is
/// blank, otherwise after asking, so that no answer is lost by a slip.
#[component]
fn ReplaceDraft(
    /// The button's words.
    label: &'static str,
    /// Whether it is the page's main action.
    primary: bool,
    /// What replaces the draft, as a sentence for the question asked.
    what: &'static str,
    /// Replaces the draft.
    on_replace: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let confirming = RwSignal::new(false);
    let replace = Callback::new(move |_: ()| {
        confirming.set(false);
        on_replace.run(());
    });
    let click = move |_| {
        if state.draft.with_untracked(|d| d.is_blank()) {
            replace.run(());
        } else {
            confirming.set(true);
        }
    };
    view! {
        <button type="button" class=if primary { "button button--primary" } else { "button" } on:click=click>
            {label}
        </button>
        <Show when=move || confirming.get()>
            <ConfirmPanel
                message=Signal::derive(move || {
                    let n = state.draft.with(|d| d.answers.answered());
                    format!("Your own draft has {n} answers. {what} Replace your draft?")
                })
                confirm_label="Replace my draft"
                cancel_label="Keep my draft"
                on_confirm=replace
                on_cancel=Callback::new(move |_| confirming.set(false))
            />
        </Show>
    }
}

/// A result made with an earlier questionnaire version: shown as it was
/// scored then, with what changed and an offer to answer the new version.
#[component]
fn EarlierVersionResult(
    /// The questionnaire version the link was made with.
    model: &'static Model,
    answers: Answers,
    targets: Targets,
) -> impl IntoView {
    let state = use_app();
    let current = state.full();
    let carried = current
        .previous
        .iter()
        .filter(|p| p.version == model.version && p.change == maturity_engine::model::Change::Same)
        .filter(|p| {
            model
                .question_index(&p.question)
                .is_some_and(|q| answers.get(q) != Answer::Unanswered)
        })
        .count();
    let answered = answers.answered();
    let (a2, t2) = (answers.clone(), targets.clone());
    let adopt = Callback::new(move |_: ()| {
        state.adopt_earlier(model, &a2, &t2);
        focus::go_to_first_unanswered(state);
    });
    view! {
        <Notice tone=Tone::Info testid="notice-earlier-version">
            <p>
                <strong>{format!("Made with questionnaire version {}. ", model.version)}</strong>
                {format!(
                    "This result is shown as it was scored then. The questions have changed since (version {} asks one practice per question, with what counts spelled out), so its levels can differ from today's.",
                    current.version
                )}
            </p>
            <p>{format!(
                "Answer the new version: {carried} of these {answered} answers carry over to unchanged questions; the changed questions show the old answer for review."
            )}</p>
            <NoticeActions slot>
                <ReplaceDraft
                    label="Answer the new version"
                    primary=true
                    what="Answering the new version from this result replaces it."
                    on_replace=adopt
                />
            </NoticeActions>
        </Notice>
        <ResultsView model=model answers=Signal::stored(answers) targets=Signal::stored(targets) editable=false/>
    }
}

/// Everything the results page shows for one set of answers: the verdict
/// and the first next steps lead; the chart, the explanations and the tools
/// follow.
#[component]
pub fn ResultsView(
    /// The questionnaire the answers belong to.
    model: &'static Model,
    /// The answers to assess.
    answers: Signal<Answers>,
    /// Target levels per dimension.
    targets: Signal<Targets>,
    /// Whether targets can be changed (false for a shared result).
    editable: bool,
    /// Notes by question (the draft's; a shared result has none).
    #[prop(optional)]
    notes: Option<Signal<BTreeMap<usize, String>>>,
    /// What the assessment covers (the draft's; never in a shared link).
    #[prop(optional)]
    scope: Option<Signal<String>>,
    /// The page's title, when the result has a name (a saved snapshot).
    #[prop(optional_no_strip)]
    title: Option<String>,
    /// When the answers last changed (the draft's; a link does not say).
    #[prop(optional)]
    changed_ms: Option<Signal<f64>>,
) -> impl IntoView {
    let state = use_app();
    let assessment = Memo::new(move |_| answers.with(|a| assess(model, a)));
    // One link for the share panel and the QR code.
    let url = share_url(model, answers, targets);
    let assessment: Signal<Assessment> = assessment.into();
    let current = model.version == state.model.version;
    let title = title.unwrap_or_else(|| {
        if editable {
            "Your results".to_owned()
        } else {
            format!("A shared {} result", model.subject())
        }
    });
    view! {
        <article class="results">
            <h1 class="results__title" tabindex="-1">{title}</h1>
            {move || {
                let scope = scope.map(|s| s.get()).unwrap_or_default();
                (!scope.trim().is_empty()).then(|| view! {
                    <p class="results__scope" data-testid="results-scope"><strong>"Scope: "</strong>{scope}</p>
                })
            }}
            // On paper, the report says when it is from.
            <p class="results__printed" data-testid="results-printed">
                {move || {
                    let printed = format!("Printed {}.", crate::time::date(crate::time::now_ms()));
                    match changed_ms.map(|c| c.get()) {
                        Some(ms) => format!("Answers as of {}. {printed}", crate::time::date(ms)),
                        None => printed,
                    }
                }}
            </p>
            <OverallSummary model=model assessment=assessment answers=answers/>
            <section class="results__section" aria-labelledby="next-title">
                <h2 id="next-title">"What to do next"</h2>
                <Roadmap model=model assessment=assessment answers=answers targets=targets/>
            </section>
            <Crosswalk model=model answers=answers/>
            <section class="results__section" aria-labelledby="glance-title">
                <h2 id="glance-title">"Scores by dimension"</h2>
                <div class="results__glance">
                    <RadarChart model=model assessment=assessment/>
                    <ScoresTable model=model assessment=assessment/>
                </div>
            </section>
            // What follows the chart and table comes in its own chunk, drawn
            // after they are on screen.
            <LowerParts props=LowerProps { model, assessment, answers, targets, notes, url, editable, current }/>
        </article>
    }
}

/// The parts of the results page below the chart and table, in the order
/// they are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lower {
    /// "Why these levels" and the practices marked Not applicable.
    Why,
    /// Targets and the result link.
    Share,
    /// The QR code.
    Qr,
    /// Snapshots and export.
    Keep,
}

impl Lower {
    pub const ALL: [Lower; 4] = [Lower::Why, Lower::Share, Lower::Qr, Lower::Keep];
}

/// What the lower parts of the results page read.
#[derive(Clone, Copy)]
pub struct LowerProps {
    pub model: &'static Model,
    pub assessment: Signal<Assessment>,
    pub answers: Signal<Answers>,
    pub targets: Signal<Targets>,
    pub notes: Option<Signal<BTreeMap<usize, String>>>,
    /// The result link, for the share panel and the QR code.
    pub url: Memo<String>,
    pub editable: bool,
    /// Whether the result is of the questionnaire's current version.
    pub current: bool,
}

/// A lower part being built: `None` if its code could not be fetched.
pub type LowerFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Option<AnyView>>>>;

/// How the results page gets its lower parts built with the `tools` chunk's
/// code, given as context by the page loader (`crate::ui::lazy`), which
/// knows the chunks. `None` only loads the code.
#[derive(Clone, Copy)]
pub struct LowerLoader(pub fn(Option<Lower>, LowerProps) -> LowerFuture);

/// Builds one lower part of the results page (nothing for `None`): what
/// the `tools` chunk holds for the results page.
pub fn lower_part(part: Option<Lower>, p: LowerProps) -> AnyView {
    let LowerProps {
        model,
        assessment,
        answers,
        targets,
        notes,
        url,
        editable,
        current,
    } = p;
    match part {
        None => ().into_any(),
        Some(Lower::Why) => view! {
            <section class="results__section" aria-labelledby="why-title">
                <h2 id="why-title">"Why these levels"</h2>
                <div class="dimensions">
                    {(0..model.dimensions.len())
                        .map(|d| view! { <DimensionCard model=model dimension=d assessment=assessment answers=answers/> })
                        .collect_view()}
                </div>
            </section>
            <NotApplicableList model=model answers=answers notes=notes/>
        }
        .into_any(),
        Some(Lower::Share) => view! {
            {current.then(|| view! { <crate::ui::targets::TargetsPanel answers=answers targets=targets editable=editable/> })}
            <SharePanel url=url/>
        }
        .into_any(),
        Some(Lower::Qr) => view! { <crate::ui::qr::QrPanel url=url/> }.into_any(),
        Some(Lower::Keep) => view! {
            {editable.then(|| view! { <crate::ui::history::SnapshotPanel answers=answers targets=targets/> })}
            {current.then(|| view! { <crate::ui::export::ExportPanel answers=answers targets=targets editable=editable/> })}
        }
        .into_any(),
    }
}

/// The lower parts of the results page. The part a reader came for (the
/// level, what to do next, the chart and the table) is drawn and painted
/// first, and needs none of this code. Once it is painted, the
/// `tools` chunk is fetched, and then each part is drawn after the
/// next paint, in a task of its own, so none is a long one.
#[component]
fn LowerParts(props: LowerProps) -> impl IntoView {
    // How many parts may be drawn.
    let shown = RwSignal::new(0usize);
    let failed = RwSignal::new(false);
    fn reveal(shown: RwSignal<usize>, n: usize) {
        if shown.try_set(n).is_none() && n < Lower::ALL.len() {
            crate::time::after_paint(move || reveal(shown, n + 1));
        }
    }
    // The parts' code is in the `tools` chunk, which the page loader knows.
    // Building them here would put that code back into this page's chunk,
    // so a page mounted without the loader shows the notice instead.
    let loader = use_context::<LowerLoader>();
    let build = move |part: Option<Lower>| -> LowerFuture {
        match loader {
            Some(LowerLoader(load)) => load(part, props),
            None => Box::pin(async { None }),
        }
    };
    crate::time::after_paint(move || {
        leptos::task::spawn_local(async move {
            match build(None).await {
                Some(_) => reveal(shown, 1),
                None => {
                    let _ = failed.try_set(true);
                }
            }
        })
    });
    let parts = Lower::ALL
        .iter()
        .enumerate()
        .map(|(i, &part)| {
            let on = Memo::new(move |_| shown.get() > i);
            move || {
                on.get().then(|| {
                    Suspend::new(send_wrapper::SendWrapper::new(async move {
                        build(Some(part)).await.unwrap_or_else(|| ().into_any())
                    }))
                })
            }
        })
        .collect_view();
    view! {
        {parts}
        {move || failed.get().then(|| view! {
            <Notice tone=Tone::Error testid="notice-lower-failed">
                <p>
                    "The rest of this page (why these levels, the result link, export and snapshots) wasn't downloaded, maybe because the connection dropped or a new version was just published. "
                    "The result above is complete. Reload the page to try again."
                </p>
                <NoticeActions slot>
                    <ReloadButton/>
                </NoticeActions>
            </Notice>
        })}
    }
}

/// The practices a result marked Not applicable, with the notes that say
/// why, so a reader can judge each exclusion.
#[component]
fn NotApplicableList(
    model: &'static Model,
    answers: Signal<Answers>,
    notes: Option<Signal<BTreeMap<usize, String>>>,
) -> impl IntoView {
    let items = Memo::new(move |_| {
        let notes = notes.map(|n| n.get()).unwrap_or_default();
        answers.with(|a| {
            (0..model.questions.len())
                .filter(|&q| a.get(q) == Answer::NotApplicable)
                .map(|q| (q, notes.get(&q).cloned()))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let items = items.get();
        (!items.is_empty()).then(|| {
            let count = items.len();
            view! {
                <section class="results__section" aria-labelledby="na-title" data-testid="not-applicable">
                    <h2 id="na-title">{format!("Marked not applicable ({count})")}</h2>
                    <p class="results__intro">
                        "These practices are left out of every level and score. Each needs a reason a colleague would accept."
                    </p>
                    <ul class="na">
                        {items
                            .into_iter()
                            .map(|(q, note)| {
                                let question = &model.questions[q];
                                let dim = model
                                    .dimension_index(&question.dimension)
                                    .map(|d| model.dimensions[d].name.clone())
                                    .unwrap_or_default();
                                view! {
                                    <li class="na__item">
                                        <span class="tag">{dim}</span>
                                        " "
                                        {question.text.clone()}
                                        <span class="na__why">{match note {
                                            Some(n) => format!("Why: {n}"),
                                            None => "No reason given.".to_owned(),
                                        }}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// Where the answers stand on another staged model (the model's
/// crosswalk), and where the two order practices differently.
#[component]
fn Crosswalk(model: &'static Model, answers: Signal<Answers>) -> impl IntoView {
    let c = model.crosswalk.as_ref()?;
    let result = Memo::new(move |_| answers.with(|a| crosswalk(model, a)));
    Some(view! {
        <section class="results__section crosswalk" aria-labelledby="crosswalk-title" data-testid="crosswalk">
            <h2 id="crosswalk-title">{format!("On {}", c.name)}</h2>
            {move || {
                let Some(r) = result.get() else { return ().into_any() };
                let level = &c.levels[r.level];
                let next = c.levels.get(r.level + 1);
                view! {
                    <p class="crosswalk__level" data-testid="crosswalk-level">
                        <strong>{format!("Level {}: {}. ", level.number, level.name)}</strong>
                        {level.summary.clone()}
                    </p>
                    {next.map(|n| {
                        let missing: Vec<String> =
                            r.missing.iter().map(|q| model.questions[*q].name().to_owned()).collect();
                        view! {
                            <p>{format!("For its level {} ({}), still to do:", n.number, n.name)}</p>
                            <ul class="crosswalk__missing">
                                {missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                }
                .into_any()
            }}
            <details class="why crosswalk__note">
                <summary>"Where the two models order practices differently"</summary>
                <p>{c.differences.clone()}</p>
            </details>
            <p class="crosswalk__source">"Source: " <cite>{c.source.clone()}</cite> "."</p>
        </section>
    })
}

/// The verdict: the overall level with the dimension that limits it, the
/// exact practices that hold it there, and the per-dimension profile; then
/// the score and uncertainty.
#[component]
pub fn OverallSummary(
    /// The model.
    model: &'static Model,
    /// The scores.
    assessment: Signal<Assessment>,
    /// The answers, to show beside each gap.
    answers: Signal<Answers>,
) -> impl IntoView {
    view! {
        <section class="overall" aria-label="Overall result">
            {move || assessment.with(|a| match (a.overall.level, a.overall.score) {
                (Some(level), Some(score)) => {
                    let o = &a.overall;
                    let limiting: Vec<String> =
                        o.weakest.iter().map(|d| model.dimensions[*d].name.clone()).collect();
                    let name = a
                        .level_name_fits()
                        .then(|| model.levels[usize::from(level)].name.clone());
                    let limit = if level == model.top_level() {
                        "Every dimension is at the top level.".to_owned()
                    } else {
                        let short = match o.gaps.len() {
                            1 => "1 practice".to_owned(),
                            n => format!("{n} practices"),
                        };
                        format!(
                            "Limited by {}: {short} short of level {}:",
                            join_names(&limiting),
                            level + 1
                        )
                    };
                    // A long list would push the level's picture off the
                    // screen: past GAPS_SHOWN, the rest are counted (every
                    // one is in the next steps below).
                    let shown = if o.gaps.len() > GAPS_SHOWN { GAPS_SHOWN - 1 } else { o.gaps.len() };
                    let more = o.gaps.len() - shown;
                    let gaps: Vec<(String, &'static str)> = answers.with(|ans| {
                        o.gaps
                            .iter()
                            .take(shown)
                            .map(|q| (model.questions[*q].name().to_owned(), ans.get(*q).label()))
                            .collect()
                    });
                    view! {
                        <p class="overall__level">
                            <span class="overall__big" data-testid="overall-level">{format!("Level {level}")}</span>
                            {name.map(|n| view! { <span class="overall__name">{n}</span> })}
                        </p>
                        <p class="overall__limit" data-testid="overall-limit">{limit}</p>
                        {(!gaps.is_empty()).then(|| view! {
                            <ul class="overall__gaps" data-testid="overall-gaps">
                                {gaps
                                    .into_iter()
                                    .map(|(text, answer)| view! {
                                        <li>{text}<span class="why__answer">{format!(" \u{b7} {answer}")}</span></li>
                                    })
                                    .collect_view()}
                                {(more > 0).then(|| view! {
                                    <li class="overall__more" data-testid="overall-gaps-more">
                                        {format!("and {more} more, all in the next steps below")}
                                    </li>
                                })}
                            </ul>
                        })}
                        <Profile model=model assessment=a.clone()/>
                        <p class="overall__score">
                            "Score "
                            <span class="overall__score-value" data-testid="overall-score">
                                {format!("{} of {}", score_text(score), model.top_level())}
                            </span>
                            ": the mean of the dimensions"
                        </p>
                    }
                    .into_any()
                }
                _ => view! {
                    <p class="overall__level">
                        <span class="overall__big" data-testid="overall-level">"Not assessed"</span>
                    </p>
                    <p>"Every question was answered \u{201c}Not applicable\u{201d}, so there is nothing to score."</p>
                }
                .into_any(),
            })}
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
                            "\u{201c}Don't know\u{201d} for {dk} of {applicable} applicable questions ({pct}%). They count as not in place; finding out may raise the levels."
                        )
                    }}
                </p>
            </Show>
        </section>
    }
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whether most of a dimension's questions were answered Not applicable:
/// its level then rests on few answers, and the profile says so.
fn mostly_not_applicable(d: &maturity_engine::DimensionScore) -> bool {
    d.not_applicable * 2 > d.total
}

/// Each dimension's level in one line: the profile behind the overall level.
#[component]
fn Profile(model: &'static Model, assessment: Assessment) -> impl IntoView {
    let weakest = assessment.overall.weakest.clone();
    view! {
        <ul class="profile" data-testid="profile" aria-label="Level by dimension">
            {assessment
                .dimensions
                .iter()
                .map(|d| {
                    let dim = &model.dimensions[d.dimension];
                    let value = if d.assessed { d.level.to_string() } else { NOT_AVAILABLE.to_owned() };
                    let flag = (d.assessed && mostly_not_applicable(d)).then(|| {
                        view! { <span class="profile__flag">{format!("{} of {} not applicable", d.not_applicable, d.total)}</span> }
                    });
                    view! {
                        <li class="profile__item" class:profile__item--limiting=weakest.contains(&d.dimension)
                            data-testid=format!("profile-{}", dim.id)>
                            <span class="profile__name">{dim.name.clone()}</span>
                            <span class="profile__level">{value}</span>
                            {flag}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
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
        <ScrollTable
            caption_id="scores-caption"
            caption=format!("Level (0 to {}) and score by dimension", model.top_level())
            testid="scores-table"
            headings=&["Dimension", "Level", "Score", "Answered"]
        >
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
                                    // The score as a bar from 0 to the top level, with a tick
                                    // per level: the chart's numbers at a glance on a phone.
                                    let width = if d.assessed { 100.0 * d.score / f64::from(model.top_level().max(1)) } else { 0.0 };
                                    view! {
                                        <tr data-testid=format!("score-{}", dim.id)>
                                            <th scope="row">{dim.name.clone()}</th>
                                            <td class="scores__num">{level}</td>
                                            <td class="scores__num scores__score">
                                                <span class="scores__value">{score}</span>
                                                <span class="scores__bar" aria-hidden="true" style:--levels=model.top_level().max(1).to_string()>
                                                    <span class="scores__fill" style:width=format!("{width:.1}%")></span>
                                                </span>
                                            </td>
                                            <td class="scores__num">{format!("{}/{}", d.answered, d.total)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </ScrollTable>
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
                    {(!e.blockers.is_empty()).then(|| view! {
                        <details class="why" open>
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
                    {(!e.superseded.is_empty()).then(|| view! {
                        <details class="why">
                            <summary>{format!("Replaced at a later level ({})", e.superseded.len())}</summary>
                            <p class="why__intro">"Earlier-level practices that the next level no longer asks for: not needed from here."</p>
                            {question_list(model, &e.superseded, &ans)}
                        </details>
                    })}
                    <details class="why dimension__looks">
                        <summary>{format!("Level {} in the model's words", s.level)}</summary>
                        <ul>{looks_like.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </details>
                    {mostly_not_applicable(&s).then(|| view! {
                        <p class="dimension__uncertain" data-testid=format!("mostly-na-{}", model.dimensions[dimension].id)>
                            {format!("Mostly not applicable: {} of {} questions. This level rests on {} answers; check the reasons below.", s.not_applicable, s.total, s.applicable)}
                        </p>
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
