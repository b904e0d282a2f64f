//! One question: native radios in a fieldset, the four-answer scale in one
//! row and Don't know / Not applicable below it, with help (and where the
//! question comes from) and a note behind one disclosure each.

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
fn practice_levels(level: u8, until: u8, top: u8, name: &str) -> String {
    let replaced = if until < top {
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
    let (current, note) = state.question(question);
    let earlier = state.earlier();
    let level_name = model.levels[usize::from(q.level)].name.clone();
    let has_note = note.get_untracked().is_some();
    let note_id = format!("note-{id}");
    // Earlier answers to show while the question waits for a new one:
    // (the earlier question, the answer given to it) and what changed.
    let review = Memo::new(move |_| {
        if current.get() != Answer::Unanswered {
            return None;
        }
        earlier.with(|e| match e {
            Some(e) => {
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

    // The card's two disclosures: help (with where the question comes
    // from) and the note, which starts open when there is one.
    let help_open = RwSignal::new(false);
    let note_open = RwSignal::new(has_note);
    let help_panel = format!("help-panel-{id}");
    let note_panel = format!("note-panel-{id}");
    // Set by a pointer press inside the card, so that only a tap or click
    // moves the page on (arrow keys also fire `change` on radios).
    let by_pointer = StoredValue::new(false);
    let reading = move || help_open.get_untracked() || note_open.get_untracked();
    let pick = move |choice: Answer| {
        let first = current.get_untracked() == Answer::Unanswered;
        state.set_answer(question, choice);
        if first && by_pointer.get_value() && !reading() {
            // The step's next unanswered question after this one, or none.
            let next = state
                .unanswered_of(state.step_of(question))
                .into_iter()
                .find(|&q| q > question)
                .map(|q| model.questions[q].id.clone());
            request_animation_frame(move || show_next_unanswered(next.as_deref()));
        }
        by_pointer.set_value(false);
    };

    let group = id.clone();
    let choice = move |choice: Answer| {
        let name = group.clone();
        let id = &group;
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
                    on:change=move |_| pick(choice)
                />
                <span class="choice__text">
                    <span class="choice__label">{choice.label()}</span>
                    <span class="choice__anchor" id=anchor_id>{choice.anchor()}</span>
                    {short_anchor(choice).map(|s| view! { <span class="choice__hint" aria-hidden="true">{s}</span> })}
                </span>
            </label>
        }
    };
    let scale = [Answer::No, Answer::Partially, Answer::Mostly, Answer::Fully]
        .into_iter()
        .map(&choice)
        .collect_view();
    let aside = [Answer::DontKnow, Answer::NotApplicable]
        .into_iter()
        .map(&choice)
        .collect_view();

    view! {
        <fieldset
            class="question"
            class:question--answered=move || current.get() != Answer::Unanswered
            data-testid=format!("question-{id}")
            aria-describedby=help_id.clone()
            on:keydown=on_key
            on:pointerdown=move |_| by_pointer.set_value(true)
        >
            <legend class="question__text">{q.text.clone()}</legend>
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
            <div class="question__scale">{scale}</div>
            <div class="question__more">
                {aside}
                <span class="question__tools">
                    <PanelToggle open=help_open panel=help_panel.clone()>"Help"</PanelToggle>
                    <PanelToggle open=note_open panel=note_panel.clone()>
                        "Note"
                        <Show when=move || note.with(Option::is_some)>
                            <span aria-hidden="true">" \u{2713}"</span>
                            <span class="visually-hidden">" (written)"</span>
                        </Show>
                    </PanelToggle>
                </span>
            </div>
            <div class="question__panel" id=help_panel hidden=move || !help_open.get()>
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
                <div class="question__source">
                    <h3 class="question__source-title">"Where this comes from"</h3>
                    <p>{practice_levels(q.level, q.until, model.top_level(), &level_name)}</p>
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
                </div>
            </div>
            <div class="question__panel question__note" id=note_panel hidden=move || !note_open.get()>
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
            </div>
        </fieldset>
    }
}

/// A button that opens and closes one of the card's panels.
#[component]
fn PanelToggle(
    /// Whether the panel is open.
    open: RwSignal<bool>,
    /// The panel's id.
    panel: String,
    /// The button's words.
    children: Children,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="question__toggle"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=panel
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {children()}
        </button>
    }
}

/// What a scale answer means in a word or two, for a phone's narrow
/// segments; the full meaning is the radio's description.
pub fn short_anchor(answer: Answer) -> Option<&'static str> {
    match answer {
        Answer::No => Some("none"),
        Answer::Partially => Some("under half"),
        Answer::Mostly => Some("half or more"),
        Answer::Fully => Some("all"),
        _ => None,
    }
}

/// After a first answer given by tap or click: brings the step's next
/// unanswered question (`next`, by id) into view, or the step's buttons when
/// none is left, unless it is already in view.
fn show_next_unanswered(next: Option<&str>) {
    let selector = next.map_or_else(
        || ".step__actions".to_owned(),
        |id| format!("[data-testid=\"question-{id}\"]"),
    );
    let target = document().query_selector(&selector).ok().flatten();
    let Some(target) = target else { return };
    let rect = target.get_bounding_client_rect();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() >= 0.0 && rect.bottom() <= height {
        return;
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    let smooth = !window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    options.set_behavior(if smooth {
        web_sys::ScrollBehavior::Smooth
    } else {
        web_sys::ScrollBehavior::Instant
    });
    target.scroll_into_view_with_scroll_into_view_options(&options);
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
