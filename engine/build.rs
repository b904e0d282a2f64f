//! Packs the built-in model (data/mlops-maturity-model.json) into a flat
//! string the app reads without a JSON parser (`unpack` in src/model.rs).
//!
//! Why: parsing the JSON at start-up linked serde's derived deserializers and
//! the model validator into the app's first download; the packed form needs a
//! loop over `split`. The JSON stays the source of truth (the traceability
//! test, docs/QUESTIONNAIRE.md and `Model::from_json` read it), and the test
//! `packed_model_equals_the_json` proves the two agree field by field.
//!
//! Format: fields separated by U+001F (unit separator), in the order of the
//! struct fields in src/model.rs; a number is its decimal text; a list is its
//! length, then its items; an optional text is a list of zero or one.

use serde_json::Value;
use std::{env, fs, path::Path};

const SEP: char = '\u{1f}';

struct Packer(Vec<String>);

impl Packer {
    fn text(&mut self, v: &Value, what: &str) {
        let s = v
            .as_str()
            .unwrap_or_else(|| panic!("model JSON: {what} is not a string"));
        assert!(!s.contains(SEP), "model JSON: {what} contains U+001F");
        self.0.push(s.to_owned());
    }
    fn num(&mut self, v: &Value, what: &str) {
        let n = v
            .as_u64()
            .unwrap_or_else(|| panic!("model JSON: {what} is not a number"));
        self.0.push(n.to_string());
    }
    fn list<'a>(&mut self, v: &'a Value, what: &str) -> &'a [Value] {
        let items = v
            .as_array()
            .unwrap_or_else(|| panic!("model JSON: {what} is not a list"));
        self.0.push(items.len().to_string());
        items
    }
    fn texts(&mut self, v: &Value, what: &str) {
        for item in self.list(v, what) {
            self.text(item, what);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    for (source, packed) in [
        ("data/mlops-maturity-model.json", "model.packed"),
        ("data/mlops-maturity-model-v1.json", "model-v1.packed"),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let json: Value =
            serde_json::from_str(&fs::read_to_string(source).expect("read the model JSON"))
                .expect("the model JSON parses");
        fs::write(Path::new(&out).join(packed), pack(&json)).expect("write the packed model");
    }
}

/// An optional field: absent is the empty default.
fn or_empty(v: &Value) -> &Value {
    static EMPTY: Value = Value::String(String::new());
    if v.is_null() {
        &EMPTY
    } else {
        v
    }
}

fn pack(m: &Value) -> String {
    let mut p = Packer(Vec::new());
    p.text(&m["id"], "id");
    p.num(&m["code"], "code");
    p.num(&m["version"], "version");
    p.text(&m["title"], "title");
    p.text(&m["source"], "source");
    p.text(&m["purpose"], "purpose");
    p.texts(&m["uses"], "uses");
    for l in p.list(&m["levels"], "levels") {
        p.num(&l["number"], "level number");
        p.text(&l["name"], "level name");
        p.text(&l["heading"], "level heading");
        p.texts(&l["highlights"], "level highlights");
    }
    for d in p.list(&m["dimensions"], "dimensions") {
        p.text(&d["id"], "dimension id");
        p.text(&d["name"], "dimension name");
        p.text(&d["summary"], "dimension summary");
    }
    for c in p.list(&m["characteristics"], "characteristics") {
        p.text(&c["id"], "characteristic id");
        p.num(&c["level"], "characteristic level");
        p.text(&c["dimension"], "characteristic dimension");
        p.text(&c["text"], "characteristic text");
    }
    let empty = Value::Array(Vec::new());
    let list_or_empty = |v: &Value| {
        if v.is_null() {
            empty.clone()
        } else {
            v.clone()
        }
    };
    for q in p.list(&m["questions"], "questions") {
        p.text(&q["id"], "question id");
        p.text(&q["dimension"], "question dimension");
        p.num(&q["level"], "question level");
        match &q["until"] {
            Value::Null => p.0.push("4".into()),
            until => p.num(until, "question until"),
        }
        p.text(&q["text"], "question text");
        p.text(or_empty(&q["short"]), "question short");
        p.text(&q["action"], "question action");
        p.text(&q["help"], "question help");
        p.text(or_empty(&q["counts"]), "question counts");
        p.text(or_empty(&q["not_counts"]), "question not_counts");
        p.texts(&list_or_empty(&q["proof"]), "question proof");
        p.text(or_empty(&q["done_when"]), "question done_when");
        p.text(or_empty(&q["why"]), "question why");
        p.texts(&list_or_empty(&q["requires"]), "question requires");
        p.texts(&q["evidence"], "question evidence");
    }
    for n in p.list(&m["not_asked"], "not_asked") {
        p.text(&n["characteristic"], "not_asked characteristic");
        p.text(&n["reason"], "not_asked reason");
        match &n["see"] {
            Value::Null => p.0.push("0".into()),
            see => {
                p.0.push("1".into());
                p.text(see, "not_asked see");
            }
        }
    }
    p.text(
        &Value::String(m["scoring"].as_str().unwrap_or("staged").to_owned()),
        "scoring",
    );
    for e in p.list(&list_or_empty(&m["previous"]), "previous") {
        p.num(&e["version"], "previous version");
        p.text(&e["question"], "previous question");
        p.texts(&e["becomes"], "previous becomes");
        p.text(&e["change"], "previous change");
        p.text(&e["note"], "previous note");
    }
    match &m["crosswalk"] {
        Value::Null => p.0.push("0".into()),
        c => {
            p.0.push("1".into());
            p.text(&c["name"], "crosswalk name");
            p.text(&c["source"], "crosswalk source");
            for l in p.list(&c["levels"], "crosswalk levels") {
                p.num(&l["number"], "crosswalk level number");
                p.text(&l["name"], "crosswalk level name");
                p.text(&l["summary"], "crosswalk level summary");
                p.texts(&l["requires"], "crosswalk level requires");
            }
            p.text(&c["differences"], "crosswalk differences");
        }
    }
    p.0.join(&SEP.to_string())
}
