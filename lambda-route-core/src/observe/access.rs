//! The access log line: one `INFO` event per HTTP request, target `lambda_route::access`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use http::StatusCode;

use crate::app::RouteEntry;
use crate::request::Request;

/// True for the first request this process answers, false after: the `cold_start` field.
pub(crate) fn cold_start() -> bool {
    static SERVED: AtomicBool = AtomicBool::new(false);
    !SERVED.swap(true, Ordering::Relaxed)
}

/// Whether a subscriber listens to the access log at all: the check a request pays when none
/// does.
pub(crate) fn enabled() -> bool {
    tracing::enabled!(target: "lambda_route::access", tracing::Level::INFO)
}

/// Writes the access line for one answered request.
pub(crate) fn log(
    request: &Request<'_>,
    route: Option<&RouteEntry>,
    status: StatusCode,
    error_detail: Option<&str>,
    started: Instant,
    lambda: Option<&lambda_runtime::Context>,
    cold: bool,
) {
    let request_id = lambda
        .map(|lambda| lambda.request_id.as_str())
        .or(request.request_id());
    tracing::info!(
        target: "lambda_route::access",
        method = request.method().as_str(),
        path = request.path(),
        route = route.map_or("-", RouteEntry::template),
        status = status.as_u16(),
        duration_ms = started.elapsed().as_secs_f64() * 1000.0,
        request_id,
        correlation_id = request.correlation_id(),
        source = request.source().token(),
        cold_start = cold,
        error_detail,
        "request"
    );
}
