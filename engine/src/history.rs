//! Saved snapshots of results ("history"), as stored in localStorage.
//!
//! A snapshot is a share-link payload plus a label and a date: the payload
//! already carries the model, its version, every answer and the targets, so
//! history reuses the link format's versioning and golden vectors. A
//! snapshot whose payload can no longer be decoded (say, a newer app wrote
//! it) is kept and reported, never dropped.
//!
//! # Wire format, version 1
//!
//! ```json
//! {"format":1,"snapshots":[{"id":"s1790000000000","label":"Q3","saved_ms":1790000000000,"link":"BAQEB…"}]}
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::link::{self, LinkError, SharedResult};
use crate::model::Model;

/// The format version [`to_json`] writes.
pub const HISTORY_FORMAT: u32 = 1;
/// Largest history text [`from_json`] reads (512 KiB).
pub const MAX_HISTORY_BYTES: usize = 512 * 1024;
/// Longest label kept, in characters.
pub const MAX_LABEL_CHARS: usize = 120;

/// One saved result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub id: String,
    pub label: String,
    /// Milliseconds since the Unix epoch.
    pub saved_ms: f64,
    /// A share-link payload ([`link::encode`]).
    pub link: String,
}

impl Snapshot {
    /// Decodes the saved result.
    ///
    /// # Errors
    /// The link decoder's error, e.g. for a snapshot saved by a newer version.
    pub fn result(&self, model: &Model) -> Result<SharedResult, LinkError> {
        link::decode(model, &self.link)
    }
}

/// All saved snapshots, newest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    snapshots: Vec<Snapshot>,
}

/// Why stored history could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum HistoryError {
    TooLarge,
    Syntax(String),
    NewerFormat { format: u32 },
    UnknownFormat { format: u32 },
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::TooLarge => write!(f, "the saved snapshots are larger than this app reads"),
            HistoryError::Syntax(e) => write!(f, "the saved snapshots are damaged ({e})"),
            HistoryError::NewerFormat { format } => write!(
                f,
                "the saved snapshots were written by a newer version of this app (format {format}); reload to update it"
            ),
            HistoryError::UnknownFormat { format } => {
                write!(f, "the saved snapshots have an unknown format ({format})")
            }
        }
    }
}

impl std::error::Error for HistoryError {}

#[derive(Deserialize)]
struct HistoryV1 {
    snapshots: Vec<Snapshot>,
}

/// The stored form of a history, borrowed for writing.
#[derive(Serialize)]
pub struct HistoryWire<'a> {
    format: u32,
    snapshots: &'a [Snapshot],
}

fn clean_label(label: &str) -> String {
    label
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_LABEL_CHARS)
        .collect()
}

impl History {
    /// Snapshots, newest first.
    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    pub fn get(&self, id: &str) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    /// Saves a result; returns the new snapshot's id (unique in this history).
    pub fn add(&mut self, label: &str, saved_ms: f64, link: String) -> String {
        let base = format!("s{}", saved_ms.max(0.0) as u64);
        let mut id = base.clone();
        let mut n = 1;
        while self.get(&id).is_some() {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.snapshots.push(Snapshot {
            id: id.clone(),
            label: clean_label(label),
            saved_ms,
            link,
        });
        self.sort();
        id
    }

    /// Renames a snapshot; false if there is none with this id.
    pub fn rename(&mut self, id: &str, label: &str) -> bool {
        match self.snapshots.iter_mut().find(|s| s.id == id) {
            Some(s) => {
                s.label = clean_label(label);
                true
            }
            None => false,
        }
    }

    /// Deletes a snapshot; false if there is none with this id.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.snapshots.len();
        self.snapshots.retain(|s| s.id != id);
        self.snapshots.len() != before
    }

    fn sort(&mut self) {
        crate::sort::sort_by(&mut self.snapshots, |a, b| {
            b.saved_ms
                .total_cmp(&a.saved_ms)
                .then_with(|| a.id.cmp(&b.id))
        });
    }
}

/// The stored form of `history` (format [`HISTORY_FORMAT`]), for a writer
/// that serialises it itself (the app hands it to gloo-storage).
pub fn to_wire(history: &History) -> HistoryWire<'_> {
    HistoryWire {
        format: HISTORY_FORMAT,
        snapshots: &history.snapshots,
    }
}

/// Writes history (format [`HISTORY_FORMAT`]).
pub fn to_json(history: &History) -> String {
    serde_json::to_string(&to_wire(history))
        .unwrap_or_else(|_| format!("{{\"format\":{HISTORY_FORMAT},\"snapshots\":[]}}"))
}

/// Reads history.
///
/// # Errors
/// [`HistoryError`] when the text is too large, not JSON of this shape, or of
/// another format version.
pub fn from_json(text: &str) -> Result<History, HistoryError> {
    if text.len() > MAX_HISTORY_BYTES {
        return Err(HistoryError::TooLarge);
    }
    let value = serde_json::from_str(text).map_err(|e| HistoryError::Syntax(e.to_string()))?;
    from_value(value)
}

/// Reads history already parsed as JSON (what gloo-storage hands back).
///
/// # Errors
/// [`HistoryError`] when the value is not of this shape or of another format
/// version.
pub fn from_value(value: serde_json::Value) -> Result<History, HistoryError> {
    let format = value
        .get("format")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| HistoryError::Syntax("no format number".to_owned()))?;
    let format = u32::try_from(format).unwrap_or(u32::MAX);
    match format {
        1 => {
            let wire: HistoryV1 =
                serde_json::from_value(value).map_err(|e| HistoryError::Syntax(e.to_string()))?;
            let mut history = History {
                snapshots: wire.snapshots,
            };
            for s in &mut history.snapshots {
                s.label = clean_label(&s.label);
            }
            history.sort();
            Ok(history)
        }
        f if f > HISTORY_FORMAT => Err(HistoryError::NewerFormat { format: f }),
        f => Err(HistoryError::UnknownFormat { format: f }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{builtin, Answer, Answers, Targets};

    fn payload(a: Answer) -> String {
        let m = builtin();
        link::encode(
            m,
            &Answers::from_vec(vec![a; m.questions.len()]),
            &Targets::new(m),
        )
    }

    #[test]
    fn add_rename_remove_and_round_trip() {
        let mut h = History::default();
        let a = h.add("  Q1 baseline  ", 1000.0, payload(Answer::No));
        let b = h.add("Q2\u{7}", 2000.0, payload(Answer::Fully));
        let c = h.add("Q2 again", 2000.0, payload(Answer::Mostly));
        assert_eq!(
            (a.as_str(), b.as_str(), c.as_str()),
            ("s1000", "s2000", "s2000-2")
        );
        let labels: Vec<&str> = h.snapshots().iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Q2", "Q2 again", "Q1 baseline"],
            "newest first, labels cleaned"
        );
        assert!(h.rename(&a, "Baseline"));
        assert!(!h.rename("nope", "x"));
        assert!(h.remove(&c));
        assert!(!h.remove(&c));

        let back = from_json(&to_json(&h)).unwrap();
        assert_eq!(back, h);
        let m = builtin();
        assert_eq!(
            back.get(&b).unwrap().result(m).unwrap().answers.get(0),
            Answer::Fully
        );
    }

    #[test]
    fn golden_v1_reads() {
        let text =
            r#"{"format":1,"snapshots":[{"id":"s5","label":"old","saved_ms":5,"link":"garbage"}]}"#;
        let h = from_json(text).unwrap();
        assert_eq!(h.snapshots().len(), 1);
        assert!(
            h.snapshots()[0].result(builtin()).is_err(),
            "kept, and reported when opened"
        );
    }

    #[test]
    fn bad_history_is_an_error_not_a_panic() {
        assert!(matches!(from_json(""), Err(HistoryError::Syntax(_))));
        assert!(matches!(
            from_json("{\"format\":1}"),
            Err(HistoryError::Syntax(_))
        ));
        assert_eq!(
            from_json("{\"format\":2,\"snapshots\":[]}"),
            Err(HistoryError::NewerFormat { format: 2 })
        );
        assert_eq!(
            from_json("{\"format\":0}"),
            Err(HistoryError::UnknownFormat { format: 0 })
        );
        assert_eq!(
            from_json(&" ".repeat(MAX_HISTORY_BYTES + 1)),
            Err(HistoryError::TooLarge)
        );
    }
}
