#![doc = include_str!("../../README.md")]

pub use lambda_route_core::{describe, event, extract, registry, response, runtime};
pub use lambda_route_core::{
    App, AppState, Ctx, Dispatcher, Request, RouteConflict, RouteEntry, RouteSite, StartupError,
    StartupProblem,
};
pub use lambda_route_macros::{delete, get, head, lambda_main, options, patch, post, put, route};

pub use extract::Json;
pub use response::{HttpError, IntoResponse, Response};

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

/// HTTP types used in route signatures and responses, re-exported from the `http` crate.
pub use http::{self, header, HeaderName, HeaderValue, Method, StatusCode};

/// Everything a typical route module needs: `use lambda_route::prelude::*;`.
pub mod prelude {
    #[cfg(feature = "validate")]
    pub use crate::extract::Valid;
    pub use crate::extract::{Arg, Context, FromRequest, Json, Query, Rejection, State};
    pub use crate::response::{HttpError, IntoResponse, Response};
    pub use crate::{delete, get, head, lambda_main, options, patch, post, put, route};
    pub use crate::{App, Ctx, Request, StatusCode};
}

#[doc(hidden)]
pub mod __private {
    pub use lambda_route_core::__private::*;
}
