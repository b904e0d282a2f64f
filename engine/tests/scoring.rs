//! Scoring rules, checked against the worked examples in docs/SCORING.md and
//! against table-driven cases and properties.

mod common;

use common::{all, answers};
use maturity_engine::{assess, builtin, roadmap, Answer, Answers, Model, Targets};
use proptest::prelude::*;

const SCORING_MD: &str = include_str!("../../docs/SCORING.md");

/// Expected `(level, score)`; `None` for "not assessed".
type Expect = Option<(u8, f64)>;

fn parse_expect(s: &str) -> Expect {
    let parts: Vec<&str> = s.split_whitespace().collect();
    match parts.as_slice() {
        ["-", "-"] => None,
        [l, s] => Some((l.parse().unwrap(), s.parse().unwrap())),
        _ => panic!("bad expectation {s:?}"),
    }
}

struct Example {
    title: String,
    rows: Vec<(String, String, Expect)>,
    overall: Expect,
}

fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    let mut title = String::new();
    let mut lines = SCORING_MD.lines();
    while let Some(line) = lines.next() {
        if let Some(t) = line.strip_prefix("### ") {
            title = t.to_owned();
        }
        if line.trim() != "```example" {
            continue;
        }
        let mut ex = Example {
            title: title.clone(),
            rows: Vec::new(),
            overall: None,
        };
        for body in lines.by_ref() {
            if body.trim() == "```" {
                break;
            }
            let (left, right) = body.split_once("=>").expect("example line has =>");
            let mut words = left.split_whitespace();
            let name = words.next().expect("dimension name");
            let letters: String = words.collect();
            if name == "overall" {
                ex.overall = parse_expect(right);
            } else {
                ex.rows
                    .push((name.to_owned(), letters, parse_expect(right)));
            }
        }
        out.push(ex);
    }
    out
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[test]
fn worked_examples_in_scoring_md_hold() {
    let model = builtin();
    let examples = examples();
    assert!(
        examples.len() >= 7,
        "expected the 7 worked examples, found {}",
        examples.len()
    );
    for ex in &examples {
        let rows: Vec<(&str, &str)> = ex
            .rows
            .iter()
            .map(|(d, l, _)| (d.as_str(), l.as_str()))
            .collect();
        assert_eq!(
            rows.len(),
            model.dimensions.len(),
            "{}: every dimension listed",
            ex.title
        );
        let result = assess(model, &answers(model, &rows));
        for (dim, _, expect) in &ex.rows {
            let d = &result.dimensions[model.dimension_index(dim).unwrap()];
            let got = d.assessed.then(|| (d.level, round2(d.score)));
            assert_eq!(got, *expect, "{}: {dim}", ex.title);
        }
        let got = result.overall.level.zip(result.overall.score.map(round2));
        assert_eq!(got, ex.overall, "{}: overall", ex.title);
    }
}

fn q(model: &Model, id: &str) -> usize {
    model
        .question_index(id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

#[test]
fn explanation_groups_every_question_once() {
    let model = builtin();
    let a = answers(model, &[("creation", "F M P _ ?")]);
    let d = &assess(model, &a).dimensions[model.dimension_index("creation").unwrap()];
    let e = &d.explanation;
    assert_eq!(e.supporting, [q(model, "creation.data-pipeline")]);
    assert_eq!(e.ahead, [q(model, "creation.compute-managed")]);
    assert_eq!(
        e.blockers,
        [
            q(model, "creation.experiments-tracked"),
            q(model, "creation.versioned")
        ]
    );
    assert_eq!(e.later, [q(model, "creation.auto-retrain")]);
    assert!(e.excluded.is_empty());
    assert_eq!(d.next_level, Some(2));
    assert_eq!(
        d.summary(model),
        "Model Creation is at level 1. 1 practice up to level 1 is in place; 2 unmet practices stand between it and level 2."
    );
}

#[test]
fn summaries_cover_top_level_and_not_assessed() {
    let model = builtin();
    let a = answers(
        model,
        &[("people", "F F F F F"), ("integration", "x x x x x x")],
    );
    let r = assess(model, &a);
    assert_eq!(
        r.dimensions[0].summary(model),
        "People is at level 4: all 5 applicable practices are in place."
    );
    assert_eq!(
        r.dimensions[3].summary(model),
        "Application Integration is not assessed: every question was answered \"Not applicable\"."
    );
    let blank = assess(model, &Answers::new(model));
    assert_eq!(
        blank.dimensions[0].summary(model),
        "People is at level 0. 1 unmet practice stands between it and level 2."
    );
}

#[test]
fn dont_know_is_not_met_and_reported_as_uncertainty() {
    let model = builtin();
    let r = assess(model, &all(model, Answer::DontKnow));
    assert!(r
        .dimensions
        .iter()
        .all(|d| d.level == 0 && d.dont_know == d.total && d.uncertainty == 1.0));
    assert_eq!(r.overall.uncertainty, 1.0);
    assert_eq!(r.overall.answered, 31);

    // One don't-know among four applicable People questions (one is N/A): 25 %.
    let a = answers(model, &[("people", "F ? F x N")]);
    let p = &assess(model, &a).dimensions[0];
    assert_eq!((p.applicable, p.dont_know), (4, 1));
    assert!((p.uncertainty - 0.25).abs() < 1e-12);
}

#[test]
fn not_applicable_dimension_is_left_out_of_overall() {
    let model = builtin();
    let a = answers(
        model,
        &[
            ("people", "F F F F F"),
            ("creation", "F F F F F"),
            ("release", "F F F F F F"),
            ("integration", "x x x x x x"),
            ("technology", "F F F F F F F F F"),
        ],
    );
    let r = assess(model, &a);
    assert!(!r.dimensions[3].assessed);
    assert_eq!(r.overall.level, Some(4));
    assert_eq!(r.overall.score, Some(4.0));

    let r = assess(model, &all(model, Answer::NotApplicable));
    assert_eq!((r.overall.level, r.overall.score), (None, None));
    assert!(r.overall.weakest.is_empty());
}

#[test]
fn weakest_dimensions_are_named() {
    let model = builtin();
    let a = answers(
        model,
        &[
            ("people", "F F F F F"),
            ("creation", "F F F F F"),
            ("technology", "F F F F F F F F F"),
        ],
    );
    let r = assess(model, &a);
    let release = model.dimension_index("release").unwrap();
    let integration = model.dimension_index("integration").unwrap();
    assert_eq!(r.overall.weakest, [release, integration]);
}

#[test]
fn roadmap_orders_by_level_then_dimension_and_stops_at_targets() {
    let model = builtin();
    let a = answers(
        model,
        &[
            ("people", "N N N N N"),
            ("creation", "F N F F N"),
            ("release", "F F F F F F"),
            ("integration", "N F F F F F"),
            ("technology", "F F F F F F F F x"),
        ],
    );
    let steps = roadmap(model, &a, None);
    let ids: Vec<&str> = steps
        .iter()
        .map(|s| model.questions[s.question].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "integration.app-unit-tests",
            "people.ds-with-de",
            "creation.compute-managed",
            "people.de-manage-io",
            "people.se-automate-integration",
            "people.ds-markers",
            "people.se-post-deploy-metrics",
            "creation.auto-retrain",
        ]
    );
    assert!(steps
        .windows(2)
        .all(|w| (w[0].level, w[0].dimension) <= (w[1].level, w[1].dimension)));

    let mut targets = Targets::new(model);
    targets.set(model.dimension_index("people").unwrap(), Some(2));
    targets.set(model.dimension_index("creation").unwrap(), Some(3));
    let ids: Vec<&str> = roadmap(model, &a, Some(&targets))
        .iter()
        .map(|s| model.questions[s.question].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "integration.app-unit-tests",
            "people.ds-with-de",
            "creation.compute-managed"
        ]
    );
}

#[test]
fn blockers_are_the_gaps_to_the_next_level() {
    let model = builtin();
    let a = answers(model, &[("release", "F F F N P F")]);
    let d = &assess(model, &a).dimensions[model.dimension_index("release").unwrap()];
    assert_eq!((d.level, d.next_level), (1, Some(2)));
    assert_eq!(
        d.explanation.blockers,
        [q(model, "release.se-team-manages")]
    );
    // Met level-3 practices are "ahead", the Partially one at level 3 is "later".
    assert_eq!(
        d.explanation.ahead,
        [q(model, "release.scoring-tested"), q(model, "release.cicd")]
    );
    assert_eq!(d.explanation.later, [q(model, "release.automatic")]);
}

fn any_answer() -> impl Strategy<Value = Answer> {
    (0u8..7).prop_map(|c| Answer::from_code(c).unwrap())
}

fn any_answers() -> impl Strategy<Value = Answers> {
    proptest::collection::vec(any_answer(), 31).prop_map(Answers::from_vec)
}

proptest! {
    /// The continuous score never contradicts the staged level.
    #[test]
    fn score_lies_between_level_and_next(a in any_answers()) {
        let model = builtin();
        for d in assess(model, &a).dimensions {
            prop_assert!(d.score >= f64::from(d.level));
            match d.next_level {
                Some(n) => prop_assert!(d.score < f64::from(n), "{} !< {}", d.score, n),
                None if d.assessed => prop_assert_eq!(d.score, 4.0),
                None => prop_assert_eq!(d.score, 0.0),
            }
            let groups = d.explanation.supporting.len() + d.explanation.blockers.len()
                + d.explanation.ahead.len() + d.explanation.later.len() + d.explanation.excluded.len();
            prop_assert_eq!(groups, d.total);
            prop_assert_eq!(d.explanation.blockers.is_empty(), d.next_level.is_none());
        }
    }

    /// Improving one answer (No → Partially → Mostly → Fully) never lowers a
    /// dimension's level or score.
    #[test]
    fn improving_an_answer_never_lowers_the_score(a in any_answers(), q in 0usize..31) {
        let model = builtin();
        let Some(rank) = a.get(q).rank() else { return Ok(()) };
        if rank == 3 { return Ok(()) }
        let better = [Answer::No, Answer::Partially, Answer::Mostly, Answer::Fully][usize::from(rank) + 1];
        let mut b = a.clone();
        b.set(q, better);
        let before = assess(model, &a);
        let after = assess(model, &b);
        for (x, y) in before.dimensions.iter().zip(&after.dimensions) {
            prop_assert!(y.level >= x.level);
            prop_assert!(y.score >= x.score - 1e-12, "{} -> {}", x.score, y.score);
        }
    }

    /// The roadmap is exactly the unmet applicable practices.
    #[test]
    fn roadmap_lists_every_unmet_applicable_practice(a in any_answers()) {
        let model = builtin();
        let steps = roadmap(model, &a, None);
        let expected = a.as_slice().iter().filter(|x| x.is_applicable() && !x.is_met()).count();
        prop_assert_eq!(steps.len(), expected);
    }
}
