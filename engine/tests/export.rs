//! Result file export/import, CSV and Markdown checklist.

mod common;

use common::{all, answers};
use maturity_engine::export::{csv, import_result, markdown_checklist, result_json, ImportError};
use maturity_engine::{builtin, roadmap, Draft, DraftError, Targets};

fn sample_draft() -> Draft {
    let model = builtin();
    let mut d = Draft::new(model, 1_790_000_000_000.0);
    d.answers = answers(
        model,
        &[
            ("people", "F F P ? x"),
            ("creation", "F F F F N"),
            ("release", "F M F N N _"),
            ("integration", "N F F N N N"),
            ("technology", "F F F F F N N N N"),
        ],
    );
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
    assert_eq!(v["format"], 1);
    assert_eq!(v["model"]["id"], "mlops-maturity-model");
    assert_eq!(v["model"]["version"], 1);
    assert_eq!(v["label"], "Team Blue, Q3");
    assert_eq!(v["summary"]["overall_level"], 0);
    assert_eq!(v["summary"]["dimensions"][1]["id"], "creation");
    assert_eq!(v["summary"]["dimensions"][1]["level"], 3);

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
        (good.replace("\"format\": 1", "\"format\": 99"), "Draft"),
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
    match import_result(model, &good.replace("\"format\": 1", "\"format\": 99")) {
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
    let rows = parse_csv(&csv(model, &d.answers, &d.notes));
    assert_eq!(rows.len(), 32);
    assert_eq!(
        rows[0],
        [
            "dimension",
            "level",
            "question_id",
            "question",
            "answer",
            "note"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == 6));
    assert_eq!(rows[1][0], "People");
    assert_eq!(rows[1][1], "2");
    assert_eq!(rows[1][2], "people.ds-with-de");
    assert_eq!(rows[1][4], "Fully");
    assert_eq!(
        rows[1][5],
        "Since the reorg, \"mostly\" — see <b>wiki</b>,\nline two"
    );
    assert_eq!(rows[4][4], "Don't know");
    assert_eq!(rows[5][4], "Not applicable");
    assert_eq!(rows[6][5], "'=cmd|' /C calc'!A0", "formula defused");
    assert_eq!(rows[16][4], "Not answered");
}

#[test]
fn markdown_checklist_lists_the_roadmap_in_order_and_stops_at_targets() {
    let model = builtin();
    let d = sample_draft();
    let md = markdown_checklist(model, &d.answers, None);
    assert!(md.starts_with("# MLOps maturity: next steps\n"));
    assert!(md.contains("Overall level 0 ("));
    let items: Vec<&str> = md.lines().filter(|l| l.starts_with("- [ ] ")).collect();
    assert_eq!(items.len(), roadmap(model, &d.answers, None).len());
    assert_eq!(items[0], "- [ ] **Application Integration**: Add unit tests for the application code that uses the model (now: No)");
    let level_headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(level_headings[0], "## Toward level 1: DevOps but no MLOps");
    assert!(md.contains("  - Model, level 1: \"Application code has unit tests\""));

    let mut t = Targets::new(model);
    for dim in 0..5 {
        t.set(dim, Some(1));
    }
    let md = markdown_checklist(model, &d.answers, Some(&t));
    assert_eq!(md.lines().filter(|l| l.starts_with("- [ ] ")).count(), 1);
    assert!(md.contains(", target 1"));

    let done = all(model, maturity_engine::Answer::Fully);
    assert!(markdown_checklist(model, &done, None).contains("Nothing left to do."));
}
