//! Scoring: staged levels, continuous scores, explanations and the roadmap.
//!
//! The rules are written out, with worked examples, in `docs/SCORING.md`; the
//! examples are tests in `tests/scoring.rs`. A model names its rule
//! ([`Rule`]). Common to both, for one dimension:
//!
//! * a question is *applicable* unless answered "Not applicable";
//! * a question is *met* when answered "Mostly" or "Fully";
//! * the **continuous score** is `L + (N - L) × p`, where `L` is the level,
//!   `N` the next level and `p` the mean credit of the practices `N` adds;
//!   at the model's top level (or with nothing left to add) the score is the
//!   level.
//!
//! [`Rule::Rows`] (questionnaire version 2): a question is required at the
//! levels `level..=until` whose rows describe it. A dimension *matches* level
//! `L` when every applicable question required at `L` is met (a level that
//! requires nothing matches when the level below does). Its **top** is the
//! highest level it matches; its **own** level the highest matched level that
//! adds a practice. The **overall level** is the lowest top among assessed
//! dimensions, and each dimension shows `min(top, max(own, overall))`: a level
//! that adds nothing new is shown only as far as the team's overall level.
//!
//! [`Rule::Staged`] (questionnaire version 1): the level is the highest `L`
//! such that every applicable question of levels `1..=L` is met *and* there
//! is at least one such question; the overall level is the lowest level.
//!
//! A dimension whose questions are all "Not applicable" is *not assessed* and
//! takes part in no overall figure.

use crate::answer::{Answer, Answers, Targets};
use crate::model::{Model, Question, Rule};

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
    /// Indices of the dimensions that set the overall level (the limiting ones).
    pub weakest: Vec<usize>,
    /// The practices that hold the overall level where it is: the limiting
    /// dimensions' unmet practices required at their next level, in model order.
    pub gaps: Vec<usize>,
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
    /// The level shown, `0..=model.top_level()`.
    pub level: u8,
    /// The highest level whose practices are all in place. Above `level` only
    /// where the levels between add no practice (see the module docs).
    pub top: u8,
    /// Continuous score, `level <= score < next_level` (the level when there is no next).
    pub score: f64,
    /// The next level that adds a practice; `None` at the top or when not assessed.
    pub next_level: Option<u8>,
    /// Levels (`1..=model.top_level()`) that ask no practice the level below does not: the
    /// model describes this dimension alike at `l - 1` and `l`.
    pub alike: Vec<u8>,
    pub total: usize,
    pub applicable: usize,
    pub answered: usize,
    pub dont_know: usize,
    /// Not applicable answers / questions of the dimension.
    pub not_applicable: usize,
    /// `dont_know / applicable` (0 when nothing is applicable).
    pub uncertainty: f64,
    pub explanation: Explanation,
}

/// Which answers produced a dimension's score. Every question of the
/// dimension appears in exactly one list, in model order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    /// Met questions at or below the level: they earn it.
    pub supporting: Vec<usize>,
    /// Unmet applicable questions required at the next level: they block
    /// it. These are the dimension's gaps.
    pub blockers: Vec<usize>,
    /// Met questions above the level: they add progress (at the next
    /// level) or are already in place for later levels.
    pub ahead: Vec<usize>,
    /// Unmet questions first required above the next level: not needed yet.
    pub later: Vec<usize>,
    /// Unmet questions that the next level no longer requires: a later level
    /// replaces them.
    pub superseded: Vec<usize>,
    /// Answered "Not applicable": left out.
    pub excluded: Vec<usize>,
}

/// One question of a dimension, as scoring sees it.
#[derive(Clone, Copy)]
struct Item<'a> {
    index: usize,
    question: &'a Question,
    answer: Answer,
}

impl Item<'_> {
    fn required_at(&self, level: u8) -> bool {
        self.answer.is_applicable() && self.question.required_at(level)
    }
}

/// What one dimension's answers reach, before the overall level is known.
struct Reach {
    /// Highest level matched.
    top: u8,
    /// Highest matched level that adds a practice.
    own: u8,
}

/// Scores every dimension.
pub fn assess(model: &Model, answers: &Answers) -> Assessment {
    let items: Vec<Vec<Item>> = (0..model.dimensions.len())
        .map(|d| {
            model
                .questions_of(d)
                .map(|q| Item {
                    index: q,
                    question: &model.questions[q],
                    answer: answers.get(q),
                })
                .collect()
        })
        .collect();
    let top = model.top_level();
    let reach: Vec<Reach> = items
        .iter()
        .map(|qs| match model.scoring {
            Rule::Rows => reach_rows(qs, top),
            Rule::Staged => {
                let l = staged_level(qs, top);
                Reach { top: l, own: l }
            }
        })
        .collect();
    let assessed = |qs: &[Item]| qs.iter().any(|i| i.answer.is_applicable());
    let level = items
        .iter()
        .zip(&reach)
        .filter(|(qs, _)| assessed(qs))
        .map(|(_, r)| r.top)
        .min();
    let dimensions: Vec<DimensionScore> = items
        .iter()
        .zip(&reach)
        .enumerate()
        .map(|(d, (qs, r))| finish(d, qs, r, level.unwrap_or(0), top))
        .collect();

    let scored: Vec<&DimensionScore> = dimensions.iter().filter(|d| d.assessed).collect();
    let score = if scored.is_empty() {
        None
    } else {
        Some(scored.iter().map(|d| d.score).sum::<f64>() / scored.len() as f64)
    };
    let weakest: Vec<usize> = match level {
        Some(l) => scored
            .iter()
            .filter(|d| d.top == l)
            .map(|d| d.dimension)
            .collect(),
        None => Vec::new(),
    };
    let mut gaps: Vec<usize> = weakest
        .iter()
        .flat_map(|&d| dimensions[d].explanation.blockers.iter().copied())
        .collect();
    crate::sort::sort_by_key(&mut gaps, |&q| q);
    let applicable: usize = dimensions.iter().map(|d| d.applicable).sum();
    let dont_know: usize = dimensions.iter().map(|d| d.dont_know).sum();
    let overall = Overall {
        level,
        score,
        weakest,
        gaps,
        answered: answers.answered(),
        total: model.questions.len(),
        uncertainty: ratio(dont_know, applicable),
    };
    Assessment {
        dimensions,
        overall,
    }
}

impl Assessment {
    /// Whether the overall level's name ("No MLOps", "Automated Training")
    /// fits the team as a headline. It does not when at most two practices
    /// hold the overall level two or more levels below the middle of the
    /// profile: a team with automated releases is not "No MLOps" because one
    /// level-1 practice is only partly in place. The level number and its
    /// gaps are shown either way.
    pub fn level_name_fits(&self) -> bool {
        let Some(level) = self.overall.level else {
            return false;
        };
        let mut levels: Vec<u8> = self
            .dimensions
            .iter()
            .filter(|d| d.assessed)
            .map(|d| d.level)
            .collect();
        crate::sort::sort_by_key(&mut levels, |&l| l);
        let middle = levels
            .get(levels.len().saturating_sub(1) / 2)
            .copied()
            .unwrap_or(level);
        !(self.overall.gaps.len() <= 2 && middle >= level + 2)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Whether the applicable questions required at `level` are all met; a
/// level that requires none matches when the level below does.
fn matches(qs: &[Item], level: u8) -> bool {
    if level == 0 {
        return true;
    }
    let mut required = qs.iter().filter(|i| i.required_at(level)).peekable();
    if required.peek().is_none() {
        matches(qs, level - 1)
    } else {
        required.all(|i| i.answer.is_met())
    }
}

/// Whether `level` requires an applicable practice that the level below does not.
fn adds(qs: &[Item], level: u8) -> bool {
    level > 0
        && qs
            .iter()
            .any(|i| i.required_at(level) && !i.required_at(level - 1))
}

fn reach_rows(qs: &[Item], top_level: u8) -> Reach {
    let top = (0..=top_level).rev().find(|&l| matches(qs, l)).unwrap_or(0);
    let own = (1..=top_level)
        .rev()
        .find(|&l| matches(qs, l) && adds(qs, l))
        .unwrap_or(0);
    Reach { top, own }
}

/// Questionnaire version 1's level: the lowest level holding an unmet
/// applicable question caps it at the level below, provided some applicable
/// question lies below the cap (a level is never awarded on no evidence).
fn staged_level(qs: &[Item], top: u8) -> u8 {
    let applicable: Vec<&Item> = qs.iter().filter(|i| i.answer.is_applicable()).collect();
    let first_unmet = applicable
        .iter()
        .filter(|i| !i.answer.is_met())
        .map(|i| i.question.level)
        .min();
    if applicable.is_empty() {
        return 0;
    }
    match first_unmet {
        None => top,
        Some(cap) if applicable.iter().any(|i| i.question.level < cap) => cap - 1,
        Some(_) => 0,
    }
}

/// The dimension's shown level, score and explanation, given the overall level.
fn finish(dimension: usize, qs: &[Item], reach: &Reach, overall: u8, top: u8) -> DimensionScore {
    let assessed = qs.iter().any(|i| i.answer.is_applicable());
    let level = if assessed {
        reach.top.min(reach.own.max(overall))
    } else {
        0
    };
    let next_level = if assessed {
        (level + 1..=top).find(|&l| adds(qs, l))
    } else {
        None
    };
    let score = match next_level {
        None => f64::from(level),
        Some(next) => {
            // The practices the next level requires, less those already
            // counted toward this level.
            let band: Vec<f64> = qs
                .iter()
                .filter(|i| i.required_at(next))
                .filter(|i| !(i.question.level <= level && i.answer.is_met()))
                .filter_map(|i| i.answer.credit())
                .collect();
            let progress = if band.is_empty() {
                0.0
            } else {
                band.iter().sum::<f64>() / band.len() as f64
            };
            f64::from(level) + f64::from(next - level) * progress
        }
    };

    let mut explanation = Explanation::default();
    for i in qs {
        let q = i.question;
        let list = if !i.answer.is_applicable() {
            &mut explanation.excluded
        } else if i.answer.is_met() && q.level <= level {
            &mut explanation.supporting
        } else if i.answer.is_met() {
            &mut explanation.ahead
        } else if next_level.is_some_and(|n| q.required_at(n)) {
            &mut explanation.blockers
        } else if next_level.is_none_or(|n| q.until < n) {
            &mut explanation.superseded
        } else {
            &mut explanation.later
        };
        list.push(i.index);
    }

    let applicable = qs.iter().filter(|i| i.answer.is_applicable()).count();
    let dont_know = qs.iter().filter(|i| i.answer == Answer::DontKnow).count();
    let alike = (1..=top).filter(|&l| assessed && !adds(qs, l)).collect();
    DimensionScore {
        dimension,
        assessed,
        level,
        top: if assessed { reach.top } else { 0 },
        score,
        next_level,
        alike,
        total: qs.len(),
        applicable,
        answered: qs.iter().filter(|i| i.answer != Answer::Unanswered).count(),
        dont_know,
        not_applicable: qs.len() - applicable,
        uncertainty: ratio(dont_know, applicable),
        explanation,
    }
}

impl DimensionScore {
    /// Plain sentences saying why the dimension has its level.
    pub fn summary(&self, model: &Model) -> String {
        let name = &model.dimensions[self.dimension].name;
        if !self.assessed {
            return format!(
                "{name} is not assessed: every question was answered \"Not applicable\"."
            );
        }
        let level = self.level;
        let met = self.explanation.supporting.len();
        let main = match self.next_level {
            None => {
                format!("{name} is at level {level}: all {met} practices it asks are in place.")
            }
            Some(next) => {
                let gaps = match self.explanation.blockers.len() {
                    1 => "1 practice stands".to_owned(),
                    n => format!("{n} practices stand"),
                };
                let met = match met {
                    0 => String::new(),
                    1 => format!(" 1 practice up to level {level} is in place;"),
                    m => format!(" {m} practices up to level {level} are in place;"),
                };
                format!("{name} is at level {level}.{met} {gaps} between it and level {next}.")
            }
        };
        let alike = if self.top > level {
            let levels = if self.top == level + 1 {
                format!("levels {level} and {}", self.top)
            } else {
                format!("levels {level} to {}", self.top)
            };
            format!(
                " The model describes {name} alike at {levels}, so it is shown at the team's overall level."
            )
        } else if level > 0 && self.alike.contains(&level) {
            format!(
                " The model describes {name} alike at levels {} and {level}.",
                level - 1
            )
        } else {
            String::new()
        };
        format!("{main}{alike}")
    }
}

/// The applicable practices of `dimension` not yet met that stand between
/// the answers and `level`: under [`Rule::Rows`], those that level requires
/// (a practice a lower level needs but `level` replaces is not counted; a
/// level that adds nothing asks what the level below it asks); under
/// [`Rule::Staged`], every practice at or below it. Empty once the answers
/// hold that level's practices. In model order.
pub fn short_of(model: &Model, answers: &Answers, dimension: usize, level: u8) -> Vec<usize> {
    let unmet = |q: &usize| {
        let a = answers.get(*q);
        a.is_applicable() && !a.is_met()
    };
    match model.scoring {
        Rule::Staged => model
            .questions_of(dimension)
            .filter(|q| model.questions[*q].level <= level)
            .filter(unmet)
            .collect(),
        Rule::Rows => {
            let requires = |l: u8| {
                model.questions_of(dimension).filter(move |q| {
                    answers.get(*q).is_applicable() && model.questions[*q].required_at(l)
                })
            };
            let Some(asking) = (1..=level).rev().find(|&l| requires(l).next().is_some()) else {
                return Vec::new();
            };
            requires(asking).filter(unmet).collect()
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

/// Every unmet applicable practice still ahead of the team, in the order to
/// take them: a practice comes after the practices it `requires` (when those
/// are steps too), and otherwise by the level it is expected at, then by
/// dimension, then in model order. Practices that a later level replaces,
/// once the dimension is past them, are left out. Where a dimension has a
/// target, practices above the target are left out: the roadmap stops there.
pub fn roadmap(model: &Model, answers: &Answers, targets: Option<&Targets>) -> Vec<RoadmapItem> {
    roadmap_of(model, &assess(model, answers), answers, targets)
}

/// [`roadmap`] for answers already assessed (`assessment` is
/// `assess(model, answers)`), so a page that shows both scores once.
pub fn roadmap_of(
    model: &Model,
    assessment: &Assessment,
    answers: &Answers,
    targets: Option<&Targets>,
) -> Vec<RoadmapItem> {
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
            let replaced = assessment.dimensions[dimension]
                .explanation
                .superseded
                .contains(&q);
            (answer.is_applicable() && !answer.is_met() && within_target && !replaced).then_some(
                RoadmapItem {
                    question: q,
                    dimension,
                    level: question.level,
                    answer,
                },
            )
        })
        .collect();
    crate::sort::sort_by_key(&mut items, |i| (i.level, i.dimension, i.question));
    after_prerequisites(model, items)
}

/// Reorders steps so that each comes after the steps it requires, keeping the
/// given order wherever prerequisites allow (the model has no cycles: its
/// validator rejects them). At each turn, the first step whose prerequisite
/// steps are all placed goes next.
fn after_prerequisites(model: &Model, mut pending: Vec<RoadmapItem>) -> Vec<RoadmapItem> {
    // Prerequisites as question indices, and which questions are still steps.
    let requires: Vec<Vec<usize>> = model
        .questions
        .iter()
        .map(|q| {
            q.requires
                .iter()
                .filter_map(|r| model.question_index(r))
                .collect()
        })
        .collect();
    let mut waiting = vec![false; model.questions.len()];
    for item in &pending {
        waiting[item.question] = true;
    }
    let mut placed = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        let ready = pending
            .iter()
            .position(|item| requires[item.question].iter().all(|&r| !waiting[r]))
            // Unreachable for a valid model; keeps a cycle from looping.
            .unwrap_or(0);
        let item = pending.remove(ready);
        waiting[item.question] = false;
        placed.push(item);
    }
    placed
}

/// The level of another staged model that the answers reach, per the
/// model's crosswalk.
#[derive(Debug, Clone, PartialEq)]
pub struct CrosswalkResult {
    /// Index into the crosswalk's levels.
    pub level: usize,
    /// Unmet practices (question indices, model order) the next level requires.
    pub missing: Vec<usize>,
}

/// The crosswalked level: the highest level whose required practices, and
/// those of every level below it, are met. Not applicable practices do not
/// count against it. `None` when the model has no crosswalk.
pub fn crosswalk(model: &Model, answers: &Answers) -> Option<CrosswalkResult> {
    let c = model.crosswalk.as_ref()?;
    let unmet = |ids: &[String]| -> Vec<usize> {
        ids.iter()
            .filter_map(|id| model.question_index(id))
            .filter(|&q| {
                let a = answers.get(q);
                a.is_applicable() && !a.is_met()
            })
            .collect()
    };
    let mut level = 0;
    for (i, l) in c.levels.iter().enumerate().skip(1) {
        let missing = unmet(&l.requires);
        if !missing.is_empty() {
            let mut missing = missing;
            crate::sort::sort_by_key(&mut missing, |&q| q);
            return Some(CrosswalkResult { level, missing });
        }
        level = i;
    }
    Some(CrosswalkResult {
        level,
        missing: Vec::new(),
    })
}
