//! Packs the built-in model (data/mlops-maturity-model.json) into a flat
//! string the app reads without a JSON parser (`unpack` in src/model.rs).
//!
//! Why: parsing the JSON at start-up linked serde's derived deserializers and
//! the model validator into the app's first download; the packed form needs a
//! loop over `split`. The JSON stays the source of truth (the traceability
//! test, docs/QUESTIONNAIRE.md and `Model::from_json` read it), and the test
//! `packed_model_equals_the_json` proves the two agree field by field.
//!
//! Format: two streams of fields, each separated by U+001F (unit
//! separator), read in the order of the struct fields in src/model.rs.
//! *Core* holds what the app's first page and its draft need: ids, numbers,
//! list lengths, and the names shown on the start page. *Text* holds every
//! other text (questions, help, next steps, the seed's statements), in the
//! same order. A number is its decimal text; a list is its length (in core),
//! then its items; an optional item is a list of zero or one.
//!
//! Why two: the app unpacks the core at start, and the text only on the pages
//! that show it, so the text lives in a lazily loaded wasm chunk (see
//! `builtin_core` in src/model.rs and docs/DESIGN.md).

use serde_json::Value;
use std::{env, fs, path::Path};

const SEP: char = '\u{1f}';

#[derive(Default)]
struct Packer {
    core: Vec<String>,
    text: Vec<String>,
}

fn string<'a>(v: &'a Value, what: &str) -> &'a str {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("model JSON: {what} is not a string"));
    assert!(!s.contains(SEP), "model JSON: {what} contains U+001F");
    s
}

impl Packer {
    /// A text of the core stream (an id, or a name the start page shows).
    fn id(&mut self, v: &Value, what: &str) {
        self.core.push(string(v, what).to_owned());
    }
    /// A text of the text stream.
    fn text(&mut self, v: &Value, what: &str) {
        self.text.push(string(v, what).to_owned());
    }
    fn num(&mut self, v: &Value, what: &str) {
        let n = v
            .as_u64()
            .unwrap_or_else(|| panic!("model JSON: {what} is not a number"));
        self.core.push(n.to_string());
    }
    fn list<'a>(&mut self, v: &'a Value, what: &str) -> &'a [Value] {
        let items = v
            .as_array()
            .unwrap_or_else(|| panic!("model JSON: {what} is not a list"));
        self.core.push(items.len().to_string());
        items
    }
    fn ids(&mut self, v: &Value, what: &str) {
        for item in self.list(v, what) {
            self.id(item, what);
        }
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
    for (source, name) in [
        ("data/mlops-maturity-model.json", "model"),
        ("data/mlops-maturity-model-v1.json", "model-v1"),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let json: Value =
            serde_json::from_str(&fs::read_to_string(source).expect("read the model JSON"))
                .expect("the model JSON parses");
        let p = pack(&json);
        let sep = SEP.to_string();
        for (stream, fields) in [("core", p.core), ("text", p.text)] {
            fs::write(
                Path::new(&out).join(format!("{name}.{stream}.packed")),
                fields.join(&sep),
            )
            .expect("write the packed model");
        }
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

fn pack(m: &Value) -> Packer {
    let mut p = Packer::default();
    let empty = Value::Array(Vec::new());
    let list_or_empty = |v: &Value| {
        if v.is_null() {
            empty.clone()
        } else {
            v.clone()
        }
    };
    p.id(&m["id"], "id");
    p.num(&m["code"], "code");
    p.num(&m["version"], "version");
    p.id(&m["title"], "title");
    p.id(&m["source"], "source");
    p.text(&m["purpose"], "purpose");
    p.texts(&list_or_empty(&m["uses"]), "uses");
    for l in p.list(&m["levels"], "levels") {
        p.num(&l["number"], "level number");
        p.id(&l["name"], "level name");
        p.id(&l["heading"], "level heading");
        p.ids(&l["highlights"], "level highlights");
    }
    for d in p.list(&m["dimensions"], "dimensions") {
        p.id(&d["id"], "dimension id");
        p.id(&d["name"], "dimension name");
        p.id(&d["summary"], "dimension summary");
    }
    for c in p.list(&m["characteristics"], "characteristics") {
        p.id(&c["id"], "characteristic id");
        p.num(&c["level"], "characteristic level");
        p.id(&c["dimension"], "characteristic dimension");
        p.text(&c["text"], "characteristic text");
    }
    // An absent `until` is the model's top level.
    let top = m["levels"]
        .as_array()
        .map_or(0, |l| l.len().saturating_sub(1))
        .to_string();
    for q in p.list(&m["questions"], "questions") {
        p.id(&q["id"], "question id");
        p.id(&q["dimension"], "question dimension");
        p.num(&q["level"], "question level");
        match &q["until"] {
            Value::Null => p.core.push(top.clone()),
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
        p.ids(&list_or_empty(&q["requires"]), "question requires");
        p.ids(&q["evidence"], "question evidence");
    }
    for n in p.list(&list_or_empty(&m["not_asked"]), "not_asked") {
        p.id(&n["characteristic"], "not_asked characteristic");
        p.text(&n["reason"], "not_asked reason");
        match &n["see"] {
            Value::Null => p.core.push("0".into()),
            see => {
                p.core.push("1".into());
                p.id(see, "not_asked see");
            }
        }
    }
    p.id(
        &Value::String(m["scoring"].as_str().unwrap_or("staged").to_owned()),
        "scoring",
    );
    for e in p.list(&list_or_empty(&m["previous"]), "previous") {
        p.num(&e["version"], "previous version");
        p.id(&e["question"], "previous question");
        p.ids(&e["becomes"], "previous becomes");
        p.id(&e["change"], "previous change");
        p.text(&e["note"], "previous note");
    }
    match &m["crosswalk"] {
        Value::Null => p.core.push("0".into()),
        c => {
            p.core.push("1".into());
            p.text(&c["name"], "crosswalk name");
            p.text(&c["source"], "crosswalk source");
            for l in p.list(&c["levels"], "crosswalk levels") {
                p.num(&l["number"], "crosswalk level number");
                p.text(&l["name"], "crosswalk level name");
                p.text(&l["summary"], "crosswalk level summary");
                p.ids(&l["requires"], "crosswalk level requires");
            }
            p.text(&c["differences"], "crosswalk differences");
        }
    }
    p
}
