//! `Html<T>`: an HTML page as the response body.

use std::borrow::Cow;

use http::HeaderValue;

use super::{Body, IntoResponse, Response};

const TEXT_HTML: HeaderValue = HeaderValue::from_static("text/html; charset=utf-8");

/// An HTML response: the body as text with `content-type: text/html; charset=utf-8`.
///
/// `T` is anything that becomes a string: `&'static str`, `String` or `Cow<'static, str>`.
/// The status is `200 OK`, or the route's `status = N`; put it in a tuple to choose another.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{Body, Html, IntoResponse};
/// use http::StatusCode;
///
/// let response = Html(format!("<h1>Hello, {}!</h1>", "world")).into_response();
/// assert_eq!(response.status(), StatusCode::OK);
/// assert_eq!(response.header("content-type"), Some("text/html; charset=utf-8"));
/// assert_eq!(response.body(), &Body::Text("<h1>Hello, world!</h1>".into()));
///
/// let missing = (StatusCode::NOT_FOUND, Html("<p>No such page</p>")).into_response();
/// assert_eq!(missing.status(), StatusCode::NOT_FOUND);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Html<T>(pub T);

impl<T: Into<Cow<'static, str>>> IntoResponse for Html<T> {
    fn into_response(self) -> Response {
        Response::default().with_body(TEXT_HTML, Body::Text(self.0.into()))
    }
}

impl<T> From<T> for Html<T> {
    fn from(page: T) -> Self {
        Html(page)
    }
}
