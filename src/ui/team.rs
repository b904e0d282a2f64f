//! `#/team`: several people's results taken together. Paste their result
//! links (one per line) and/or choose their exported result files; the page
//! shows where people disagree first (the conversation a workshop should
//! have), then the median and range per dimension.
//!
//! Everything is worked out in this browser from the links and files; none
//! of it is stored. A team view is kept as a link that lists its members'
//! results (`#/team/<payload>.<payload>…`), which fills the links in again.

use crate::chart::{self, Band, Radar, Series, SOLID_STYLE};
use crate::state::use_app;
use crate::ui::format::{optional_level_text, optional_score_text};
use crate::ui::radar::{ChartLegend, RadarFigure};
use crate::ui::share::CopyLink;
use crate::ui::table::ScrollTable;
use crate::{files, link, location, route, site, time};
use leptos::prelude::*;
use leptos::task::spawn_local;
use maturity_engine::compare::{aggregate, parse_links, Aggregate, Disagreement};
use maturity_engine::export::import_result_as_made;
use maturity_engine::{builtin_version, Answers, Model};

/// The scale's words, by rank.
const RANKS: [&str; 4] = ["No", "Partially", "Mostly", "Fully"];

/// One result to take together with the others: where it came from, and its
/// answers to the questionnaire version it was made with.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// "Line 3" or "File team-a.json".
    pub place: String,
    /// The entry as given, shortened (empty for files).
    pub text: String,
    pub model: &'static Model,
    pub answers: Answers,
}

/// The entries to aggregate, and those left out: repeats of a result already
/// counted (the same link pasted twice, the same file chosen twice), and
/// results made with another questionnaire version. The current version's
/// results are kept when there are any, otherwise those of the newest
/// version present: answers are only compared with answers to the same
/// questions.
pub fn like_with_like(
    current: &'static Model,
    entries: &[Entry],
) -> (&'static Model, Vec<Answers>, Vec<Problem>) {
    let chosen = entries
        .iter()
        .map(|e| e.model)
        .find(|m| m.version == current.version)
        .or_else(|| entries.iter().map(|e| e.model).max_by_key(|m| m.version))
        .unwrap_or(current);
    let mut kept = Vec::new();
    let mut left_out = Vec::new();
    // Where each result kept so far came from, to name a repeat.
    let mut seen: std::collections::HashMap<&Answers, &str> = std::collections::HashMap::new();
    for e in entries {
        if let Some(first) = (e.model.version == chosen.version)
            .then(|| seen.get(&e.answers))
            .flatten()
        {
            left_out.push(Problem {
                place: e.place.clone(),
                text: e.text.clone(),
                message: format!(
                    "The same result as {}, so it is counted once. If two people gave exactly the same answers, say so when you talk the results through.",
                    first.to_lowercase()
                ),
            });
        } else if e.model.version == chosen.version {
            seen.insert(&e.answers, &e.place);
            kept.push(e.answers.clone());
        } else {
            left_out.push(Problem {
                place: e.place.clone(),
                text: e.text.clone(),
                message: format!(
                    "Made with questionnaire version {}, whose questions differ from version {}'s, so it is left out: answers are only compared with answers to the same questions. Ask for a new result, or open this one and choose \u{201c}Answer the new version\u{201d}.",
                    e.model.version, chosen.version
                ),
            });
        }
    }
    (chosen, kept, left_out)
}

/// A problem with one pasted line or one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// "Line 3" or "File team-a.json".
    pub place: String,
    /// The entry as given, shortened.
    pub text: String,
    pub message: String,
}

/// Reads pasted links: the good results, and one problem per bad line.
pub fn read_links(model: &'static Model, text: &str) -> (Vec<Entry>, Vec<Problem>) {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for p in parse_links(model, builtin_version, text, route::payload_of) {
        match p.result {
            Ok((m, r)) => good.push(Entry {
                place: format!("Line {}", p.line),
                text: p.text,
                model: m,
                answers: r.answers,
            }),
            Err(e) => bad.push(Problem {
                place: format!("Line {}", p.line),
                text: p.text,
                message: site::link_problem(model, &e),
            }),
        }
    }
    (good, bad)
}

/// "1 result", "3 results".
pub fn results_text(n: usize) -> String {
    if n == 1 {
        "1 result".to_owned()
    } else {
        format!("{n} results")
    }
}

/// "No 2 · Partially 0 · Mostly 1 · Fully 3".
pub fn distribution_text(counts: &[usize; 4]) -> String {
    RANKS
        .iter()
        .zip(counts)
        .map(|(w, n)| format!("{w} {n}"))
        .collect::<Vec<_>>()
        .join(" \u{b7} ")
}

/// Longest team link offered, in characters: past it, chat tools and
/// address bars start cutting links, so the page suggests files instead.
pub const MAX_TEAM_LINK: usize = 4000;

/// The pasted-links text for a team view's members: one result link per
/// line.
pub fn members_text(list: &str) -> String {
    route::team_members(list)
        .map(|p| format!("{}\n", location::share_url(p)))
        .collect()
}

/// What the team page draws below the count.
#[derive(Clone)]
struct Drawn {
    /// The questionnaire version the counted results were made with.
    model: &'static Model,
    aggregate: Aggregate,
    /// How many results are counted.
    count: usize,
    /// The team view's link.
    keep: String,
}

/// Disagreements drawn with the chart and table, and then per task while
/// the rest fill in (a team of people who disagree on everything has one
/// per question).
const DISAGREEMENTS_FIRST: usize = 4;
const DISAGREEMENTS_SLICE: usize = 12;

/// `#/team`, or `#/team/<payloads>` with its members' links filled in.
#[component]
pub fn TeamPage(
    /// The members' payloads from the route (empty for none).
    members: String,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let from_link = route::team_members(&members).count();
    let text = RwSignal::new(members_text(&members));
    let from_files = RwSignal::new(Vec::<Entry>::new());
    let file_problems = RwSignal::new(Vec::<Problem>::new());

    let parsed = Memo::new(move |_| text.with(|t| read_links(model, t)));
    let chosen = Memo::new(move |_| {
        let mut all: Vec<Entry> = parsed.with(|(good, _)| good.clone());
        from_files.with(|f| all.extend(f.iter().cloned()));
        like_with_like(model, &all)
    });
    let results = Memo::new(move |_| chosen.with(|(_, kept, _)| kept.clone()));
    // The aggregate as drawn. It follows the results, so that the field and
    // the count respond at once: a paint later the aggregate is worked out
    // in a task of its own, and the chart, table and disagreements are drawn
    // in the next.
    let drawn = RwSignal::new(None::<Drawn>);
    Effect::new(move |_| {
        results.track();
        time::after_paint(move || {
            // The page may have gone before the paint: nothing to draw then.
            let Some(count) = results.try_with_untracked(Vec::len) else {
                return;
            };
            let next = (count > 0).then(|| {
                let (m, aggregate) = chosen.with_untracked(|(m, kept, _)| (*m, aggregate(m, kept)));
                let keep = results.with_untracked(|r| {
                    let payloads: Vec<String> = r
                        .iter()
                        .map(|a| link::encode(m, a, &maturity_engine::Targets::new(m)))
                        .collect();
                    location::base_url() + &route::team_hash(payloads.iter().map(String::as_str))
                });
                Drawn {
                    model: m,
                    aggregate,
                    count,
                    keep,
                }
            });
            set_timeout(
                move || {
                    let _ = drawn.try_set(next);
                },
                std::time::Duration::ZERO,
            );
        });
    });
    let problems = Memo::new(move |_| {
        let mut all = parsed.with(|(_, bad)| bad.clone());
        file_problems.with(|f| all.extend(f.iter().cloned()));
        chosen.with(|(_, _, left_out)| all.extend(left_out.iter().cloned()));
        all
    });

    view! {
        <article class="team">
            <h1 tabindex="-1">"Team"</h1>
            <p class="team__intro">
                "Ask everyone to take the assessment on their own, then bring their results together here: where you disagree is where the conversation starts. Nothing is uploaded: it is all worked out in this browser, and nothing is stored. To keep a team view, copy its link at the end."
            </p>
            {(from_link > 0).then(|| view! {
                <p class="team__from-link" data-testid="team-from-link">
                    {match from_link {
                        1 => "Opened from a team link with 1 result: its link is below.".to_owned(),
                        n => format!("Opened from a team link with {n} results: their links are below, one per line."),
                    }}
                </p>
            })}
            <div class="team__inputs">
                <LinksField text=text/>
                <FilesField from_files=from_files problems=file_problems/>
            </div>
            <TeamCount results=results problems=problems/>
            <LeftOut problems=problems/>
            {move || drawn.get().map(|d| {
                let older = (d.model.version < model.version).then(|| view! {
                    <p class="team__version" data-testid="team-version">
                        {format!("These results were made with questionnaire version {}, and are compared with its questions.", d.model.version)}
                    </p>
                });
                view! { {older} <TeamResults model=d.model aggregate=d.aggregate/> <KeepTeam url=d.keep count=d.count/> }
            })}
        </article>
    }
}

/// The pasted result links, and a button that adds the user's own answers
/// when there are any.
#[component]
fn LinksField(
    /// The text of the field: links, one per line.
    text: RwSignal<String>,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let own = state.draft.with_untracked(|d| {
        (d.answers.answered() > 0)
            .then(|| location::share_url(&link::encode(model, &d.answers, &d.targets)))
    });
    // The text the field is given: set when the page changes the links
    // (adding one's own result), not when the user types or pastes, so a
    // long paste is not written back into the field it came from.
    let given = RwSignal::new(text.get_untracked());
    let add_own = own.map(|url| {
        view! {
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    text.update(|t| {
                        if !t.is_empty() && !t.ends_with('\n') {
                            t.push('\n');
                        }
                        t.push_str(&url);
                        t.push('\n');
                    });
                    given.set(text.get_untracked());
                }
            >
                "Add my own result"
            </button>
        }
    });
    view! {
        <div class="team__field">
            <label class="field__label" for="team-links">"Result links, one per line"</label>
            <textarea
                id="team-links"
                class="field__input team__links"
                rows="6"
                spellcheck="false"
                autocomplete="off"
                aria-describedby="team-links-help"
                prop:value=move || given.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <p class="field__help" id="team-links-help">
                "Paste the links people shared with you. Blank lines are skipped."
            </p>
            {add_own}
        </div>
    }
}

/// Exported result files to read, and what was read from them.
#[component]
fn FilesField(
    /// The results read from the chosen files.
    from_files: RwSignal<Vec<Entry>>,
    /// One problem per file that could not be read.
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let reading = RwSignal::new(false);
    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let chosen = files::chosen_files(&input);
        if chosen.is_empty() {
            return;
        }
        reading.set(true);
        spawn_local(async move {
            let mut good = Vec::new();
            let mut bad = Vec::new();
            for f in chosen {
                let name = f.name();
                match files::read_text(&f).await {
                    Err(e) => bad.push(Problem {
                        place: format!("File {name}"),
                        text: String::new(),
                        message: format!("This file can't be read: {e}."),
                    }),
                    Ok(body) => match import_result_as_made(model, builtin_version, &body) {
                        Ok((m, imported)) => good.push(Entry {
                            place: format!("File {name}"),
                            text: String::new(),
                            model: m,
                            answers: imported.draft.answers,
                        }),
                        Err(e) => bad.push(Problem {
                            place: format!("File {name}"),
                            text: String::new(),
                            message: site::file_problem(model, &e),
                        }),
                    },
                }
            }
            from_files.set(good);
            problems.set(bad);
            reading.set(false);
        });
    };
    view! {
        <div class="team__field">
            <label class="field__label" for="team-files">"Or choose result files (.json)"</label>
            <input
                id="team-files"
                class="field__file"
                type="file"
                accept=".json,application/json"
                multiple
                on:change=on_files
            />
            <p class="field__help" role="status">
                {move || {
                    if reading.get() {
                        return "Reading files\u{2026}".to_owned();
                    }
                    from_files.with(|f| match f.len() {
                        0 => "Files saved from the results page with \u{201c}Download result file\u{201d}.".to_owned(),
                        _ => format!(
                            "From files: {}.",
                            f.iter()
                                .map(|r| r.place.trim_start_matches("File "))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    })
                }}
            </p>
        </div>
    }
}

/// How many results are counted, and how many entries were left out.
#[component]
fn TeamCount(
    /// The results read so far.
    #[prop(into)]
    results: Signal<Vec<Answers>>,
    /// The entries left out (unreadable, repeated, another version).
    #[prop(into)]
    problems: Signal<Vec<Problem>>,
) -> impl IntoView {
    view! {
        <p class="team__count" role="status" data-testid="team-count">
            {move || {
                let n = results.with(Vec::len);
                let bad = problems.with(Vec::len);
                let results = match n {
                    0 => "No results yet".to_owned(),
                    n => results_text(n),
                };
                match bad {
                    0 => format!("{results}."),
                    1 => format!("{results}; 1 entry left out."),
                    b => format!("{results}; {b} entries left out."),
                }
            }}
        </p>
    }
}

/// The entries that could not be read, each with why; shown only if any.
#[component]
fn LeftOut(
    /// The entries that could not be read.
    #[prop(into)]
    problems: Signal<Vec<Problem>>,
) -> impl IntoView {
    view! {
        <Show when=move || problems.with(|p| !p.is_empty())>
            <section class="notice notice--error team__errors" data-testid="team-errors" aria-labelledby="team-errors-title">
                <h2 id="team-errors-title" class="team__errors-title">"Left out"</h2>
                <ul class="team__error-list">
                    {move || problems.get().into_iter().map(|p| view! {
                        <li>
                            <strong>{p.place}": "</strong>
                            {p.message}
                            {(!p.text.is_empty()).then(|| view! {
                                " "<span class="team__error-text">{format!("(\u{201c}{}\u{201d})", p.text)}</span>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
                <p>"The other results are still counted."</p>
            </section>
        </Show>
    }
}

/// The aggregate: disagreements first, then the chart and spread table.
#[component]
fn TeamResults(model: &'static Model, aggregate: Aggregate) -> impl IntoView {
    let agg = aggregate;
    // The summary first, then the conversation it leads to.
    view! {
        <section class="results__section" aria-labelledby="team-spread-title">
            <h2 id="team-spread-title">"Scores across the team"</h2>
            <div class="glance">
                <TeamChart model=model aggregate=&agg/>
                <SpreadTable model=model aggregate=&agg/>
            </div>
        </section>
        <Disagreements model=model aggregate=&agg/>
    }
}

/// The team view as a link that lists every counted result, to keep or to
/// send; a team too large for one link is told to keep the files.
#[component]
fn KeepTeam(
    /// The team view's link.
    url: String,
    /// How many results it lists.
    count: usize,
) -> impl IntoView {
    let fits = url.len() <= MAX_TEAM_LINK;
    let length = url.len();
    view! {
        <section class="share team__keep" aria-labelledby="team-keep-title" data-testid="team-keep">
            <h2 id="team-keep-title">"Keep or share this team view"</h2>
            {if fits {
                view! {
                    <p class="share__intro">
                        {format!("The link lists the {} counted here, after the #, which browsers never send to a server. Open it later, or send it, to see this view again. File names and notes are not in it.", results_text(count))}
                    </p>
                    <CopyLink
                        url=Signal::stored(url)
                        field_id="team-link"
                        label="Team link"
                        testid="team-link"
                        copied="Link copied. Open it later, or send it, to see this team view again."
                    />
                }
                .into_any()
            } else {
                view! {
                    <p class="share__intro" data-testid="team-link-too-long">
                        {format!("With {count} results the link would be {length} characters long, more than {MAX_TEAM_LINK}, and may be cut when sent. Keep the result files instead, and choose them here again.")}
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}

/// The questions answered two or more steps apart, widest first.
#[component]
fn Disagreements<'a>(model: &'static Model, aggregate: &'a Aggregate) -> impl IntoView {
    let body = if aggregate.results < 2 {
        view! {
            <p class="team__hint">"Add at least two results to see where people disagree."</p>
        }
        .into_any()
    } else if aggregate.disagreements.is_empty() {
        view! {
            <p class="team__hint">"No question was answered two or more steps apart: the team sees things much the same way."</p>
        }
        .into_any()
    } else {
        let all = StoredValue::new(aggregate.disagreements.clone());
        let total = aggregate.disagreements.len();
        let team = aggregate.results;
        let shown = time::filling(move || total, DISAGREEMENTS_FIRST, DISAGREEMENTS_SLICE);
        view! {
            <ol class="disagreements" aria-busy=move || (shown.get() < total).to_string()>
                <For each=move || 0..shown.get() key=|i| *i let:i>
                    <DisagreementItem model=model disagreement=all.with_value(|d| d[i].clone()) team=team/>
                </For>
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="results__section" aria-labelledby="team-disagreements-title" data-testid="team-disagreements">
            <h2 id="team-disagreements-title">"Where you disagree"</h2>
            <p class="results__intro">
                "Questions answered two or more steps apart on the No \u{2013} Partially \u{2013} Mostly \u{2013} Fully scale, widest first. Talk these through: people may know different things, or read the question differently."
            </p>
            {body}
        </section>
    }
}

/// The team's median on a radar, over the band from lowest to highest.
#[component]
fn TeamChart<'a>(model: &'static Model, aggregate: &'a Aggregate) -> impl IntoView {
    let names = chart::dimension_names(model);
    let spreads = &aggregate.dimensions;
    let median: Vec<Option<f64>> = spreads.iter().map(|s| s.median).collect();
    let low: Vec<Option<f64>> = spreads.iter().map(|s| s.min).collect();
    let high: Vec<Option<f64>> = spreads.iter().map(|s| s.max).collect();
    let svg = chart::radar_svg(&Radar {
        names: &names,
        top: model.top_level(),
        series: &[Series {
            label: "Median",
            values: &median,
            style: SOLID_STYLE,
        }],
        band: Some(Band {
            label: "Range from lowest to highest",
            low: &low,
            high: &high,
        }),
    });
    view! {
        <RadarFigure testid="team-chart" svg=svg top=model.top_level()>
            <ChartLegend
                entries=vec![("Median: solid line, round markers".to_owned(), SOLID_STYLE)]
                band="Range from lowest to highest: shaded band"
            />
        </RadarFigure>
    }
}

/// Median level and score, lowest and highest score per dimension.
#[component]
fn SpreadTable<'a>(model: &'static Model, aggregate: &'a Aggregate) -> impl IntoView {
    let n = aggregate.results;
    let rows = aggregate
        .dimensions
        .iter()
        .map(|s| {
            let dim = &model.dimensions[s.dimension];
            let sc = optional_score_text;
            view! {
                <tr data-testid=format!("spread-{}", dim.id)>
                    <th scope="row">{dim.name.clone()}</th>
                    <td class="scores__num">{optional_level_text(s.median_level)}</td>
                    <td class="scores__num">{sc(s.median)}</td>
                    <td class="scores__num">{sc(s.min)}</td>
                    <td class="scores__num">{sc(s.max)}</td>
                    <td class="scores__num">{s.count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScrollTable
            caption_id="team-spread-caption"
            caption=format!("Spread by dimension across {}", results_text(n))
            testid="team-spread"
            headings=&["Dimension", "Median level", "Median score", "Lowest", "Highest", "Results"]
        >
            {rows}
        </ScrollTable>
    }
}

/// One disputed question with how the answers were spread.
#[component]
fn DisagreementItem(
    model: &'static Model,
    disagreement: Disagreement,
    /// How many results the team has: a full bar is the whole team.
    team: usize,
) -> impl IntoView {
    let d = disagreement;
    let q = &model.questions[d.question];
    let total: usize = d.counts.iter().sum();
    let bars = d
        .counts
        .iter()
        .enumerate()
        .map(|(rank, n)| {
            let w = 100.0 * *n as f64 / team.max(1) as f64;
            view! {
                <li class="dist__row">
                    <span class="dist__word">{RANKS[rank]}</span>
                    <svg class="dist__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                        <rect x="0" y="0" width=format!("{w:.1}") height="10"></rect>
                    </svg>
                    <span class="dist__count">{*n}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="disagreement" data-testid=format!("disagreement-{}", q.id)>
            <p class="disagreement__question">
                <span class="tag">{model.dimensions[d.dimension].name.clone()}</span>
                " "
                {q.text.clone()}
            </p>
            <p class="disagreement__range">
                {format!(
                    "Answers range from {} to {} ({} steps apart):",
                    RANKS[usize::from(d.low)],
                    RANKS[usize::from(d.high)],
                    d.steps(),
                )}
            </p>
            <ul class="dist" aria-label=format!("Answers from {total} people: {}", distribution_text(&d.counts))>{bars}</ul>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use maturity_engine::Answer;

    #[test]
    fn one_result_is_singular() {
        assert_eq!(results_text(1), "1 result");
        assert_eq!(results_text(0), "0 results");
        assert_eq!(results_text(12), "12 results");
    }

    #[test]
    fn bad_lines_are_reported_and_the_rest_kept() {
        let m = maturity_engine::builtin();
        let targets = maturity_engine::Targets::new(m);
        let ok = |a: Answer| {
            format!(
                "https://example.org/app/#/r/{}",
                link::encode(m, &Answers::from_vec(vec![a; m.questions.len()]), &targets)
            )
        };
        let text = format!("{}\n\nnot a link\n{}\n", ok(Answer::No), ok(Answer::Fully));
        let (good, bad) = read_links(m, &text);
        assert_eq!(good.len(), 2);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].place, "Line 3");
        assert!(!bad[0].message.is_empty());
        let (chosen, kept, left_out) = like_with_like(m, &good);
        assert_eq!(
            (chosen.version, kept.len(), left_out.len()),
            (m.version, 2, 0)
        );
        let agg = aggregate(m, &kept);
        assert_eq!(
            agg.disagreements.len(),
            m.questions.len(),
            "No vs Fully everywhere"
        );
        assert_eq!(
            distribution_text(&agg.disagreements[0].counts),
            "No 1 \u{b7} Partially 0 \u{b7} Mostly 0 \u{b7} Fully 1"
        );
    }

    #[test]
    fn results_of_another_questionnaire_version_are_compared_only_with_their_own() {
        let m = maturity_engine::builtin();
        let v1 = maturity_engine::builtin_version(1).unwrap();
        let link_of = |model: &Model, a: Answer| {
            link::encode(
                model,
                &Answers::from_vec(vec![a; model.questions.len()]),
                &maturity_engine::Targets::new(model),
            )
        };
        // Two current results and one made with version 1: the old one is
        // left out, and says why.
        let text = [
            link_of(m, Answer::No),
            link_of(v1, Answer::Fully),
            link_of(m, Answer::Mostly),
        ]
        .join("\n");
        let (good, bad) = read_links(m, &text);
        assert!(bad.is_empty());
        let (chosen, kept, left_out) = like_with_like(m, &good);
        assert_eq!((chosen.version, kept.len()), (2, 2));
        assert_eq!(left_out.len(), 1);
        assert_eq!(left_out[0].place, "Line 2");
        assert!(
            left_out[0].message.contains("questionnaire version 1"),
            "{}",
            left_out[0].message
        );
        // Only version 1 results: they are compared with version 1's questions.
        let text = [link_of(v1, Answer::No), link_of(v1, Answer::Fully)].join("\n");
        let (good, _) = read_links(m, &text);
        let (chosen, kept, left_out) = like_with_like(m, &good);
        assert_eq!((chosen.version, kept.len(), left_out.len()), (1, 2, 0));
        assert_eq!(kept[0].len(), v1.questions.len());
    }
}
