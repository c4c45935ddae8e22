//! Extractors: how route arguments are read from a [`Request`].
//!
//! An argument named after a `<param>` in the route path is parsed from that segment with
//! [`FromPathParam`]. Every other argument's type implements [`FromRequest`]. All arguments
//! are extracted before the route runs; every failure is collected into one answer (422 with
//! a `detail` entry per failure, or the first non-422 rejection such as 400 for malformed
//! JSON), and the route is not called.

use crate::request::Request;

mod json;
mod path;
mod rejection;

pub use json::Json;
pub use path::FromPathParam;
pub use path::PathParams;
pub(crate) use path::{path_param, MAX_PARAMS};
pub use rejection::Rejections;
pub use rejection::{FieldError, Rejection};

/// A route argument read from the request (anything but a path parameter).
///
/// Implement it for your own types to make them route arguments.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::{FromRequest, Rejection};
/// use lambda_route_core::Request;
///
/// /// The caller's API key, required.
/// struct ApiKey(String);
///
/// impl FromRequest for ApiKey {
///     fn from_request(request: &Request<'_>) -> Result<Self, Rejection> {
///         request
///             .header("x-api-key")
///             .map(|key| ApiKey(key.to_owned()))
///             .ok_or_else(|| Rejection::field(["header", "x-api-key"], "missing", "header is required"))
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is neither a path parameter of this route nor an extractor",
    label = "not a `<param>` of the route path, and `{Self}` does not implement `FromRequest`",
    note = "an argument is either named after a `<param>` in the route path (its type implements `FromStr`), \
            or its type is an extractor: `Json<T>`, or your own type implementing `FromRequest`"
)]
pub trait FromRequest: Sized {
    /// Reads `Self` from the request.
    ///
    /// # Errors
    ///
    /// A [`Rejection`] that answers the request instead of the route.
    fn from_request(request: &Request<'_>) -> Result<Self, Rejection>;
}

/// Runs one extractor, recording its rejection. Called by generated code.
pub(crate) fn extract<T: FromRequest>(
    request: &Request<'_>,
    rejections: &mut Rejections,
) -> Option<T> {
    match T::from_request(request) {
        Ok(value) => Some(value),
        Err(rejection) => {
            rejections.push(rejection);
            None
        }
    }
}
