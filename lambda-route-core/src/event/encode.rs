//! Pieces of a Lambda HTTP response, shared by the per-source encoders.

use base64::Engine as _;
use http::header::SET_COOKIE;
use http::{HeaderName, HeaderValue, StatusCode};

use crate::codec::json::{write_key, write_str, write_u16};
use crate::response::{Body, Response};

/// `"statusCode":N`
pub(super) fn status(out: &mut Vec<u8>, status: StatusCode) {
    write_key(out, "statusCode");
    write_u16(out, status.as_u16());
}

/// `,"statusDescription":"200 OK"` (ALB and VPC Lattice).
pub(super) fn status_description(out: &mut Vec<u8>, status: StatusCode) {
    out.push(b',');
    write_key(out, "statusDescription");
    // Digits and canonical reason phrases are plain ASCII: nothing to escape.
    out.push(b'"');
    out.extend_from_slice(status.as_str().as_bytes());
    if let Some(reason) = status.canonical_reason() {
        out.push(b' ');
        out.extend_from_slice(reason.as_bytes());
    }
    out.push(b'"');
}

fn value_str(value: &HeaderValue) -> std::borrow::Cow<'_, str> {
    // Header values may hold obs-text bytes; JSON needs UTF-8.
    String::from_utf8_lossy(value.as_bytes())
}

/// What a single-value map does with `set-cookie`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Cookies {
    /// Leave `set-cookie` out (HTTP API v2 sends it in `cookies`).
    Skip,
    /// One `set-cookie` per spelling of the name (see [`set_cookie_variant`]).
    CaseVariants,
}

/// `,"headers":{"name":"v1,v2"}`: repeated names joined with `,` as RFC 9110 allows, except
/// `set-cookie`, which cannot be joined (RFC 6265 §3) and goes out as `cookies` says.
pub(super) fn single_value_headers(out: &mut Vec<u8>, response: &Response, cookies: Cookies) {
    out.push(b',');
    write_key(out, "headers");
    out.push(b'{');
    let headers = response.headers();
    let mut first = true;
    for (i, (name, value)) in headers.iter().enumerate() {
        if seen_before(headers, i, name) {
            continue;
        }
        if *name == SET_COOKIE {
            if cookies == Cookies::CaseVariants {
                set_cookie_variants(out, headers, i, &mut first);
            }
            continue;
        }
        if !first {
            out.push(b',');
        }
        first = false;
        write_str(out, name.as_str());
        out.push(b':');
        let mut repeats = headers
            .iter()
            .skip(i + 1)
            .filter(|(n, _)| n == name)
            .peekable();
        if repeats.peek().is_none() {
            write_str(out, &value_str(value));
            continue;
        }
        let mut joined = value_str(value).into_owned();
        for (_, more) in repeats {
            joined.push(',');
            joined.push_str(&value_str(more));
        }
        write_str(out, &joined);
    }
    out.push(b'}');
}

/// The letters of `set-cookie`; each may be upper or lower case.
const SET_COOKIE_LETTERS: u32 = 9;
/// How many spellings of `set-cookie` exist, so how many cookies a single-value map can carry.
const SET_COOKIE_VARIANTS: usize = 1 << SET_COOKIE_LETTERS;

/// Every `set-cookie` from index `from` on, each under its own spelling of the name:
/// `"set-cookie":"a=1","Set-cookie":"b=2","sEt-cookie":"c=3",...`. ALB's and VPC Lattice's
/// single-value maps hold one value per (case-sensitive JSON) key, while HTTP header names are
/// case-insensitive, so each spelling reaches the client as one more `Set-Cookie` (the
/// case-permutation technique of adapters such as serverless-http's `binary-case`). Past 512
/// cookies, the rest are dropped with a warning.
fn set_cookie_variants(
    out: &mut Vec<u8>,
    headers: &[(HeaderName, HeaderValue)],
    from: usize,
    first: &mut bool,
) {
    let cookies = headers
        .iter()
        .skip(from)
        .filter(|(name, _)| *name == SET_COOKIE)
        .map(|(_, value)| value);
    let mut dropped = 0_usize;
    for (variant, value) in cookies.enumerate() {
        if variant >= SET_COOKIE_VARIANTS {
            dropped += 1;
            continue;
        }
        if !*first {
            out.push(b',');
        }
        *first = false;
        set_cookie_variant(out, variant);
        out.push(b':');
        write_str(out, &value_str(value));
    }
    if dropped > 0 {
        tracing::warn!(
            dropped,
            "a single-value header map has {SET_COOKIE_VARIANTS} spellings of set-cookie; \
             the cookies past that were not sent"
        );
    }
}

/// `"set-cookie"` spelled as `variant` says: bit `k` upper-cases the `k`th letter, so
/// variant 0 is `set-cookie`, 1 `Set-cookie`, 2 `sEt-cookie`, 3 `SEt-cookie`, ...
fn set_cookie_variant(out: &mut Vec<u8>, variant: usize) {
    out.push(b'"');
    let mut letter = 0;
    for &byte in b"set-cookie" {
        if byte == b'-' {
            out.push(byte);
            continue;
        }
        out.push(if variant >> letter & 1 == 1 {
            byte.to_ascii_uppercase()
        } else {
            byte
        });
        letter += 1;
    }
    out.push(b'"');
}

/// `,"multiValueHeaders":{"name":["v1","v2"]}`
pub(super) fn multi_value_headers(out: &mut Vec<u8>, response: &Response) {
    out.push(b',');
    write_key(out, "multiValueHeaders");
    out.push(b'{');
    let headers = response.headers();
    let mut first = true;
    for (i, (name, value)) in headers.iter().enumerate() {
        if seen_before(headers, i, name) {
            continue;
        }
        if !first {
            out.push(b',');
        }
        first = false;
        write_str(out, name.as_str());
        out.extend_from_slice(b":[");
        write_str(out, &value_str(value));
        for (_, more) in headers.iter().skip(i + 1).filter(|(n, _)| n == name) {
            out.push(b',');
            write_str(out, &value_str(more));
        }
        out.push(b']');
    }
    out.push(b'}');
}

/// `,"cookies":["a=1; Path=/"]` (HTTP API v2 / Function URL): always present.
pub(super) fn cookies(out: &mut Vec<u8>, response: &Response) {
    out.push(b',');
    write_key(out, "cookies");
    out.push(b'[');
    let mut first = true;
    for (_, value) in response.headers().iter().filter(|(n, _)| *n == SET_COOKIE) {
        if !first {
            out.push(b',');
        }
        first = false;
        write_str(out, &value_str(value));
    }
    out.push(b']');
}

/// `,"body":"...","isBase64Encoded":bool`; HEAD answers carry no body.
///
/// The `content-type` decides text or base64, whatever the body's Rust type
/// (`response/content_type.rs`); bytes that are not UTF-8 are base64 whatever it says.
pub(super) fn body(out: &mut Vec<u8>, response: &Response, head: bool) {
    out.push(b',');
    write_key(out, "body");
    let base64 = match response.body() {
        _ if head => {
            out.extend_from_slice(b"\"\"");
            false
        }
        Body::Empty => {
            out.extend_from_slice(b"\"\"");
            false
        }
        Body::Text(text) => {
            if response.content_type_is_text() == Some(false) {
                write_base64(out, text.as_bytes());
                true
            } else {
                write_str(out, text);
                false
            }
        }
        Body::Binary(bytes) => {
            // A content-coded body (compress/) is bytes whatever its type says.
            let text = match response.content_type_is_text() {
                Some(true) if response.header("content-encoding").is_none() => {
                    std::str::from_utf8(bytes).ok()
                }
                _ => None,
            };
            match text {
                Some(text) => {
                    write_str(out, text);
                    false
                }
                None => {
                    write_base64(out, bytes);
                    true
                }
            }
        }
    };
    out.push(b',');
    write_key(out, "isBase64Encoded");
    out.extend_from_slice(if base64 { b"true" } else { b"false" });
}

/// `"<bytes in standard base64>"`, encoded in place.
fn write_base64(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    let start = out.len();
    let encoded_len = base64::encoded_len(bytes.len(), true).unwrap_or(0);
    out.resize(start + encoded_len, 0);
    if let Some(slot) = out.get_mut(start..) {
        let written = base64::engine::general_purpose::STANDARD
            .encode_slice(bytes, slot)
            .unwrap_or(0);
        out.truncate(start + written);
    }
    out.push(b'"');
}

fn seen_before(headers: &[(HeaderName, HeaderValue)], i: usize, name: &HeaderName) -> bool {
    headers.iter().take(i).any(|(n, _)| n == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(n: usize) -> String {
        let mut out = Vec::new();
        set_cookie_variant(&mut out, n);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn set_cookie_spellings() {
        let cases = [
            (0, r#""set-cookie""#),
            (1, r#""Set-cookie""#),
            (2, r#""sEt-cookie""#),
            (3, r#""SEt-cookie""#),
            (8, r#""set-Cookie""#),
            (256, r#""set-cookiE""#),
            (511, r#""SET-COOKIE""#),
        ];
        for (n, spelled) in cases {
            assert_eq!(variant(n), spelled);
        }
        let all: std::collections::HashSet<String> =
            (0..SET_COOKIE_VARIANTS).map(variant).collect();
        assert_eq!(all.len(), 512);
        assert!(all
            .iter()
            .all(|name| name.eq_ignore_ascii_case(r#""set-cookie""#)));
    }
}
