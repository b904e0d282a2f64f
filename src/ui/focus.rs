//! Where keyboard focus goes after the page changes.

use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub(crate) fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// Focuses without scrolling. `ring`: whether the focus ring may show (the
/// browser decides, as for keyboard focus); a page title the app focuses for
/// screen readers shows none, since nobody moved there by keyboard.
fn focus_quietly(el: &web_sys::HtmlElement, ring: bool) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if !ring {
        options.set_focus_visible(false);
    }
    let _ = el.focus_with_options(&options);
}

/// Focuses the question asked for (see [`AppState::focus_question`]) and
/// scrolls it into view; else goes to the top of the page and focuses its
/// heading, so keyboard and screen-reader users start there.
pub fn after_navigation(state: AppState) {
    if let Some(q) = state.focus_question.get_untracked() {
        state.focus_question.set(None);
        let id = &state.model.questions[q].id;
        if let (Some(fieldset), Some(input)) = (
            element(&format!("[data-testid=\"question-{id}\"]")),
            element(&format!("[data-testid=\"question-{id}\"] input")),
        ) {
            fieldset.scroll_into_view();
            focus_quietly(&input, true);
            return;
        }
    }
    if let Some(root) = document().document_element() {
        root.set_scroll_top(0);
    }
    if let Some(h1) = element("main h1") {
        focus_quietly(&h1, false);
    }
}

/// Shows the first unanswered question and focuses it; with every question
/// answered, shows the results.
pub fn go_to_first_unanswered(state: AppState) {
    let Some(q) = state.first_unanswered() else {
        state.go(Route::Results);
        return;
    };
    state.focus_question.set(Some(q));
    let step = Route::Step(state.step_of(q));
    if state.route.get_untracked() == step {
        // No page change follows, so focus it here.
        after_navigation(state);
    } else {
        state.go(step);
    }
}

/// Where [`go_to_first_unanswered`] leads, as a link target.
pub fn first_unanswered_href(state: AppState) -> String {
    state
        .first_unanswered()
        .map_or(Route::Results, |q| Route::Step(state.step_of(q)))
        .to_hash(state.model)
}
