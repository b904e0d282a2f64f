//! `localStorage` for the draft, and the probe that tells whether storage
//! works at all. (The saved snapshots have their own module,
//! [`crate::snapshots`].)
//!
//! Every access is fallible: storage can be missing (some embedded browsers),
//! blocked (privacy settings make `window.localStorage` itself throw), or
//! full (`setItem` throws `QuotaExceededError`). Callers get a
//! [`StorageError`] and keep working in memory; nothing here panics or
//! aborts.
//!
//! The draft is read and written as text, not through gloo-storage's typed
//! `get`/`set`: an unreadable draft must be backed up verbatim, and gloo's
//! `get` hands back only the parse error (the component test
//! `gloo_get_loses_an_unreadable_draft` shows it), while the engine already
//! writes the draft's exact text ([`maturity_engine::draft::to_json`]).

use leptos::prelude::*;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Key of the current draft.
pub const DRAFT_KEY: &str = "mlops-maturity:draft";
/// Prefix of the backups of drafts that could not be read; the suffix is a
/// millisecond timestamp.
pub const BACKUP_PREFIX: &str = "mlops-maturity:draft-backup:";
const PROBE_KEY: &str = "mlops-maturity:probe";

/// `key` for the model this page runs on: `key@<model id>` for any model
/// but the built-in one ([`crate::site::active_id`]), so each model's draft
/// and snapshots stay apart.
pub fn scoped(key: &str) -> String {
    scoped_for(key, crate::site::active_id())
}

/// `key` for the model `id` (`None`: the built-in model).
pub fn scoped_for(key: &str, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("{key}@{id}"),
        None => key.to_owned(),
    }
}

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

/// True for the names browsers give the "storage is full" exception.
pub fn is_quota_error_name(name: &str) -> bool {
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

fn classify(err: JsValue) -> StorageError {
    match err.dyn_into::<web_sys::DomException>() {
        Ok(e) if is_quota_error_name(&e.name()) => StorageError::Full,
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

/// The text stored under `key`, if any.
///
/// # Errors
/// [`StorageError::Unavailable`] when storage cannot be read.
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    local()?.get_item(key).map_err(classify)
}

/// Stores `value` under `key`.
///
/// # Errors
/// [`StorageError`], e.g. [`StorageError::Full`].
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    local()?.set_item(key, value).map_err(classify)
}

/// Removes what is stored under `key`.
///
/// # Errors
/// [`StorageError::Unavailable`].
pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?.remove_item(key).map_err(classify)
}

/// Checks that storage can be written at all.
///
/// # Errors
/// [`StorageError`] when writing a small test entry fails.
pub fn probe() -> Result<(), StorageError> {
    set(PROBE_KEY, "1")?;
    remove(PROBE_KEY)
}

/// Checks that `localStorage` can be reached (it may still be full). After
/// this, gloo-storage's `LocalStorage` calls do not abort.
///
/// # Errors
/// [`StorageError::Unavailable`] when storage is missing or blocked.
pub fn probe_readable() -> Result<(), StorageError> {
    local().map(drop)
}

/// The stored draft's text, if there is one.
///
/// # Errors
/// [`StorageError::Unavailable`] when storage cannot be read.
pub fn read_draft() -> Result<Option<String>, StorageError> {
    get(&scoped(DRAFT_KEY))
}

/// Stores the draft's text.
///
/// # Errors
/// [`StorageError`], e.g. [`StorageError::Full`].
pub fn write_draft(json: &str) -> Result<(), StorageError> {
    set(&scoped(DRAFT_KEY), json)
}

/// Removes the stored draft.
///
/// # Errors
/// [`StorageError::Unavailable`].
pub fn remove_draft() -> Result<(), StorageError> {
    remove(&scoped(DRAFT_KEY))
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
        let key = format!("{}{ms}", scoped(BACKUP_PREFIX));
        if storage.get_item(&key).map_err(classify)?.is_none() {
            storage.set_item(&key, raw).map_err(classify)?;
            return Ok(key);
        }
        ms += 1;
    }
}

/// Calls `f` with the draft's new text whenever *another tab* of this site
/// changes it (`storage` events never fire in the tab that wrote). `None`
/// means the other tab removed the draft.
pub fn on_draft_changed_elsewhere(f: impl Fn(Option<String>) + 'static) -> WindowListenerHandle {
    let key = scoped(DRAFT_KEY);
    window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(key.as_str()) {
            f(e.new_value());
        }
    })
}
