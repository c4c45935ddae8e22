//! Extractors: how route arguments are read from a [`Request`](crate::Request) and its
//! [`Ctx`].
//!
//! An argument named after a `<param>` in the route path is parsed from that segment with
//! [`FromPathParam`]. Every other argument's type implements [`FromRequest`]. All arguments
//! are extracted before the route runs; every failure is collected into one answer (422 with
//! a `detail` entry per failure, or the first non-422 rejection such as 400 for malformed
//! JSON), and the route is not called.

use std::future::Future;

use crate::app::{AppState, StartupProblem};
use crate::ctx::Ctx;
use crate::describe::Operation;

mod arg;
mod authorizer;
mod body;
mod context;
mod cookies;
mod correlation;
mod de;
mod form;
mod headers;
mod json;
mod param;
mod path;
mod query;
mod rejection;
mod request;
mod state;
#[cfg(feature = "validate")]
mod valid;
#[cfg(feature = "validate")]
mod wire;

pub use crate::middleware::Provided;
pub use crate::response::{FieldError, LocSegment};
pub use crate::router::PathParams;
pub use arg::Arg;
pub use authorizer::{Authorizer, AuthorizerError, Claims};
pub use body::{Bytes, Text};
pub use context::Context;
pub use cookies::Cookies;
pub use correlation::CorrelationId;
pub use form::Form;
pub use headers::Headers;
pub use json::Json;
#[doc(hidden)]
pub use param::FromParam;
pub(crate) use param::{
    list as param_list, optional as param_optional, required as param_required,
};
pub(crate) use path::path_param;
pub use path::FromPathParam;
pub use query::Query;
pub use rejection::Rejection;
pub use rejection::Rejections;
pub use state::State;
#[cfg(feature = "validate")]
pub use valid::{Valid, ValidInput};

/// A route argument read from the request (anything but a path parameter).
///
/// Implement it for your own types to make them route arguments. An extractor:
/// - reads what it needs from the [`Ctx`]: the request, path parameters, application
///   state, the Lambda context, per-request values, the matched route;
/// - may be asynchronous, and may borrow from the request for `'r`;
/// - knows which argument it fills ([`Arg`]: the name and position in the route function);
/// - may refuse to let the app start ([`FromRequest::check`]), so a misconfiguration fails
///   the cold start instead of every request;
/// - may describe itself ([`FromRequest::describe`]) for generated API documents.
///
/// Every argument is extracted before the route runs; all rejections of one request are
/// answered together (see [`Rejection`]).
///
/// # Examples
///
/// ```
/// use std::future::{ready, Future};
/// use lambda_route_core::extract::{Arg, FromRequest, Rejection};
/// use lambda_route_core::describe::{Operation, Parameter, ParamLocation};
/// use lambda_route_core::Ctx;
///
/// /// The caller's API key, required, borrowed from the request.
/// struct ApiKey<'r>(&'r str);
///
/// impl<'r> FromRequest<'r> for ApiKey<'r> {
///     fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
///         ready(
///             cx.request()
///                 .header("x-api-key")
///                 .map(ApiKey)
///                 .ok_or_else(|| Rejection::field(["header", "x-api-key"], "missing", "header is required")),
///         )
///     }
///
///     fn describe(operation: &mut Operation, _arg: Arg) {
///         operation.parameter(Parameter::new(ParamLocation::Header, "x-api-key"));
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is neither a path parameter of this route nor an extractor",
    label = "not a `<param>` of the route path, and `{Self}` does not implement `FromRequest`",
    note = "an argument is either named after a `<param>` in the route path (its type implements `FromStr`), \
            or its type is an extractor: `Json<T>`, `Query<T>`, `Form<T>`, `Text`, `Bytes`, \
            `State<T>`, `Context`, `&Request`, or your own type implementing `FromRequest`",
    note = "a single query parameter, header or cookie is an argument marked `#[query]`, `#[header]` or `#[cookie]`"
)]
pub trait FromRequest<'r>: Sized {
    /// Reads `Self` for the argument `arg` of the matched route.
    ///
    /// # Errors
    ///
    /// A [`Rejection`] that answers the request instead of the route.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::future::{ready, Future};
    /// use lambda_route_core::extract::{Arg, FromRequest, Rejection};
    /// use lambda_route_core::Ctx;
    ///
    /// /// The tenant a request is for: its `x-tenant` header, else `public`.
    /// struct Tenant<'r>(&'r str);
    ///
    /// impl<'r> FromRequest<'r> for Tenant<'r> {
    ///     fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
    ///         ready(Ok(Tenant(cx.request().header("x-tenant").unwrap_or("public"))))
    ///     }
    /// }
    ///
    /// // #[get("/whoami")]
    /// fn whoami(Tenant(tenant): Tenant<'_>) -> String {
    ///     tenant.to_owned()
    /// }
    /// # fn shim<'r>(cx: &'r Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
    /// #     use lambda_route_core::response::IntoResponse;
    /// #     Box::pin(async move {
    /// #         match Tenant::from_request(cx, Arg::new("tenant", 0)).await {
    /// #             Ok(arg) => whoami(arg).into_response(),
    /// #             Err(rejection) => rejection.into_response(),
    /// #         }
    /// #     })
    /// # }
    /// # inventory::submit!(lambda_route_core::registry::Route::new(&["GET"], "/whoami", shim,
    /// #     lambda_route_core::registry::Location::new("whoami", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = lambda_route_core::App::new().build().unwrap();
    /// let event = br#"{"version":"2.0","rawPath":"/whoami","headers":{"x-tenant":"acme"},
    ///   "requestContext":{"http":{"method":"GET"}}}"#;
    /// let answer: serde_json::Value = serde_json::from_slice(&app.dispatch(event).await.unwrap()).unwrap();
    /// assert_eq!(answer["body"], "acme");
    /// # }
    /// ```
    fn from_request(
        cx: &'r Ctx<'r>,
        arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r;

    /// Checks at start-up that this extractor can work in this app (for example that the
    /// state it reads was registered). Runs once per route argument in
    /// [`App::build`](crate::App::build); the default accepts.
    ///
    /// # Errors
    ///
    /// A [`StartupProblem`]: the app refuses to start, naming the route and the argument.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::future::{ready, Future};
    /// use lambda_route_core::extract::{Arg, FromRequest, Rejection};
    /// use lambda_route_core::{App, AppState, Ctx, StartupProblem};
    ///
    /// struct Config { table: &'static str }
    ///
    /// /// The table name from the app's `Config`, which must be registered.
    /// struct Table(&'static str);
    ///
    /// impl<'r> FromRequest<'r> for Table {
    ///     fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
    ///         // `check` made sure it is there.
    ///         ready(Ok(Table(cx.state().get::<Config>().map_or("", |c| c.table))))
    ///     }
    ///
    ///     fn check(state: &AppState, arg: Arg) -> Result<(), StartupProblem> {
    ///         match state.get::<Config>() {
    ///             Some(_) => Ok(()),
    ///             None => Err(StartupProblem::new(arg, "no Config: call App::state(Config { .. })")),
    ///         }
    ///     }
    /// }
    /// # fn shim<'r>(cx: &'r Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
    /// #     use lambda_route_core::response::IntoResponse;
    /// #     Box::pin(async move {
    /// #         match Table::from_request(cx, Arg::new("table", 0)).await {
    /// #             Ok(Table(table)) => table.into_response(),
    /// #             Err(rejection) => rejection.into_response(),
    /// #         }
    /// #     })
    /// # }
    /// # inventory::submit!(lambda_route_core::registry::Route::new(&["GET"], "/table", shim,
    /// #     lambda_route_core::registry::Location::new("table", module_path!(), file!(), line!()))
    /// #     .check(table_check));
    /// # fn table_check(state: &AppState) -> Result<(), StartupProblem> {
    /// #     Table::check(state, Arg::new("table", 0))
    /// # }
    ///
    /// // A route reading `Table` stops an app without `Config` at start-up.
    /// let err = App::new().build().unwrap_err();
    /// assert!(err.to_string().contains("no Config"), "{err}");
    /// assert!(App::new().state(Config { table: "todos" }).build().is_ok());
    /// ```
    fn check(state: &AppState, arg: Arg) -> Result<(), StartupProblem> {
        let _ = (state, arg);
        Ok(())
    }

    /// Adds what this extractor reads to the route's [`Operation`] (parameters, request
    /// body). The default adds nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::future::{ready, Future};
    /// use lambda_route_core::describe::{Operation, ParamLocation, Parameter};
    /// use lambda_route_core::extract::{Arg, FromRequest, Rejection};
    /// use lambda_route_core::Ctx;
    ///
    /// struct ApiKey<'r>(&'r str);
    ///
    /// impl<'r> FromRequest<'r> for ApiKey<'r> {
    ///     fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
    ///         ready(cx.request().header("x-api-key").map(ApiKey).ok_or_else(|| {
    ///             Rejection::field(["header", "x-api-key"], "missing", "header is required")
    ///         }))
    ///     }
    ///
    ///     fn describe(operation: &mut Operation, _arg: Arg) {
    ///         operation.parameter(Parameter::new(ParamLocation::Header, "x-api-key"));
    ///     }
    /// }
    ///
    /// let mut operation = Operation::default();
    /// ApiKey::describe(&mut operation, Arg::new("key", 0));
    /// let key = &operation.parameters()[0];
    /// assert_eq!((key.location(), key.name(), key.is_required()), (ParamLocation::Header, "x-api-key", true));
    /// ```
    fn describe(operation: &mut Operation, arg: Arg) {
        let _ = (operation, arg);
    }
}

/// An extractor's result, its rejection recorded. Called by generated code.
pub(crate) fn collect<T>(result: Result<T, Rejection>, rejections: &mut Rejections) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(rejection) => {
            rejections.push(rejection);
            None
        }
    }
}
