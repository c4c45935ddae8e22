//! `HttpError`: an error status with a public message and a private, logged detail.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;

use super::{Body, IntoResponse, Response, APPLICATION_JSON};
use crate::codec::json;

/// An error answered as `{"statusCode":N,"message":"..."}`.
///
/// The message goes to the client. A detail attached with [`HttpError::with_detail`] goes to
/// the log only, so internal reasons never leak.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{Body, HttpError, IntoResponse};
/// use http::StatusCode;
///
/// let response = HttpError::not_found("no such todo")
///     .with_detail("id 42 missing from table todos")
///     .into_response();
/// assert_eq!(response.status(), StatusCode::NOT_FOUND);
/// assert_eq!(
///     response.body(),
///     &Body::Text(r#"{"statusCode":404,"message":"no such todo"}"#.into())
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpError {
    status: StatusCode,
    message: Cow<'static, str>,
    detail: Option<String>,
}

macro_rules! constructors {
    ($($(#[$doc:meta])* $name:ident => $status:ident,)*) => {
        $(
            $(#[$doc])*
            pub fn $name(message: impl Into<Cow<'static, str>>) -> Self {
                HttpError::new(StatusCode::$status, message)
            }
        )*
    };
}

impl HttpError {
    /// An error with any status and a public message.
    pub fn new(status: StatusCode, message: impl Into<Cow<'static, str>>) -> Self {
        HttpError {
            status,
            message: message.into(),
            detail: None,
        }
    }

    constructors! {
        /// `400 Bad Request`.
        bad_request => BAD_REQUEST,
        /// `401 Unauthorized`.
        unauthorized => UNAUTHORIZED,
        /// `403 Forbidden`.
        forbidden => FORBIDDEN,
        /// `404 Not Found`.
        not_found => NOT_FOUND,
        /// `405 Method Not Allowed`.
        method_not_allowed => METHOD_NOT_ALLOWED,
        /// `409 Conflict`.
        conflict => CONFLICT,
        /// `410 Gone`.
        gone => GONE,
        /// `413 Payload Too Large`.
        payload_too_large => PAYLOAD_TOO_LARGE,
        /// `415 Unsupported Media Type`.
        unsupported_media_type => UNSUPPORTED_MEDIA_TYPE,
        /// `422 Unprocessable Entity`.
        unprocessable_entity => UNPROCESSABLE_ENTITY,
        /// `429 Too Many Requests`.
        too_many_requests => TOO_MANY_REQUESTS,
        /// `500 Internal Server Error`.
        internal_server_error => INTERNAL_SERVER_ERROR,
        /// `502 Bad Gateway`.
        bad_gateway => BAD_GATEWAY,
        /// `503 Service Unavailable`.
        service_unavailable => SERVICE_UNAVAILABLE,
    }

    /// Attaches a private detail: logged when the error is answered, never sent.
    pub fn with_detail(mut self, detail: impl fmt::Display) -> Self {
        self.detail = Some(detail.to_string());
        self
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The public message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status, self.message)
    }
}

impl std::error::Error for HttpError {}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        if let Some(detail) = &self.detail {
            tracing::warn!(status = self.status.as_u16(), message = %self.message, detail = %detail, "request failed");
        }
        error_response(self.status, &self.message, None)
    }
}

/// `{"statusCode":N,"message":"..."}`, with an extra pre-rendered JSON field when given
/// (`"detail":[...]` for validation errors).
pub(crate) fn error_response(
    status: StatusCode,
    message: &str,
    extra: Option<(&str, &[u8])>,
) -> Response {
    let mut out = Vec::with_capacity(48 + message.len());
    out.extend_from_slice(b"{");
    json::write_key(&mut out, "statusCode");
    json::write_u16(&mut out, status.as_u16());
    out.push(b',');
    json::write_key(&mut out, "message");
    json::write_str(&mut out, message);
    if let Some((key, value)) = extra {
        out.push(b',');
        json::write_key(&mut out, key);
        out.extend_from_slice(value);
    }
    out.push(b'}');
    // Only valid UTF-8 was written: literals, escaped strings and pre-rendered JSON.
    let text = String::from_utf8(out).unwrap_or_default();
    Response::new(status).with_body(APPLICATION_JSON, Body::Text(text.into()))
}
