//! Request observability: the correlation id every request carries, the `request` span its
//! log lines sit in, and the access log line written when it is answered.
//!
//! - **Correlation id** (`correlation.rs`): the request's `x-request-id` header (the name is
//!   [`App::correlation_header`](crate::App::correlation_header)), else the id the event
//!   source gave the request, else ALB's `X-Amzn-Trace-Id`, else a generated id. Routes read
//!   it through [`Request::correlation_id`](crate::Request::correlation_id) or the
//!   [`CorrelationId`](crate::extract::CorrelationId) extractor; the answer echoes it under
//!   the same header name, and every log line of the request carries it.
//! - **Access log** (`access.rs`): one `INFO` event per HTTP request, target
//!   `lambda_route::access`, with the fields `method`, `path`, `route`, `status`,
//!   `duration_ms`, `request_id`, `correlation_id`, `source`, `cold_start` and, when the
//!   answer carries one, `error_detail` (an [`HttpError`](crate::response::HttpError)'s
//!   private detail or an [`Error`](crate::response::Error)'s source chain). Configured with
//!   [`App::access_log`](crate::App::access_log): on, off, or sampled. A queued request (an
//!   SQS, SNS or Amazon MQ record) gets a `queued request` line on the same target, with its
//!   `queue`, `message_id` and `failed` instead of the request and Lambda ids; a failed one
//!   is always logged, at `WARN`.
//!
//! Both cost one check per request when no subscriber listens: the span and the line are
//! `tracing` callsites, and the correlation id is only looked up when something reads it or
//! the answer echoes it.

mod access;
mod correlation;
pub(crate) mod request_ids;

use http::HeaderName;

pub(crate) use access::{cold_start, enabled as access_enabled, log as log_access};
pub(crate) use correlation::{
    resolve as correlation_id, DEFAULT_HEADER as DEFAULT_CORRELATION_HEADER,
};
pub(crate) use request_ids::RequestIds;

/// The access log's setting, for [`App::access_log`](crate::App::access_log): on for every
/// request (the default), off, or for a sample of requests.
///
/// The line is a `tracing` event at `INFO` with target `lambda_route::access`, so the
/// subscriber's filter applies too: `RUST_LOG=lambda_route::access=off` silences it without a
/// rebuild.
///
/// # Examples
///
/// ```
/// use lambda_route_core::{AccessLog, App};
///
/// // One request in ten gets its line; errors (status 500 and up) always do.
/// let app = App::new().access_log(AccessLog::sampled(0.1));
/// let quiet = App::new().access_log(AccessLog::off());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AccessLog {
    /// Out of `u32::MAX`: a request is logged when a uniform draw falls below it.
    threshold: u64,
}

impl AccessLog {
    /// A line for every request: the default.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{AccessLog, App};
    ///
    /// let app = App::new().access_log(AccessLog::all());
    /// ```
    pub const fn all() -> Self {
        AccessLog { threshold: 1 << 32 }
    }

    /// No access log lines. The correlation id is still resolved, echoed and attached to the
    /// request's other log lines.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{AccessLog, App};
    ///
    /// let app = App::new().access_log(AccessLog::off());
    /// ```
    pub const fn off() -> Self {
        AccessLog { threshold: 0 }
    }

    /// A line for a `rate` share of requests (clamped to `0.0..=1.0`), drawn at random per
    /// request; a server error (500 and up) is always logged.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{AccessLog, App};
    ///
    /// let app = App::new().access_log(AccessLog::sampled(0.05));
    /// ```
    pub fn sampled(rate: f64) -> Self {
        let rate = if rate.is_nan() {
            0.0
        } else {
            rate.clamp(0.0, 1.0)
        };
        // Exact: `rate * 2^32` is at most 2^32 and fits a u64; the cast only drops the fraction.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "rate is clamped to 0..=1, so the product is in 0..=2^32"
        )]
        let threshold = (rate * 4_294_967_296.0) as u64;
        AccessLog { threshold }
    }

    /// Whether this request gets a line, given its status.
    pub(crate) fn wants(self, server_error: bool) -> bool {
        match self.threshold {
            0 => false,
            t if t >= 1 << 32 || server_error => true,
            t => u64::from(correlation::draw()) < t,
        }
    }
}

impl Default for AccessLog {
    fn default() -> Self {
        AccessLog::all()
    }
}

/// The app's observability settings, kept by the dispatcher.
#[derive(Debug, Clone)]
pub(crate) struct Observe {
    pub(crate) access_log: AccessLog,
    /// The correlation header, as the dispatcher echoes it.
    pub(crate) header: HeaderName,
    /// The same name for [`Request`](crate::Request) to look up; leaked once per app, as the
    /// app's state is.
    pub(crate) header_str: &'static str,
}

impl Default for Observe {
    fn default() -> Self {
        Observe {
            access_log: AccessLog::all(),
            header: HeaderName::from_static(correlation::DEFAULT_HEADER),
            header_str: correlation::DEFAULT_HEADER,
        }
    }
}

impl Observe {
    /// Sets the correlation header; `Err` with the reason when `name` is no header name.
    pub(crate) fn set_header(&mut self, name: &str) -> Result<(), String> {
        let header = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| format!("{name:?} is not a valid header name"))?;
        self.header_str = match header.as_str() {
            correlation::DEFAULT_HEADER => correlation::DEFAULT_HEADER,
            other => Box::leak(other.to_owned().into_boxed_str()),
        };
        self.header = header;
        Ok(())
    }
}
