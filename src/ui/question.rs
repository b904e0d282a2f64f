//! One question: native radios in a fieldset, with help and provenance.

use crate::state::use_app;
use leptos::prelude::*;
use maturity_engine::Answer;
use wasm_bindgen::JsCast;

/// Maps the keys 1..=6 to the answer choices in display order.
pub fn choice_for_key(key: &str) -> Option<Answer> {
    let digit = key.parse::<usize>().ok()?;
    Answer::CHOICES.get(digit.checked_sub(1)?).copied()
}

/// A question with its six answers as a radio group. Arrow keys move within
/// the group and Tab between questions (native radios); the keys 1 to 6
/// answer the focused question.
#[component]
pub fn QuestionCard(
    /// Index of the question in the model.
    question: usize,
) -> impl IntoView {
    let state = use_app();
    let model = state.model;
    let q = &model.questions[question];
    let id = q.id.clone();
    let help_id = format!("help-{id}");
    let current = Memo::new(move |_| state.draft.with(|d| d.answers.get(question)));
    let level_name = model.levels[usize::from(q.level)].name.clone();

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
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
            view! {
                <label class="choice" class:choice--aside=matches!(choice, Answer::DontKnow | Answer::NotApplicable)>
                    <input
                        class="choice__input"
                        type="radio"
                        name=name
                        value=choice.key()
                        prop:checked=move || current.get() == choice
                        on:change=move |_| state.set_answer(question, choice)
                    />
                    <span class="choice__label">{choice.label()}</span>
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
            <p class="question__help" id=help_id.clone()>
                {q.help.clone()}
            </p>
            <div class="question__choices">{choices}</div>
            <details class="question__source">
                <summary>"Where this comes from"</summary>
                <p>
                    {format!("A level {} practice ({level_name}). It evidences these descriptions from the maturity model:", q.level)}
                </p>
                <ul class="evidence">
                    {model
                        .evidence_of(question)
                        .map(|c| {
                            view! {
                                <li class="evidence__item">
                                    <span class="tag">{format!("Level {}", c.level)}</span>
                                    " "
                                    {c.text.clone()}
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
    fn number_keys_pick_choices_in_display_order() {
        assert_eq!(choice_for_key("1"), Some(Answer::No));
        assert_eq!(choice_for_key("4"), Some(Answer::Fully));
        assert_eq!(choice_for_key("6"), Some(Answer::NotApplicable));
        for key in ["0", "7", "a", "", "Enter"] {
            assert_eq!(choice_for_key(key), None, "{key}");
        }
    }
}
