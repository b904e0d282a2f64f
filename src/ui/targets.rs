//! Targets on the results page: a target level per dimension (saved in the
//! draft, carried in the share link), how far the result is from them, and,
//! against a baseline (a saved snapshot or a pasted link), progress to date.
//! The roadmap below reads the same targets and stops at them.

use crate::state::use_app;
use crate::ui::format::{percent_text, score_text};
use crate::ui::history;
use crate::ui::table::ScrollTable;
use crate::{route, site};
use leptos::prelude::*;
use maturity_engine::compare::target_progress;
use maturity_engine::{assess, short_of, Answers, Assessment, DimensionScore, Model, Targets};

/// The level a dimension is measured against: its target, or else the
/// next level the model describes for it (`None` at the top). A target of
/// level 0, which earlier versions offered, counts as none.
pub fn aim(score: &DimensionScore, target: Option<u8>) -> Option<u8> {
    target.filter(|&l| l > 0).or(score.next_level)
}

/// The "To go" cell: "Reached", "3 practices" (the practices the aimed-at
/// level requires that are not in place), "At the top" or "Not assessed".
fn to_go_text(
    model: &Model,
    answers: &Answers,
    score: &DimensionScore,
    target: Option<u8>,
) -> String {
    if !score.assessed {
        return "Not assessed".to_owned();
    }
    match aim(score, target) {
        None => "At the top".to_owned(),
        Some(level) if score.level >= level => "Reached".to_owned(),
        Some(level) => match short_of(model, answers, score.dimension, level).len() {
            // The practices are held; the level waits for the other
            // dimensions (it adds nothing of its own here).
            0 => "In place".to_owned(),
            1 => "1 practice".to_owned(),
            n => format!("{n} practices"),
        },
    }
}

/// The result a progress figure is measured from.
#[derive(Debug, Clone, PartialEq)]
struct Baseline {
    name: String,
    assessment: Assessment,
}

const LINK_CHOICE: &str = "link";

/// Target selectors (or, read-only, the targets), percent to target and
/// progress since a baseline.
#[component]
pub fn TargetsPanel(
    /// The answers measured.
    #[prop(into)]
    answers: Signal<Answers>,
    /// The targets, per dimension.
    #[prop(into)]
    targets: Signal<Targets>,
    /// Whether the targets can be changed (the draft) or only shown (a
    /// shared result, which shows nothing when it carries no targets).
    editable: bool,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let assessment = Memo::new(move |_| answers.with(|a| assess(model, a)));
    let baseline = RwSignal::new(None::<Baseline>);
    let figures = Memo::new(move |_| {
        assessment.with(|a| {
            targets.with(|t| {
                baseline.with(|b| target_progress(a, t, b.as_ref().map(|b| &b.assessment)))
            })
        })
    });

    let percent = move || match figures.get().percent_to_target {
        Some(p) => view! {
            <strong class="targets__big">{percent_text(p)}</strong>
            " of the way to the targets you set (how much of the target scores is reached)."
        }
        .into_any(),
        None => {
            let msg = if editable {
                "Each dimension is measured against its next level. Pick a target level to see how far along you are."
            } else {
                "No target level is set."
            };
            view! { <span>{msg}</span> }.into_any()
        }
    };

    let progress = move || {
        let name = baseline.with(|b| b.as_ref().map(|b| b.name.clone()))?;
        Some(match figures.get().progress {
            Some(p) => view! {
                <p class="targets__progress" data-testid="progress-to-date">
                    "Since " {name} ": "
                    <strong class="targets__big">{percent_text(p)}</strong>
                    " of the way from where you were to the targets."
                </p>
            }
            .into_any(),
            None => view! {
                <p class="targets__progress" data-testid="progress-to-date">
                    {format!("No target is above where {name} was, so there is no progress to measure.")}
                </p>
            }
            .into_any(),
        })
    };

    let intro = if editable {
        "Set the level each dimension should reach; until you do, it is the next one. Targets are saved with your answers and travel in the share link, and the roadmap above stops at them."
    } else {
        "The targets that came with this result."
    };
    // A shared result without targets has nothing to show here.
    let hidden = move || !editable && !targets.with(Targets::any);
    view! {
        <section class="targets results__section" aria-labelledby="targets-title" data-testid="targets" hidden=hidden class:targets--none=move || !targets.with(Targets::any)>
            <h2 id="targets-title">"Targets"</h2>
            <p class="results__intro">{intro}</p>
            <TargetsTable assessment=assessment answers=answers targets=targets editable=editable/>
            <p class="targets__percent" data-testid="percent-to-target">{percent}</p>
            <div class="targets__baseline">
                <BaselinePicker baseline=baseline/>
                {progress}
            </div>
        </section>
    }
}

/// The table of each dimension's level now, its target (a selector when
/// `editable`) and what is left to reach it.
#[component]
fn TargetsTable(
    assessment: Memo<Assessment>,
    answers: Signal<Answers>,
    targets: Signal<Targets>,
    editable: bool,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let rows = (0..model.dimensions.len())
        .map(|d| {
            let dim = &model.dimensions[d];
            let select_id = format!("target-level-{}", dim.id);
            let now = move || {
                assessment.with(|a| {
                    let s = &a.dimensions[d];
                    if s.assessed {
                        (Some(s.level), score_text(s.score))
                    } else {
                        (None, "Not assessed".to_owned())
                    }
                })
            };
            let to_go = move || {
                let target = targets.with(|t| t.get(d));
                assessment.with(|a| answers.with(|ans| to_go_text(model, ans, &a.dimensions[d], target)))
            };
            let target_cell = if editable {
                view! {
                    <label class="visually-hidden" for=select_id.clone()>{format!("Target for {}", dim.name)}</label>
                    <select
                        id=select_id.clone()
                        class="select targets__select"
                        on:change=move |ev| state.set_target(d, event_target_value(&ev).parse::<u8>().ok())
                    >
                        <option value="" selected=move || targets.with(|t| t.get(d).is_none_or(|l| l == 0))>"Next level"</option>
                        {(1..=model.top_level())
                            .map(|l| view! {
                                <option value=l.to_string() selected=move || targets.with(|t| t.get(d) == Some(l))>
                                    {format!("Level {l}")}
                                </option>
                            })
                            .collect_view()}
                    </select>
                }
                .into_any()
            } else {
                view! {
                    <span>{move || targets.with(|t| t.get(d).filter(|&l| l > 0).map_or("Next level".to_owned(), |l| format!("Level {l}")))}</span>
                }
                .into_any()
            };
            view! {
                <tr data-testid=format!("target-{}", dim.id)>
                    <th scope="row">
                        {dim.name.clone()}
                        // On a narrow phone the "Now" column gives way to
                        // this line, so the table fits without scrolling.
                        <span class="targets__now-inline">
                            {move || match now() {
                                (Some(level), score) => format!("Now level {level} ({score})"),
                                (None, text) => text,
                            }}
                        </span>
                    </th>
                    <td class="targets__now">
                        {move || match now() {
                            (Some(level), score) => view! {
                                <span class="targets__word">"Level "</span>{format!("{level} ({score})")}
                            }
                            .into_any(),
                            (None, text) => view! { <span>{text}</span> }.into_any(),
                        }}
                    </td>
                    <td>{target_cell}</td>
                    <td>{to_go}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <ScrollTable
            caption_id="targets-caption"
            caption="Current level, target and the practices still to put in place, by dimension"
            hide_caption=true
            class="targets__table"
            headings=&["Dimension", "Now", "Target", "To go"]
        >
            {rows}
        </ScrollTable>
    }
}

/// "Measure progress since": a saved snapshot, or a pasted result link.
#[component]
fn BaselinePicker(
    /// The chosen baseline, `None` for none.
    baseline: RwSignal<Option<Baseline>>,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let snapshots = state.snapshots();
    let choice = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let link_error = RwSignal::new(None::<String>);

    let pick = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        link_error.set(None);
        choice.set(v.clone());
        if v.is_empty() || v == LINK_CHOICE {
            baseline.set(None);
            return;
        }
        let found = snapshots
            .with_untracked(|h| h.as_ref().ok().and_then(|h| h.get(&v).cloned()))
            .ok_or_else(|| "That snapshot is no longer saved.".to_owned())
            .and_then(|s| {
                state
                    .decode(&s.link)
                    .map(|(made_with, r)| Baseline {
                        name: history::title(&s),
                        assessment: assess(made_with, &r.answers),
                    })
                    .map_err(|e| e.to_string())
            });
        match found {
            Ok(b) => baseline.set(Some(b)),
            Err(e) => {
                baseline.set(None);
                link_error.set(Some(e));
            }
        }
    };
    let use_link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        match state.decode(route::payload_of(&text)) {
            Ok((made_with, r)) => {
                link_error.set(None);
                baseline.set(Some(Baseline {
                    name: "the pasted result".to_owned(),
                    assessment: assess(made_with, &r.answers),
                }));
            }
            Err(e) => {
                baseline.set(None);
                link_error.set(Some(site::link_problem(model, &e)));
            }
        }
    };

    view! {
    <label class="field__label" for="targets-baseline">"Measure progress since"</label>
    <select id="targets-baseline" class="select" on:change=pick>
        <option value="">"No baseline"</option>
        {move || {
            snapshots.with(|h| {
                h.as_ref()
                    .map(|h| h.snapshots().to_vec())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|s| {
                        let id = s.id.clone();
                        view! {
                            <option value=s.id.clone() selected=move || choice.with(|c| *c == id)>
                                {history::describe(&s)}
                            </option>
                        }
                    })
                    .collect_view()
            })
        }}
        <option value=LINK_CHOICE>"A result link\u{2026}"</option>
    </select>
    <Show when=move || choice.with(|c| c == LINK_CHOICE)>
        <form class="field__row targets__link" on:submit=use_link>
            <label class="visually-hidden" for="targets-baseline-link">"Baseline result link"</label>
            <input
                id="targets-baseline-link"
                class="field__input"
                type="text"
                inputmode="url"
                placeholder="Paste a result link"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))
            />
            <button type="submit" class="button">"Use this link"</button>
        </form>
    </Show>
    {move || link_error.get().map(|e| view! {
        <p class="field__error" role="alert">{e}</p>
    })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use maturity_engine::{builtin, Answer};

    #[test]
    fn to_go_counts_practices_against_the_target_or_the_next_level() {
        let model = builtin();
        let release = model.dimension_index("release").unwrap();
        let mut answers = Answers::new(model);
        for q in model.questions_of(release) {
            answers.set(q, Answer::No);
        }
        let a = assess(model, &answers);
        let score = &a.dimensions[release];
        assert_eq!((score.level, score.next_level), (0, Some(1)));
        let next = short_of(model, &answers, release, 1).len();
        assert_eq!(
            to_go_text(model, &answers, score, None),
            match next {
                1 => "1 practice".to_owned(),
                n => format!("{n} practices"),
            }
        );
        let four = short_of(model, &answers, release, 4).len();
        assert_eq!(
            to_go_text(model, &answers, score, Some(4)),
            format!("{four} practices")
        );
        // A target of level 0 (earlier versions offered one) is none.
        assert_eq!(
            to_go_text(model, &answers, score, Some(0)),
            to_go_text(model, &answers, score, None)
        );
        for q in model.questions_of(release) {
            answers.set(q, Answer::Fully);
        }
        for q in model.questions_of(0) {
            answers.set(q, Answer::NotApplicable);
        }
        let a = assess(model, &answers);
        assert_eq!(
            to_go_text(model, &answers, &a.dimensions[release], None),
            "At the top"
        );
        assert_eq!(
            to_go_text(model, &answers, &a.dimensions[0], None),
            "Not assessed"
        );
    }
}
