//! The share-link codec: a whole result (answers and targets) in a short,
//! URL-fragment-safe text.
//!
//! # Wire format, version 1
//!
//! The payload is text in the base64url alphabet (`A-Z a-z 0-9 - _`, no
//! padding). Its first character is the format version ([`LINK_FORMAT`]) as
//! one base64url digit; the rest is the base64url encoding of these bytes:
//!
//! | bytes | content |
//! |---|---|
//! | 1 | model code ([`Model::code`]) |
//! | 1 | model version ([`Model::version`]) |
//! | 1 | flags: bit 0 = targets present; other bits are zero |
//! | ⌈bits / 8⌉ | answers, 3 bits each ([`Answer::code`]), in model question order, most significant bit first; then, if flagged, 3 bits per dimension in model order (0 = no target, `l + 1` = level `l`, from level 0 to the model's top level: 1..=7 at most, as a model has at most [`MAX_LEVELS`](crate::model::MAX_LEVELS) levels); then zero bits up to the byte boundary |
//! | 2 | CRC-16/CCITT-FALSE, big-endian, over the version digit's value (one byte) and every byte above |
//!
//! The encoding is canonical: unused bits (the padding above, and the low bits
//! of the last base64url digit) must be zero, so every valid result has exactly
//! one payload, and any single changed character is detected (a CRC-16 detects
//! every burst of up to 16 bits, and one base64url digit covers 6).
//!
//! A released format version is never changed: a new layout takes a new
//! version digit, and the decoder keeps reading the old ones. The golden
//! vectors in `tests/link.rs` hold this promise.
//!
//! The payload says nothing about where it sits in a URL: the app adds and
//! strips its own prefix (e.g. a `#` fragment).

use std::fmt;

use crate::answer::{Answer, Answers, Targets};
use crate::model::{Model, MAX_DIMENSIONS, MAX_QUESTIONS};

/// The format version written as the payload's first character.
pub const LINK_FORMAT: u8 = 1;

/// Longest payload [`decode`] reads, in bytes (characters, for a valid link).
/// Longer input is rejected before any other work.
pub const MAX_LINK_LEN: usize = 1024;

/// A result read back from a share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedResult {
    /// One answer per question of the model, in model order.
    pub answers: Answers,
    /// One entry per dimension of the model, in model order (all `None` when
    /// the link carries no targets).
    pub targets: Targets,
}

/// Why a share link could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing but whitespace.
    Empty,
    /// Longer than [`MAX_LINK_LEN`] bytes (after trimming whitespace).
    TooLong { length: usize },
    /// The leading format digit names a format this version cannot read.
    UnknownFormat { version: u8 },
    /// A character outside the base64url alphabet; `position` counts
    /// characters from 0, after trimming whitespace.
    BadCharacter { position: usize, character: char },
    /// Shorter than this model's links: part of it was lost.
    Truncated,
    /// The checksum does not match: some characters were changed.
    BadChecksum,
    /// A well-formed link for another model: the model code it names.
    OtherModel { code: u8 },
    /// A well-formed link for a newer version of this model.
    NewerModelVersion { version: u8 },
    /// A well-formed link for an older version of this model.
    OlderModelVersion { version: u8 },
    /// Longer than this model's links, or holds values no encoder writes.
    Corrupt,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(
                f,
                "This link has no assessment in it. Ask for the link again, or copy all of it."
            ),
            LinkError::TooLong { length } => write!(
                f,
                "This link is too long to be an assessment ({length} characters, at most \
                 {MAX_LINK_LEN}). Check that only the link was copied, and nothing around it."
            ),
            LinkError::UnknownFormat { version } if *version < LINK_FORMAT => write!(
                f,
                "This link is not an assessment link from this app. Check that you copied the \
                 right link, and all of it."
            ),
            LinkError::UnknownFormat { .. } => write!(
                f,
                "This link cannot be read by this app: it is damaged, or was made by a newer \
                 version of the app. Check that you copied all of it; if you did, reload the page to get \
                 the latest version and open the link again."
            ),
            LinkError::BadCharacter { position, character } => write!(
                f,
                "This link contains a character that does not belong in it ({character:?} at \
                 position {}). Copy the link again, exactly as it was sent.",
                position.saturating_add(1)
            ),
            LinkError::Truncated => write!(
                f,
                "This link is incomplete: part of it was lost when it was copied. Ask for the \
                 link again, or copy all of it."
            ),
            LinkError::BadChecksum => write!(
                f,
                "This link is damaged: some of its characters were changed when it was copied. \
                 Ask for the link again, or copy it exactly."
            ),
            LinkError::OtherModel { code } => write!(
                f,
                "This link was made with another questionnaire (model code {code}), which this \
                 site does not have. Open it on the site it was made with, or, if it came from a \
                 model file being previewed, open that file on the \"Preview your own model\" page."
            ),
            LinkError::NewerModelVersion { version } => write!(
                f,
                "This link was made with a newer version of the questionnaire (version \
                 {version}). Reload the page to get the latest version, then open the link again."
            ),
            LinkError::OlderModelVersion { version } => write!(
                f,
                "This link was made with an older version of the questionnaire (version \
                 {version}), whose questions differ from today's. Ask for a new link, or answer \
                 the questionnaire again."
            ),
            LinkError::Corrupt => write!(
                f,
                "This link is damaged and cannot be read. Ask for the link again, or copy it \
                 exactly."
            ),
        }
    }
}

impl std::error::Error for LinkError {}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const HEADER_BYTES: usize = 3;
const CRC_BYTES: usize = 2;
const FLAG_TARGETS: u8 = 1;
const CODE_BITS: u32 = 3;

/// Encodes a result as a share-link payload (no `#`, no prefix).
///
/// Exactly one answer per model question and one target per model dimension
/// are written: missing entries count as unanswered / no target, extra ones
/// are ignored, and target levels above the model's top level are written
/// as the top level. The targets are left out entirely when none is set.
///
/// For a model of `q` questions and `d` dimensions the payload is
/// `1 + ⌈4n / 3⌉` characters, where `n = 5 + ⌈(3q + 3d) / 8⌉` bytes (or
/// `⌈3q / 8⌉` without targets).
pub fn encode(model: &Model, answers: &Answers, targets: &Targets) -> String {
    let has_targets = (0..model.dimensions.len()).any(|d| targets.get(d).is_some());
    let mut bytes = Vec::with_capacity(byte_len(model, has_targets));
    bytes.push(model.code);
    bytes.push(model.version);
    bytes.push(if has_targets { FLAG_TARGETS } else { 0 });
    let mut bits = BitWriter::new(bytes);
    for q in 0..model.questions.len() {
        bits.push(answers.get(q).code());
    }
    if has_targets {
        for d in 0..model.dimensions.len() {
            bits.push(
                targets
                    .get(d)
                    .map_or(0, |level| level.min(model.top_level()) + 1),
            );
        }
    }
    let mut bytes = bits.finish();
    let crc = crc16(LINK_FORMAT, &bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());

    let mut text = String::with_capacity(1 + base64_len(bytes.len()));
    text.push(char::from(ALPHABET[usize::from(LINK_FORMAT)]));
    base64_encode(&bytes, &mut text);
    text
}

/// Decodes a share-link payload made by [`encode`] for this model.
///
/// Leading and trailing whitespace is ignored; any prefix (such as `#`) must
/// already be stripped. Checks run in this order, and the first that fails
/// is the error: empty, too long, characters, format version, then (when
/// the checksum holds, so the header can be trusted) model code and version,
/// then length, checksum, and the values themselves.
///
/// # Errors
/// A [`LinkError`] saying what is wrong; decoding never panics.
pub fn decode(model: &Model, text: &str) -> Result<SharedResult, LinkError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(LinkError::Empty);
    }
    if text.len() > MAX_LINK_LEN {
        return Err(LinkError::TooLong { length: text.len() });
    }
    let mut digits = Vec::with_capacity(text.len());
    for (position, character) in text.chars().enumerate() {
        match digit_value(character) {
            Some(value) => digits.push(value),
            None => {
                return Err(LinkError::BadCharacter {
                    position,
                    character,
                })
            }
        }
    }
    let (&version, digits) = digits.split_first().ok_or(LinkError::Empty)?;
    if version != LINK_FORMAT {
        return Err(LinkError::UnknownFormat { version });
    }
    let (bytes, canonical) = base64_decode(digits);
    if bytes.len() < HEADER_BYTES + CRC_BYTES {
        return Err(LinkError::Truncated);
    }
    let (body, crc) = bytes.split_at(bytes.len() - CRC_BYTES);
    let crc_ok = matches!(crc, [hi, lo] if u16::from_be_bytes([*hi, *lo]) == crc16(version, body));
    let (code, model_version, flags) = match body {
        [code, model_version, flags, ..] => (*code, *model_version, *flags),
        _ => return Err(LinkError::Truncated),
    };
    // A link from another model (or model version) may have another length,
    // so when the checksum vouches for the header, say so before the length.
    if crc_ok {
        model_matches(model, code, model_version)?;
    }
    let has_targets = flags & FLAG_TARGETS != 0;
    let expected = base64_len(byte_len(model, has_targets));
    if digits.len() < expected {
        return Err(LinkError::Truncated);
    }
    if digits.len() > expected || !canonical {
        return Err(LinkError::Corrupt);
    }
    if !crc_ok {
        return Err(LinkError::BadChecksum);
    }
    model_matches(model, code, model_version)?;
    if flags & !FLAG_TARGETS != 0 {
        return Err(LinkError::Corrupt);
    }

    let mut bits = BitReader::new(body.get(HEADER_BYTES..).unwrap_or_default());
    let mut answers = Vec::with_capacity(model.questions.len());
    for _ in 0..model.questions.len() {
        let code = bits.read().ok_or(LinkError::Truncated)?;
        answers.push(Answer::from_code(code).ok_or(LinkError::Corrupt)?);
    }
    let mut targets = Targets::new(model);
    if has_targets {
        for d in 0..model.dimensions.len() {
            let code = bits.read().ok_or(LinkError::Truncated)?;
            let level = match code {
                0 => None,
                c if c <= model.top_level() + 1 => Some(c - 1),
                _ => return Err(LinkError::Corrupt),
            };
            targets.set(d, level);
        }
    }
    if !bits.rest_is_zero() {
        return Err(LinkError::Corrupt);
    }
    Ok(SharedResult {
        answers: Answers::from_vec(answers),
        targets,
    })
}

/// Decodes a payload made with `current` or with an earlier version of it
/// that `earlier` returns: the model it was made with, and its result. A
/// result is always read, and scored, with the questionnaire it was made with.
///
/// # Errors
/// As [`decode`]; [`LinkError::OlderModelVersion`] only for a version
/// `earlier` does not have.
pub fn decode_versions<'m>(
    current: &'m Model,
    earlier: impl Fn(u8) -> Option<&'m Model>,
    text: &str,
) -> Result<(&'m Model, SharedResult), LinkError> {
    match decode(current, text) {
        Ok(result) => Ok((current, result)),
        Err(LinkError::OlderModelVersion { version }) => match earlier(version) {
            Some(model) if model.code == current.code && model.version == version => {
                decode(model, text).map(|result| (model, result))
            }
            _ => Err(LinkError::OlderModelVersion { version }),
        },
        Err(e) => Err(e),
    }
}

/// [`decode_versions`] over the built-in model and its released versions.
///
/// # Errors
/// As [`decode_versions`].
pub fn decode_builtin(text: &str) -> Result<(&'static Model, SharedResult), LinkError> {
    decode_versions(crate::model::builtin(), crate::model::builtin_version, text)
}

fn model_matches(model: &Model, code: u8, version: u8) -> Result<(), LinkError> {
    if code != model.code {
        Err(LinkError::OtherModel { code })
    } else if version > model.version {
        Err(LinkError::NewerModelVersion { version })
    } else if version < model.version {
        Err(LinkError::OlderModelVersion { version })
    } else {
        Ok(())
    }
}

/// Bytes after the version digit: header, packed codes, checksum.
fn byte_len(model: &Model, has_targets: bool) -> usize {
    let targets = if has_targets {
        model.dimensions.len()
    } else {
        0
    };
    payload_bytes(model.questions.len(), targets)
}

/// Bytes before base64: header, 3 bits per answer and per target, checksum.
const fn payload_bytes(answers: usize, targets: usize) -> usize {
    HEADER_BYTES + ((answers + targets) * CODE_BITS as usize).div_ceil(8) + CRC_BYTES
}

/// Length in characters of the payload [`encode`] writes for a model of
/// `questions` questions and `dimensions` dimensions, with every target set
/// (the longest case).
pub const fn payload_len(questions: usize, dimensions: usize) -> usize {
    1 + base64_len(payload_bytes(questions, dimensions))
}

// Every model that validates has a result that fits a link.
const _: () = assert!(payload_len(MAX_QUESTIONS, MAX_DIMENSIONS) <= MAX_LINK_LEN);

/// Unpadded base64 length of `n` bytes.
const fn base64_len(n: usize) -> usize {
    (n * 4).div_ceil(3)
}

fn digit_value(c: char) -> Option<u8> {
    let value = match c {
        'A'..='Z' => c as u32 - 'A' as u32,
        'a'..='z' => c as u32 - 'a' as u32 + 26,
        '0'..='9' => c as u32 - '0' as u32 + 52,
        '-' => 62,
        '_' => 63,
        _ => return None,
    };
    u8::try_from(value).ok()
}

fn base64_encode(bytes: &[u8], out: &mut String) {
    let digit = |v: u32| char::from(ALPHABET[(v & 63) as usize]);
    for chunk in bytes.chunks(3) {
        let b =
            [chunk.first(), chunk.get(1), chunk.get(2)].map(|b| u32::from(b.copied().unwrap_or(0)));
        let n = b[0] << 16 | b[1] << 8 | b[2];
        let digits = chunk.len() + 1;
        for i in 0..digits {
            out.push(digit(n >> (18 - 6 * i)));
        }
    }
}

/// Decodes base64 digit values. The flag is false when the input is not the
/// canonical encoding of the bytes returned: a lone digit left over, or
/// non-zero unused low bits in the last digit.
fn base64_decode(digits: &[u8]) -> (Vec<u8>, bool) {
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    let mut canonical = true;
    for chunk in digits.chunks(4) {
        let mut n = 0u32;
        for (i, d) in chunk.iter().enumerate() {
            n |= u32::from(*d & 63) << (18 - 6 * i);
        }
        let [_, b0, b1, b2] = n.to_be_bytes();
        match chunk.len() {
            4 => bytes.extend_from_slice(&[b0, b1, b2]),
            3 => {
                bytes.extend_from_slice(&[b0, b1]);
                canonical &= b2 == 0;
            }
            2 => {
                bytes.push(b0);
                canonical &= b1 == 0 && b2 == 0;
            }
            _ => canonical = false,
        }
    }
    (bytes, canonical)
}

/// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final
/// xor) over one leading byte and then `bytes`.
fn crc16(first: u8, bytes: &[u8]) -> u16 {
    std::iter::once(&first)
        .chain(bytes)
        .fold(0xFFFF_u16, |crc, &byte| {
            let mut crc = crc ^ (u16::from(byte) << 8);
            for _ in 0..8 {
                crc = if crc & 0x8000 != 0 {
                    (crc << 1) ^ 0x1021
                } else {
                    crc << 1
                };
            }
            crc
        })
}

/// Appends 3-bit codes, most significant bit first.
struct BitWriter {
    bytes: Vec<u8>,
    acc: u32,
    held: u32,
}

impl BitWriter {
    fn new(bytes: Vec<u8>) -> BitWriter {
        BitWriter {
            bytes,
            acc: 0,
            held: 0,
        }
    }

    fn push(&mut self, code: u8) {
        self.acc = (self.acc << CODE_BITS) | u32::from(code & 0b111);
        self.held += CODE_BITS;
        if self.held >= 8 {
            self.held -= 8;
            self.bytes.push((self.acc >> self.held) as u8);
            self.acc &= (1 << self.held) - 1;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.held > 0 {
            self.bytes.push((self.acc << (8 - self.held)) as u8);
        }
        self.bytes
    }
}

/// Reads 3-bit codes, most significant bit first.
struct BitReader<'a> {
    bytes: &'a [u8],
    /// Position in bits.
    at: usize,
}

impl<'a> BitReader<'a> {
    fn new(bytes: &'a [u8]) -> BitReader<'a> {
        BitReader { bytes, at: 0 }
    }

    fn bit(&self, at: usize) -> Option<u8> {
        self.bytes.get(at / 8).map(|b| (b >> (7 - at % 8)) & 1)
    }

    fn read(&mut self) -> Option<u8> {
        let mut code = 0;
        for _ in 0..CODE_BITS {
            code = (code << 1) | self.bit(self.at)?;
            self.at += 1;
        }
        Some(code)
    }

    /// Whether every bit not yet read is zero.
    fn rest_is_zero(&self) -> bool {
        (self.at..self.bytes.len() * 8).all(|at| self.bit(at) == Some(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_published_check_value() {
        // CRC-16/CCITT-FALSE of "123456789" is 0x29B1.
        assert_eq!(crc16(b'1', b"23456789"), 0x29B1);
    }

    #[test]
    fn base64_round_trips_every_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for n in 0..40 {
            let mut text = String::new();
            base64_encode(&bytes[..n], &mut text);
            assert_eq!(text.len(), base64_len(n));
            let digits: Vec<u8> = text.chars().map(|c| digit_value(c).unwrap()).collect();
            assert_eq!(base64_decode(&digits), (bytes[..n].to_vec(), true));
        }
    }

    #[test]
    fn bits_round_trip() {
        let codes = [0, 7, 3, 5, 1, 6, 2, 4, 7, 7, 0];
        let mut w = BitWriter::new(Vec::new());
        codes.iter().for_each(|c| w.push(*c));
        let bytes = w.finish();
        assert_eq!(bytes.len(), (codes.len() * 3).div_ceil(8));
        let mut r = BitReader::new(&bytes);
        let back: Vec<u8> = codes.iter().map(|_| r.read().unwrap()).collect();
        assert_eq!(back, codes);
        assert!(r.rest_is_zero());
        // 33 bits in 5 bytes: the 7 padding bits hold two (zero) codes, then
        // reading stops instead of running off the end.
        assert_eq!(std::iter::from_fn(|| r.read()).collect::<Vec<_>>(), [0, 0]);
        assert_eq!(r.read(), None);
    }
}
