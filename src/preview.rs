//! `localStorage` for the model file being previewed (the "Preview your own
//! model" page): its name and text, kept until the author removes them.
//! While one is kept, the app runs on it instead of the built-in model, with
//! its own draft and snapshots ([`crate::storage::scope_to_model`]).

use crate::storage::StorageError;

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

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The kept model file, if any (and if storage can be read).
pub fn stored() -> Option<PreviewFile> {
    let storage = local()?;
    let text = storage.get_item(TEXT_KEY).ok().flatten()?;
    let name = storage
        .get_item(NAME_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    Some(PreviewFile { name, text })
}

/// Keeps a model file for preview.
///
/// # Errors
/// [`StorageError::Unavailable`] without storage, [`StorageError::Full`]
/// when the browser refuses the text.
pub fn store(file: &PreviewFile) -> Result<(), StorageError> {
    let storage = local().ok_or(StorageError::Unavailable)?;
    storage
        .set_item(TEXT_KEY, &file.text)
        .and_then(|()| storage.set_item(NAME_KEY, &file.name))
        .map_err(|_| StorageError::Full)
}

/// Stops previewing: the app runs on the built-in model again. The
/// previewed model's draft and snapshots stay, for when the file is opened
/// again.
pub fn remove() {
    if let Some(storage) = local() {
        let _ = storage.remove_item(TEXT_KEY);
        let _ = storage.remove_item(NAME_KEY);
    }
}
