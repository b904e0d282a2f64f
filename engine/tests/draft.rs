//! The draft format: round trips, the frozen golden v1 text, one crafted
//! input per error, and properties (no panic on any text).

use std::collections::BTreeMap;

use maturity_engine::draft::{self, Draft, DraftError, Earlier, Loaded, MAX_DRAFT_BYTES};
use maturity_engine::{builtin, Answer, Answers, Model, Targets};
use proptest::prelude::*;

fn q(model: &Model, id: &str) -> usize {
    model
        .question_index(id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

fn d(model: &Model, id: &str) -> usize {
    model
        .dimension_index(id)
        .unwrap_or_else(|| panic!("no dimension {id}"))
}

const NOTE: &str = "Since the <b>spring</b> re-org — «ops» owns it ✓ \"quoted\" & \\ \n2nd line 🚀";

/// A draft as the app would hold it mid-way through.
fn sample() -> Draft {
    let m = builtin();
    let mut draft = Draft::new(m, 1_764_288_000_000.0);
    draft.answers.set(q(m, "people.ds-with-de"), Answer::Fully);
    draft
        .answers
        .set(q(m, "creation.data-pipeline"), Answer::DontKnow);
    draft
        .answers
        .set(q(m, "release.pipeline"), Answer::NotApplicable);
    draft
        .answers
        .set(q(m, "technology.ab-testing"), Answer::Partially);
    draft
        .notes
        .insert(q(m, "people.ds-with-de"), NOTE.to_owned());
    draft.notes.insert(
        q(m, "technology.ab-testing"),
        "<script>alert(1)</script>".to_owned(),
    );
    draft.targets.set(d(m, "people"), Some(3));
    draft.targets.set(d(m, "technology"), Some(0));
    draft.scope = "Payments — «fraud» & credit models".to_owned();
    draft.updated_ms = 1_764_291_600_123.0;
    draft
}

fn load(text: &str) -> Result<Loaded, DraftError> {
    draft::from_json(builtin(), text)
}

#[test]
fn a_draft_reads_back_intact() {
    let m = builtin();
    let original = sample();
    let text = draft::to_json(m, &original);
    let loaded = load(&text).unwrap();
    assert_eq!(loaded.draft, original);
    assert!(loaded.dropped.is_empty());
    // And a blank one too.
    let blank = Draft::new(m, 5.0);
    assert_eq!(load(&draft::to_json(m, &blank)).unwrap().draft, blank);
}

#[test]
fn the_writer_keys_everything_by_id_and_word() {
    let text = draft::to_json(builtin(), &sample());
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], 2);
    assert_eq!(v["model"]["id"], "mlops-maturity-model");
    assert_eq!(v["model"]["version"], 2);
    assert_eq!(v["answers"]["people.ds-with-de"], "fully");
    assert_eq!(v["answers"]["release.pipeline"], "not-applicable");
    assert_eq!(v["scope"], "Payments — «fraud» & credit models");
    assert!(v.get("earlier").is_none(), "no earlier version, no field");
    assert_eq!(
        v["answers"].as_object().unwrap().len(),
        4,
        "unanswered left out"
    );
    assert_eq!(v["notes"]["people.ds-with-de"], NOTE);
    assert_eq!(v["targets"]["people"], 3);
    assert_eq!(v["targets"]["technology"], 0);
    assert_eq!(v["targets"].as_object().unwrap().len(), 2);
    assert_eq!(v["created_ms"], 1_764_288_000_000.0);
}

/// A draft as version 1 of the app wrote it.
///
/// FROZEN FOREVER: people have drafts like this in their browsers and in
/// exported files. Never edit it; a new format gets its own golden text
/// beside this one, and this one keeps loading.
const GOLDEN_V1: &str = r#"{"format":1,"model":{"id":"mlops-maturity-model","version":1},"answers":{"creation.data-pipeline":"dont-know","people.ds-with-de":"fully","release.automatic":"not-applicable","technology.ab-testing":"partially"},"notes":{"people.ds-with-de":"Since the <b>spring</b> re-org — «ops» owns it ✓ \"quoted\" & \\ \n2nd line 🚀","technology.ab-testing":"<script>alert(1)</script>"},"targets":{"people":3,"technology":0},"created_ms":1764288000000.0,"updated_ms":1764291600123.0}"#;

#[test]
fn golden_v1_is_carried_over_to_the_current_questionnaire() {
    let m = builtin();
    let loaded = load(GOLDEN_V1).unwrap();
    let d = &loaded.draft;
    assert!(loaded.dropped.is_empty());
    assert_eq!(loaded.carried_from, Some(1));
    // Same practice: the answer carries over.
    assert_eq!(d.answers.get(q(m, "people.ds-with-de")), Answer::Fully);
    assert_eq!(
        d.answers.get(q(m, "creation.data-pipeline")),
        Answer::DontKnow
    );
    // Changed or merged: left for review, beside the question it became.
    assert_eq!(d.answers.get(q(m, "release.pipeline")), Answer::Unanswered);
    assert_eq!(
        d.answers.get(q(m, "technology.ab-testing")),
        Answer::Unanswered
    );
    assert_eq!(d.answers.answered(), 2);
    let earlier = d.earlier.as_ref().unwrap();
    assert_eq!(earlier.version, 1);
    let review = earlier.to_review(m, q(m, "release.pipeline"));
    assert_eq!(review.len(), 1);
    assert_eq!(
        (review[0].question, review[0].answer),
        ("release.automatic", Answer::NotApplicable)
    );
    assert!(!review[0].note.is_empty());
    // Two changed questions wait: release.pipeline and technology.ab-testing.
    assert_eq!(
        d.earlier.as_ref().unwrap().to_review_count(m, &d.answers),
        2
    );
    // Nothing is lost: every answer and note of the original is kept.
    assert_eq!(earlier.answers.len(), 4);
    assert_eq!(
        earlier.answers.get("technology.ab-testing"),
        Some(&Answer::Partially)
    );
    assert_eq!(
        earlier.notes.get("people.ds-with-de").map(String::as_str),
        Some(NOTE)
    );
    // Notes move with their question.
    assert_eq!(
        d.notes.get(&q(m, "people.ds-with-de")).map(String::as_str),
        Some(NOTE)
    );
    assert_eq!(
        d.notes
            .get(&q(m, "technology.ab-testing"))
            .map(String::as_str),
        Some("<script>alert(1)</script>")
    );
    assert_eq!(d.targets.get(d_(m, "people")), Some(3));
    assert_eq!(d.targets.get(d_(m, "technology")), Some(0));
    assert_eq!(
        (d.created_ms, d.updated_ms),
        (1_764_288_000_000.0, 1_764_291_600_123.0)
    );
    // Integer times, as JavaScript writes them, read the same.
    let js = GOLDEN_V1
        .replace("1764288000000.0", "1764288000000")
        .replace("1764291600123.0", "1764291600123");
    assert_eq!(load(&js).unwrap().draft, loaded.draft);
    // And the carried-over draft saves and reads back as it is.
    let again = load(&draft::to_json(m, d)).unwrap();
    assert_eq!(&again.draft, d);
}

fn d_(model: &Model, id: &str) -> usize {
    d(model, id)
}

/// A draft as format 2 (questionnaire version 2) writes it, carried over
/// from version 1.
///
/// FROZEN FOREVER, like [`GOLDEN_V1`].
const GOLDEN_V2: &str = r#"{"format":2,"model":{"id":"mlops-maturity-model","version":2},"answers":{"creation.data-pipeline":"dont-know","people.ds-with-de":"fully","release.pipeline":"mostly"},"notes":{"release.pipeline":"Jenkins for two models"},"targets":{"release":3},"scope":"Payments: fraud and credit models","earlier":{"version":1,"answers":{"release.cicd":"mostly"},"notes":{"release.cicd":"Jenkins for two models"}},"created_ms":1764288000000.0,"updated_ms":1764291600123.0}"#;

#[test]
fn golden_v2_reads_to_the_expected_draft() {
    let m = builtin();
    let loaded = load(GOLDEN_V2).unwrap();
    assert!(loaded.dropped.is_empty());
    assert_eq!(loaded.carried_from, None);
    let mut want = Draft::new(m, 1_764_288_000_000.0);
    want.updated_ms = 1_764_291_600_123.0;
    want.answers.set(q(m, "people.ds-with-de"), Answer::Fully);
    want.answers
        .set(q(m, "creation.data-pipeline"), Answer::DontKnow);
    want.answers.set(q(m, "release.pipeline"), Answer::Mostly);
    want.notes
        .insert(q(m, "release.pipeline"), "Jenkins for two models".into());
    want.targets.set(d(m, "release"), Some(3));
    want.scope = "Payments: fraud and credit models".into();
    want.earlier = Some(Earlier {
        version: 1,
        answers: BTreeMap::from([("release.cicd".to_owned(), Answer::Mostly)]),
        notes: BTreeMap::from([(
            "release.cicd".to_owned(),
            "Jenkins for two models".to_owned(),
        )]),
    });
    assert_eq!(loaded.draft, want);
    assert_eq!(
        draft::to_json(m, &want),
        GOLDEN_V2,
        "the writer still writes format 2 so"
    );
    // Answered since: no review is due for that question.
    assert_eq!(want.answers.get(q(m, "release.pipeline")), Answer::Mostly);
}

#[test]
fn missing_maps_read_as_empty() {
    let text = r#"{"format":1,"model":{"id":"mlops-maturity-model","version":1},"created_ms":7,"updated_ms":8}"#;
    let loaded = load(text).unwrap();
    assert!(loaded.draft.is_blank());
    assert_eq!(
        (loaded.draft.created_ms, loaded.draft.updated_ms),
        (7.0, 8.0)
    );
}

#[test]
fn corrupt_inputs_give_the_right_error() {
    let v1 = |body: &str| {
        format!(
            r#"{{"format":1,"model":{{"id":"mlops-maturity-model","version":1}},{body},"created_ms":1,"updated_ms":2}}"#
        )
    };
    let syntax = [
        "",
        "   ",
        "{",
        &GOLDEN_V1[..GOLDEN_V1.len() / 2],
        "not json",
        "{\"format\":1,}",
    ];
    for text in syntax {
        assert!(
            matches!(load(text), Err(DraftError::Syntax(_))),
            "{text:?}: {:?}",
            load(text)
        );
    }
    let invalid = [
        ("[]".to_owned(), "expected struct"),
        ("null".to_owned(), "null"),
        ("{}".to_owned(), "format"),
        (r#"{"format":"1"}"#.to_owned(), "string"),
        (r#"{"format":-1}"#.to_owned(), "-1"),
        (r#"{"format":1}"#.to_owned(), "model"),
        (v1(r#""answers":["fully"]"#), "sequence"),
        (v1(r#""answers":{"people.ds-with-de":3}"#), "integer"),
        (v1(r#""targets":{"people":"3"}"#), "string"),
        (v1(r#""targets":{"people":-1}"#), "-1"),
        (v1(r#""answers":{"people.ds-with-de":"yes"}"#), "answers.\"people.ds-with-de\""),
        (v1(r#""answers":{"no.such.q":"Fully"}"#), "\"Fully\""),
        (v1(r#""targets":{"release":5}"#), "targets.\"release\" is 5"),
        (v1(r#""targets":{"release":300}"#), "300"),
        (
            r#"{"format":1,"model":{"id":"mlops-maturity-model","version":1},"created_ms":"now","updated_ms":2}"#.to_owned(),
            "string",
        ),
    ];
    for (text, needle) in &invalid {
        match load(text) {
            Err(DraftError::Invalid(detail)) => {
                assert!(
                    detail.contains(needle),
                    "{text}: {detail:?} lacks {needle:?}"
                )
            }
            other => panic!("{text}: expected Invalid, got {other:?}"),
        }
    }
    let other_model =
        r#"{"format":1,"model":{"id":"devops-model","version":1},"created_ms":1,"updated_ms":2}"#;
    assert_eq!(
        load(other_model),
        Err(DraftError::OtherModel {
            id: "devops-model".into()
        })
    );
    let newer_model = GOLDEN_V2.replace(r#""version":2"#, r#""version":3"#);
    assert_eq!(
        load(&newer_model),
        Err(DraftError::NewerModel { version: 3 })
    );
}

#[test]
fn format_numbers_are_checked_before_anything_else() {
    // A future format may look nothing like version 1.
    assert_eq!(
        load(r#"{"format":99,"whatever":[1,2,3]}"#),
        Err(DraftError::NewerFormat { format: 99 })
    );
    assert_eq!(
        load(&GOLDEN_V2.replace(r#""format":2"#, r#""format":3"#)),
        Err(DraftError::NewerFormat { format: 3 })
    );
    assert_eq!(
        load(r#"{"format":0}"#),
        Err(DraftError::UnknownFormat { format: 0 })
    );
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let mut big = sample();
    big.notes.insert(0, "x".repeat(MAX_DRAFT_BYTES));
    let text = draft::to_json(builtin(), &big);
    match load(&text) {
        Err(DraftError::Invalid(detail)) => assert!(detail.contains("bytes"), "{detail}"),
        other => panic!("expected Invalid, got {other:?}"),
    }
    // A long note well under the cap is kept whole.
    let mut long = sample();
    long.notes.insert(0, "ü".repeat(20_000));
    assert_eq!(load(&draft::to_json(builtin(), &long)).unwrap().draft, long);
}

#[test]
fn times_that_json_cannot_hold_are_written_as_zero() {
    let m = builtin();
    let mut draft = Draft::new(m, f64::NAN);
    draft.updated_ms = f64::INFINITY;
    let loaded = load(&draft::to_json(m, &draft)).unwrap().draft;
    assert_eq!((loaded.created_ms, loaded.updated_ms), (0.0, 0.0));
}

#[test]
fn blank_means_nothing_worth_keeping() {
    let m = builtin();
    let mut draft = Draft::new(m, 0.0);
    assert!(draft.is_blank());
    draft.notes.insert(3, "  \n".into());
    assert!(draft.is_blank(), "a whitespace note is nothing to keep");
    draft.notes.insert(3, "todo".into());
    assert!(!draft.is_blank());

    let mut draft = Draft::new(m, 0.0);
    draft.answers.set(0, Answer::NotApplicable);
    assert!(!draft.is_blank());

    let mut draft = Draft::new(m, 0.0);
    draft.targets.set(4, Some(0));
    assert!(!draft.is_blank());

    let mut draft = Draft::new(m, 0.0);
    draft.scope = "Team A".into();
    assert!(!draft.is_blank());
}

#[test]
fn every_error_says_what_to_do_in_plain_words() {
    let all = [
        DraftError::Syntax("EOF while parsing at line 1 column 3".into()),
        DraftError::NewerFormat { format: 2 },
        DraftError::UnknownFormat { format: 0 },
        DraftError::OtherModel {
            id: "devops-model".into(),
        },
        DraftError::NewerModel { version: 2 },
        DraftError::Invalid("targets.\"people\" is 9".into()),
    ];
    for e in &all {
        let text = e.to_string();
        assert!(text.starts_with("This "), "{text}");
        assert!(text.ends_with('.'), "{text}");
        let advice = ["Reload", "Import", "Check", "Open", "start a new"];
        assert!(advice.iter().any(|a| text.contains(a)), "no advice: {text}");
        assert!(
            !text.contains("EOF"),
            "parser jargon shown to users: {text}"
        );
    }
    assert!(all[3].to_string().contains("devops-model"));
}

// ---- properties ------------------------------------------------------------

fn any_draft() -> impl Strategy<Value = Draft> {
    let m = builtin();
    let questions = m.questions.len();
    (
        prop::collection::vec(
            (0u8..7).prop_map(|c| Answer::from_code(c).unwrap()),
            questions,
        ),
        prop::collection::btree_map(0..questions, any::<String>(), 0..5),
        prop::collection::vec(prop::option::of(0u8..=4), m.dimensions.len()),
        // Whole milliseconds, as Date.now() gives them.
        0u64..(1 << 50),
        0u64..(1 << 50),
        "[^\u{0}]{0,40}",
    )
        .prop_map(|(answers, notes, targets, created, updated, scope)| Draft {
            answers: Answers::from_vec(answers),
            notes,
            targets: Targets::from_vec(targets),
            created_ms: created as f64,
            updated_ms: updated as f64,
            scope,
            earlier: None,
        })
}

/// Assorted JSON values, some right for a field, most wrong.
const VALUE: &str =
    r#"(0|[1-9][0-9]{0,2}|-1|1\.5|"[a-z-]{0,14}"|"fully"|"dont-know"|\{\}|\[\]|null|true)"#;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_drafts_round_trip(draft in any_draft()) {
        let text = draft::to_json(builtin(), &draft);
        let loaded = load(&text).unwrap();
        prop_assert!(loaded.dropped.is_empty());
        prop_assert_eq!(loaded.draft, draft);
    }

    #[test]
    fn random_text_never_panics(text in any::<String>()) {
        // Random text is almost never a draft; whatever loads must re-save.
        if let Ok(loaded) = load(&text) {
            prop_assert!(load(&draft::to_json(builtin(), &loaded.draft)).is_ok());
        }
    }

    #[test]
    fn well_formed_json_with_wrong_values_is_invalid_never_a_panic(
        values in prop::collection::vec(VALUE, 5),
    ) {
        // Every field of a v1 draft gets some JSON value: the reader must
        // load it or name the problem (Invalid), and never call valid JSON
        // a syntax error.
        let text = format!(
            r#"{{"format":1,"model":{{"id":"mlops-maturity-model","version":1}},"answers":{{"people.ds-with-de":{}}},"notes":{{"release.cicd":{}}},"targets":{{"people":{}}},"created_ms":{},"updated_ms":{}}}"#,
            values[0], values[1], values[2], values[3], values[4],
        );
        match load(&text) {
            Ok(_) | Err(DraftError::Invalid(_)) => {}
            Err(other) => prop_assert!(false, "{}: {:?}", text, other),
        }
    }

    #[test]
    fn any_cut_of_a_draft_is_a_syntax_error(draft in any_draft(), at in any::<prop::sample::Index>()) {
        let text = draft::to_json(builtin(), &draft);
        let mut cut = at.index(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        prop_assert!(
            matches!(load(&text[..cut]), Err(DraftError::Syntax(_))),
            "{:?}", load(&text[..cut])
        );
    }
}
