//! Which model this page runs on. Every site has the built-in model; a site
//! built with `MODELS=…` has more ([`EXTRA`], checked by build.rs), offered
//! on the start page and fetched from the site when chosen; and an author
//! may preview a model file of their own ([`crate::preview`]).
//!
//! The model is decided once, at start-up, in this order: a previewed file;
//! the model of the result a link opens (links name their model by code);
//! the one last chosen here; the built-in model. Switching reloads the page,
//! so every part of the app reads one model for the page's life.
//!
//! Any model but the built-in one keeps its draft and snapshots under keys
//! ending `@<model id>` ([`crate::storage::scoped`]); a previewed one's
//! links are also marked as needing its file ([`crate::route::shared_hash`]).

use crate::route::{self, Route};
use crate::storage;
use maturity_engine::draft::DraftError;
use maturity_engine::export::ImportError;
use maturity_engine::{link, LinkError, Model};
use std::sync::OnceLock;
use wasm_bindgen::JsCast;

/// A model this site was built with, beyond the built-in one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteModel {
    pub id: &'static str,
    pub title: &'static str,
    /// How links name it.
    pub code: u8,
    pub version: u8,
    /// Its file, relative to the page.
    pub file: &'static str,
    pub dimensions: usize,
    pub questions: usize,
    pub levels: usize,
}

include!(concat!(env!("OUT_DIR"), "/site_models.rs"));

/// Where the model chosen on the start page is kept (its id; absent for
/// the built-in model).
const CHOICE_KEY: &str = "mlops-maturity:model";

/// The model this page runs on, when it is not the built-in one.
struct Active {
    id: String,
    /// A previewed file, which other browsers do not have.
    needs_file: bool,
}

static ACTIVE: OnceLock<Active> = OnceLock::new();

/// Records that this page runs on the model `id` (not the built-in one):
/// from then on storage keys, and for a previewed file (`needs_file`) result
/// links, are that model's. Called once, at start-up, before anything is
/// read or written.
pub fn activate(id: &str, needs_file: bool) {
    let _ = ACTIVE.set(Active {
        id: id.to_owned(),
        needs_file,
    });
}

/// The id of the model this page runs on, unless it is the built-in one.
pub fn active_id() -> Option<&'static str> {
    ACTIVE.get().map(|a| a.id.as_str())
}

/// The id of the previewed model file this page runs on, if it runs on one.
pub fn previewed_id() -> Option<&'static str> {
    ACTIVE.get().filter(|a| a.needs_file).map(|a| a.id.as_str())
}

/// The site model with this code.
pub fn by_code(code: u8) -> Option<&'static SiteModel> {
    EXTRA.iter().find(|m| m.code == code)
}

/// The site model with this id.
fn by_id(id: &str) -> Option<&'static SiteModel> {
    EXTRA.iter().find(|m| m.id == id)
}

/// The site model last chosen on the start page, if it is still built in.
pub fn chosen() -> Option<&'static SiteModel> {
    by_id(&storage::get(CHOICE_KEY).ok().flatten()?)
}

/// Keeps `model` (a site model's id, or `None` for the built-in model) as
/// the one the site opens on.
///
/// # Errors
/// When storage refuses it.
pub fn choose(model: Option<&str>) -> Result<(), storage::StorageError> {
    match model {
        Some(id) => storage::set(CHOICE_KEY, id),
        None => storage::remove(CHOICE_KEY),
    }
}

/// The title of the questionnaire with this link code, when this site has it.
fn title_by_code(code: u8) -> Option<&'static str> {
    let builtin = maturity_engine::builtin_core();
    if code == builtin.code {
        Some(builtin.title.as_str())
    } else {
        by_code(code).map(|m| m.title)
    }
}

/// The title of the questionnaire with this id, when this site has it.
fn title_by_id(id: &str) -> Option<&'static str> {
    let builtin = maturity_engine::builtin_core();
    if id == builtin.id {
        Some(builtin.title.as_str())
    } else {
        by_id(id).map(|m| m.title)
    }
}

/// Why a result of the questionnaire `other` can't be set beside results
/// of `running`, and what to do (`instead`).
fn mixed(other: &str, running: &str, instead: &str) -> String {
    format!(
        "This result was made with \u{201c}{other}\u{201d}, and this page works with \
         \u{201c}{running}\u{201d}. Results of two questionnaires can't be compared or \
         combined, because their questions differ. {instead}"
    )
}

/// What to say when a result link can't be used beside results of
/// `running` (a comparison, a team view, a baseline): for a result of
/// another questionnaire this site has, which one and what to do instead;
/// otherwise the link's own error.
pub fn link_problem(running: &Model, e: &LinkError) -> String {
    match e {
        LinkError::OtherModel { code } => match title_by_code(*code) {
            Some(other) => mixed(
                other,
                &running.title,
                &format!(
                    "Open the link on its own to see that result, or choose \u{201c}{other}\u{201d} \
                     on the start page and use results made with it."
                ),
            ),
            None => e.to_string(),
        },
        _ => e.to_string(),
    }
}

/// [`link_problem`] for an imported result file.
pub fn file_problem(running: &Model, e: &ImportError) -> String {
    match e {
        ImportError::Draft(DraftError::OtherModel { id }) => match title_by_id(id) {
            Some(other) => mixed(
                other,
                &running.title,
                &format!(
                    "Choose \u{201c}{other}\u{201d} on the start page and import the file there."
                ),
            ),
            None => e.to_string(),
        },
        _ => e.to_string(),
    }
}

/// The model code of the first result a fragment opens (a shared result,
/// the first of a comparison or of a team view), when its header is intact.
pub fn code_in_hash(hash: &str) -> Option<u8> {
    let builtin = maturity_engine::builtin_core();
    let payload = match Route::parse(builtin, hash) {
        Route::Shared(text) => route::needs_model(&text).0.to_owned(),
        Route::Compare(Some((first, _))) => first,
        Route::Team(list) => route::team_members(&list).next()?.to_owned(),
        _ => return None,
    };
    match link::decode(builtin, &payload) {
        Ok(_)
        | Err(LinkError::OlderModelVersion { .. })
        | Err(LinkError::NewerModelVersion { .. }) => Some(builtin.code),
        Err(LinkError::OtherModel { code }) => Some(code),
        Err(_) => None,
    }
}

/// Called when a page opened on `hash` starts on the built-in model: when
/// `hash` is a link made with it, the site opens on it from then on. With
/// no other model built in there is no choice to keep, and reading the link
/// (which the first download would otherwise carry) is skipped.
pub fn opened_on_builtin(hash: &str) {
    if EXTRA.is_empty() {
        return;
    }
    if code_in_hash(hash) == Some(maturity_engine::builtin_core().code) {
        let _ = choose(None);
    }
}

/// The site model a page opened on `hash` starts on: the one its result
/// was made with, else the one last chosen. `None`: the built-in model.
pub fn to_start_on(hash: &str) -> Option<&'static SiteModel> {
    if EXTRA.is_empty() {
        return None;
    }
    match code_in_hash(hash) {
        Some(code) if code == maturity_engine::builtin_core().code => None,
        Some(code) => by_code(code).or_else(chosen),
        None => chosen(),
    }
}

/// True when the page, running on `running`, must start again to show
/// `hash`: it opens a result made with another model this site has. Never
/// while previewing a file, which stays until the author stops it.
pub fn must_restart_for(running: &Model, hash: &str) -> bool {
    if previewed_id().is_some() {
        return false;
    }
    // With the built-in model alone, a page not previewing a file runs the
    // only model a link can open here.
    if EXTRA.is_empty() {
        return false;
    }
    match code_in_hash(hash) {
        Some(code) if code != running.code => {
            code == maturity_engine::builtin_core().code || by_code(code).is_some()
        }
        _ => false,
    }
}

/// Why a site model could not be started on: shown as a notice while the
/// page runs on the built-in model instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailed {
    pub title: &'static str,
    pub why: String,
}

/// Fetches a site model's file (from the service worker's cache when
/// offline).
///
/// # Errors
/// What went wrong, as a phrase.
pub async fn fetch(model: &SiteModel) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("there is no window")?;
    let offline = || "it could not be downloaded (are you offline?)".to_owned();
    let response = JsFuture::from(window.fetch_with_str(model.file))
        .await
        .map_err(|_| offline())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| offline())?;
    if !response.ok() {
        return Err(format!(
            "the site answered {} for {}",
            response.status(),
            model.file
        ));
    }
    let text = response.text().map_err(|_| offline())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(offline)
}

/// Starts the page again on the start page: after the model changed.
pub fn restart() {
    if let Some(l) = web_sys::window().map(|w| w.location()) {
        let _ = l.set_hash("#/");
        let _ = l.reload();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Model {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/models/example-small.json"
        ))
        .unwrap();
        Model::from_json(&text).unwrap()
    }

    #[test]
    fn a_result_of_another_questionnaire_here_is_named() {
        let small = small();
        let builtin = maturity_engine::builtin();
        let said = link_problem(&small, &LinkError::OtherModel { code: builtin.code });
        assert_eq!(
            said,
            format!(
                "This result was made with \u{201c}{b}\u{201d}, and this page works with \
                 \u{201c}{s}\u{201d}. Results of two questionnaires can't be compared or \
                 combined, because their questions differ. Open the link on its own to see that \
                 result, or choose \u{201c}{b}\u{201d} on the start page and use results made \
                 with it.",
                b = builtin.title,
                s = small.title
            )
        );
        let file = ImportError::Draft(DraftError::OtherModel {
            id: builtin.id.clone(),
        });
        assert!(file_problem(&small, &file).ends_with(&format!(
            "Choose \u{201c}{}\u{201d} on the start page and import the file there.",
            builtin.title
        )));
    }

    #[test]
    fn a_questionnaire_this_site_lacks_keeps_the_links_own_message() {
        let e = LinkError::OtherModel { code: 77 };
        assert_eq!(link_problem(maturity_engine::builtin(), &e), e.to_string());
        let e = LinkError::Truncated;
        assert_eq!(link_problem(maturity_engine::builtin(), &e), e.to_string());
        let e = ImportError::Draft(DraftError::OtherModel {
            id: "elsewhere".into(),
        });
        assert_eq!(file_problem(maturity_engine::builtin(), &e), e.to_string());
    }
}
