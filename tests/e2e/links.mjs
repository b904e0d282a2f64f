// Share links made outside the app, for tests and the bench that need many
// distinct results: an independent writer of the link format that
// engine/src/link.rs documents (format 1: version digit, then base64url of
// model code, model version, flags, 3-bit answer codes, CRC-16/CCITT-FALSE).
// e2e/version2.test.mjs checks it against the engine's frozen vectors.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const FORMAT = 1;

/** Packs bits (most significant first) into `size`-bit numbers, zero-padded. */
function chunk(bits, size) {
  const padded = [...bits];
  while (padded.length % size) padded.push(0);
  const out = [];
  for (let i = 0; i < padded.length; i += size) out.push(padded.slice(i, i + size).reduce((n, b) => (n << 1) | b, 0));
  return out;
}

const bitsOf = (values, width) => values.flatMap((v) => Array.from({ length: width }, (_, i) => (v >> (width - 1 - i)) & 1));

/**
 * The payload for answer codes (0 unanswered, 1 No, 2 Partially, 3 Mostly,
 * 4 Fully, 5 Don't know, 6 Not applicable), one per question in model order.
 */
export function encodeLink(codes, { code = 1, version = 2 } = {}) {
  const body = [code, version, 0, ...chunk(bitsOf(codes, 3), 8)];
  let crc = 0xffff;
  for (const b of [FORMAT, ...body]) {
    crc ^= b << 8;
    for (let k = 0; k < 8; k += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  const bytes = [...body, crc >> 8, crc & 0xff];
  return ALPHABET[FORMAT] + chunk(bitsOf(bytes, 8), 6).map((d) => ALPHABET[d]).join('');
}

/** `n` different results for a model of `questions` questions: the i-th
 * answers its first questions with the base-4 digits of i (No … Fully). */
export function distinctLinks(n, questions, options) {
  return Array.from({ length: n }, (_, i) => {
    const codes = Array.from({ length: questions }, (_, q) => 1 + (Math.floor(i / 4 ** q) % 4));
    return encodeLink(codes, options);
  });
}
