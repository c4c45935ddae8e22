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
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <CorrelationId<'_>>::from_request(cx, Arg::new("id", 0)).await {
/// #             Ok(arg) => create_order(arg).into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["POST"], "/orders", shim,
/// #     lambda_route_core::registry::Location::new("create_order", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// let event = br#"{"httpMethod":"POST","path":"/orders","headers":{"x-request-id":"req-7f3a"}}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "order accepted, trace it as req-7f3a");
/// // The answer echoes it, so the client can quote it.
/// assert_eq!(answer["multiValueHeaders"]["x-request-id"][0], "req-7f3a");
/// # }
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
