//! The app's shared state: one signal holding the draft (the answers and
//! targets), one holding the saved snapshots, the current route, and the
//! notices. Everything else the UI shows is derived from these with memos.

use crate::draft::{self, Draft};
use crate::route::Route;
use crate::snapshots::{self, SnapshotsError};
use crate::storage::{self, StorageError};
use crate::{location, time};
use leptos::prelude::*;
use maturity_engine::draft::Earlier;
use maturity_engine::history::History;
use maturity_engine::{link, Answer, Answers, LinkError, Model, SharedResult, Targets};

/// A stored draft that could not be read, and where its text was kept.
#[derive(Debug, Clone, PartialEq)]
pub struct CorruptDraft {
    /// What was wrong, in words (the engine's `DraftError`).
    pub reason: String,
    /// The backup key; `None` when the backup itself could not be written
    /// (then the unreadable draft is left in place and saving is off).
    pub backup_key: Option<String>,
}

/// What the app found in storage at start.
#[derive(Debug)]
pub struct Boot {
    pub draft: Draft,
    pub storage_error: Option<StorageError>,
    pub corrupt: Option<CorruptDraft>,
    pub dropped: Vec<String>,
    /// The questionnaire version the saved draft was carried over from.
    pub carried_from: Option<u8>,
    /// False when writing would destroy something we could not back up.
    pub persist: bool,
}

impl Boot {
    /// A fresh draft kept in memory only (used by tests and as a fallback).
    pub fn in_memory(model: &Model, now_ms: f64) -> Boot {
        Boot {
            draft: Draft::new(model, now_ms),
            storage_error: None,
            corrupt: None,
            dropped: Vec::new(),
            carried_from: None,
            persist: false,
        }
    }

    /// Reads the saved draft. Never fails: every problem becomes a notice.
    pub fn load(model: &Model, now_ms: f64) -> Boot {
        let mut boot = Boot {
            persist: true,
            ..Boot::in_memory(model, now_ms)
        };
        let raw = match storage::read_draft() {
            Ok(raw) => raw,
            Err(e) => {
                boot.storage_error = Some(e);
                return boot;
            }
        };
        // Probe after reading: a full storage can still hold a good draft.
        boot.storage_error = storage::probe().err();
        let Some(raw) = raw else { return boot };
        match draft::from_json(model, &raw) {
            Ok(loaded) => {
                boot.draft = loaded.draft;
                boot.dropped = loaded.dropped;
                boot.carried_from = loaded.carried_from;
            }
            Err(e) => {
                let backup = storage::write_backup(&raw, now_ms);
                match &backup {
                    Ok(_) => {
                        let _ = storage::remove_draft();
                    }
                    Err(err) => {
                        boot.storage_error = Some(*err);
                        boot.persist = false;
                    }
                }
                boot.corrupt = Some(CorruptDraft {
                    reason: e.to_string(),
                    backup_key: backup.ok(),
                });
            }
        }
        boot
    }
}

/// Shared state, provided as context by [`crate::App`]. `Copy`, so event
/// handlers can capture it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The model: in the app, without its texts (see [`AppState::full`]).
    pub model: &'static Model,
    /// The one source of truth for answers, targets and notes.
    pub draft: RwSignal<Draft>,
    /// Memos of the draft's answers and targets, made the first time a page
    /// asks (see `made_once`).
    answers: StoredValue<Option<Memo<Answers>>>,
    targets: StoredValue<Option<Memo<Targets>>>,
    /// Per question, its answer and note (see [`AppState::question`]).
    questions: StoredValue<Option<StoredValue<Vec<QuestionSignals>>>>,
    earlier: StoredValue<Option<Memo<Option<Earlier>>>>,
    /// The saved snapshots as last read from storage: made and read the
    /// first time a page asks ([`AppState::snapshots`]), so that neither
    /// their code nor their reading is part of the start page.
    snapshots: StoredValue<Option<RwSignal<Result<History, SnapshotsError>>>>,
    /// The app's reactive owner: what the app makes on a page's behalf
    /// (the snapshots' signal) must outlive that page.
    owner: StoredValue<Owner>,
    pub route: RwSignal<Route>,
    /// Set while saving doesn't work; the notice says answers won't survive a reload.
    pub storage_error: RwSignal<Option<StorageError>>,
    pub corrupt: RwSignal<Option<CorruptDraft>>,
    /// Parts of the saved draft the engine could not keep.
    pub dropped: RwSignal<Vec<String>>,
    /// Set when the saved draft was carried over from an earlier
    /// questionnaire version at start: that version.
    pub carried_from: RwSignal<Option<u8>>,
    /// True after a newer draft from another tab was adopted.
    pub from_other_tab: RwSignal<bool>,
    /// A question to focus once its step is on screen.
    pub focus_question: RwSignal<Option<usize>>,
    /// False when saving must not happen (see [`Boot::persist`]).
    pub persist: bool,
}

impl AppState {
    pub fn new(model: &'static Model, boot: Boot, route: Route) -> AppState {
        let draft = RwSignal::new(boot.draft);
        AppState {
            model,
            draft,
            answers: StoredValue::new(None),
            targets: StoredValue::new(None),
            questions: StoredValue::new(None),
            earlier: StoredValue::new(None),
            snapshots: StoredValue::new(None),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            route: RwSignal::new(route),
            storage_error: RwSignal::new(boot.storage_error),
            corrupt: RwSignal::new(boot.corrupt),
            dropped: RwSignal::new(boot.dropped),
            carried_from: RwSignal::new(boot.carried_from),
            from_other_tab: RwSignal::new(false),
            focus_question: RwSignal::new(None),
            persist: boot.persist,
        }
    }

    /// The model with its texts (questions, help, next steps): for the pages
    /// loaded on demand, which show them. `model` may be the same model
    /// without its texts (see `maturity_engine::model::builtin_core`), which
    /// is all the first page and the draft need.
    pub fn full(&self) -> &'static Model {
        maturity_engine::builtin_version(self.model.version)
            .filter(|m| m.id == self.model.id)
            .unwrap_or(self.model)
    }

    /// The draft's answers. A memo: what depends on them does not rerun
    /// when only a note or a target changes.
    pub fn answers(&self) -> Signal<Answers> {
        let draft = self.draft;
        self.made_once(self.answers, || {
            Memo::new(move |_| draft.with(|d| d.answers.clone()))
        })
        .into()
    }

    /// The draft's target levels (a memo, like [`AppState::answers`]).
    pub fn targets(&self) -> Signal<Targets> {
        let draft = self.draft;
        self.made_once(self.targets, || {
            Memo::new(move |_| draft.with(|d| d.targets.clone()))
        })
        .into()
    }

    /// Reads a result link's payload with the page's model, or with the
    /// earlier version of it the link was made with.
    ///
    /// # Errors
    /// As [`maturity_engine::link::decode_versions`].
    pub fn decode(&self, payload: &str) -> Result<(&'static Model, SharedResult), LinkError> {
        link::decode_versions(self.full(), maturity_engine::builtin_version, payload)
    }

    /// One question's answer and note. They are signals of their own, kept
    /// equal to the draft's: a question card reads them, so an answer
    /// reruns its own card and not every card on the page (a step of a
    /// large model holds a hundred).
    pub fn question(&self, question: usize) -> (Signal<Answer>, Signal<Option<String>>) {
        let all = self.question_signals();
        all.with_value(|v| {
            v.get(question).map_or_else(
                || (Signal::stored(Answer::Unanswered), Signal::stored(None)),
                |q| (q.answer.into(), q.note.into()),
            )
        })
    }

    fn question_signals(&self) -> StoredValue<Vec<QuestionSignals>> {
        let draft = self.draft;
        self.made_once(self.questions, || {
            let signals = draft.with_untracked(|d| {
                (0..d.answers.len())
                    .map(|q| QuestionSignals {
                        answer: RwSignal::new(d.answers.get(q)),
                        note: RwSignal::new(d.notes.get(&q).cloned()),
                    })
                    .collect::<Vec<_>>()
            });
            let all = StoredValue::new(signals);
            // Whatever changes the draft (an answer, an import, another
            // tab, starting over), the signals follow; each is set only
            // when it differs, so only changed cards rerun.
            Effect::new(move |_| {
                draft.with(|d| {
                    all.with_value(|v| {
                        for (q, s) in v.iter().enumerate() {
                            s.sync(d.answers.get(q), d.notes.get(&q));
                        }
                    });
                });
            });
            all
        })
    }

    /// The draft's answers under an earlier questionnaire version, if it
    /// has them (a memo: it changes only when they do).
    pub fn earlier(&self) -> Signal<Option<Earlier>> {
        let draft = self.draft;
        self.made_once(self.earlier, || {
            Memo::new(move |_| draft.with(|d| d.earlier.clone()))
        })
        .into()
    }

    /// What `slot` holds, made by `make` under the app's owner the first
    /// time. Derived state that only lazily loaded pages use is made this
    /// way, so that its code is in their chunks, not the first download
    /// (docs/DESIGN.md); the app's owner keeps it alive across pages.
    fn made_once<T: Copy + Send + Sync + 'static>(
        &self,
        slot: StoredValue<Option<T>>,
        make: impl FnOnce() -> T,
    ) -> T {
        if let Some(made) = slot.get_value() {
            return made;
        }
        let made = self.owner.with_value(|owner| owner.with(make));
        slot.set_value(Some(made));
        made
    }

    /// The saved snapshots, or why they can't be read. The first call reads
    /// them from storage and starts following other tabs' changes to them.
    pub fn snapshots(&self) -> Signal<Result<History, SnapshotsError>> {
        self.snapshots_signal().into()
    }

    fn snapshots_signal(&self) -> RwSignal<Result<History, SnapshotsError>> {
        let first = self.snapshots.with_value(Option::is_none);
        let signal = self.made_once(self.snapshots, || RwSignal::new(snapshots::load()));
        if first {
            // Kept for the page's lifetime, like the state itself; a state
            // that is gone (tests mount many) is skipped by `try_set`.
            let _listener = snapshots::on_changed_elsewhere(move || {
                let _ = signal.try_set(snapshots::load());
            });
        }
        signal
    }

    /// Applies `f` to the stored snapshots and writes them back. They are
    /// read again first, so a snapshot saved in another tab is never
    /// overwritten. On any error nothing is written.
    ///
    /// # Errors
    /// [`SnapshotsError`], e.g. storage full, or unreadable snapshots (which
    /// are left as they are).
    fn change_snapshots<T>(&self, f: impl FnOnce(&mut History) -> T) -> Result<T, SnapshotsError> {
        let signal = self.snapshots_signal();
        let mut history = match snapshots::load() {
            Ok(h) => h,
            Err(e) => {
                signal.set(Err(e.clone()));
                return Err(e);
            }
        };
        let out = f(&mut history);
        snapshots::store(&history)?;
        signal.set(Ok(history));
        Ok(out)
    }

    /// Saves `payload` (a share-link payload) as a snapshot named `label`;
    /// returns its id.
    ///
    /// # Errors
    /// [`SnapshotsError`]; then nothing was written.
    pub fn save_snapshot(&self, label: &str, payload: String) -> Result<String, SnapshotsError> {
        self.change_snapshots(|h| h.add(label, time::now_ms(), payload))
    }

    /// Renames a snapshot; `Ok(false)` when it is no longer there.
    ///
    /// # Errors
    /// [`SnapshotsError`]; then nothing was written.
    pub fn rename_snapshot(&self, id: &str, label: &str) -> Result<bool, SnapshotsError> {
        self.change_snapshots(|h| h.rename(id, label))
    }

    /// Deletes a snapshot; `Ok(false)` when it was already gone.
    ///
    /// # Errors
    /// [`SnapshotsError`]; then nothing was written.
    pub fn delete_snapshot(&self, id: &str) -> Result<bool, SnapshotsError> {
        self.change_snapshots(|h| h.remove(id))
    }

    pub fn set_answer(&self, question: usize, answer: Answer) {
        self.draft.update(|d| {
            d.answers.set(question, answer);
            d.updated_ms = time::now_ms();
        });
        // The card at once, not when the effect that follows the draft runs.
        if let Some(all) = self.questions.get_value() {
            all.with_value(|v| v.get(question).map(|q| q.set_answer(answer)));
        }
    }

    /// Sets a question's free-text note; blank text removes it.
    pub fn set_note(&self, question: usize, text: String) {
        self.draft.update(|d| {
            if text.trim().is_empty() {
                d.notes.remove(&question);
            } else {
                d.notes.insert(question, text);
            }
            d.updated_ms = time::now_ms();
        });
    }

    pub fn set_target(&self, dimension: usize, level: Option<u8>) {
        self.draft.update(|d| {
            d.targets.set(dimension, level);
            d.updated_ms = time::now_ms();
        });
    }

    /// Throws the draft away and begins a new one.
    pub fn start_over(&self) {
        self.draft.set(Draft::new(self.model, time::now_ms()));
    }

    /// Makes an imported result file's draft the draft, as changed now.
    pub fn import(&self, mut imported: Draft) {
        imported.updated_ms = time::now_ms();
        self.draft.set(imported);
    }

    /// Sets which team and models the assessment covers.
    pub fn set_scope(&self, text: String) {
        self.draft.update(|d| {
            d.scope = text.chars().take(draft::MAX_SCOPE_CHARS).collect();
            d.updated_ms = time::now_ms();
        });
    }

    /// Makes a result made with an earlier questionnaire version the draft
    /// ("Answer the new version"): answers to unchanged questions carry
    /// over, and every old answer is kept beside the question it became,
    /// for review.
    pub fn adopt_earlier(&self, earlier: &Model, answers: &Answers, targets: &Targets) {
        let mut old = std::collections::BTreeMap::new();
        for (q, question) in earlier.questions.iter().enumerate() {
            let a = answers.get(q);
            if a != Answer::Unanswered {
                old.insert(question.id.clone(), a);
            }
        }
        let (carried, notes, _) =
            draft::carry_over(self.model, earlier.version, &old, &Default::default());
        let mut d = Draft::new(self.model, time::now_ms());
        d.answers = carried;
        d.notes = notes;
        for (i, dim) in earlier.dimensions.iter().enumerate() {
            if let Some(target) = self.model.dimension_index(&dim.id) {
                d.targets.set(target, targets.get(i));
            }
        }
        d.earlier = Some(draft::Earlier {
            version: earlier.version,
            answers: old,
            notes: Default::default(),
        });
        self.draft.set(d);
    }

    /// Makes a shared result the draft ("Edit a copy").
    pub fn adopt_shared(&self, answers: Answers, targets: Targets) {
        let mut d = Draft::new(self.model, time::now_ms());
        d.answers = answers;
        d.targets = targets;
        self.draft.set(d);
    }

    /// Saves the draft. Called by the app's save effect on every change.
    pub fn save(&self, json: &str) {
        if !self.persist {
            return;
        }
        match storage::write_draft(json) {
            Ok(()) => {
                if self.storage_error.get_untracked().is_some() {
                    self.storage_error.set(None);
                }
            }
            Err(e) => {
                if self.storage_error.get_untracked() != Some(e) {
                    self.storage_error.set(Some(e));
                }
            }
        }
    }

    /// Two tabs, one draft. Browsers fire `storage` in every *other* tab of
    /// this site when one tab writes the draft. This tab adopts the other's
    /// draft only when it is newer (`updated_ms`), so the latest change wins
    /// and both tabs converge. Saving the adopted draft back writes the same
    /// text, and browsers fire no event for an unchanged value, so tabs don't
    /// ping-pong; if the text differed, the other tab would see an equal
    /// `updated_ms` and ignore it. An unreadable or removed draft from the
    /// other tab is ignored: our next save rewrites it.
    pub fn adopt_from_other_tab(&self, text: Option<String>) {
        let Some(text) = text else { return };
        let Ok(loaded) = draft::from_json(self.model, &text) else {
            return;
        };
        if loaded.draft.updated_ms > self.draft.with_untracked(|d| d.updated_ms) {
            self.draft.set(loaded.draft);
            self.from_other_tab.set(true);
        }
    }

    /// Shows `route`, adding a history entry.
    pub fn go(&self, route: Route) {
        location::push(&route.to_hash(self.model));
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
    }

    /// The first unanswered question, in model order.
    pub fn first_unanswered(&self) -> Option<usize> {
        self.draft.with(|d| {
            d.answers
                .as_slice()
                .iter()
                .position(|a| *a == Answer::Unanswered)
        })
    }

    /// The unanswered questions of one step, in order.
    pub fn unanswered_of(&self, dimension: usize) -> Vec<usize> {
        let model = self.full();
        self.draft.with(|d| {
            model
                .questions_of(dimension)
                .filter(|q| d.answers.get(*q) == Answer::Unanswered)
                .collect()
        })
    }

    /// The step that holds a question.
    pub fn step_of(&self, question: usize) -> usize {
        self.model
            .dimension_index(&self.model.questions[question].dimension)
            .unwrap_or(0)
    }
}

/// A question's answer and note as signals (see [`AppState::question`]).
#[derive(Clone, Copy)]
struct QuestionSignals {
    answer: RwSignal<Answer>,
    note: RwSignal<Option<String>>,
}

impl QuestionSignals {
    /// Sets the answer, when it differs.
    fn set_answer(&self, answer: Answer) {
        if self.answer.get_untracked() != answer {
            self.answer.set(answer);
        }
    }

    /// Sets each signal that differs from the draft's value.
    fn sync(&self, answer: Answer, note: Option<&String>) {
        self.set_answer(answer);
        if self.note.with_untracked(|n| n.as_ref() != note) {
            self.note.set(note.cloned());
        }
    }
}

/// The app's state from context.
///
/// # Panics
/// Outside [`crate::App`] (or a test that provides an [`AppState`]).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
