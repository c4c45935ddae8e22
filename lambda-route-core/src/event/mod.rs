//! Lambda HTTP events in, Lambda HTTP responses out.
//!
//! [`Request::from_event`] parses an event once (`raw.rs`), detects its [`Source`] from the
//! fields only that source sends (`detect.rs`), and builds a [`Request`] in the source's own
//! module, from the fields every source reads alike (`fields.rs`) and the header and query
//! maps (`maps.rs`). The dispatcher's answer, a [`Response`], is written back in the shape
//! that source expects, from the pieces in `encode.rs`. A malformed event is a
//! [`DecodeError`].

use crate::codec::de::without_position;
use crate::codec::json_path::Path;
use crate::request::Request;
use crate::response::Response;

mod alb;
mod apigw_v1;
mod detect;
mod encode;
mod error;
mod fields;
mod http_v2;
mod lattice_v1;
mod lattice_v2;
mod maps;
mod raw;

pub use crate::request::Source;
pub use error::DecodeError;

use detect::Detected;

use raw::RawEvent;

impl<'a> Request<'a> {
    /// Decodes one Lambda event (its JSON bytes) into a request.
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] naming the detected source and the JSON path of the field that is
    /// malformed, or saying the event is not an HTTP event.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::event::Source;
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"version":"2.0","rawPath":"/todos/7","rawQueryString":"",
    ///   "requestContext":{"http":{"method":"DELETE","path":"/todos/7"},"stage":"$default"}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.source(), Source::HttpApiV2);
    /// assert_eq!((request.method().as_str(), request.path()), ("DELETE", "/todos/7"));
    ///
    /// // Not an HTTP event: the error says what the event is.
    /// let s3 = br#"{"Records":[{"eventSource":"aws:s3"}]}"#;
    /// assert!(Request::from_event(s3).is_err());
    /// ```
    pub fn from_event(event: &'a [u8]) -> Result<Self, DecodeError> {
        decode(event)
    }
}

/// Decodes one HTTP event. See [`Request::from_event`]. A batch of queued requests is an
/// error here that says so ([`DecodeError::batch_kind`]): the HTTP path stays exactly as it
/// was, and the batch runner (`batch/`) takes it from there; a queued request cannot be a
/// batch itself.
pub(crate) fn decode(event: &[u8]) -> Result<Request<'_>, DecodeError> {
    // serde's derived structs also accept a JSON array (fields by position); an event is
    // always an object.
    match event.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => {}
        Some(_) => {
            return Err(DecodeError::whole(
                "not an HTTP event: expected a JSON object",
            ))
        }
        None => return Err(DecodeError::whole("empty event")),
    }
    // One UTF-8 check for the whole event: parsing from `&str` then skips serde_json's
    // per-string check, which cost a fifth of a REST v1 decode.
    let text = std::str::from_utf8(event)
        .map_err(|e| DecodeError::whole(format!("event is not valid UTF-8: {e}")))?;
    decode_text(text)
}

/// [`decode`] for an event already known to be UTF-8: a queued request's body, which the
/// batch parse checked.
pub(crate) fn decode_text(text: &str) -> Result<Request<'_>, DecodeError> {
    let event = text.as_bytes();
    let raw: RawEvent<'_> = match serde_json::from_str(text) {
        Ok(raw) => raw,
        Err(_) => return Err(explain_failure(event)),
    };
    let marks = detect::Marks::of_event(&raw);
    if let Some(err) = detect::non_http(&marks) {
        return Err(err);
    }
    let source = match detect::detect(&marks) {
        Some(Detected::Http(source)) => source,
        Some(Detected::Queue(kind)) => return Err(DecodeError::is_batch(kind)),
        None => return Err(detect::not_http(&marks)),
    };
    match source {
        Source::ApiGatewayV1 | Source::HttpApiV1 => apigw_v1::decode(raw, source),
        Source::HttpApiV2 | Source::FunctionUrl => http_v2::decode(raw, source),
        Source::Alb => alb::decode(raw),
        Source::VpcLatticeV1 => lattice_v1::decode(raw),
        Source::VpcLatticeV2 => lattice_v2::decode(raw),
    }
}

/// Writes `response` in the shape `request`'s source expects.
pub(crate) fn encode(request: &Request<'_>, response: &Response, head: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + response.body_len_hint());
    match request.source {
        Source::ApiGatewayV1 | Source::HttpApiV1 => apigw_v1::encode(response, head, &mut out),
        Source::HttpApiV2 | Source::FunctionUrl => http_v2::encode(response, head, &mut out),
        Source::Alb => alb::encode(response, head, request.multi_value_headers, &mut out),
        Source::VpcLatticeV1 | Source::VpcLatticeV2 => lattice_v2::encode(response, head, &mut out),
    }
    out
}

/// The JSON path `explain_failure` reports against serde_path_to_error's (fuzzing).
#[cfg(feature = "fuzzing")]
pub(crate) fn json_path_agrees(input: &[u8]) {
    crate::codec::json_path::agrees::<RawEvent<'_>>(input);
}

/// The slow path after a failed parse: find the source it claimed to be and the JSON path of
/// the field that broke. Runs only for malformed events.
fn explain_failure(event: &[u8]) -> DecodeError {
    let err = match serde_json::from_slice::<RawEvent<'_>>(event) {
        Ok(_) => return DecodeError::whole("malformed event"),
        Err(err) => err,
    };
    let probe = serde_json::from_slice::<raw::Probe<'_>>(event).ok();
    let marks = probe
        .as_ref()
        .map_or_else(detect::Marks::default, detect::Marks::of_probe);
    if let Some(err) = detect::non_http(&marks) {
        return err;
    }
    let source = detect::detect(&marks).and_then(Detected::http);
    // A syntax error has no meaningful field path; a data error's position is better said
    // by its path.
    let (path, message) = match err.classify() {
        serde_json::error::Category::Data => {
            let path = Path::of_error(event, &err);
            (
                (!path.is_root()).then(|| format!("$.{path}")),
                without_position(&err.to_string()).to_owned(),
            )
        }
        _ => (None, format!("malformed JSON: {err}")),
    };
    DecodeError::parse(source, path, message)
}

#[cfg(test)]
mod tests;
