//! Timings of the engine's per-keystroke work, for the built-in model and a
//! synthetic 500-question one: `cargo bench -p maturity-engine`.
//!
//! No framework: each op is warmed up, then timed call by call, and the
//! median and 95th percentile are printed as a markdown table against the
//! budget of 50 µs per op (well inside a 16 ms frame, even on a slow phone
//! running wasm several times slower than this).

use std::hint::black_box;
use std::time::{Duration, Instant};

use maturity_engine::model::BUILTIN_JSON;
use maturity_engine::{assess, builtin, compare, link, roadmap, Answer, Answers, Model, Targets};
use serde_json::{json, Value};

const TARGET_US: f64 = 50.0;
const WARM_UP: Duration = Duration::from_millis(200);
const SAMPLES: usize = 5_000;

fn main() {
    let synthetic = synthetic_model(5, 25);
    assert_eq!(synthetic.questions.len(), 500);

    let mut rows = Vec::new();
    for (name, model) in [
        ("built-in (31 q)", builtin()),
        ("synthetic (500 q)", &synthetic),
    ] {
        let answers = mixed_answers(model);
        let targets = Targets::from_vec(
            (0..model.dimensions.len())
                .map(|d| Some((d % 5) as u8))
                .collect(),
        );
        let text = link::encode(model, &answers, &targets);
        assert_eq!(
            link::decode(model, &text).map(|r| r.answers),
            Ok(answers.clone())
        );
        let levels: Vec<u8> = assess(model, &answers)
            .dimensions
            .iter()
            .map(|d| d.level)
            .collect();
        println!(
            "{name}: link {} characters, dimension levels {levels:?}",
            text.len()
        );

        rows.push((
            name,
            "assess + summary + roadmap",
            time(|| {
                let assessment = assess(black_box(model), black_box(&answers));
                let summaries: Vec<String> = assessment
                    .dimensions
                    .iter()
                    .map(|d| d.summary(model))
                    .collect();
                let steps = roadmap(model, &answers, Some(black_box(&targets)));
                (assessment, summaries, steps)
            }),
        ));
        rows.push((
            name,
            "encode",
            time(|| link::encode(black_box(model), black_box(&answers), black_box(&targets))),
        ));
        rows.push((
            name,
            "decode",
            time(|| link::decode(black_box(model), black_box(&text))),
        ));
        // A workshop's team view: fifty results pasted at once.
        let team: Vec<Answers> = vec![answers.clone(); 50];
        rows.push((
            name,
            "aggregate 50 results",
            time(|| compare::aggregate(black_box(model), black_box(&team))),
        ));
    }

    println!();
    println!("| model | op | median µs | p95 µs | target ({TARGET_US} µs) | ok? |");
    println!("|---|---|---:|---:|---:|---|");
    for (model, op, (median, p95)) in &rows {
        let ok = if *p95 <= TARGET_US { "yes" } else { "NO" };
        println!("| {model} | {op} | {median:.2} | {p95:.2} | {TARGET_US} | {ok} |");
    }
}

/// Median and 95th percentile of one call, in µs.
fn time<R>(mut op: impl FnMut() -> R) -> (f64, f64) {
    let start = Instant::now();
    while start.elapsed() < WARM_UP {
        black_box(op());
    }
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = Instant::now();
            black_box(op());
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    #[allow(clippy::disallowed_methods)] // native only: wasm size is no concern
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

/// Every answer state, spread so that dimension `d` is met up to level `d`
/// (as far as the model goes) and mixed above: the scores then have
/// supporting, blocking, ahead and later questions, as real answers do.
fn mixed_answers(model: &Model) -> Answers {
    let mut state = 0x2545_F491_u32;
    Answers::from_vec(
        model
            .questions
            .iter()
            .map(|q| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                let d = model.dimension_index(&q.dimension).unwrap_or(0);
                if usize::from(q.level) <= d {
                    [Answer::Fully, Answer::Mostly, Answer::NotApplicable][state as usize % 3]
                } else {
                    [
                        Answer::No,
                        Answer::Partially,
                        Answer::DontKnow,
                        Answer::Unanswered,
                        Answer::Mostly,
                        Answer::Fully,
                    ][state as usize % 6]
                }
            })
            .collect(),
    )
}

/// A valid model of `dimensions` × 4 levels × `per_level` questions, each
/// citing its own characteristic. The built-in model is the template, so the
/// synthetic one has every field the real one has.
fn synthetic_model(dimensions: usize, per_level: usize) -> Model {
    let mut v: Value = serde_json::from_str(BUILTIN_JSON).expect("the built-in model is JSON");
    let template = v["questions"][0].clone();
    let mut dims = Vec::new();
    let mut characteristics = Vec::new();
    let mut questions = Vec::new();
    for d in 0..dimensions {
        let dim = format!("dim-{d}");
        dims.push(json!({"id": dim, "name": format!("Dimension {d}"), "summary": "Synthetic."}));
        for level in 1..=4u8 {
            for i in 0..per_level {
                let id = format!("{dim}.l{level}.q{i}");
                let characteristic = format!("c-{dim}-{level}-{i}");
                characteristics.push(json!({
                    "id": characteristic, "level": level, "dimension": dim,
                    "text": format!("Characteristic {i} of {dim} at level {level}"),
                }));
                let mut q = template.clone();
                q["id"] = json!(id);
                q["dimension"] = json!(dim);
                q["level"] = json!(level);
                q["evidence"] = json!([characteristic]);
                questions.push(q);
            }
        }
    }
    v["id"] = json!("synthetic");
    v["code"] = json!(200);
    v["dimensions"] = json!(dims);
    v["characteristics"] = json!(characteristics);
    v["questions"] = json!(questions);
    v["not_asked"] = json!([]);
    Model::from_json(&v.to_string()).expect("the synthetic model is valid")
}
