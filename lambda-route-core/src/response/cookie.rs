//! Cookies a response sets: the `cookie` crate's `Cookie`, sent as `Set-Cookie` headers.
//!
//! Each cookie is one `set-cookie` header of the [`Response`]; every event source's encoder
//! sends all of them (v1 `multiValueHeaders`, v2 and Function URL `cookies`, ALB and Lattice
//! through case-variant header names).

use http::header::SET_COOKIE;
use http::HeaderValue;

use super::headers::invalid_header;
use super::Response;

/// An HTTP cookie to set: the [`cookie`](::cookie) crate's `Cookie<'static>`.
///
/// Build one with `Cookie::new(name, value)` or `Cookie::build((name, value))` and its
/// attributes: `path`, `domain`, `max_age`, `expires`, `secure`, `http_only` and
/// `same_site` ([`SameSite`]). Durations and dates are the `time` crate's, re-exported as
/// `cookie::time`. Set it with [`Response::with_cookie`].
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{Cookie, Response, SameSite};
/// use lambda_route_core::cookie::time::Duration;
///
/// let session = Cookie::build(("session", "abc123"))
///     .path("/")
///     .max_age(Duration::hours(1))
///     .http_only(true)
///     .secure(true)
///     .same_site(SameSite::Lax);
/// let response = Response::text("signed in").with_cookie(session);
/// assert_eq!(
///     response.header("set-cookie"),
///     Some("session=abc123; HttpOnly; SameSite=Lax; Secure; Path=/; Max-Age=3600")
/// );
/// ```
pub type Cookie = ::cookie::Cookie<'static>;

pub use ::cookie::SameSite;

impl Response {
    /// Adds a `Set-Cookie` header for `cookie`; call it once per cookie, every one is sent.
    ///
    /// The cookie is written as the `cookie` crate formats it, name and value as given (no
    /// percent-encoding). A cookie that cannot be a header value (a name or value with a line
    /// break or another control character) is a bug in the route: the response becomes
    /// `500 Internal server error`, with the cookie's name logged, never a panic. A later
    /// [`with_body`](Response::with_body) replaces that answer, so set cookies after the body.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{Cookie, Response};
    /// use http::StatusCode;
    ///
    /// let response = Response::text("hello")
    ///     .with_cookie(Cookie::new("theme", "dark"))
    ///     .with_cookie(Cookie::build(("lang", "en")).path("/"));
    /// let set: Vec<&str> = response
    ///     .headers()
    ///     .iter()
    ///     .filter(|(name, _)| name == "set-cookie")
    ///     .filter_map(|(_, value)| value.to_str().ok())
    ///     .collect();
    /// assert_eq!(set, ["theme=dark", "lang=en; Path=/"]);
    ///
    /// let broken = Response::text("hello").with_cookie(Cookie::new("x", "a\nb"));
    /// assert_eq!(broken.status(), StatusCode::INTERNAL_SERVER_ERROR);
    /// ```
    pub fn with_cookie(mut self, cookie: impl Into<Cookie>) -> Self {
        let cookie = cookie.into();
        match HeaderValue::try_from(cookie.to_string()) {
            Ok(value) => {
                self.headers.push((SET_COOKIE, value));
                self
            }
            Err(err) => invalid_header(
                "set-cookie",
                &format_args!("cookie {:?}: {err}", cookie.name()),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use ::cookie::time::{Duration, OffsetDateTime};
    use ::cookie::Expiration;
    use http::StatusCode;

    use super::*;

    fn set_cookies(response: &Response) -> Vec<&str> {
        response
            .headers()
            .iter()
            .filter(|(name, _)| *name == SET_COOKIE)
            .filter_map(|(_, value)| std::str::from_utf8(value.as_bytes()).ok())
            .collect()
    }

    #[test]
    fn every_attribute_is_written() {
        let expires = OffsetDateTime::from_unix_timestamp(1_700_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let response = Response::text("x")
            .with_cookie(
                Cookie::build(("id", "a3fWa"))
                    .domain("example.com")
                    .path("/docs")
                    .expires(Expiration::DateTime(expires))
                    .secure(true)
                    .http_only(true)
                    .same_site(SameSite::Strict),
            )
            .with_cookie(Cookie::build(("gone", "")).max_age(Duration::ZERO))
            .with_cookie(
                Cookie::build(("cross", "1"))
                    .same_site(SameSite::None)
                    .secure(true),
            )
            .with_cookie(Cookie::new("caf\u{e9}", "cr\u{e8}me"));
        assert_eq!(
            set_cookies(&response),
            [
                "id=a3fWa; HttpOnly; SameSite=Strict; Secure; Path=/docs; Domain=example.com; Expires=Tue, 14 Nov 2023 22:13:20 GMT",
                "gone=; Max-Age=0",
                "cross=1; SameSite=None; Secure",
                "caf\u{e9}=cr\u{e8}me",
            ]
        );
        assert_eq!(response.status(), StatusCode::OK);
    }

    #[test]
    fn control_characters_answer_500() {
        for cookie in [Cookie::new("a", "b\r\nc"), Cookie::new("a\0", "b")] {
            let response = Response::text("x").with_cookie(cookie);
            assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
            assert!(set_cookies(&response).is_empty());
        }
    }
}
