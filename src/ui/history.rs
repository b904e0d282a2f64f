//! Saved snapshots ("history"): the "Save snapshot" panel on the results
//! page, and the `#/history` page that lists, opens, compares, renames and
//! deletes them. The snapshots themselves are app state
//! ([`AppState::snapshots`](crate::state::AppState::snapshots)), stored by
//! [`crate::snapshots`].

use crate::route::{self, Route};
use crate::snapshots::SnapshotsError;
use crate::state::{use_app, AppState};
use crate::storage::StorageError;
use crate::ui::confirm::ConfirmPanel;
use crate::ui::format::score_text;
use crate::ui::notices::{Notice, Tone};
use crate::{link, time};
use leptos::html;
use leptos::prelude::*;
use maturity_engine::history::Snapshot;
use maturity_engine::{assess, Answers, Targets};

/// "Q3 baseline", or "Untitled snapshot".
pub fn title(s: &Snapshot) -> String {
    if s.label.is_empty() {
        "Untitled snapshot".to_owned()
    } else {
        s.label.clone()
    }
}

/// "Q3 baseline, saved 2 days ago": how a snapshot is named in pickers.
pub fn describe(s: &Snapshot) -> String {
    format!("{}, saved {}", title(s), time::when(s.saved_ms))
}

/// "Level 2 · score 2.4" for a decoded result, or why it can't be opened.
fn summary(state: AppState, s: &Snapshot) -> Result<String, String> {
    let model = state.model;
    let (made_with, r) = state.decode(&s.link).map_err(|e| e.to_string())?;
    let a = assess(made_with, &r.answers);
    let version = if made_with.version < model.version {
        format!(" \u{b7} questionnaire version {}", made_with.version)
    } else {
        String::new()
    };
    Ok(match (a.overall.level, a.overall.score) {
        (Some(l), Some(sc)) => format!("Level {l} \u{b7} score {}{version}", score_text(sc)),
        _ => format!("Not assessed{version}"),
    })
}

/// "Save snapshot" with an optional label, for the draft's results.
#[component]
pub fn SnapshotPanel(
    /// The answers to keep.
    #[prop(into)]
    answers: Signal<Answers>,
    /// The targets to keep with them.
    #[prop(into)]
    targets: Signal<Targets>,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let label = RwSignal::new(String::new());
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let payload =
            answers.with_untracked(|a| targets.with_untracked(|t| link::encode(model, a, t)));
        let text = label.get_untracked();
        match state.save_snapshot(&text, payload) {
            Ok(id) => {
                error.set(None);
                let name = state
                    .snapshots()
                    .with_untracked(|h| h.as_ref().ok().and_then(|h| h.get(&id)).map(title));
                saved.set(name);
                label.set(String::new());
            }
            Err(e) => {
                saved.set(None);
                let extra = match e {
                    SnapshotsError::Storage(StorageError::Full) => {
                        " Delete old snapshots on the History page, or keep this result's link instead."
                    }
                    _ => " You can still keep this result's link.",
                };
                error.set(Some(format!(
                    "{e} Nothing else was changed: your answers are still here.{extra}"
                )));
            }
        }
    };
    view! {
        <section class="snapshot" aria-labelledby="snapshot-title">
            <h2 id="snapshot-title">"Save a snapshot"</h2>
            <p class="snapshot__intro">
                "Keep this result in this browser to compare it with later ones. Snapshots stay on this device."
            </p>
            <form class="snapshot__form" on:submit=save>
                <label class="field__label" for="snapshot-label">"Label (optional)"</label>
                <div class="field__row">
                    <input
                        id="snapshot-label"
                        class="field__input"
                        type="text"
                        maxlength="120"
                        placeholder="e.g. Q3 baseline"
                        autocomplete="off"
                        prop:value=move || label.get()
                        on:input=move |ev| label.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button button--primary">"Save snapshot"</button>
                </div>
            </form>
            <p class="snapshot__status" role="status">
                {move || saved.get().map(|t| view! {
                    {format!("Saved \u{201c}{t}\u{201d}. ")}
                    <a href="#/history">"See all snapshots"</a>
                })}
            </p>
            {move || error.get().map(|e| view! { <Notice tone=Tone::Error testid="notice-snapshot"><p>{e}</p></Notice> })}
        </section>
    }
}

/// What the history page's actions share: which snapshots are picked for
/// comparison, which one is being renamed or deleted, and what the last
/// action said.
#[derive(Clone, Copy)]
struct ListState {
    picked: RwSignal<Vec<String>>,
    renaming: RwSignal<Option<String>>,
    deleting: RwSignal<Option<String>>,
    status: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

impl ListState {
    /// Reports the outcome of a rename or delete.
    fn report(&self, outcome: Result<bool, SnapshotsError>, done: String) {
        match outcome {
            Ok(true) => {
                self.error.set(None);
                self.status.set(done);
            }
            Ok(false) => self.error.set(Some(
                "That snapshot is no longer there (was it deleted in another tab?).".to_owned(),
            )),
            Err(e) => self.error.set(Some(format!("{e} Nothing was changed."))),
        }
    }
}

/// Snapshots the history page draws with the page itself, and then per task
/// while the rest fills in. Each one decodes and scores its link: at 4x CPU
/// throttle a slice of 20 takes about 30 ms.
const FIRST: usize = 10;
const SLICE: usize = 20;

/// `#/history`: every saved snapshot, newest first.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let state = use_app();
    let snapshots = state.snapshots();
    let list = ListState {
        picked: RwSignal::new(Vec::new()),
        renaming: RwSignal::new(None),
        deleting: RwSignal::new(None),
        status: RwSignal::new(String::new()),
        error: RwSignal::new(None),
    };
    let picked = list.picked;
    let count = Memo::new(move |_| {
        snapshots.with(|h| h.as_ref().map(|h| h.snapshots().len()).unwrap_or(0))
    });
    let empty = Memo::new(move |_| count.get() == 0);
    // A long history fills in a slice per task, newest first.
    let shown = time::filling(move || count.get(), FIRST, SLICE);

    let compare = move |_| {
        let ids = picked.get_untracked();
        let pair = snapshots.with_untracked(|h| {
            let h = h.as_ref().ok()?;
            let mut two: Vec<&Snapshot> = ids.iter().filter_map(|id| h.get(id)).collect();
            maturity_engine::sort::sort_by(&mut two, |a, b| a.saved_ms.total_cmp(&b.saved_ms));
            match two.as_slice() {
                [a, b] => Some((a.link.clone(), b.link.clone())),
                _ => None,
            }
        });
        if let Some(pair) = pair {
            state.go(Route::Compare(Some(pair)));
        }
    };

    view! {
        <article class="history">
            <h1 tabindex="-1">"Saved results"</h1>
            <p class="history__intro">
                "Results you saved in this browser, newest first. Open one, rename it, or pick two to see what changed between them."
            </p>
            {move || snapshots.with(|h| h.as_ref().err().map(ToString::to_string)).map(|e| view! {
                <Notice tone=Tone::Error testid="notice-history"><p>{e}</p></Notice>
            })}
            {move || list.error.get().map(|e| view! {
                <Notice tone=Tone::Error testid="notice-history-change"><p>{e}</p></Notice>
            })}
            <p class="history__status" role="status">{move || list.status.get()}</p>
            {move || {
                if empty.get() {
                    return view! {
                        <p class="history__empty" data-testid="history-empty">
                            "No snapshots yet. On your "
                            <a href="#/results">"results page"</a>
                            ", choose \u{201c}Save snapshot\u{201d} to keep a result here."
                        </p>
                    }
                    .into_any();
                }
                view! {
                    <div class="history__compare">
                        <p class="history__picked" id="history-picked">
                            {move || match picked.with(Vec::len) {
                                0 => "Pick two snapshots to compare them.".to_owned(),
                                1 => "1 picked: pick one more to compare.".to_owned(),
                                _ => "2 picked.".to_owned(),
                            }}
                        </p>
                        <button
                            type="button"
                            class="button button--primary"
                            aria-describedby="history-picked"
                            disabled=move || picked.with(|p| p.len() != 2)
                            on:click=compare
                        >
                            "Compare picked"
                        </button>
                    </div>
                    <ol class="history__list" data-testid="history-list" aria-busy=move || (shown.get() < count.get()).to_string()>
                        <For
                            each=move || snapshots.with(|h| {
                                h.as_ref()
                                    .map(|h| h.snapshots().iter().take(shown.get()).cloned().collect::<Vec<_>>())
                                    .unwrap_or_default()
                            })
                            key=|s| (s.id.clone(), s.label.clone())
                            let:snapshot
                        >
                            <SnapshotItem state=state list=list snapshot=snapshot/>
                        </For>
                    </ol>
                }
                .into_any()
            }}
        </article>
    }
}

/// One saved snapshot in the list: its name, date and summary, and Open,
/// Compare, Rename and Delete.
#[component]
fn SnapshotItem(state: AppState, list: ListState, snapshot: Snapshot) -> impl IntoView {
    let ListState {
        picked,
        renaming,
        deleting,
        ..
    } = list;
    let s = snapshot;
    let id = StoredValue::new(s.id.clone());
    let name = title(&s);
    let summary = summary(state, &s);
    let opens = summary.is_ok();
    let is = move |which: RwSignal<Option<String>>| {
        which.with(|r| id.with_value(|id| r.as_deref() == Some(id.as_str())))
    };
    let is_picked = move || picked.with(|p| id.with_value(|id| p.contains(id)));
    let pick_disabled = move || picked.with(|p| p.len() >= 2) && !is_picked();
    let check_id = format!("pick-{}", s.id);
    // Renaming starts from the name shown, also when it is the default one.
    let current_label = if s.label.trim().is_empty() {
        name.clone()
    } else {
        s.label.clone()
    };
    let delete_message = format!(
        "Delete \u{201c}{name}\u{201d}? This can't be undone. Links you've shared keep working."
    );
    view! {
        <li class="snapshot-item" data-testid=format!("snapshot-{}", s.id)>
            <div class="snapshot-item__head">
                <h2 class="snapshot-item__title">{name.clone()}</h2>
                <p class="snapshot-item__meta">
                    {format!("Saved {}", time::when(s.saved_ms))}
                    {match summary {
                        Ok(text) => view! { <span>{format!(" \u{b7} {text}")}</span> }.into_any(),
                        Err(e) => view! { <span class="snapshot-item__error">{format!(" \u{b7} Can't be opened: {e}")}</span> }.into_any(),
                    }}
                </p>
            </div>
            <div class="snapshot-item__actions">
                {opens.then(|| view! {
                    <a class="button" href=route::shared_hash(&s.link) aria-label=format!("Open {name}")>"Open"</a>
                    <label class="check" for=check_id.clone()>
                        <input
                            id=check_id.clone()
                            type="checkbox"
                            class="check__input"
                            prop:checked=is_picked
                            disabled=pick_disabled
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let id = id.get_value();
                                picked.update(|p| {
                                    p.retain(|x| *x != id);
                                    if on {
                                        p.push(id);
                                    }
                                });
                            }
                        />
                        "Compare"
                        <span class="visually-hidden">{format!(" {name}")}</span>
                    </label>
                })}
                <button
                    type="button"
                    class="button"
                    aria-label=format!("Rename {name}")
                    on:click=move |_| {
                        deleting.set(None);
                        renaming.set(Some(id.get_value()));
                    }
                >
                    "Rename"
                </button>
                <button
                    type="button"
                    class="button"
                    aria-label=format!("Delete {name}")
                    on:click=move |_| {
                        renaming.set(None);
                        deleting.set(Some(id.get_value()));
                    }
                >
                    "Delete"
                </button>
            </div>
            <Show when=move || is(renaming)>
                <RenameForm
                    id=id.get_value()
                    current=current_label.clone()
                    on_save=Callback::new(move |(id, text): (String, String)| {
                        renaming.set(None);
                        let shown = if text.trim().is_empty() { "Untitled snapshot".to_owned() } else { text.trim().to_owned() };
                        list.report(state.rename_snapshot(&id, &text), format!("Renamed to \u{201c}{shown}\u{201d}."));
                    })
                    on_cancel=Callback::new(move |_| renaming.set(None))
                />
            </Show>
            <Show when=move || is(deleting)>
                <ConfirmPanel
                    message=delete_message.clone()
                    confirm_label="Delete snapshot"
                    cancel_label="Keep it"
                    on_confirm=Callback::new(move |_| {
                        deleting.set(None);
                        let id = id.get_value();
                        picked.update(|p| p.retain(|x| *x != id));
                        list.report(state.delete_snapshot(&id), "Snapshot deleted.".to_owned());
                    })
                    on_cancel=Callback::new(move |_| deleting.set(None))
                />
            </Show>
        </li>
    }
}

/// The inline form that renames a snapshot.
#[component]
fn RenameForm(
    /// The snapshot's id.
    id: String,
    /// Its label now.
    current: String,
    /// Runs with `(id, new label)`.
    on_save: Callback<(String, String)>,
    /// Runs when the user cancels.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let text = RwSignal::new(current);
    let input = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    let field = format!("rename-{id}");
    view! {
        <form
            class="snapshot-item__rename"
            on:submit=move |ev| {
                ev.prevent_default();
                on_save.run((id.clone(), text.get_untracked()));
            }
        >
            <label class="field__label" for=field.clone()>"New label"</label>
            <div class="field__row">
                <input
                    id=field
                    class="field__input"
                    type="text"
                    maxlength="120"
                    autocomplete="off"
                    node_ref=input
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            on_cancel.run(());
                        }
                    }
                />
                <button type="submit" class="button button--primary">"Save label"</button>
                <button type="button" class="button button--quiet" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
