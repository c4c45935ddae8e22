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

/// Which headers a single-value map may carry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Cookies {
    /// Leave `set-cookie` out (HTTP API v2 sends it in `cookies`).
    Skip,
    /// Keep the first `set-cookie`: a single-value map can hold only one.
    First,
}

/// `,"headers":{"name":"v1,v2"}`: repeated names joined with `,` as RFC 9110 allows.
pub(super) fn single_value_headers(out: &mut Vec<u8>, response: &Response, cookies: Cookies) {
    out.push(b',');
    write_key(out, "headers");
    out.push(b'{');
    let headers = response.headers();
    let mut first = true;
    for (i, (name, value)) in headers.iter().enumerate() {
        if seen_before(headers, i, name) || (*name == SET_COOKIE && cookies == Cookies::Skip) {
            continue;
        }
        if !first {
            out.push(b',');
        }
        first = false;
        write_str(out, name.as_str());
        out.push(b':');
        if *name == SET_COOKIE {
            if cookies == Cookies::First {
                let dropped = headers.iter().filter(|(n, _)| *n == SET_COOKIE).count() - 1;
                if dropped > 0 {
                    tracing::warn!(
                        dropped,
                        "single-value headers hold one set-cookie; enable multi-value headers to send them all"
                    );
                }
            }
            write_str(out, &value_str(value));
            continue;
        }
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
            write_str(out, text);
            false
        }
        Body::Binary(bytes) => {
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
            true
        }
    };
    out.push(b',');
    write_key(out, "isBase64Encoded");
    out.extend_from_slice(if base64 { b"true" } else { b"false" });
}

fn seen_before(headers: &[(HeaderName, HeaderValue)], i: usize, name: &HeaderName) -> bool {
    headers.iter().take(i).any(|(n, _)| n == name)
}
