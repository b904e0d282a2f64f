//! Then-vs-now comparison, team aggregation and target maths.

mod common;

use common::{all, answers};
use maturity_engine::compare::{aggregate, compare, target_progress, Change};
use maturity_engine::{assess, builtin, Answer, Answers, Targets};
use proptest::prelude::*;

fn dim(id: &str) -> usize {
    builtin().dimension_index(id).unwrap()
}

#[test]
fn then_vs_now_reports_level_score_and_question_changes() {
    let model = builtin();
    let before = answers(
        model,
        &[
            ("people", "F F F N"),
            ("creation", "N F F F F N"),
            ("release", "F F ? N N N"),
            ("integration", "x x x x x x"),
            ("technology", "P P N N N N N N"),
        ],
    );
    let after = answers(
        model,
        &[
            ("people", "F M F N"),
            ("creation", "F F F F F N"),
            ("release", "F F F F N N"),
            ("integration", "F F F N N N"),
            ("technology", "F P N N N N N N"),
        ],
    );
    let c = compare(model, &before, &after);

    let people = c.dimensions[dim("people")];
    assert_eq!(
        (people.level_before, people.level_after),
        (Some(3), Some(3))
    );
    assert_eq!(people.delta(), Some(0.0));
    let creation = c.dimensions[dim("creation")];
    // Model Creation matches level 3 now, but is shown at the overall level
    // as far as its own practices go: level 2.
    assert_eq!(
        (creation.level_before, creation.level_after),
        (Some(0), Some(2))
    );
    assert_eq!(creation.delta(), Some(2.0));
    let integration = c.dimensions[dim("integration")];
    assert_eq!(
        (integration.level_before, integration.level_after),
        (None, Some(1))
    );
    assert_eq!(
        integration.delta(),
        None,
        "no delta against a dimension that was not assessed"
    );

    // people: F→M regressed; creation: N→F improved; release: ?→F other,
    // N→F improved; integration: six x→answer other; technology: P→F improved.
    assert_eq!(c.count(Change::Improved), 3);
    assert_eq!(c.count(Change::Regressed), 1);
    assert_eq!(c.count(Change::Other), 7);
    assert_eq!(c.count(Change::Unchanged), model.questions.len() - 11);
    let q = model.question_index("people.io-contract").unwrap();
    assert_eq!(c.questions[q].change, Change::Regressed);
    assert_eq!(c.questions[q].dimension, dim("people"));
}

#[test]
fn team_aggregate_gives_median_range_and_disagreements() {
    let model = builtin();
    let team = [
        all(model, Answer::Fully),
        all(model, Answer::No),
        all(model, Answer::Mostly),
    ];
    let agg = aggregate(model, &team);
    assert_eq!(agg.results, 3);
    for s in &agg.dimensions {
        assert_eq!(
            (s.count, s.median, s.min, s.max),
            (3, Some(4.0), Some(0.0), Some(4.0))
        );
        assert_eq!(s.median_level, Some(4));
        assert_eq!(s.range(), Some(4.0));
    }
    assert_eq!(agg.disagreements.len(), model.questions.len());
    assert!(agg
        .disagreements
        .iter()
        .all(|d| d.steps() == 3 && d.counts == [1, 0, 1, 1]));
}

#[test]
fn disagreement_needs_two_steps_on_the_scale() {
    let model = builtin();
    let a = answers(model, &[("people", "N N ? F"), ("creation", "F F F F F F")]);
    let b = answers(model, &[("people", "P M F x"), ("creation", "F F F F F F")]);
    let agg = aggregate(model, &[a, b]);
    let ids: Vec<(&str, u8)> = agg
        .disagreements
        .iter()
        .map(|d| (model.questions[d.question].id.as_str(), d.steps()))
        .collect();
    // N/P is one step; N/M two; ?/F and x/F and F/x have a single answer on the scale.
    assert_eq!(ids, [("people.io-contract", 2)]);
}

#[test]
fn aggregate_skips_not_applicable_dimensions_and_handles_empty_input() {
    let model = builtin();
    let a = answers(model, &[("integration", "x x x x x x")]);
    let b = answers(model, &[("integration", "F F F F F F")]);
    let agg = aggregate(model, &[a, b]);
    // Application Integration matches level 4, which the model describes
    // alike with 3; with nothing else answered the team is at 0, so it is
    // shown at its own level, 3.
    let s = agg.dimensions[dim("integration")];
    assert_eq!((s.count, s.median, s.median_level), (1, Some(3.0), Some(3)));

    let empty = aggregate(model, &[]);
    assert_eq!(empty.results, 0);
    assert!(empty
        .dimensions
        .iter()
        .all(|s| s.count == 0 && s.median.is_none() && s.range().is_none()));
    assert!(empty.disagreements.is_empty());
}

#[test]
fn aggregate_of_fifty_results_counts_every_one() {
    // How fast it is belongs to `cargo bench -p maturity-engine`.
    let model = builtin();
    let team: Vec<Answers> = (0..50)
        .map(|i| {
            Answers::from_vec(
                (0..model.questions.len())
                    .map(|q| Answer::from_code(((i + q) % 7) as u8).unwrap())
                    .collect(),
            )
        })
        .collect();
    let agg = aggregate(model, &team);
    assert_eq!(agg.results, 50);
    assert!(agg.dimensions.iter().all(|s| s.count > 0));
}

fn example_three() -> Answers {
    answers(
        builtin(),
        &[
            ("people", "F F F F"),
            ("creation", "F F F F F F"),
            ("release", "F F F F N N"),
            ("integration", "N N N N N N"),
            ("technology", "M M M M M M M M"),
        ],
    )
}

#[test]
fn percent_to_target_and_progress_since_baseline() {
    let model = builtin();
    let current = assess(model, &example_three()); // scores 4, 4, 2, 0, 4
    let mut targets = Targets::new(model);
    targets.set(dim("people"), Some(4));
    targets.set(dim("release"), Some(3));
    targets.set(dim("integration"), Some(2));

    // gaps 0 + 1 + 2 over targets 4 + 3 + 2.
    let p = target_progress(&current, &targets, None);
    assert!((p.percent_to_target.unwrap() - (1.0 - 3.0 / 9.0)).abs() < 1e-12);
    assert_eq!(p.progress, None, "no baseline, no progress figure");

    // From nothing: moved 4 + 2 + 0 of 4 + 3 + 2.
    let baseline = assess(model, &Answers::new(model));
    let p = target_progress(&current, &targets, Some(&baseline));
    assert!((p.progress.unwrap() - 6.0 / 9.0).abs() < 1e-12);

    // Scores above target count as the target: people at 4 with target 3 is 100 %.
    let mut t = Targets::new(model);
    t.set(dim("people"), Some(3));
    let p = target_progress(&current, &t, Some(&baseline));
    assert_eq!((p.percent_to_target, p.progress), (Some(1.0), Some(1.0)));

    // A baseline already at the target leaves that dimension out of progress.
    let p = target_progress(&current, &t, Some(&current));
    assert_eq!(p.progress, None);

    // No targets, or targets only on unassessed dimensions: no figures.
    assert_eq!(
        target_progress(&current, &Targets::new(model), None).percent_to_target,
        None
    );
    let na = assess(model, &answers(model, &[("integration", "x x x x x x")]));
    let mut t = Targets::new(model);
    t.set(dim("integration"), Some(3));
    assert_eq!(target_progress(&na, &t, None).percent_to_target, None);
}

#[test]
fn regression_since_baseline_is_negative_progress() {
    let model = builtin();
    let now = assess(model, &Answers::new(model));
    let then = assess(model, &answers(model, &[("release", "F F F F N N")]));
    let mut t = Targets::new(model);
    t.set(dim("release"), Some(4));
    let p = target_progress(&now, &t, Some(&then));
    assert!((p.progress.unwrap() - (-2.0 / 2.0)).abs() < 1e-12);
}

fn any_answers() -> impl Strategy<Value = Answers> {
    proptest::collection::vec(
        (0u8..7).prop_map(|c| Answer::from_code(c).unwrap()),
        builtin().questions.len(),
    )
    .prop_map(Answers::from_vec)
}

proptest! {
    /// Aggregating one result gives that result back.
    #[test]
    fn aggregate_of_one_is_identity(a in any_answers()) {
        let model = builtin();
        let one = assess(model, &a);
        let agg = aggregate(model, std::slice::from_ref(&a));
        prop_assert!(agg.disagreements.is_empty());
        for (s, d) in agg.dimensions.iter().zip(&one.dimensions) {
            if d.assessed {
                prop_assert_eq!((s.count, s.median, s.min, s.max), (1, Some(d.score), Some(d.score), Some(d.score)));
                prop_assert_eq!(s.median_level, Some(d.level));
            } else {
                prop_assert_eq!((s.count, s.median), (0, None));
            }
        }
    }

    /// Aggregating the same result several times changes nothing either.
    #[test]
    fn aggregate_of_copies_is_identity(a in any_answers(), n in 2usize..6) {
        let model = builtin();
        let one = assess(model, &a);
        let agg = aggregate(model, &vec![a; n]);
        for (s, d) in agg.dimensions.iter().zip(&one.dimensions) {
            prop_assert_eq!(s.median, d.assessed.then_some(d.score));
            prop_assert_eq!(s.range(), d.assessed.then_some(0.0));
        }
    }

    /// A result compared with itself is unchanged everywhere.
    #[test]
    fn compare_with_itself_is_unchanged(a in any_answers()) {
        let c = compare(builtin(), &a, &a);
        prop_assert_eq!(c.count(Change::Unchanged), builtin().questions.len());
        prop_assert!(c.dimensions.iter().all(|d| d.delta().is_none_or(|x| x == 0.0)));
    }
}

#[test]
fn pasted_links_report_bad_ones_and_keep_the_good() {
    use maturity_engine::compare::parse_links;
    use maturity_engine::link::encode;
    let model = builtin();
    let good = encode(model, &all(model, Answer::Fully), &Targets::new(model));
    let other = encode(model, &all(model, Answer::No), &Targets::new(model));
    // One character changed: the checksum must catch it.
    let mut mistyped: Vec<char> = good.chars().collect();
    mistyped[5] = if mistyped[5] == 'Q' { 'R' } else { 'Q' };
    let mistyped: String = mistyped.into_iter().collect();
    let text = format!(
        "https://example.org/mlops/#/r/{good}\n\n  {other}  \n{}\nnot a link\nhttps://x.test/#/r/{}\n",
        &good[..good.len() - 3],
        mistyped
    );
    // The app's URL shape: the payload follows `#/r/`.
    fn payload_of(line: &str) -> &str {
        line.trim().rsplit("#/r/").next().unwrap_or(line)
    }
    let parsed = parse_links(model, maturity_engine::builtin_version, &text, payload_of);
    let lines: Vec<usize> = parsed.iter().map(|p| p.line).collect();
    assert_eq!(lines, [1, 3, 4, 5, 6]);
    let ok: Vec<bool> = parsed.iter().map(|p| p.result.is_ok()).collect();
    assert_eq!(ok, [true, true, false, false, false]);
    let results: Vec<Answers> = parsed
        .into_iter()
        .filter_map(|p| p.result.ok())
        .map(|(_, r)| r.answers)
        .collect();
    let agg = aggregate(model, &results);
    assert_eq!(agg.results, 2);
}
