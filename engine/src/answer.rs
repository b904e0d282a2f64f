//! Answers to questions, and per-dimension target levels.

use crate::model::{Model, MAX_LEVELS};

/// An answer to one question. `Unanswered` is a state of its own, distinct
/// from every choice the user can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Answer {
    #[default]
    Unanswered,
    No,
    Partially,
    Mostly,
    Fully,
    /// Counts as not met, and is reported separately as uncertainty.
    DontKnow,
    /// Excluded from every denominator; never the same as `No`.
    NotApplicable,
}

impl Answer {
    /// Every state, in code order (`Answer::ALL[a.code()] == a`).
    pub const ALL: [Answer; 7] = [
        Answer::Unanswered,
        Answer::No,
        Answer::Partially,
        Answer::Mostly,
        Answer::Fully,
        Answer::DontKnow,
        Answer::NotApplicable,
    ];

    /// The choices offered to the user, in display order.
    pub const CHOICES: [Answer; 6] = [
        Answer::No,
        Answer::Partially,
        Answer::Mostly,
        Answer::Fully,
        Answer::DontKnow,
        Answer::NotApplicable,
    ];

    /// Small stable number used by the share link (3 bits).
    pub fn code(self) -> u8 {
        self as u8
    }

    /// Inverse of [`Answer::code`].
    pub fn from_code(code: u8) -> Option<Answer> {
        Answer::ALL.get(usize::from(code)).copied()
    }

    /// Stable word used by the draft and export formats.
    pub fn key(self) -> &'static str {
        match self {
            Answer::Unanswered => "unanswered",
            Answer::No => "no",
            Answer::Partially => "partially",
            Answer::Mostly => "mostly",
            Answer::Fully => "fully",
            Answer::DontKnow => "dont-know",
            Answer::NotApplicable => "not-applicable",
        }
    }

    /// Inverse of [`Answer::key`].
    pub fn from_key(key: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Words shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Unanswered => "Not answered",
            Answer::No => "No",
            Answer::Partially => "Partially",
            Answer::Mostly => "Mostly",
            Answer::Fully => "Fully",
            Answer::DontKnow => "Don't know",
            Answer::NotApplicable => "Not applicable",
        }
    }

    /// Partial credit toward a practice: No 0, Partially ⅓, Mostly ⅔, Fully 1.
    /// `Unanswered` and `DontKnow` earn 0. `None` for `NotApplicable`, which
    /// is left out of the denominator.
    pub fn credit(self) -> Option<f64> {
        match self {
            Answer::NotApplicable => None,
            Answer::Partially => Some(1.0 / 3.0),
            Answer::Mostly => Some(2.0 / 3.0),
            Answer::Fully => Some(1.0),
            Answer::Unanswered | Answer::No | Answer::DontKnow => Some(0.0),
        }
    }

    /// A practice is *met* when it is in place "Mostly" or "Fully".
    pub fn is_met(self) -> bool {
        matches!(self, Answer::Mostly | Answer::Fully)
    }

    /// Whether the question counts at all (everything but "Not applicable").
    pub fn is_applicable(self) -> bool {
        self != Answer::NotApplicable
    }

    /// What the answer means, shown beside the choice: the scale measures how
    /// much of the assessment's scope (the production models it covers) has
    /// the practice. "Mostly" starts at half, so that a practice in place for
    /// half or more of the models counts as met.
    pub fn anchor(self) -> &'static str {
        match self {
            Answer::No => "None of the models in scope",
            Answer::Partially => "Some, but fewer than half",
            Answer::Mostly => "Half or more, not all",
            Answer::Fully => "All of them",
            Answer::DontKnow => "Can't vouch for it either way",
            Answer::NotApplicable => "Doesn't apply here: say why in a note",
            Answer::Unanswered => "",
        }
    }

    /// Rank on the No..Fully scale (0..=3), for comparing two answers.
    /// `None` for states off the scale.
    pub fn rank(self) -> Option<u8> {
        match self {
            Answer::No => Some(0),
            Answer::Partially => Some(1),
            Answer::Mostly => Some(2),
            Answer::Fully => Some(3),
            _ => None,
        }
    }
}

/// One answer per question of a model, in model order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Answers(Vec<Answer>);

impl Answers {
    /// All unanswered.
    pub fn new(model: &Model) -> Answers {
        Answers(vec![Answer::Unanswered; model.questions.len()])
    }

    /// Wraps a vector; its length must be the model's question count.
    pub fn from_vec(answers: Vec<Answer>) -> Answers {
        Answers(answers)
    }

    pub fn get(&self, question: usize) -> Answer {
        self.0.get(question).copied().unwrap_or_default()
    }

    /// Sets one answer; out-of-range indices are ignored.
    pub fn set(&mut self, question: usize, answer: Answer) {
        if let Some(slot) = self.0.get_mut(question) {
            *slot = answer;
        }
    }

    pub fn as_slice(&self) -> &[Answer] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many questions have any answer (including "Don't know" and "Not applicable").
    pub fn answered(&self) -> usize {
        self.0.iter().filter(|a| **a != Answer::Unanswered).count()
    }
}

/// Optional target level per dimension, in model order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Targets(Vec<Option<u8>>);

impl Targets {
    /// No targets set.
    pub fn new(model: &Model) -> Targets {
        Targets(vec![None; model.dimensions.len()])
    }

    pub fn from_vec(targets: Vec<Option<u8>>) -> Targets {
        Targets(targets)
    }

    pub fn get(&self, dimension: usize) -> Option<u8> {
        self.0.get(dimension).copied().flatten()
    }

    /// Sets a target; levels above the most any model has are clamped
    /// (a model's own top level is applied where the target is read).
    pub fn set(&mut self, dimension: usize, level: Option<u8>) {
        if let Some(slot) = self.0.get_mut(dimension) {
            *slot = level.map(|l| l.min(MAX_LEVELS as u8 - 1));
        }
    }

    pub fn as_slice(&self) -> &[Option<u8>] {
        &self.0
    }

    pub fn any(&self) -> bool {
        self.0.iter().any(Option::is_some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_keys_round_trip() {
        for a in Answer::ALL {
            assert_eq!(Answer::from_code(a.code()), Some(a));
            assert_eq!(Answer::from_key(a.key()), Some(a));
        }
        assert_eq!(Answer::from_code(7), None);
        assert_eq!(Answer::from_key("yes"), None);
    }

    #[test]
    fn credit_rules() {
        assert_eq!(Answer::NotApplicable.credit(), None);
        assert_eq!(Answer::DontKnow.credit(), Some(0.0));
        assert_eq!(Answer::Unanswered.credit(), Some(0.0));
        assert!(Answer::Mostly.is_met() && Answer::Fully.is_met());
        assert!(!Answer::Partially.is_met() && !Answer::DontKnow.is_met());
    }
}
