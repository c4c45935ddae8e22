//! The error funnel: every framework answer (404, 405, rejections, panics, `None`,
//! [`HttpError`](super::HttpError)) is an [`ErrorInfo`] carried by its [`Response`] and
//! rendered once, at the end of dispatch.

use std::borrow::Cow;

use http::header::HeaderValue;
use http::StatusCode;

use super::{Body, Response, APPLICATION_JSON};
use crate::codec::json;

/// One step of a [`FieldError`]'s location: a name (`"body"`, `"title"`) or a position in a
/// list, written as a JSON number (`["body","items",2,"title"]`).
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::{FieldError, LocSegment};
///
/// let field = FieldError::new(
///     [LocSegment::from("body"), "items".into(), 2.into(), "title".into()],
///     "missing",
///     "field required",
/// );
/// assert_eq!(field.loc()[2], LocSegment::Index(2));
/// assert_eq!(field.loc()[3], "title");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LocSegment {
    /// A name: the input's kind (`body`, `query`, `header`) or a field's wire name.
    Key(Cow<'static, str>),
    /// A position in a list.
    Index(usize),
}

impl From<&'static str> for LocSegment {
    fn from(key: &'static str) -> Self {
        LocSegment::Key(Cow::Borrowed(key))
    }
}

impl From<String> for LocSegment {
    fn from(key: String) -> Self {
        LocSegment::Key(Cow::Owned(key))
    }
}

impl From<Cow<'static, str>> for LocSegment {
    fn from(key: Cow<'static, str>) -> Self {
        LocSegment::Key(key)
    }
}

impl From<usize> for LocSegment {
    fn from(index: usize) -> Self {
        LocSegment::Index(index)
    }
}

impl PartialEq<str> for LocSegment {
    fn eq(&self, other: &str) -> bool {
        matches!(self, LocSegment::Key(key) if key == other)
    }
}

impl PartialEq<&str> for LocSegment {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq<usize> for LocSegment {
    fn eq(&self, other: &usize) -> bool {
        matches!(self, LocSegment::Index(index) if index == other)
    }
}

impl std::fmt::Display for LocSegment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LocSegment::Key(key) => f.write_str(key),
            LocSegment::Index(index) => write!(f, "{index}"),
        }
    }
}

/// One failed field of a 422 answer: `{"loc":["path","id"],"type":"...","msg":"..."}`.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::FieldError;
///
/// let field = FieldError::new(["query", "limit"], "missing", "query parameter is required");
/// assert_eq!(field.loc(), ["query", "limit"]);
/// assert_eq!(field.kind(), "missing");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    loc: Vec<LocSegment>,
    kind: Cow<'static, str>,
    msg: String,
}

impl FieldError {
    /// Where (`["path","id"]`, `["body","items",2]`), what kind of failure, and a message.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::FieldError;
    ///
    /// let field = FieldError::new(["body", "email"], "value_error", "not a valid email address");
    /// assert_eq!(field.loc(), ["body", "email"]);
    /// assert_eq!(field.msg(), "not a valid email address");
    /// ```
    pub fn new<L, S>(loc: L, kind: impl Into<Cow<'static, str>>, msg: impl Into<String>) -> Self
    where
        L: IntoIterator<Item = S>,
        S: Into<LocSegment>,
    {
        FieldError {
            loc: loc.into_iter().map(Into::into).collect(),
            kind: kind.into(),
            msg: msg.into(),
        }
    }

    /// The location, outermost first.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::{FieldError, LocSegment};
    ///
    /// let field = FieldError::new([LocSegment::from("body"), "tags".into(), 3.into()], "too_long", "at most 20 characters");
    /// assert_eq!(field.loc(), [LocSegment::from("body"), "tags".into(), LocSegment::Index(3)]);
    /// assert_eq!(field.loc().last(), Some(&LocSegment::Index(3)));
    /// ```
    pub fn loc(&self) -> &[LocSegment] {
        &self.loc
    }

    /// The failure kind (`parse_error`, `missing`, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::FieldError;
    ///
    /// let field = FieldError::new(["path", "id"], "parse_error", "invalid digit found in string");
    /// assert_eq!(field.kind(), "parse_error");
    /// ```
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The human-readable message.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::FieldError;
    ///
    /// let field = FieldError::new(["query", "limit"], "missing", "query parameter is required");
    /// assert_eq!(field.msg(), "query parameter is required");
    /// ```
    pub fn msg(&self) -> &str {
        &self.msg
    }

    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"loc\":[");
        for (i, part) in self.loc.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            match part {
                LocSegment::Key(key) => json::write_str(out, key),
                LocSegment::Index(index) => json::write_usize(out, *index),
            }
        }
        out.extend_from_slice(b"],\"type\":");
        json::write_str(out, &self.kind);
        out.extend_from_slice(b",\"msg\":");
        json::write_str(out, &self.msg);
        out.push(b'}');
    }
}

/// A framework answer that is an error, before it is rendered: its status, the public
/// message, and its public `detail`, if any.
///
/// Routes and extractors never render error bodies themselves: an error [`Response`] carries
/// its `ErrorInfo` (see [`Response::error`]) and the dispatcher renders it once, after the
/// route, so every error of an app has one shape (unless a catcher replaces it, see
/// `#[catch]`). The default shape is `{"statusCode":N,"message":"..."}`, plus `"detail":...`
/// when the error has one.
///
/// An error has at most one `detail`: either the list of failed fields of a request that
/// failed validation ([`ErrorInfo::with_fields`], a JSON array of
/// `{"loc":[..],"type":"..","msg":".."}`), or a public JSON value chosen by the route
/// ([`ErrorInfo::with_public_detail`], e.g. through
/// [`HttpError::with_public_detail`](super::HttpError::with_public_detail)). Setting one
/// replaces the other.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{ErrorInfo, IntoResponse};
/// use http::StatusCode;
///
/// let info = ErrorInfo::new(StatusCode::NOT_FOUND, "no such todo");
/// assert_eq!(info.to_json(), r#"{"statusCode":404,"message":"no such todo"}"#);
///
/// let info = info.with_public_detail(serde_json::json!({"id": 42}));
/// assert_eq!(info.to_json(), r#"{"statusCode":404,"message":"no such todo","detail":{"id":42}}"#);
///
/// let response = info.into_response();
/// assert_eq!(response.status(), StatusCode::NOT_FOUND);
/// assert_eq!(response.error().map(|e| e.message()), Some("no such todo"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    status: StatusCode,
    message: Cow<'static, str>,
    detail: Detail,
    /// The private detail, for the access log only (`error_detail`); never sent.
    private: Option<Box<str>>,
}

/// The one `detail` an error may carry.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Detail {
    None,
    Fields(Vec<FieldError>),
    Public(Box<serde_json::Value>),
}

impl ErrorInfo {
    /// An error with `status` and a public `message`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::ErrorInfo;
    /// use http::StatusCode;
    ///
    /// let info = ErrorInfo::new(StatusCode::SERVICE_UNAVAILABLE, "try again later");
    /// assert_eq!(info.status(), StatusCode::SERVICE_UNAVAILABLE);
    /// assert_eq!(info.to_json(), r#"{"statusCode":503,"message":"try again later"}"#);
    /// ```
    pub fn new(status: StatusCode, message: impl Into<Cow<'static, str>>) -> Self {
        ErrorInfo {
            status,
            message: message.into(),
            detail: Detail::None,
            private: None,
        }
    }

    /// The same error carrying a private detail: logged in the access line's `error_detail`,
    /// never sent.
    pub(crate) fn with_private_detail(mut self, detail: String) -> Self {
        self.private = Some(detail.into_boxed_str());
        self
    }

    /// The private detail, if any.
    pub(crate) fn private_detail(&self) -> Option<&str> {
        self.private.as_deref()
    }

    /// The same error with these field errors as its `detail` (the list of a 422). An empty
    /// list means no `detail`. Replaces a public detail.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::FieldError;
    /// use lambda_route_core::response::ErrorInfo;
    /// use http::StatusCode;
    ///
    /// let info = ErrorInfo::new(StatusCode::UNPROCESSABLE_ENTITY, "Request validation failed")
    ///     .with_fields(vec![FieldError::new(["query", "limit"], "missing", "required")]);
    /// assert_eq!(
    ///     info.to_json(),
    ///     r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","limit"],"type":"missing","msg":"required"}]}"#
    /// );
    /// ```
    pub fn with_fields(mut self, fields: Vec<FieldError>) -> Self {
        self.detail = if fields.is_empty() {
            Detail::None
        } else {
            Detail::Fields(fields)
        };
        self
    }

    /// The same error with a public JSON `detail`, sent to the client as it is. Replaces a
    /// field list.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::ErrorInfo;
    /// use http::StatusCode;
    ///
    /// let info = ErrorInfo::new(StatusCode::TOO_MANY_REQUESTS, "slow down")
    ///     .with_public_detail(serde_json::json!({"retryAfter": 30}));
    /// assert_eq!(info.to_json(), r#"{"statusCode":429,"message":"slow down","detail":{"retryAfter":30}}"#);
    /// ```
    pub fn with_public_detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = Detail::Public(Box::new(detail));
        self
    }

    /// The status the error reports.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{HttpError, IntoResponse};
    /// use http::StatusCode;
    ///
    /// let response = HttpError::gone("this link expired").into_response();
    /// assert_eq!(response.error().map(|info| info.status()), Some(StatusCode::GONE));
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The public message.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::ErrorInfo;
    /// use http::StatusCode;
    ///
    /// let info = ErrorInfo::new(StatusCode::NOT_FOUND, "no such todo");
    /// assert_eq!(info.message(), "no such todo");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The failed fields (empty unless a request failed validation).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::FieldError;
    /// use lambda_route_core::response::ErrorInfo;
    /// use http::StatusCode;
    ///
    /// let info = ErrorInfo::new(StatusCode::UNPROCESSABLE_ENTITY, "Request validation failed")
    ///     .with_fields(vec![FieldError::new(["path", "id"], "parse_error", "invalid digit found in string")]);
    /// assert_eq!(info.fields().len(), 1);
    /// assert_eq!(info.fields()[0].loc(), ["path", "id"]);
    /// assert!(ErrorInfo::new(StatusCode::NOT_FOUND, "Not found").fields().is_empty());
    /// ```
    pub fn fields(&self) -> &[FieldError] {
        match &self.detail {
            Detail::Fields(fields) => fields,
            Detail::None | Detail::Public(_) => &[],
        }
    }

    /// The public JSON detail, if one was set (never the field list: see
    /// [`ErrorInfo::fields`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::ErrorInfo;
    /// use http::StatusCode;
    ///
    /// let info = ErrorInfo::new(StatusCode::CONFLICT, "username taken")
    ///     .with_public_detail(serde_json::json!({"suggestion": "ada2"}));
    /// assert_eq!(info.public_detail(), Some(&serde_json::json!({"suggestion": "ada2"})));
    /// assert_eq!(ErrorInfo::new(StatusCode::CONFLICT, "taken").public_detail(), None);
    /// ```
    pub fn public_detail(&self) -> Option<&serde_json::Value> {
        match &self.detail {
            Detail::Public(value) => Some(value),
            Detail::None | Detail::Fields(_) => None,
        }
    }

    /// The default rendering: `{"statusCode":N,"message":"..."}`, plus `"detail":...` when
    /// the error has one.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::ErrorInfo;
    /// use http::StatusCode;
    ///
    /// let info = ErrorInfo::new(StatusCode::BAD_REQUEST, "body is not \"JSON\"");
    /// assert_eq!(info.to_json(), r#"{"statusCode":400,"message":"body is not \"JSON\""}"#);
    /// ```
    pub fn to_json(&self) -> String {
        let fields = self.fields();
        let mut out = Vec::with_capacity(48 + self.message.len() + 96 * fields.len());
        out.extend_from_slice(b"{");
        json::write_key(&mut out, "statusCode");
        json::write_u16(&mut out, self.status.as_u16());
        out.push(b',');
        json::write_key(&mut out, "message");
        json::write_str(&mut out, &self.message);
        match &self.detail {
            Detail::None => {}
            Detail::Fields(fields) => {
                out.push(b',');
                json::write_key(&mut out, "detail");
                out.push(b'[');
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    field.write_json(&mut out);
                }
                out.push(b']');
            }
            Detail::Public(value) => {
                let mark = out.len();
                out.push(b',');
                json::write_key(&mut out, "detail");
                // A `Value` always serializes (its map keys are strings); should that ever
                // fail, the answer goes out without the detail rather than broken.
                if serde_json::to_writer(&mut out, value).is_err() {
                    out.truncate(mark);
                }
            }
        }
        out.push(b'}');
        // Only valid UTF-8 was written: literals, escaped strings and serde_json's output.
        String::from_utf8(out).unwrap_or_default()
    }
}

impl super::IntoResponse for ErrorInfo {
    fn into_response(self) -> Response {
        Response::from_error(self)
    }
}

/// The one renderer: turns a pending [`ErrorInfo`] into the response body. Runs once per
/// response at the end of dispatch; a response without an error is left as it is.
pub(crate) fn render(response: &mut Response) {
    if let Some(info) = response.take_error() {
        const JSON: HeaderValue = APPLICATION_JSON;
        let body = Body::Text(info.to_json().into());
        response.set_body(JSON, body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_today_s_json() {
        let cases = [
            (
                ErrorInfo::new(StatusCode::NOT_FOUND, "Not found"),
                r#"{"statusCode":404,"message":"Not found"}"#,
            ),
            (
                ErrorInfo::new(StatusCode::BAD_REQUEST, "say \"hi\"\n"),
                r#"{"statusCode":400,"message":"say \"hi\"\n"}"#,
            ),
            (
                ErrorInfo::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "Request validation failed",
                )
                .with_fields(vec![
                    FieldError::new(["path", "id"], "parse_error", "invalid u64"),
                    FieldError::new(["query", "limit"], "missing", "required"),
                ]),
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u64"},{"loc":["query","limit"],"type":"missing","msg":"required"}]}"#,
            ),
        ];
        for (info, expected) in cases {
            assert_eq!(info.to_json(), expected);
        }
    }

    #[test]
    fn one_detail_at_a_time() {
        let field = || vec![FieldError::new(["query", "q"], "missing", "required")];
        let public = serde_json::json!({"retry": true, "in": [1, "s"]});
        let cases = [
            (
                ErrorInfo::new(StatusCode::CONFLICT, "taken").with_public_detail(public.clone()),
                r#"{"statusCode":409,"message":"taken","detail":{"in":[1,"s"],"retry":true}}"#,
            ),
            (
                ErrorInfo::new(StatusCode::UNPROCESSABLE_ENTITY, "bad")
                    .with_public_detail(public.clone())
                    .with_fields(field()),
                r#"{"statusCode":422,"message":"bad","detail":[{"loc":["query","q"],"type":"missing","msg":"required"}]}"#,
            ),
            (
                ErrorInfo::new(StatusCode::UNPROCESSABLE_ENTITY, "bad")
                    .with_fields(field())
                    .with_public_detail(serde_json::Value::Null),
                r#"{"statusCode":422,"message":"bad","detail":null}"#,
            ),
            (
                ErrorInfo::new(StatusCode::BAD_REQUEST, "bad").with_fields(Vec::new()),
                r#"{"statusCode":400,"message":"bad"}"#,
            ),
        ];
        for (info, expected) in cases {
            assert_eq!(info.to_json(), expected);
        }
        let info = ErrorInfo::new(StatusCode::CONFLICT, "taken").with_public_detail(public.clone());
        assert_eq!(info.public_detail(), Some(&public));
        assert!(info.fields().is_empty());
    }

    #[test]
    fn render_fills_the_body_once_and_keeps_headers() {
        let mut response = Response::from_error(ErrorInfo::new(StatusCode::NOT_FOUND, "gone"))
            .with_header(http::header::ALLOW, HeaderValue::from_static("GET"));
        assert_eq!(response.body(), &Body::Empty);
        render(&mut response);
        assert_eq!(response.error(), None);
        assert_eq!(response.header("allow"), Some("GET"));
        assert_eq!(response.header("content-type"), Some("application/json"));
        assert_eq!(
            response.body(),
            &Body::Text(r#"{"statusCode":404,"message":"gone"}"#.into())
        );
        // A second pass has nothing left to render.
        let before = response.clone();
        render(&mut response);
        assert_eq!(response.body(), before.body());
    }
}
