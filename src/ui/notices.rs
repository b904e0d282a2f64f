//! The notice box every message of the app is shown in, and the notices
//! about the draft and storage shown above every page.

use crate::route::Route;
use crate::state::use_app;
use leptos::prelude::*;

/// How serious a notice is: its colour and how assistive technology
/// announces it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tone {
    /// Neutral news (role `status`).
    #[default]
    Plain,
    /// Good to know (role `status`).
    Info,
    /// Something to check (role `status`).
    Warning,
    /// Something failed (role `alert`: announced at once).
    Error,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Plain => "notice",
            Tone::Info => "notice notice--info",
            Tone::Warning => "notice notice--warning",
            Tone::Error => "notice notice--error",
        }
    }

    fn role(self) -> &'static str {
        if self == Tone::Error {
            "alert"
        } else {
            "status"
        }
    }
}

/// The buttons or links under a notice's text.
#[slot]
pub struct NoticeActions {
    children: Children,
}

/// "Reload": the primary action of a notice that a part of the app could
/// not be downloaded.
#[component]
pub fn ReloadButton() -> impl IntoView {
    view! {
        <button type="button" class="button button--primary" on:click=move |_| {
            let _ = window().location().reload();
        }>"Reload"</button>
    }
}

/// A message box: its text (the children: paragraphs), and optional actions.
/// It can take focus (`tabindex="-1"`), for a page that moves focus to a
/// notice as it appears.
#[component]
pub fn Notice(
    /// Colour and announcement.
    #[prop(optional)]
    tone: Tone,
    /// `data-testid`, by which tests (and focus) find it.
    testid: &'static str,
    #[prop(optional)] notice_actions: Option<NoticeActions>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=tone.class() role=tone.role() data-testid=testid tabindex="-1">
            {children()}
            {notice_actions.map(|a| view! { <div class="notice__actions">{(a.children)()}</div> })}
        </div>
    }
}

/// Storage, unreadable-draft, dropped-answers and other-tab notices.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app();
    let storage_msg = move || {
        state.storage_error.get().map(|e| {
            format!(
                "Saving is off: {e}. Your answers stay while this tab is open, but they won't survive a reload. \
                 To keep them, copy the result link."
            )
        })
    };
    let site_failed = use_context::<crate::site::LoadFailed>().map(|f| {
        view! {
            <Notice tone=Tone::Warning testid="notice-model-failed">
                <p>
                    <strong>{format!("\u{201c}{}\u{201d} couldn't be opened: ", f.title)}</strong>
                    {format!("{}. You are on the built-in questionnaire; your answers to the other one are kept in this browser.", f.why)}
                </p>
                <NoticeActions slot>
                    <button type="button" class="button" on:click=|_| {
                        if let Some(l) = web_sys::window().map(|w| w.location()) {
                            let _ = l.reload();
                        }
                    }>"Try again"</button>
                </NoticeActions>
            </Notice>
        }
    });
    view! {
        <div class="notices">
            {site_failed}
            <Show when=move || state.storage_error.with(Option::is_some)>
                <Notice tone=Tone::Warning testid="notice-storage">
                    <p>{storage_msg}</p>
                </Notice>
            </Show>
            {move || {
                state.corrupt.get().map(|c| {
                    let kept = match &c.backup_key {
                        Some(key) => format!(
                            "It was kept as a backup in this browser's storage under \"{key}\", and you are starting fresh."
                        ),
                        None => "There was no room to keep a backup, so it was left untouched and saving is off."
                            .to_owned(),
                    };
                    view! {
                        <Notice tone=Tone::Error testid="notice-draft-corrupt">
                            <p>
                                <strong>"Your saved answers couldn't be read. "</strong>
                                {c.reason.clone()}
                                " "
                                {kept}
                            </p>
                            <NoticeActions slot>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        state.corrupt.set(None);
                                        state.go(Route::Step(0));
                                    }
                                >
                                    "Start a fresh assessment"
                                </button>
                                <button type="button" class="button button--quiet" on:click=move |_| state.corrupt.set(None)>
                                    "Dismiss"
                                </button>
                            </NoticeActions>
                        </Notice>
                    }
                })
            }}
            <Show when=move || state.dropped.with(|d| !d.is_empty())>
                <Notice testid="notice-draft-dropped">
                    <p>
                        "Some saved answers don't match this version of the questions and were left out: "
                        {move || state.dropped.get().join(", ")}
                    </p>
                    <NoticeActions slot>
                        <button type="button" class="button button--quiet" on:click=move |_| state.dropped.set(Vec::new())>
                            "Dismiss"
                        </button>
                    </NoticeActions>
                </Notice>
            </Show>
            {move || {
                state.carried_from.get().map(|version| {
                    let model = state.model;
                    let review = state.draft.with(|d| {
                        d.earlier.as_ref().map_or(0, |e| e.to_review_count(model, &d.answers))
                    });
                    let review = match review {
                        0 => "No changed question is waiting for review.".to_owned(),
                        1 => "1 changed question shows your earlier answer for review.".to_owned(),
                        n => format!("{n} changed questions show your earlier answer for review."),
                    };
                    view! {
                        <Notice testid="notice-carried-over">
                            <p>
                                <strong>{format!("Your saved answers were made with questionnaire version {version}. ")}</strong>
                                {format!("Answers to unchanged questions were carried over to version {}, and nothing was lost. {review}", model.version)}
                            </p>
                            <NoticeActions slot>
                                <button type="button" class="button" on:click=move |_| {
                                    state.carried_from.set(None);
                                    crate::ui::focus::go_to_first_unanswered(state);
                                }>
                                    "Review them"
                                </button>
                                <button type="button" class="button button--quiet" on:click=move |_| state.carried_from.set(None)>
                                    "Dismiss"
                                </button>
                            </NoticeActions>
                        </Notice>
                    }
                })
            }}
            <Show when=move || state.from_other_tab.get()>
                <Notice testid="notice-other-tab">
                    <p>"Updated from another tab: you changed these answers in another window, so this one now shows them too."</p>
                    <NoticeActions slot>
                        <button type="button" class="button button--quiet" on:click=move |_| state.from_other_tab.set(false)>
                            "Dismiss"
                        </button>
                    </NoticeActions>
                </Notice>
            </Show>
        </div>
    }
}
