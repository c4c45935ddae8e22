//! Middleware: steps that wrap a route, registered app-wide with
//! [`App::middleware`](crate::App::middleware) or per route with `middleware = [..]`.
//!
//! A middleware is an `async fn(&Ctx<'_>, Next<'_>) -> Response`, or a value of a type that
//! implements [`Middleware`] (a middleware with configuration). It sees the request through
//! the [`Ctx`], may answer without calling [`Next::run`] (a short-circuit), and gets the rest
//! of the chain's [`Response`] to change or inspect afterwards.
//!
//! Order: the app's middleware first, in registration order, then the route's, in list order;
//! the route runs innermost. The response an outer middleware gets back is always a response:
//! an error the route returned, a rejected argument (422, 400) and a panic (500, in the route
//! or in an inner middleware) all come back as their error responses, rendered later in the
//! app's one JSON shape, so every outer "after" part runs. A route timeout (`timeout_ms`,
//! `App::timeout`, the invocation deadline) bounds the whole chain, middleware included.
//!
//! A middleware hands typed values to later middleware and to the route with
//! [`Ctx::provide`]; they read them with the [`Provided<T>`](crate::extract::Provided)
//! extractor or [`Ctx::provided`].
//!
//! A request whose route has no middleware, in an app with none, pays one emptiness check.
//!
//! # Examples
//!
//! ```
//! use lambda_route_core::middleware::Next;
//! use lambda_route_core::response::{HttpError, IntoResponse, Response};
//! use lambda_route_core::{App, Ctx};
//!
//! #[derive(Clone)]
//! struct CurrentUser(String);
//!
//! /// Answers 401 without a token; otherwise hands the user on to the route.
//! async fn require_auth(cx: &Ctx<'_>, next: Next<'_>) -> Response {
//!     let Some(token) = cx.request().header("authorization") else {
//!         return HttpError::unauthorized("missing token").into_response();
//!     };
//!     cx.provide(CurrentUser(token.trim_start_matches("Bearer ").to_owned()));
//!     next.run().await
//! }
//!
//! /// Adds a header to every answer, errors included.
//! async fn powered_by(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
//!     let response = next.run().await;
//!     response.with_header(
//!         http::HeaderName::from_static("x-powered-by"),
//!         http::HeaderValue::from_static("lambda-route"),
//!     )
//! }
//!
//! let app = App::new().middleware(powered_by).middleware(require_auth);
//! ```

use std::any::type_name;
use std::fmt;
use std::future::Future;

use crate::ctx::Ctx;
use crate::panic::{catch, internal_error, panic_message, CatchUnwind};
use crate::registry::BoxFuture;
use crate::response::Response;

mod provided;

pub use provided::Provided;

/// A middleware: a step that wraps the rest of the chain (later middleware and the route).
///
/// Every `async fn(&Ctx<'_>, Next<'_>) -> Response` is one (through [`MiddlewareFn`]);
/// implement this trait for a middleware with configuration, and register a value of it.
///
/// # Examples
///
/// ```
/// use lambda_route_core::middleware::{Middleware, Next};
/// use lambda_route_core::response::{HttpError, IntoResponse, Response};
/// use lambda_route_core::{App, Ctx};
///
/// /// Refuses bodies over a configured size.
/// struct MaxBody { bytes: usize }
///
/// impl Middleware for MaxBody {
///     async fn call<'r>(&'r self, cx: &'r Ctx<'r>, next: Next<'r>) -> Response {
///         if cx.request().body().len() > self.bytes {
///             return HttpError::payload_too_large("Body too large").into_response();
///         }
///         next.run().await
///     }
/// }
///
/// let app = App::new().middleware(MaxBody { bytes: 64 * 1024 });
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a middleware",
    label = "not an `async fn(&Ctx<'_>, Next<'_>) -> Response`, nor a type implementing `Middleware`",
    note = "a middleware is `async fn name(cx: &Ctx<'_>, next: Next<'_>) -> Response`, or a value of a type implementing `Middleware`"
)]
pub trait Middleware: Send + Sync + 'static {
    /// Runs this step for one request: act on `cx`, then either answer or call
    /// [`Next::run`] and act on its response.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # fn shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { lambda_route_core::response::IntoResponse::into_response("hello") })
    /// # }
    /// # const AT: Location = Location::new("hello", "my_app", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/hello", shim, AT));
    /// use lambda_route_core::middleware::{Middleware, Next};
    /// use lambda_route_core::response::{HttpError, IntoResponse, Response};
    /// use lambda_route_core::{App, Ctx};
    ///
    /// struct Maintenance { on: bool }
    ///
    /// impl Middleware for Maintenance {
    ///     async fn call<'r>(&'r self, _cx: &'r Ctx<'r>, next: Next<'r>) -> Response {
    ///         if self.on {
    ///             return HttpError::service_unavailable("back soon").into_response();
    ///         }
    ///         next.run().await
    ///     }
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let dispatcher = App::new().middleware(Maintenance { on: true }).build()?;
    /// let event = br#"{"version":"2.0","rawPath":"/hello","rawQueryString":"",
    ///   "requestContext":{"http":{"method":"GET","path":"/hello"}}}"#;
    /// let answer: serde_json::Value = serde_json::from_slice(&dispatcher.dispatch(event).await?)?;
    /// assert_eq!(answer["statusCode"], 503);
    /// # Ok(())
    /// # }
    /// ```
    fn call<'r>(
        &'r self,
        cx: &'r Ctx<'r>,
        next: Next<'r>,
    ) -> impl Future<Output = Response> + Send + 'r;

    /// The name the debug route table shows: the type's path by default (for an `async fn`,
    /// the function's path).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::middleware::{Middleware, Next};
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::Ctx;
    ///
    /// struct Audit;
    /// struct RateLimit { per_minute: u32 }
    ///
    /// impl Middleware for Audit {
    ///     async fn call<'r>(&'r self, _cx: &'r Ctx<'r>, next: Next<'r>) -> Response {
    ///         next.run().await
    ///     }
    /// }
    /// impl Middleware for RateLimit {
    ///     async fn call<'r>(&'r self, _cx: &'r Ctx<'r>, next: Next<'r>) -> Response {
    ///         next.run().await
    ///     }
    ///     fn name(&self) -> &'static str {
    ///         "rate limit"
    ///     }
    /// }
    /// assert!(Audit.name().ends_with("::Audit"));
    /// assert_eq!(RateLimit { per_minute: 60 }.name(), "rate limit");
    /// ```
    fn name(&self) -> &'static str {
        type_name::<Self>()
    }
}

/// An `async fn(&'r Ctx<'r>, Next<'r>) -> Response` as a middleware for one lifetime `'r`:
/// what lets a plain `async fn` item be registered without boxing. Implemented for every
/// such function; users never implement it.
///
/// # Examples
///
/// ```
/// use lambda_route_core::middleware::{MiddlewareFn, Next};
/// use lambda_route_core::response::Response;
/// use lambda_route_core::Ctx;
///
/// async fn pass(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
///     next.run().await
/// }
///
/// fn is_middleware<M: for<'r> MiddlewareFn<'r>>(_: M) {}
/// is_middleware(pass);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a middleware",
    label = "expected an `async fn(&Ctx<'_>, Next<'_>) -> Response`",
    note = "a middleware is `async fn name(cx: &Ctx<'_>, next: Next<'_>) -> Response`, or a value of a type implementing `Middleware`"
)]
pub trait MiddlewareFn<'r>: Send + Sync + 'static {
    /// The function's future.
    type Future: Future<Output = Response> + Send + 'r;

    /// Calls the function.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::middleware::{MiddlewareFn, Next};
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// async fn pass(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    ///     next.run().await
    /// }
    ///
    /// // `MiddlewareFn::call(&pass, cx, next)` is `pass(cx, next)`.
    /// async fn wrapped<'r>(cx: &'r Ctx<'r>, next: Next<'r>) -> Response {
    ///     MiddlewareFn::call(&pass, cx, next).await
    /// }
    /// let app = App::new().middleware(wrapped);
    /// ```
    fn call(&self, cx: &'r Ctx<'r>, next: Next<'r>) -> Self::Future;
}

impl<'r, F, Fut> MiddlewareFn<'r> for F
where
    F: Fn(&'r Ctx<'r>, Next<'r>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Response> + Send + 'r,
{
    type Future = Fut;

    fn call(&self, cx: &'r Ctx<'r>, next: Next<'r>) -> Fut {
        self(cx, next)
    }
}

impl<F> Middleware for F
where
    F: for<'r> MiddlewareFn<'r>,
{
    fn call<'r>(
        &'r self,
        cx: &'r Ctx<'r>,
        next: Next<'r>,
    ) -> impl Future<Output = Response> + Send + 'r {
        MiddlewareFn::call(self, cx, next)
    }
}

/// A [`Middleware`] behind a pointer: what the app and the route records hold. Not a public
/// API; named by generated code.
#[doc(hidden)]
pub trait DynMiddleware: Send + Sync + 'static {
    /// [`Middleware::call`], boxed.
    fn call_boxed<'r>(&'r self, cx: &'r Ctx<'r>, next: Next<'r>) -> BoxFuture<'r>;

    /// [`Middleware::name`].
    fn name(&self) -> &'static str;
}

impl<M: Middleware> DynMiddleware for M {
    fn call_boxed<'r>(&'r self, cx: &'r Ctx<'r>, next: Next<'r>) -> BoxFuture<'r> {
        Box::pin(Middleware::call(self, cx, next))
    }

    fn name(&self) -> &'static str {
        Middleware::name(self)
    }
}

impl fmt::Debug for dyn DynMiddleware {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A route's `middleware = [..]` entry, as generated code records it. Not a public API.
#[doc(hidden)]
pub const fn erase<M: Middleware>(middleware: &'static M) -> &'static dyn DynMiddleware {
    middleware
}

/// The rest of the chain after the running middleware: later middleware, then the route.
///
/// Call [`Next::run`] to pass the request on (at most once: it takes `self`), or drop it and
/// answer yourself.
///
/// # Examples
///
/// ```
/// use std::time::Instant;
/// use lambda_route_core::middleware::Next;
/// use lambda_route_core::response::Response;
/// use lambda_route_core::Ctx;
///
/// async fn timing(cx: &Ctx<'_>, next: Next<'_>) -> Response {
///     let started = Instant::now();
///     let response = next.run().await;
///     tracing::info!(route = cx.route().template(), status = response.status().as_u16(),
///         elapsed_us = started.elapsed().as_micros() as u64, "served");
///     response
/// }
/// ```
pub struct Next<'r> {
    cx: &'r Ctx<'r>,
    /// The app's middleware not yet run.
    app: &'r [Box<dyn DynMiddleware>],
    /// The route's middleware not yet run.
    route: &'static [&'static dyn DynMiddleware],
}

impl fmt::Debug for Next<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Next")
            .field("app", &self.app)
            .field("route", &self.route)
            .finish()
    }
}

impl<'r> Next<'r> {
    /// The whole chain for the context's route: `app`'s middleware, then the route's.
    pub(crate) fn new(cx: &'r Ctx<'r>, app: &'r [Box<dyn DynMiddleware>]) -> Self {
        Next {
            cx,
            app,
            route: cx.route().middleware(),
        }
    }

    /// Runs the rest of the chain and returns its response. A panic in a later middleware or
    /// in the route comes back as a 500 response (logged), an error as its error response,
    /// so the code after `.await` always runs.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "hello".into_response() })
    /// # }
    /// # const AT: Location = Location::new("hello", "my_app", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/hello", shim, AT));
    /// use lambda_route_core::middleware::Next;
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// async fn no_store(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    ///     let response = next.run().await; // the route's answer
    ///     let no_store = http::HeaderValue::from_static("no-store");
    ///     response.with_header(http::header::CACHE_CONTROL, no_store)
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let dispatcher = App::new().middleware(no_store).build()?;
    /// let event = br#"{"version":"2.0","rawPath":"/hello","rawQueryString":"",
    ///   "requestContext":{"http":{"method":"GET","path":"/hello"}}}"#;
    /// let answer: serde_json::Value = serde_json::from_slice(&dispatcher.dispatch(event).await?)?;
    /// assert_eq!(answer["body"], "hello");
    /// assert_eq!(answer["headers"]["cache-control"], "no-store");
    /// # Ok(())
    /// # }
    /// ```
    pub fn run(self) -> impl Future<Output = Response> + Send + 'r {
        let Next { cx, app, route } = self;
        let step = match app.split_first() {
            Some((first, rest)) => Some((
                &**first,
                Next {
                    cx,
                    app: rest,
                    route,
                },
            )),
            None => route.split_first().map(|(first, rest)| {
                (
                    *first,
                    Next {
                        cx,
                        app: &[],
                        route: rest,
                    },
                )
            }),
        };
        async move {
            match step {
                Some((middleware, next)) => guarded(middleware, cx, next).await,
                None => crate::app::run_route(cx.route(), cx).await,
            }
        }
    }
}

/// Runs one middleware; a panic while building or polling its future is a 500, so the
/// middleware around it still gets a response.
async fn guarded<'r>(
    middleware: &'r dyn DynMiddleware,
    cx: &'r Ctx<'r>,
    next: Next<'r>,
) -> Response {
    let future = match catch(|| middleware.call_boxed(cx, next)) {
        Ok(future) => future,
        Err(payload) => return panicked(middleware, cx, payload.as_ref()),
    };
    match CatchUnwind(future).await {
        Ok(response) => response,
        Err(payload) => panicked(middleware, cx, payload.as_ref()),
    }
}

fn panicked(
    middleware: &dyn DynMiddleware,
    cx: &Ctx<'_>,
    payload: &(dyn std::any::Any + Send),
) -> Response {
    tracing::error!(
        middleware = middleware.name(),
        route = cx.route().template(),
        panic = panic_message(payload),
        "middleware panicked; answering 500"
    );
    internal_error()
}

/// The names of a chain, for the debug route table.
pub(crate) fn names<'a>(
    app: &'a [Box<dyn DynMiddleware>],
    route: &'a [&'static dyn DynMiddleware],
) -> impl Iterator<Item = &'static str> + 'a {
    app.iter()
        .map(|m| m.name())
        .chain(route.iter().map(|m| m.name()))
}
