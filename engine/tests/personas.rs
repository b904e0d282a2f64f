//! The model's own tables, reproduced: a team that does exactly what the
//! seed's level-L rows describe is told level L, overall and in every
//! dimension. Which questions such a team meets is derived from the seed
//! text (a question is met when a statement it cites stands in the level-L
//! row of its dimension; the Technology column counts levels 1 to L), not
//! from the questions' own level fields.

mod common;

use common::seed::{parse_seed, read_seed, Seed};
use maturity_engine::{assess, builtin, Answer, Answers, Model};

/// The answers of a team exactly at `level`: Fully where the level's rows
/// describe the practice, No everywhere else.
fn exactly_at(model: &Model, seed: &Seed, level: u8) -> Answers {
    let mut answers = Answers::new(model);
    for (q, question) in model.questions.iter().enumerate() {
        let described = question.evidence.iter().any(|id| {
            let c = model
                .characteristic(id)
                .unwrap_or_else(|| panic!("{} cites unknown {id}", question.id));
            seed.row_has(level, &c.dimension, &c.text)
        });
        answers.set(q, if described { Answer::Fully } else { Answer::No });
    }
    answers
}

#[test]
fn a_team_exactly_at_each_level_is_told_that_level() {
    let Some(text) = read_seed() else { return };
    let seed = parse_seed(&text);
    let model = builtin();
    for level in 0..=4u8 {
        let answers = exactly_at(model, &seed, level);
        let result = assess(model, &answers);
        assert_eq!(
            result.overall.level,
            Some(level),
            "a team exactly at level {level} is told level {:?}",
            result.overall.level
        );
        for d in &result.dimensions {
            assert_eq!(
                d.level,
                level,
                "a team exactly at level {level}: {} shows level {} ({})",
                model.dimensions[d.dimension].name,
                d.level,
                d.summary(model)
            );
        }
    }
}

#[test]
fn each_level_persona_meets_some_practice_of_its_level() {
    // Guards the derivation itself: a persona that met nothing (a parse that
    // found no row) would pass level 0 trivially.
    let Some(text) = read_seed() else { return };
    let seed = parse_seed(&text);
    let model = builtin();
    let mut previous = 0;
    for level in 1..=4u8 {
        let met = exactly_at(model, &seed, level)
            .as_slice()
            .iter()
            .filter(|a| **a == Answer::Fully)
            .count();
        assert!(met > 0, "the level-{level} persona meets nothing");
        if level > 1 {
            assert!(met >= previous / 2, "level {level} meets {met} practices");
        }
        previous = met;
    }
}
