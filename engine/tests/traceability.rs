//! Traceability: every bullet of the seed text is in the model data, verbatim,
//! at its level and dimension; each question spans exactly the levels of the
//! seed statements it cites; every question is written out in full; every
//! question of version 1 is accounted for; and docs/QUESTIONNAIRE.md, which
//! maps each bullet to the question that asks it (or the reason it is not
//! asked), is generated from the model and must be current.

mod common;

use common::seed::{parse_seed, read_seed, Bullet, Seed};
use maturity_engine::model::{Change, Question, BUILTIN_V1_JSON};

/// The built-in model's top level.
const MAX_LEVEL: u8 = 4;
use maturity_engine::doc::{questionnaire_markdown, DocOptions};
use maturity_engine::{builtin, Model};
use std::collections::{BTreeSet, HashMap};

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

/// The level at which the seed states each characteristic of the model, by
/// characteristic id, read from the seed's tables (not from the model's own
/// level fields). Within a dimension the model lists its characteristics in
/// the seed's order; each is paired with the seed bullet at the same place,
/// and their words must agree.
fn seed_levels(model: &Model, seed: &str) -> HashMap<String, u8> {
    let bullets = parse_seed(seed).bullets;
    let mut levels = HashMap::new();
    for dim in &model.dimensions {
        let stated: Vec<(u8, &str)> = bullets
            .iter()
            .filter_map(|b| match b {
                Bullet::Characteristic {
                    level,
                    dimension,
                    text,
                } if dimension == &dim.id => Some((*level, text.as_str())),
                _ => None,
            })
            .collect();
        let listed: Vec<_> = model
            .characteristics
            .iter()
            .filter(|c| c.dimension == dim.id)
            .collect();
        assert_eq!(
            listed.len(),
            stated.len(),
            "{}: the model lists as many statements as the seed states",
            dim.name
        );
        for (c, (level, text)) in listed.iter().zip(&stated) {
            assert_eq!(
                &c.text, text,
                "{}: {} is the seed's statement at the same place",
                dim.name, c.id
            );
            levels.insert(c.id.clone(), *level);
        }
    }
    levels
}

/// Whether the team "exactly at `level`" has the practice of `q` in place:
/// it has every practice its level's rows describe (for Technology, whose
/// column is cumulative, every practice of levels 1 to `level`) and no other.
fn persona_has(q: &Question, cited: &BTreeSet<u8>, level: u8) -> bool {
    if q.dimension == "technology" {
        cited.iter().any(|l| (1..=level).contains(l))
    } else {
        cited.contains(&level)
    }
}

#[test]
fn every_seed_bullet_is_in_the_model_verbatim() {
    let Some(seed) = read_seed() else {
        return;
    };
    let model = builtin();
    let Seed {
        bullets,
        names,
        dash_lines,
    } = parse_seed(&seed);
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

/// Where questions do not span exactly the levels of the seed statements they
/// cite (`levels`: seed level by characteristic id), one line each.
fn span_errors(model: &Model, levels: &HashMap<String, u8>) -> Vec<String> {
    let mut errors = Vec::new();
    for q in &model.questions {
        let Some(cited) = q
            .evidence
            .iter()
            .map(|e| levels.get(e).copied())
            .collect::<Option<BTreeSet<u8>>>()
        else {
            errors.push(format!(
                "{} cites a statement the seed does not state",
                q.id
            ));
            continue;
        };
        if q.dimension == "technology" {
            // The overview's Technology column is cumulative: a statement of
            // level k holds at every level from k on.
            if cited.first() != Some(&q.level) || q.until != MAX_LEVEL {
                errors.push(format!(
                    "{}: a Technology question runs from the lowest level it cites ({:?}) to {MAX_LEVEL}, not {}..={}",
                    q.id,
                    cited.first(),
                    q.level,
                    q.until
                ));
            }
        } else {
            let span: BTreeSet<u8> = (q.level..=q.until).collect();
            if cited != span {
                errors.push(format!(
                    "{}: cites levels {cited:?}, which must be exactly its levels {}..={}",
                    q.id, q.level, q.until
                ));
            }
        }
        // The same, seen from the team that is exactly at each level: it has
        // the practice if and only if the question is required there.
        for level in 1..=MAX_LEVEL {
            if persona_has(q, &cited, level) != q.required_at(level) {
                errors.push(format!(
                    "{}: the team exactly at level {level} {} the practice, but the question is {}required there",
                    q.id,
                    if persona_has(q, &cited, level) { "has" } else { "lacks" },
                    if q.required_at(level) { "" } else { "not " }
                ));
            }
        }
    }
    errors
}

/// Words the model's own texts must not use: the seed's jargon ("markers",
/// "verbose") and a stock help phrase that says nothing specific.
const BANNED: [&str; 3] = ["marker", "verbose", "good looks like"];

/// Most words in each item of a question's `proof`.
const PROOF_ITEM_WORDS: usize = 10;

/// Questions not written out in full, texts longer than their word limit, and
/// texts that use a banned word.
fn writing_errors(model: &Model) -> Vec<String> {
    let mut errors = Vec::new();
    for q in &model.questions {
        // Most words per text, so that a question card, and the verdict with
        // the first next steps of the results, fit a phone screen.
        for (name, value, limit) in [
            ("action", &q.action, 18),
            ("done_when", &q.done_when, 20),
            ("why", &q.why, 14),
            ("help", &q.help, 40),
            ("counts", &q.counts, 30),
            ("not_counts", &q.not_counts, 25),
        ] {
            let words = value.split_whitespace().count();
            if words > limit {
                errors.push(format!(
                    "{}: {name} has {words} words, more than {limit}",
                    q.id
                ));
            }
        }
        for p in &q.proof {
            let words = p.split_whitespace().count();
            if words > PROOF_ITEM_WORDS {
                errors.push(format!(
                    "{}: evidence {p:?} has {words} words, more than {PROOF_ITEM_WORDS}",
                    q.id
                ));
            }
        }
        for (name, value) in [
            ("text", &q.text),
            ("short", &q.short),
            ("counts", &q.counts),
            ("not_counts", &q.not_counts),
            ("action", &q.action),
            ("done_when", &q.done_when),
            ("why", &q.why),
        ] {
            if value.trim().is_empty() {
                errors.push(format!("{}: {name} is empty", q.id));
            }
        }
        if q.short.chars().count() > 50 || q.short.ends_with(['.', '?']) {
            errors.push(format!(
                "{}: the short name is a few words, not a sentence",
                q.id
            ));
        }
        if !q.text.trim_end().ends_with('?') {
            errors.push(format!("{}: the text is not a question", q.id));
        }
        if !(1..=3).contains(&q.proof.len()) || q.proof.iter().any(|p| p.trim().is_empty()) {
            errors.push(format!("{}: needs one to three items of evidence", q.id));
        }
    }
    // Everything in our own words (the seed's statements are verbatim).
    let mut texts: Vec<(&str, &str)> = Vec::new();
    for q in &model.questions {
        for value in [
            &q.text,
            &q.help,
            &q.counts,
            &q.not_counts,
            &q.action,
            &q.done_when,
            &q.why,
        ]
        .into_iter()
        .chain(&q.proof)
        {
            texts.push((&q.id, value));
        }
    }
    for d in &model.dimensions {
        texts.push((&d.id, &d.summary));
    }
    for n in &model.not_asked {
        texts.push((&n.characteristic, &n.reason));
    }
    for p in &model.previous {
        texts.push((&p.question, &p.note));
    }
    if let Some(c) = &model.crosswalk {
        texts.push(("crosswalk", &c.differences));
        for l in &c.levels {
            texts.push(("crosswalk", &l.summary));
        }
    }
    for (owner, text) in texts {
        let lower = text.to_lowercase();
        for word in BANNED.iter().filter(|w| lower.contains(*w)) {
            errors.push(format!("{owner}: {text:?} uses {word:?}"));
        }
    }
    errors
}

/// Where `previous` fails to account for each question of `v1` exactly once.
fn previous_errors(model: &Model, v1: &Model) -> Vec<String> {
    let mut errors = Vec::new();
    for q in &v1.questions {
        let entries: Vec<_> = model
            .previous
            .iter()
            .filter(|p| p.version == v1.version && p.question == q.id)
            .collect();
        let [p] = entries[..] else {
            errors.push(format!(
                "version 1's {} has {} entries in \"previous\", not one",
                q.id,
                entries.len()
            ));
            continue;
        };
        if p.note.trim().is_empty() {
            errors.push(format!("{}: the note is empty", q.id));
        }
        let fits = match p.change {
            Change::Same | Change::Merged => p.becomes.len() == 1,
            Change::Split => p.becomes.len() >= 2,
            Change::Changed => !p.becomes.is_empty(),
            Change::Removed => p.becomes.is_empty(),
        };
        if !fits {
            errors.push(format!(
                "{}: \"{}\" with {} new question(s)",
                q.id,
                p.change.key(),
                p.becomes.len()
            ));
        }
        if p.change == Change::Merged
            && !model.previous.iter().any(|o| {
                o.question != p.question && o.change == Change::Merged && o.becomes == p.becomes
            })
        {
            errors.push(format!(
                "{}: merged into {:?}, but nothing else is",
                q.id, p.becomes
            ));
        }
    }
    for p in &model.previous {
        if p.version != v1.version || v1.question_index(&p.question).is_none() {
            errors.push(format!(
                "\"previous\" names {} of version {}, which version 1 does not have",
                p.question, p.version
            ));
        }
    }
    errors
}

/// For a practice that a later row replaces: the seed statement that takes
/// its place at the level after its last (`None`: later rows drop it).
fn replaced_by(id: &str) -> Option<Option<&'static str>> {
    match id {
        "release.handoff" => Some(Some("l2-release-3")),
        "release.routine-owner" => Some(Some("l3-release-3")),
        "integration.basic-model-tests" => Some(Some("l3-integration-1")),
        "integration.releases-automated" => Some(None),
        _ => None,
    }
}

fn version_1() -> Model {
    Model::from_json(BUILTIN_V1_JSON).expect("version 1 is a valid model")
}

#[test]
fn each_question_spans_exactly_the_levels_of_the_statements_it_cites() {
    let Some(seed) = read_seed() else {
        return;
    };
    let model = builtin();
    let errors = span_errors(model, &seed_levels(model, &seed));
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn every_question_is_written_out_in_full() {
    let errors = writing_errors(builtin());
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn every_version_1_question_is_accounted_for_once() {
    let v1 = version_1();
    assert_eq!(v1.version, 1);
    let errors = previous_errors(builtin(), &v1);
    assert!(errors.is_empty(), "{errors:#?}");
}

/// The checks above catch what they are for: each edit breaks the built-in
/// model in one way, and the matching check reports it.
#[test]
fn the_checks_catch_a_broken_model() {
    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Model {
        let mut v: serde_json::Value =
            serde_json::from_str(maturity_engine::model::BUILTIN_JSON).unwrap();
        edit(&mut v);
        Model::from_json(&v.to_string()).expect("the edit keeps the model valid")
    }
    fn question<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
        v["questions"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|q| q["id"] == id)
            .unwrap_or_else(|| panic!("no question {id}"))
    }
    // Seed levels as the characteristic ids state them, so that this runs
    // without the seed (the ids match the seed: see the verbatim test).
    let model = builtin();
    let levels: HashMap<String, u8> = model
        .characteristics
        .iter()
        .map(|c| (c.id.clone(), c.id[1..2].parse().unwrap()))
        .collect();
    assert!(span_errors(model, &levels).is_empty());
    // A replaced practice kept past its last row.
    let m = edited(|v| question(v, "release.handoff")["until"] = 2.into());
    assert!(!span_errors(&m, &levels).is_empty());
    // A hole: one level's statement left out (another question still cites it).
    let m = edited(|v| {
        let e = question(v, "creation.code-versioned")["evidence"]
            .as_array_mut()
            .unwrap();
        e.retain(|c| c != "l3-creation-4");
    });
    assert!(!span_errors(&m, &levels).is_empty());
    // A Technology practice that stops early.
    let m = edited(|v| question(v, "technology.ab-testing")["until"] = 3.into());
    assert!(!span_errors(&m, &levels).is_empty());

    let m = edited(|v| question(v, "release.ci")["not_counts"] = "".into());
    assert!(!writing_errors(&m).is_empty());
    let m = edited(|v| question(v, "release.ci")["proof"] = serde_json::json!([]));
    assert!(!writing_errors(&m).is_empty());
    let m = edited(|v| question(v, "release.ci")["help"] = "Good looks like: CI.".into());
    assert!(!writing_errors(&m).is_empty());
    // One word over a limit, and an item of evidence that is too long.
    let m = edited(|v| {
        question(v, "release.ci")["why"] = "word ".repeat(15).into();
    });
    assert!(!writing_errors(&m).is_empty());
    let m = edited(|v| {
        question(v, "release.ci")["proof"] =
            serde_json::json!(["one two three four five six seven eight nine ten eleven"]);
    });
    assert!(!writing_errors(&m).is_empty());

    let v1 = version_1();
    let m = edited(|v| {
        v["previous"].as_array_mut().unwrap().pop();
    });
    assert!(!previous_errors(&m, &v1).is_empty());
    let m = edited(|v| {
        let p = v["previous"].as_array_mut().unwrap();
        let first = p[0].clone();
        p.push(first);
    });
    assert!(!previous_errors(&m, &v1).is_empty());
}

#[test]
fn every_practice_that_stops_names_what_replaces_it() {
    let model = builtin();
    for q in &model.questions {
        let entry = replaced_by(&q.id);
        assert_eq!(
            entry.is_some(),
            q.until < MAX_LEVEL,
            "{}: a question that stops before level {MAX_LEVEL} names what replaces it, and no other does",
            q.id
        );
        if let Some(Some(c)) = entry {
            let c = model
                .characteristic(c)
                .unwrap_or_else(|| panic!("{}: {c} is not a characteristic", q.id));
            assert!(
                c.dimension == q.dimension && c.level == q.until + 1,
                "{}: its replacement {} is in its dimension at the next level",
                q.id,
                c.id
            );
            assert!(
                model
                    .questions
                    .iter()
                    .any(|o| o.level == c.level && o.evidence.contains(&c.id)),
                "{}: its replacement {} is asked from that level",
                q.id,
                c.id
            );
        }
    }
}

/// Renders the questionnaire mapping document from the model.
fn render_questionnaire(model: &Model) -> String {
    let v1 = version_1();
    let level_note = |q: &Question| -> Option<String> {
        match replaced_by(&q.id)? {
            Some(c) => {
                let c = model.characteristic(c).expect("a characteristic");
                let dim = model.dimension_index(&q.dimension).expect("a dimension");
                Some(format!(
                    "from level {} the {} row says instead \"{}\"",
                    c.level, model.dimensions[dim].name, c.text
                ))
            }
            None => Some("later rows do not list it".to_owned()),
        }
    };
    questionnaire_markdown(
        model,
        &DocOptions {
            generated_from: format!(
                "Generated from `engine/data/mlops-maturity-model.json` (model `{}`, questionnaire version {}); do not edit by hand. \
                 After changing the model, run `UPDATE_DOCS=1 cargo test -p maturity-engine --test traceability` and commit the result.",
                model.id, model.version
            ),
            method: [
        "- **One practice per question.** Each question asks about one practice in plain words. With it come help that defines its terms, what counts and what does not count as having the practice, evidence a team could show, and a next step with a check for when it is done and a line on why it matters.",
        "- **Answers measure coverage.** No means none of the production models in scope has the practice, Partially fewer than half, Mostly at least half but not all, Fully all of them; so what counts is written per model or per release.",
        "- **A question holds for the levels whose rows describe its practice.** Its level is the first level whose row describes the practice, and it stays required up to its last such level (level 4 unless a later row replaces the practice). It cites the statement of every level in that span: \"Data pipeline gathers data automatically\" appears at levels 1 to 4 and is cited four times by one question. Nothing is asked at level 0, the starting point.",
        "- **Replaced practices stop.** The hand-off to software engineers (Model Release, level 1) gives way to a release managed by the software engineering team (level 2), and that to a delivery pipeline (levels 3 and 4); basic integration tests for the model (Application Integration, levels 1 and 2) give way to unit and integration tests for each model release (levels 3 and 4); automated releases (Application Integration) are listed at level 1 only. Each such question is required only up to its last row.",
        "- **Technology is cumulative.** The overview's Technology column lists what each level adds, so a Technology statement of level k holds at every level from k on, and a Technology question stays required up to level 4.",
        "- **Absences are the \"No\" answer.** Statements that describe a missing practice (\"Data gathered manually\", \"siloed\", \"Heavily reliant on data scientist expertise\") are not asked: they are what answering No to the matching question means. Each is listed below with the question it points to.",
        "- **Hedged statements are not asked.** \"Compute is or isn't managed\" and \"likely version controlled\" at level 1 expect nothing definite, so the practice is first asked at the next level that states it plainly.",
        "- **Roles become work.** The seed speaks of data scientists, data engineers and software engineers. The questions speak of whoever trains models, builds the data pipelines or runs the application, and their help says how a team in which the same people do all of it should answer.",
        "- **Level highlights** (the overview table's Highlights column) describe outcomes of a level, not practices. They are shown with each level in the app and not asked.",
            ]
            .map(str::to_owned)
            .to_vec(),
            level_note: Some(&level_note),
            earlier: Some(&v1),
        },
    )
}

#[test]
fn questionnaire_doc_is_current() {
    common::assert_generated(
        "docs/QUESTIONNAIRE.md",
        &render_questionnaire(builtin()),
        "traceability",
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
