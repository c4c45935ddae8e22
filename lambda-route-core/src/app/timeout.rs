//! Route timeouts: `App::timeout`, the route option `timeout_ms = N`, and the invocation
//! deadline less a margin. A route past its limit is dropped and answered 504.

use std::future::Future;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::StatusCode;

use super::RouteEntry;
use crate::response::{ErrorInfo, Response};

/// The default margin kept before the invocation deadline: time to encode and post the 504.
pub(crate) const DEFAULT_MARGIN: Duration = Duration::from_millis(250);

/// The app's timeout settings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timeouts {
    /// `App::timeout`.
    pub(crate) app: Option<Duration>,
    /// `App::timeout_margin`.
    pub(crate) margin: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            app: None,
            margin: DEFAULT_MARGIN,
        }
    }
}

impl Timeouts {
    /// How long the route may run: its `timeout_ms`, else the app's timeout, both capped by
    /// the invocation deadline less the margin. `None`, and no timer, when there is neither a
    /// configured timeout nor a deadline (`Dispatcher::dispatch`, or a context without one),
    /// and outside a tokio runtime (a bare executor, as in the benchmarks), where no timer
    /// can exist: the route then runs unbounded rather than panicking.
    pub(crate) fn limit(
        &self,
        entry: &RouteEntry,
        lambda: Option<&lambda_runtime::Context>,
    ) -> Option<Duration> {
        let configured = entry.timeout().or(self.app);
        // A deadline of 0 is `Context::default()`'s: no deadline.
        let deadline = lambda
            .map(|cx| cx.deadline)
            .filter(|ms| *ms != 0)
            .map(|ms| remaining(ms, self.margin));
        let limit = match (configured, deadline) {
            (Some(configured), Some(deadline)) => Some(configured.min(deadline)),
            (configured, deadline) => configured.or(deadline),
        };
        limit.filter(|_| tokio::runtime::Handle::try_current().is_ok())
    }
}

/// Time left before `deadline_ms` (milliseconds since the epoch) less `margin`; zero when it
/// has passed.
fn remaining(deadline_ms: u64, margin: Duration) -> Duration {
    let deadline = UNIX_EPOCH + Duration::from_millis(deadline_ms);
    deadline
        .duration_since(SystemTime::now())
        .unwrap_or_default()
        .saturating_sub(margin)
}

/// Runs `route` for at most `limit`; past it the route's future is dropped and the answer is
/// the 504 error, which then goes through the error funnel like any other. Only called
/// inside a tokio runtime ([`Timeouts::limit`]).
pub(crate) async fn bounded(
    route: impl Future<Output = Response>,
    limit: Duration,
    entry: &RouteEntry,
) -> Response {
    match tokio::time::timeout(limit, route).await {
        Ok(response) => response,
        Err(_) => {
            tracing::error!(
                route = entry.template(),
                function = entry.site().function,
                timeout_ms = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX),
                "route timed out; answered 504"
            );
            gateway_timeout()
        }
    }
}

/// `504 {"statusCode":504,"message":"Gateway timeout"}`.
pub(crate) fn gateway_timeout() -> Response {
    Response::from_error(ErrorInfo::new(
        StatusCode::GATEWAY_TIMEOUT,
        "Gateway timeout",
    ))
}
