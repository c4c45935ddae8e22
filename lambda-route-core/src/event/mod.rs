//! Lambda HTTP events in, Lambda HTTP responses out.
//!
//! [`decode`] parses an event once, detects its [`Source`] from the fields only that source
//! sends, and builds a [`Request`]. [`encode`] writes a [`Response`] in the shape that source
//! expects. Each source's rules live in its own module.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use http::Method;

use crate::request::Request;
use crate::response::Response;

mod alb;
mod apigw_v1;
mod detect;
mod http_v2;
pub(crate) mod json;
mod lattice_v1;
mod lattice_v2;
pub(crate) mod pairs;
pub(crate) mod percent;
pub(crate) mod raw;
mod write;

use raw::{CowStr, RawEvent};

/// The Lambda integration an event came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// API Gateway REST API (payload format 1.0).
    ApiGatewayV1,
    /// API Gateway HTTP API with payload format 1.0: the REST event shape, answered like a
    /// REST API, but with the path already percent-decoded (see [`Source::path_is_decoded`]).
    HttpApiV1,
    /// API Gateway HTTP API (payload format 2.0).
    HttpApiV2,
    /// Lambda Function URL.
    FunctionUrl,
    /// Application Load Balancer target group.
    Alb,
    /// VPC Lattice, event structure version 1.
    VpcLatticeV1,
    /// VPC Lattice, event structure version 2.
    VpcLatticeV2,
}

impl Source {
    /// Every source, in a fixed order.
    pub const ALL: [Source; 7] = [
        Source::ApiGatewayV1,
        Source::HttpApiV1,
        Source::HttpApiV2,
        Source::FunctionUrl,
        Source::Alb,
        Source::VpcLatticeV1,
        Source::VpcLatticeV2,
    ];

    /// A short human name, used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Source::ApiGatewayV1 => "API Gateway REST (v1)",
            Source::HttpApiV1 => "API Gateway HTTP API (v1)",
            Source::HttpApiV2 => "API Gateway HTTP API (v2)",
            Source::FunctionUrl => "Lambda Function URL",
            Source::Alb => "Application Load Balancer",
            Source::VpcLatticeV1 => "VPC Lattice v1",
            Source::VpcLatticeV2 => "VPC Lattice v2",
        }
    }

    /// Whether this source delivers the request path already percent-decoded.
    ///
    /// API Gateway HTTP APIs decode the path before invoking the function, in payload 2.0
    /// `rawPath` and payload 1.0 `path` alike; REST APIs, Function URLs, ALB and VPC Lattice
    /// pass it on as the client encoded it. Path parameters are decoded only when the source
    /// has not already done so, so a client's `%25` reaches a `<param>` as `%` from every
    /// source, and is never decoded twice.
    ///
    /// What an HTTP API's decoding loses cannot be recovered: an encoded `/` (`%2F`) has
    /// become a real `/` before routing, so `/files/a%2Fb` matches `/files/<dir>/<name>`
    /// rather than `/files/<name>`, and [`Request::path`] cannot tell the two apart. Put
    /// values that may contain `/` in the query string, or use a `<rest..>` parameter.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::event::Source;
    ///
    /// assert!(Source::HttpApiV2.path_is_decoded());
    /// assert!(!Source::ApiGatewayV1.path_is_decoded());
    /// assert!(!Source::FunctionUrl.path_is_decoded());
    /// ```
    pub fn path_is_decoded(self) -> bool {
        matches!(self, Source::HttpApiV1 | Source::HttpApiV2)
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why an event could not be turned into a [`Request`]: the invocation fails with this error
/// and the runtime goes on to the next event.
///
/// # Examples
///
/// ```
/// use lambda_route_core::Request;
///
/// let err = Request::from_event(br#"{"httpMethod": 5, "path": "/", "requestContext": {}}"#)
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "cannot decode API Gateway REST (v1) event: `$.httpMethod`: invalid type: integer `5`, expected a string"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    source: Option<Source>,
    path: Option<String>,
    message: String,
}

impl DecodeError {
    fn field(source: Source, path: &str, message: impl Into<String>) -> Self {
        DecodeError {
            source: Some(source),
            path: Some(path.to_owned()),
            message: message.into(),
        }
    }

    fn missing(source: Source, path: &str) -> Self {
        DecodeError::field(source, path, "missing field")
    }

    /// An error about the event as a whole: no source, no field.
    fn whole(message: impl Into<String>) -> Self {
        DecodeError {
            source: None,
            path: None,
            message: message.into(),
        }
    }

    /// An event that is not an HTTP request, recognised by the field at `path`.
    fn not_http_at(path: &str, message: String) -> Self {
        DecodeError {
            source: None,
            path: Some(path.to_owned()),
            message,
        }
    }

    /// The source the event was detected as, if detection got that far.
    pub fn source(&self) -> Option<Source> {
        self.source
    }

    /// The JSON path of the offending field (`$.requestContext.http.method`), if one is to
    /// blame.
    pub fn json_path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.source {
            Some(source) => write!(f, "cannot decode {source} event: ")?,
            None => f.write_str("cannot decode event: ")?,
        }
        if let Some(path) = &self.path {
            write!(f, "`{path}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}

/// Decodes one event. See [`Request::from_event`].
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
    let raw: RawEvent<'_> = match serde_json::from_str(text) {
        Ok(raw) => raw,
        Err(_) => return Err(explain_failure(event)),
    };
    let marks = detect::Marks::of_event(&raw);
    if let Some(err) = detect::non_http(&marks) {
        return Err(err);
    }
    match detect::detect(&marks) {
        Some(source @ (Source::ApiGatewayV1 | Source::HttpApiV1)) => apigw_v1::decode(raw, source),
        Some(source @ (Source::HttpApiV2 | Source::FunctionUrl)) => http_v2::decode(raw, source),
        Some(Source::Alb) => alb::decode(raw),
        Some(Source::VpcLatticeV1) => lattice_v1::decode(raw),
        Some(Source::VpcLatticeV2) => lattice_v2::decode(raw),
        None => Err(detect::not_http()),
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

/// The slow path after a failed parse: find the source it claimed to be and the JSON path of
/// the field that broke. Runs only for malformed events.
fn explain_failure(event: &[u8]) -> DecodeError {
    let mut de = serde_json::Deserializer::from_slice(event);
    let err = match serde_path_to_error::deserialize::<_, RawEvent<'_>>(&mut de) {
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
    let source = detect::detect(&marks);
    let inner = err.inner();
    let path = err.path().to_string();
    // A syntax error has no meaningful field path; a data error's position is better said
    // by its path.
    let (path, message) = match inner.classify() {
        serde_json::error::Category::Data => (
            (path != ".").then(|| format!("$.{path}")),
            strip_position(&inner.to_string()),
        ),
        _ => (None, format!("malformed JSON: {inner}")),
    };
    DecodeError {
        source,
        path,
        message,
    }
}

/// serde_json appends " at line L column C" to data errors; the JSON path says more.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

// ---- helpers shared by the per-source decoders ----

/// Parses an HTTP method; standard methods cost no allocation.
fn method(source: Source, path: &str, value: Option<CowStr<'_>>) -> Result<Method, DecodeError> {
    let value = value.ok_or_else(|| DecodeError::missing(source, path))?;
    Method::from_bytes(value.0.as_bytes())
        .map_err(|_| DecodeError::field(source, path, format!("invalid HTTP method {:?}", value.0)))
}

/// Decodes the body, base64 when the event says so.
fn body<'a>(
    source: Source,
    body: Option<CowStr<'a>>,
    base64: bool,
) -> Result<Cow<'a, [u8]>, DecodeError> {
    let Some(CowStr(body)) = body else {
        return Ok(Cow::Borrowed(&[]));
    };
    if !base64 {
        return Ok(match body {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        });
    }
    base64::engine::general_purpose::STANDARD
        .decode(body.as_bytes())
        .map(Cow::Owned)
        .map_err(|e| {
            DecodeError::field(
                source,
                "$.body",
                format!("isBase64Encoded is true but the body is not valid base64: {e}"),
            )
        })
}

/// `/prod/todos` with stage `prod` routes as `/todos`; `$default` is never in the path, and
/// `/production/x` is not under stage `prod`.
fn strip_stage<'a>(path: Cow<'a, str>, stage: Option<&str>) -> Cow<'a, str> {
    let Some(stage) = stage.filter(|s| *s != "$default" && !s.is_empty()) else {
        return path;
    };
    let rest_start = match path.strip_prefix('/').and_then(|p| p.strip_prefix(stage)) {
        Some("") => return Cow::Borrowed("/"),
        Some(rest) if rest.starts_with('/') => path.len() - rest.len(),
        _ => return path,
    };
    match path {
        Cow::Borrowed(p) => Cow::Borrowed(p.get(rest_start..).unwrap_or("/")),
        Cow::Owned(p) => Cow::Owned(p.get(rest_start..).unwrap_or("/").to_owned()),
    }
}

#[cfg(test)]
mod tests;
