//! Strict percent-decoding (RFC 3986), borrowing when there is nothing to decode.

use std::borrow::Cow;
use std::fmt;

/// Why a string is not valid percent-encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PercentError {
    /// `%` not followed by two hex digits.
    BadEscape,
    /// The decoded bytes are not UTF-8.
    NotUtf8,
}

impl fmt::Display for PercentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PercentError::BadEscape => "`%` must be followed by two hex digits",
            PercentError::NotUtf8 => "percent-encoded bytes are not valid UTF-8",
        })
    }
}

/// Decodes `%XX` escapes (and `+` as a space when `plus_as_space`, for query strings).
pub(crate) fn decode(input: &str, plus_as_space: bool) -> Result<Cow<'_, str>, PercentError> {
    let bytes = input.as_bytes();
    if !bytes
        .iter()
        .any(|&b| b == b'%' || (plus_as_space && b == b'+'))
    {
        return Ok(Cow::Borrowed(input));
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hi = bytes.get(i + 1).and_then(|&h| hex(h));
                let lo = bytes.get(i + 2).and_then(|&l| hex(l));
                match (hi, lo) {
                    (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
                    _ => return Err(PercentError::BadEscape),
                }
                i += 3;
            }
            b'+' if plus_as_space => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out)
        .map(Cow::Owned)
        .map_err(|_| PercentError::NotUtf8)
}

/// A path segment as the route sees it: decoded, unless the event source already decoded the
/// whole path.
pub(crate) fn decode_unless(
    already_decoded: bool,
    segment: &str,
) -> Result<Cow<'_, str>, PercentError> {
    if already_decoded {
        return Ok(Cow::Borrowed(segment));
    }
    decode(segment, false)
}

/// Decodes in place; a value that is not valid percent-encoding is left as it was sent.
pub(crate) fn decode_cow_lossless(value: &mut Cow<'_, str>, plus_as_space: bool) {
    if let Ok(Cow::Owned(decoded)) = decode(value, plus_as_space) {
        *value = Cow::Owned(decoded);
    }
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: [(&str, bool, Result<&str, PercentError>); 10] = [
            ("plain", false, Ok("plain")),
            ("a%2Fb", false, Ok("a/b")),
            ("a%2fb", false, Ok("a/b")),
            ("caf%C3%A9", false, Ok("café")),
            ("a+b", false, Ok("a+b")),
            ("a+b", true, Ok("a b")),
            ("100%", false, Err(PercentError::BadEscape)),
            ("%zz", false, Err(PercentError::BadEscape)),
            ("%4", false, Err(PercentError::BadEscape)),
            ("%FF", false, Err(PercentError::NotUtf8)),
        ];
        for (input, plus, expected) in cases {
            assert_eq!(
                decode(input, plus).as_deref(),
                expected.as_deref(),
                "{input}"
            );
        }
    }

    #[test]
    fn segments_a_source_decoded_are_taken_as_they_are() {
        let cases: [(bool, &str, Result<&str, PercentError>); 4] = [
            (false, "100%25", Ok("100%")),
            (true, "100%25", Ok("100%25")),
            (false, "100%", Err(PercentError::BadEscape)),
            (true, "100%", Ok("100%")),
        ];
        for (already, input, expected) in cases {
            assert_eq!(
                decode_unless(already, input).as_deref(),
                expected.as_deref(),
                "{already} {input}"
            );
        }
    }

    #[test]
    fn borrows_when_nothing_to_decode() {
        assert!(matches!(decode("/todos/42", false), Ok(Cow::Borrowed(_))));
    }
}
