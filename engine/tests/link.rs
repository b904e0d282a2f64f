//! The share-link codec: frozen golden vectors, one crafted input per error,
//! and properties (round trip, no panic on any text, every single-character
//! change detected).

mod common;

use maturity_engine::link::{self, LinkError, SharedResult, MAX_LINK_LEN};
use maturity_engine::model::BUILTIN_JSON;
use maturity_engine::{assess, builtin, builtin_version, Answer, Answers, Model, Targets};
use proptest::prelude::*;

/// Answers from one letter per question, in model order.
fn letters(s: &str) -> Answers {
    Answers::from_vec(s.chars().map(common::letter).collect())
}

/// Questionnaire version 1 of the built-in model, as released.
fn v1() -> &'static Model {
    builtin_version(1).unwrap()
}

fn no_targets() -> Targets {
    Targets::new(builtin())
}

fn some_targets() -> Targets {
    Targets::from_vec(vec![Some(3), None, Some(4), Some(0), Some(2)])
}

const MIXED: &str = "FFMP?xN_FFMMPN?xxFFFFMMMPPPNN?_";

/// Format version 1, built-in model (code 1, version 1).
///
/// FROZEN FOREVER: these strings are links people have already shared. Never
/// edit one; if the format must change, add a new format version and new
/// vectors beside these, and keep these decoding.
fn golden() -> Vec<(&'static str, Answers, Targets)> {
    vec![
        (
            "BAQEAAAAAAAAAAAAAAAAAF7M",
            letters(&"_".repeat(31)),
            no_targets(),
        ),
        (
            "BAQEAkkkkkkkkkkkkkkkgiGA",
            letters(&"F".repeat(31)),
            no_targets(),
        ),
        ("BAQEAkauIkbRu0kjbSRNA-1Q", letters(MIXED), no_targets()),
        (
            "BAQEBkauIkbRu0kjbSRNEFLDPGg",
            letters(MIXED),
            some_targets(),
        ),
        (
            "BAQEBkkkkkkkkkkkkkkklttDETQ",
            letters(&"F".repeat(31)),
            Targets::from_vec(vec![Some(4); 5]),
        ),
    ]
}

#[test]
fn golden_vectors_decode_and_encode_exactly() {
    let m = v1();
    for (text, answers, targets) in golden() {
        assert_eq!(link::encode(m, &answers, &targets), text);
        let result = SharedResult { answers, targets };
        assert_eq!(link::decode(m, text), Ok(result.clone()), "{text}");
        // The app reads them with the questionnaire they were made with.
        let (made_with, read) = link::decode_builtin(text).unwrap();
        assert_eq!((made_with.version, read), (1, result));
    }
}

/// Format version 1, built-in model questionnaire version 2 (code 1,
/// version 2): 30 questions.
///
/// FROZEN FOREVER, like [`golden`].
fn golden_v2() -> Vec<(&'static str, Answers, Targets)> {
    const MIXED_V2: &str = "FFMP?xN_FFMMPN?xxFFFFMMMPPPNN?_";
    vec![
        (
            "BAQIAAAAAAAAAAAAAAAAAmhA",
            letters(&"_".repeat(30)),
            no_targets(),
        ),
        (
            "BAQIAkkkkkkkkkkkkkkkAIaE",
            letters(&"F".repeat(30)),
            no_targets(),
        ),
        (
            "BAQIBkauIkbRu0kjbSRNgpYBmPg",
            letters(&MIXED_V2[..30]),
            some_targets(),
        ),
    ]
}

#[test]
fn golden_v2_vectors_decode_and_encode_exactly() {
    let m = builtin();
    assert_eq!(m.version, 2);
    // Rebuilt independently: header (code 1, version 2, no targets), codes.
    assert_eq!(craft(1, &body([1, 2, 0], &[0; 30])), golden_v2()[0].0);
    for (text, answers, targets) in golden_v2() {
        assert_eq!(link::encode(m, &answers, &targets), text);
        let result = SharedResult { answers, targets };
        assert_eq!(link::decode(m, text), Ok(result.clone()), "{text}");
        assert_eq!(link::decode_builtin(text), Ok((m, result)));
    }
}

/// A link made by the released version 1 app (answering a realistic team by
/// clicking through every step in Chromium), with the results that app
/// showed for it. It must keep opening, scored as it was then.
#[test]
fn a_link_captured_from_the_version_1_app_shows_what_it_showed() {
    let (made_with, read) = link::decode_builtin("BAQEAagEjhMekkjQkbVQIpb0").unwrap();
    assert_eq!(made_with.version, 1);
    let r = assess(made_with, &read.answers);
    // Its table: level, score (one decimal), answered.
    let shown: Vec<(u8, String, usize, usize)> = r
        .dimensions
        .iter()
        .map(|d| (d.level, format!("{:.1}", d.score), d.answered, d.total))
        .collect();
    let expect = [
        (2, "2.7", 3, 5),
        (3, "3.0", 5, 5),
        (0, "0.5", 6, 6),
        (2, "2.3", 5, 6),
        (1, "1.6", 8, 9),
    ];
    assert_eq!(
        shown,
        expect.map(|(l, s, a, t)| (l, s.to_owned(), a, t)).to_vec()
    );
    assert_eq!(r.overall.level, Some(0));
    assert_eq!(format!("{:.1}", r.overall.score.unwrap()), "2.0");
}

#[test]
fn full_result_link_is_short() {
    let m = builtin();
    let full = link::encode(m, &letters(MIXED), &some_targets());
    // 31 × 3 + 5 × 3 = 108 bits → 14 bytes, + 3 header + 2 CRC = 19 bytes
    // → 26 base64url characters, + 1 format digit.
    println!(
        "built-in model, full result with targets: {} characters: {full}",
        full.len()
    );
    assert_eq!(full.len(), 27);
    assert!(full.len() <= 40);
    assert!(full
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
}

#[test]
fn surrounding_whitespace_is_ignored() {
    let m = v1();
    let (text, answers, targets) = golden().remove(3);
    assert_eq!(
        link::decode(m, &format!("  {text}\n")),
        Ok(SharedResult { answers, targets })
    );
}

#[test]
fn encode_normalises_what_it_cannot_carry() {
    let m = builtin();
    // Too few answers count as unanswered; extra targets are ignored; a
    // level above the maximum is written as the maximum.
    let short = Answers::from_vec(vec![Answer::Fully; 3]);
    let targets = Targets::from_vec(vec![Some(9), None, None, None, None, Some(2)]);
    let decoded = link::decode(m, &link::encode(m, &short, &targets)).unwrap();
    let mut expected = Answers::new(m);
    (0..3).for_each(|q| expected.set(q, Answer::Fully));
    assert_eq!(decoded.answers, expected);
    assert_eq!(
        decoded.targets,
        Targets::from_vec(vec![Some(4), None, None, None, None])
    );
}

// ---- one crafted input per error -----------------------------------------

/// An independent CRC-16/CCITT-FALSE and base64url writer, so that inputs
/// with a valid checksum but bad content can be crafted.
fn craft(version_digit: u8, body: &[u8]) -> String {
    let crc = std::iter::once(&version_digit)
        .chain(body)
        .fold(0xFFFFu16, |mut crc, &b| {
            crc ^= u16::from(b) << 8;
            for _ in 0..8 {
                crc = if crc & 0x8000 != 0 {
                    (crc << 1) ^ 0x1021
                } else {
                    crc << 1
                };
            }
            crc
        });
    let mut bytes = body.to_vec();
    bytes.extend_from_slice(&crc.to_be_bytes());
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits: Vec<u8> = bytes
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1))
        .collect();
    while !bits.len().is_multiple_of(6) {
        bits.push(0);
    }
    std::iter::once(A[usize::from(version_digit)] as char)
        .chain(
            bits.chunks(6)
                .map(|c| A[usize::from(c.iter().fold(0, |n, b| n << 1 | b))] as char),
        )
        .collect()
}

/// 3-bit codes packed most significant bit first, zero-padded.
fn pack(codes: &[u8]) -> Vec<u8> {
    let bits: Vec<u8> = codes
        .iter()
        .flat_map(|c| (0..3).rev().map(move |i| (c >> i) & 1))
        .collect();
    bits.chunks(8)
        .map(|c| c.iter().enumerate().fold(0u8, |n, (i, b)| n | b << (7 - i)))
        .collect()
}

fn body(header: [u8; 3], codes: &[u8]) -> Vec<u8> {
    let mut b = header.to_vec();
    b.extend(pack(codes));
    b
}

fn edited_model(edit: impl FnOnce(&mut serde_json::Value)) -> Model {
    let mut v: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    edit(&mut v);
    Model::from_json(&v.to_string()).unwrap()
}

fn err(text: &str) -> LinkError {
    link::decode(v1(), text).unwrap_err()
}

#[test]
fn crafting_helpers_agree_with_the_encoder() {
    // The helpers below are only trustworthy if they rebuild a real link.
    let codes: Vec<u8> = letters(MIXED).as_slice().iter().map(|a| a.code()).collect();
    assert_eq!(craft(1, &body([1, 1, 0], &codes)), golden()[2].0);
}

#[test]
fn error_empty() {
    assert_eq!(err(""), LinkError::Empty);
    assert_eq!(err(" \t\n "), LinkError::Empty);
}

#[test]
fn error_too_long() {
    let long = "B".repeat(MAX_LINK_LEN + 1);
    assert_eq!(err(&long), LinkError::TooLong { length: 1025 });
    // At the limit it is read (and is simply too long for this model).
    assert_eq!(err(&long[1..]), LinkError::Corrupt);
}

#[test]
fn error_bad_character() {
    let text = golden()[3].0;
    assert_eq!(
        err(&format!("#{text}")),
        LinkError::BadCharacter {
            position: 0,
            character: '#'
        }
    );
    let padded = format!("{}=", &text[..26]);
    assert_eq!(
        err(&padded),
        LinkError::BadCharacter {
            position: 26,
            character: '='
        }
    );
    // Positions count characters, not bytes.
    assert_eq!(
        err("BAé+"),
        LinkError::BadCharacter {
            position: 2,
            character: 'é'
        }
    );
    // A URL-encoded or standard-base64 link is not ours.
    assert_eq!(
        err("BAQ/Ek"),
        LinkError::BadCharacter {
            position: 3,
            character: '/'
        }
    );
}

#[test]
fn error_unknown_format() {
    let text = golden()[0].0;
    assert_eq!(
        err(&format!("C{}", &text[1..])),
        LinkError::UnknownFormat { version: 2 }
    );
    assert_eq!(
        err(&format!("A{}", &text[1..])),
        LinkError::UnknownFormat { version: 0 }
    );
    assert_eq!(err("_"), LinkError::UnknownFormat { version: 63 });
}

#[test]
fn error_truncated() {
    let text = golden()[3].0;
    assert_eq!(err(&text[..text.len() - 1]), LinkError::Truncated);
    assert_eq!(err(&text[..10]), LinkError::Truncated);
    assert_eq!(err("B"), LinkError::Truncated);
    assert_eq!(err("BAQE"), LinkError::Truncated);
}

#[test]
fn error_bad_checksum() {
    let text = golden()[2].0;
    // Swap two different characters in the answers: same length, same
    // alphabet, wrong checksum.
    let mut chars: Vec<char> = text.chars().collect();
    chars.swap(8, 9);
    assert_ne!(chars[8], chars[9]);
    let swapped: String = chars.into_iter().collect();
    assert_eq!(err(&swapped), LinkError::BadChecksum);
}

#[test]
fn error_other_model() {
    let other = edited_model(|v| v["code"] = 2.into());
    let m = builtin();
    let text = link::encode(&other, &letters(MIXED), &no_targets());
    assert_eq!(
        link::decode(m, &text),
        Err(LinkError::OtherModel { code: 2 })
    );
    assert!(LinkError::OtherModel { code: 2 }
        .to_string()
        .contains("(model code 2)"));
}

#[test]
fn error_newer_model_version() {
    let m = builtin();
    let newer = edited_model(|v| v["version"] = 3.into());
    let text = link::encode(&newer, &letters(MIXED), &some_targets());
    assert_eq!(
        link::decode(m, &text),
        Err(LinkError::NewerModelVersion { version: 3 })
    );
    assert_eq!(
        link::decode_builtin(&text),
        Err(LinkError::NewerModelVersion { version: 3 })
    );
    // Even when the newer version has another number of questions, the
    // reader is told about the version, not that the link looks cut short.
    let more = edited_model(|v| {
        v["version"] = 4.into();
        let qs = v["questions"].as_array_mut().unwrap();
        for i in 0..8 {
            let mut q = qs[0].clone();
            q["id"] = format!("people.extra-{i}").into();
            qs.push(q);
        }
    });
    assert_eq!(more.questions.len(), m.questions.len() + 8);
    let text = link::encode(&more, &Answers::new(&more), &Targets::new(&more));
    assert_eq!(
        link::decode(m, &text),
        Err(LinkError::NewerModelVersion { version: 4 })
    );
}

#[test]
fn error_older_model_version() {
    let text = link::encode(v1(), &letters(MIXED), &no_targets());
    assert_eq!(
        link::decode(builtin(), &text),
        Err(LinkError::OlderModelVersion { version: 1 })
    );
    // A version this build does not have stays an error; one it has is read.
    let newer = edited_model(|v| v["version"] = 3.into());
    assert_eq!(
        link::decode_versions(&newer, |_| None, &text),
        Err(LinkError::OlderModelVersion { version: 1 })
    );
    assert_eq!(link::decode_builtin(&text).map(|(m, _)| m.version), Ok(1));
}

#[test]
fn error_corrupt() {
    let valid = golden()[2].0;
    let codes: Vec<u8> = letters(MIXED).as_slice().iter().map(|a| a.code()).collect();
    let with = |i: usize, code: u8| {
        let mut c = codes.clone();
        c[i] = code;
        c
    };
    let cases = [
        // Longer than the model implies.
        format!("{valid}A"),
        format!("{valid}AAAA"),
        // Answer code 7 is no answer.
        craft(1, &body([1, 1, 0], &with(4, 7))),
        // Unknown flag bits.
        craft(1, &body([1, 1, 0b10], &codes)),
        // Target code 6 is no level.
        craft(
            1,
            &body([1, 1, 1], &[codes.clone(), vec![0, 6, 0, 0, 0]].concat()),
        ),
        // Padding bits after the last code are not zero.
        craft(1, &body([1, 1, 0], &[codes.clone(), vec![1]].concat())),
    ];
    for text in &cases {
        assert_eq!(err(text), LinkError::Corrupt, "{text}");
    }
    // Non-zero unused low bits in the last digit: same bytes, another text.
    // (The valid link ends in 'Q' = 0b010000; 'R' sets an unused bit.)
    assert!(valid.ends_with('Q'));
    assert_eq!(
        err(&format!("{}R", &valid[..valid.len() - 1])),
        LinkError::Corrupt
    );
}

#[test]
fn every_error_says_what_to_do_in_plain_words() {
    let all = [
        LinkError::Empty,
        LinkError::TooLong { length: 2000 },
        LinkError::UnknownFormat { version: 2 },
        LinkError::UnknownFormat { version: 0 },
        LinkError::BadCharacter {
            position: 4,
            character: '%',
        },
        LinkError::Truncated,
        LinkError::BadChecksum,
        LinkError::OtherModel { code: 7 },
        LinkError::NewerModelVersion { version: 2 },
        LinkError::OlderModelVersion { version: 0 },
        LinkError::Corrupt,
    ];
    for e in all {
        let text = e.to_string();
        assert!(text.starts_with("This link"), "{text}");
        assert!(text.ends_with('.'), "{text}");
        let advice = ["Ask", "Reload", "Copy", "Check", "Open"];
        assert!(advice.iter().any(|a| text.contains(a)), "no advice: {text}");
    }
    assert!(LinkError::BadCharacter {
        position: 4,
        character: '%'
    }
    .to_string()
    .contains("'%' at position 5"));
}

// ---- properties ------------------------------------------------------------

fn answer() -> impl Strategy<Value = Answer> {
    (0u8..7).prop_map(|c| Answer::from_code(c).unwrap())
}

fn result() -> impl Strategy<Value = SharedResult> {
    (
        prop::collection::vec(answer(), builtin().questions.len()),
        prop::collection::vec(prop::option::of(0u8..=4), 5),
    )
        .prop_map(|(a, t)| SharedResult {
            answers: Answers::from_vec(a),
            targets: Targets::from_vec(t),
        })
}

const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Whatever decodes must be the canonical encoding of what it decodes to.
fn assert_canonical(text: &str) {
    if let Ok(r) = link::decode(builtin(), text) {
        assert_eq!(link::encode(builtin(), &r.answers, &r.targets), text.trim());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_results_round_trip_exactly(r in result()) {
        let m = builtin();
        let text = link::encode(m, &r.answers, &r.targets);
        prop_assert!(text.len() <= 27);
        prop_assert_eq!(link::decode(m, &text), Ok(r));
    }

    #[test]
    fn random_text_never_panics(chars in prop::collection::vec(any::<char>(), 0..2000)) {
        let text: String = chars.into_iter().collect();
        assert_canonical(&text);
    }

    #[test]
    fn random_alphabet_text_never_panics(text in "B[A-Za-z0-9_-]{0,40}") {
        assert_canonical(&text);
    }

    #[test]
    fn any_single_substitution_is_detected(
        r in result(),
        at in any::<prop::sample::Index>(),
        with in prop::sample::select(
            ALPHABET.chars().chain("#=+/ é%".chars()).collect::<Vec<char>>()
        ),
    ) {
        let m = builtin();
        let text = link::encode(m, &r.answers, &r.targets);
        let mut chars: Vec<char> = text.chars().collect();
        let i = at.index(chars.len());
        prop_assume!(chars[i] != with);
        chars[i] = with;
        let mutated: String = chars.into_iter().collect();
        let decoded = link::decode(m, &mutated);
        prop_assert!(decoded.is_err(), "{} -> {} decoded", text, mutated);
        prop_assert_ne!(decoded, Ok(r));
    }

    #[test]
    fn any_truncation_is_reported_as_such(r in result(), at in any::<prop::sample::Index>()) {
        let m = builtin();
        let text = link::encode(m, &r.answers, &r.targets);
        let cut = &text[..at.index(text.len())];
        let expected = if cut.is_empty() { LinkError::Empty } else { LinkError::Truncated };
        prop_assert_eq!(link::decode(m, cut), Err(expected));
    }

    #[test]
    fn any_extension_is_rejected(r in result(), tail in "[A-Za-z0-9_-]{1,12}") {
        let m = builtin();
        let text = link::encode(m, &r.answers, &r.targets);
        prop_assert_eq!(link::decode(m, &format!("{text}{tail}")), Err(LinkError::Corrupt));
    }
}
