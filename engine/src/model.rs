//! The maturity model as data: levels, dimensions, the seed's characteristics and
//! the questions that evidence them.
//!
//! The built-in model is `data/mlops-maturity-model.json`, compiled into the
//! binary. [`Model::from_json`] parses *and validates* a model, so every other
//! module may rely on the invariants listed on [`ModelError`].

use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

/// Most levels a model may have (numbered `0..MAX_LEVELS`): a share link
/// writes a target level in three bits.
pub const MAX_LEVELS: usize = 7;

/// The fewest levels a model may have: level 0 and one level to reach.
pub const MIN_LEVELS: usize = 2;

/// The JSON text of the built-in model (the current questionnaire version).
pub const BUILTIN_JSON: &str = include_str!("../data/mlops-maturity-model.json");

/// The JSON text of questionnaire version 1 of the built-in model, frozen as
/// released: links and drafts made with it are read and scored with it.
pub const BUILTIN_V1_JSON: &str = include_str!("../data/mlops-maturity-model-v1.json");

/// A validated maturity model.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// Stable textual identifier, e.g. `mlops-maturity-model`.
    pub id: String,
    /// Small number that names the model inside share links (one byte).
    pub code: u8,
    /// Version of the questionnaire. Bumped whenever questions change order,
    /// meaning or number, so that links made with another version are detected.
    pub version: u8,
    /// The model's name, as the app's title shows it.
    pub title: String,
    /// Where the model comes from, cited by name.
    pub source: String,
    /// The seed's opening paragraph, verbatim.
    pub purpose: String,
    /// The seed's "use it as a guide to" list, verbatim.
    #[serde(default)]
    pub uses: Vec<String>,
    /// The levels, numbered 0, 1, .. in order: 2 to 7 of them.
    #[schemars(length(min = MIN_LEVELS, max = MAX_LEVELS))]
    pub levels: Vec<Level>,
    /// The areas assessed, each an axis of the radar: 1 to 16.
    #[schemars(length(min = 1, max = MAX_DIMENSIONS))]
    pub dimensions: Vec<Dimension>,
    /// The model's own statements of what each dimension looks like at each
    /// level, verbatim. Every one is cited by a question or listed in `not_asked`.
    pub characteristics: Vec<Characteristic>,
    /// The questions, in the order they are asked: 1 to 2000.
    #[schemars(length(min = 1, max = MAX_QUESTIONS))]
    pub questions: Vec<Question>,
    /// Seed characteristics deliberately not asked, each with the reason.
    #[serde(default)]
    pub not_asked: Vec<NotAsked>,
    /// Which scoring rule the model's questions are written for.
    #[serde(default)]
    pub scoring: Rule,
    /// What became of each question of earlier versions of this model.
    #[serde(default)]
    pub previous: Vec<Previous>,
    /// Another staged model's levels, derived from the answers.
    #[serde(default)]
    pub crosswalk: Option<Crosswalk>,
    /// The JSON Schema an editor checks the file against (for example
    /// `"../docs/model.schema.json"`); the app does not read it. Any other
    /// field the model does not have is a problem, so a misspelt one is
    /// reported rather than ignored.
    #[serde(rename = "$schema", default)]
    schema: Option<String>,
}

/// How a model turns answers into levels (docs/SCORING.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Questionnaire version 1's rule: a practice expected at a level stays
    /// expected at every higher level, and a level needs an applicable
    /// question at or below it.
    #[default]
    Staged,
    /// A level is reached when the practices its rows describe are in place:
    /// each question is required from `level` to `until`. Levels that add no
    /// practice are shown only as far as the overall level.
    Rows,
}

/// What became of one question of an earlier version.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Previous {
    /// The earlier questionnaire version.
    pub version: u8,
    /// The question's id in that version.
    pub question: String,
    /// Ids of this version's questions that ask what it asked (none if removed).
    pub becomes: Vec<String>,
    pub change: Change,
    /// What changed, in a sentence, for the person reviewing the answer.
    pub note: String,
}

/// How a question changed between versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// The same practice, perhaps reworded: its answer carries over.
    Same,
    /// The practice asked differs: the old answer is shown for review.
    Changed,
    /// Two or more questions became one.
    Merged,
    /// One question became several.
    Split,
    /// No longer asked.
    Removed,
}

impl Change {
    /// Stable word of the model file and the docs.
    pub fn key(self) -> &'static str {
        match self {
            Change::Same => "same",
            Change::Changed => "changed",
            Change::Merged => "merged",
            Change::Split => "split",
            Change::Removed => "removed",
        }
    }

    /// Inverse of [`Change::key`].
    pub fn from_key(key: &str) -> Option<Change> {
        [
            Change::Same,
            Change::Changed,
            Change::Merged,
            Change::Split,
            Change::Removed,
        ]
        .into_iter()
        .find(|c| c.key() == key)
    }
}

/// Another model's levels, each reached when its practices are met.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Crosswalk {
    /// The other model's name, e.g. "Google Cloud's MLOps levels".
    pub name: String,
    /// The document that defines it, cited by name.
    pub source: String,
    /// Its levels, lowest first; the first needs no practice.
    pub levels: Vec<CrosswalkLevel>,
    /// Where the two models order practices differently, in a sentence or two.
    pub differences: String,
}

/// One level of a crosswalked model.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkLevel {
    pub number: u8,
    pub name: String,
    /// What the level means, in our words.
    pub summary: String,
    /// Ids of this model's questions that must be met (on top of the levels below).
    pub requires: Vec<String>,
}

/// One level of the model ([`MIN_LEVELS`] to [`MAX_LEVELS`] of them): in the
/// built-in model, a row of the seed's overview table.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// 0, 1, .. in order.
    pub number: u8,
    /// The overview table's "Description" column, e.g. "No MLOps".
    pub name: String,
    /// The heading of the level's own table, which sometimes differs
    /// ("DevOps no MLOps", "Full MLOps Automated Retraining").
    pub heading: String,
    /// The overview table's "Highlights", verbatim.
    pub highlights: Vec<String>,
}

/// An axis of the radar chart.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Stable id, used by questions, characteristics, drafts and targets.
    pub id: String,
    /// Its name on screen and on the radar's axis.
    pub name: String,
    /// One line of our own, saying what the dimension covers.
    pub summary: String,
}

/// One bullet of the seed's tables, verbatim, with where it stands.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Characteristic {
    pub id: String,
    /// The level it describes, 0 to the top level.
    #[schemars(range(max = MAX_LEVELS - 1))]
    pub level: u8,
    /// Dimension id.
    pub dimension: String,
    pub text: String,
}

/// A question of the questionnaire.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// Dimension id.
    pub dimension: String,
    /// The level at which the practice is first expected (1 to the top level).
    #[schemars(range(min = 1, max = MAX_LEVELS - 1))]
    pub level: u8,
    /// The last level whose rows still describe the practice: a later level
    /// replaces it. Absent in the file: the model's top level.
    #[serde(default = "until_top")]
    #[schemars(range(min = 1, max = MAX_LEVELS - 1))]
    pub until: u8,
    pub text: String,
    /// The practice named in a few words ("Automated builds"), for lists.
    /// Empty when not given: [`Question::name`] falls back to the text.
    #[serde(default)]
    pub short: String,
    /// The practice as a next step, in the imperative ("Automate builds").
    pub action: String,
    /// Terms the question uses, explained.
    pub help: String,
    /// What counts as having the practice.
    #[serde(default)]
    pub counts: String,
    /// What does not count, though it may look like it.
    #[serde(default)]
    pub not_counts: String,
    /// Evidence a team could show for it.
    #[serde(default)]
    pub proof: Vec<String>,
    /// When the step is done, in a way someone could verify.
    #[serde(default)]
    pub done_when: String,
    /// Why it matters, in one line.
    #[serde(default)]
    pub why: String,
    /// Questions whose practice should be in place first (roadmap order).
    #[serde(default)]
    pub requires: Vec<String>,
    /// Ids of the characteristics this question evidences.
    pub evidence: Vec<String>,
}

/// What an absent `until` reads as until [`Model::check`] sets it to the
/// model's top level (no level can be this high).
const UNTIL_TOP: u8 = u8::MAX;

fn until_top() -> u8 {
    UNTIL_TOP
}

impl Question {
    /// The practice's short name, or its question when it has none.
    pub fn name(&self) -> &str {
        if self.short.is_empty() {
            &self.text
        } else {
            &self.short
        }
    }

    /// Whether the practice is required at `level` (`level..=until`).
    pub fn required_at(&self, level: u8) -> bool {
        self.level <= level && level <= self.until
    }
}

/// A seed characteristic that no question asks, and why.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotAsked {
    pub characteristic: String,
    pub reason: String,
    /// The question whose "No" answer this characteristic describes, if any.
    #[serde(default)]
    pub see: Option<String>,
}

/// Why a model text was rejected. Each message says what is wrong and what
/// to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The text is not JSON of the model's shape.
    Syntax(String),
    /// Levels must be numbered 0, 1, .. in order, [`MIN_LEVELS`] to
    /// [`MAX_LEVELS`] of them.
    Levels,
    /// Two items of one list share an id (`list` is the list's field name,
    /// `first` and `repeat` their indexes in it). Ids are compared within
    /// each list: a dimension and a question may have the same id. For
    /// `not_asked`, two entries are for the same characteristic.
    DuplicateId {
        list: &'static str,
        id: String,
        first: usize,
        repeat: usize,
    },
    /// A characteristic, question or note names a dimension that does not exist.
    UnknownDimension { item: String, dimension: String },
    /// A level outside the model's levels (questions: 1 to the top level,
    /// characteristics: 0 to the top level).
    LevelOutOfRange { item: String, level: u8 },
    /// A question cites no characteristic, or one that does not exist.
    BadEvidence {
        question: String,
        characteristic: String,
    },
    /// A text that must say something is empty: the title, a level's or
    /// dimension's name, a characteristic's text, a question's text or action.
    EmptyText(String),
    /// An id is empty: the model's, a dimension's, a characteristic's, a
    /// question's, or the earlier question's of a `previous` entry.
    EmptyId(String),
    /// A dimension has no question at all.
    EmptyDimension(String),
    /// A level above 0 that no question starts at: no answer could tell a
    /// team it is there.
    LevelWithoutQuestion(u8),
    /// A characteristic is neither evidenced by a question nor listed as not asked.
    Untraced(String),
    /// A not-asked note names a characteristic or question that does not exist,
    /// or a characteristic that a question does evidence.
    BadNotAsked(String),
    /// More dimensions or questions than a share link can carry, or no
    /// dimension at all.
    TooLarge {
        what: &'static str,
        count: usize,
        most: usize,
    },
    /// A question's `until` is below its `level` or above the top level.
    BadUntil { question: String, until: u8 },
    /// A question requires itself or a question that does not exist.
    BadRequires { question: String, requires: String },
    /// Prerequisites that go round in a circle, in order.
    Cycle(Vec<String>),
    /// An entry of `previous` names a question this version does not have,
    /// or carries an answer over to anything but exactly one question.
    BadPrevious(String),
    /// An entry of `previous` is for a version that is not below the model's.
    PreviousVersion {
        question: String,
        version: u8,
        model_version: u8,
    },
    /// The crosswalk's levels are not numbered 0, 1, .. in order, or one
    /// requires a question that does not exist.
    BadCrosswalk(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Syntax(e) => write!(
                f,
                "this is not a model file: {e}. Check the JSON against model.schema.json"
            ),
            ModelError::Levels => write!(
                f,
                "levels must be numbered 0, 1, 2, .. in order, {MIN_LEVELS} to {MAX_LEVELS} of them: renumber them"
            ),
            ModelError::DuplicateId {
                list: "not_asked",
                id,
                first,
                repeat,
            } => write!(
                f,
                "two \"not_asked\" entries are for the characteristic {id:?} (not_asked[{first}] and not_asked[{repeat}]): keep one of them"
            ),
            ModelError::DuplicateId {
                list,
                id,
                first,
                repeat,
            } => {
                let item = list.strip_suffix('s').unwrap_or(list);
                write!(
                    f,
                    "two {list} share the id {id:?} ({list}[{first}] and {list}[{repeat}]): give each {item} its own id"
                )
            }
            ModelError::UnknownDimension { item, dimension } => write!(
                f,
                "{item:?} names the dimension {dimension:?}, which the model does not have: use one of the ids under \"dimensions\""
            ),
            ModelError::LevelOutOfRange { item, level } => write!(
                f,
                "{item:?} has level {level}, which the model does not have: questions start at 1 to the top level, characteristics at 0 to the top level"
            ),
            ModelError::BadEvidence {
                question,
                characteristic,
            } if characteristic.is_empty() => write!(
                f,
                "question {question:?} cites no characteristic: list in \"evidence\" the ids of the statements it asks about"
            ),
            ModelError::BadEvidence {
                question,
                characteristic,
            } => write!(
                f,
                "question {question:?} cites {characteristic:?}, which is not a characteristic: use an id under \"characteristics\""
            ),
            ModelError::EmptyText(item) => {
                write!(f, "{item} is empty: write it, a few words at least")
            }
            ModelError::EmptyId(item) => write!(
                f,
                "{item} is empty: write an id, which other entries, saved answers and links use to name it"
            ),
            ModelError::EmptyDimension(d) => write!(
                f,
                "dimension {d:?} has no question: add one, or remove the dimension"
            ),
            ModelError::LevelWithoutQuestion(l) => write!(
                f,
                "no question starts at level {l}, so no answer could place a team there: add a question with \"level\": {l}, or remove the level"
            ),
            ModelError::Untraced(c) => write!(
                f,
                "characteristic {c:?} is neither asked nor listed as not asked: cite it in a question's \"evidence\", or add it to \"not_asked\" with a reason"
            ),
            ModelError::BadNotAsked(c) => write!(
                f,
                "the \"not_asked\" entry for {c:?} names an unknown characteristic or question, or one a question does ask: fix the id, or remove the entry"
            ),
            ModelError::TooLarge { what, count, most } if *count == 0 => {
                write!(f, "the model has no {what}: add at least one (at most {most})")
            }
            ModelError::TooLarge { what, count, most } => write!(
                f,
                "the model has {count} {what}, more than the {most} a share link can carry: split it into several models"
            ),
            ModelError::BadUntil { question, until } => write!(
                f,
                "question {question:?} has until {until}, which is below its level or above the top level: set it between the two, or leave it out for the top level"
            ),
            ModelError::BadRequires { question, requires } => write!(
                f,
                "question {question:?} requires {requires:?}, which is itself or not a question: use another question's id"
            ),
            ModelError::Cycle(ids) => write!(
                f,
                "these prerequisites go round in a circle: {}. Remove one of them from \"requires\"",
                ids.join(" → ")
            ),
            ModelError::BadPrevious(id) => write!(
                f,
                "the entry of \"previous\" for {id:?} names an unknown question, or carries its answer to other than one question: fix \"becomes\" or \"change\""
            ),
            ModelError::PreviousVersion {
                question,
                version,
                model_version: 0,
            } => write!(
                f,
                "the entry of \"previous\" for {question:?} has version {version}, but this model is version 0 and has no earlier version: raise the model's \"version\", or remove the entry"
            ),
            ModelError::PreviousVersion {
                question,
                version,
                model_version,
            } => write!(
                f,
                "the entry of \"previous\" for {question:?} has version {version}, which must be lower than the model's version {model_version}: set it to the version that asked the question, or raise the model's \"version\" if this file is a new version"
            ),
            ModelError::BadCrosswalk(what) => write!(f, "the crosswalk is inconsistent: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// One thing wrong with a model file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a path into the JSON (`questions[3].requires[0]`); empty
    /// when it concerns the whole file.
    pub path: String,
    pub error: ModelError,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.error)
        } else {
            write!(f, "{}: {}", self.path, self.error)
        }
    }
}

/// Most questions a model may have (keeps share links under 1 KB).
pub const MAX_QUESTIONS: usize = 2000;
/// Most dimensions a model may have.
pub const MAX_DIMENSIONS: usize = 16;

/// The problems found so far, each at its path.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, error: ModelError) {
        self.0.push(Problem {
            path: path.into(),
            error,
        });
    }
}

impl Model {
    /// Parses and validates a model, stopping at its first problem.
    ///
    /// # Errors
    /// Any [`ModelError`]: the invariants it names hold for every `Model` this returns.
    pub fn from_json(text: &str) -> Result<Model, ModelError> {
        Model::check(text).map_err(|mut problems| problems.swap_remove(0).error)
    }

    /// Parses and validates a model, listing every problem with its path.
    ///
    /// # Errors
    /// One or more [`Problem`]s (never an empty list). A text that is not
    /// JSON of the model's shape gives a single `Syntax` problem: what lies
    /// after it cannot be read.
    pub fn check(text: &str) -> Result<Model, Vec<Problem>> {
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed: Result<Model, (String, String)> =
            match serde_path_to_error::deserialize(&mut de) {
                // Text after the JSON value is a syntax error too.
                Ok(m) => de
                    .end()
                    .map(|()| m)
                    .map_err(|e| (String::new(), e.to_string())),
                Err(e) => {
                    let path = e.path().to_string();
                    let path = if path == "." || path == "?" {
                        String::new()
                    } else {
                        path
                    };
                    Err((path, e.into_inner().to_string()))
                }
            };
        let mut model = parsed.map_err(|(path, e)| {
            vec![Problem {
                path,
                error: ModelError::Syntax(e),
            }]
        })?;
        let top = model.top_level();
        for q in &mut model.questions {
            if q.until == UNTIL_TOP {
                q.until = top;
            }
        }
        let problems = model.problems();
        if problems.is_empty() {
            Ok(model)
        } else {
            Err(problems)
        }
    }

    /// The JSON Schema of a model file, derived from these types: editors
    /// validate and complete a model with it (docs/model.schema.json).
    pub fn schema() -> String {
        let mut schema = serde_json::to_value(schemars::schema_for!(Model)).unwrap_or_default();
        schema["$id"] = "model.schema.json".into();
        // An absent `until` is the top level, which depends on the file.
        if let Some(until) = schema
            .pointer_mut("/$defs/Question/properties/until")
            .and_then(serde_json::Value::as_object_mut)
        {
            until.remove("default");
        }
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        text
    }

    /// What the model measures, for headings: its title without a final
    /// "model" ("MLOps maturity model" → "MLOps maturity").
    pub fn subject(&self) -> &str {
        let title = self.title.trim();
        match title.strip_suffix(" model") {
            Some(rest) if !rest.trim().is_empty() => rest.trim_end(),
            _ => title,
        }
    }

    /// How exported files are named: the model's id without a final
    /// "-model" ("mlops-maturity-model" → "mlops-maturity").
    pub fn file_stem(&self) -> &str {
        match self.id.strip_suffix("-model") {
            Some(rest) if !rest.is_empty() => rest,
            _ => &self.id,
        }
    }

    /// The highest level (levels are numbered `0..=top_level()`).
    pub fn top_level(&self) -> u8 {
        u8::try_from(self.levels.len().saturating_sub(1)).unwrap_or(u8::MAX)
    }

    /// Every problem of the model, in file order within each check.
    fn problems(&self) -> Vec<Problem> {
        let mut p = Problems::default();
        let levels_ok = (MIN_LEVELS..=MAX_LEVELS).contains(&self.levels.len())
            && self
                .levels
                .iter()
                .enumerate()
                .all(|(i, l)| usize::from(l.number) == i);
        if !levels_ok {
            p.add("levels", ModelError::Levels);
        }
        let top = self.top_level();
        if self.id.trim().is_empty() {
            p.add("id", ModelError::EmptyId("the model's id".into()));
        }
        if self.title.trim().is_empty() {
            p.add("title", ModelError::EmptyText("the title".into()));
        }
        for (i, l) in self.levels.iter().enumerate() {
            if l.name.trim().is_empty() {
                p.add(
                    format!("levels[{i}].name"),
                    ModelError::EmptyText(format!("the name of level {i}")),
                );
            }
        }
        // Within these limits every result fits a share link (checked at
        // compile time in `link`).
        let dimensions = self.dimensions.len();
        if dimensions == 0 || dimensions > MAX_DIMENSIONS {
            p.add(
                "dimensions",
                ModelError::TooLarge {
                    what: "dimensions",
                    count: dimensions,
                    most: MAX_DIMENSIONS,
                },
            );
        }
        if self.questions.is_empty() || self.questions.len() > MAX_QUESTIONS {
            p.add(
                "questions",
                ModelError::TooLarge {
                    what: "questions",
                    count: self.questions.len(),
                    most: MAX_QUESTIONS,
                },
            );
        }
        unique(
            &mut p,
            "dimensions",
            "id",
            self.dimensions.iter().map(|d| d.id.as_str()),
        );
        unique(
            &mut p,
            "characteristics",
            "id",
            self.characteristics.iter().map(|c| c.id.as_str()),
        );
        unique(
            &mut p,
            "questions",
            "id",
            self.questions.iter().map(|q| q.id.as_str()),
        );
        unique(
            &mut p,
            "not_asked",
            "characteristic",
            self.not_asked.iter().map(|n| n.characteristic.as_str()),
        );

        let dims: HashSet<&str> = self.dimensions.iter().map(|d| d.id.as_str()).collect();
        let chars: HashSet<&str> = self.characteristics.iter().map(|c| c.id.as_str()).collect();
        let questions: HashSet<&str> = self.questions.iter().map(|q| q.id.as_str()).collect();

        for (i, d) in self.dimensions.iter().enumerate() {
            if d.id.trim().is_empty() {
                p.add(
                    format!("dimensions[{i}].id"),
                    ModelError::EmptyId(format!("the id of dimension {}", i + 1)),
                );
            }
            if d.name.trim().is_empty() {
                p.add(
                    format!("dimensions[{i}].name"),
                    ModelError::EmptyText(format!("the name of dimension {:?}", d.id)),
                );
            }
        }
        for (i, c) in self.characteristics.iter().enumerate() {
            if c.id.trim().is_empty() {
                p.add(
                    format!("characteristics[{i}].id"),
                    ModelError::EmptyId(format!("the id of characteristic {}", i + 1)),
                );
            }
            if !dims.contains(c.dimension.as_str()) {
                p.add(
                    format!("characteristics[{i}].dimension"),
                    ModelError::UnknownDimension {
                        item: c.id.clone(),
                        dimension: c.dimension.clone(),
                    },
                );
            }
            if c.level > top {
                p.add(
                    format!("characteristics[{i}].level"),
                    ModelError::LevelOutOfRange {
                        item: c.id.clone(),
                        level: c.level,
                    },
                );
            }
            if c.text.trim().is_empty() {
                p.add(
                    format!("characteristics[{i}].text"),
                    ModelError::EmptyText(format!("the text of characteristic {:?}", c.id)),
                );
            }
        }
        let mut evidenced = HashSet::new();
        for (i, q) in self.questions.iter().enumerate() {
            let at = format!("questions[{i}]");
            if q.id.trim().is_empty() {
                p.add(
                    format!("{at}.id"),
                    ModelError::EmptyId(format!("the id of question {}", i + 1)),
                );
            }
            if !dims.contains(q.dimension.as_str()) {
                p.add(
                    format!("{at}.dimension"),
                    ModelError::UnknownDimension {
                        item: q.id.clone(),
                        dimension: q.dimension.clone(),
                    },
                );
            }
            if q.level == 0 || q.level > top {
                p.add(
                    format!("{at}.level"),
                    ModelError::LevelOutOfRange {
                        item: q.id.clone(),
                        level: q.level,
                    },
                );
            } else if q.until < q.level || q.until > top {
                p.add(
                    format!("{at}.until"),
                    ModelError::BadUntil {
                        question: q.id.clone(),
                        until: q.until,
                    },
                );
            }
            for (field, text) in [("text", &q.text), ("action", &q.action)] {
                if text.trim().is_empty() {
                    p.add(
                        format!("{at}.{field}"),
                        ModelError::EmptyText(format!("the {field} of question {:?}", q.id)),
                    );
                }
            }
            if q.evidence.is_empty() {
                p.add(
                    format!("{at}.evidence"),
                    ModelError::BadEvidence {
                        question: q.id.clone(),
                        characteristic: String::new(),
                    },
                );
            }
            for (j, e) in q.evidence.iter().enumerate() {
                if !chars.contains(e.as_str()) {
                    p.add(
                        format!("{at}.evidence[{j}]"),
                        ModelError::BadEvidence {
                            question: q.id.clone(),
                            characteristic: e.clone(),
                        },
                    );
                }
                evidenced.insert(e.as_str());
            }
            for (j, r) in q.requires.iter().enumerate() {
                if r == &q.id || !questions.contains(r.as_str()) {
                    p.add(
                        format!("{at}.requires[{j}]"),
                        ModelError::BadRequires {
                            question: q.id.clone(),
                            requires: r.clone(),
                        },
                    );
                }
            }
        }
        for (i, d) in self.dimensions.iter().enumerate() {
            if !self.questions.iter().any(|q| q.dimension == d.id) {
                p.add(
                    format!("dimensions[{i}]"),
                    ModelError::EmptyDimension(d.id.clone()),
                );
            }
        }
        if levels_ok && !self.questions.is_empty() {
            for level in 1..=top {
                if !self.questions.iter().any(|q| q.level == level) {
                    p.add(
                        format!("levels[{level}]"),
                        ModelError::LevelWithoutQuestion(level),
                    );
                }
            }
        }
        let mut noted = HashSet::new();
        for (i, n) in self.not_asked.iter().enumerate() {
            let see_ok = n.see.as_deref().is_none_or(|s| questions.contains(s));
            if !chars.contains(n.characteristic.as_str())
                || evidenced.contains(n.characteristic.as_str())
                || !see_ok
            {
                p.add(
                    format!("not_asked[{i}]"),
                    ModelError::BadNotAsked(n.characteristic.clone()),
                );
            }
            noted.insert(n.characteristic.as_str());
        }
        for (i, c) in self.characteristics.iter().enumerate() {
            if !evidenced.contains(c.id.as_str()) && !noted.contains(c.id.as_str()) {
                p.add(
                    format!("characteristics[{i}]"),
                    ModelError::Untraced(c.id.clone()),
                );
            }
        }
        if let Some(cycle) = self.prerequisite_cycle() {
            let at = self
                .question_index(&cycle[0])
                .map(|i| format!("questions[{i}].requires"))
                .unwrap_or_default();
            p.add(at, ModelError::Cycle(cycle));
        }
        for (i, e) in self.previous.iter().enumerate() {
            if e.question.trim().is_empty() {
                p.add(
                    format!("previous[{i}].question"),
                    ModelError::EmptyId(format!(
                        "the earlier question's id in entry {} of \"previous\"",
                        i + 1
                    )),
                );
            }
            let known = e.becomes.iter().all(|b| questions.contains(b.as_str()));
            let carries_to_one = e.change != Change::Same || e.becomes.len() == 1;
            if !known || !carries_to_one {
                p.add(
                    format!("previous[{i}]"),
                    ModelError::BadPrevious(e.question.clone()),
                );
            }
            if e.version >= self.version {
                p.add(
                    format!("previous[{i}].version"),
                    ModelError::PreviousVersion {
                        question: e.question.clone(),
                        version: e.version,
                        model_version: self.version,
                    },
                );
            }
        }
        if let Some(c) = &self.crosswalk {
            if c.levels
                .iter()
                .enumerate()
                .any(|(i, l)| usize::from(l.number) != i)
            {
                p.add(
                    "crosswalk.levels",
                    ModelError::BadCrosswalk(
                        "levels must be numbered 0, 1, .. in order: renumber them".into(),
                    ),
                );
            }
            // Every team is at the first level; crosswalk() reads what the
            // levels above it require.
            if let Some(first) = c.levels.first().filter(|l| !l.requires.is_empty()) {
                p.add(
                    "crosswalk.levels[0].requires",
                    ModelError::BadCrosswalk(format!(
                        "level {} is where every team starts, so it can require nothing: move \
                         its questions to the level above or remove them",
                        first.number
                    )),
                );
            }
            for (i, l) in c.levels.iter().enumerate() {
                for (j, r) in l.requires.iter().enumerate() {
                    if !questions.contains(r.as_str()) {
                        p.add(
                            format!("crosswalk.levels[{i}].requires[{j}]"),
                            ModelError::BadCrosswalk(format!(
                                "level {} requires {r:?}, which is not a question: use a question's id",
                                l.number
                            )),
                        );
                    }
                }
            }
        }
        p.0
    }

    /// The first circle of prerequisites found, as question ids in order
    /// (the first id repeated at the end), or `None`. Unknown ids are ignored.
    fn prerequisite_cycle(&self) -> Option<Vec<String>> {
        // Depth-first search, colouring each question: 0 new, 1 on the
        // current path, 2 done.
        let n = self.questions.len();
        let mut colour = vec![0u8; n];
        let mut path: Vec<usize> = Vec::new();
        for start in 0..n {
            if colour[start] != 0 {
                continue;
            }
            // Each stack entry: a question and how many of its prerequisites were visited.
            let mut stack = vec![(start, 0usize)];
            colour[start] = 1;
            path.push(start);
            while let Some(&mut (q, ref mut next)) = stack.last_mut() {
                let requires = &self.questions[q].requires;
                if let Some(r) = requires.get(*next) {
                    *next += 1;
                    let Some(r) = self.question_index(r) else {
                        continue;
                    };
                    match colour[r] {
                        0 => {
                            colour[r] = 1;
                            path.push(r);
                            stack.push((r, 0));
                        }
                        1 => {
                            let from = path.iter().position(|&p| p == r).unwrap_or(0);
                            let mut ids: Vec<String> = path[from..]
                                .iter()
                                .map(|&p| self.questions[p].id.clone())
                                .collect();
                            ids.push(self.questions[r].id.clone());
                            return Some(ids);
                        }
                        _ => {}
                    }
                } else {
                    colour[q] = 2;
                    path.pop();
                    stack.pop();
                }
            }
        }
        None
    }

    /// Index of a dimension by id.
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }

    /// Index of a question by id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// A characteristic by id.
    pub fn characteristic(&self, id: &str) -> Option<&Characteristic> {
        self.characteristics.iter().find(|c| c.id == id)
    }

    /// Indices of the questions of one dimension, in model order.
    pub fn questions_of(&self, dimension: usize) -> impl Iterator<Item = usize> + '_ {
        let id = &self.dimensions[dimension].id;
        self.questions
            .iter()
            .enumerate()
            .filter(move |(_, q)| &q.dimension == id)
            .map(|(i, _)| i)
    }

    /// The seed's characteristics of one dimension at one level, verbatim:
    /// "what this level looks like" for that dimension.
    pub fn characteristics_at(
        &self,
        dimension: usize,
        level: u8,
    ) -> impl Iterator<Item = &Characteristic> {
        let id = &self.dimensions[dimension].id;
        self.characteristics
            .iter()
            .filter(move |c| &c.dimension == id && c.level == level)
    }

    /// The seed texts a question evidences, verbatim, with their levels.
    pub fn evidence_of(&self, question: usize) -> impl Iterator<Item = &Characteristic> {
        self.questions[question]
            .evidence
            .iter()
            .filter_map(|id| self.characteristic(id))
    }
}

/// Adds a `DuplicateId` problem at every repeat of an id within one list.
fn unique<'a>(
    p: &mut Problems,
    list: &'static str,
    field: &str,
    ids: impl Iterator<Item = &'a str>,
) {
    let mut seen = std::collections::HashMap::new();
    for (i, id) in ids.enumerate() {
        if let Some(&first) = seen.get(id) {
            p.add(
                format!("{list}[{i}].{field}"),
                ModelError::DuplicateId {
                    list,
                    id: id.to_owned(),
                    first,
                    repeat: i,
                },
            );
        } else {
            seen.insert(id, i);
        }
    }
}

/// The built-in model, whole, unpacked once.
///
/// It is read from the packed form build.rs makes of `BUILTIN_JSON`, not
/// parsed as JSON: that keeps serde's deserializers and the validator out of
/// the app's first download. The tests `builtin_model_is_valid`
/// and `packed_model_equals_the_json` prove it is the JSON model, valid.
///
/// Its texts (questions, help, next steps, the seed's statements) are only
/// read here, so an app that calls this only from pages it loads on demand
/// keeps them out of its first download; the first page uses
/// [`builtin_core`].
pub fn builtin() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| unpack(CORE, Some(TEXT)))
}

/// The built-in model without its texts: ids, levels, the names of levels
/// and dimensions, what each question is required at, the previous-version
/// table. Enough to read and write drafts and links, score, and show the
/// start page; every text field [`builtin`] has is empty here.
pub fn builtin_core() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| unpack(CORE, None))
}

/// The built-in model as it was at questionnaire version `version`, whole,
/// if this build has it: the current one, or version 1 (frozen as released).
pub fn builtin_version(version: u8) -> Option<&'static Model> {
    static V1: OnceLock<Model> = OnceLock::new();
    let current = builtin();
    if version == current.version {
        Some(current)
    } else if version == 1 {
        Some(V1.get_or_init(|| unpack(CORE_V1, Some(TEXT_V1))))
    } else {
        None
    }
}

/// The built-in model in build.rs's packed form: its core and text streams.
const CORE: &str = include_str!(concat!(env!("OUT_DIR"), "/model.core.packed"));
const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/model.text.packed"));
/// Questionnaire version 1 of the built-in model, packed the same way.
const CORE_V1: &str = include_str!(concat!(env!("OUT_DIR"), "/model-v1.core.packed"));
const TEXT_V1: &str = include_str!(concat!(env!("OUT_DIR"), "/model-v1.text.packed"));

/// The field separator of the packed form (build.rs writes the same).
const SEP: char = '\u{1f}';

/// Reads build.rs's packed form: fields separated by [`SEP`] in struct order,
/// lists as a length then items, texts from the text stream (empty without
/// one). Never panics: a malformed text (impossible for the one built in,
/// see the tests) gives empty fields.
fn unpack(core: &str, text: Option<&str>) -> Model {
    read_model(&mut Fields {
        core: core.split(SEP),
        text: text.map(|t| t.split(SEP)),
    })
}

/// The packed form's fields, read in order from its two streams.
struct Fields<'a> {
    core: std::str::Split<'a, char>,
    text: Option<std::str::Split<'a, char>>,
}

impl Fields<'_> {
    /// A text of the core stream.
    fn id(&mut self) -> String {
        self.core.next().unwrap_or_default().to_owned()
    }
    /// A text of the text stream ("" when reading the core alone).
    fn text(&mut self) -> String {
        self.text
            .as_mut()
            .and_then(Iterator::next)
            .unwrap_or_default()
            .to_owned()
    }
    fn num(&mut self) -> usize {
        self.core
            .next()
            .and_then(|t| t.parse().ok())
            .unwrap_or_default()
    }
    fn byte(&mut self) -> u8 {
        u8::try_from(self.num()).unwrap_or_default()
    }
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.num();
        (0..n).map(|_| item(self)).collect()
    }
}

fn read_model(f: &mut Fields) -> Model {
    Model {
        id: f.id(),
        code: f.byte(),
        version: f.byte(),
        title: f.id(),
        source: f.id(),
        purpose: f.text(),
        uses: f.list(Fields::text),
        levels: f.list(|f| Level {
            number: f.byte(),
            name: f.id(),
            heading: f.id(),
            highlights: f.list(Fields::id),
        }),
        dimensions: f.list(|f| Dimension {
            id: f.id(),
            name: f.id(),
            summary: f.id(),
        }),
        characteristics: f.list(|f| Characteristic {
            id: f.id(),
            level: f.byte(),
            dimension: f.id(),
            text: f.text(),
        }),
        questions: f.list(|f| Question {
            id: f.id(),
            dimension: f.id(),
            level: f.byte(),
            until: f.byte(),
            text: f.text(),
            short: f.text(),
            action: f.text(),
            help: f.text(),
            counts: f.text(),
            not_counts: f.text(),
            proof: f.list(Fields::text),
            done_when: f.text(),
            why: f.text(),
            requires: f.list(Fields::id),
            evidence: f.list(Fields::id),
        }),
        not_asked: f.list(|f| NotAsked {
            characteristic: f.id(),
            reason: f.text(),
            see: f.list(Fields::id).pop(),
        }),
        scoring: if f.id() == "rows" {
            Rule::Rows
        } else {
            Rule::Staged
        },
        previous: f.list(|f| Previous {
            version: f.byte(),
            question: f.id(),
            becomes: f.list(Fields::id),
            change: Change::from_key(&f.id()).unwrap_or(Change::Removed),
            note: f.text(),
        }),
        crosswalk: f
            .list(|f| Crosswalk {
                name: f.text(),
                source: f.text(),
                levels: f.list(|f| CrosswalkLevel {
                    number: f.byte(),
                    name: f.text(),
                    summary: f.text(),
                    requires: f.list(Fields::id),
                }),
                differences: f.text(),
            })
            .pop(),
        schema: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_model_equals_the_json() {
        assert_eq!(*builtin(), Model::from_json(BUILTIN_JSON).unwrap());
        // The core is the same model with every text left out.
        let mut texts_cleared = builtin().clone();
        texts_cleared.purpose.clear();
        texts_cleared.uses.iter_mut().for_each(String::clear);
        for c in &mut texts_cleared.characteristics {
            c.text.clear();
        }
        for q in &mut texts_cleared.questions {
            for t in [
                &mut q.text,
                &mut q.short,
                &mut q.action,
                &mut q.help,
                &mut q.counts,
                &mut q.not_counts,
                &mut q.done_when,
                &mut q.why,
            ] {
                t.clear();
            }
            q.proof.iter_mut().for_each(String::clear);
        }
        for n in &mut texts_cleared.not_asked {
            n.reason.clear();
        }
        for p in &mut texts_cleared.previous {
            p.note.clear();
        }
        if let Some(c) = &mut texts_cleared.crosswalk {
            c.name.clear();
            c.source.clear();
            c.differences.clear();
            for l in &mut c.levels {
                l.name.clear();
                l.summary.clear();
            }
        }
        assert_eq!(*builtin_core(), texts_cleared);
        // What the start page shows is in the core.
        assert!(!builtin_core().levels[1].name.is_empty());
        assert!(!builtin_core().levels[1].highlights[0].is_empty());
        assert!(!builtin_core().dimensions[0].summary.is_empty());
        assert_eq!(
            *builtin_version(1).unwrap(),
            Model::from_json(BUILTIN_V1_JSON).unwrap()
        );
        // And both streams of each packed model are read to their end.
        for (core, text) in [(CORE, TEXT), (CORE_V1, TEXT_V1)] {
            let mut fields = Fields {
                core: core.split(SEP),
                text: Some(text.split(SEP)),
            };
            read_model(&mut fields);
            assert_eq!(fields.core.next(), None);
            assert_eq!(fields.text.and_then(|mut t| t.next()), None);
        }
    }

    #[test]
    fn unpacking_garbage_gives_an_empty_model_not_a_panic() {
        for text in [
            "",
            "x",
            "\u{1f}\u{1f}999999999999\u{1f}",
            "a\u{1f}300\u{1f}7",
        ] {
            let m = unpack(text, Some(text));
            assert!(m.questions.is_empty() && m.levels.is_empty());
            assert!(!m.problems().is_empty());
        }
    }

    #[test]
    fn the_file_stem_is_the_id_without_a_final_model() {
        assert_eq!(builtin().file_stem(), "mlops-maturity");
        let mut m = builtin().clone();
        for (id, stem) in [
            ("example-ml-governance", "example-ml-governance"),
            ("-model", "-model"),
        ] {
            m.id = id.to_owned();
            assert_eq!(m.file_stem(), stem, "{id:?}");
        }
    }

    #[test]
    fn the_subject_is_the_title_without_a_final_model() {
        assert_eq!(builtin().subject(), "MLOps maturity");
        let mut m = builtin().clone();
        for (title, subject) in [
            (
                "ML governance maturity (example)",
                "ML governance maturity (example)",
            ),
            ("model", "model"),
            ("A data model ", "A data"),
            ("Remodel", "Remodel"),
        ] {
            m.title = title.to_owned();
            assert_eq!(m.subject(), subject, "{title:?}");
        }
    }

    #[test]
    fn builtin_model_is_valid() {
        assert_eq!(builtin().problems(), []);
        let m = Model::from_json(BUILTIN_JSON).unwrap();
        assert_eq!(m.levels.len(), 5);
        assert_eq!(m.dimensions.len(), 5);
        assert_eq!(m.questions.len(), 30);
        assert_eq!(m.scoring, Rule::Rows);
        let v1 = Model::from_json(BUILTIN_V1_JSON).unwrap();
        assert_eq!(
            (v1.version, v1.questions.len(), v1.scoring),
            (1, 31, Rule::Staged)
        );
        assert_eq!(m.characteristics.len(), 80);
    }

    /// Every problem of the built-in model after an edit.
    fn broken(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<ModelError> {
        let mut v: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        edit(&mut v);
        Model::check(&v.to_string())
            .unwrap_err()
            .into_iter()
            .map(|p| p.error)
            .collect()
    }

    fn assert_has(found: Vec<ModelError>, want: ModelError) {
        assert!(found.contains(&want), "{want:?} not in {found:#?}");
    }

    fn assert_any(found: Vec<ModelError>, want: impl Fn(&ModelError) -> bool) {
        assert!(found.iter().any(want), "not in {found:#?}");
    }

    #[test]
    fn validation_rejects_each_broken_invariant() {
        assert!(matches!(Model::from_json("{"), Err(ModelError::Syntax(_))));
        assert_has(
            broken(|v| v["levels"][2]["number"] = 7.into()),
            ModelError::Levels,
        );
        assert_has(
            broken(|v| v["levels"] = serde_json::json!([v["levels"][0].clone()])),
            ModelError::Levels,
        );
        assert_has(
            broken(|v| v["title"] = "".into()),
            ModelError::EmptyText("the title".into()),
        );
        assert_has(
            broken(|v| v["questions"][1]["id"] = v["questions"][0]["id"].clone()),
            ModelError::DuplicateId {
                list: "questions",
                id: "people.ds-with-de".into(),
                first: 0,
                repeat: 1,
            },
        );
        assert_any(
            broken(|v| v["questions"][0]["dimension"] = "nope".into()),
            |e| matches!(e, ModelError::UnknownDimension { .. }),
        );
        assert_any(broken(|v| v["questions"][0]["level"] = 0.into()), |e| {
            matches!(e, ModelError::LevelOutOfRange { level: 0, .. })
        });
        assert_has(
            broken(|v| v["questions"][0]["action"] = " ".into()),
            ModelError::EmptyText("the action of question \"people.ds-with-de\"".into()),
        );
        assert_any(
            broken(|v| v["questions"][0]["evidence"][0] = "l9-x-1".into()),
            |e| matches!(e, ModelError::BadEvidence { .. }),
        );
        assert_has(
            broken(|v| {
                let qs = v["questions"].as_array_mut().unwrap();
                qs.retain(|q| q["dimension"] != "technology");
            }),
            ModelError::EmptyDimension("technology".into()),
        );
        assert_has(
            broken(|v| v["questions"][0]["until"] = 1.into()),
            ModelError::BadUntil {
                question: "people.ds-with-de".into(),
                until: 1,
            },
        );
        assert_any(
            broken(|v| v["questions"][0]["requires"] = serde_json::json!(["people.ds-with-de"])),
            |e| matches!(e, ModelError::BadRequires { .. }),
        );
        assert_any(
            broken(|v| v["questions"][0]["requires"] = serde_json::json!(["nope.nope"])),
            |e| matches!(e, ModelError::BadRequires { .. }),
        );
        assert_has(
            broken(|v| {
                v["questions"][0]["requires"] = serde_json::json!(["people.io-contract"]);
                v["questions"][1]["requires"] =
                    serde_json::json!(["people.se-automate-integration"]);
                v["questions"][2]["requires"] = serde_json::json!(["people.ds-with-de"]);
            }),
            ModelError::Cycle(vec![
                "people.ds-with-de".into(),
                "people.io-contract".into(),
                "people.se-automate-integration".into(),
                "people.ds-with-de".into(),
            ]),
        );
        assert_any(
            broken(|v| v["previous"][0]["becomes"] = serde_json::json!(["gone.question"])),
            |e| matches!(e, ModelError::BadPrevious(_)),
        );
        assert_eq!(
            broken(|v| v["previous"][0]["version"] = 2.into()),
            [ModelError::PreviousVersion {
                question: "people.ds-with-de".into(),
                version: 2,
                model_version: 2,
            }],
        );
        assert_any(
            broken(|v| {
                v["crosswalk"]["levels"][1]["requires"] = serde_json::json!(["gone.question"])
            }),
            |e| matches!(e, ModelError::BadCrosswalk(_)),
        );
        assert_eq!(
            broken(|v| {
                v["crosswalk"]["levels"][0]["requires"] = serde_json::json!(["people.ds-with-de"])
            }),
            [ModelError::BadCrosswalk(
                "level 0 is where every team starts, so it can require nothing: move its \
                 questions to the level above or remove them"
                    .into()
            )],
        );
        assert_has(
            broken(|v| {
                let n = v["not_asked"].as_array_mut().unwrap();
                n.retain(|x| x["characteristic"] != "l0-technology-4");
            }),
            ModelError::Untraced("l0-technology-4".into()),
        );
        assert_has(
            broken(|v| v["not_asked"][0]["see"] = "no.such.question".into()),
            ModelError::BadNotAsked("l0-people-1".into()),
        );
    }

    #[test]
    fn a_model_whose_results_would_not_fit_a_link_is_rejected() {
        let e = broken(|v| {
            let dims = v["dimensions"].as_array_mut().unwrap();
            let template = dims[0].clone();
            for i in 0..2100 {
                let mut d = template.clone();
                d["id"] = format!("extra-{i}").into();
                dims.push(d);
            }
        });
        assert_has(
            e,
            ModelError::TooLarge {
                what: "dimensions",
                count: 2105,
                most: MAX_DIMENSIONS,
            },
        );
    }

    fn problems(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
        let mut v: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        edit(&mut v);
        Model::check(&v.to_string())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn check_lists_every_problem_with_its_path() {
        let found = problems(|v| {
            v["questions"][3]["requires"] = serde_json::json!(["nope"]);
            v["questions"][5]["dimension"] = "elsewhere".into();
            v["dimensions"][1]["name"] = " ".into();
            v["questions"][7]["id"] = v["questions"][6]["id"].clone();
        });
        let paths: Vec<&str> = found
            .iter()
            .map(|p| p.split(": ").next().unwrap())
            .collect();
        for path in [
            "questions[3].requires[0]",
            "questions[5].dimension",
            "dimensions[1].name",
            "questions[7].id",
        ] {
            assert!(paths.contains(&path), "{path} missing from {found:#?}");
        }
        // Each says what to do, after what is wrong.
        assert!(found.iter().all(|p| p.contains(": ")), "{found:#?}");
        assert!(found[0].contains("use another question's id") || found.len() > 1);
    }

    #[test]
    fn a_type_error_names_its_path_and_trailing_text_is_an_error() {
        let found = problems(|v| v["questions"][2]["level"] = "two".into());
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with("questions[2].level: this is not a model file"),
            "{found:?}"
        );
        let mut text = BUILTIN_JSON.to_owned();
        text.push_str(" {}");
        let e = Model::check(&text).unwrap_err();
        assert!(matches!(e[0].error, ModelError::Syntax(_)), "{e:?}");
    }

    #[test]
    fn a_duplicate_id_names_its_list_and_both_items() {
        let found = problems(|v| {
            v["questions"][7]["id"] = v["questions"][6]["id"].clone();
            v["dimensions"][1]["id"] = v["dimensions"][0]["id"].clone();
            v["not_asked"][1]["characteristic"] = v["not_asked"][0]["characteristic"].clone();
        });
        let id = |list: &str, i: usize| {
            let v: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
            v[list][i]["id"].as_str().unwrap().to_owned()
        };
        for line in [
            format!(
                "questions[7].id: two questions share the id {:?} (questions[6] and questions[7]): give each question its own id",
                id("questions", 6)
            ),
            "dimensions[1].id: two dimensions share the id \"people\" (dimensions[0] and dimensions[1]): give each dimension its own id".to_owned(),
            "not_asked[1].characteristic: two \"not_asked\" entries are for the characteristic \"l0-people-1\" (not_asked[0] and not_asked[1]): keep one of them".to_owned(),
        ] {
            assert!(found.contains(&line), "{line}\nnot in {found:#?}");
        }
        // Ids are compared within each list: a question may share a
        // dimension's id.
        let renamed = BUILTIN_JSON.replace("\"people.ds-with-de\"", "\"people\"");
        let m = Model::check(&renamed).unwrap_or_else(|p| panic!("{p:#?}"));
        assert_eq!(
            (m.questions[0].id.as_str(), m.dimensions[0].id.as_str()),
            ("people", "people")
        );
    }

    #[test]
    fn every_empty_id_is_a_problem_at_its_path() {
        let found = problems(|v| {
            v["id"] = "".into();
            v["dimensions"][1]["id"] = " ".into();
            v["characteristics"][2]["id"] = "".into();
            v["questions"][3]["id"] = "".into();
            v["previous"][4]["question"] = "".into();
        });
        for line in [
            "id: the model's id is empty: write an id, which other entries, saved answers and links use to name it",
            "dimensions[1].id: the id of dimension 2 is empty: write an id, which other entries, saved answers and links use to name it",
            "characteristics[2].id: the id of characteristic 3 is empty: write an id, which other entries, saved answers and links use to name it",
            "questions[3].id: the id of question 4 is empty: write an id, which other entries, saved answers and links use to name it",
            "previous[4].question: the earlier question's id in entry 5 of \"previous\" is empty: write an id, which other entries, saved answers and links use to name it",
        ] {
            assert!(found.iter().any(|p| p == line), "{line}\nnot in {found:#?}");
        }
    }

    #[test]
    fn a_previous_entry_not_below_the_models_version_names_both_versions() {
        assert_eq!(
            problems(|v| v["previous"][0]["version"] = 3.into()),
            ["previous[0].version: the entry of \"previous\" for \"people.ds-with-de\" has version 3, which must be lower than the model's version 2: set it to the version that asked the question, or raise the model's \"version\" if this file is a new version"]
        );
        let found = problems(|v| {
            v["version"] = 0.into();
            v["previous"] = serde_json::json!([v["previous"][0].clone()]);
            v["previous"][0]["version"] = 0.into();
        });
        assert!(
            found.iter().any(|p| p.starts_with("previous[0].version: ")
                && p.contains(
                    "has version 0, but this model is version 0 and has no earlier version"
                )),
            "{found:#?}"
        );
    }

    #[test]
    fn a_level_that_no_question_starts_at_is_named() {
        let found = problems(|v| {
            for q in v["questions"].as_array_mut().unwrap() {
                if q["level"] == 3 {
                    q["level"] = 2.into();
                }
            }
        });
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("levels[3]: no question starts at level 3")),
            "{found:#?}"
        );
    }

    #[test]
    fn models_may_have_two_to_seven_levels_and_until_defaults_to_the_top() {
        // The built-in model cut to levels 0..=2: drop what lies above.
        let mut v: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        v["levels"].as_array_mut().unwrap().truncate(3);
        v["questions"]
            .as_array_mut()
            .unwrap()
            .retain(|q| q["level"].as_u64().unwrap() <= 2);
        let low: HashSet<String> = v["characteristics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["level"].as_u64().unwrap() <= 2)
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect();
        for q in v["questions"].as_array_mut().unwrap() {
            q["evidence"]
                .as_array_mut()
                .unwrap()
                .retain(|e| low.contains(e.as_str().unwrap()));
        }
        v["questions"]
            .as_array_mut()
            .unwrap()
            .retain(|q| !q["evidence"].as_array().unwrap().is_empty());
        let kept: HashSet<String> = v["questions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|q| q["evidence"].as_array().unwrap().iter())
            .map(|e| e.as_str().unwrap().to_owned())
            .collect();
        let ids: HashSet<String> = v["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap().to_owned())
            .collect();
        v["characteristics"]
            .as_array_mut()
            .unwrap()
            .retain(|c| kept.contains(c["id"].as_str().unwrap()));
        for q in v["questions"].as_array_mut().unwrap() {
            q.as_object_mut().unwrap().remove("until");
            if let Some(r) = q["requires"].as_array_mut() {
                r.retain(|r| ids.contains(r.as_str().unwrap()));
            }
        }
        v["not_asked"] = serde_json::json!([]);
        v["previous"] = serde_json::json!([]);
        v.as_object_mut().unwrap().remove("crosswalk");
        let m = Model::check(&v.to_string()).unwrap_or_else(|p| panic!("{p:#?}"));
        assert_eq!(m.top_level(), 2);
        assert!(m.questions.iter().all(|q| q.until == 2));

        v["levels"] = serde_json::json!((0..8)
            .map(
                |i| serde_json::json!({"number": i, "name": "L", "heading": "L", "highlights": []})
            )
            .collect::<Vec<_>>());
        let e = Model::check(&v.to_string()).unwrap_err();
        assert_eq!(e[0].error, ModelError::Levels);
    }

    #[test]
    fn lookups() {
        let m = builtin();
        let d = m.dimension_index("release").unwrap();
        assert_eq!(m.questions_of(d).count(), 6);
        assert_eq!(m.characteristics_at(d, 3).count(), 3);
        let q = m.question_index("creation.auto-retrain").unwrap();
        let ev: Vec<_> = m.evidence_of(q).map(|c| c.text.as_str()).collect();
        assert_eq!(
            ev,
            ["Retraining triggered automatically based on production metrics"]
        );
    }
}
