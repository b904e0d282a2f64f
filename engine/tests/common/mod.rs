//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

pub mod seed;

use maturity_engine::{Answer, Answers, Model};
use std::path::{Path, PathBuf};

/// A path of the repository (the engine's parent directory).
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// Fails unless the committed file at `path` (in the repository) is
/// `rendered`; with `UPDATE_DOCS` set, writes it first. `test` names the
/// test binary that regenerates it.
pub fn assert_generated(path: &str, rendered: &str, test: &str) {
    let file = repo(path);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&file, rendered).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == rendered,
        "{path} is out of date: run UPDATE_DOCS=1 cargo test -p maturity-engine --test {test}"
    );
}

/// Validates `instance` against the JSON Schema `schema`; the error as text.
pub fn schema_check(schema: &str, instance: &serde_json::Value) -> Result<(), String> {
    let schema: serde_json::Value = serde_json::from_str(schema).unwrap();
    let url = "https://maturity.invalid/model.schema.json";
    let mut compiler = boon::Compiler::new();
    compiler.add_resource(url, schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile(url, &mut schemas).unwrap();
    schemas
        .validate(instance, index)
        .map_err(|e| format!("{e:#}"))
}

/// One letter per answer: `N` No, `P` Partially, `M` Mostly, `F` Fully,
/// `?` Don't know, `x` Not applicable, `_` not answered.
pub fn letter(c: char) -> Answer {
    match c {
        'N' => Answer::No,
        'P' => Answer::Partially,
        'M' => Answer::Mostly,
        'F' => Answer::Fully,
        '?' => Answer::DontKnow,
        'x' => Answer::NotApplicable,
        '_' => Answer::Unanswered,
        other => panic!("unknown answer letter {other:?}"),
    }
}

/// Builds answers from `(dimension id, letters)` rows; letters are in
/// questionnaire order within the dimension; unlisted dimensions stay unanswered.
pub fn answers(model: &Model, rows: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new(model);
    for (dim, letters) in rows {
        let d = model
            .dimension_index(dim)
            .unwrap_or_else(|| panic!("no dimension {dim}"));
        let qs: Vec<usize> = model.questions_of(d).collect();
        let ls: Vec<Answer> = letters
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(letter)
            .collect();
        assert_eq!(
            qs.len(),
            ls.len(),
            "{dim}: {} questions, {} letters",
            qs.len(),
            ls.len()
        );
        for (q, l) in qs.into_iter().zip(ls) {
            a.set(q, l);
        }
    }
    a
}

/// Every question answered the same way.
pub fn all(model: &Model, answer: Answer) -> Answers {
    Answers::from_vec(vec![answer; model.questions.len()])
}
