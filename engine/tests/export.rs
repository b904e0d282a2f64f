//! Result file export/import, CSV and Markdown checklist.

mod common;

use common::{all, answers};
use maturity_engine::export::{
    csv, import_result, import_result_as_made, markdown_checklist, result_json, ImportError,
};
use maturity_engine::{builtin, builtin_version, roadmap, Answer, Draft, DraftError, Targets};

fn sample_draft() -> Draft {
    let model = builtin();
    let mut d = Draft::new(model, 1_790_000_000_000.0);
    d.answers = answers(
        model,
        &[
            ("people", "F P ? x"),
            ("creation", "F F F F F N"),
            ("release", "F M F N N _"),
            ("integration", "N F N N N N"),
            ("technology", "F F F F F N N N"),
        ],
    );
    d.scope = "Payments: fraud and credit-risk models".into();
    d.notes.insert(
        0,
        "Since the reorg, \"mostly\" — see <b>wiki</b>,\nline two".into(),
    );
    d.notes.insert(5, "=cmd|' /C calc'!A0".into());
    d.targets.set(0, Some(3));
    d.targets.set(3, Some(2));
    d.updated_ms = 1_790_000_360_000.0;
    d
}

#[test]
fn result_file_round_trips_and_carries_model_and_summary() {
    let model = builtin();
    let draft = sample_draft();
    let text = result_json(model, &draft, Some("Team Blue, Q3"), 1_790_000_400_000.0);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["kind"], "mlops-maturity-result");
    assert_eq!(v["format"], 2);
    assert_eq!(v["model"]["id"], "mlops-maturity-model");
    assert_eq!(v["model"]["version"], 2);
    assert_eq!(v["scope"], "Payments: fraud and credit-risk models");
    assert_eq!(v["label"], "Team Blue, Q3");
    assert_eq!(v["summary"]["overall_level"], 0);
    assert_eq!(v["summary"]["dimensions"][1]["id"], "creation");
    assert_eq!(v["summary"]["dimensions"][1]["level"], 2);

    let back = import_result(model, &text).unwrap();
    assert_eq!(back.draft, draft);
    assert_eq!(back.label.as_deref(), Some("Team Blue, Q3"));
    assert!(back.dropped.is_empty());
}

#[test]
fn a_tampered_summary_is_ignored_scores_come_from_answers() {
    let model = builtin();
    let text = result_json(model, &sample_draft(), None, 0.0);
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["summary"]["overall_level"] = 4.into();
    let back = import_result(model, &v.to_string()).unwrap();
    assert_eq!(back.draft.answers, sample_draft().answers);
    assert_eq!(back.label, None);
}

#[test]
fn import_rejects_wrong_or_corrupt_files_with_a_reason() {
    let model = builtin();
    let good = result_json(model, &sample_draft(), None, 0.0);
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "Draft"),
        ("not json at all".into(), "Draft"),
        (good[..good.len() / 2].to_owned(), "Draft"),
        (r#"{"kind":"sbom","format":1}"#.into(), "WrongKind"),
        (r#"{"kind":7}"#.into(), "WrongKind"),
        (good.replace("\"format\": 2", "\"format\": 99"), "Draft"),
        (
            good.replace("mlops-maturity-model", "another-model"),
            "Draft",
        ),
        (good.replace("\"fully\"", "\"yes\""), "Draft"),
        ("[1,2,3]".into(), "Draft"),
    ];
    for (text, want) in cases {
        let err = import_result(model, &text).unwrap_err();
        let got = match &err {
            ImportError::WrongKind(_) => "WrongKind",
            ImportError::Draft(_) => "Draft",
        };
        assert_eq!(got, want, "{text:.60}: {err}");
        assert!(
            err.to_string().len() > 20,
            "a message a user can act on: {err}"
        );
    }
    match import_result(model, &good.replace("\"format\": 2", "\"format\": 99")) {
        Err(ImportError::Draft(DraftError::NewerFormat { format: 99 })) => {}
        other => panic!("expected a newer-format error, got {other:?}"),
    }
}

/// A minimal RFC 4180 reader, to check what a spreadsheet would see.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_has_one_row_per_question_with_escaped_notes() {
    let model = builtin();
    let d = sample_draft();
    let rows = parse_csv(&csv(model, &d.answers, &d.notes, &d.scope));
    assert_eq!(rows.len(), model.questions.len() + 1);
    assert_eq!(
        rows[0],
        [
            "dimension",
            "level",
            "question_id",
            "question",
            "answer",
            "note",
            "scope"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == 7));
    assert!(rows[1..]
        .iter()
        .all(|r| r[6] == "Payments: fraud and credit-risk models"));
    assert_eq!(rows[1][0], "People");
    assert_eq!(rows[1][1], "2");
    assert_eq!(rows[1][2], "people.ds-with-de");
    assert_eq!(rows[1][4], "Fully");
    assert_eq!(
        rows[1][5],
        "Since the reorg, \"mostly\" — see <b>wiki</b>,\nline two"
    );
    assert_eq!(rows[3][4], "Don't know");
    assert_eq!(rows[4][4], "Not applicable");
    assert_eq!(rows[6][5], "'=cmd|' /C calc'!A0", "formula defused");
    assert_eq!(rows[16][4], "Not answered");
}

#[test]
fn markdown_checklist_lists_the_roadmap_in_order_and_stops_at_targets() {
    let model = builtin();
    let d = sample_draft();
    let md = markdown_checklist(model, &d.answers, None, &d.scope);
    assert!(md.starts_with(
        "# MLOps maturity: next steps\n\nScope: Payments: fraud and credit-risk models\n"
    ));
    assert!(md.contains("Overall level 0 ("));
    let items: Vec<&str> = md.lines().filter(|l| l.starts_with("- [ ] ")).collect();
    let steps = roadmap(model, &d.answers, None);
    assert_eq!(items.len(), steps.len());
    let first = &model.questions[steps[0].question];
    assert_eq!(
        items[0],
        format!(
            "- [ ] **Application Integration**: {} (now: No)",
            first.action
        )
    );
    assert!(md.contains(&format!(
        "  - Done when: {}\n  - Why: {}\n",
        first.done_when, first.why
    )));
    let level_headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(level_headings[0], "## Toward level 1: DevOps but no MLOps");
    assert!(md.contains("  - Model, level 1: \"Releases automated\""));

    let mut t = Targets::new(model);
    for dim in 0..5 {
        t.set(dim, Some(1));
    }
    let md = markdown_checklist(model, &d.answers, Some(&t), "");
    assert_eq!(
        md.lines().filter(|l| l.starts_with("- [ ] ")).count(),
        roadmap(model, &d.answers, Some(&t)).len()
    );
    assert!(md.contains(", target 1"));
    assert!(!md.contains("Scope:"));

    let done = all(model, maturity_engine::Answer::Fully);
    assert!(markdown_checklist(model, &done, None, "").contains("Nothing left to do."));
}

#[test]
fn markdown_checklist_scores_out_of_the_models_top_level() {
    let text = std::fs::read_to_string(common::repo("models/example-small.json")).unwrap();
    let small = maturity_engine::Model::check(&text).unwrap();
    assert_eq!(small.top_level(), 3);
    let done = all(&small, maturity_engine::Answer::Fully);
    let md = markdown_checklist(&small, &done, None, "");
    assert!(md.contains("Overall level 3 (3.0 of 3)."), "{md}");
}

/// A result file exported by version 1 of the questionnaire.
///
/// FROZEN FOREVER: people keep exported files. Never edit it.
const GOLDEN_V1_FILE: &str = r#"{
  "answers": {"people.ds-with-de": "fully", "release.cicd": "mostly", "release.automatic": "fully", "technology.training-tracking": "partially", "creation.versioned": "mostly"},
  "created_ms": 1790000000000.0,
  "exported_ms": 1790000400000.0,
  "format": 1,
  "kind": "mlops-maturity-result",
  "label": "Team Blue, Q3",
  "model": {"id": "mlops-maturity-model", "version": 1},
  "notes": {"release.cicd": "Jenkins for two models"},
  "summary": {"overall_level": 0, "overall_score": 0.4, "dimensions": []},
  "targets": {"people": 3},
  "updated_ms": 1790000360000.0
}"#;

#[test]
fn a_version_1_file_is_read_as_made_or_carried_over() {
    let model = builtin();
    let v1 = builtin_version(1).unwrap();
    // As made: version 1's answers, for views that compare like with like.
    let (made_with, imported) =
        import_result_as_made(model, builtin_version, GOLDEN_V1_FILE).unwrap();
    assert_eq!(made_with.version, 1);
    let cicd = v1.question_index("release.cicd").unwrap();
    assert_eq!(imported.draft.answers.get(cicd), Answer::Mostly);
    assert_eq!(imported.label.as_deref(), Some("Team Blue, Q3"));
    // Carried over: unchanged practices keep their answer, the rest wait
    // for review beside the question they became; nothing is lost.
    let carried = import_result(model, GOLDEN_V1_FILE).unwrap().draft;
    let q = |id: &str| model.question_index(id).unwrap();
    assert_eq!(carried.answers.get(q("people.ds-with-de")), Answer::Fully);
    assert_eq!(
        carried.answers.get(q("release.pipeline")),
        Answer::Unanswered
    );
    assert_eq!(
        carried
            .notes
            .get(&q("release.pipeline"))
            .map(String::as_str),
        Some("Jenkins for two models")
    );
    let earlier = carried.earlier.as_ref().unwrap();
    assert_eq!(earlier.answers.len(), 5);
    let review = earlier.to_review(model, q("release.pipeline"));
    let old: Vec<(&str, Answer)> = review.iter().map(|r| (r.question, r.answer)).collect();
    assert_eq!(
        old,
        [
            ("release.automatic", Answer::Fully),
            ("release.cicd", Answer::Mostly)
        ]
    );
    // A current file is read with the current questionnaire.
    let now = result_json(model, &sample_draft(), None, 0.0);
    assert_eq!(
        import_result_as_made(model, builtin_version, &now)
            .unwrap()
            .0
            .version,
        2
    );
}
