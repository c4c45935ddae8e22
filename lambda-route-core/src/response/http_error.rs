//! `HttpError`: an error status with a public message, optional public JSON detail and extra
//! headers, and a private, logged detail.

use std::borrow::Cow;
use std::fmt;

use http::header::{HeaderName, HeaderValue};
use http::StatusCode;
use serde::Serialize;

use super::{ErrorInfo, IntoResponse, Response};

/// An error answered as `{"statusCode":N,"message":"..."}`, plus `"detail":...` when it has a
/// public detail.
///
/// - The message goes to the client.
/// - A public detail ([`HttpError::with_public_detail`]) goes to the client as the body's
///   `detail`, as JSON.
/// - Headers ([`HttpError::with_header`]: `WWW-Authenticate`, `Retry-After`, ...) go out with
///   the response.
/// - A private detail ([`HttpError::with_detail`]) goes to the log only, so internal reasons
///   never leak.
///
/// Everything a route returns that carries an `HttpError` is rendered at the end of dispatch,
/// where an app's `#[catch(N)]` may replace the body (its headers stay).
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{HttpError, IntoResponse};
/// use http::{header, HeaderValue, StatusCode};
///
/// let response = HttpError::not_found("no such todo")
///     .with_detail("id 42 missing from table todos")
///     .into_response();
/// assert_eq!(response.status(), StatusCode::NOT_FOUND);
/// // Rendered at the end of dispatch as {"statusCode":404,"message":"no such todo"}.
/// let error = response.error().unwrap();
/// assert_eq!(error.message(), "no such todo");
///
/// let response = HttpError::too_many_requests("slow down")
///     .with_header(header::RETRY_AFTER, HeaderValue::from(30u32))
///     .with_public_detail(serde_json::json!({"limit": 100}))
///     .into_response();
/// assert_eq!(response.header("retry-after"), Some("30"));
/// assert_eq!(
///     response.error().unwrap().to_json(),
///     r#"{"statusCode":429,"message":"slow down","detail":{"limit":100}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpError {
    status: StatusCode,
    message: Cow<'static, str>,
    /// Boxed: most errors have none of these, and `Result<T, HttpError>` stays small.
    extra: Option<Box<Extra>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Extra {
    /// Logged, never sent.
    private: Option<String>,
    /// Sent as the body's `detail`.
    public: Option<serde_json::Value>,
    headers: Vec<(HeaderName, HeaderValue)>,
}

// The status constructors, each documented with an example built from its status code and
// a sample message.
macro_rules! constructors {
    ($($(#[$doc:meta])* $name:ident => $status:ident, $code:literal, $example:literal;)*) => {
        $(
            $(#[$doc])*
            ///
            /// # Examples
            ///
            /// ```
            /// use lambda_route_core::response::{HttpError, IntoResponse};
            /// use http::StatusCode;
            ///
            #[doc = concat!("let response = HttpError::", stringify!($name), "(\"", $example, "\").into_response();")]
            #[doc = concat!("assert_eq!(response.status(), StatusCode::", stringify!($status), ");")]
            /// // The body the client gets, rendered at the end of dispatch:
            #[doc = concat!("let body = r#\"{\"statusCode\":", $code, ",\"message\":\"", $example, "\"}\"#;")]
            /// assert_eq!(response.error().map(|e| e.to_json()).as_deref(), Some(body));
            /// ```
            pub fn $name(message: impl Into<Cow<'static, str>>) -> Self {
                HttpError::new(StatusCode::$status, message)
            }
        )*
    };
}

impl HttpError {
    /// An error with any status and a public message.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{HttpError, IntoResponse};
    /// use http::StatusCode;
    ///
    /// let error = HttpError::new(StatusCode::IM_A_TEAPOT, "short and stout");
    /// assert_eq!(error.status(), StatusCode::IM_A_TEAPOT);
    /// assert_eq!(
    ///     error.into_response().error().map(|info| info.to_json()).as_deref(),
    ///     Some(r#"{"statusCode":418,"message":"short and stout"}"#)
    /// );
    /// ```
    pub fn new(status: StatusCode, message: impl Into<Cow<'static, str>>) -> Self {
        HttpError {
            status,
            message: message.into(),
            extra: None,
        }
    }

    constructors! {
        /// `400 Bad Request`.
        bad_request => BAD_REQUEST, 400, "limit must be a number";
        /// `401 Unauthorized`. Say how to authenticate with a `WWW-Authenticate` header
        /// ([`HttpError::with_header`]).
        unauthorized => UNAUTHORIZED, 401, "sign in first";
        /// `403 Forbidden`.
        forbidden => FORBIDDEN, 403, "not your todo";
        /// `404 Not Found`.
        not_found => NOT_FOUND, 404, "no such todo";
        /// `405 Method Not Allowed`. The router answers unknown methods itself, with `Allow`.
        method_not_allowed => METHOD_NOT_ALLOWED, 405, "todos are read-only";
        /// `409 Conflict`.
        conflict => CONFLICT, 409, "email already registered";
        /// `410 Gone`.
        gone => GONE, 410, "this link expired";
        /// `413 Payload Too Large`.
        payload_too_large => PAYLOAD_TOO_LARGE, 413, "upload at most 10 MB";
        /// `415 Unsupported Media Type`.
        unsupported_media_type => UNSUPPORTED_MEDIA_TYPE, 415, "send application/json";
        /// `422 Unprocessable Entity`.
        unprocessable_entity => UNPROCESSABLE_ENTITY, 422, "due date is in the past";
        /// `429 Too Many Requests`. Say when to retry with a `Retry-After` header
        /// ([`HttpError::with_header`]).
        too_many_requests => TOO_MANY_REQUESTS, 429, "slow down";
        /// `500 Internal Server Error`.
        internal_server_error => INTERNAL_SERVER_ERROR, 500, "something went wrong";
        /// `501 Not Implemented`.
        not_implemented => NOT_IMPLEMENTED, 501, "exports are not available yet";
        /// `502 Bad Gateway`.
        bad_gateway => BAD_GATEWAY, 502, "the billing service failed";
        /// `503 Service Unavailable`.
        service_unavailable => SERVICE_UNAVAILABLE, 503, "try again later";
        /// `504 Gateway Timeout`.
        gateway_timeout => GATEWAY_TIMEOUT, 504, "the billing service timed out";
    }

    fn extra(&mut self) -> &mut Extra {
        self.extra.get_or_insert_with(Box::default)
    }

    /// Attaches a private detail: logged when the error is answered (at `ERROR` for a 5xx,
    /// `WARN` otherwise), never sent.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::HttpError;
    ///
    /// let error = HttpError::bad_gateway("upstream failed").with_detail("billing: connection reset");
    /// assert_eq!(error.detail(), Some("billing: connection reset"));
    /// ```
    pub fn with_detail(mut self, detail: impl fmt::Display) -> Self {
        self.extra().private = Some(detail.to_string());
        self
    }

    /// Attaches a public detail, sent as the body's `"detail"`: any value that serializes to
    /// JSON (a `serde_json::Value`, a `#[derive(Serialize)]` struct, a string).
    ///
    /// A value that fails to serialize (a map with non-string keys, a `Serialize` impl that
    /// errs) is left out of the answer, and the failure is logged.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::HttpError;
    ///
    /// #[derive(serde::Serialize)]
    /// struct Taken { field: &'static str, suggestion: String }
    ///
    /// let error = HttpError::conflict("username taken")
    ///     .with_public_detail(Taken { field: "username", suggestion: "ada2".into() });
    /// assert_eq!(
    ///     error.public_detail(),
    ///     Some(&serde_json::json!({"field": "username", "suggestion": "ada2"}))
    /// );
    /// ```
    pub fn with_public_detail(mut self, detail: impl Serialize) -> Self {
        match serde_json::to_value(detail) {
            Ok(value) => self.extra().public = Some(value),
            Err(err) => tracing::warn!(
                status = self.status.as_u16(),
                error = %err,
                "HttpError public detail does not serialize to JSON; answering without it"
            ),
        }
        self
    }

    /// Adds a header to the answer (a name may repeat). It survives a `#[catch]` that
    /// replaces the body, unless the catcher sets the same header.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{HttpError, IntoResponse};
    /// use http::{header, HeaderValue};
    ///
    /// let response = HttpError::unauthorized("sign in first")
    ///     .with_header(header::WWW_AUTHENTICATE, HeaderValue::from_static(r#"Bearer realm="api""#))
    ///     .into_response();
    /// assert_eq!(response.header("www-authenticate"), Some(r#"Bearer realm="api""#));
    /// ```
    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.extra().headers.push((name, value));
        self
    }

    /// The status.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::HttpError;
    /// use http::StatusCode;
    ///
    /// assert_eq!(HttpError::forbidden("not your todo").status(), StatusCode::FORBIDDEN);
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The public message.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::HttpError;
    ///
    /// let error = HttpError::not_found("no such todo").with_detail("id 42 not in table todos");
    /// assert_eq!(error.message(), "no such todo");
    /// assert_eq!(error.to_string(), "404 Not Found: no such todo");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The private detail, logged and never sent.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::HttpError;
    ///
    /// let error = HttpError::service_unavailable("try again later").with_detail("pool exhausted (32/32)");
    /// assert_eq!(error.detail(), Some("pool exhausted (32/32)"));
    /// assert_eq!(HttpError::service_unavailable("try again later").detail(), None);
    /// ```
    pub fn detail(&self) -> Option<&str> {
        self.extra.as_ref()?.private.as_deref()
    }

    /// The public detail, sent as the body's `"detail"`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::HttpError;
    ///
    /// let error = HttpError::payload_too_large("file too large").with_public_detail(serde_json::json!({"maxBytes": 1048576}));
    /// assert_eq!(error.public_detail(), Some(&serde_json::json!({"maxBytes": 1048576})));
    /// ```
    pub fn public_detail(&self) -> Option<&serde_json::Value> {
        self.extra.as_ref()?.public.as_ref()
    }

    /// The extra headers.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::HttpError;
    /// use http::{header, HeaderValue};
    ///
    /// let error = HttpError::too_many_requests("slow down")
    ///     .with_header(header::RETRY_AFTER, HeaderValue::from(30u32));
    /// assert_eq!(error.headers(), [(header::RETRY_AFTER, HeaderValue::from(30u32))]);
    /// assert!(HttpError::bad_request("no").headers().is_empty());
    /// ```
    pub fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        self.extra.as_ref().map_or(&[], |extra| &extra.headers)
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
        let mut info = ErrorInfo::new(self.status, self.message);
        let Some(extra) = self.extra else {
            return Response::from_error(info);
        };
        let Extra {
            private,
            public,
            headers,
        } = *extra;
        if let Some(detail) = private {
            // A server error is the operator's to fix; a client error is the caller's.
            let (status, public_message) = (info.status().as_u16(), info.message());
            if info.status().is_server_error() {
                tracing::error!(status, public_message, detail = %detail, "request failed");
            } else {
                tracing::warn!(status, public_message, detail = %detail, "request failed");
            }
            info = info.with_private_detail(detail);
        }
        if let Some(public) = public {
            info = info.with_public_detail(public);
        }
        let mut response = Response::from_error(info);
        for (name, value) in headers {
            response = response.with_header(name, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructors_have_their_status() {
        let cases = [
            (HttpError::bad_request("m"), 400),
            (HttpError::unauthorized("m"), 401),
            (HttpError::forbidden("m"), 403),
            (HttpError::not_found("m"), 404),
            (HttpError::method_not_allowed("m"), 405),
            (HttpError::conflict("m"), 409),
            (HttpError::gone("m"), 410),
            (HttpError::payload_too_large("m"), 413),
            (HttpError::unsupported_media_type("m"), 415),
            (HttpError::unprocessable_entity("m"), 422),
            (HttpError::too_many_requests("m"), 429),
            (HttpError::internal_server_error("m"), 500),
            (HttpError::not_implemented("m"), 501),
            (HttpError::bad_gateway("m"), 502),
            (HttpError::service_unavailable("m"), 503),
            (HttpError::gateway_timeout("m"), 504),
        ];
        for (error, status) in cases {
            assert_eq!(error.status().as_u16(), status);
            let response = error.into_response();
            assert_eq!(response.status().as_u16(), status);
            assert_eq!(
                response.error().map(ErrorInfo::to_json),
                Some(format!(r#"{{"statusCode":{status},"message":"m"}}"#))
            );
        }
    }

    #[test]
    fn private_detail_is_not_in_the_answer() {
        let response = HttpError::bad_gateway("upstream failed")
            .with_detail("secret host 10.0.0.7")
            .into_response();
        let json = response.error().map(ErrorInfo::to_json).unwrap_or_default();
        assert_eq!(json, r#"{"statusCode":502,"message":"upstream failed"}"#);
    }

    #[test]
    fn headers_repeat_and_keep_their_order() {
        let response = HttpError::unauthorized("no")
            .with_header(
                http::header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic"),
            )
            .with_header(
                http::header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer"),
            )
            .into_response();
        let values: Vec<_> = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str(), v.to_str().unwrap_or_default()))
            .collect();
        assert_eq!(
            values,
            [
                ("www-authenticate", "Basic"),
                ("www-authenticate", "Bearer")
            ]
        );
    }

    #[test]
    fn a_detail_that_does_not_serialize_is_left_out() {
        let mut map = std::collections::BTreeMap::new();
        map.insert((1, 2), "tuple keys are not JSON");
        let error = HttpError::conflict("m").with_public_detail(map);
        assert_eq!(error.public_detail(), None);
        assert_eq!(
            error.into_response().error().map(ErrorInfo::to_json),
            Some(r#"{"statusCode":409,"message":"m"}"#.to_owned())
        );
    }

    #[test]
    fn stays_small() {
        assert!(std::mem::size_of::<HttpError>() <= 40);
    }
}
