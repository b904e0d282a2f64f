//! How numbers read everywhere in the app: scores, changes, percentages, and
//! the text for a value that is not there.

/// What a table shows where a level or score cannot be given.
pub const NOT_AVAILABLE: &str = "n/a";

/// A small count in words ("five"), as running text writes it; figures
/// from 10 up.
pub fn count_words(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// How long answering `questions` questions takes, at about 20 seconds
/// each: "about 10 minutes", "about 3 hours".
pub fn time_estimate(questions: usize) -> String {
    let minutes = (questions * 20).div_ceil(60).max(1);
    match minutes {
        1 => "about a minute".to_owned(),
        m if m < 90 => format!("about {m} minutes"),
        m => format!("about {} hours", (m + 30) / 60),
    }
}

/// A score with one decimal, as everywhere in the app.
pub fn score_text(score: f64) -> String {
    format!("{score:.1}")
}

/// A score, or [`NOT_AVAILABLE`].
pub fn optional_score_text(score: Option<f64>) -> String {
    score.map_or_else(|| NOT_AVAILABLE.to_owned(), score_text)
}

/// A level, or [`NOT_AVAILABLE`].
pub fn optional_level_text(level: Option<u8>) -> String {
    level.map_or_else(|| NOT_AVAILABLE.to_owned(), |l| l.to_string())
}

/// "+0.5", "−0.3", "0.0": a signed score change with one decimal.
pub fn delta_text(delta: f64) -> String {
    let d = (delta * 10.0).round() / 10.0;
    if d > 0.0 {
        format!("+{d:.1}")
    } else if d < 0.0 {
        format!("\u{2212}{:.1}", -d)
    } else {
        "0.0".to_owned()
    }
}

/// "72%": a share as a whole percentage.
pub fn percent_text(share: f64) -> String {
    let p = (share * 100.0).round();
    if p < 0.0 {
        format!("\u{2212}{:.0}%", -p)
    } else {
        format!("{p:.0}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_estimates_read_as_minutes_then_hours() {
        assert_eq!(time_estimate(30), "about 10 minutes");
        assert_eq!(time_estimate(12), "about 4 minutes");
        assert_eq!(time_estimate(2), "about a minute");
        assert_eq!(time_estimate(500), "about 3 hours");
    }

    #[test]
    fn scores_have_one_decimal() {
        assert_eq!(score_text(1.75), "1.8");
        assert_eq!(score_text(0.0), "0.0");
        assert_eq!(score_text(4.0), "4.0");
        assert_eq!(optional_score_text(None), "n/a");
        assert_eq!(optional_score_text(Some(2.04)), "2.0");
        assert_eq!(optional_level_text(None), "n/a");
        assert_eq!(optional_level_text(Some(3)), "3");
    }

    #[test]
    fn small_counts_are_words() {
        assert_eq!(count_words(5), "five");
        assert_eq!(count_words(3), "three");
        assert_eq!(count_words(12), "12");
    }

    #[test]
    fn deltas_are_signed_with_one_decimal() {
        assert_eq!(delta_text(0.54), "+0.5");
        assert_eq!(delta_text(-0.26), "\u{2212}0.3");
        assert_eq!(delta_text(0.01), "0.0");
        assert_eq!(delta_text(-0.04), "0.0");
    }

    #[test]
    fn percents_are_whole_and_signed() {
        assert_eq!(percent_text(0.724), "72%");
        assert_eq!(percent_text(1.0), "100%");
        assert_eq!(percent_text(-0.1), "\u{2212}10%");
    }
}
