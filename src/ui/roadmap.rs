//! Next steps: the unmet practices, grouped by the level they lead to.

use leptos::prelude::*;
use maturity_engine::{roadmap, Answers, Model, RoadmapItem, Targets};

/// The seed text that best says what to do for a question: its evidence at
/// the question's own level, else its first evidence.
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

/// The ordered list of practices to put in place next.
#[component]
pub fn Roadmap(
    /// The model.
    model: &'static Model,
    /// The answers.
    #[prop(into)]
    answers: Signal<Answers>,
    /// Target levels; practices above a dimension's target are left out.
    #[prop(into)]
    targets: Signal<Targets>,
) -> impl IntoView {
    let groups = Memo::new(move |_| {
        let items = answers.with(|a| targets.with(|t| roadmap(model, a, Some(t))));
        group_by_level(&items)
    });
    move || {
        let groups = groups.get();
        // The list is always there (an empty roadmap is still a roadmap):
        // with nothing left to do it holds one item saying so.
        if groups.is_empty() {
            return view! {
                <ol class="roadmap" data-testid="roadmap">
                    <li class="roadmap__empty">
                        "Nothing left to do: every applicable practice up to your targets is in place."
                    </li>
                </ol>
            }
            .into_any();
        }
        view! {
            <ol class="roadmap" data-testid="roadmap">
                {groups
                    .into_iter()
                    .map(|(level, items)| {
                        let name = &model.levels[usize::from(level)].name;
                        view! {
                            <li class="roadmap__group">
                                <h3 class="roadmap__level">{format!("Towards level {level}: {name}")}</h3>
                                <ol class="roadmap__items">
                                    {items
                                        .into_iter()
                                        .map(|item| {
                                            let q = &model.questions[item.question];
                                            view! {
                                                <li class="roadmap__item">
                                                    <p class="roadmap__action">{q.action.clone()}</p>
                                                    <p class="roadmap__seed">
                                                        "The model: \u{201c}"
                                                        {seed_text(model, item.question)}
                                                        "\u{201d}"
                                                    </p>
                                                    <p class="roadmap__meta">
                                                        <span class="tag">{model.dimensions[item.dimension].name.clone()}</span>
                                                        " "
                                                        {format!("You answered \u{201c}{}\u{201d} to: {}", item.answer.label(), q.text)}
                                                    </p>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ol>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
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
        let items = roadmap(m, &Answers::new(m), None);
        let groups = group_by_level(&items);
        let levels: Vec<u8> = groups.iter().map(|g| g.0).collect();
        assert_eq!(levels, vec![1, 2, 3, 4]);
        assert_eq!(groups.iter().map(|g| g.1.len()).sum::<usize>(), 31);
        for q in 0..m.questions.len() {
            assert!(!seed_text(m, q).is_empty());
        }
    }
}
