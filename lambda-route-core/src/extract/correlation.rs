//! `CorrelationId`: the request's correlation id.

use std::fmt;
use std::future::{ready, Future};
use std::ops::Deref;

use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;

/// The request's correlation id, as
/// [`Request::correlation_id`](crate::Request::correlation_id) resolves it: the `x-request-id`
/// header (or the app's [`correlation_header`](crate::App::correlation_header)), else the
/// source's request id, else ALB's `X-Amzn-Trace-Id`, else a generated id. Pass it on to
/// the services a route calls, so their logs join the request's.
///
/// Never rejects.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::CorrelationId;
///
/// // #[post("/orders")]
/// fn create_order(id: CorrelationId<'_>) -> String {
///     // e.g. `.header("x-request-id", &*id)` on the call to the payment service
///     format!("order accepted, trace it as {id}")
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorrelationId<'r>(pub &'r str);

impl Deref for CorrelationId<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

impl fmt::Display for CorrelationId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl<'r> FromRequest<'r> for CorrelationId<'r> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(Ok(CorrelationId(cx.request().correlation_id())))
    }
}
