//! `Redirect`: a `3xx` answer with a `Location` header.

use http::header::LOCATION;
use http::{HeaderValue, StatusCode};

use super::headers::invalid_header;
use super::{IntoResponse, Response};

/// A redirect: an empty response with a redirect status and a `Location` header.
///
/// | constructor | status | the client's next request |
/// |---|---|---|
/// | [`Redirect::to`] | `303 See Other` | a `GET` (after a form `POST`, say) |
/// | [`Redirect::temporary`] | `307 Temporary Redirect` | the same method and body |
/// | [`Redirect::permanent`] | `308 Permanent Redirect` | the same method and body, cacheable |
///
/// The location is sent as given: a path (`/todos/7`) or an absolute URL. A location that
/// cannot be a header value (it holds a line break or another control character) is a bug in
/// the route: the answer is `500 Internal server error` with the reason logged, never a panic.
/// The route's `status = N` option does not apply: the redirect's status is chosen on purpose.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{IntoResponse, Redirect};
/// use http::StatusCode;
///
/// let response = Redirect::to("/todos/7").into_response();
/// assert_eq!(response.status(), StatusCode::SEE_OTHER);
/// assert_eq!(response.header("location"), Some("/todos/7"));
///
/// let moved = Redirect::permanent("https://example.com/new");
/// assert_eq!(moved.status(), StatusCode::PERMANENT_REDIRECT);
/// assert_eq!(moved.location(), Some("https://example.com/new"));
///
/// let broken = Redirect::temporary("/a\r\nSet-Cookie: x=1");
/// assert_eq!(broken.location(), None);
/// assert_eq!(broken.into_response().status(), StatusCode::INTERNAL_SERVER_ERROR);
/// ```
#[derive(Debug, Clone)]
pub struct Redirect {
    status: StatusCode,
    /// The header value, or the location that could not be one (for the log).
    location: Result<HeaderValue, String>,
}

impl Redirect {
    /// `303 See Other` to `location`: the client follows with a `GET`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{IntoResponse, Redirect};
    /// use http::StatusCode;
    ///
    /// // After a form POST, send the browser to the new resource with a GET.
    /// let response = Redirect::to("/todos/7").into_response();
    /// assert_eq!(response.status(), StatusCode::SEE_OTHER);
    /// assert_eq!(response.header("location"), Some("/todos/7"));
    /// ```
    pub fn to(location: &str) -> Self {
        Redirect::with_status(StatusCode::SEE_OTHER, location)
    }

    /// `307 Temporary Redirect` to `location`: the client repeats the same method and body.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{IntoResponse, Redirect};
    /// use http::StatusCode;
    ///
    /// let response = Redirect::temporary("https://eu.example.com/upload").into_response();
    /// assert_eq!(response.status(), StatusCode::TEMPORARY_REDIRECT);
    /// assert_eq!(response.header("location"), Some("https://eu.example.com/upload"));
    /// ```
    pub fn temporary(location: &str) -> Self {
        Redirect::with_status(StatusCode::TEMPORARY_REDIRECT, location)
    }

    /// `308 Permanent Redirect` to `location`: the same method and body, and the client may
    /// remember it.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{IntoResponse, Redirect};
    /// use http::StatusCode;
    ///
    /// let response = Redirect::permanent("/v2/todos").into_response();
    /// assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    /// assert_eq!(response.header("location"), Some("/v2/todos"));
    /// ```
    pub fn permanent(location: &str) -> Self {
        Redirect::with_status(StatusCode::PERMANENT_REDIRECT, location)
    }

    fn with_status(status: StatusCode, location: &str) -> Self {
        Redirect {
            status,
            location: HeaderValue::try_from(location).map_err(|_| location.to_owned()),
        }
    }

    /// The redirect status.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Redirect;
    /// use http::StatusCode;
    ///
    /// assert_eq!(Redirect::to("/").status(), StatusCode::SEE_OTHER);
    /// assert_eq!(Redirect::temporary("/").status(), StatusCode::TEMPORARY_REDIRECT);
    /// assert_eq!(Redirect::permanent("/").status(), StatusCode::PERMANENT_REDIRECT);
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The `Location` value, or `None` when the location given is not a valid header value.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Redirect;
    ///
    /// assert_eq!(Redirect::to("/caf\u{e9}").location(), Some("/caf\u{e9}"));
    /// // A line break cannot be sent in a header: no location, and the answer is a 500.
    /// assert_eq!(Redirect::to("/a\nSet-Cookie: x=1").location(), None);
    /// ```
    pub fn location(&self) -> Option<&str> {
        // Built from a `&str`, so UTF-8 (`to_str` would refuse anything past ASCII).
        self.location
            .as_ref()
            .ok()
            .and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
    }
}

impl IntoResponse for Redirect {
    fn into_response(self) -> Response {
        match self.location {
            Ok(location) => Response::new(self.status).with_header(LOCATION, location),
            Err(location) => invalid_header(
                "location",
                &format_args!("redirect target {location:?} holds a control character"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_locations() {
        let cases = [
            (Redirect::to("/a"), StatusCode::SEE_OTHER, "/a"),
            (
                Redirect::temporary("https://example.com/b?c=d"),
                StatusCode::TEMPORARY_REDIRECT,
                "https://example.com/b?c=d",
            ),
            (
                Redirect::permanent("/caf\u{e9}"),
                StatusCode::PERMANENT_REDIRECT,
                "/caf\u{e9}",
            ),
        ];
        for (redirect, status, location) in cases {
            let mut response = redirect.into_response();
            // A route's `status = 201` must not turn a redirect into a 201.
            response.apply_default_status(StatusCode::CREATED);
            assert_eq!(response.status(), status);
            let sent = response.headers().first().map(|(n, v)| (n, v.as_bytes()));
            assert_eq!(sent, Some((&LOCATION, location.as_bytes())));
            assert_eq!(response.headers().len(), 1);
        }
    }

    #[test]
    fn control_characters_answer_500() {
        for location in ["/a\nb", "/a\rb", "/\0", "/\u{7f}"] {
            let response = Redirect::to(location).into_response();
            assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
            assert_eq!(response.header("location"), None);
        }
    }
}
