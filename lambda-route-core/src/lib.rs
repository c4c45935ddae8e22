//! The runtime of [lambda-route](https://docs.rs/lambda-route): event decoding and encoding
//! for every Lambda HTTP source, the route table, extractors, responses, and the Lambda and
//! local-server runtimes.
//!
//! Applications depend on the `lambda-route` facade, not on this crate.
//!
//! One event, end to end: [`event`] decodes the JSON once into a [`Request`];
//! [`Dispatcher::dispatch`] finds the route and runs its generated shim with a [`Ctx`], which runs the
//! [`extract`]ors and the user's function; the result becomes a [`response::Response`]
//! ([`response::IntoResponse`]); [`event`] encodes it in the shape the source expects.

mod app;
mod batch;
mod codec;
pub mod compress;
mod cors;
mod ctx;
pub mod describe;
pub mod event;
pub mod extract;
pub mod middleware;
mod observe;
pub mod openapi;
mod panic;
pub mod registry;
mod request;
pub mod response;
mod router;
pub mod runtime;

#[doc(hidden)]
pub mod __private;

/// Internals for the fuzz targets in `fuzz/` only: not public API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod __fuzz;

pub use app::TrailingSlash;
pub use app::MAX_RESPONSE_BYTES;
pub use app::{
    App, AppState, CatcherConflict, CatcherSite, Dispatcher, RouteConflict, RouteEntry, RouteSite,
    StartupError, StartupProblem,
};
pub use batch::{BatchConfig, BatchFailed, InvocationError};
pub use cors::Cors;
pub use ctx::Ctx;
pub use observe::AccessLog;
pub use request::{QueueKind, QueueMessage, Request};

/// The [`cookie`](https://docs.rs/cookie) crate, re-exported so an app need not match its
/// version: [`response::Cookie`] is its `Cookie<'static>`, and `cookie::time` holds the
/// durations and dates of `Max-Age` and `Expires`.
pub use ::cookie;

/// The [`tracing`](https://docs.rs/tracing) crate lambda-route logs with, re-exported so an
/// app's own lines (`tracing::info!`) reach the same subscriber without a version to match.
/// Lines logged inside a route carry the request's `correlation_id` (and, on Lambda, its
/// `requestId`).
pub use tracing;

/// The validation crate behind [`extract::Valid`], re-exported so an app names the version
/// lambda-route was built with: `use lambda_route::garde::Validate;`. Requires the
/// `validate` feature.
#[cfg(feature = "validate")]
pub use garde;

/// The JSON Schema crate behind the OpenAPI document ([`openapi`]), re-exported so an app
/// derives `JsonSchema` at the version lambda-route was built with:
/// `#[derive(JsonSchema)] #[schemars(crate = "lambda_route::schemars")]`. Requires the
/// `openapi` feature.
#[cfg(feature = "openapi")]
pub use schemars;
