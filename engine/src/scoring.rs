//! Scoring: staged levels, continuous scores, explanations and the roadmap.
//!
//! The rules are written out, with worked examples, in `docs/SCORING.md`; the
//! examples are tests in `tests/scoring.rs`. In short, for one dimension:
//!
//! * a question is *applicable* unless answered "Not applicable";
//! * a question is *met* when answered "Mostly" or "Fully";
//! * the **staged level** is the highest level `L` such that every applicable
//!   question of levels `1..=L` is met *and* there is at least one such
//!   question (no level is awarded on no evidence);
//! * the **next level** `N` is the lowest level above `L` that has an
//!   applicable question; the **continuous score** is
//!   `L + (N - L) × p`, where `p` is the mean credit of the applicable
//!   questions at levels `L+1..=N`; at level 4 the score is 4.0.
//!
//! The overall level is the weakest assessed dimension's level (maturity is
//! staged); the overall score is the mean of the assessed dimensions' scores.
//! A dimension whose questions are all "Not applicable" is *not assessed* and
//! takes part in neither.

use crate::answer::{Answer, Answers, Targets};
use crate::model::{Model, MAX_LEVEL};

/// The result of scoring a set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// One per dimension, in model order.
    pub dimensions: Vec<DimensionScore>,
    pub overall: Overall,
}

/// The whole-team figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Overall {
    /// The lowest level among assessed dimensions; `None` if none is assessed.
    pub level: Option<u8>,
    /// Mean continuous score of assessed dimensions; `None` if none is assessed.
    pub score: Option<f64>,
    /// Indices of the dimensions that set the overall level (the weakest).
    pub weakest: Vec<usize>,
    /// Questions answered (any state but unanswered) / total questions.
    pub answered: usize,
    pub total: usize,
    /// "Don't know" answers / applicable questions, over all dimensions.
    pub uncertainty: f64,
}

/// The score of one dimension, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionScore {
    pub dimension: usize,
    /// False when every question of the dimension is "Not applicable".
    pub assessed: bool,
    /// Staged level, 0..=4.
    pub level: u8,
    /// Continuous score, `level <= score < next_level` (4.0 at the top).
    pub score: f64,
    /// The next level that can be reached; `None` at level 4 or when not assessed.
    pub next_level: Option<u8>,
    pub total: usize,
    pub applicable: usize,
    pub answered: usize,
    pub dont_know: usize,
    /// `dont_know / applicable` (0 when nothing is applicable).
    pub uncertainty: f64,
    pub explanation: Explanation,
}

/// Which answers produced a dimension's score. Every question of the
/// dimension appears in exactly one list, in model order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    /// Met questions at or below the staged level: they earn it.
    pub supporting: Vec<usize>,
    /// Unmet applicable questions at levels up to the next level: they block
    /// it. These are the dimension's gaps.
    pub blockers: Vec<usize>,
    /// Met questions above the staged level: they add progress (at the next
    /// level) or are already in place for later levels.
    pub ahead: Vec<usize>,
    /// Unmet questions above the next level: not needed yet.
    pub later: Vec<usize>,
    /// Answered "Not applicable": left out.
    pub excluded: Vec<usize>,
}

/// Scores every dimension.
pub fn assess(model: &Model, answers: &Answers) -> Assessment {
    let dimensions: Vec<DimensionScore> = (0..model.dimensions.len())
        .map(|d| score_dimension(model, answers, d))
        .collect();
    let assessed: Vec<&DimensionScore> = dimensions.iter().filter(|d| d.assessed).collect();
    let level = assessed.iter().map(|d| d.level).min();
    let score = if assessed.is_empty() {
        None
    } else {
        Some(assessed.iter().map(|d| d.score).sum::<f64>() / assessed.len() as f64)
    };
    let weakest = match level {
        Some(l) => assessed
            .iter()
            .filter(|d| d.level == l)
            .map(|d| d.dimension)
            .collect(),
        None => Vec::new(),
    };
    let applicable: usize = dimensions.iter().map(|d| d.applicable).sum();
    let dont_know: usize = dimensions.iter().map(|d| d.dont_know).sum();
    let overall = Overall {
        level,
        score,
        weakest,
        answered: answers.answered(),
        total: model.questions.len(),
        uncertainty: ratio(dont_know, applicable),
    };
    Assessment {
        dimensions,
        overall,
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Scores one dimension (see the module docs for the rules).
pub fn score_dimension(model: &Model, answers: &Answers, dimension: usize) -> DimensionScore {
    let questions: Vec<(usize, u8, Answer)> = model
        .questions_of(dimension)
        .map(|q| (q, model.questions[q].level, answers.get(q)))
        .collect();
    let applicable: Vec<&(usize, u8, Answer)> = questions
        .iter()
        .filter(|(_, _, a)| a.is_applicable())
        .collect();

    // Staged level: the lowest level holding an unmet applicable question
    // caps it at the level below, provided some applicable question lies
    // below the cap (a level is never awarded on no evidence).
    let first_unmet = applicable
        .iter()
        .filter(|(_, _, a)| !a.is_met())
        .map(|(_, l, _)| *l)
        .min();
    let level = if applicable.is_empty() {
        0
    } else {
        match first_unmet {
            None => MAX_LEVEL,
            Some(cap) if applicable.iter().any(|(_, l, _)| *l < cap) => cap - 1,
            Some(_) => 0,
        }
    };
    let next_level = applicable
        .iter()
        .map(|(_, l, _)| *l)
        .filter(|l| *l > level)
        .min();

    let score = match next_level {
        None if applicable.is_empty() => 0.0,
        None => f64::from(MAX_LEVEL),
        Some(next) => {
            let band: Vec<f64> = applicable
                .iter()
                .filter(|(_, l, _)| *l > level && *l <= next)
                .filter_map(|(_, _, a)| a.credit())
                .collect();
            let progress = band.iter().sum::<f64>() / band.len() as f64;
            f64::from(level) + f64::from(next - level) * progress
        }
    };

    let mut explanation = Explanation::default();
    for &(q, l, a) in &questions {
        let list = if !a.is_applicable() {
            &mut explanation.excluded
        } else if a.is_met() && l <= level {
            &mut explanation.supporting
        } else if a.is_met() {
            &mut explanation.ahead
        } else if next_level.is_some_and(|n| l <= n) {
            &mut explanation.blockers
        } else {
            &mut explanation.later
        };
        list.push(q);
    }

    let dont_know = applicable
        .iter()
        .filter(|(_, _, a)| *a == Answer::DontKnow)
        .count();
    DimensionScore {
        dimension,
        assessed: !applicable.is_empty(),
        level,
        score,
        next_level,
        total: questions.len(),
        applicable: applicable.len(),
        answered: questions
            .iter()
            .filter(|(_, _, a)| *a != Answer::Unanswered)
            .count(),
        dont_know,
        uncertainty: ratio(dont_know, applicable.len()),
        explanation,
    }
}

impl DimensionScore {
    /// One plain sentence saying why the dimension has its level.
    pub fn summary(&self, model: &Model) -> String {
        let name = &model.dimensions[self.dimension].name;
        if !self.assessed {
            return format!(
                "{name} is not assessed: every question was answered \"Not applicable\"."
            );
        }
        let met = self.explanation.supporting.len();
        match self.next_level {
            None => format!(
                "{name} is at level {}: all {met} applicable practices are in place.",
                self.level
            ),
            Some(next) => {
                let n = self.explanation.blockers.len();
                let gaps = if n == 1 {
                    "1 unmet practice stands"
                } else {
                    "unmet practices stand"
                };
                let gaps = if n == 1 {
                    gaps.to_owned()
                } else {
                    format!("{n} {gaps}")
                };
                let met = match met {
                    0 => String::new(),
                    1 => format!(" 1 practice up to level {} is in place;", self.level),
                    m => format!(" {m} practices up to level {} are in place;", self.level),
                };
                format!(
                    "{name} is at level {}.{met} {gaps} between it and level {next}.",
                    self.level
                )
            }
        }
    }
}

/// One step of the roadmap: an unmet practice and the level it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoadmapItem {
    pub question: usize,
    pub dimension: usize,
    /// The level at which the practice is first expected.
    pub level: u8,
    pub answer: Answer,
}

/// Every unmet applicable practice, ordered by the level it is expected at,
/// then by dimension, then by question (model order). Where a dimension has a
/// target, practices above the target are left out: the roadmap stops there.
pub fn roadmap(model: &Model, answers: &Answers, targets: Option<&Targets>) -> Vec<RoadmapItem> {
    let mut items: Vec<RoadmapItem> = model
        .questions
        .iter()
        .enumerate()
        .filter_map(|(q, question)| {
            let answer = answers.get(q);
            let dimension = model.dimension_index(&question.dimension)?;
            let within_target = targets
                .and_then(|t| t.get(dimension))
                .is_none_or(|t| question.level <= t);
            (answer.is_applicable() && !answer.is_met() && within_target).then_some(RoadmapItem {
                question: q,
                dimension,
                level: question.level,
                answer,
            })
        })
        .collect();
    crate::sort::sort_by_key(&mut items, |i| (i.level, i.dimension, i.question));
    items
}
