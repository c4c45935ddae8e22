//! A JSON string read and unescaped in one pass, 32 bytes per step.
//!
//! For JSON inside JSON (an HTTP event in an SQS record's `body`), where every quote of the
//! inner text is an escape, one every dozen bytes: serde_json stops at each escape and starts
//! its scan afresh, which made the unescape half of a queued request's cost. Here each step
//! classifies 32 bytes at once into bit masks of the bytes that matter (`"`, `\`, control
//! characters, and whether any is not ASCII: SSE2 on x86-64, portable code elsewhere), then
//! handles every flagged byte from the masks before it loads the next block. A block whose
//! only special bytes are `\"` pairs (nearly every block of JSON inside JSON) only cuts the
//! plain runs at its backslashes; elsewhere each flagged byte is looked at, a two-byte escape
//! is a table look-up and one byte written, `\u` goes through the general decoder. Runs are
//! copied in 16-byte moves. When no byte classified was above 0x7F, [`str`] skips the UTF-8
//! check.
//!
//! Strict where serde_json is strict, so that a caller can fall back to serde_json for the
//! error: a control character, an unknown escape, a `\u` escape without four hex digits or
//! with an unpaired surrogate, and a missing closing quote all give `None`; [`str`] also
//! refuses what is not UTF-8.
//!
//! The crate's only `unsafe` code is here (`unescape_into`, `copy_run`, `masks` on x86-64,
//! and [`str`]'s conversion when all is ASCII): reads and writes without bounds checks, each
//! justified where it is made by the bounds checked once per block. The unit tests compare
//! every answer with serde_json's at every position of the blocks, and the fuzz target
//! `parsers` does the same on arbitrary strings.
#![allow(
    unsafe_code,
    reason = "unchecked reads and writes and SSE2 loads in the unescape loop, each justified \
              by the bounds checked once per block"
)]

use std::borrow::Cow;

/// Bytes classified per step.
const BLOCK: usize = 32;
/// Bytes the unchecked loop may read from a block's start: the block, and a run's last 16-byte
/// move, which starts before the block's last byte.
const READ: usize = BLOCK + 16;

/// At the byte after an opening quote (`start`): the string's contents, unescaped (borrowed
/// when there was no escape), and the index after its closing quote.
pub(crate) fn string(bytes: &[u8], start: usize) -> Option<(Cow<'_, [u8]>, usize)> {
    read(bytes, start).map(|(text, end, _)| (text, end))
}

/// [`string`] as text: `None` also where it is not UTF-8.
pub(crate) fn str(bytes: &[u8], start: usize) -> Option<(Cow<'_, str>, usize)> {
    let (text, end, ascii) = read(bytes, start)?;
    let text = match text {
        Cow::Borrowed(text) if ascii => {
            debug_assert!(std::str::from_utf8(text).is_ok());
            // SAFETY: every byte is ASCII (`read`).
            Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(text) })
        }
        Cow::Owned(text) if ascii => {
            debug_assert!(std::str::from_utf8(&text).is_ok());
            // SAFETY: every byte copied from the input is ASCII, and each escape wrote an
            // ASCII byte or a whole UTF-8 sequence (`char::encode_utf8`) (`read`).
            Cow::Owned(unsafe { String::from_utf8_unchecked(text) })
        }
        Cow::Borrowed(text) => Cow::Borrowed(std::str::from_utf8(text).ok()?),
        Cow::Owned(text) => Cow::Owned(String::from_utf8(text).ok()?),
    };
    Some((text, end))
}

/// [`string`], and whether every byte it copied from the input is ASCII (`false` when it
/// cannot tell: a block it classified may reach past the closing quote).
fn read(bytes: &[u8], start: usize) -> Option<(Cow<'_, [u8]>, usize, bool)> {
    // The first special byte: the end of a string with no escape, which is borrowed.
    let mut at = start;
    // The high bits seen: every byte of the string is in a block classified here or in
    // `unescape_into`, but for the escapes those step over (ASCII: checked letters and hex).
    let mut high = 0;
    let first = loop {
        let mut padded = [0; BLOCK];
        let block: &[u8; BLOCK] = match bytes.get(at..at + BLOCK) {
            Some(block) => block.try_into().ok()?,
            // The last bytes, padded with zeroes: a control character to the scan, so a
            // string that does not close before the end is refused at the padding.
            None => {
                let rest = bytes.get(at..)?;
                padded.get_mut(..rest.len())?.copy_from_slice(rest);
                &padded
            }
        };
        let masks = masks(block);
        high |= masks.high;
        let bits = masks.quote | masks.backslash | masks.control;
        if bits != 0 {
            break at + bits.trailing_zeros() as usize;
        }
        at += BLOCK;
    };
    match *bytes.get(first)? {
        b'"' => Some((
            Cow::Borrowed(bytes.get(start..first)?),
            first + 1,
            high == 0,
        )),
        b'\\' => {
            let mut out = Vec::with_capacity((bytes.len() - start).min(4096) + READ);
            let (end, highs) = owned(bytes, start, first, &mut out)?;
            Some((Cow::Owned(out), end, high | highs == 0))
        }
        _ => None,
    }
}

/// The text of the string from `start`, whose first escape is at `first`, into `out`; the
/// index after the closing quote, and the high bits of the blocks classified.
fn owned(bytes: &[u8], start: usize, first: usize, out: &mut Vec<u8>) -> Option<(usize, u64)> {
    let state = State {
        at: first,
        run: start,
        high: 0,
    };
    let state = match unescape_into(bytes, state, out)? {
        Step::Closed(quote, high) => return Some((quote + 1, high)),
        Step::Short(state) => state,
    };
    // The last bytes: what is pending of the plain run, then the rest of the input in a
    // buffer padded with zeroes (a control character, so a string that does not close
    // before the end is refused there, and an escape cut short is refused by `escape`).
    out.extend_from_slice(bytes.get(state.run..state.at)?);
    let rest = bytes.get(state.at..)?;
    let mut padded = [0; 2 * READ];
    padded.get_mut(..rest.len())?.copy_from_slice(rest);
    let tail = State {
        at: 0,
        run: 0,
        high: state.high,
    };
    match unescape_into(&padded, tail, out)? {
        Step::Closed(quote, high) if quote < rest.len() => Some((state.at + quote + 1, high)),
        _ => None,
    }
}

/// Where [`unescape_into`] is: `bytes[..run]` is written (as `out[..out.len()]`), and the next
/// block to classify starts at `at`, with `run <= at`; `high`, the high bits seen so far.
#[derive(Clone, Copy)]
struct State {
    at: usize,
    run: usize,
    high: u64,
}

enum Step {
    /// The closing quote's index, with `out` holding the text; the high bits seen.
    Closed(usize, u64),
    /// Fewer than `READ` bytes from `at` to the end of the input.
    Short(State),
}

/// Unescapes from `state` while a whole `READ` window from the block's start is in `bytes`,
/// appending to `out`. `None` for what serde_json refuses: a control character, a bad escape.
fn unescape_into(bytes: &[u8], state: State, out: &mut Vec<u8>) -> Option<Step> {
    let State {
        mut at,
        mut run,
        mut high,
    } = state;
    let src = bytes.as_ptr();
    let mut o = out.len();
    let (mut dst, mut cap) = (out.as_mut_ptr(), out.capacity());
    let last = bytes.len().checked_sub(READ);
    while last.is_some_and(|last| at <= last) {
        // Room for what this block can write: its plain bytes and escapes (never longer
        // unescaped; an escape that starts in the block ends at most 11 bytes after it), and
        // the overhang of a run's last 16-byte move.
        let room = (at + BLOCK + 12 - run) + 16;
        if cap - o < room {
            // SAFETY: `out[..o]` has been written (every byte below `o` was copied or
            // decoded there below); `o <= capacity`.
            unsafe { out.set_len(o) };
            out.reserve(room);
            (dst, cap) = (out.as_mut_ptr(), out.capacity());
        }
        // SAFETY: `at + READ <= bytes.len()`, so the block is in `bytes`.
        let block = unsafe { &*src.add(at).cast::<[u8; BLOCK]>() };
        let masks = masks(block);
        high |= masks.high;
        if masks.control == 0 && masks.quote == masks.backslash << 1 {
            // Every special byte is the backslash of a `\"` whose quote is in the block, as
            // in nearly every block of JSON inside JSON: each backslash ends a run, and its
            // quote starts the next.
            let mut bits = masks.backslash;
            while bits != 0 {
                let p = at + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                // SAFETY: `run <= p < at + BLOCK` (see `copy_run`).
                o = unsafe { copy_run(src, run, p, dst, o) };
                run = p + 1;
            }
            at += BLOCK;
            continue;
        }
        let mut bits = masks.quote | masks.backslash | masks.control;
        while bits != 0 {
            let k = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let p = at + k;
            // SAFETY: `p < at + BLOCK <= bytes.len()`.
            let byte = unsafe { *src.add(p) };
            if byte != b'\\' && byte != b'"' {
                return None;
            }
            // SAFETY: `run <= p < at + BLOCK`: every byte before `run` was consumed, and
            // `p` is past them.
            o = unsafe { copy_run(src, run, p, dst, o) };
            if byte == b'"' {
                // SAFETY: as above, `out[..o]` has been written.
                unsafe { out.set_len(o) };
                return Some(Step::Closed(p, high));
            }
            // SAFETY: `p + 1 < at + READ <= bytes.len()`.
            let letter = unsafe { *src.add(p + 1) };
            // A `u8` is always an index of the table.
            let decoded = SHORT.get(usize::from(letter)).copied().unwrap_or(0);
            if decoded != 0 {
                // SAFETY: `o` is within the block's room.
                unsafe { *dst.add(o) = decoded };
                o += 1;
                run = p + 2;
                // The escaped byte is flagged if it is a quote or a backslash.
                bits &= !(2 << k);
            } else {
                let mut text = [0; 4];
                let (after, written) = escape(bytes, p + 1, &mut text)?;
                // SAFETY: four bytes at `o`, within the block's room.
                unsafe { std::ptr::copy_nonoverlapping(text.as_ptr(), dst.add(o), 4) };
                o += written;
                run = after;
                // A surrogate pair's second backslash is flagged too.
                let eaten = after - at;
                bits = if eaten < 64 {
                    bits & (u64::MAX << eaten)
                } else {
                    0
                };
            }
        }
        at = (at + BLOCK).max(run);
    }
    // SAFETY: as above.
    unsafe { out.set_len(o) };
    Some(Step::Short(State { at, run, high }))
}

/// Copies the plain run `src[run..p]` to `dst[o..]`, 16 bytes at a time; the index after it
/// in `dst`.
///
/// # Safety
///
/// From [`unescape_into`]: `run <= p < at + BLOCK` for the block at `at`, whose whole `READ`
/// window is in `src`'s slice, so the reads (ending before `p + 16`) are in it; and `dst` has
/// the block's room reserved from `o`, so the writes (ending before `o + (p - run) + 16`) are
/// in its allocation, which is not `src`'s.
#[inline(always)]
unsafe fn copy_run(src: *const u8, run: usize, p: usize, dst: *mut u8, o: usize) -> usize {
    let (mut from, mut to) = (run, o);
    loop {
        // SAFETY: the caller's.
        unsafe { std::ptr::copy_nonoverlapping(src.add(from), dst.add(to), 16) };
        from += 16;
        to += 16;
        if from >= p {
            return o + (p - run);
        }
    }
}

/// The unescaped byte of each two-byte escape, by its letter; 0 for `u` and invalid letters.
#[allow(
    clippy::indexing_slicing,
    reason = "`letter < 256`, the table's length"
)]
static SHORT: [u8; 256] = {
    let mut table = [0; 256];
    let mut letter = 0;
    while letter < 256 {
        table[letter] = match letter as u8 {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            _ => 0,
        };
        letter += 1;
    }
    table
};

/// The bytes of a block that matter: bit `k` of each mask for byte `k`.
#[derive(Debug, PartialEq, Eq)]
struct Masks {
    quote: u64,
    backslash: u64,
    /// Bytes below 0x20.
    control: u64,
    /// 0 if and only if every byte is ASCII.
    high: u64,
}

/// Classifies `block` with SSE2 (part of x86-64).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn masks(block: &[u8; BLOCK]) -> Masks {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    // SAFETY: SSE2 is part of x86-64; each load reads 16 of the block's 32 bytes.
    unsafe {
        let ptr = block.as_ptr().cast::<__m128i>();
        let (low, high) = (_mm_loadu_si128(ptr), _mm_loadu_si128(ptr.add(1)));
        let bits = |low: __m128i, high: __m128i| {
            let low = _mm_movemask_epi8(low) as u16;
            let high = _mm_movemask_epi8(high) as u16;
            u64::from(low) | u64::from(high) << 16
        };
        let (quote, backslash) = (_mm_set1_epi8(b'"' as i8), _mm_set1_epi8(b'\\' as i8));
        let last_control = _mm_set1_epi8(0x1f);
        Masks {
            quote: bits(_mm_cmpeq_epi8(low, quote), _mm_cmpeq_epi8(high, quote)),
            backslash: bits(
                _mm_cmpeq_epi8(low, backslash),
                _mm_cmpeq_epi8(high, backslash),
            ),
            control: bits(
                _mm_cmpeq_epi8(_mm_min_epu8(low, last_control), low),
                _mm_cmpeq_epi8(_mm_min_epu8(high, last_control), high),
            ),
            high: u64::from(_mm_movemask_epi8(_mm_or_si128(low, high)) as u16),
        }
    }
}

/// Classifies `block`.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn masks(block: &[u8; BLOCK]) -> Masks {
    portable_masks(block)
}

/// [`masks`] without `std::arch`: a flag byte per byte (which compilers vectorise), then
/// eight flags gathered into eight bits by one multiplication.
#[cfg_attr(
    target_arch = "x86_64",
    allow(dead_code, reason = "tested against `masks`")
)]
#[inline(always)]
fn portable_masks(block: &[u8; BLOCK]) -> Masks {
    let bits = |found: fn(u8) -> bool| {
        let mut flags = [0u8; BLOCK];
        for (flag, &b) in flags.iter_mut().zip(block) {
            *flag = if found(b) { 0x80 } else { 0 };
        }
        let mut bits = 0;
        for (i, word) in flags.chunks_exact(8).enumerate() {
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            // Bit 8 j + 7 (byte j's flag) lands on bit 56 + j.
            let gathered = (word >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
            bits |= gathered << (8 * i);
        }
        bits
    };
    Masks {
        quote: bits(|b| b == b'"'),
        backslash: bits(|b| b == b'\\'),
        control: bits(|b| b < 0x20),
        high: u64::from(block.iter().fold(0, |highs, &b| highs | b) & 0x80),
    }
}

/// The escape whose letter is at `at`, written to `out`: the index after it and the bytes
/// written.
fn escape(bytes: &[u8], at: usize, out: &mut [u8]) -> Option<(usize, usize)> {
    let letter = *bytes.get(at)?;
    if letter == b'u' {
        return unicode(bytes, at + 1, out);
    }
    // The two-byte escapes' table; 0 marks an invalid letter (no escape decodes to NUL).
    let byte = SHORT
        .get(usize::from(letter))
        .copied()
        .filter(|&b| b != 0)?;
    *out.first_mut()? = byte;
    Some((at + 1, 1))
}

/// A `\u` escape's four hex digits at `at`, and the low surrogate's escape after a high one.
fn unicode(bytes: &[u8], at: usize, out: &mut [u8]) -> Option<(usize, usize)> {
    let first = hex4(bytes, at)?;
    let (code, next) = match first {
        0xD800..=0xDBFF => {
            if bytes.get(at + 4..at + 6)? != b"\\u" {
                return None;
            }
            let second = hex4(bytes, at + 6)?;
            if !(0xDC00..=0xDFFF).contains(&second) {
                return None;
            }
            let code = 0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00);
            (code, at + 10)
        }
        0xDC00..=0xDFFF => return None,
        code => (code, at + 4),
    };
    let written = char::from_u32(code)?.encode_utf8(out).len();
    Some((next, written))
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at + 4)?.iter().try_fold(0, |value, &b| {
        let digit = char::from(b).to_digit(16)?;
        Some(value << 4 | digit)
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

    use super::*;

    /// What serde_json makes of the same JSON string, or `None` where it refuses it.
    fn serde(json: &[u8]) -> Option<Vec<u8>> {
        serde_json::from_slice::<String>(json)
            .ok()
            .map(String::into_bytes)
    }

    /// `json` is a whole JSON string, quotes included, possibly followed by more text.
    fn ours(json: &[u8]) -> Option<(Vec<u8>, usize)> {
        string(json, 1).map(|(text, end)| (text.into_owned(), end))
    }

    #[test]
    fn agrees_with_serde_json() {
        let cases: &[&[u8]] = &[
            br#""""#,
            br#""plain text, longer than a word""#,
            br#""\"""#,
            br#""{\"httpMethod\":\"GET\",\"path\":\"/todos/42\",\"headers\":{\"a\":\"b\"}}""#,
            br#""tab\there\nnew line \/ \\ \b\f\r""#,
            br#""\u00e9t\u00C9 \u20ac \ud83d\ude00 end""#,
            "\"déjà vu, ünïcödé ✓\"".as_bytes(),
            br#""ends with an escape\\""#,
            br#""\\\\\\\\\\\\\\\\\\\\""#,
            // Refused by both.
            br#""lone \ud83d surrogate""#,
            br#""lone \ude00 low""#,
            br#""pair \ud83d\u0041 broken""#,
            br#""bad \x escape""#,
            br#""short \u12""#,
            br#""not hex \u12g4""#,
            b"\"control \x01 char\"",
            b"\"new\nline\"",
            br#""no closing quote"#,
            br#""no closing quote after an escape \""#,
            br#""\"#,
        ];
        for &json in cases {
            let expected = serde(json);
            let got = ours(json);
            assert_eq!(
                got.as_ref().map(|(text, _)| text.clone()),
                expected,
                "{}",
                String::from_utf8_lossy(json)
            );
            if let Some((_, end)) = got {
                assert_eq!(end, json.len(), "{}", String::from_utf8_lossy(json));
            }
        }
    }

    /// serde_json's reading of the JSON string at the start of `json` (more text may follow):
    /// the text and the index after the closing quote, or `None` where it refuses it.
    fn serde_prefix(json: &[u8]) -> Option<(Vec<u8>, usize)> {
        let mut stream = serde_json::Deserializer::from_slice(json).into_iter::<String>();
        let text = stream.next()?.ok()?;
        Some((text.into_bytes(), stream.byte_offset()))
    }

    /// Ours and serde_json's readings agree: the same text and end, or both refuse (ours
    /// may read more only where the text is not UTF-8, which is the caller's to check).
    fn agree(json: &[u8]) {
        let got = ours(json);
        let expected = serde_prefix(json);
        // As text, exactly serde_json's answer.
        let text = str(json, 1).map(|(text, end)| (text.into_owned().into_bytes(), end));
        assert_eq!(text, expected, "{:?}", String::from_utf8_lossy(json));
        match (&got, &expected) {
            (Some(got), Some(expected)) => assert_eq!(got, expected, "{json:?}"),
            (None, None) => {}
            (Some((text, _)), None) => assert!(
                std::str::from_utf8(text).is_err(),
                "only ours reads {:?}",
                String::from_utf8_lossy(json)
            ),
            (None, Some(_)) => panic!("only serde reads {:?}", String::from_utf8_lossy(json)),
        }
    }

    #[test]
    fn agrees_with_serde_at_every_position() {
        // Each piece at every offset from the opening quote past two blocks and the unchecked
        // loop's window, with several texts after the string (or no closing quote), so that
        // it lands at every position of the blocks and of the padded end.
        let pieces: &[&[u8]] = &[
            br#"\""#,
            br"\\",
            br"\/",
            br"\b\f\n\r\t",
            br#"\\\""#,
            br#"\"\"\"\""#,
            br"\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\",
            br"\u00e9",
            br"\u20AC",
            br"\ud83d\ude00",
            br"\uDBFF\uDFFF",
            br"\u0000\u001f",
            "déjà ✓ 😀".as_bytes(),
            // Refused.
            br"\ud83d",
            br"\ude00",
            br"\ud83d\u0041",
            br"\ud83d\",
            br"\ud83d\u",
            br"\x",
            br"\u12",
            br"\u12g4",
            br"\U0041",
            b"\x01",
            b"\x1f",
            b"\n",
            b"\t",
            br"\",
            // Next to escaped quotes, which blocks of JSON inside JSON are made of.
            b"\\\"a\x01\\\"",
            b"\\\"\n\\\"",
            br#"\"a\\\"a\""#,
            br#"\"\\\"\""#,
            br#"\"\u00e9\"\/\""#,
            // Not UTF-8: ours reads it, the caller refuses it.
            b"\xff\xfe",
            b"\\\"\xff\\\"",
        ];
        let tails: &[&[u8]] = &[b"", b",", br#",\"x\":1}"#, &[b'x'; 70], br#""""\"#];
        for piece in pieces {
            for offset in 0..(2 * READ + 3) {
                let mut open = vec![b'"'];
                open.extend(std::iter::repeat_n(b'a', offset));
                open.extend_from_slice(piece);
                for after in [&b"bc"[..], &[b'b'; 70]] {
                    open.extend_from_slice(after);
                    for tail in tails {
                        let mut closed = open.clone();
                        closed.push(b'"');
                        closed.extend_from_slice(tail);
                        agree(&closed);
                        let mut unclosed = open.clone();
                        unclosed.extend_from_slice(tail);
                        agree(&unclosed);
                    }
                    open.truncate(open.len() - after.len());
                }
            }
        }
    }

    #[test]
    fn agrees_with_serde_on_long_strings() {
        // Runs longer than a block and the loop's window, and text past the first
        // allocation (4 KiB), with escapes every `gap` bytes.
        for gap in [1, 2, 3, 7, 15, 16, 17, 31, 32, 33, 47, 48, 49, 100, 5000] {
            let mut text = String::new();
            while text.len() < 9000 {
                text.push_str(&"x".repeat(gap));
                text.push_str("\"é\\\n\u{1F600}");
            }
            let json = serde_json::to_string(&text).unwrap();
            agree(json.as_bytes());
            agree(format!("{json} , {json}").as_bytes());
            assert_eq!(ours(json.as_bytes()).unwrap().0, text.as_bytes());
        }
    }

    #[test]
    fn masks_flag_quotes_backslashes_control_characters_and_high_bits() {
        // Every byte value at every position of a block, with another value beside it.
        for value in 0..=255u8 {
            for at in 0..BLOCK {
                let mut block = [b'a'; BLOCK];
                block[at] = value;
                block[(at + 7) % BLOCK] = value.wrapping_mul(31);
                let bits = |found: fn(u8) -> bool| {
                    (block.iter().enumerate())
                        .fold(0, |bits, (k, &b)| bits | u64::from(found(b)) << k)
                };
                let (quote, backslash) = (bits(|b| b == b'"'), bits(|b| b == b'\\'));
                let control = bits(|b| b < 0x20);
                for masks in [masks(&block), portable_masks(&block)] {
                    assert_eq!(masks.quote, quote, "{block:?}");
                    assert_eq!(masks.backslash, backslash, "{block:?}");
                    assert_eq!(masks.control, control, "{block:?}");
                    assert_eq!(masks.high == 0, block.is_ascii(), "{block:?}");
                }
            }
        }
    }

    #[test]
    fn every_offset_and_length_round_trips() {
        // Escapes at every position relative to the eight-byte steps, with text after the
        // closing quote that must not be read.
        for len in 0..40 {
            for at in 0..=len {
                let mut text = "x".repeat(len);
                text.insert_str(at, "\"\\\n\u{e9}");
                let json = serde_json::to_string(&text).unwrap();
                let with_tail = format!("{json},\"next\":1}}");
                let (got, end) = ours(with_tail.as_bytes()).unwrap();
                assert_eq!(got, text.as_bytes(), "{json}");
                assert_eq!(end, json.len(), "{json}");
            }
        }
    }

    #[test]
    fn borrows_when_nothing_is_escaped() {
        let json = br#""no escapes here" tail"#;
        let (text, end) = string(json, 1).unwrap();
        assert!(matches!(text, Cow::Borrowed(b"no escapes here")));
        assert_eq!(end, 17);
    }
}
