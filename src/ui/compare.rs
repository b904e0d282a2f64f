//! Then vs now: two results side by side (`#/compare/<before>/<after>`), and
//! the form that picks them (`#/compare`) from pasted links, saved
//! snapshots or the current draft.

use crate::chart::{self, Radar, Series, DASHED_STYLE, SOLID_STYLE};
use crate::route::{self, Route};
use crate::state::use_app;
use crate::ui::format::{
    delta_text, optional_level_text, optional_score_text, score_text, NOT_AVAILABLE,
};
use crate::ui::history;
use crate::ui::notices::{Notice, Tone};
use crate::ui::radar::{ChartLegend, RadarFigure};
use crate::ui::table::ScrollTable;
use crate::{link, location, site};
use leptos::prelude::*;
use maturity_engine::compare::{compare, Change, Comparison, QuestionChange};
use maturity_engine::history::History;
use maturity_engine::{assess, Answers};
use maturity_engine::{LinkError, Model};

/// The words and class for a change of answer.
pub fn change_word(change: Change) -> (&'static str, &'static str) {
    match change {
        Change::Regressed => ("Regressed", "regressed"),
        Change::Improved => ("Improved", "improved"),
        Change::Other => ("Changed", "other"),
        Change::Unchanged => ("Unchanged", "unchanged"),
    }
}

/// Order within a dimension: regressions first, then improvements, then
/// other changes, then what stayed the same; model order within each.
fn rank(change: Change) -> u8 {
    match change {
        Change::Regressed => 0,
        Change::Improved => 1,
        Change::Other => 2,
        Change::Unchanged => 3,
    }
}

/// Questions of one dimension, in display order.
pub fn ordered_changes(cmp: &Comparison, dimension: usize) -> Vec<QuestionChange> {
    let mut qs: Vec<QuestionChange> = cmp
        .questions
        .iter()
        .filter(|q| q.dimension == dimension)
        .copied()
        .collect();
    maturity_engine::sort::sort_by_key(&mut qs, |q| (rank(q.change), q.question));
    qs
}

/// The label of a snapshot holding `payload`, if one is saved.
fn snapshot_name(saved: &History, payload: &str) -> Option<String> {
    saved
        .snapshots()
        .iter()
        .find(|s| s.link == payload)
        .map(history::describe)
}

/// `#/compare` and `#/compare/<before>/<after>`.
#[component]
pub fn ComparePage(
    /// The two payloads from the URL, if any.
    payloads: Option<(String, String)>,
) -> impl IntoView {
    let state = use_app();
    let saved = state.snapshots().get_untracked().unwrap_or_default();
    let body = payloads.clone().map(|(a, b)| {
        let running = state.full();
        let before = state.decode(&a);
        let after = state.decode(&b);
        match (before, after) {
            (Ok((mx, x)), Ok((my, y))) if mx.version != my.version => view! {
                <VersionsDiffer before=(mx, x.answers) after=(my, y.answers)/>
            }
            .into_any(),
            (Ok((made_with, x)), Ok((_, y))) => {
                let model = made_with;
                let cmp = compare(model, &x.answers, &y.answers);
                // The draft's own answers are named as such, even when a
                // snapshot holds the same answers.
                let own = state.draft.with_untracked(|d| {
                    (d.answers.answered() > 0)
                        .then(|| link::encode(state.model, &d.answers, &d.targets))
                });
                let name = |payload: &str, otherwise: &str| {
                    let snapshot = snapshot_name(&saved, payload);
                    match (own.as_deref() == Some(payload), snapshot) {
                        (true, Some(s)) => {
                            format!("your current answers (also saved as \u{201c}{s}\u{201d})")
                        }
                        (true, None) => "your current answers".to_owned(),
                        (false, Some(s)) => s,
                        (false, None) => otherwise.to_owned(),
                    }
                };
                let names = (name(&a, "the first link"), name(&b, "the second link"));
                view! { <ComparisonView model=model comparison=cmp names=names payloads=(a, b)/> }
                    .into_any()
            }
            (x, y) => {
                let bad = |side: &str, r: Result<_, LinkError>| {
                    r.err().map(|e| {
                        let why = site::link_problem(running, &e);
                        view! { <p>{format!("{side}: {why}")}</p> }
                    })
                };
                view! {
                    <Notice tone=Tone::Error testid="notice-compare">
                        {bad("Then (the first link)", x)}
                        {bad("Now (the second link)", y)}
                    </Notice>
                }
                .into_any()
            }
        }
    });
    let has_body = body.is_some();
    view! {
        <article class="compare">
            <h1 tabindex="-1">"Compare"</h1>
            {if has_body {
                view! {
                    {body}
                    <details class="compare__again">
                        <summary>"Compare other results"</summary>
                        <CompareForm saved=saved initial=payloads/>
                    </details>
                }
                .into_any()
            } else {
                view! {
                    <p class="compare__intro">
                        "See what changed between two results of this assessment: paste two result links, or pick saved snapshots."
                    </p>
                    <CompareForm saved=saved initial=None/>
                }
                .into_any()
            }}
        </article>
    }
}

/// Where one side of the comparison comes from, as picked in the form.
#[component]
fn SideField(
    /// "before" or "after": used in ids.
    side: &'static str,
    /// The visible label, e.g. "Then (before)".
    label: &'static str,
    /// The field's text: a link or a payload.
    text: RwSignal<String>,
    /// Why the text can't be read, if it can't.
    error: RwSignal<Option<String>>,
    /// Choices for the picker: `(name, full link)`.
    choices: Vec<(String, String)>,
) -> impl IntoView {
    let input_id = format!("compare-{side}");
    let pick_id = format!("compare-{side}-pick");
    let error_id = format!("compare-{side}-error");
    let has_choices = !choices.is_empty();
    let options = choices.clone();
    view! {
        <fieldset class="compare-form__side">
            <legend class="compare-form__legend">{label}</legend>
            {has_choices.then(|| {
                let options = options.clone();
                view! {
                    <label class="field__label" for=pick_id.clone()>"Pick a saved result"</label>
                    <select
                        id=pick_id.clone()
                        class="select compare-form__pick"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if !v.is_empty() {
                                text.set(v);
                                error.set(None);
                            }
                        }
                    >
                        <option value="">"Choose\u{2026}"</option>
                        {options
                            .into_iter()
                            .map(|(name, url)| view! { <option value=url>{name}</option> })
                            .collect_view()}
                    </select>
                }
            })}
            <label class="field__label" for=input_id.clone()>
                {if has_choices { "or paste a result link" } else { "Result link" }}
            </label>
            <input
                id=input_id
                class="field__input"
                type="text"
                inputmode="url"
                autocomplete="off"
                spellcheck="false"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=error_id.clone()
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    error.set(None);
                }
            />
            <p class="field__error" id=error_id>{move || error.get()}</p>
        </fieldset>
    }
}

/// Two results made with different questionnaire versions. Their questions
/// differ, so no practice is compared with another; each result's levels,
/// scored by its own version, are set side by side, since both versions
/// measure the same five dimensions on the model's levels 0 to 4.
#[component]
fn VersionsDiffer(
    /// The first result, with the questionnaire it was made with.
    before: (&'static Model, Answers),
    /// The second result, likewise.
    after: (&'static Model, Answers),
) -> impl IntoView {
    let (mb, ab) = before;
    let (ma, aa) = after;
    let then = assess(mb, &ab);
    let now = assess(ma, &aa);
    let level = |d: Option<&maturity_engine::DimensionScore>| {
        d.filter(|d| d.assessed)
            .map_or_else(|| NOT_AVAILABLE.to_owned(), |d| d.level.to_string())
    };
    let rows: Vec<(String, String, String)> = ma
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, dim)| {
            let before = mb
                .dimension_index(&dim.id)
                .and_then(|j| then.dimensions.get(j));
            (
                dim.name.clone(),
                level(before),
                level(now.dimensions.get(i)),
            )
        })
        .collect();
    let overall = |a: &maturity_engine::Assessment| {
        a.overall
            .level
            .map_or_else(|| NOT_AVAILABLE.to_owned(), |l| l.to_string())
    };
    view! {
        <Notice tone=Tone::Info testid="notice-compare-versions">
            <p>{format!(
                "These results were made with different questionnaire versions ({} and {}). Their questions differ, so they are not compared practice by practice: only each dimension's level, each scored by its own version's rules.",
                mb.version, ma.version
            )}</p>
            <p>"To compare practice by practice, open the older result and choose \u{201c}Answer the new version\u{201d}: its unchanged answers carry over."</p>
        </Notice>
        <ScrollTable
            caption_id="compare-versions-caption"
            caption=format!("Level by dimension: then (questionnaire version {}) and now (version {})", mb.version, ma.version)
            testid="compare-versions-table"
            headings=&["Dimension", "Then", "Now"]
        >
                {rows
                    .into_iter()
                    .map(|(name, t, n)| view! {
                        <tr><th scope="row">{name}</th><td class="scores__num">{t}</td><td class="scores__num">{n}</td></tr>
                    })
                    .collect_view()}
                <tr>
                    <th scope="row">"Overall"</th>
                    <td class="scores__num">{overall(&then)}</td>
                    <td class="scores__num">{overall(&now)}</td>
                </tr>
        </ScrollTable>
    }
}

/// Two fields (paste or pick) and a "Compare" button.
#[component]
fn CompareForm(
    /// Saved snapshots to offer.
    saved: History,
    /// Payloads to start with.
    initial: Option<(String, String)>,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let full = |payload: &str| location::share_url(payload);
    let (a0, b0) = initial.map_or((String::new(), String::new()), |(a, b)| {
        (full(&a), full(&b))
    });
    let before = RwSignal::new(a0);
    let after = RwSignal::new(b0);
    let before_err = RwSignal::new(None::<String>);
    let after_err = RwSignal::new(None::<String>);

    let mut choices: Vec<(String, String)> = Vec::new();
    if state.draft.with_untracked(|d| d.answers.answered() > 0) {
        let payload = state
            .draft
            .with_untracked(|d| link::encode(model, &d.answers, &d.targets));
        choices.push(("My current answers".to_owned(), full(&payload)));
    }
    for s in saved.snapshots() {
        choices.push((history::describe(s), full(&s.link)));
    }

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let check = |text: RwSignal<String>, err: RwSignal<Option<String>>| {
            let t = text.get_untracked();
            if t.trim().is_empty() {
                err.set(Some(
                    "Paste a result link here, or pick one of your results above.".to_owned(),
                ));
                return None;
            }
            let payload = route::payload_of(&t).to_owned();
            match state.decode(&payload) {
                Ok(_) => Some(payload),
                Err(e) => {
                    err.set(Some(site::link_problem(model, &e)));
                    None
                }
            }
        };
        let a = check(before, before_err);
        let b = check(after, after_err);
        if let (Some(a), Some(b)) = (a, b) {
            state.go(Route::Compare(Some((a, b))));
        }
    };
    view! {
        <form class="compare-form" on:submit=submit novalidate>
            <div class="compare-form__sides">
                <SideField side="before" label="Then (before)" text=before error=before_err choices=choices.clone()/>
                <SideField side="after" label="Now (after)" text=after error=after_err choices=choices/>
            </div>
            <button type="submit" class="button button--primary">"Compare"</button>
        </form>
    }
}

/// The comparison itself: who is compared, the scores (chart and table)
/// and the changes question by question.
#[component]
fn ComparisonView(
    model: &'static Model,
    comparison: Comparison,
    /// How each side is named ("Q3 baseline, saved …").
    names: (String, String),
    /// The two payloads, to open each side.
    payloads: (String, String),
) -> impl IntoView {
    let cmp = comparison;
    // The question-by-question list is drawn once the summary, chart and
    // table are painted, in a task of its own.
    let later = RwSignal::new(false);
    crate::time::after_paint(move || {
        let _ = later.try_set(true);
    });
    let changes = cmp.clone();
    view! {
        <ComparisonSummary comparison=&cmp names=names payloads=payloads/>
        <section class="results__section" aria-labelledby="compare-scores-title">
            <h2 id="compare-scores-title">"Scores by dimension"</h2>
            <div class="glance">
                <ThenNowChart model=model comparison=&cmp/>
                <ChangeTable model=model comparison=&cmp/>
            </div>
        </section>
        {move || later.get().then(|| view! { <QuestionChanges model=model comparison=&changes/> })}
    }
}

/// Which results are compared, the overall change and the count of
/// questions by kind of change.
#[component]
fn ComparisonSummary<'a>(
    comparison: &'a Comparison,
    /// How each side is named.
    names: (String, String),
    /// The two payloads, to open each side.
    payloads: (String, String),
) -> impl IntoView {
    let cmp = comparison;
    let overall = {
        let (b, a) = (&cmp.before.overall, &cmp.after.overall);
        match (b.level, b.score, a.level, a.score) {
            (Some(lb), Some(sb), Some(la), Some(sa)) => format!(
                "Overall: level {lb} then, {la} now; score {} then, {} now ({}).",
                score_text(sb),
                score_text(sa),
                delta_text(sa - sb)
            ),
            _ => "Overall: one of the two results has nothing assessed.".to_owned(),
        }
    };
    let (improved, regressed, other, same) = (
        cmp.count(Change::Improved),
        cmp.count(Change::Regressed),
        cmp.count(Change::Other),
        cmp.count(Change::Unchanged),
    );
    let (pa, pb) = payloads;
    view! {
        <section class="compare__summary" aria-label="Summary">
            <p class="compare__sides">
                <span class="compare__side">
                    <strong>"Then: "</strong>{names.0}" ("
                    <a href=route::shared_hash(&pa)>"open it"</a>")"
                </span>
                <span class="compare__side">
                    <strong>"Now: "</strong>{names.1}" ("
                    <a href=route::shared_hash(&pb)>"open it"</a>")"
                </span>
            </p>
            <p class="compare__overall" data-testid="compare-overall">
                {overall}
            </p>
            <p class="compare__counts" data-testid="compare-counts">
                {format!("{improved} improved, {regressed} regressed, {other} changed otherwise, {same} unchanged.")}
            </p>
        </section>
    }
}

/// Both results on one radar: then dashed with square markers, now solid
/// with round ones, and the legend saying so.
#[component]
fn ThenNowChart<'a>(model: &'static Model, comparison: &'a Comparison) -> impl IntoView {
    let names = chart::dimension_names(model);
    let then_scores = chart::assessed_scores(&comparison.before);
    let now_scores = chart::assessed_scores(&comparison.after);
    let svg = chart::radar_svg(&Radar {
        names: &names,
        top: model.top_level(),
        series: &[
            Series {
                label: "Then",
                values: &then_scores,
                style: DASHED_STYLE,
            },
            Series {
                label: "Now",
                values: &now_scores,
                style: SOLID_STYLE,
            },
        ],
        band: None,
    });
    view! {
        <RadarFigure testid="compare-chart" svg=svg top=model.top_level()>
            <ChartLegend entries=vec![
                ("Then: dashed line, square markers".to_owned(), DASHED_STYLE),
                ("Now: solid line, round markers".to_owned(), SOLID_STYLE),
            ]/>
        </RadarFigure>
    }
}

/// Level and score per dimension, then and now, with the change.
#[component]
fn ChangeTable<'a>(model: &'static Model, comparison: &'a Comparison) -> impl IntoView {
    let rows = comparison
        .dimensions
        .iter()
        .map(|d| {
            let dim = &model.dimensions[d.dimension];
            let lvl = optional_level_text;
            let sc = optional_score_text;
            let (change, class) = match d.delta() {
                Some(x) if (x * 10.0).round() > 0.0 => {
                    (format!("\u{25b2} {}", delta_text(x)), "up")
                }
                Some(x) if (x * 10.0).round() < 0.0 => {
                    (format!("\u{25bc} {}", delta_text(x)), "down")
                }
                Some(_) => ("No change".to_owned(), "same"),
                None => (NOT_AVAILABLE.to_owned(), "same"),
            };
            view! {
                <tr data-testid=format!("compare-{}", dim.id)>
                    <th scope="row">{dim.name.clone()}</th>
                    <td class="scores__num">{lvl(d.level_before)}</td>
                    <td class="scores__num">{lvl(d.level_after)}</td>
                    <td class="scores__num">{sc(d.score_before)}</td>
                    <td class="scores__num">{sc(d.score_after)}</td>
                    <td class=format!("scores__num delta delta--{class}")>{change}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScrollTable
            caption_id="compare-table-caption"
            caption="Level and score by dimension, then and now"
            class="compare-table"
            testid="compare-table"
            headings=&["Dimension", "Level then", "Level now", "Score then", "Score now", "Change"]
        >
            {rows}
        </ScrollTable>
    }
}

/// Every question's change, grouped by dimension.
#[component]
fn QuestionChanges<'a>(model: &'static Model, comparison: &'a Comparison) -> impl IntoView {
    let groups = (0..model.dimensions.len())
        .map(|d| view! { <ChangeGroup model=model comparison=comparison dimension=d/> })
        .collect_view();
    view! {
        <section class="results__section" aria-labelledby="compare-questions-title" data-testid="compare-questions">
            <h2 id="compare-questions-title">"Question by question"</h2>
            <p class="results__intro">
                "Within each dimension, regressions come first. \u{201c}Changed\u{201d} means a move to or from \u{201c}Don't know\u{201d} or \u{201c}Not applicable\u{201d}: different, but neither better nor worse."
            </p>
            {groups}
        </section>
    }
}

/// One dimension's questions: a count by kind of change in the heading, the
/// changed ones listed, the unchanged ones folded away.
#[component]
fn ChangeGroup<'a>(
    model: &'static Model,
    comparison: &'a Comparison,
    /// The dimension's index.
    dimension: usize,
) -> impl IntoView {
    let d = dimension;
    let qs = ordered_changes(comparison, d);
    let (changed, unchanged): (Vec<_>, Vec<_>) =
        qs.into_iter().partition(|q| q.change != Change::Unchanged);
    let count = |c: Change| changed.iter().filter(|q| q.change == c).count();
    let mut parts = Vec::new();
    for (c, word) in [
        (Change::Regressed, "regressed"),
        (Change::Improved, "improved"),
        (Change::Other, "changed otherwise"),
    ] {
        let n = count(c);
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    let head = if parts.is_empty() {
        "no change".to_owned()
    } else {
        parts.join(", ")
    };
    let item = move |q: QuestionChange| {
        let (word, class) = change_word(q.change);
        view! {
            <li class=format!("change change--{class}")>
                <span class=format!("change__tag change__tag--{class}")>{word}</span>
                <span class="change__text">{model.questions[q.question].text.clone()}</span>
                <span class="change__answers">
                    {format!("{} \u{2192} {}", q.before.label(), q.after.label())}
                </span>
            </li>
        }
    };
    let n_same = unchanged.len();
    view! {
        <section class="change-group" data-testid=format!("changes-{}", model.dimensions[d].id)>
            <h3 class="change-group__title">
                {model.dimensions[d].name.clone()}
                <span class="change-group__count">{format!(": {head}")}</span>
            </h3>
            {(!changed.is_empty()).then(|| view! {
                <ul class="change-group__list">{changed.into_iter().map(item).collect_view()}</ul>
            })}
            {(n_same > 0).then(|| view! {
                <details class="change-group__same">
                    <summary>{format!("Unchanged ({n_same})")}</summary>
                    <ul class="change-group__list">{unchanged.into_iter().map(item).collect_view()}</ul>
                </details>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use maturity_engine::{Answer, Answers};

    #[test]
    fn regressions_come_first_within_a_dimension() {
        let m = maturity_engine::builtin();
        let before = Answers::from_vec(vec![Answer::Mostly; m.questions.len()]);
        let mut after = before.clone();
        let people: Vec<usize> = m.questions_of(0).collect();
        after.set(people[0], Answer::Fully);
        after.set(people[2], Answer::No);
        after.set(people[1], Answer::DontKnow);
        let cmp = compare(m, &before, &after);
        let order: Vec<Change> = ordered_changes(&cmp, 0).iter().map(|q| q.change).collect();
        assert_eq!(
            &order[..3],
            &[Change::Regressed, Change::Improved, Change::Other]
        );
        assert!(order[3..].iter().all(|c| *c == Change::Unchanged));
        assert_eq!(order.len(), people.len());
    }
}
