//! The models a site is built with, beyond the built-in one: the site
//! owner lists their files (`MODELS=models/a.json,models/b.json`), the
//! app's build script checks them here and writes the list the start page
//! offers, and the post-build step ships each file as [`SiteModel::file`].
//!
//! Each model is checked as `model-check` checks it, and against the others:
//! a share link names its model by [`Model::code`], so no two models of one
//! site may share a code (or an id, which names their drafts and files).

use crate::model::Model;
use std::fmt;

/// What the start page needs to know of a site model before it is chosen.
/// Its questions are fetched, and checked again, only when it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteModel {
    /// [`Model::id`].
    pub id: String,
    /// [`Model::title`].
    pub title: String,
    /// [`Model::code`]: how links name it.
    pub code: u8,
    /// [`Model::version`].
    pub version: u8,
    /// Where the site serves the file, relative to the page:
    /// `models/<id>.json`.
    pub file: String,
    /// How many dimensions, questions and levels it has.
    pub dimensions: usize,
    pub questions: usize,
    pub levels: usize,
}

impl SiteModel {
    /// The entry for a checked model.
    pub fn of(model: &Model) -> SiteModel {
        SiteModel {
            id: model.id.clone(),
            title: model.title.clone(),
            code: model.code,
            version: model.version,
            file: format!("models/{}.json", model.id),
            dimensions: model.dimensions.len(),
            questions: model.questions.len(),
            levels: model.levels.len(),
        }
    }
}

/// Why a site's list of model files cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteError {
    /// The file failed the model checks: each problem as `model-check`
    /// prints it.
    Invalid { file: String, problems: Vec<String> },
    /// Its id cannot be a file name on the site.
    BadId { file: String, id: String },
    /// Two models share an id.
    SameId {
        file: String,
        id: String,
        other: String,
    },
    /// Two models share a code, so links could not tell them apart.
    SameCode {
        file: String,
        code: u8,
        other: String,
    },
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteError::Invalid { file, problems } => {
                write!(
                    f,
                    "{file} is not a valid model file ({} problem{}); run `cargo run -p maturity-engine --bin model-check -- {file}` for details:",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                )?;
                for p in problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
            SiteError::BadId { file, id } => write!(
                f,
                "{file}: the id \"{id}\" names the model's file on the site, so it may hold only letters, digits, '.', '_' and '-' (and not start with '.'): change it"
            ),
            SiteError::SameId { file, id, other } => write!(
                f,
                "{file}: the id \"{id}\" is also {other}'s: give each model of the site its own id"
            ),
            SiteError::SameCode { file, code, other } => write!(
                f,
                "{file}: the code {code} is also {other}'s, and a share link names its model by code: give this model another code (1 to 255)"
            ),
        }
    }
}

/// True when `id` is safe as a file name in a URL path.
fn id_is_file_name(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Checks the files listed for a site (each as its path and text) against
/// the model every site has (`builtin`) and each other. The entries, in the
/// order listed, or every error found.
///
/// # Errors
/// Every [`SiteError`], one or more per file.
pub fn check_site(
    builtin: &Model,
    files: &[(String, String)],
) -> Result<Vec<SiteModel>, Vec<SiteError>> {
    let mut entries: Vec<(String, SiteModel)> = Vec::new();
    let mut errors = Vec::new();
    let builtin_name = format!("the built-in model ({})", builtin.id);
    for (file, text) in files {
        let model = match Model::check(text) {
            Ok(model) => model,
            Err(problems) => {
                errors.push(SiteError::Invalid {
                    file: file.clone(),
                    problems: problems.iter().map(ToString::to_string).collect(),
                });
                continue;
            }
        };
        let entry = SiteModel::of(&model);
        if !id_is_file_name(&entry.id) {
            errors.push(SiteError::BadId {
                file: file.clone(),
                id: entry.id.clone(),
            });
        }
        let same_id = if entry.id == builtin.id {
            Some(builtin_name.clone())
        } else {
            entries
                .iter()
                .find(|(_, e)| e.id == entry.id)
                .map(|(f, _)| f.clone())
        };
        if let Some(other) = same_id {
            errors.push(SiteError::SameId {
                file: file.clone(),
                id: entry.id.clone(),
                other,
            });
        }
        let same_code = if entry.code == builtin.code {
            Some(builtin_name.clone())
        } else {
            entries
                .iter()
                .find(|(_, e)| e.code == entry.code)
                .map(|(f, _)| f.clone())
        };
        if let Some(other) = same_code {
            errors.push(SiteError::SameCode {
                file: file.clone(),
                code: entry.code,
                other,
            });
        }
        entries.push((file.clone(), entry));
    }
    if errors.is_empty() {
        Ok(entries.into_iter().map(|(_, e)| e).collect())
    } else {
        Err(errors)
    }
}

/// The list of model files in a `MODELS` setting: comma-separated paths,
/// blanks around them and empty entries ignored.
pub fn parse_list(setting: &str) -> Vec<String> {
    setting
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
