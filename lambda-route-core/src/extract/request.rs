//! `&Request`: the whole decoded request as a route argument.

use std::future::{ready, Future};

use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;
use crate::request::Request;

/// The whole decoded request, borrowed for as long as the request is served.
///
/// # Examples
///
/// ```
/// # use lambda_route_core as lambda_route;
/// use lambda_route_core::Request;
///
/// // #[get("/echo")]
/// fn echo(request: &Request<'_>) -> String {
///     format!("{} {}", request.method(), request.path())
/// }
/// ```
impl<'r> FromRequest<'r> for &'r Request<'r> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(Ok(cx.request()))
    }
}
