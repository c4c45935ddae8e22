//! A JSON string read and unescaped in one pass, eight bytes per step.
//!
//! For JSON inside JSON (an HTTP event in an SQS record's `body`), where every quote of the
//! inner text is an escape: serde_json stops at each escape and starts its scan afresh, which
//! made the unescape half of a queued request's cost. Here each step stores eight bytes at
//! once and moves on by as many as were plain.
//!
//! Strict where serde_json is strict, so that a caller can fall back to serde_json for the
//! error: a control character, an unknown escape, a `\u` escape without four hex digits or
//! with an unpaired surrogate, and a missing closing quote all give `None`. UTF-8 is the
//! caller's to check.

use std::borrow::Cow;

use super::scan::has_byte;

/// At the byte after an opening quote (`start`): the string's contents, unescaped (borrowed
/// when there was no escape), and the index after its closing quote.
pub(crate) fn string(bytes: &[u8], start: usize) -> Option<(Cow<'_, [u8]>, usize)> {
    let first = next_special(bytes, start)?;
    if bytes.get(first) == Some(&b'"') {
        return Some((Cow::Borrowed(bytes.get(start..first)?), first + 1));
    }
    // `out[..o]` is the text so far. Each step stores a whole word at `o` and moves `o` on by
    // the plain bytes in it, so `out` keeps `SLACK` bytes beyond `o`, growing as needed.
    const SLACK: usize = 16;
    let plain = bytes.get(start..first)?;
    let mut out = vec![0; (plain.len() + SLACK).max(1024)];
    out.get_mut(..plain.len())?.copy_from_slice(plain);
    let (mut i, mut o) = (first, plain.len());
    loop {
        if out.len() < o + SLACK {
            out.resize(out.len() * 2, 0);
        }
        let special = match bytes.get(i..i + 8) {
            Some(word) => {
                let word = <[u8; 8]>::try_from(word).ok()?;
                out.get_mut(o..o + 8)?.copy_from_slice(&word);
                let found = specials(u64::from_le_bytes(word));
                if found == 0 {
                    i += 8;
                    o += 8;
                    continue;
                }
                let plain = (found.trailing_zeros() / 8) as usize;
                i += plain;
                o += plain;
                *bytes.get(i)?
            }
            // The last few bytes, one at a time.
            None => {
                let b = *bytes.get(i)?;
                if !is_special(b) {
                    *out.get_mut(o)? = b;
                    i += 1;
                    o += 1;
                    continue;
                }
                b
            }
        };
        match special {
            // `\"`, nearly every escape of JSON inside JSON, without the general decoder.
            b'\\' if bytes.get(i + 1) == Some(&b'"') => {
                *out.get_mut(o)? = b'"';
                i += 2;
                o += 1;
            }
            b'\\' => {
                let (next, written) = escape(bytes, i + 1, out.get_mut(o..o + 4)?)?;
                i = next;
                o += written;
            }
            b'"' => {
                out.truncate(o);
                return Some((Cow::Owned(out), i + 1));
            }
            _ => return None,
        }
    }
}

/// The first quote, backslash or control character at or after `from`, if any.
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(word) = bytes.get(at..at + 8) {
        let found = specials(u64::from_le_bytes(word.try_into().ok()?));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if is_special(b) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The high bit of each byte of `word` that is `"`, `\` or below 0x20; exact at the lowest.
fn specials(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    has_byte(word, b'"') | has_byte(word, b'\\') | control
}

fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// The escape whose letter is at `at`, written to `out`: the index after it and the bytes
/// written.
fn escape(bytes: &[u8], at: usize, out: &mut [u8]) -> Option<(usize, usize)> {
    let byte = match *bytes.get(at)? {
        b'"' => b'"',
        b'\\' => b'\\',
        b'/' => b'/',
        b'b' => 0x08,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'u' => return unicode(bytes, at + 1, out),
        _ => return None,
    };
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
    #![allow(clippy::unwrap_used, reason = "tests")]

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
