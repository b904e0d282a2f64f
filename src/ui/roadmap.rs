//! Next steps: the unmet practices in the order to take them. The first few
//! lead the results page; the rest, grouped by the level they lead to, are
//! one tap away.

use leptos::prelude::*;
use maturity_engine::{roadmap_of, Answers, Assessment, Model, RoadmapItem, Targets};

/// How many steps the results page leads with.
pub const FIRST_STEPS: usize = 3;

/// The seed text that best says what a practice is: its evidence at the
/// question's own level, else its first evidence. Shown for models whose
/// questions have no "done when" (questionnaire version 1).
fn seed_text(model: &Model, question: usize) -> String {
    let level = model.questions[question].level;
    model
        .evidence_of(question)
        .find(|c| c.level == level)
        .or_else(|| model.evidence_of(question).next())
        .map(|c| c.text.clone())
        .unwrap_or_default()
}

/// Groups roadmap items by their level, keeping order.
pub fn group_by_level(items: &[RoadmapItem]) -> Vec<(u8, Vec<RoadmapItem>)> {
    let mut groups: Vec<(u8, Vec<RoadmapItem>)> = Vec::new();
    for item in items {
        match groups.last_mut() {
            Some((level, list)) if *level == item.level => list.push(*item),
            _ => groups.push((item.level, vec![*item])),
        }
    }
    groups
}

/// One step: what to do and how to tell it is done; why it matters is one
/// tap away.
fn step(model: &'static Model, item: RoadmapItem) -> impl IntoView {
    let q = &model.questions[item.question];
    let detail = if q.done_when.is_empty() {
        view! {
            <p class="roadmap__seed">
                "The model: \u{201c}" {seed_text(model, item.question)} "\u{201d}"
            </p>
        }
        .into_any()
    } else {
        view! {
            <p class="roadmap__done"><strong>"Done when: "</strong>{q.done_when.clone()}</p>
            <details class="roadmap__why">
                <summary>"Why it matters"</summary>
                <p>{q.why.clone()}</p>
            </details>
        }
        .into_any()
    };
    view! {
        <li class="roadmap__item" data-testid=format!("step-{}", q.id)>
            <p class="roadmap__action">{q.action.clone()}</p>
            {detail}
            <p class="roadmap__meta">
                <span class="tag">{model.dimensions[item.dimension].name.clone()}</span>
                " "
                <span class="tag">{format!("Level {}", item.level)}</span>
                " "
                {format!("Answered \u{201c}{}\u{201d}", item.answer.label())}
            </p>
        </li>
    }
}

/// The ordered list of practices to put in place next: the first
/// [`FIRST_STEPS`] in full, then the rest by level in a disclosure.
#[component]
pub fn Roadmap(
    /// The model.
    model: &'static Model,
    /// The answers' assessment, as the page already has it.
    #[prop(into)]
    assessment: Signal<Assessment>,
    /// The answers.
    #[prop(into)]
    answers: Signal<Answers>,
    /// Target levels; practices above a dimension's target are left out.
    #[prop(into)]
    targets: Signal<Targets>,
) -> impl IntoView {
    // A target change reorders the steps without scoring the answers again.
    let items = Memo::new(move |_| {
        assessment.with(|s| answers.with(|a| targets.with(|t| roadmap_of(model, s, a, Some(t)))))
    });
    move || {
        let items = items.get();
        // The list is always there (an empty roadmap is still a roadmap):
        // with nothing left to do it holds one item saying so.
        if items.is_empty() {
            return view! {
                <ol class="roadmap" data-testid="roadmap">
                    <li class="roadmap__empty">
                        "Nothing left to do: every applicable practice up to your targets is in place."
                    </li>
                </ol>
            }
            .into_any();
        }
        let (first, rest) = items.split_at(items.len().min(FIRST_STEPS));
        let rest_count = rest.len();
        view! {
            <div class="roadmap" data-testid="roadmap">
                <ol class="roadmap__items roadmap__items--first" data-testid="roadmap-first">
                    {first.iter().map(|i| step(model, *i)).collect_view()}
                </ol>
                {(rest_count > 0).then(|| view! {
                    <details class="roadmap__rest" data-testid="roadmap-rest">
                        <summary>{match rest_count {
                            1 => "The full roadmap: 1 more step".to_owned(),
                            n => format!("The full roadmap: {n} more steps"),
                        }}</summary>
                        <div class="roadmap__groups">
                            {group_by_level(rest)
                                .into_iter()
                                .map(|(level, items)| {
                                    let name = &model.levels[usize::from(level)].name;
                                    view! {
                                        <section class="roadmap__group">
                                            <h3 class="roadmap__level">{format!("Towards level {level}: {name}")}</h3>
                                            <ol class="roadmap__items">
                                                {items.into_iter().map(|i| step(model, i)).collect_view()}
                                            </ol>
                                        </section>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </details>
                })}
            </div>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_keep_order_and_split_on_level() {
        let m = maturity_engine::builtin();
        let items = maturity_engine::roadmap(m, &Answers::new(m), None);
        let groups = group_by_level(&items);
        assert_eq!(groups.iter().map(|g| g.1.len()).sum::<usize>(), items.len());
        for pair in groups.windows(2) {
            assert_ne!(pair[0].0, pair[1].0, "neighbouring groups differ in level");
        }
        for q in 0..m.questions.len() {
            assert!(!seed_text(m, q).is_empty());
        }
    }
}
