//! Saved snapshots ("history"): the "Save snapshot" panel on the results
//! page, and the `#/history` page that lists, opens, compares, renames and
//! deletes them.
//!
//! Snapshots live in localStorage under their own key, apart from the draft,
//! so a full or blocked storage can fail a save without touching anything
//! else. Each change re-reads what is stored first, so a snapshot saved in
//! another tab is never overwritten.

use crate::route::{self, Route};
use crate::state::use_app;
use crate::storage::{self, StorageError};
use crate::ui::confirm::ConfirmPanel;
use crate::ui::results::score_text;
use crate::{link, time};
use leptos::html;
use leptos::prelude::*;
use maturity_engine::history::{self, History, HistoryError, Snapshot};
use maturity_engine::{assess, Answers, Model, Targets};
use std::fmt;

/// Why the saved snapshots could not be read or changed.
#[derive(Debug, Clone, PartialEq)]
pub enum SnapshotsError {
    /// Storage is blocked or full.
    Storage(StorageError),
    /// What is stored can't be read (damaged, or written by a newer version);
    /// it is left as it is rather than overwritten.
    Unreadable(HistoryError),
}

impl fmt::Display for SnapshotsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotsError::Storage(e) => write!(f, "Snapshots can't be saved: {e}."),
            SnapshotsError::Unreadable(e) => write!(
                f,
                "The saved snapshots can't be read: {e}. They were left untouched."
            ),
        }
    }
}

/// The saved snapshots (none when nothing is stored).
///
/// # Errors
/// [`SnapshotsError`] when storage is blocked or holds something unreadable.
pub fn load() -> Result<History, SnapshotsError> {
    match storage::read_history().map_err(SnapshotsError::Storage)? {
        None => Ok(History::default()),
        Some(text) => history::from_json(&text).map_err(SnapshotsError::Unreadable),
    }
}

/// Applies `f` to the stored snapshots and writes them back. On any error
/// nothing is written.
///
/// # Errors
/// [`SnapshotsError`], e.g. [`StorageError::Full`].
pub fn change<T>(f: impl FnOnce(&mut History) -> T) -> Result<(History, T), SnapshotsError> {
    let mut h = load()?;
    let out = f(&mut h);
    storage::write_history(&history::to_json(&h)).map_err(SnapshotsError::Storage)?;
    Ok((h, out))
}

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
fn summary(model: &Model, s: &Snapshot) -> Result<String, String> {
    let r = s.result(model).map_err(|e| e.to_string())?;
    let a = assess(model, &r.answers);
    Ok(match (a.overall.level, a.overall.score) {
        (Some(l), Some(sc)) => format!("Level {l} \u{b7} score {}", score_text(sc)),
        _ => "Not assessed".to_owned(),
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
    let model = state.model;
    let label = RwSignal::new(String::new());
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let payload =
            answers.with_untracked(|a| targets.with_untracked(|t| link::encode(model, a, t)));
        let text = label.get_untracked();
        match change(|h| h.add(&text, time::now_ms(), payload)) {
            Ok((h, id)) => {
                error.set(None);
                saved.set(h.get(&id).map(title));
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
            {move || error.get().map(|e| view! {
                <div class="notice notice--error" role="alert" data-testid="notice-snapshot">
                    <p>{e}</p>
                </div>
            })}
        </section>
    }
}

/// `#/history`: every saved snapshot, newest first.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let state = use_app();
    let model = state.model;
    let loaded = load();
    let load_error = loaded.as_ref().err().map(ToString::to_string);
    let snapshots = RwSignal::new(loaded.unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<String>::new());
    let renaming = RwSignal::new(None::<String>);
    let deleting = RwSignal::new(None::<String>);

    let apply = move |f: Box<dyn FnOnce(&mut History) -> bool>, done: String| match change(f) {
        Ok((h, true)) => {
            snapshots.set(h);
            error.set(None);
            status.set(done);
        }
        Ok((h, false)) => {
            snapshots.set(h);
            error.set(Some(
                "That snapshot is no longer there (was it deleted in another tab?).".to_owned(),
            ));
        }
        Err(e) => error.set(Some(format!("{e} Nothing was changed."))),
    };

    let compare = move |_| {
        let ids = picked.get_untracked();
        let pair = snapshots.with_untracked(|h| {
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

    let item = move |s: Snapshot| {
        let id = s.id.clone();
        let name = title(&s);
        let summary = summary(model, &s);
        let opens = summary.is_ok();
        let (id_pick, id_pick2, id_check) = (id.clone(), id.clone(), id.clone());
        let (id_ren, id_ren2, id_ren3) = (id.clone(), id.clone(), id.clone());
        let (id_del, id_del2, id_del3) = (id.clone(), id.clone(), id.clone());
        let testid = format!("snapshot-{id}");
        let is_picked = move || picked.with(|p| p.contains(&id_pick));
        let pick_disabled = move || picked.with(|p| p.len() >= 2 && !p.contains(&id_pick2));
        let check_id = format!("pick-{id}");
        let name_for_delete = name.clone();
        let name_for_rename = s.label.clone();
        view! {
            <li class="snapshot-item" data-testid=testid>
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
                                    let id = id_check.clone();
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
                        aria-label=format!("Rename {}", name.clone())
                        on:click=move |_| {
                            deleting.set(None);
                            renaming.set(Some(id_ren.clone()));
                        }
                    >
                        "Rename"
                    </button>
                    <button
                        type="button"
                        class="button"
                        aria-label=format!("Delete {}", name.clone())
                        on:click=move |_| {
                            renaming.set(None);
                            deleting.set(Some(id_del.clone()));
                        }
                    >
                        "Delete"
                    </button>
                </div>
                <Show when=move || renaming.with(|r| r.as_deref() == Some(id_ren2.as_str()))>
                    <RenameForm
                        id=id_ren3.clone()
                        current=name_for_rename.clone()
                        on_save=Callback::new(move |(id, text): (String, String)| {
                            renaming.set(None);
                            let shown = if text.trim().is_empty() { "Untitled snapshot".to_owned() } else { text.trim().to_owned() };
                            apply(Box::new(move |h| h.rename(&id, &text)), format!("Renamed to \u{201c}{shown}\u{201d}."));
                        })
                        on_cancel=Callback::new(move |_| renaming.set(None))
                    />
                </Show>
                <Show when=move || deleting.with(|r| r.as_deref() == Some(id_del2.as_str()))>
                    {
                        let id = id_del3.clone();
                        let name = name_for_delete.clone();
                        view! {
                            <ConfirmPanel
                                message=format!("Delete \u{201c}{name}\u{201d}? This can't be undone. Links you've shared keep working.")
                                confirm_label="Delete snapshot"
                                cancel_label="Keep it"
                                on_confirm=Callback::new(move |_| {
                                    deleting.set(None);
                                    let id = id.clone();
                                    let gone = id.clone();
                                    picked.update(|p| p.retain(|x| *x != gone));
                                    apply(Box::new(move |h| h.remove(&id)), "Snapshot deleted.".to_owned());
                                })
                                on_cancel=Callback::new(move |_| deleting.set(None))
                            />
                        }
                    }
                </Show>
            </li>
        }
    };

    view! {
        <article class="history">
            <h1 tabindex="-1">"Saved snapshots"</h1>
            <p class="history__intro">
                "Results you saved in this browser, newest first. Open one, rename it, or pick two to see what changed between them."
            </p>
            {load_error.map(|e| view! {
                <div class="notice notice--error" role="alert" data-testid="notice-history">
                    <p>{e}</p>
                </div>
            })}
            {move || error.get().map(|e| view! {
                <div class="notice notice--error" role="alert" data-testid="notice-history-change">
                    <p>{e}</p>
                </div>
            })}
            <p class="history__status" role="status">{move || status.get()}</p>
            {move || {
                if snapshots.with(|h| h.snapshots().is_empty()) {
                    return view! {
                        <p class="history__empty" data-testid="history-empty">
                            "No snapshots yet. On your "
                            <a href="#/results">"results page"</a>
                            ", choose \u{201c}Save snapshot\u{201d} to keep a result here."
                        </p>
                    }
                    .into_any();
                }
                let list = snapshots.with(|h| h.snapshots().to_vec());
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
                    <ol class="history__list" data-testid="history-list">
                        {list.into_iter().map(item).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </article>
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
