//! `localStorage` for the model file being previewed (the "Preview your own
//! model" page): its name and text, kept until the author removes them.
//! While one is kept, the app runs on it instead of the built-in model
//! ([`crate::site`] says what that changes).

use crate::storage::{self, StorageError};

const NAME_KEY: &str = "mlops-maturity:preview-name";
const TEXT_KEY: &str = "mlops-maturity:preview-model";

/// A model file kept for preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewFile {
    /// The file's name, as chosen.
    pub name: String,
    /// Its text (JSON), validated before it was kept.
    pub text: String,
}

/// The kept model file, if any (and if storage can be read).
pub fn stored() -> Option<PreviewFile> {
    let text = storage::get(TEXT_KEY).ok().flatten()?;
    let name = storage::get(NAME_KEY).ok().flatten().unwrap_or_default();
    Some(PreviewFile { name, text })
}

/// Keeps a model file for preview.
///
/// # Errors
/// [`StorageError`], e.g. [`StorageError::Full`] when the browser refuses
/// the text.
pub fn store(file: &PreviewFile) -> Result<(), StorageError> {
    storage::set(TEXT_KEY, &file.text)?;
    storage::set(NAME_KEY, &file.name)
}

/// Stops previewing: the app runs on the built-in model again. The
/// previewed model's draft and snapshots stay, for when the file is opened
/// again.
pub fn remove() {
    let _ = storage::remove(TEXT_KEY);
    let _ = storage::remove(NAME_KEY);
}
