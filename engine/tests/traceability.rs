//! Traceability: every bullet of the seed text is in the model data, verbatim,
//! at its level and dimension; and docs/QUESTIONNAIRE.md, which maps each
//! bullet to the question that asks it (or the reason it is not asked), is
//! generated from the model and must be current.

use maturity_engine::{builtin, Model};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

/// The seed lives in `../shared/seed/` beside the clone (always so in CI).
fn seed_path() -> PathBuf {
    match std::env::var_os("MLOPS_SEED") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/seed/mlops-maturity-model.txt"),
    }
}

/// Whether this runs in CI (`CI` set to anything but "" or "false").
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false")
}

/// One bullet of the seed: where it stands and its words.
#[derive(Debug, PartialEq)]
enum Bullet {
    Highlight {
        level: u8,
        text: String,
    },
    Characteristic {
        level: u8,
        dimension: String,
        text: String,
    },
}

const TABLE_DIMENSIONS: [&str; 4] = ["people", "creation", "release", "integration"];

/// Parses the seed's overview table and its five per-level tables.
fn parse_seed(text: &str) -> (Vec<Bullet>, Vec<(u8, String)>, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let mut bullets = Vec::new();
    let mut names = Vec::new();
    // Overview: "N |", "Name |", highlights, "|", technology, "|".
    let start = lines
        .iter()
        .position(|l| l.trim() == "Technology |")
        .expect("overview table")
        + 1;
    let mut i = start;
    for level in 0..=4u8 {
        assert_eq!(
            lines[i].trim(),
            format!("{level} |"),
            "overview row for level {level}"
        );
        names.push((level, lines[i + 1].trim_end_matches('|').trim().to_owned()));
        i += 2;
        let mut column = 0;
        while column < 2 {
            let l = lines[i];
            if let Some(t) = l.strip_prefix("- ") {
                bullets.push(if column == 0 {
                    Bullet::Highlight {
                        level,
                        text: t.to_owned(),
                    }
                } else {
                    Bullet::Characteristic {
                        level,
                        dimension: "technology".into(),
                        text: t.to_owned(),
                    }
                });
            } else if l.trim() == "|" {
                column += 1;
            }
            i += 1;
        }
    }
    // Per-level tables: a "Level N: ..." heading, four header cells, then four
    // columns of bullets each closed by "|".
    let mut i = 0;
    while i < lines.len() {
        let Some(rest) = lines[i].strip_prefix("Level ") else {
            i += 1;
            continue;
        };
        let Some(level) = rest.split(':').next().and_then(|n| n.parse::<u8>().ok()) else {
            i += 1;
            continue;
        };
        i += 1;
        while !lines[i].starts_with("- ") {
            i += 1;
        }
        let mut column = 0;
        while column < TABLE_DIMENSIONS.len() {
            let l = lines[i];
            if let Some(t) = l.strip_prefix("- ") {
                bullets.push(Bullet::Characteristic {
                    level,
                    dimension: TABLE_DIMENSIONS[column].into(),
                    text: t.to_owned(),
                });
            } else if l.trim() == "|" {
                column += 1;
            }
            i += 1;
        }
    }
    let dash_lines = lines.iter().filter(|l| l.starts_with("- ")).count();
    (bullets, names, dash_lines)
}

fn in_model(model: &Model, bullet: &Bullet) -> bool {
    match bullet {
        Bullet::Highlight { level, text } => {
            model.levels[usize::from(*level)].highlights.contains(text)
        }
        Bullet::Characteristic {
            level,
            dimension,
            text,
        } => model
            .characteristics
            .iter()
            .any(|c| c.level == *level && &c.dimension == dimension && &c.text == text),
    }
}

#[test]
fn every_seed_bullet_is_in_the_model_verbatim() {
    let path = seed_path();
    let Ok(seed) = std::fs::read_to_string(&path) else {
        let why = format!(
            "the seed text is not at {} (it is beside the clone in CI; set MLOPS_SEED to its path to run this test)",
            path.display()
        );
        // In CI the seed is always there: its absence is a broken checkout.
        assert!(!in_ci(), "traceability: {why}");
        // Straight to stderr, past the test harness's capture, so the skip
        // shows in the output and scripts/test.sh counts it.
        let _ = writeln!(std::io::stderr(), "SKIPPED: traceability: {why}");
        return;
    };
    let model = builtin();
    let (bullets, names, dash_lines) = parse_seed(&seed);
    assert_eq!(
        bullets.len(),
        dash_lines,
        "the parser placed every '- ' line of the seed"
    );

    let missing: Vec<&Bullet> = bullets.iter().filter(|b| !in_model(model, b)).collect();
    let found = bullets.len() - missing.len();
    let highlights = bullets
        .iter()
        .filter(|b| matches!(b, Bullet::Highlight { .. }))
        .count();
    println!(
        "traceability: {found} of {} seed bullets found in the model ({} characteristics, {highlights} level highlights): {:.0} %",
        bullets.len(),
        bullets.len() - highlights,
        100.0 * found as f64 / bullets.len() as f64
    );
    assert!(
        missing.is_empty(),
        "seed bullets missing from the model: {missing:#?}"
    );

    // And nothing in the model that the seed does not say.
    assert_eq!(model.characteristics.len(), bullets.len() - highlights);
    assert_eq!(
        model
            .levels
            .iter()
            .map(|l| l.highlights.len())
            .sum::<usize>(),
        highlights
    );
    for (level, name) in names {
        assert_eq!(
            model.levels[usize::from(level)].name,
            name,
            "level {level} name"
        );
        let heading = format!(
            "Level {level}: {}",
            model.levels[usize::from(level)].heading
        );
        assert!(
            seed.lines().any(|l| l == heading),
            "heading {heading:?} is in the seed"
        );
    }
    assert!(
        seed.starts_with(&model.purpose),
        "purpose paragraph is verbatim"
    );
    for u in &model.uses {
        assert!(seed.lines().any(|l| l == u), "use {u:?} is verbatim");
    }
}

/// Renders the questionnaire mapping document from the model.
fn render_questionnaire(model: &Model) -> String {
    let mut s = String::new();
    let w = &mut s;
    let _ = writeln!(
        w,
        "# The questionnaire and where each question comes from\n"
    );
    let _ = writeln!(
        w,
        "Generated from `engine/data/mlops-maturity-model.json` (model `{}`, version {}); do not edit by hand. \
         After changing the model, run `UPDATE_DOCS=1 cargo test -p maturity-engine --test traceability` and commit the result.\n",
        model.id, model.version
    );
    let _ = writeln!(w, "## How seed statements became questions\n");
    for line in [
        "- **One practice per question.** Each question asks about one practice, in plain words, with a short \"what good looks like\" help text. Its level is the level at which the seed first expects the practice; nothing is asked at level 0, the starting point.",
        "- **Practices accumulate.** A statement repeated at later levels (\"Data pipeline gathers data automatically\" at levels 1 to 4) is one question at its first level; the later copies are cited as its evidence.",
        "- **Absences are the \"No\" answer.** Level 0 and 1 statements that describe a missing practice (\"Data gathered manually\", \"siloed\", \"Heavily reliant on data scientist expertise\") are not asked: they are what answering No to the matching question means. Each is listed below with the question it points to.",
        "- **Hedged statements** (\"Compute is or isn't managed\" at level 1) expect nothing, so the practice is first asked at the next level that states it plainly.",
        "- **The disappearing item.** Application Integration \"Releases automated\" is stated at level 1 and not repeated later. It is asked at level 1 and stays expected, as every practice does (see docs/SCORING.md, example 6).",
        "- **Level highlights** (the overview table's Highlights column) describe outcomes of a level, not practices. They are shown with each level in the app and not asked.",
    ] {
        let _ = writeln!(w, "{line}");
    }
    let _ = writeln!(w, "\n## Questions per dimension and level\n");
    let _ = writeln!(w, "| dimension | L1 | L2 | L3 | L4 | total |");
    let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- |");
    for (d, dim) in model.dimensions.iter().enumerate() {
        let per: Vec<usize> = (1..=4)
            .map(|l| {
                model
                    .questions_of(d)
                    .filter(|q| model.questions[*q].level == l)
                    .count()
            })
            .collect();
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |",
            dim.name,
            per[0],
            per[1],
            per[2],
            per[3],
            per.iter().sum::<usize>()
        );
    }
    let _ = writeln!(w, "| **all** | | | | | **{}** |", model.questions.len());

    for (d, dim) in model.dimensions.iter().enumerate() {
        let _ = writeln!(w, "\n## {}\n\n{}\n", dim.name, dim.summary);
        let _ = writeln!(w, "### Questions\n");
        for qi in model.questions_of(d) {
            let q = &model.questions[qi];
            let _ = writeln!(w, "- **L{}** `{}`: {}", q.level, q.id, q.text);
            let _ = writeln!(w, "  - next step: {}", q.action);
            for c in model.evidence_of(qi) {
                let _ = writeln!(w, "  - evidences L{} \"{}\"", c.level, c.text);
            }
        }
        let _ = writeln!(w, "\n### Every seed statement of this dimension\n");
        for level in 0..=4u8 {
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
    s
}

#[test]
fn questionnaire_doc_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/QUESTIONNAIRE.md");
    let rendered = render_questionnaire(builtin());
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &rendered).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == rendered,
        "docs/QUESTIONNAIRE.md is out of date: run UPDATE_DOCS=1 cargo test -p maturity-engine --test traceability"
    );
}

#[test]
fn every_characteristic_is_asked_or_explained() {
    let model = builtin();
    let doc = render_questionnaire(model);
    let asked = doc.matches(": asked by `").count();
    let not_asked = doc.matches(": not asked. ").count();
    assert_eq!(asked + not_asked, model.characteristics.len());
    assert_eq!(not_asked, model.not_asked.len());
    println!(
        "mapping: {asked} seed statements asked by a question, {not_asked} not asked with a reason"
    );
}
