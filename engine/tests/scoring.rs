//! Scoring rules, checked against the worked examples in docs/SCORING.md and
//! against table-driven cases and properties.

mod common;

use common::{all, answers};
use maturity_engine::{
    assess, builtin, builtin_version, crosswalk, roadmap, short_of, Answer, Answers, Model, Targets,
};
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
    let a = answers(model, &[("creation", "F M P _ N ?")]);
    let d = &assess(model, &a).dimensions[model.dimension_index("creation").unwrap()];
    let e = &d.explanation;
    assert_eq!(e.supporting, [q(model, "creation.data-pipeline")]);
    assert_eq!(e.ahead, [q(model, "creation.compute-managed")]);
    assert_eq!(
        e.blockers,
        [
            q(model, "creation.experiments-tracked"),
            q(model, "creation.code-versioned"),
            q(model, "creation.models-versioned"),
        ]
    );
    assert_eq!(e.later, [q(model, "creation.auto-retrain")]);
    assert!(e.excluded.is_empty() && e.superseded.is_empty());
    assert_eq!(d.next_level, Some(2));
    assert_eq!(
        d.summary(model),
        "Model Creation is at level 1. 1 practice up to level 1 is in place; 3 practices stand between it and level 2."
    );
}

#[test]
fn summaries_cover_top_level_not_assessed_and_alike_levels() {
    let model = builtin();
    let a = answers(
        model,
        &[("people", "F F F F"), ("integration", "x x x x x x")],
    );
    let r = assess(model, &a);
    assert_eq!(
        r.dimensions[0].summary(model),
        "People is at level 4: all 4 practices it asks are in place."
    );
    assert_eq!(
        r.dimensions[3].summary(model),
        "Application Integration is not assessed: every question was answered \"Not applicable\"."
    );
    let blank = assess(model, &Answers::new(model));
    assert_eq!(
        blank.dimensions[0].summary(model),
        "People is at level 0. 1 practice stands between it and level 2. The model describes People alike at levels 0 and 1, so it is shown at the team's overall level."
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
    assert_eq!(r.overall.answered, model.questions.len());

    // One don't-know among three applicable People questions (one is N/A).
    let a = answers(model, &[("people", "F ? x N")]);
    let p = &assess(model, &a).dimensions[0];
    assert_eq!((p.applicable, p.dont_know, p.not_applicable), (3, 1, 1));
    assert!((p.uncertainty - 1.0 / 3.0).abs() < 1e-12);
}

#[test]
fn not_applicable_dimension_is_left_out_of_overall() {
    let model = builtin();
    let a = answers(
        model,
        &[
            ("people", "F F F F"),
            ("creation", "F F F F F F"),
            ("release", "F F F F F F"),
            ("integration", "x x x x x x"),
            ("technology", "F F F F F F F F"),
        ],
    );
    let r = assess(model, &a);
    assert!(!r.dimensions[3].assessed);
    assert_eq!(r.overall.level, Some(4));
    assert_eq!(r.overall.score, Some(4.0));

    let r = assess(model, &all(model, Answer::NotApplicable));
    assert_eq!((r.overall.level, r.overall.score), (None, None));
    assert!(r.overall.weakest.is_empty() && r.overall.gaps.is_empty());
}

#[test]
fn limiting_dimensions_and_their_gaps_are_named() {
    let model = builtin();
    let a = answers(
        model,
        &[
            ("people", "F F F F"),
            ("creation", "F F F F F F"),
            ("release", "N F F N P F"),
            ("technology", "F F F F F F F F"),
        ],
    );
    let r = assess(model, &a);
    let release = model.dimension_index("release").unwrap();
    let integration = model.dimension_index("integration").unwrap();
    assert_eq!(r.overall.level, Some(0));
    assert_eq!(r.overall.weakest, [release, integration]);
    assert_eq!(
        r.overall.gaps,
        [
            q(model, "release.handoff"),
            q(model, "integration.releases-automated"),
            q(model, "integration.basic-model-tests"),
            q(model, "integration.app-unit-tests"),
        ]
    );
}

#[test]
fn practices_short_of_a_level_are_what_that_level_requires() {
    let model = builtin();
    let release = model.dimension_index("release").unwrap();
    // No hand-off and no release team, but CI/CD-led release: level 3.
    let a = answers(model, &[("release", "N F F N F N")]);
    let d = &assess(model, &a).dimensions[release];
    assert_eq!(d.level, 3);
    // Levels 1 and 2 ask for the replaced practices; 3 holds.
    assert_eq!(
        short_of(model, &a, release, 1),
        [q(model, "release.handoff")]
    );
    assert!(short_of(model, &a, release, 3).is_empty());
    // The next level asks for exactly the dimension's blockers.
    assert_eq!(short_of(model, &a, release, 4), d.explanation.blockers);
    assert!(short_of(model, &a, release, 0).is_empty());
    // Every practice of a dimension answered No is short of its top level,
    // when that level requires it.
    let none = answers(model, &[("release", "N N N N N N")]);
    let top = short_of(model, &none, release, 4);
    assert!(!top.is_empty());
    assert!(top.iter().all(|&x| model.questions[x].required_at(4)));
    // Version 1 is staged: every practice at or below the level.
    let v1 = builtin_version(1).unwrap();
    let mut all_no = Answers::new(v1);
    for x in 0..v1.questions.len() {
        all_no.set(x, Answer::No);
    }
    let r1 = v1.dimension_index("release").unwrap();
    let want: Vec<usize> = v1
        .questions_of(r1)
        .filter(|&x| v1.questions[x].level <= 2)
        .collect();
    assert_eq!(short_of(v1, &all_no, r1, 2), want);
}

#[test]
fn a_replaced_practice_does_not_block_the_level_that_replaces_it() {
    // Those who train models release them themselves, through a CI/CD
    // pipeline: no hand-off (level 1) and no release team (level 2).
    let model = builtin();
    let a = answers(model, &[("release", "N F F N F N")]);
    let d = &assess(model, &a).dimensions[model.dimension_index("release").unwrap()];
    assert_eq!((d.top, d.next_level), (3, Some(4)));
    assert_eq!(
        d.explanation.superseded,
        [
            q(model, "release.handoff"),
            q(model, "release.routine-owner")
        ]
    );
    assert_eq!(d.explanation.blockers, [q(model, "release.ci")]);
    // Replaced practices are not next steps.
    let steps: Vec<usize> = roadmap(model, &a, None)
        .iter()
        .map(|s| s.question)
        .collect();
    assert!(!steps.contains(&q(model, "release.handoff")));
    assert!(!steps.contains(&q(model, "release.routine-owner")));
    assert!(steps.contains(&q(model, "release.ci")));
}

#[test]
fn the_level_name_is_kept_off_a_headline_that_one_gap_holds_down() {
    let model = builtin();
    let rows = |creation: &'static str| {
        answers(
            model,
            &[
                ("people", "F F F F"),
                ("creation", creation),
                ("release", "N F F N F F"),
                ("integration", "N N F F F F"),
                ("technology", "F F F F F F F F"),
            ],
        )
    };
    let one_gap = assess(model, &rows("P F F F F F"));
    assert_eq!(one_gap.overall.level, Some(0));
    assert_eq!(one_gap.overall.gaps, [q(model, "creation.data-pipeline")]);
    assert!(!one_gap.level_name_fits());
    // A team that is level 0 in most dimensions is "No MLOps".
    assert!(assess(model, &Answers::new(model)).level_name_fits());
    // So is one held down by more than two gaps: three practices of
    // Application Integration's level 1.
    let mut many = rows("F F F F F F");
    for id in [
        "integration.releases-automated",
        "integration.basic-model-tests",
        "integration.app-unit-tests",
    ] {
        many.set(q(model, id), Answer::No);
    }
    let many = assess(model, &many);
    assert_eq!((many.overall.level, many.overall.gaps.len()), (Some(0), 3));
    assert!(many.level_name_fits());
    assert!(assess(model, &rows("F F F F F F")).level_name_fits());
}

#[test]
fn roadmap_follows_prerequisites_then_level_dimension_and_stops_at_targets() {
    let model = builtin();
    let a = Answers::new(model);
    let steps = roadmap(model, &a, None);
    let ids: Vec<&str> = steps
        .iter()
        .map(|s| model.questions[s.question].id.as_str())
        .collect();
    assert_eq!(ids.len(), model.questions.len());
    // Every step comes after the steps it requires.
    for (i, id) in ids.iter().enumerate() {
        let question = &model.questions[q(model, id)];
        for r in &question.requires {
            let j = ids.iter().position(|x| x == r).unwrap();
            assert!(j < i, "{id} comes before its prerequisite {r}");
        }
    }
    // Retraining from production metrics comes after what it needs.
    let at = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    assert!(at("technology.deployed-metrics") < at("creation.auto-retrain"));
    assert!(at("technology.auto-model-testing") < at("creation.auto-retrain"));
    // Without prerequisites in the way, lower levels come first.
    assert_eq!(ids[0], "creation.data-pipeline");
    assert_eq!(*ids.last().unwrap(), "creation.auto-retrain");

    let mut targets = Targets::new(model);
    for d in 0..model.dimensions.len() {
        targets.set(d, Some(1));
    }
    let ids: Vec<&str> = roadmap(model, &a, Some(&targets))
        .iter()
        .map(|s| model.questions[s.question].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "creation.data-pipeline",
            "release.handoff",
            "integration.basic-model-tests",
            "integration.app-unit-tests",
            "technology.automated-builds",
            "integration.releases-automated",
            "technology.app-tests-automated",
        ]
    );
}

#[test]
fn the_crosswalk_orders_continuous_training_before_ci_cd() {
    let model = builtin();
    // Exactly level 3 here: automated deployment, but no continuous training.
    let level3 = answers(
        model,
        &[
            ("people", "F F F N"),
            ("creation", "F F F F F N"),
            ("release", "N F F N F N"),
            ("integration", "N N F F F F"),
            ("technology", "F F F F F F N N"),
        ],
    );
    let c = crosswalk(model, &level3).unwrap();
    assert_eq!(c.level, 0);
    assert_eq!(
        c.missing,
        [
            q(model, "creation.auto-retrain"),
            q(model, "technology.auto-model-testing")
        ]
    );
    let mut with_ct = level3.clone();
    with_ct.set(q(model, "creation.auto-retrain"), Answer::Fully);
    with_ct.set(q(model, "technology.auto-model-testing"), Answer::Mostly);
    assert_eq!(crosswalk(model, &with_ct).unwrap().level, 1);
    assert_eq!(
        crosswalk(model, &all(model, Answer::Fully)).unwrap().level,
        2
    );
    assert!(crosswalk(builtin_version(1).unwrap(), &Answers::new(model)).is_none());
}

/// Version 1's results, as docs/SCORING.md gave them then: links made with
/// it must keep showing what they showed.
#[test]
fn version_1_results_are_scored_as_they_were() {
    let v1 = builtin_version(1).unwrap();
    // Answers per dimension, then each dimension's and the overall (level, score).
    type Case = ([&'static str; 5], [(u8, f64); 5], (u8, f64));
    let cases: [Case; 4] = [
        (
            [
                "F F F F F",
                "F F F F F",
                "F F F F N N",
                "N N N N N N",
                "M M M M M M M M M",
            ],
            [(4, 4.0), (4, 4.0), (2, 2.0), (0, 0.0), (4, 4.0)],
            (0, 2.8),
        ),
        (
            [
                "F F F N N",
                "N F F F N",
                "N N N N N N",
                "N N N N N N",
                "N N N N N N N N N",
            ],
            [(3, 3.0), (0, 0.0), (0, 0.0), (0, 0.0), (0, 0.0)],
            (0, 0.6),
        ),
        (
            [
                "F F F F F",
                "F F F F F",
                "F F F F F F",
                "F F N F F F",
                "F F F F F F F F F",
            ],
            [(4, 4.0), (4, 4.0), (4, 4.0), (0, 0.67), (4, 4.0)],
            (0, 3.33),
        ),
        (
            [
                "x F F N N",
                "F F F F N",
                "F F F F F F",
                "F F F N N N",
                "F F F F F N N N N",
            ],
            [(3, 3.0), (3, 3.0), (4, 4.0), (2, 2.0), (2, 2.0)],
            (2, 2.8),
        ),
    ];
    let dims = ["people", "creation", "release", "integration", "technology"];
    for (rows, expect, overall) in cases {
        let rows: Vec<(&str, &str)> = dims.iter().copied().zip(rows).collect();
        let r = assess(v1, &answers(v1, &rows));
        let got: Vec<(u8, f64)> = r
            .dimensions
            .iter()
            .map(|d| (d.level, round2(d.score)))
            .collect();
        assert_eq!(got, expect, "{rows:?}");
        assert_eq!(
            (r.overall.level.unwrap(), round2(r.overall.score.unwrap())),
            overall
        );
    }
}

fn any_answer() -> impl Strategy<Value = Answer> {
    (0u8..7).prop_map(|c| Answer::from_code(c).unwrap())
}

fn any_answers() -> impl Strategy<Value = Answers> {
    proptest::collection::vec(any_answer(), builtin().questions.len()).prop_map(Answers::from_vec)
}

proptest! {
    /// What stands between a dimension and its next level is exactly what
    /// holds it back; once a level's practices are held, nothing is short.
    #[test]
    fn short_of_the_next_level_is_the_blockers(a in any_answers()) {
        let model = builtin();
        for d in assess(model, &a).dimensions.iter().filter(|d| d.assessed) {
            if let Some(next) = d.next_level {
                prop_assert_eq!(&short_of(model, &a, d.dimension, next), &d.explanation.blockers);
            }
            prop_assert!(short_of(model, &a, d.dimension, d.top).is_empty());
        }
    }

    /// The continuous score never contradicts the staged level.
    #[test]
    fn score_lies_between_level_and_next(a in any_answers()) {
        let model = builtin();
        for d in assess(model, &a).dimensions {
            prop_assert!(d.score >= f64::from(d.level));
            match d.next_level {
                Some(n) => prop_assert!(d.score < f64::from(n), "{} !< {}", d.score, n),
                None => prop_assert_eq!(d.score, f64::from(d.level)),
            }
            prop_assert!(d.top >= d.level);
            let e = &d.explanation;
            let groups = e.supporting.len() + e.blockers.len() + e.ahead.len() + e.later.len()
                + e.superseded.len() + e.excluded.len();
            prop_assert_eq!(groups, d.total);
            prop_assert_eq!(d.explanation.blockers.is_empty(), d.next_level.is_none());
        }
    }

    /// Improving one answer (No → Partially → Mostly → Fully) never lowers a
    /// dimension's level or score.
    #[test]
    fn improving_an_answer_never_lowers_the_score(a in any_answers(), q in 0usize..30) {
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

    /// The roadmap is exactly the unmet applicable practices not replaced,
    /// each after the steps it requires.
    #[test]
    fn roadmap_lists_every_unmet_practice_still_ahead(a in any_answers()) {
        let model = builtin();
        let steps = roadmap(model, &a, None);
        let result = assess(model, &a);
        let replaced: usize = result.dimensions.iter().map(|d| d.explanation.superseded.len()).sum();
        let expected = a.as_slice().iter().filter(|x| x.is_applicable() && !x.is_met()).count();
        prop_assert_eq!(steps.len(), expected - replaced);
        for (i, s) in steps.iter().enumerate() {
            for r in &model.questions[s.question].requires {
                if let Some(j) = steps.iter().position(|t| &model.questions[t.question].id == r) {
                    prop_assert!(j < i);
                }
            }
        }
    }

    /// The overall level is never above any assessed dimension's shown
    /// level, and a dimension is never shown above what it matches.
    #[test]
    fn the_overall_level_is_the_lowest_shown_level(a in any_answers()) {
        let r = assess(builtin(), &a);
        if let Some(level) = r.overall.level {
            let lowest = r.dimensions.iter().filter(|d| d.assessed).map(|d| d.level).min();
            prop_assert_eq!(Some(level), lowest);
        }
    }
}
