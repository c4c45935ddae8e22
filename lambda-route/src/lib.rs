#![doc = include_str!("../README.md")]

pub use lambda_route_core::MAX_RESPONSE_BYTES;
pub use lambda_route_core::{
    compress, cookie, describe, event, extract, middleware, openapi, registry, response, runtime,
};
pub use lambda_route_core::{
    AccessLog, App, AppState, CatcherConflict, CatcherSite, Cors, Ctx, Dispatcher, Request,
    RouteConflict, RouteEntry, RouteSite, StartupError, StartupProblem, TrailingSlash,
};
pub use lambda_route_core::{BatchConfig, BatchFailed, InvocationError, QueueKind, QueueMessage};
pub use lambda_route_macros::{
    catch, delete, get, head, lambda_main, options, patch, post, put, route,
};

pub use extract::Json;
pub use response::{Cookie, Error, Html, HttpError, IntoResponse, Redirect, Response, SameSite};

/// The validation crate behind [`Valid`](extract::Valid), at the version lambda-route was
/// built with (garde 0.22). Requires the `validate` feature.
///
/// garde's derive writes `::garde::...` paths, so an app that derives `Validate` also lists
/// `garde = { version = "0.22", features = ["derive"] }` in its `Cargo.toml`; Cargo then
/// builds one garde, the one re-exported here. See [`Valid`](extract::Valid).
///
/// ```
/// use lambda_route::garde::Validate;
///
/// #[derive(Validate)]
/// struct Tag(#[garde(length(min = 1))] String);
///
/// assert!(Tag(String::new()).validate().is_err());
/// ```
#[cfg(feature = "validate")]
pub use lambda_route_core::garde;

/// The [`tracing`](https://docs.rs/tracing) crate, for an app's own log lines: they go to the
/// subscriber `#[lambda_main]` installs (JSON with `AWS_LAMBDA_LOG_FORMAT=JSON`) and, inside a
/// route, carry the request's `correlation_id`.
///
/// # Examples
///
/// ```
/// use lambda_route::prelude::*;
/// use lambda_route::tracing;
///
/// #[get("/todos/<id>")]
/// fn todo(id: u64) -> String {
///     tracing::info!(id, "loading todo");
///     format!("todo {id}")
/// }
/// ```
pub use lambda_route_core::tracing;

/// The JSON Schema crate behind the OpenAPI document, at the version lambda-route was built
/// with (schemars 1). Requires the `openapi` feature (on by default).
///
/// Derive `JsonSchema` on the bodies and answers of your routes; without it a type is
/// documented untyped. `crate = ..` points the derive here, so the app need not list
/// schemars itself:
///
/// ```
/// use lambda_route::schemars::{self, JsonSchema};
///
/// #[derive(JsonSchema)]
/// #[schemars(crate = "lambda_route::schemars")]
/// struct Todo { id: u64, title: String }
///
/// let schema = schemars::schema_for!(Todo);
/// assert_eq!(schema.get("type").and_then(|t| t.as_str()), Some("object"));
/// ```
#[cfg(feature = "openapi")]
pub use lambda_route_core::schemars;

/// HTTP types used in route signatures and responses, re-exported from the `http` crate.
pub use http::{self, header, HeaderName, HeaderValue, Method, StatusCode};

pub mod testing;

/// Everything a typical route module needs: `use lambda_route::prelude::*;`.
pub mod prelude {
    #[cfg(feature = "validate")]
    pub use crate::extract::Valid;
    pub use crate::extract::{
        Arg, Authorizer, Bytes, Claims, Context, Cookies, CorrelationId, Form, FromRequest,
        Headers, Json, Provided, Query, Rejection, State, Text,
    };
    pub use crate::middleware::{Middleware, Next};
    #[cfg(feature = "openapi")]
    pub use crate::openapi::{OpenApi, SecurityScheme};
    pub use crate::response::{
        Cookie, Error, Html, HttpError, IntoResponse, Redirect, Response, SameSite,
    };
    pub use crate::AccessLog;
    pub use crate::Cors;
    pub use crate::TrailingSlash;
    pub use crate::{catch, delete, get, head, lambda_main, options, patch, post, put, route};
    pub use crate::{header, HeaderName, HeaderValue};
    pub use crate::{App, Ctx, Request, StatusCode};
    pub use crate::{BatchConfig, QueueKind, QueueMessage};
}

#[doc(hidden)]
pub mod __private {
    pub use lambda_route_core::__private::*;
}
