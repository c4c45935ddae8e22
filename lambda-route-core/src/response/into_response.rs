//! `IntoResponse` and its implementations for the standard return types.

use std::borrow::Cow;

use http::StatusCode;

use super::{Body, Response, OCTET_STREAM};

/// Turns a route's return value into a [`Response`].
///
/// Implemented for [`Response`], [`Json<T>`](crate::extract::Json), `String`, `&'static str`,
/// `Vec<u8>` (binary), `()` (204 No Content), [`StatusCode`], `(StatusCode, T)`,
/// [`HttpError`](super::HttpError), `Option<T>` (`None` is 404) and `Result<T, E>` with
/// both sides `IntoResponse`.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{HttpError, IntoResponse};
/// use http::StatusCode;
///
/// fn lookup(found: bool) -> Result<String, HttpError> {
///     if found { Ok("here".to_owned()) } else { Err(HttpError::not_found("no such thing")) }
/// }
/// assert_eq!(lookup(true).into_response().status(), StatusCode::OK);
/// assert_eq!(lookup(false).into_response().status(), StatusCode::NOT_FOUND);
/// assert_eq!((StatusCode::ACCEPTED, "queued").into_response().status(), StatusCode::ACCEPTED);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned from a route",
    label = "this type does not implement `IntoResponse`",
    note = "a route may return `Json<T>`, `String`, `&'static str`, `Vec<u8>`, `()`, `StatusCode`, \
            `(StatusCode, T)`, `HttpError`, `Response`, `Option<T>` or `Result<T, E>` \
            where `T` and `E` implement `IntoResponse`"
)]
pub trait IntoResponse {
    /// Converts `self` into a response.
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
