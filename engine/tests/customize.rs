//! The examples of docs/CUSTOMIZE.md, checked against the engine: complete
//! models are valid, fragments and changes fit the page's minimal model,
//! broken examples print exactly the problems shown, excerpts are from
//! `models/example-small.json`, and `model-check`'s output and the scores
//! shown are what the engine gives. The convention is explained in an HTML
//! comment at the top of the page. Also: every field of the model file's
//! JSON Schema is named on the page, and the limits it states are the
//! engine's.

mod common;

use common::{letter, repo};
use maturity_engine::model::{MAX_DIMENSIONS, MAX_LEVELS, MAX_QUESTIONS, MIN_LEVELS};
use maturity_engine::{assess, Answers, Model};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;
use std::process::Command;

const DOC: &str = include_str!("../../docs/CUSTOMIZE.md");
const SCHEMA: &str = include_str!("../../docs/model.schema.json");
const SMALL: &str = include_str!("../../models/example-small.json");

/// A fenced code block of the page.
struct Block {
    /// The info string after the opening fence, e.g. `json broken`.
    info: String,
    body: String,
    /// Line of the opening fence (1-based), for messages.
    line: usize,
}

fn blocks() -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = DOC.lines().enumerate();
    while let Some((n, line)) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut body = String::new();
        let mut closed = false;
        for (_, l) in lines.by_ref() {
            if l == "```" {
                closed = true;
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        assert!(closed, "CUSTOMIZE.md:{}: block not closed", n + 1);
        out.push(Block {
            info: info.trim().to_owned(),
            body,
            line: n + 1,
        });
    }
    out
}

fn of_kind(info: &str) -> Vec<Block> {
    blocks().into_iter().filter(|b| b.info == info).collect()
}

/// The lists a one-item fragment may go into: its kind, the list, and the
/// field that says which item it replaces.
const FRAGMENTS: [(&str, &str, &str); 5] = [
    ("json level", "levels", "number"),
    ("json dimension", "dimensions", "id"),
    ("json characteristic", "characteristics", "id"),
    ("json question", "questions", "id"),
    ("json not_asked", "not_asked", "characteristic"),
];

const OTHER_JSON: [&str; 4] = ["json model", "json change", "json broken", "json excerpt"];

fn parse(b: &Block) -> Value {
    serde_json::from_str(&b.body)
        .unwrap_or_else(|e| panic!("CUSTOMIZE.md:{}: not JSON: {e}", b.line))
}

/// The page's first complete model: the one the other examples change.
fn minimal() -> Value {
    let models = of_kind("json model");
    parse(models.first().expect("a complete model on the page"))
}

/// Every problem `model-check` prints for `model`, one line each.
fn problems(model: &Value) -> Vec<String> {
    match Model::check(&model.to_string()) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    }
}

/// A change: JSON paths and their values, in the order written.
struct Change(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Change, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Change;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of JSON paths and values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Change, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    entries.push(entry);
                }
                Ok(Change(entries))
            }
        }
        d.deserialize_map(Entries)
    }
}

enum Step {
    Key(String),
    Index(usize),
}

/// `questions[1].until` as `questions`, `1`, `until`.
fn steps(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, indexes) = part.split_once('[').unwrap_or((part, ""));
        assert!(!key.is_empty(), "path {path:?}");
        steps.push(Step::Key(key.to_owned()));
        if !indexes.is_empty() {
            for i in indexes.trim_end_matches(']').split("][") {
                steps.push(Step::Index(i.parse().expect("an index")));
            }
        }
    }
    steps
}

/// Puts `value` at `path`: a key is set, an index replaces that item, one
/// past the end adds an item, and `null` at an index removes the item.
fn set(model: &mut Value, path: &str, value: Value) {
    let steps = steps(path);
    let (last, parents) = steps.split_last().expect("a path");
    let mut at = model;
    for step in parents {
        at = match step {
            Step::Key(k) => at.get_mut(k),
            Step::Index(i) => at.get_mut(*i),
        }
        .unwrap_or_else(|| panic!("{path}: the model has nothing there"));
    }
    match last {
        Step::Key(k) => {
            at.as_object_mut()
                .unwrap_or_else(|| panic!("{path}: not in an object"))
                .insert(k.clone(), value);
        }
        Step::Index(i) => {
            let list = at
                .as_array_mut()
                .unwrap_or_else(|| panic!("{path}: not in a list"));
            let i = *i;
            match (value.is_null(), i.cmp(&list.len())) {
                (true, std::cmp::Ordering::Less) => {
                    list.remove(i);
                }
                (false, std::cmp::Ordering::Less) => list[i] = value,
                (false, std::cmp::Ordering::Equal) => list.push(value),
                _ => panic!("{path}: no item {i} in a list of {}", list.len()),
            }
        }
    }
}

/// The minimal model with a `json change` or `json broken` block applied.
fn changed(b: &Block) -> Value {
    let change: Change = serde_json::from_str(&b.body)
        .unwrap_or_else(|e| panic!("CUSTOMIZE.md:{}: not a change: {e}", b.line));
    let mut model = minimal();
    for (path, value) in change.0 {
        set(&mut model, &path, value);
    }
    model
}

#[test]
fn every_json_block_is_tested() {
    let all = blocks();
    for b in &all {
        if b.info.starts_with("json") {
            assert!(
                OTHER_JSON.contains(&b.info.as_str())
                    || FRAGMENTS.iter().any(|(k, _, _)| *k == b.info),
                "CUSTOMIZE.md:{}: {:?} is not a tested kind of block",
                b.line,
                b.info
            );
        }
    }
    let count = |info: &str| all.iter().filter(|b| b.info == info).count();
    assert!(count("json model") >= 1);
    for (kind, _, _) in FRAGMENTS {
        assert!(count(kind) >= 1, "no {kind} example");
    }
    for kind in ["json change", "json broken", "json excerpt", "scores"] {
        assert!(count(kind) >= 2, "too few {kind} examples");
    }
    assert_eq!(count("text model-check"), 1);
}

/// Validates `instance` against docs/model.schema.json; the error as text.
fn schema_check(instance: &Value) -> Result<(), String> {
    common::schema_check(SCHEMA, instance)
}

#[test]
fn complete_models_are_valid() {
    for b in of_kind("json model") {
        if let Err(p) = Model::check(&b.body) {
            panic!("CUSTOMIZE.md:{}: {p:#?}", b.line);
        }
        let v = parse(&b);
        if let Err(e) = schema_check(&v) {
            panic!("CUSTOMIZE.md:{}: not valid by the schema: {e}", b.line);
        }
    }
}

#[test]
fn fragments_fit_the_minimal_model() {
    for (kind, list, key) in FRAGMENTS {
        for b in of_kind(kind) {
            let item = parse(&b);
            let mut model = minimal();
            let items = model[list]
                .as_array_mut()
                .unwrap_or_else(|| panic!("the minimal model has no {list}"));
            match items.iter().position(|i| i[key] == item[key]) {
                Some(i) => items[i] = item,
                None => items.push(item),
            }
            let found = problems(&model);
            assert!(found.is_empty(), "CUSTOMIZE.md:{}: {found:#?}", b.line);
        }
    }
}

#[test]
fn changes_leave_the_minimal_model_valid() {
    for b in of_kind("json change") {
        let model = changed(&b);
        let found = problems(&model);
        assert!(found.is_empty(), "CUSTOMIZE.md:{}: {found:#?}", b.line);
        schema_check(&model).unwrap_or_else(|e| panic!("CUSTOMIZE.md:{}: {e}", b.line));
    }
}

#[test]
fn broken_examples_print_exactly_the_problems_shown() {
    let all = blocks();
    let mut shown = Vec::new();
    for (i, b) in all.iter().enumerate() {
        if b.info != "json broken" {
            continue;
        }
        let text = all
            .get(i + 1)
            .filter(|t| t.info == "text")
            .unwrap_or_else(|| {
                panic!(
                    "CUSTOMIZE.md:{}: a broken example is followed by a text block",
                    b.line
                )
            });
        let want: Vec<&str> = text.body.lines().collect();
        let found = problems(&changed(b));
        assert_eq!(
            found,
            want,
            "CUSTOMIZE.md:{}: model-check prints:\n{}",
            b.line,
            found.join("\n")
        );
        shown.extend(found);
    }
    // The page shows at least these kinds of problem.
    for kind in [
        "two questions share the id",
        "which the model does not have: use one of the ids under \"dimensions\"",
        "go round in a circle",
        "no question starts at level",
        "which is below its level or above the top level",
        "which must be lower than the model's version",
    ] {
        assert!(
            shown.iter().any(|p| p.contains(kind)),
            "no broken example shows {kind:?}"
        );
    }
}

#[test]
fn the_shape_error_shown_is_what_check_prints() {
    // The page's example: the minimal model, as written there, with its
    // second question's `action` line deleted.
    let model = &of_kind("json model")[0].body;
    let second_action = model
        .lines()
        .filter(|l| l.trim_start().starts_with("\"action\":"))
        .nth(1)
        .unwrap();
    let without: String = model
        .lines()
        .filter(|l| *l != second_action)
        .map(|l| format!("{l}\n"))
        .collect();
    let found = Model::check(&without).unwrap_err();
    assert_eq!(found.len(), 1, "{found:#?}");
    let line = format!("``{}``", found[0]);
    assert!(
        DOC.contains(&line),
        "CUSTOMIZE.md should show {line} for a second question without `action`"
    );
}

#[test]
fn excerpts_are_from_example_small() {
    let small: Value = serde_json::from_str(SMALL).unwrap();
    let lists = [
        "levels",
        "dimensions",
        "characteristics",
        "questions",
        "not_asked",
    ];
    for b in of_kind("json excerpt") {
        let excerpt = parse(&b);
        let an_item = lists
            .iter()
            .filter_map(|l| small[*l].as_array())
            .any(|items| items.contains(&excerpt));
        let top_fields = excerpt
            .as_object()
            .unwrap()
            .iter()
            .all(|(k, v)| small.get(k) == Some(v));
        assert!(
            an_item || top_fields,
            "CUSTOMIZE.md:{}: not in models/example-small.json",
            b.line
        );
    }
}

#[test]
fn model_check_prints_what_the_page_shows() {
    let dir = std::env::temp_dir().join(format!("customize-md-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("example-small.questionnaire.md");
    let out = Command::new(env!("CARGO_BIN_EXE_model-check"))
        .current_dir(repo(""))
        .args(["models/example-small.json", "--doc", doc.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let printed = String::from_utf8(out.stdout).unwrap().replace(
        doc.to_str().unwrap(),
        "models/example-small.questionnaire.md",
    );
    assert_eq!(printed, of_kind("text model-check")[0].body);
    std::fs::remove_dir_all(dir).unwrap();
}

/// A level and a score with two decimals, as the page writes them.
fn level_and_score(level: u8, score: f64) -> String {
    format!("{level} {score:.2}")
}

#[test]
fn scores_shown_for_example_small_hold() {
    let model = Model::check(SMALL).unwrap();
    for b in of_kind("scores") {
        let mut answers = Answers::new(&model);
        let mut want = Vec::new();
        for row in b.body.lines() {
            let (left, right) = row.split_once("=>").expect("a row has =>");
            let mut words = left.split_whitespace();
            let name = words.next().expect("a dimension id or overall");
            if name != "overall" {
                let d = model
                    .dimension_index(name)
                    .unwrap_or_else(|| panic!("no dimension {name:?}"));
                let letters: Vec<char> = words.flat_map(str::chars).collect();
                let questions: Vec<usize> = model.questions_of(d).collect();
                assert_eq!(letters.len(), questions.len(), "{name}: one letter each");
                for (q, l) in questions.into_iter().zip(letters) {
                    answers.set(q, letter(l));
                }
            }
            want.push((name.to_owned(), right.trim().to_owned()));
        }
        let result = assess(&model, &answers);
        let found: Vec<(String, String)> = want
            .iter()
            .map(|(name, _)| {
                let got = if name == "overall" {
                    level_and_score(result.overall.level.unwrap(), result.overall.score.unwrap())
                } else {
                    let d = &result.dimensions[model.dimension_index(name).unwrap()];
                    level_and_score(d.level, d.score)
                };
                (name.clone(), got)
            })
            .collect();
        assert_eq!(found, want, "CUSTOMIZE.md:{}", b.line);
    }
}

#[test]
fn every_field_of_the_schema_is_documented() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut names: Vec<String> = Vec::new();
    let mut add_properties = |s: &Value| {
        if let Some(p) = s["properties"].as_object() {
            names.extend(p.keys().cloned());
        }
        // Enumerated words ("rows", "same", ..).
        if let Some(choices) = s["oneOf"].as_array() {
            names.extend(
                choices
                    .iter()
                    .filter_map(|c| c["const"].as_str())
                    .map(str::to_owned),
            );
        }
    };
    add_properties(&schema);
    for def in schema["$defs"].as_object().unwrap().values() {
        add_properties(def);
    }
    assert!(names.len() > 40, "{names:?}");
    let missing: Vec<&String> = names
        .iter()
        .filter(|n| !DOC.contains(&format!("`{n}`")) && !DOC.contains(&format!("`\"{n}\"`")))
        .collect();
    assert!(
        missing.is_empty(),
        "CUSTOMIZE.md does not name these fields as `name`: {missing:?}"
    );
}

#[test]
fn the_limits_stated_are_the_engines() {
    let limits = [
        ("levels", MIN_LEVELS, MAX_LEVELS),
        ("dimensions", 1, MAX_DIMENSIONS),
        ("questions", 1, MAX_QUESTIONS),
    ];
    for (what, least, most) in limits {
        let limit = format!("{least} to {most} {what}");
        assert!(DOC.contains(&limit), "CUSTOMIZE.md should say {limit:?}");
    }
    // And no "N to M levels" (dimensions, questions) says otherwise.
    let words: Vec<&str> = DOC.split_whitespace().collect();
    for w in words.windows(4) {
        let [a, "to", b, what] = w else { continue };
        let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else {
            continue;
        };
        for (kind, least, most) in limits {
            if what.trim_end_matches([',', '.', ':']) == kind {
                assert_eq!((a, b), (least, most), "CUSTOMIZE.md: {}", w.join(" "));
            }
        }
    }
}

#[test]
fn the_problem_quoted_in_the_workflow_is_one_shown() {
    // "Checking a file" quotes the start of a problem line.
    let quoted = "`questions[1].until: question \"data.pipeline\" has until 1, …`";
    assert!(DOC.contains(quoted));
    let start = quoted.trim_matches('`').trim_end_matches(", …");
    let shown = of_kind("text");
    assert!(
        shown
            .iter()
            .any(|t| t.body.lines().any(|l| l.starts_with(start))),
        "no broken example prints {start:?}"
    );
}

#[test]
fn unknown_fields_are_problems_as_the_page_says() {
    // `$schema` is accepted (the minimal model has one) ...
    let mut model = minimal();
    assert!(model.get("$schema").is_some());
    Model::check(&model.to_string()).unwrap();
    // ... but a misspelt field is a problem at its path.
    let question = model["questions"][1].as_object_mut().unwrap();
    let requires = question.remove("requires").unwrap();
    question.insert("requirs".into(), requires);
    let problems = Model::check(&model.to_string()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "questions[1].requirs");
    let said = problems[0].error.to_string();
    assert!(
        said.contains("unknown field `requirs`, expected one of"),
        "{said}"
    );
    assert!(DOC.contains("`requirs`"));
    // The same at the top level, and in a level.
    let mut model = minimal();
    model["titel"] = "x".into();
    assert_eq!(
        Model::check(&model.to_string()).unwrap_err()[0].path,
        "titel"
    );
    let mut model = minimal();
    model["levels"][0]["colour"] = "red".into();
    assert_eq!(
        Model::check(&model.to_string()).unwrap_err()[0].path,
        "levels[0].colour"
    );
}

#[test]
fn absent_scoring_is_staged_and_the_page_says_so() {
    let mut model = minimal();
    model.as_object_mut().unwrap().remove("scoring");
    let m = Model::check(&model.to_string()).unwrap();
    assert_eq!(m.scoring, maturity_engine::Rule::Staged);
    assert!(DOC.contains("| `scoring` | no, `\"staged\"` |"));
}
