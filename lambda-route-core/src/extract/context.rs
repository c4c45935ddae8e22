//! `Context`: the Lambda invocation a request arrived in.

use std::fmt;
use std::future::{ready, Future};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;

/// The Lambda invocation context: request id, deadline and remaining time, function ARN,
/// name and version, X-Ray trace id.
///
/// Under Lambda it is the invocation's own context; the local server makes a plausible one
/// per request (a fresh request id, the function timeout as deadline). A dispatcher driven
/// directly with [`Dispatcher::dispatch`](crate::Dispatcher::dispatch) (tests, benchmarks) has
/// no invocation: then the ids are empty and there is no deadline.
///
/// # Examples
///
/// ```
/// # use lambda_route_core as lambda_route;
/// use lambda_route_core::extract::Context;
///
/// // #[get("/slow")]
/// async fn slow(ctx: Context<'_>) -> String {
///     match ctx.remaining_time() {
///         Some(left) if left.as_millis() < 500 => "no time left".to_owned(),
///         _ => format!("working on {}", ctx.request_id()),
///     }
/// }
/// ```
#[derive(Clone, Copy)]
pub struct Context<'r> {
    inner: &'r lambda_runtime::Context,
}

impl<'r> Context<'r> {
    /// The AWS request id of this invocation (empty outside a runtime).
    pub fn request_id(&self) -> &'r str {
        &self.inner.request_id
    }

    /// When Lambda stops the invocation, if there is a deadline.
    pub fn deadline(&self) -> Option<SystemTime> {
        (self.inner.deadline > 0).then(|| UNIX_EPOCH + Duration::from_millis(self.inner.deadline))
    }

    /// The time left before the deadline (zero once it has passed), if there is one.
    pub fn remaining_time(&self) -> Option<Duration> {
        self.deadline().map(|deadline| {
            deadline
                .duration_since(SystemTime::now())
                .unwrap_or(Duration::ZERO)
        })
    }

    /// The ARN the function was invoked with (with an alias or version when one was used).
    pub fn function_arn(&self) -> &'r str {
        &self.inner.invoked_function_arn
    }

    /// The function's name, from the execution environment.
    pub fn function_name(&self) -> &'r str {
        &self.inner.env_config.function_name
    }

    /// The function's version (`$LATEST` or a number), from the execution environment.
    pub fn function_version(&self) -> &'r str {
        &self.inner.env_config.version
    }

    /// The X-Ray trace id, when tracing is on.
    pub fn xray_trace_id(&self) -> Option<&'r str> {
        self.inner.xray_trace_id.as_deref()
    }

    /// Everything `lambda_runtime` knows of the invocation (client context, Cognito identity,
    /// tenant id, memory size, log stream, ...).
    pub fn lambda(&self) -> &'r lambda_runtime::Context {
        self.inner
    }
}

impl fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("request_id", &self.request_id())
            .field("function_arn", &self.function_arn())
            .field("deadline", &self.deadline())
            .field("xray_trace_id", &self.xray_trace_id())
            .finish()
    }
}

/// The context of "no invocation": empty ids, no deadline.
fn none() -> &'static lambda_runtime::Context {
    static NONE: OnceLock<lambda_runtime::Context> = OnceLock::new();
    NONE.get_or_init(lambda_runtime::Context::default)
}

impl<'r> FromRequest<'r> for Context<'r> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        let inner = match cx.lambda() {
            Some(lambda) => lambda,
            None => none(),
        };
        ready(Ok(Context { inner }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings() {
        let mut lambda = lambda_runtime::Context::default();
        lambda.request_id = "r-1".to_owned();
        lambda.invoked_function_arn = "arn:aws:lambda:eu-west-1:1:function:f:live".to_owned();
        lambda.xray_trace_id = Some("Root=1-a-b".to_owned());
        lambda.deadline = 1;
        let ctx = Context { inner: &lambda };
        assert_eq!(ctx.request_id(), "r-1");
        assert_eq!(
            ctx.function_arn(),
            "arn:aws:lambda:eu-west-1:1:function:f:live"
        );
        assert_eq!(ctx.xray_trace_id(), Some("Root=1-a-b"));
        assert_eq!(ctx.deadline(), Some(UNIX_EPOCH + Duration::from_millis(1)));
        // Long past: nothing left, not an underflow.
        assert_eq!(ctx.remaining_time(), Some(Duration::ZERO));

        let none = Context { inner: none() };
        assert_eq!(none.request_id(), "");
        assert_eq!(none.deadline(), None);
        assert_eq!(none.remaining_time(), None);
    }
}
