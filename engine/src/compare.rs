//! Comparing results: then vs now, a team's aggregate, and progress toward
//! targets. All of it works on answers decoded from links or files; nothing
//! here needs a server.

use crate::answer::{Answer, Answers, Targets};
use crate::link::{self, LinkError, SharedResult};
use crate::model::Model;
use crate::scoring::{assess, Assessment};

/// How one question's answer changed between two results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Higher on the No..Fully scale.
    Improved,
    /// Lower on the No..Fully scale.
    Regressed,
    Unchanged,
    /// Moved to or from an answer off the scale (Don't know, Not applicable,
    /// not answered): different, but neither better nor worse.
    Other,
}

/// One question in a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionChange {
    pub question: usize,
    pub dimension: usize,
    pub before: Answer,
    pub after: Answer,
    pub change: Change,
}

/// One dimension in a comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DimensionChange {
    pub dimension: usize,
    /// `None` when not assessed.
    pub level_before: Option<u8>,
    pub level_after: Option<u8>,
    pub score_before: Option<f64>,
    pub score_after: Option<f64>,
}

impl DimensionChange {
    /// Score difference, when both sides are assessed.
    pub fn delta(&self) -> Option<f64> {
        Some(self.score_after? - self.score_before?)
    }
}

/// Then vs now.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub before: Assessment,
    pub after: Assessment,
    pub dimensions: Vec<DimensionChange>,
    /// Every question, in model order (group by `dimension` to display).
    pub questions: Vec<QuestionChange>,
}

impl Comparison {
    /// How many questions changed in the given way.
    pub fn count(&self, change: Change) -> usize {
        self.questions.iter().filter(|q| q.change == change).count()
    }
}

/// Classifies a change of answer.
pub fn classify(before: Answer, after: Answer) -> Change {
    if before == after {
        return Change::Unchanged;
    }
    match (before.rank(), after.rank()) {
        (Some(b), Some(a)) if a > b => Change::Improved,
        (Some(_), Some(_)) => Change::Regressed,
        _ => Change::Other,
    }
}

/// Compares two results of the same model.
pub fn compare(model: &Model, before: &Answers, after: &Answers) -> Comparison {
    let b = assess(model, before);
    let a = assess(model, after);
    let dimensions = b
        .dimensions
        .iter()
        .zip(&a.dimensions)
        .map(|(x, y)| DimensionChange {
            dimension: x.dimension,
            level_before: x.assessed.then_some(x.level),
            level_after: y.assessed.then_some(y.level),
            score_before: x.assessed.then_some(x.score),
            score_after: y.assessed.then_some(y.score),
        })
        .collect();
    let questions = model
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| {
            let (before, after) = (before.get(q), after.get(q));
            QuestionChange {
                question: q,
                dimension: model.dimension_index(&question.dimension).unwrap_or(0),
                before,
                after,
                change: classify(before, after),
            }
        })
        .collect();
    Comparison {
        before: b,
        after: a,
        dimensions,
        questions,
    }
}

/// A dimension across a team.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub dimension: usize,
    /// How many results assess this dimension.
    pub count: usize,
    /// Median, lowest and highest continuous score; `None` when no result
    /// assesses the dimension.
    pub median: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Median staged level (the lower middle for an even count).
    pub median_level: Option<u8>,
}

impl Spread {
    /// `max - min`, the width of the band on the chart.
    pub fn range(&self) -> Option<f64> {
        Some(self.max? - self.min?)
    }
}

/// A question teammates answered two or more steps apart on the No..Fully scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub question: usize,
    pub dimension: usize,
    /// Lowest and highest rank given (0 = No .. 3 = Fully).
    pub low: u8,
    pub high: u8,
    /// How many results gave each of No, Partially, Mostly, Fully.
    pub counts: [usize; 4],
}

impl Disagreement {
    pub fn steps(&self) -> u8 {
        self.high - self.low
    }
}

/// A team's results taken together.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub results: usize,
    pub dimensions: Vec<Spread>,
    /// Widest disagreements first, then model order.
    pub disagreements: Vec<Disagreement>,
}

fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// Aggregates several results of the same model: per-dimension median and
/// range, and the questions where people disagree most.
pub fn aggregate(model: &Model, results: &[Answers]) -> Aggregate {
    let assessments: Vec<Assessment> = results.iter().map(|a| assess(model, a)).collect();
    let dimensions = (0..model.dimensions.len())
        .map(|d| {
            let mut scores: Vec<f64> = Vec::new();
            let mut levels: Vec<u8> = Vec::new();
            for s in assessments
                .iter()
                .map(|a| &a.dimensions[d])
                .filter(|s| s.assessed)
            {
                scores.push(s.score);
                levels.push(s.level);
            }
            crate::sort::sort_by(&mut scores, f64::total_cmp);
            crate::sort::sort_by_key(&mut levels, |l| *l);
            Spread {
                dimension: d,
                count: scores.len(),
                median: median(&scores),
                min: scores.first().copied(),
                max: scores.last().copied(),
                median_level: levels.get(levels.len().saturating_sub(1) / 2).copied(),
            }
        })
        .collect();
    let mut disagreements: Vec<Disagreement> = model
        .questions
        .iter()
        .enumerate()
        .filter_map(|(q, question)| {
            let mut counts = [0usize; 4];
            for r in results {
                if let Some(rank) = r.get(q).rank() {
                    counts[usize::from(rank)] += 1;
                }
            }
            let low = counts.iter().position(|c| *c > 0)? as u8;
            let high = counts.iter().rposition(|c| *c > 0)? as u8;
            (high - low >= 2).then(|| Disagreement {
                question: q,
                dimension: model.dimension_index(&question.dimension).unwrap_or(0),
                low,
                high,
                counts,
            })
        })
        .collect();
    crate::sort::sort_by_key(&mut disagreements, |d| {
        (std::cmp::Reverse(d.steps()), d.question)
    });
    Aggregate {
        results: results.len(),
        dimensions,
        disagreements,
    }
}

/// Figures against per-dimension targets, in the manner of OWASP SAMM.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetProgress {
    /// `1 − Σ gap / Σ target` over dimensions with a target above 0, where a
    /// gap is `max(0, target − score)`. `None` when no such target is set.
    pub percent_to_target: Option<f64>,
    /// Against a baseline: `Σ (current − baseline) / Σ (target − baseline)`
    /// over dimensions with a target above the baseline score, with scores
    /// capped at the target. `None` without a baseline or such a target.
    pub progress: Option<f64>,
}

/// Computes percent-to-target and, given a baseline, progress to date.
/// Dimensions that are not assessed, or have no target, are left out.
pub fn target_progress(
    current: &Assessment,
    targets: &Targets,
    baseline: Option<&Assessment>,
) -> TargetProgress {
    let mut gap = 0.0;
    let mut total = 0.0;
    let mut moved = 0.0;
    let mut needed = 0.0;
    for d in current.dimensions.iter().filter(|d| d.assessed) {
        let Some(target) = targets.get(d.dimension).map(f64::from) else {
            continue;
        };
        if target > 0.0 {
            gap += (target - d.score).max(0.0);
            total += target;
        }
        if let Some(base) = baseline
            .and_then(|b| b.dimensions.get(d.dimension))
            .filter(|b| b.assessed)
        {
            let start = base.score.min(target);
            if target > start {
                moved += d.score.min(target) - start;
                needed += target - start;
            }
        }
    }
    TargetProgress {
        percent_to_target: (total > 0.0).then(|| 1.0 - gap / total),
        progress: (needed > 0.0).then(|| moved / needed),
    }
}

/// One entry of a pasted list of links.
#[derive(Debug, Clone, PartialEq)]
pub struct PastedLink<'m> {
    /// 1-based line number in the pasted text.
    pub line: usize,
    /// The entry as pasted (trimmed, at most 80 characters, for messages).
    pub text: String,
    /// The questionnaire version it was made with, and its result.
    pub result: Result<(&'m Model, SharedResult), LinkError>,
}

/// Reads a list of result links, one per line (blank lines skipped), made
/// with `model` or an earlier version of it that `earlier` gives (see
/// [`link::decode_versions`]). Each bad link is reported on its own; the
/// good ones are still returned. `payload_of` finds the payload in a line
/// (the app knows its URL shape).
pub fn parse_links<'t, 'm>(
    model: &'m Model,
    earlier: impl Fn(u8) -> Option<&'m Model>,
    text: &'t str,
    payload_of: impl Fn(&'t str) -> &'t str,
) -> Vec<PastedLink<'m>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| PastedLink {
            line: i + 1,
            text: l.trim().chars().take(80).collect(),
            result: link::decode_versions(model, &earlier, payload_of(l)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_table() {
        use Answer::*;
        for (b, a, want) in [
            (No, Fully, Change::Improved),
            (Partially, Mostly, Change::Improved),
            (Fully, Partially, Change::Regressed),
            (Mostly, Mostly, Change::Unchanged),
            (Unanswered, Unanswered, Change::Unchanged),
            (DontKnow, Fully, Change::Other),
            (No, NotApplicable, Change::Other),
            (Unanswered, No, Change::Other),
        ] {
            assert_eq!(classify(b, a), want, "{b:?} -> {a:?}");
        }
    }

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[1.0]), Some(1.0));
        assert_eq!(median(&[1.0, 2.0, 4.0]), Some(2.0));
        assert_eq!(median(&[1.0, 2.0, 3.0, 4.0]), Some(2.5));
    }
}
