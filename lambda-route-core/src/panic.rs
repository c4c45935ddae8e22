//! A panicking route answers 500 and the runtime goes on to the next event.

use std::any::Any;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::task::{Context, Poll};

use http::StatusCode;

use crate::response::{ErrorInfo, Response};

/// Polls a future, turning a panic during any poll into `Err(payload)`.
pub(crate) struct CatchUnwind<F>(pub(crate) F);

impl<F: Future + Unpin> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // AssertUnwindSafe: after a panic the future is dropped, never polled again, so no
        // broken invariant inside it can be observed.
        let inner = &mut self.0;
        match catch_unwind(AssertUnwindSafe(|| Pin::new(inner).poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(value)) => Poll::Ready(Ok(value)),
            Err(payload) => Poll::Ready(Err(payload)),
        }
    }
}

/// Logs the panic (never sent to the client) and answers 500.
pub(crate) fn panic_response(route: &str, payload: &(dyn Any + Send)) -> Response {
    let message = panic_message(payload);
    tracing::error!(route, panic = message, "route panicked; answering 500");
    internal_error()
}

/// The text a panic was raised with, for the log.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("non-string panic payload")
}

pub(crate) fn internal_error() -> Response {
    Response::from_error(ErrorInfo::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Internal server error",
    ))
}

/// Runs `f`, catching a panic.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Box<dyn Any + Send>> {
    catch_unwind(AssertUnwindSafe(f))
}
