//! What a route returns: anything [`IntoResponse`], turned into a [`Response`].

use std::borrow::Cow;

use http::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use http::StatusCode;

mod app_error;
mod content_type;
mod cookie;
mod error;
mod headers;
mod html;
mod http_error;
mod into_response;
mod redirect;

pub use self::cookie::{Cookie, SameSite};
pub use app_error::Error;
pub(crate) use error::render as render_error;
pub use error::{ErrorInfo, FieldError, LocSegment};
pub use html::Html;
pub use http_error::HttpError;
pub use into_response::IntoResponse;
pub use redirect::Redirect;

pub(crate) const TEXT_PLAIN: HeaderValue = HeaderValue::from_static("text/plain; charset=utf-8");
pub(crate) const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");
pub(crate) const OCTET_STREAM: HeaderValue = HeaderValue::from_static("application/octet-stream");

/// A response body.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{Body, Response};
/// use http::HeaderValue;
///
/// assert_eq!(Response::text("hi").body(), &Body::Text("hi".into()));
///
/// let png = Response::binary(HeaderValue::from_static("image/png"), vec![0x89, b'P', b'N', b'G']);
/// assert_eq!(png.body(), &Body::Binary(b"\x89PNG".to_vec().into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// No body.
    Empty,
    /// A UTF-8 body, sent as a JSON string (`isBase64Encoded: false`).
    Text(Cow<'static, str>),
    /// Arbitrary bytes, sent base64-encoded (`isBase64Encoded: true`).
    Binary(Cow<'static, [u8]>),
}

impl Body {
    fn len(&self) -> usize {
        match self {
            Body::Empty => 0,
            Body::Text(s) => s.len(),
            Body::Binary(b) => b.len() / 3 * 4 + 4,
        }
    }
}

/// An HTTP response: status, headers (a name may repeat) and body.
///
/// Every event source's response is written from this one type, so a route never needs to
/// know where its request came from.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{Body, Response};
/// use http::{header, HeaderValue, StatusCode};
///
/// let response = Response::text("created")
///     .with_status(StatusCode::CREATED)
///     .with_header(header::LOCATION, HeaderValue::from_static("/todos/7"));
/// assert_eq!(response.status(), StatusCode::CREATED);
/// assert_eq!(response.header("location"), Some("/todos/7"));
/// assert_eq!(response.body(), &Body::Text("created".into()));
/// ```
#[derive(Debug, Clone)]
pub struct Response {
    status: StatusCode,
    /// False once something chose the status on purpose; a route's `status = ...` option
    /// replaces only a default status.
    status_is_default: bool,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Body,
    /// An error answer waiting for the renderer at the end of dispatch (the error funnel).
    error: Option<Box<ErrorInfo>>,
    /// [`Response::compress`]: overrides the route's and the app's setting when set.
    compress: Option<bool>,
}

impl Default for Response {
    fn default() -> Self {
        Response {
            status: StatusCode::OK,
            status_is_default: true,
            headers: Vec::new(),
            body: Body::Empty,
            error: None,
            compress: None,
        }
    }
}

impl Response {
    /// An empty response with `status`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{Body, Response};
    /// use http::StatusCode;
    ///
    /// let response = Response::new(StatusCode::NO_CONTENT);
    /// assert_eq!(response.status(), StatusCode::NO_CONTENT);
    /// assert_eq!(response.body(), &Body::Empty);
    /// assert!(response.headers().is_empty());
    /// ```
    pub fn new(status: StatusCode) -> Self {
        Response {
            status,
            status_is_default: false,
            ..Response::default()
        }
    }

    /// A `200 OK` (or the route's success status) `text/plain` response.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{Body, Response};
    /// use http::StatusCode;
    ///
    /// let response = Response::text(format!("{} todos", 3));
    /// assert_eq!(response.status(), StatusCode::OK);
    /// assert_eq!(response.header("content-type"), Some("text/plain; charset=utf-8"));
    /// assert_eq!(response.body(), &Body::Text("3 todos".into()));
    /// ```
    pub fn text(body: impl Into<Cow<'static, str>>) -> Self {
        Response::default().with_body(TEXT_PLAIN, Body::Text(body.into()))
    }

    /// A `200 OK` (or the route's success status) response whose body is already JSON text.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{Body, Response};
    ///
    /// // JSON serialized elsewhere (a cache, a template): sent as it is, not re-encoded.
    /// let response = Response::json_text(r#"{"id":7,"done":false}"#);
    /// assert_eq!(response.header("content-type"), Some("application/json"));
    /// assert_eq!(response.body(), &Body::Text(r#"{"id":7,"done":false}"#.into()));
    /// ```
    pub fn json_text(json: impl Into<Cow<'static, str>>) -> Self {
        Response::default().with_body(APPLICATION_JSON, Body::Text(json.into()))
    }

    /// A `200 OK` (or the route's success status) binary response with `content_type`; it
    /// goes out base64-encoded.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{Body, Response};
    /// use http::HeaderValue;
    ///
    /// let gif: &'static [u8] = b"GIF89a\x01\x00\x01\x00";
    /// let response = Response::binary(HeaderValue::from_static("image/gif"), gif);
    /// assert_eq!(response.header("content-type"), Some("image/gif"));
    /// assert_eq!(response.body(), &Body::Binary(gif.into()));
    /// ```
    pub fn binary(content_type: HeaderValue, bytes: impl Into<Cow<'static, [u8]>>) -> Self {
        Response::default().with_body(content_type, Body::Binary(bytes.into()))
    }

    /// An error answer with `info`'s status. Its body is rendered once, at the end of
    /// dispatch, in the app's error shape (see [`ErrorInfo`]); until then it is empty.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{Body, ErrorInfo, Response};
    /// use http::StatusCode;
    ///
    /// let response = Response::from_error(ErrorInfo::new(StatusCode::CONFLICT, "email already registered"));
    /// assert_eq!(response.status(), StatusCode::CONFLICT);
    /// // The body is written at the end of dispatch, from the pending error.
    /// assert_eq!(response.body(), &Body::Empty);
    /// assert_eq!(
    ///     response.error().map(ErrorInfo::to_json).as_deref(),
    ///     Some(r#"{"statusCode":409,"message":"email already registered"}"#)
    /// );
    /// ```
    pub fn from_error(info: ErrorInfo) -> Self {
        Response {
            status: info.status(),
            status_is_default: false,
            error: Some(Box::new(info)),
            ..Response::default()
        }
    }

    /// Replaces the body and sets `content-type`. A pending error (see
    /// [`Response::from_error`]) is dropped: the body was chosen on purpose.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{Body, ErrorInfo, Response};
    /// use http::{HeaderValue, StatusCode};
    ///
    /// let csv = Response::from_error(ErrorInfo::new(StatusCode::NOT_FOUND, "no report"))
    ///     .with_body(HeaderValue::from_static("text/csv"), Body::Text("id,title\n".into()));
    /// assert_eq!(csv.status(), StatusCode::NOT_FOUND);
    /// assert_eq!(csv.header("content-type"), Some("text/csv"));
    /// // The body was chosen on purpose: the pending JSON error is dropped.
    /// assert!(csv.error().is_none());
    /// ```
    pub fn with_body(mut self, content_type: HeaderValue, body: Body) -> Self {
        self.set_body(content_type, body);
        self
    }

    pub(crate) fn set_body(&mut self, content_type: HeaderValue, body: Body) {
        self.set_header(CONTENT_TYPE, content_type);
        self.body = body;
        self.error = None;
    }

    /// The error this response answers with, until the dispatcher renders it.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{HttpError, IntoResponse, Response};
    ///
    /// let response = HttpError::not_found("no such todo").into_response();
    /// assert_eq!(response.error().map(|e| e.message()), Some("no such todo"));
    ///
    /// assert!(Response::text("found").error().is_none());
    /// ```
    pub fn error(&self) -> Option<&ErrorInfo> {
        self.error.as_deref()
    }

    pub(crate) fn take_error(&mut self) -> Option<Box<ErrorInfo>> {
        self.error.take()
    }

    /// Sets the status.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Response;
    /// use http::StatusCode;
    ///
    /// let response = Response::json_text(r#"{"id":7}"#).with_status(StatusCode::CREATED);
    /// assert_eq!(response.status(), StatusCode::CREATED);
    /// ```
    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self.status_is_default = false;
        self
    }

    /// Appends a header; a name may appear several times (`set-cookie`: every one is sent, on
    /// every source). For cookies, [`with_cookie`](Response::with_cookie) formats the value.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Response;
    /// use http::{header, HeaderValue};
    ///
    /// let response = Response::text("ok")
    ///     .with_header(header::CACHE_CONTROL, HeaderValue::from_static("max-age=60"))
    ///     .with_header(header::SET_COOKIE, HeaderValue::from_static("a=1"))
    ///     .with_header(header::SET_COOKIE, HeaderValue::from_static("b=2"));
    /// assert_eq!(response.header("cache-control"), Some("max-age=60"));
    /// let cookies: Vec<_> = response.headers().iter().filter(|(n, _)| n == header::SET_COOKIE).collect();
    /// assert_eq!(cookies.len(), 2);
    /// ```
    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// Turns gzip compression on or off for this response, whatever the route's `compress`
    /// flag or [`App::compress`](crate::App::compress) say. Turned on, the body is still sent
    /// as it is when the client does not accept gzip, when it is small or of an
    /// already-compressed type, or on a REST API without
    /// [`App::binary_media_types`](crate::App::binary_media_types); see
    /// [`compress`](crate::compress).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// use lambda_route_core::response::Response;
    ///
    /// // A large report, compressed even on a route without the `compress` flag.
    /// fn report() -> Response {
    ///     Response::text("row\n".repeat(1000)).compress(true)
    /// }
    /// // Small and latency-sensitive: never compressed, even app-wide.
    /// fn ping() -> Response {
    ///     Response::text("pong".repeat(300)).compress(false)
    /// }
    /// # fn report_shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> { Box::pin(async { report() }) }
    /// # fn ping_shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> { Box::pin(async { ping() }) }
    /// # inventory::submit!(Route::new(&["GET"], "/report", report_shim, Location::new("report", module_path!(), file!(), line!())));
    /// # inventory::submit!(Route::new(&["GET"], "/ping", ping_shim, Location::new("ping", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = lambda_route_core::App::new().compress().build().unwrap();
    /// let event = |path: &str| format!(r#"{{"version":"2.0","rawPath":"{path}","rawQueryString":"",
    ///   "headers":{{"accept-encoding":"gzip"}},"requestContext":{{"http":{{"method":"GET"}}}}}}"#);
    ///
    /// let answer = app.dispatch(event("/report").as_bytes()).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["headers"]["content-encoding"], "gzip");
    /// assert_eq!(answer["isBase64Encoded"], true);
    ///
    /// let answer = app.dispatch(event("/ping").as_bytes()).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert!(answer["headers"].get("content-encoding").is_none());
    /// # }
    /// ```
    pub fn compress(mut self, on: bool) -> Self {
        self.compress = Some(on);
        self
    }

    /// What [`Response::compress`] set, if it was called.
    pub(crate) fn compression(&self) -> Option<bool> {
        self.compress
    }

    /// Sets a header, replacing every earlier value of that name.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Response;
    /// use http::{header, HeaderValue};
    ///
    /// let mut response = Response::text("id,title\n");
    /// response.set_header(header::CONTENT_TYPE, HeaderValue::from_static("text/csv"));
    /// assert_eq!(response.header("content-type"), Some("text/csv"));
    /// assert_eq!(response.headers().len(), 1);
    /// ```
    pub fn set_header(&mut self, name: HeaderName, value: HeaderValue) {
        self.headers.retain(|(n, _)| *n != name);
        self.headers.push((name, value));
    }

    /// The status.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{IntoResponse, Redirect, Response};
    /// use http::StatusCode;
    ///
    /// assert_eq!(Response::text("ok").status(), StatusCode::OK);
    /// assert_eq!(Redirect::to("/login").into_response().status(), StatusCode::SEE_OTHER);
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The first value of a header, if it is valid UTF-8 (names are case-insensitive).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Response;
    /// use http::{header, HeaderValue};
    ///
    /// let response = Response::text("ok").with_header(header::ETAG, HeaderValue::from_static("\"v3\""));
    /// assert_eq!(response.header("ETag"), Some("\"v3\""));
    /// assert_eq!(response.header("content-type"), Some("text/plain; charset=utf-8"));
    /// assert_eq!(response.header("location"), None);
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.as_str().eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.to_str().ok())
    }

    /// Every header, one entry per value, in insertion order.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Response;
    /// use http::{header, HeaderValue};
    ///
    /// let response = Response::text("ok").with_header(header::VARY, HeaderValue::from_static("accept"));
    /// let names: Vec<&str> = response.headers().iter().map(|(name, _)| name.as_str()).collect();
    /// assert_eq!(names, ["content-type", "vary"]);
    /// ```
    pub fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        &self.headers
    }

    /// The body.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{Body, Response};
    /// use http::StatusCode;
    ///
    /// assert_eq!(Response::text("pong").body(), &Body::Text("pong".into()));
    /// assert_eq!(Response::new(StatusCode::NO_CONTENT).body(), &Body::Empty);
    /// ```
    pub fn body(&self) -> &Body {
        &self.body
    }

    /// Applies a route's `status = N` when nothing chose a status explicitly.
    pub(crate) fn apply_default_status(&mut self, status: StatusCode) {
        if self.status_is_default {
            self.status = status;
        }
    }

    pub(crate) fn with_default_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// Appends a header in place.
    pub(crate) fn append_header(&mut self, name: HeaderName, value: HeaderValue) {
        self.headers.push((name, value));
    }

    /// Replaces the body, keeping the headers (compression).
    pub(crate) fn replace_body(&mut self, body: Body) {
        self.body = body;
    }

    pub(crate) fn body_len_hint(&self) -> usize {
        self.body.len()
    }
}
