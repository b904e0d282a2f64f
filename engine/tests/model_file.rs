//! Model files as a feature: the JSON Schema derived from the engine's types
//! (docs/model.schema.json), the `model-check` command, and a model other
//! than the built-in one (`models/example-small.json`: 3 dimensions, levels
//! 0 to 3, 12 questions) scored exactly as the model says.

mod common;

use common::repo;
use maturity_engine::model::BUILTIN_JSON;
use maturity_engine::{assess, link, Answer, Answers, Model, Targets};
use std::path::PathBuf;
use std::process::Command;

fn small() -> Model {
    let text = std::fs::read_to_string(repo("models/example-small.json")).unwrap();
    Model::check(&text).unwrap_or_else(|p| panic!("{p:#?}"))
}

#[test]
fn schema_doc_is_current() {
    common::assert_generated("docs/model.schema.json", &Model::schema(), "model_file");
}

/// Validates `instance` against the derived schema; the error as text.
fn schema_check(instance: &serde_json::Value) -> Result<(), String> {
    common::schema_check(&Model::schema(), instance)
}

#[test]
fn the_schema_accepts_every_valid_model_and_rejects_wrong_shapes() {
    for text in [
        BUILTIN_JSON.to_owned(),
        std::fs::read_to_string(repo("models/example-small.json")).unwrap(),
    ] {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        schema_check(&v).unwrap();
    }
    let mut v: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    v["questions"][0]["level"] = "two".into();
    let e = schema_check(&v).unwrap_err();
    assert!(e.contains("/questions/0/level"), "{e}");
    let mut v: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    v.as_object_mut().unwrap().remove("dimensions");
    assert!(schema_check(&v).unwrap_err().contains("dimensions"));
    v["dimensions"] = serde_json::json!([]);
    assert!(schema_check(&v).is_err(), "no dimension");
}

#[test]
fn the_schemas_limits_are_the_engines() {
    use maturity_engine::model::{MAX_DIMENSIONS, MAX_LEVELS, MAX_QUESTIONS, MIN_LEVELS};
    let schema: serde_json::Value = serde_json::from_str(&Model::schema()).unwrap();
    let at = |pointer: &str| {
        schema
            .pointer(pointer)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or_else(|| panic!("no {pointer} in the schema"))
    };
    let top = MAX_LEVELS as u64 - 1;
    for (pointer, want) in [
        ("/properties/levels/minItems", MIN_LEVELS as u64),
        ("/properties/levels/maxItems", MAX_LEVELS as u64),
        ("/properties/dimensions/maxItems", MAX_DIMENSIONS as u64),
        ("/properties/questions/maxItems", MAX_QUESTIONS as u64),
        ("/$defs/Question/properties/level/maximum", top),
        ("/$defs/Question/properties/until/maximum", top),
        ("/$defs/Characteristic/properties/level/maximum", top),
    ] {
        assert_eq!(at(pointer), want, "{pointer}");
    }
}

fn model_check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_model-check"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("model-check-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn model_check_summarises_a_valid_model_and_writes_its_questionnaire() {
    let dir = temp_dir("valid");
    let doc = dir.join("small.md");
    let file = repo("models/example-small.json");
    let (code, out, err) = model_check(&[file.to_str().unwrap(), "--doc", doc.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("ML governance maturity (example): valid"),
        "{out}"
    );
    assert!(
        out.contains("Levels: 0 Ad hoc, 1 Repeatable, 2 Managed, 3 Governed"),
        "{out}"
    );
    assert!(out.contains("3 dimensions, 12 questions"), "{out}");
    assert!(
        out.contains("  Release: 4 questions (L1 1, L2 2, L3 1)"),
        "{out}"
    );
    let written = std::fs::read_to_string(&doc).unwrap();
    assert!(
        written.contains("| dimension | L1 | L2 | L3 | questions |"),
        "{written}"
    );
    assert!(written.contains("#### `data.consent`: Consent and approved uses"));
    assert!(
        written.contains("- **Level:** required at level 1 only."),
        "release.checklist stops at 1"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn model_check_lists_every_problem_with_its_path_and_fails() {
    let dir = temp_dir("broken");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo("models/example-small.json")).unwrap())
            .unwrap();
    v["questions"][1]["id"] = v["questions"][0]["id"].clone();
    v["questions"][2]["requires"] = serde_json::json!(["data.consent"]);
    v["questions"][4]["dimension"] = "nowhere".into();
    v["questions"][6]["text"] = "".into();
    v["dimensions"][2]["name"] = "".into();
    let file = dir.join("broken.json");
    std::fs::write(&file, v.to_string()).unwrap();
    let (code, out, err) = model_check(&[file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.is_empty(), "no summary for a broken model: {out}");
    for line in [
        "questions[1].id: two questions share the id \"data.described\" (questions[0] and questions[1]): give each question its own id",
        "questions[4].dimension: \"release.checklist\" names the dimension \"nowhere\"",
        "questions[6].text: the text of question \"release.tests\" is empty",
        "dimensions[2].name: the name of dimension \"oversight\" is empty",
        "these prerequisites go round in a circle: data.pipeline → data.consent → data.pipeline. Remove one of them from \"requires\"",
    ] {
        assert!(err.contains(line), "{line:?} missing from:\n{err}");
    }
    assert!(err.starts_with(&format!("{}: ", file.display())), "{err}");
    assert!(!file.with_extension("questionnaire.md").exists());

    std::fs::write(&file, "{\"id\": \"x\", ").unwrap();
    let (code, _, err) = model_check(&[file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("1 problem:\n  this is not a model file: EOF"),
        "{err}"
    );

    let (code, _, err) = model_check(&[dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be read"), "{err}");
    let (code, _, err) = model_check(&[]);
    assert_eq!((code, err.starts_with("usage:")), (2, true));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn model_check_prints_the_schema() {
    let (code, out, _) = model_check(&["--schema"]);
    assert_eq!(code, 0);
    assert_eq!(out, Model::schema());
}

#[test]
fn a_team_exactly_at_each_level_of_a_three_level_model_is_told_that_level() {
    let m = small();
    assert_eq!(
        (m.top_level(), m.dimensions.len(), m.questions.len()),
        (3, 3, 12)
    );
    for level in 0..=m.top_level() {
        let mut answers = Answers::new(&m);
        for (i, q) in m.questions.iter().enumerate() {
            let a = if q.required_at(level) {
                Answer::Fully
            } else {
                Answer::No
            };
            answers.set(i, a);
        }
        let a = assess(&m, &answers);
        assert_eq!(a.overall.level, Some(level), "a team at level {level}");
        for d in &a.dimensions {
            assert_eq!(
                d.level, level,
                "{} at level {level}",
                m.dimensions[d.dimension].name
            );
        }
    }
}

#[test]
fn links_of_a_three_level_model_carry_its_targets_and_refuse_a_fourth_level() {
    let m = small();
    let mut answers = Answers::new(&m);
    answers.set(0, Answer::Mostly);
    let mut targets = Targets::new(&m);
    targets.set(1, Some(3));
    targets.set(2, Some(6));
    let payload = link::encode(&m, &answers, &targets);
    let back = link::decode(&m, &payload).unwrap();
    assert_eq!(back.targets.get(1), Some(3));
    assert_eq!(back.targets.get(2), Some(3), "clamped to the top level");
    assert_eq!(back.answers.get(0), Answer::Mostly);
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    use std::process::Stdio;
    // `model-check --schema | head -1`: the pipe closes before the schema
    // is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_model-check"))
        .arg("--schema")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}
