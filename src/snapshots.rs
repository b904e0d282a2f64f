//! The one module that touches the saved snapshots in `localStorage`.
//!
//! Snapshots live under their own key, apart from the draft, so a full or
//! blocked storage can fail a save without touching anything else. Once
//! [`storage::probe`] has shown that storage works, reads and writes go
//! through gloo-storage's typed `LocalStorage::get`/`set`, whose failures
//! are `Result`s; the probe comes first because gloo's `raw()` aborts when
//! the browser blocks storage.

use crate::storage::{self, StorageError};
use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use maturity_engine::history::{self, History, HistoryError};
use std::fmt;

/// Key of the saved snapshots (`engine::history`'s JSON).
pub const HISTORY_KEY: &str = "mlops-maturity:history";

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

fn from_gloo(e: GlooError) -> SnapshotsError {
    match e {
        GlooError::SerdeError(e) => SnapshotsError::Unreadable(HistoryError::Syntax(e.to_string())),
        GlooError::KeyNotFound(_) => SnapshotsError::Storage(StorageError::Unavailable),
        GlooError::JsError(e) if storage::is_quota_error_name(&e.name) => {
            SnapshotsError::Storage(StorageError::Full)
        }
        GlooError::JsError(_) => SnapshotsError::Storage(StorageError::Unavailable),
    }
}

/// The saved snapshots (none when nothing is stored).
///
/// # Errors
/// [`SnapshotsError`] when storage is blocked or holds something unreadable.
pub fn load() -> Result<History, SnapshotsError> {
    storage::probe_readable().map_err(SnapshotsError::Storage)?;
    match LocalStorage::get::<serde_json::Value>(storage::scoped(HISTORY_KEY)) {
        Ok(value) => history::from_value(value).map_err(SnapshotsError::Unreadable),
        Err(GlooError::KeyNotFound(_)) => Ok(History::default()),
        Err(e) => Err(from_gloo(e)),
    }
}

/// Stores `h`. Only the snapshots' key is written: on failure the draft and
/// everything else stay as they were.
///
/// # Errors
/// [`SnapshotsError`], e.g. [`StorageError::Full`].
pub fn store(h: &History) -> Result<(), SnapshotsError> {
    storage::probe_readable().map_err(SnapshotsError::Storage)?;
    LocalStorage::set(storage::scoped(HISTORY_KEY), history::to_wire(h)).map_err(from_gloo)
}

/// Calls `f` whenever *another tab* of this site changes the snapshots.
pub fn on_changed_elsewhere(f: impl Fn() + 'static) -> WindowListenerHandle {
    let key = storage::scoped(HISTORY_KEY);
    window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        // A `clear()` elsewhere has no key: the snapshots may be gone too.
        if e.key().is_none_or(|k| k == key) {
            f();
        }
    })
}
