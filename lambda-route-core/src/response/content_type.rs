//! Text or binary on the wire: the response's `content-type` decides, not the body's Rust type.
//!
//! Lambda's HTTP integrations carry a body as a JSON string, with `isBase64Encoded` saying
//! whether that string is base64. A text type goes out as it is (readable in logs, no 4/3
//! growth); everything else is base64, which API Gateway needs to pass bytes through
//! untouched. The rule:
//!
//! - text: `text/*`; any `+json`, `+xml` or `+yaml` suffix (`application/problem+json`,
//!   `image/svg+xml`); and `application/` `json`, `xml`, `javascript`, `ecmascript`,
//!   `x-javascript`, `yaml`, `x-yaml`, `x-ndjson` and `x-www-form-urlencoded` (ASCII by
//!   definition). Parameters (`; charset=utf-8`) and ASCII case are ignored.
//! - binary: every other type, including `application/octet-stream`.
//! - no `content-type` at all: the body's kind ([`Body::Text`](super::Body::Text) or
//!   [`Body::Binary`](super::Body::Binary)), since nothing else says.
//!
//! Bytes that are not UTF-8 always go out base64, whatever the type: the wire never carries a
//! lossy body.

use http::header::CONTENT_TYPE;

use super::Response;

/// `application/` subtypes that are text.
const TEXT_APPLICATION_SUBTYPES: [&[u8]; 9] = [
    b"json",
    b"xml",
    b"javascript",
    b"ecmascript",
    b"x-javascript",
    b"yaml",
    b"x-yaml",
    b"x-ndjson",
    b"x-www-form-urlencoded",
];

/// Structured-syntax suffixes (RFC 6839) of text formats.
const TEXT_SUFFIXES: [&[u8]; 3] = [b"+json", b"+xml", b"+yaml"];

/// Whether a body with this `content-type` value goes out as text (see the module docs).
pub(crate) fn is_text(content_type: &[u8]) -> bool {
    // The common case first: every `Json<T>` answer and every error body.
    if content_type == b"application/json" {
        return true;
    }
    let essence = match content_type.iter().position(|&b| b == b';') {
        Some(at) => content_type.get(..at).unwrap_or_default(),
        None => content_type,
    }
    .trim_ascii();
    let Some(slash) = essence.iter().position(|&b| b == b'/') else {
        return false;
    };
    let (kind, subtype) = (
        essence.get(..slash).unwrap_or_default(),
        essence.get(slash + 1..).unwrap_or_default(),
    );
    if kind.eq_ignore_ascii_case(b"text") {
        return true;
    }
    if TEXT_SUFFIXES
        .iter()
        .any(|suffix| ends_with_ignore_case(subtype, suffix))
    {
        return true;
    }
    kind.eq_ignore_ascii_case(b"application")
        && TEXT_APPLICATION_SUBTYPES
            .iter()
            .any(|text| subtype.eq_ignore_ascii_case(text))
}

fn ends_with_ignore_case(haystack: &[u8], suffix: &[u8]) -> bool {
    haystack.len() > suffix.len()
        && haystack
            .get(haystack.len() - suffix.len()..)
            .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
}

impl Response {
    /// Whether the body goes out as text according to its `content-type`; `None` when the
    /// response has none (then the body's kind decides).
    pub(crate) fn content_type_is_text(&self) -> Option<bool> {
        self.headers()
            .iter()
            .find(|(name, _)| *name == CONTENT_TYPE)
            .map(|(_, value)| is_text(value.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_or_binary() {
        let cases: [(&str, bool); 30] = [
            ("application/json", true),
            ("application/json; charset=utf-8", true),
            ("Application/JSON", true),
            ("text/plain; charset=utf-8", true),
            ("text/html", true),
            ("TEXT/CSV", true),
            ("text/event-stream", true),
            ("application/problem+json", true),
            ("application/vnd.api+json; charset=utf-8", true),
            ("image/svg+xml", true),
            ("application/xhtml+XML", true),
            ("application/ld+json", true),
            ("application/openapi+yaml", true),
            ("application/xml", true),
            ("application/javascript", true),
            ("application/x-javascript", true),
            ("application/ecmascript", true),
            ("application/yaml", true),
            ("application/x-yaml", true),
            ("application/x-ndjson", true),
            ("application/x-www-form-urlencoded", true),
            ("  text/plain  ", true),
            ("application/octet-stream", false),
            ("image/png", false),
            ("application/pdf", false),
            ("application/zip", false),
            ("multipart/form-data; boundary=x", false),
            ("application/+json", false),
            ("textual/plain", false),
            ("", false),
        ];
        for (content_type, text) in cases {
            assert_eq!(is_text(content_type.as_bytes()), text, "{content_type}");
        }
    }

    #[test]
    fn no_slash_is_binary() {
        assert!(!is_text(b"json"));
        assert!(!is_text(b"text"));
    }
}
