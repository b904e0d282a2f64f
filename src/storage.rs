//! The one module that touches `localStorage`.
//!
//! Every access is fallible: storage can be missing (some embedded browsers),
//! blocked (privacy settings make `window.localStorage` itself throw), or
//! full (`setItem` throws `QuotaExceededError`). Callers get a
//! [`StorageError`] and keep working in memory; nothing here panics or
//! aborts, which is why gloo-storage's `LocalStorage::raw()` is not used.

use leptos::prelude::*;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Key of the current draft.
pub const DRAFT_KEY: &str = "mlops-maturity:draft";
/// Prefix of the backups of drafts that could not be read; the suffix is a
/// millisecond timestamp.
pub const BACKUP_PREFIX: &str = "mlops-maturity:draft-backup:";
const PROBE_KEY: &str = "mlops-maturity:probe";

/// Why storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage`, or the browser blocks it.
    Unavailable,
    /// The browser refused to store more.
    Full,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StorageError::Unavailable => "this browser doesn't let the page save anything",
            StorageError::Full => "this browser's storage for the page is full",
        })
    }
}

fn classify(err: JsValue) -> StorageError {
    match err.dyn_into::<web_sys::DomException>() {
        Ok(e) if e.name() == "QuotaExceededError" || e.name() == "NS_ERROR_DOM_QUOTA_REACHED" => {
            StorageError::Full
        }
        _ => StorageError::Unavailable,
    }
}

fn local() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(classify)?
        .ok_or(StorageError::Unavailable)
}

fn set(key: &str, value: &str) -> Result<(), StorageError> {
    local()?.set_item(key, value).map_err(classify)
}

/// Checks that storage can be written at all.
///
/// # Errors
/// [`StorageError`] when writing a small test entry fails.
pub fn probe() -> Result<(), StorageError> {
    set(PROBE_KEY, "1")?;
    local()?.remove_item(PROBE_KEY).map_err(classify)
}

/// The stored draft's text, if there is one.
///
/// # Errors
/// [`StorageError::Unavailable`] when storage cannot be read.
pub fn read_draft() -> Result<Option<String>, StorageError> {
    local()?.get_item(DRAFT_KEY).map_err(classify)
}

/// Stores the draft's text.
///
/// # Errors
/// [`StorageError`], e.g. [`StorageError::Full`].
pub fn write_draft(json: &str) -> Result<(), StorageError> {
    set(DRAFT_KEY, json)
}

/// Removes the stored draft.
///
/// # Errors
/// [`StorageError::Unavailable`].
pub fn remove_draft() -> Result<(), StorageError> {
    local()?.remove_item(DRAFT_KEY).map_err(classify)
}

/// Keeps `raw` under a new backup key and returns that key. An existing
/// backup is never overwritten: the timestamp is bumped until the key is free.
///
/// # Errors
/// [`StorageError`] when the backup could not be written.
pub fn write_backup(raw: &str, now_ms: f64) -> Result<String, StorageError> {
    let storage = local()?;
    let mut ms = now_ms.max(0.0).floor() as u64;
    loop {
        let key = format!("{BACKUP_PREFIX}{ms}");
        if storage.get_item(&key).map_err(classify)?.is_none() {
            storage.set_item(&key, raw).map_err(classify)?;
            return Ok(key);
        }
        ms += 1;
    }
}

/// Key of the saved snapshots (`engine::history`'s JSON).
pub const HISTORY_KEY: &str = "mlops-maturity:history";

/// The saved snapshots' text, if there are any.
///
/// # Errors
/// [`StorageError::Unavailable`] when storage cannot be read.
pub fn read_history() -> Result<Option<String>, StorageError> {
    local()?.get_item(HISTORY_KEY).map_err(classify)
}

/// Stores the snapshots' text. Only this key is written: on failure the
/// draft and everything else stay as they were.
///
/// # Errors
/// [`StorageError`], e.g. [`StorageError::Full`].
pub fn write_history(json: &str) -> Result<(), StorageError> {
    set(HISTORY_KEY, json)
}

/// Calls `f` with the draft's new text whenever *another tab* of this site
/// changes it (`storage` events never fire in the tab that wrote). `None`
/// means the other tab removed the draft.
pub fn on_draft_changed_elsewhere(f: impl Fn(Option<String>) + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(DRAFT_KEY) {
            f(e.new_value());
        }
    })
}
