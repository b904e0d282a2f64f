//! Exports of a result, and the import of a result file.
//!
//! * **JSON result file**: the draft wire format (versioned, with the model id
//!   and version; see [`crate::draft`]) plus `"kind"`, an optional label and a
//!   `"summary"` of levels and scores for people and other tools. Importing
//!   reads it back through the draft reader, so every draft format version
//!   the app can read is also importable, and the summary is never trusted:
//!   scores are recomputed from the answers.
//! * **CSV**: one row per question (RFC 4180 quoting, formula-injection guard
//!   on free text).
//! * **Markdown**: the next steps as a task-list checklist, ready to paste
//!   into an issue or wiki.

use std::collections::BTreeMap;
use std::fmt;
use std::fmt::Write as _;

use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::answer::{Answers, Targets};
use crate::draft::{self, Draft, DraftError};
use crate::model::Model;
use crate::scoring::{assess, roadmap_of};

/// The `"kind"` of a result file.
pub const RESULT_KIND: &str = "mlops-maturity-result";

/// Writes a result file. `label` names the result (a team, a date);
/// `exported_ms` is the time of export in milliseconds since the Unix epoch.
pub fn result_json(model: &Model, draft: &Draft, label: Option<&str>, exported_ms: f64) -> String {
    let base = draft::to_json(model, draft);
    let Ok(Value::Object(mut map)) = serde_json::from_str::<Value>(&base) else {
        // to_json always writes an object; should that ever change, the
        // plain draft is still a valid, importable file.
        return base;
    };
    let assessment = assess(model, &draft.answers);
    let dimensions: Vec<Value> = assessment
        .dimensions
        .iter()
        .map(|d| {
            json!({
                "id": model.dimensions[d.dimension].id,
                "name": model.dimensions[d.dimension].name,
                "assessed": d.assessed,
                "level": d.level,
                "score": round2(d.score),
            })
        })
        .collect();
    map.insert("kind".into(), RESULT_KIND.into());
    if let Some(label) = label.filter(|l| !l.trim().is_empty()) {
        map.insert("label".into(), label.into());
    }
    map.insert("exported_ms".into(), json!(exported_ms));
    let mut summary = Map::new();
    summary.insert("overall_level".into(), json!(assessment.overall.level));
    summary.insert(
        "overall_score".into(),
        json!(assessment.overall.score.map(round2)),
    );
    summary.insert("dimensions".into(), Value::Array(dimensions));
    map.insert("summary".into(), Value::Object(summary));
    serde_json::to_string_pretty(&Value::Object(map)).unwrap_or(base)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A result file read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub draft: Draft,
    pub label: Option<String>,
    /// Question or dimension ids the file has and this model does not.
    pub dropped: Vec<String>,
}

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file is JSON, but of another kind (its `"kind"` is given).
    WrongKind(String),
    /// The file could not be read as a result or draft.
    Draft(DraftError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::WrongKind(kind) => write!(
                f,
                "This file is a {kind:?} file, not an MLOps maturity result. Choose a .json file exported from this app's results page."
            ),
            ImportError::Draft(e) => write!(f, "This file can't be imported: {e}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a result file (or a bare draft file).
///
/// # Errors
/// [`ImportError::WrongKind`] for JSON of another kind, otherwise the draft
/// reader's error: not JSON, too large, a newer format or model, another
/// model, an invalid answer.
pub fn import_result(model: &Model, text: &str) -> Result<Imported, ImportError> {
    #[derive(Deserialize)]
    struct Peek {
        #[serde(default)]
        kind: Option<Value>,
        #[serde(default)]
        label: Option<Value>,
    }
    let peek: Option<Peek> = if text.len() <= draft::MAX_DRAFT_BYTES {
        serde_json::from_str(text).ok()
    } else {
        None
    };
    let mut label = None;
    if let Some(peek) = peek {
        match peek.kind {
            None => {}
            Some(Value::String(k)) if k == RESULT_KIND => {}
            Some(Value::String(k)) => {
                return Err(ImportError::WrongKind(k.chars().take(60).collect()))
            }
            Some(other) => {
                return Err(ImportError::WrongKind(
                    other.to_string().chars().take(60).collect(),
                ))
            }
        }
        label = match peek.label {
            Some(Value::String(l)) if !l.trim().is_empty() => Some(l),
            _ => None,
        };
    }
    let loaded = draft::from_json(model, text).map_err(ImportError::Draft)?;
    Ok(Imported {
        draft: loaded.draft,
        label,
        dropped: loaded.dropped,
    })
}

/// Reads a result file with the questionnaire version it was made with:
/// `earlier` gives the model of an earlier version, if this build has it;
/// otherwise (and for the current version) the file is read with `current`,
/// which carries an earlier version's answers over (see [`crate::draft`]).
/// Team views use this to compare like with like.
///
/// # Errors
/// As [`import_result`].
pub fn import_result_as_made<'m>(
    current: &'m Model,
    earlier: impl Fn(u8) -> Option<&'m Model>,
    text: &str,
) -> Result<(&'m Model, Imported), ImportError> {
    #[derive(Deserialize)]
    struct ModelRef {
        version: u8,
    }
    #[derive(Deserialize)]
    struct Peek {
        model: ModelRef,
    }
    let version = if text.len() <= draft::MAX_DRAFT_BYTES {
        serde_json::from_str::<Peek>(text)
            .ok()
            .map(|p| p.model.version)
    } else {
        None
    };
    let model = version
        .filter(|v| *v < current.version)
        .and_then(&earlier)
        .filter(|m| m.id == current.id)
        .unwrap_or(current);
    import_result(model, text).map(|imported| (model, imported))
}

/// One row per question: `dimension,level,question_id,question,answer,note,scope`.
/// The scope (which team and models; may be empty) repeats on every row, so
/// that several teams' files can be stacked into one sheet and filtered.
pub fn csv(
    model: &Model,
    answers: &Answers,
    notes: &BTreeMap<usize, String>,
    scope: &str,
) -> String {
    let mut out = String::from("dimension,level,question_id,question,answer,note,scope\r\n");
    for (q, question) in model.questions.iter().enumerate() {
        let dimension = model
            .dimension_index(&question.dimension)
            .map_or("", |d| model.dimensions[d].name.as_str());
        let note = notes.get(&q).map_or("", String::as_str);
        let fields = [
            csv_field(dimension),
            question.level.to_string(),
            csv_field(&question.id),
            csv_field(&question.text),
            csv_field(answers.get(q).label()),
            csv_field(note),
            csv_field(scope),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a field when needed (RFC 4180), and defuses text that a
/// spreadsheet would run as a formula by prefixing an apostrophe.
fn csv_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The next steps as a Markdown task list, grouped by the level they lead
/// to, each with the model statements behind it. Stops at the targets when
/// given.
pub fn markdown_checklist(
    model: &Model,
    answers: &Answers,
    targets: Option<&Targets>,
    scope: &str,
) -> String {
    let assessment = assess(model, answers);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# {}: next steps\n", model.subject());
    if !scope.trim().is_empty() {
        let _ = writeln!(w, "Scope: {}\n", scope.trim());
    }
    match (assessment.overall.level, assessment.overall.score) {
        (Some(level), Some(score)) => {
            let _ = writeln!(
                w,
                "Overall level {level} ({score:.1} of {}). By dimension:\n",
                model.top_level()
            );
        }
        _ => {
            let _ = writeln!(w, "No dimension was assessed.\n");
        }
    }
    for d in &assessment.dimensions {
        let name = &model.dimensions[d.dimension].name;
        let target = targets
            .and_then(|t| t.get(d.dimension))
            .map(|t| format!(", target {t}"))
            .unwrap_or_default();
        if d.assessed {
            let _ = writeln!(w, "- {name}: level {} ({:.1}){target}", d.level, d.score);
        } else {
            let _ = writeln!(w, "- {name}: not assessed{target}");
        }
    }
    let steps = roadmap_of(model, &assessment, answers, targets);
    if steps.is_empty() {
        let _ = writeln!(
            w,
            "\nNothing left to do{}.",
            if targets.is_some_and(Targets::any) {
                " up to the targets"
            } else {
                ""
            }
        );
        return out;
    }
    let mut current = None;
    for step in steps {
        if current != Some(step.level) {
            current = Some(step.level);
            let _ = writeln!(
                w,
                "\n## Toward level {}: {}\n",
                step.level,
                model.levels[usize::from(step.level)].name
            );
        }
        let question = &model.questions[step.question];
        let _ = writeln!(
            w,
            "- [ ] **{}**: {} (now: {})",
            model.dimensions[step.dimension].name,
            question.action,
            step.answer.label()
        );
        if !question.done_when.is_empty() {
            let _ = writeln!(w, "  - Done when: {}", question.done_when);
            let _ = writeln!(w, "  - Why: {}", question.why);
        }
        for c in model.evidence_of(step.question) {
            let _ = writeln!(w, "  - Model, level {}: \"{}\"", c.level, c.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_guarded() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
    }
}
