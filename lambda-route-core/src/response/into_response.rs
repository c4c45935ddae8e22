//! `IntoResponse` and its implementations for the standard return types.

use std::borrow::Cow;

use http::StatusCode;

use super::{Body, Response, OCTET_STREAM};

/// Turns a route's return value into a [`Response`].
///
/// A route may return any of these; the status is `200 OK` unless the table says otherwise,
/// and a `200` is replaced by the route's `status = N` option.
///
/// | return type | answer |
/// |---|---|
/// | [`Json<T>`](crate::extract::Json) | `T` serialized, `application/json` |
/// | `String`, `&'static str`, `Cow<'static, str>` | the text, `text/plain; charset=utf-8` |
/// | [`Html<T>`](super::Html) | the page, `text/html; charset=utf-8` |
/// | `Vec<u8>`, `&'static [u8]` | the bytes, `application/octet-stream` (base64 on the wire) |
/// | `()` | `204 No Content` |
/// | [`StatusCode`] | that status, no body |
/// | [`Redirect`](super::Redirect) | `303`, `307` or `308` with `Location` |
/// | `(StatusCode, T)` | `T`'s answer with that status |
/// | `([(name, value); N], T)` | `T`'s answer with these headers (a name given replaces `T`'s own) |
/// | `(StatusCode, [(name, value); N], T)` | both |
/// | [`HttpError`](super::HttpError), [`ErrorInfo`](super::ErrorInfo) | the error status, JSON error body |
/// | `Option<T>` | `T`'s answer, or `404` for `None` |
/// | `Result<T, E>` | `T`'s answer or `E`'s |
/// | [`Response`] | itself: any status, headers, cookies ([`Response::with_cookie`]) and body |
///
/// Header names convert into a [`HeaderName`](http::HeaderName) (`HeaderName`, `&str`,
/// `String`), values into a [`HeaderValue`](http::HeaderValue) (`HeaderValue`, `&str`,
/// `String`, integers). A name or value that is not valid in a header answers `500` with
/// the reason logged, never a panic.
///
/// Whatever the body's Rust type, its `content-type` decides how it travels: text types
/// (`text/*`, JSON, XML, JavaScript, YAML, `+json` / `+xml` / `+yaml`) go out as text,
/// every other type base64-encoded. So a `String` sent as `image/png` is base64, and bytes
/// sent as `text/csv` are text if they are UTF-8 (base64 if not: never a lossy body).
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Json;
/// use lambda_route_core::response::{Cookie, Html, HttpError, IntoResponse, Redirect, Response};
/// use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
/// use http::StatusCode;
///
/// // A typed body; an error on the other side of a `Result`.
/// fn lookup(found: bool) -> Result<Json<Vec<u32>>, HttpError> {
///     if found { Ok(Json(vec![1, 2])) } else { Err(HttpError::not_found("no such list")) }
/// }
/// assert_eq!(lookup(true).into_response().status(), StatusCode::OK);
/// assert_eq!(lookup(false).into_response().status(), StatusCode::NOT_FOUND);
///
/// // A status with any body.
/// assert_eq!((StatusCode::ACCEPTED, "queued").into_response().status(), StatusCode::ACCEPTED);
/// assert_eq!(().into_response().status(), StatusCode::NO_CONTENT);
///
/// // HTML and redirects.
/// let page = Html("<h1>Todos</h1>").into_response();
/// assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
/// let after_post = Redirect::to("/todos/7").into_response();
/// assert_eq!(after_post.status(), StatusCode::SEE_OTHER);
///
/// // Headers from a tuple: a CSV file with a download name.
/// let csv = (
///     StatusCode::OK,
///     [(CONTENT_TYPE, "text/csv"), (CONTENT_DISPOSITION, "attachment; filename=\"todos.csv\"")],
///     "id,title\n7,milk\n",
/// )
///     .into_response();
/// assert_eq!(csv.header("content-type"), Some("text/csv"));
///
/// // Cookies on a full `Response`.
/// let signed_in = Response::text("welcome")
///     .with_cookie(Cookie::build(("session", "abc")).path("/").http_only(true));
/// assert_eq!(signed_in.header("set-cookie"), Some("session=abc; HttpOnly; Path=/"));
///
/// // `None` is a 404.
/// assert_eq!(None::<String>.into_response().status(), StatusCode::NOT_FOUND);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned from a route",
    label = "this type does not implement `IntoResponse`",
    note = "a route may return `Json<T>`, `Html<T>`, `String`, `&'static str`, `Vec<u8>`, `()`, \
            `StatusCode`, `Redirect`, `(StatusCode, T)`, `([(HeaderName, V); N], T)`, \
            `(StatusCode, [(HeaderName, V); N], T)`, `HttpError`, `Response`, `Option<T>` or \
            `Result<T, E>` where `T` and `E` implement `IntoResponse`"
)]
pub trait IntoResponse {
    /// Converts `self` into a response.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{IntoResponse, Response};
    /// use http::{header, HeaderValue, StatusCode};
    ///
    /// /// A job accepted for later: 202 with its id in a `Location` header.
    /// struct Accepted(u64);
    ///
    /// impl IntoResponse for Accepted {
    ///     fn into_response(self) -> Response {
    ///         Response::text(format!("job {}", self.0))
    ///             .with_status(StatusCode::ACCEPTED)
    ///             .with_header(header::LOCATION, HeaderValue::try_from(format!("/jobs/{}", self.0)).unwrap())
    ///     }
    /// }
    ///
    /// let response = Accepted(7).into_response();
    /// assert_eq!(response.status(), StatusCode::ACCEPTED);
    /// assert_eq!(response.header("location"), Some("/jobs/7"));
    /// assert_eq!("created".into_response().status(), StatusCode::OK);
    /// ```
    fn into_response(self) -> Response;
}

impl IntoResponse for Response {
    fn into_response(self) -> Response {
        self
    }
}

impl IntoResponse for &'static str {
    fn into_response(self) -> Response {
        Response::text(self)
    }
}

impl IntoResponse for String {
    fn into_response(self) -> Response {
        Response::text(self)
    }
}

impl IntoResponse for Cow<'static, str> {
    fn into_response(self) -> Response {
        Response::text(self)
    }
}

impl IntoResponse for Vec<u8> {
    fn into_response(self) -> Response {
        Response::binary(OCTET_STREAM, self)
    }
}

impl IntoResponse for &'static [u8] {
    fn into_response(self) -> Response {
        Response::binary(OCTET_STREAM, self)
    }
}

/// `204 No Content`, or the route's `status = N` if it sets one.
impl IntoResponse for () {
    fn into_response(self) -> Response {
        Response::default().with_default_status(StatusCode::NO_CONTENT)
    }
}

impl IntoResponse for StatusCode {
    fn into_response(self) -> Response {
        Response::new(self)
    }
}

impl IntoResponse for Body {
    fn into_response(self) -> Response {
        match self {
            Body::Empty => Response::default(),
            Body::Text(text) => Response::text(text),
            Body::Binary(bytes) => Response::binary(OCTET_STREAM, bytes),
        }
    }
}

impl<T: IntoResponse> IntoResponse for (StatusCode, T) {
    fn into_response(self) -> Response {
        self.1.into_response().with_status(self.0)
    }
}

impl<T: IntoResponse, E: IntoResponse> IntoResponse for Result<T, E> {
    fn into_response(self) -> Response {
        match self {
            Ok(value) => value.into_response(),
            Err(err) => err.into_response(),
        }
    }
}

/// `None` answers `404 Not Found` with the standard JSON error body.
impl<T: IntoResponse> IntoResponse for Option<T> {
    fn into_response(self) -> Response {
        match self {
            Some(value) => value.into_response(),
            None => super::HttpError::not_found("Not found").into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        let cases: [(Response, StatusCode); 7] = [
            ("x".into_response(), StatusCode::OK),
            (String::new().into_response(), StatusCode::OK),
            (().into_response(), StatusCode::NO_CONTENT),
            (
                StatusCode::IM_A_TEAPOT.into_response(),
                StatusCode::IM_A_TEAPOT,
            ),
            (
                (StatusCode::CREATED, "x").into_response(),
                StatusCode::CREATED,
            ),
            (Ok::<_, StatusCode>("x").into_response(), StatusCode::OK),
            (None::<String>.into_response(), StatusCode::NOT_FOUND),
        ];
        for (response, status) in cases {
            assert_eq!(response.status(), status);
        }
    }

    #[test]
    fn route_status_replaces_only_default_statuses() {
        let mut implicit = "x".into_response();
        implicit.apply_default_status(StatusCode::CREATED);
        assert_eq!(implicit.status(), StatusCode::CREATED);

        let mut unit = ().into_response();
        unit.apply_default_status(StatusCode::CREATED);
        assert_eq!(unit.status(), StatusCode::CREATED);

        let mut explicit = (StatusCode::ACCEPTED, "x").into_response();
        explicit.apply_default_status(StatusCode::CREATED);
        assert_eq!(explicit.status(), StatusCode::ACCEPTED);
    }
}
