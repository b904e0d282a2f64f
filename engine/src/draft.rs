//! The draft format: an assessment in progress, as stored (localStorage) or
//! exported to a file.
//!
//! # Wire format, version 2
//!
//! ```json
//! {"format":2,
//!  "model":{"id":"mlops-maturity-model","version":2},
//!  "answers":{"people.ds-with-de":"fully"},
//!  "notes":{"people.ds-with-de":"Since the spring reorg"},
//!  "targets":{"people":3},
//!  "scope":"Payments team: the fraud and credit models",
//!  "earlier":{"version":1,"answers":{"release.cicd":"mostly"},"notes":{}},
//!  "created_ms":1700000000000,"updated_ms":1700000360000}
//! ```
//!
//! Answers and notes are keyed by question id, targets by dimension id, and
//! answers are [`Answer::key`] words. `scope` (optional) says which team and
//! models the assessment covers. `earlier` (optional) keeps, verbatim, the
//! answers and notes of a draft made with an earlier questionnaire version,
//! keyed by that version's ids: see "Migration" below.
//!
//! Format 1 is format 2 without `scope` and `earlier`; it is read as such.
//!
//! # Migration between questionnaire versions
//!
//! A draft of an older version of this model is carried over through the
//! model's [`Previous`](crate::model::Previous) table: an answer whose
//! question is the same practice moves to the new question; notes move to
//! the question(s) that ask what the old one asked; everything (including
//! answers that do not carry over) is kept in [`Draft::earlier`], so the
//! app can show the old answer beside each changed question for review. Ids
//! found in neither the model nor its table are reported in
//! [`Loaded::dropped`], never an error. Unanswered questions are left out.
//!
//! The wire structs are private and kept apart from [`Draft`], the domain type.
//!
//! # Reading, and how a new format version is added
//!
//! [`from_json`] first peeks at `"format"` alone, then dispatches on it.
//! Released formats are never changed: a new format adds a wire struct, a
//! pure migration from the one before, one arm in the dispatch, and a golden
//! string in `tests/draft.rs` beside the frozen older ones.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::answer::{Answer, Answers, Targets};
use crate::model::{Change, Model};

/// The format version [`to_json`] writes.
pub const DRAFT_FORMAT: u32 = 2;

/// Longest assessment scope kept, in characters.
pub const MAX_SCOPE_CHARS: usize = 200;

/// Largest draft text [`from_json`] reads, in bytes (256 KiB).
pub const MAX_DRAFT_BYTES: usize = 256 * 1024;

/// An assessment in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub answers: Answers,
    /// Free-text notes by question index. Kept whole, whatever they contain.
    pub notes: BTreeMap<usize, String>,
    pub targets: Targets,
    /// When the draft was started, in milliseconds since the Unix epoch
    /// (JavaScript's `Date.now()`).
    pub created_ms: f64,
    /// When the draft was last changed, in milliseconds since the Unix epoch.
    pub updated_ms: f64,
    /// Which team and models the assessment covers, in the user's words
    /// ("" when not given). Never put in share links.
    pub scope: String,
    /// The answers and notes of the earlier questionnaire version this draft
    /// was carried over from, kept for review.
    pub earlier: Option<Earlier>,
}

/// A draft's answers and notes as they were under an earlier version of the
/// questionnaire, keyed by that version's question ids.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Earlier {
    pub version: u8,
    pub answers: BTreeMap<String, Answer>,
    pub notes: BTreeMap<String, String>,
}

/// An earlier answer to show beside a question that changed.
#[derive(Debug, Clone, PartialEq)]
pub struct ToReview<'m> {
    /// The earlier version's question id.
    pub question: &'m str,
    pub answer: Answer,
    /// What changed, from the model's table.
    pub note: &'m str,
}

impl Earlier {
    /// How many current questions show an earlier answer for review.
    pub fn to_review_count(&self, model: &Model, answers: &Answers) -> usize {
        (0..model.questions.len())
            .filter(|&q| {
                answers.get(q) == Answer::Unanswered && !self.to_review(model, q).is_empty()
            })
            .count()
    }

    /// The earlier answers behind `question` (a current question index) that
    /// did not carry over because the practice asked changed.
    pub fn to_review<'m>(&self, model: &'m Model, question: usize) -> Vec<ToReview<'m>> {
        let Some(id) = model.questions.get(question).map(|q| q.id.as_str()) else {
            return Vec::new();
        };
        model
            .previous
            .iter()
            .filter(|p| p.version == self.version && p.change != Change::Same)
            .filter(|p| p.becomes.iter().any(|b| b == id))
            .filter_map(|p| {
                let answer = *self.answers.get(&p.question)?;
                Some(ToReview {
                    question: &p.question,
                    answer,
                    note: &p.note,
                })
            })
            .collect()
    }
}

/// Carries answers and notes keyed by an earlier version's question ids over
/// to `model`, through its table of previous questions (ids without an entry
/// there are matched by id). Returns the draft parts and the ids found
/// nowhere. Notes of several old questions that became one are joined.
pub fn carry_over(
    model: &Model,
    version: u8,
    answers: &BTreeMap<String, Answer>,
    notes: &BTreeMap<String, String>,
) -> (Answers, BTreeMap<usize, String>, Vec<String>) {
    let mut carried = Answers::new(model);
    let mut carried_notes: BTreeMap<usize, String> = BTreeMap::new();
    let mut dropped = BTreeSet::new();
    let entry = |id: &str| {
        model
            .previous
            .iter()
            .find(|p| p.version == version && p.question == id)
    };
    for (id, answer) in answers {
        match entry(id) {
            Some(p) if p.change == Change::Same => {
                if let Some(q) = p.becomes.first().and_then(|b| model.question_index(b)) {
                    carried.set(q, *answer);
                }
            }
            Some(_) => {}
            None => match model.question_index(id) {
                Some(q) => carried.set(q, *answer),
                None => {
                    dropped.insert(id.clone());
                }
            },
        }
    }
    for (id, text) in notes {
        let targets: Vec<usize> = match entry(id) {
            Some(p) => p
                .becomes
                .iter()
                .filter_map(|b| model.question_index(b))
                .collect(),
            None => {
                let found = model.question_index(id);
                if found.is_none() {
                    dropped.insert(id.clone());
                }
                found.into_iter().collect()
            }
        };
        for q in targets {
            let slot = carried_notes.entry(q).or_default();
            if !slot.is_empty() {
                slot.push_str("\n\n");
            }
            slot.push_str(text);
        }
    }
    (carried, carried_notes, dropped.into_iter().collect())
}

impl Draft {
    /// A blank draft for a model, created and updated at `now_ms`.
    pub fn new(model: &Model, now_ms: f64) -> Draft {
        Draft {
            answers: Answers::new(model),
            notes: BTreeMap::new(),
            targets: Targets::new(model),
            created_ms: now_ms,
            updated_ms: now_ms,
            scope: String::new(),
            earlier: None,
        }
    }

    /// True when there is nothing worth keeping: no answer, no target, and no
    /// note with anything but whitespace in it.
    pub fn is_blank(&self) -> bool {
        self.answers.answered() == 0
            && !self.targets.any()
            && self.notes.values().all(|n| n.trim().is_empty())
            && self.scope.trim().is_empty()
            && self.earlier.is_none()
    }
}

/// A draft read by [`from_json`].
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub draft: Draft,
    /// Question and dimension ids in the stored draft that this model does not
    /// know, sorted and without repeats. Their answers, notes and targets were
    /// left out: report them, they are not a failure.
    pub dropped: Vec<String>,
    /// The earlier questionnaire version the draft was made with, when it
    /// was carried over to this one just now.
    pub carried_from: Option<u8>,
}

/// Why a stored draft could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftError {
    /// Not JSON, or cut short. Holds the parser's message, for developers.
    Syntax(String),
    /// Written by a newer version of the app, in a format this one can't read.
    NewerFormat { format: u32 },
    /// A format number no version of the app ever wrote (e.g. 0).
    UnknownFormat { format: u32 },
    /// A draft for another model, named by its id.
    OtherModel { id: String },
    /// A draft for a newer version of this model.
    NewerModel { version: u8 },
    /// Well-formed JSON holding a value this format does not allow; the text
    /// names the field.
    Invalid(String),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::Syntax(_) => write!(
                f,
                "This saved assessment is damaged and cannot be read. Import another copy if you \
                 have one, or start a new assessment."
            ),
            DraftError::NewerFormat { .. } => write!(
                f,
                "This saved assessment was made by a newer version of this app. Reload the page \
                 to get the latest version, then try again."
            ),
            DraftError::UnknownFormat { .. } => write!(
                f,
                "This file is not an assessment saved by this app. Check that you chose the \
                 right file."
            ),
            DraftError::OtherModel { id } => write!(
                f,
                "This saved assessment is for a different questionnaire ({id:?}). Open it with \
                 the app it was made with, or start a new assessment."
            ),
            DraftError::NewerModel { version } => write!(
                f,
                "This saved assessment uses a newer version of the questionnaire (version \
                 {version}). Reload the page to get the latest version, then try again."
            ),
            DraftError::Invalid(detail) => write!(
                f,
                "This saved assessment holds something this app cannot use ({detail}). Import \
                 another copy if you have one, or start a new assessment."
            ),
        }
    }
}

impl std::error::Error for DraftError {}

/// Just enough to choose a reader.
#[derive(Deserialize)]
struct Peek {
    format: u32,
}

#[derive(Serialize, Deserialize)]
struct ModelRef {
    id: String,
    version: u8,
}

/// Format 2. Format 1 is the same without `scope` and `earlier`, which
/// default to empty: it is read with this struct too.
#[derive(Serialize, Deserialize)]
struct DraftV2 {
    format: u32,
    model: ModelRef,
    #[serde(default)]
    answers: BTreeMap<String, String>,
    #[serde(default)]
    notes: BTreeMap<String, String>,
    #[serde(default)]
    targets: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    scope: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    earlier: Option<EarlierV2>,
    created_ms: f64,
    updated_ms: f64,
}

#[derive(Serialize, Deserialize)]
struct EarlierV2 {
    version: u8,
    #[serde(default)]
    answers: BTreeMap<String, String>,
    #[serde(default)]
    notes: BTreeMap<String, String>,
}

/// Writes a draft in the current format ([`DRAFT_FORMAT`]).
///
/// Unanswered questions, unset targets, and notes or entries beyond the
/// model's questions or dimensions are left out. Target levels above
/// the model's top level are written as the top level; times that are not finite
/// numbers are written as 0 (JSON has no NaN).
pub fn to_json(model: &Model, draft: &Draft) -> String {
    let answers = model
        .questions
        .iter()
        .enumerate()
        .filter(|(i, _)| draft.answers.get(*i) != Answer::Unanswered)
        .map(|(i, q)| (q.id.clone(), draft.answers.get(i).key().to_owned()));
    let answers = btree_map(answers);
    let notes = draft
        .notes
        .iter()
        .filter_map(|(i, text)| Some((model.questions.get(*i)?.id.clone(), text.clone())));
    let notes = btree_map(notes);
    let targets = model.dimensions.iter().enumerate().filter_map(|(i, d)| {
        Some((
            d.id.clone(),
            u64::from(draft.targets.get(i)?.min(model.top_level())),
        ))
    });
    let targets = btree_map(targets);
    let finite = |t: f64| if t.is_finite() { t } else { 0.0 };
    let earlier = draft.earlier.as_ref().map(|e| EarlierV2 {
        version: e.version,
        answers: btree_map(
            e.answers
                .iter()
                .map(|(id, a)| (id.clone(), a.key().to_owned())),
        ),
        notes: e.notes.clone(),
    });
    let wire = DraftV2 {
        format: DRAFT_FORMAT,
        model: ModelRef {
            id: model.id.clone(),
            version: model.version,
        },
        answers,
        notes,
        targets,
        scope: draft.scope.chars().take(MAX_SCOPE_CHARS).collect(),
        earlier,
        created_ms: finite(draft.created_ms),
        updated_ms: finite(draft.updated_ms),
    };
    // Serialising string maps and finite numbers cannot fail.
    serde_json::to_string(&wire).unwrap_or_default()
}

/// The map of `entries`, inserted one by one: `collect()` would sort them
/// first with `slice::sort_by`, a few KiB of wasm per map type.
fn btree_map<K: Ord, V>(entries: impl Iterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in entries {
        map.insert(k, v);
    }
    map
}

/// Reads a draft written by any released version of [`to_json`].
///
/// A draft of an older model version loads: ids the model no longer has are
/// listed in [`Loaded::dropped`].
///
/// # Errors
/// * [`DraftError::Invalid`] if the text is over [`MAX_DRAFT_BYTES`], holds a
///   value of the wrong type, an unknown answer word or a target level above
///   the model's top level;
/// * [`DraftError::Syntax`] if it is not JSON (or is cut short);
/// * [`DraftError::NewerFormat`] / [`DraftError::UnknownFormat`] for a
///   format number above / below the ones this version reads;
/// * [`DraftError::OtherModel`] / [`DraftError::NewerModel`] for a draft of
///   another model or a newer version of this one.
pub fn from_json(model: &Model, text: &str) -> Result<Loaded, DraftError> {
    if text.len() > MAX_DRAFT_BYTES {
        return Err(DraftError::Invalid(format!(
            "it is {} bytes long, more than the {MAX_DRAFT_BYTES} allowed",
            text.len()
        )));
    }
    let Peek { format } = parse(text)?;
    match format {
        1 | 2 => v2_into_draft(model, parse(text)?),
        f if f > DRAFT_FORMAT => Err(DraftError::NewerFormat { format: f }),
        f => Err(DraftError::UnknownFormat { format: f }),
    }
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, DraftError> {
    serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            DraftError::Invalid(e.to_string())
        } else {
            DraftError::Syntax(e.to_string())
        }
    })
}

fn answer_of(id: &str, word: &str) -> Result<Answer, DraftError> {
    Answer::from_key(word).ok_or_else(|| {
        DraftError::Invalid(format!(
            "answers.{id:?} is {word:?}, which is not an answer"
        ))
    })
}

fn answers_of(words: BTreeMap<String, String>) -> Result<BTreeMap<String, Answer>, DraftError> {
    let mut answers = BTreeMap::new();
    for (id, word) in words {
        let answer = answer_of(&id, &word)?;
        answers.insert(id, answer);
    }
    Ok(answers)
}

fn v2_into_draft(model: &Model, wire: DraftV2) -> Result<Loaded, DraftError> {
    if wire.model.id != model.id {
        return Err(DraftError::OtherModel { id: wire.model.id });
    }
    if wire.model.version > model.version {
        return Err(DraftError::NewerModel {
            version: wire.model.version,
        });
    }
    let mut dropped = BTreeSet::new();
    let mut draft = Draft::new(model, wire.created_ms);
    draft.updated_ms = wire.updated_ms;
    draft.scope = wire.scope.chars().take(MAX_SCOPE_CHARS).collect();
    draft.earlier = match wire.earlier {
        Some(e) => Some(Earlier {
            version: e.version,
            answers: answers_of(e.answers)?,
            notes: e.notes,
        }),
        None => None,
    };

    let answers = answers_of(wire.answers)?;
    let version = wire.model.version;
    if version < model.version {
        // Made with an earlier questionnaire: carry over, and keep the
        // original for review.
        let (carried, notes, lost) = carry_over(model, wire.model.version, &answers, &wire.notes);
        draft.answers = carried;
        draft.notes = notes;
        dropped.extend(lost);
        if !answers.is_empty() || !wire.notes.is_empty() {
            draft.earlier = Some(Earlier {
                version: wire.model.version,
                answers,
                notes: wire.notes,
            });
        }
    } else {
        for (id, answer) in answers {
            match model.question_index(&id) {
                Some(q) => draft.answers.set(q, answer),
                None => {
                    dropped.insert(id);
                }
            }
        }
        for (id, text) in wire.notes {
            match model.question_index(&id) {
                Some(q) => {
                    draft.notes.insert(q, text);
                }
                None => {
                    dropped.insert(id);
                }
            }
        }
    }
    for (id, level) in wire.targets {
        let level = u8::try_from(level)
            .ok()
            .filter(|l| *l <= model.top_level())
            .ok_or_else(|| {
                DraftError::Invalid(format!(
                    "targets.{id:?} is {level}, but levels go from 0 to {}",
                    model.top_level()
                ))
            })?;
        match model.dimension_index(&id) {
            Some(d) => draft.targets.set(d, Some(level)),
            None => {
                dropped.insert(id);
            }
        }
    }
    Ok(Loaded {
        draft,
        dropped: dropped.into_iter().collect(),
        carried_from: (version < model.version).then_some(version),
    })
}
