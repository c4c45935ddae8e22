//! Headers added to a response from a tuple: `([(name, value); N], body)` and
//! `(status, [(name, value); N], body)`.

use std::fmt::Display;

use http::{HeaderName, HeaderValue, StatusCode};

use super::{ErrorInfo, IntoResponse, Response};

/// `([(name, value); N], body)`: `body`'s response with these headers.
///
/// A name given here replaces every value of that name the body set (a `Html` or `String`
/// body's `content-type`, say); a name repeated in the array keeps every value, so several
/// `set-cookie`s survive. Names are anything that converts into a [`HeaderName`] (`HeaderName`,
/// `&'static str`, `String`), values anything that converts into a [`HeaderValue`]
/// (`HeaderValue`, `&'static str`, `String`, integers).
///
/// A name or value that is not valid in a header (a line break, say) is a bug in the route,
/// not in the request: the answer is `500 Internal server error`, with the header's name and
/// the reason logged at `error` level. It never panics.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::IntoResponse;
/// use http::header::{CACHE_CONTROL, CONTENT_TYPE};
/// use http::StatusCode;
///
/// let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_owned();
/// let response = ([(CONTENT_TYPE, "image/svg+xml"), (CACHE_CONTROL, "max-age=60")], svg)
///     .into_response();
/// assert_eq!(response.header("content-type"), Some("image/svg+xml"));
/// assert_eq!(response.header("cache-control"), Some("max-age=60"));
///
/// let bad = ([("x-note", "line\nbreak")], "body").into_response();
/// assert_eq!(bad.status(), StatusCode::INTERNAL_SERVER_ERROR);
/// ```
impl<K, V, T, const N: usize> IntoResponse for ([(K, V); N], T)
where
    K: TryInto<HeaderName>,
    K::Error: Display,
    V: TryInto<HeaderValue>,
    V::Error: Display,
    T: IntoResponse,
{
    fn into_response(self) -> Response {
        let (headers, body) = self;
        add_headers(body.into_response(), headers).unwrap_or_else(|failed| failed)
    }
}

/// `(status, [(name, value); N], body)`: as `([(name, value); N], body)`, with `status`.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::IntoResponse;
/// use http::header::LOCATION;
/// use http::StatusCode;
///
/// let response = (
///     StatusCode::CREATED,
///     [(LOCATION, "/todos/7".to_owned())],
///     r#"{"id":7}"#,
/// )
///     .into_response();
/// assert_eq!(response.status(), StatusCode::CREATED);
/// assert_eq!(response.header("location"), Some("/todos/7"));
/// ```
impl<K, V, T, const N: usize> IntoResponse for (StatusCode, [(K, V); N], T)
where
    K: TryInto<HeaderName>,
    K::Error: Display,
    V: TryInto<HeaderValue>,
    V::Error: Display,
    T: IntoResponse,
{
    fn into_response(self) -> Response {
        let (status, headers, body) = self;
        match add_headers(body.into_response(), headers) {
            Ok(response) => response.with_status(status),
            // The 500 stays a 500: the status asked for belonged to an answer never built.
            Err(failed) => failed,
        }
    }
}

/// `response` with `headers` (names given replace the response's own values of that name),
/// or the 500 answer for the first name or value that is not valid.
fn add_headers<K, V, const N: usize>(
    mut response: Response,
    headers: [(K, V); N],
) -> Result<Response, Response>
where
    K: TryInto<HeaderName>,
    K::Error: Display,
    V: TryInto<HeaderValue>,
    V::Error: Display,
{
    let mut added: Vec<(HeaderName, HeaderValue)> = Vec::with_capacity(N);
    for (name, value) in headers {
        let name = name
            .try_into()
            .map_err(|err| invalid_header("(invalid name)", &err))?;
        let value = value
            .try_into()
            .map_err(|err| invalid_header(name.as_str(), &err))?;
        added.push((name, value));
    }
    response
        .headers
        .retain(|(name, _)| !added.iter().any(|(new, _)| new == name));
    response.headers.extend(added);
    Ok(response)
}

/// The answer to a route whose response header could not be built: a `500` in the app's
/// error shape, the reason logged (the route's bug, never the client's).
pub(crate) fn invalid_header(name: &str, reason: &dyn Display) -> Response {
    tracing::error!(
        header = name,
        %reason,
        "a route's response header is not a valid header; answering 500"
    );
    Response::from_error(ErrorInfo::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Internal server error",
    ))
}

#[cfg(test)]
mod tests {
    use http::header::{CONTENT_TYPE, SET_COOKIE};

    use super::*;
    use crate::response::Body;

    #[test]
    fn names_given_replace_the_body_s_values_and_repeats_are_kept() {
        let response = (
            [
                (CONTENT_TYPE, HeaderValue::from_static("text/csv")),
                (SET_COOKIE, HeaderValue::from_static("a=1")),
                (SET_COOKIE, HeaderValue::from_static("b=2")),
            ],
            "x,y",
        )
            .into_response();
        let headers: Vec<(&str, &[u8])> = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_bytes()))
            .collect();
        assert_eq!(
            headers,
            [
                ("content-type", &b"text/csv"[..]),
                ("set-cookie", b"a=1"),
                ("set-cookie", b"b=2")
            ]
        );
        assert_eq!(response.body(), &Body::Text("x,y".into()));
    }

    #[test]
    fn invalid_names_and_values_answer_500_whatever_the_status() {
        let cases = [
            ([("bad name", "v")], "x").into_response(),
            ([("x-ok", "line\r\nbreak")], "x").into_response(),
            (StatusCode::CREATED, [("x-ok", "nul\0")], "x").into_response(),
            (
                StatusCode::CREATED,
                [
                    ("x-ok".to_owned(), "fine".to_owned()),
                    (String::new(), "v".to_owned()),
                ],
                "x",
            )
                .into_response(),
        ];
        for response in cases {
            assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
            assert_eq!(
                response.error().map(ErrorInfo::message),
                Some("Internal server error")
            );
            assert_eq!(response.header("x-ok"), None);
        }
    }

    #[test]
    fn status_tuple_sets_the_status() {
        let response = (StatusCode::ACCEPTED, [("x-job", 7_u16)], ()).into_response();
        assert_eq!(response.status(), StatusCode::ACCEPTED);
        assert_eq!(response.header("x-job"), Some("7"));
    }
}
