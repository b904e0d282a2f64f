//! One question: native radios in a fieldset, with help and provenance.

use crate::state::use_app;
use leptos::prelude::*;
use maturity_engine::Answer;
use wasm_bindgen::JsCast;

/// Merges evidence that repeats one text across levels (the seed often
/// carries a practice forward unchanged), keeping first-seen order.
pub fn group_evidence<'a>(
    items: impl IntoIterator<Item = (u8, &'a str)>,
) -> Vec<(Vec<u8>, &'a str)> {
    let mut groups: Vec<(Vec<u8>, &str)> = Vec::new();
    for (level, text) in items {
        match groups.iter_mut().find(|(_, t)| *t == text) {
            Some((levels, _)) => levels.push(level),
            None => groups.push((vec![level], text)),
        }
    }
    groups
}

/// "Level 2", "Levels 1–4" for a run, "Levels 1, 3" otherwise.
pub fn levels_label(levels: &[u8]) -> String {
    match levels {
        [] => String::new(),
        [one] => format!("Level {one}"),
        [first, .., last] if levels.windows(2).all(|w| w[1] == w[0] + 1) => {
            format!("Levels {first}\u{2013}{last}")
        }
        _ => {
            let list: Vec<String> = levels.iter().map(u8::to_string).collect();
            format!("Levels {}", list.join(", "))
        }
    }
}

/// "A level 2 practice (Automated Training)", saying when a later level
/// replaces it.
fn practice_levels(level: u8, until: u8, name: &str) -> String {
    let replaced = if until < maturity_engine::MAX_LEVEL {
        format!(
            " The model describes it up to level {until}; level {} replaces it.",
            until + 1
        )
    } else {
        String::new()
    };
    format!("A level {level} practice ({name}).{replaced} It comes from these descriptions in the maturity model:")
}

/// Maps the keys 1..=6 to the answer choices in display order.
pub fn choice_for_key(key: &str) -> Option<Answer> {
    let digit = key.parse::<usize>().ok()?;
    Answer::CHOICES.get(digit.checked_sub(1)?).copied()
}

/// True when a key pressed in `target` should pick an answer: on the radios
/// (the card's only `<input>`s), not while typing in its note.
fn answers_by_key(target: Option<web_sys::EventTarget>) -> bool {
    // Every target inside the card is an element; `tagName` needs no
    // type check, which would cost the first download a JS import.
    target.is_some_and(|t| t.unchecked_into::<web_sys::Element>().tag_name() == "INPUT")
}

/// A question with its six answers as a radio group. Arrow keys move within
/// the group and Tab between questions (native radios); the keys 1 to 6
/// answer the question whose radio has focus.
#[component]
pub fn QuestionCard(
    /// Index of the question in the model.
    question: usize,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let q = &model.questions[question];
    let id = q.id.clone();
    let help_id = format!("help-{id}");
    let current = Memo::new(move |_| state.draft.with(|d| d.answers.get(question)));
    let level_name = model.levels[usize::from(q.level)].name.clone();
    let note = Memo::new(move |_| state.draft.with(|d| d.notes.get(&question).cloned()));
    let has_note = note.get_untracked().is_some();
    let note_id = format!("note-{id}");
    // Earlier answers to show while the question waits for a new one:
    // (the earlier question, the answer given to it) and what changed.
    let review = Memo::new(move |_| {
        state.draft.with(|d| match &d.earlier {
            Some(e) if d.answers.get(question) == Answer::Unanswered => {
                let items = e.to_review(model, question);
                let then = maturity_engine::builtin_version(e.version);
                let asked: Vec<(String, &'static str)> = items
                    .iter()
                    .map(|r| {
                        let text = then
                            .and_then(|m| {
                                m.question_index(r.question)
                                    .map(|q| m.questions[q].text.clone())
                            })
                            .unwrap_or_else(|| r.question.to_owned());
                        (text, r.answer.label())
                    })
                    .collect();
                let note = items.first().map(|r| r.note.to_owned()).unwrap_or_default();
                (!asked.is_empty()).then_some((e.version, asked, note))
            }
            _ => None,
        })
    });

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || !answers_by_key(ev.target()) {
            return;
        }
        let Some(choice) = choice_for_key(&ev.key()) else {
            return;
        };
        ev.prevent_default();
        state.set_answer(question, choice);
        let radio = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|f| {
                f.query_selector(&format!("input[value=\"{}\"]", choice.key()))
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(radio) = radio {
            let _ = radio.focus();
        }
    };

    let choices = Answer::CHOICES
        .into_iter()
        .map(|choice| {
            let name = id.clone();
            // The radio is named by its answer alone; what the answer means
            // is its description.
            let anchor_id = format!("{id}-{}-means", choice.key());
            view! {
                <label class="choice" class:choice--aside=matches!(choice, Answer::DontKnow | Answer::NotApplicable)>
                    <input
                        class="choice__input"
                        type="radio"
                        name=name
                        value=choice.key()
                        aria-label=choice.label()
                        aria-describedby=anchor_id.clone()
                        prop:checked=move || current.get() == choice
                        on:change=move |_| state.set_answer(question, choice)
                    />
                    <span class="choice__text">
                        <span class="choice__label">{choice.label()}</span>
                        <span class="choice__anchor" id=anchor_id>{choice.anchor()}</span>
                    </span>
                </label>
            }
        })
        .collect_view();

    view! {
        <fieldset
            class="question"
            class:question--answered=move || current.get() != Answer::Unanswered
            data-testid=format!("question-{id}")
            aria-describedby=help_id.clone()
            on:keydown=on_key
        >
            <legend class="question__text">{q.text.clone()}</legend>
            <div class="question__guide" id=help_id.clone()>
                {(!q.help.is_empty()).then(|| view! { <p class="question__help">{q.help.clone()}</p> })}
                {(!q.counts.is_empty()).then(|| view! {
                    <dl class="guide">
                        <div class="guide__row">
                            <dt>"What counts"</dt>
                            <dd>{q.counts.clone()}</dd>
                        </div>
                        <div class="guide__row">
                            <dt>"What doesn't"</dt>
                            <dd>{q.not_counts.clone()}</dd>
                        </div>
                        <div class="guide__row">
                            <dt>"Evidence you could show"</dt>
                            <dd>{q.proof.join("; ")}</dd>
                        </div>
                    </dl>
                })}
            </div>
            {move || {
                review.get().map(|(version, asked, note)| view! {
                    <div class="question__review" data-testid=format!("review-{}", model.questions[question].id)>
                        <p>
                            <strong>{format!("Changed since version {version}. ")}</strong>
                            {note}
                            " Your earlier answers, for review:"
                        </p>
                        <ul>
                            {asked
                                .into_iter()
                                .map(|(text, answer)| view! { <li>{format!("\u{201c}{answer}\u{201d} to: {text}")}</li> })
                                .collect_view()}
                        </ul>
                    </div>
                })
            }}
            <div class="question__choices">{choices}</div>
            <details class="question__note" open=has_note>
                <summary>{move || if note.with(Option::is_some) { "Your note" } else { "Add a note" }}</summary>
                <label class="question__note-label" for=note_id.clone()>
                    "Note (kept in this browser and in exports; not put in share links)"
                </label>
                <textarea
                    class="question__note-input"
                    id=note_id
                    rows="2"
                    maxlength="2000"
                    prop:value=move || note.get().unwrap_or_default()
                    on:input=move |ev| state.set_note(question, event_target_value(&ev))
                ></textarea>
            </details>
            <details class="question__source">
                <summary>"Where this comes from"</summary>
                <p>
                    {practice_levels(q.level, q.until, &level_name)}
                </p>
                <ul class="evidence">
                    {group_evidence(model.evidence_of(question).map(|c| (c.level, c.text.as_str())))
                        .into_iter()
                        .map(|(levels, text)| {
                            view! {
                                <li class="evidence__item">
                                    <span class="tag">{levels_label(&levels)}</span>
                                    " "
                                    {text.to_owned()}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_evidence_is_merged_and_labelled() {
        let groups = group_evidence([(1, "a"), (2, "a"), (3, "b"), (4, "a")]);
        assert_eq!(groups, vec![(vec![1, 2, 4], "a"), (vec![3], "b")]);
        assert_eq!(levels_label(&[2]), "Level 2");
        assert_eq!(levels_label(&[1, 2, 3, 4]), "Levels 1\u{2013}4");
        assert_eq!(levels_label(&[1, 2, 4]), "Levels 1, 2, 4");
    }

    #[test]
    fn number_keys_pick_choices_in_display_order() {
        assert_eq!(choice_for_key("1"), Some(Answer::No));
        assert_eq!(choice_for_key("4"), Some(Answer::Fully));
        assert_eq!(choice_for_key("6"), Some(Answer::NotApplicable));
        for key in ["0", "7", "a", "", "Enter"] {
            assert_eq!(choice_for_key(key), None, "{key}");
        }
    }
}
