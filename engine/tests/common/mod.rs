//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

pub mod seed;

use maturity_engine::{Answer, Answers, Model};

/// One letter per answer: `N` No, `P` Partially, `M` Mostly, `F` Fully,
/// `?` Don't know, `x` Not applicable, `_` not answered.
pub fn letter(c: char) -> Answer {
    match c {
        'N' => Answer::No,
        'P' => Answer::Partially,
        'M' => Answer::Mostly,
        'F' => Answer::Fully,
        '?' => Answer::DontKnow,
        'x' => Answer::NotApplicable,
        '_' => Answer::Unanswered,
        other => panic!("unknown answer letter {other:?}"),
    }
}

/// Builds answers from `(dimension id, letters)` rows; letters are in
/// questionnaire order within the dimension; unlisted dimensions stay unanswered.
pub fn answers(model: &Model, rows: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new(model);
    for (dim, letters) in rows {
        let d = model
            .dimension_index(dim)
            .unwrap_or_else(|| panic!("no dimension {dim}"));
        let qs: Vec<usize> = model.questions_of(d).collect();
        let ls: Vec<Answer> = letters
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(letter)
            .collect();
        assert_eq!(
            qs.len(),
            ls.len(),
            "{dim}: {} questions, {} letters",
            qs.len(),
            ls.len()
        );
        for (q, l) in qs.into_iter().zip(ls) {
            a.set(q, l);
        }
    }
    a
}

/// Every question answered the same way.
pub fn all(model: &Model, answer: Answer) -> Answers {
    Answers::from_vec(vec![answer; model.questions.len()])
}
