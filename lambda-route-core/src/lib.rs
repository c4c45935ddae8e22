//! The runtime of [lambda-route](https://docs.rs/lambda-route): event decoding and encoding
//! for every Lambda HTTP source, the route table, extractors, responses, and the Lambda and
//! local-server runtimes.
//!
//! Applications depend on the `lambda-route` facade, not on this crate.
//!
//! One event, end to end: [`event`] decodes the JSON once into a [`Request`];
//! [`Dispatcher::respond`] finds the route and runs its generated shim, which runs the
//! [`extract`]ors and the user's function; the result becomes a [`response::Response`]
//! ([`response::IntoResponse`]); [`event`] encodes it in the shape the source expects.

mod app;
mod codec;
pub mod event;
pub mod extract;
mod panic;
mod registry;
mod request;
pub mod response;
mod router;
pub mod runtime;

#[doc(hidden)]
pub mod __private;

pub use app::{App, Dispatcher, RouteConflict, RouteSite, StartupError};
pub use request::Request;
