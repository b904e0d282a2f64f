//! The models a site is built with (`MODELS=…`): each file checked as
//! `model-check` checks it, and against the built-in model and each other.

mod common;

use maturity_engine::site::{check_site, parse_list, SiteError};
use maturity_engine::{builtin, Model};

fn file(path: &str) -> (String, String) {
    let text = std::fs::read_to_string(common::repo(path)).unwrap();
    (path.to_owned(), text)
}

/// The example model with its id and code replaced.
fn example_as(id: &str, code: u8) -> (String, String) {
    let (_, text) = file("models/example-small.json");
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["id"] = id.into();
    v["code"] = code.into();
    (format!("models/{id}.json"), v.to_string())
}

#[test]
fn a_valid_file_gives_what_the_start_page_offers() {
    let entries = check_site(builtin(), &[file("models/example-small.json")]).unwrap();
    let example = Model::check(&file("models/example-small.json").1).unwrap();
    assert_eq!(entries.len(), 1);
    let e = &entries[0];
    assert_eq!(e.id, "example-ml-governance");
    assert_eq!(e.title, example.title);
    assert_eq!((e.code, e.version), (2, example.version));
    assert_eq!(e.file, "models/example-ml-governance.json");
    assert_eq!((e.dimensions, e.questions, e.levels), (3, 12, 4));
}

#[test]
fn entries_keep_the_order_listed() {
    let entries = check_site(
        builtin(),
        &[example_as("b-model", 9), example_as("a-model", 3)],
    )
    .unwrap();
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["b-model", "a-model"]);
}

#[test]
fn the_built_in_models_id_and_code_are_taken() {
    let errors =
        check_site(builtin(), &[file("engine/data/mlops-maturity-model.json")]).unwrap_err();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{text:#?}");
    assert!(matches!(&errors[0], SiteError::SameId { other, .. } if other.contains("built-in")));
    assert!(matches!(&errors[1], SiteError::SameCode { code, .. } if *code == builtin().code));
    assert!(
        text[1].contains("a share link names its model by code"),
        "{}",
        text[1]
    );
}

#[test]
fn two_files_may_not_share_an_id_or_a_code() {
    let errors = check_site(
        builtin(),
        &[
            example_as("one", 7),
            example_as("one", 8),
            example_as("two", 7),
        ],
    )
    .unwrap_err();
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "models/one.json: the id \"one\" is also models/one.json's: give each model of the site its own id",
            "models/two.json: the code 7 is also models/one.json's, and a share link names its model by code: give this model another code (1 to 255)",
        ]
    );
}

#[test]
fn an_invalid_file_lists_its_problems_and_how_to_see_them() {
    let (_, text) = file("models/example-small.json");
    let broken = text.replacen("\"levels\"", "\"levelz\"", 1);
    let errors = check_site(
        builtin(),
        &[("models/broken.json".to_owned(), broken.clone())],
    )
    .unwrap_err();
    let problems = Model::check(&broken).unwrap_err();
    match &errors[..] {
        [SiteError::Invalid {
            file,
            problems: listed,
        }] => {
            assert_eq!(file, "models/broken.json");
            let expected: Vec<String> = problems.iter().map(ToString::to_string).collect();
            assert_eq!(listed, &expected);
        }
        other => panic!("expected one Invalid, got {other:?}"),
    }
    let message = errors[0].to_string();
    assert!(
        message.starts_with("models/broken.json is not a valid model file")
            && message.contains("--bin model-check -- models/broken.json"),
        "{message}"
    );
}

#[test]
fn an_id_must_be_a_file_name() {
    for bad in ["a/b", "../up", ".hidden", "with space", "é"] {
        let errors = check_site(builtin(), &[example_as(bad, 9)]).unwrap_err();
        assert!(
            matches!(&errors[..], [SiteError::BadId { id, .. }] if id == bad),
            "{bad}: {errors:?}"
        );
    }
    assert!(check_site(builtin(), &[example_as("ok_1.2-x", 9)]).is_ok());
}

#[test]
fn the_setting_is_a_comma_separated_list() {
    assert_eq!(parse_list(""), Vec::<String>::new());
    assert_eq!(parse_list(" a.json , ,b.json,"), ["a.json", "b.json"]);
}
