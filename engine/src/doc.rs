//! The questionnaire document of a model, in Markdown: every question with
//! its levels, help, what counts, evidence, the statements it cites and its
//! next step; every statement of each dimension with what asks it; the
//! earlier version's questions; the crosswalk. docs/QUESTIONNAIRE.md is this
//! document for the built-in model, and `model-check` writes it for any
//! model file.

use crate::model::{Model, Question};
use std::fmt::Write;

/// A note added to a question's "Level" line, if it has one.
pub type LevelNote<'a> = &'a dyn Fn(&Question) -> Option<String>;

/// What a document says beyond the model itself.
#[derive(Default)]
pub struct DocOptions<'a> {
    /// The paragraph under the title: where the document comes from.
    pub generated_from: String,
    /// The "How statements became questions" section, a Markdown line each
    /// (left out when empty).
    pub method: Vec<String>,
    /// Added to a question's "Level" line, e.g. what replaces it.
    pub level_note: Option<LevelNote<'a>>,
    /// The earlier questionnaire version, for the table of what became of
    /// its questions.
    pub earlier: Option<&'a Model>,
}

/// Words for a level span: "level 2 and every level above it", "level 4",
/// "levels 1 to 2 only".
fn span_words(q: &Question, top: u8) -> String {
    match (q.level, q.until) {
        (l, u) if u == top && l == top => format!("level {l}"),
        (l, u) if u == top => format!("level {l} and every level above it"),
        (l, u) if l == u => format!("level {l} only"),
        (l, u) => format!("levels {l} to {u} only"),
    }
}

/// Markdown table cell: no line breaks or bars.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The questionnaire document of `model`.
pub fn questionnaire_markdown(model: &Model, options: &DocOptions) -> String {
    let top = model.top_level();
    let mut s = String::new();
    let w = &mut s;
    let _ = writeln!(
        w,
        "# The questionnaire and where each question comes from\n"
    );
    let _ = writeln!(w, "{}\n", options.generated_from);
    if !options.method.is_empty() {
        let _ = writeln!(w, "## How seed statements became questions\n");
        for line in &options.method {
            let _ = writeln!(w, "{line}");
        }
        let _ = writeln!(w);
    }
    let _ = writeln!(w, "## Questions required at each level\n");
    let _ = writeln!(
        w,
        "A question is required at every level from its level to its last level; a dimension reaches a level when every applicable question required there is met.\n"
    );
    let levels: Vec<u8> = (1..=top).collect();
    let heads: String = levels.iter().map(|l| format!(" L{l} |")).collect();
    let rule: String = levels.iter().map(|_| " --- |").collect();
    let blanks: String = levels.iter().map(|_| " |").collect();
    let _ = writeln!(w, "| dimension |{heads} questions |");
    let _ = writeln!(w, "| --- |{rule} --- |");
    for (d, dim) in model.dimensions.iter().enumerate() {
        let per: String = levels
            .iter()
            .map(|&l| {
                let n = model
                    .questions_of(d)
                    .filter(|q| model.questions[*q].required_at(l))
                    .count();
                format!(" {n} |")
            })
            .collect();
        let _ = writeln!(
            w,
            "| {} |{per} {} |",
            dim.name,
            model.questions_of(d).count()
        );
    }
    let _ = writeln!(w, "| **all** |{blanks} **{}** |", model.questions.len());

    for (d, dim) in model.dimensions.iter().enumerate() {
        let _ = writeln!(w, "\n## {}\n\n{}\n", dim.name, dim.summary);
        let _ = writeln!(w, "### Questions");
        for qi in model.questions_of(d) {
            let q = &model.questions[qi];
            let _ = writeln!(w, "\n#### `{}`: {}\n", q.id, q.name());
            let _ = writeln!(w, "{}\n", q.text);
            let mut level = format!("required at {}", span_words(q, top));
            if let Some(note) = options.level_note.and_then(|f| f(q)) {
                let _ = write!(level, "; {note}");
            }
            let _ = writeln!(w, "- **Level:** {level}.");
            for (label, text) in [
                ("Help", &q.help),
                ("What counts", &q.counts),
                ("What does not count", &q.not_counts),
            ] {
                if !text.trim().is_empty() {
                    let _ = writeln!(w, "- **{label}:** {text}");
                }
            }
            if !q.proof.is_empty() {
                let _ = writeln!(w, "- **Evidence to show:** {}.", q.proof.join("; "));
            }
            let _ = writeln!(w, "- **Statements cited:**");
            for c in model.evidence_of(qi) {
                let other = if c.dimension == q.dimension {
                    String::new()
                } else {
                    let name = model
                        .dimension_index(&c.dimension)
                        .map_or(c.dimension.as_str(), |i| model.dimensions[i].name.as_str());
                    format!(" ({name})")
                };
                let _ = writeln!(w, "  - L{} \"{}\"{other}", c.level, c.text);
            }
            let mut step = format!("- **Next step:** {}.", q.action.trim_end_matches('.'));
            if !q.done_when.is_empty() {
                let _ = write!(step, " **Done when:** {}", q.done_when);
            }
            if !q.why.is_empty() {
                let _ = write!(step, " **Why:** {}", q.why);
            }
            let _ = writeln!(w, "{step}");
            let requires = if q.requires.is_empty() {
                "none".to_owned()
            } else {
                format!("`{}`", q.requires.join("`, `"))
            };
            let _ = writeln!(w, "- **Prerequisites:** {requires}.");
        }
        let _ = writeln!(w, "\n### Every statement of this dimension\n");
        for level in 0..=top {
            for c in model.characteristics_at(d, level) {
                let askers: Vec<&str> = model
                    .questions
                    .iter()
                    .filter(|q| q.evidence.contains(&c.id))
                    .map(|q| q.id.as_str())
                    .collect();
                if askers.is_empty() {
                    let note = model.not_asked.iter().find(|n| n.characteristic == c.id);
                    let reason = note.map_or("(no note)", |n| n.reason.as_str());
                    let see = note
                        .and_then(|n| n.see.as_deref())
                        .map(|s| format!(" See `{s}`."))
                        .unwrap_or_default();
                    let _ = writeln!(w, "- L{level} \"{}\": not asked. {reason}{see}", c.text);
                } else {
                    let _ = writeln!(
                        w,
                        "- L{level} \"{}\": asked by `{}`",
                        c.text,
                        askers.join("`, `")
                    );
                }
            }
        }
    }

    if let (Some(earlier), false) = (options.earlier, model.previous.is_empty()) {
        let _ = writeln!(
            w,
            "\n## What became of version {}'s questions\n",
            earlier.version
        );
        let _ = writeln!(
            w,
            "\"same\": the same practice, and an earlier answer carries over; \"changed\": the practice asked differs, so an earlier answer is shown for review; \"merged\": two questions became one; \"split\": one question became several; \"removed\": no longer asked.\n"
        );
        let _ = writeln!(
            w,
            "| version {} question | its text | change | version {} question(s) | note |",
            earlier.version, model.version
        );
        let _ = writeln!(w, "| --- | --- | --- | --- | --- |");
        for q in &earlier.questions {
            for p in model
                .previous
                .iter()
                .filter(|p| p.version == earlier.version && p.question == q.id)
            {
                let becomes = if p.becomes.is_empty() {
                    "(none)".to_owned()
                } else {
                    format!("`{}`", p.becomes.join("`, `"))
                };
                let _ = writeln!(
                    w,
                    "| `{}` | {} | {} | {becomes} | {} |",
                    q.id,
                    cell(&q.text),
                    p.change.key(),
                    cell(&p.note)
                );
            }
        }
    }

    if let Some(c) = &model.crosswalk {
        let _ = writeln!(w, "\n## Crosswalk: {}\n", c.name);
        let _ = writeln!(
            w,
            "Source: {}. A team's level in this scheme comes from the same answers: a level is reached when the questions it requires, and those required by the levels below it, are met.",
            c.source
        );
        for l in &c.levels {
            let _ = writeln!(w, "\n### Level {}: {}\n\n{}\n", l.number, l.name, l.summary);
            if l.requires.is_empty() {
                let _ = writeln!(w, "Requires no practice.");
            } else {
                let _ = writeln!(w, "Requires, on top of the levels below:\n");
                for r in &l.requires {
                    let text = model
                        .question_index(r)
                        .map_or("", |i| model.questions[i].text.as_str());
                    let _ = writeln!(w, "- `{r}`: {text}");
                }
            }
        }
        let _ = writeln!(w, "\n### Where the two models differ\n\n{}", c.differences);
    }
    s
}
