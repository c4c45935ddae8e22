//! The context one request is served in: what every extractor and the route shim can reach.

use std::sync::{Mutex, PoisonError};

use http::Extensions;

use crate::app::{AppState, RouteEntry};
use crate::request::Request;
use crate::router::PathParams;

/// Everything known about one request while it is served: the decoded request, the matched
/// route and its path parameters, the application state, the Lambda invocation context (when
/// there is one) and per-request values set by earlier steps.
///
/// A route's generated shim receives `&Ctx` and hands it to each argument's
/// [`FromRequest`](crate::extract::FromRequest). Everything in it lives for `'r`, the time the
/// request is served, so extractors may borrow from the request.
///
/// # Examples
///
/// An extractor that reads the Lambda request id, or a local one outside Lambda:
///
/// ```
/// use std::future::{ready, Future};
/// use lambda_route_core::extract::{Arg, FromRequest, Rejection};
/// use lambda_route_core::Ctx;
///
/// struct RequestId(String);
///
/// impl<'r> FromRequest<'r> for RequestId {
///     fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
///         let id = cx.lambda().map_or("local", |lambda| lambda.request_id.as_str());
///         ready(Ok(RequestId(id.to_owned())))
///     }
/// }
/// # use lambda_route_core::registry::{BoxFuture, Location, Route};
/// # use lambda_route_core::response::IntoResponse;
/// # fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
/// #     Box::pin(async move {
/// #         let RequestId(id) = RequestId::from_request(cx, Arg::new("id", 0)).await.unwrap();
/// #         id.into_response()
/// #     })
/// # }
/// // #[get("/id")] async fn id(RequestId(id): RequestId) -> String { id }
/// # inventory::submit!(Route::new(&["GET"], "/id", shim, Location::new("id", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// let mut lambda = lambda_runtime::Context::default();
/// lambda.request_id = "8476a536-e9f4-11e8-9739-2dfe598c3fcd".to_owned();
/// let event = br#"{"httpMethod":"GET","path":"/id"}"#;
///
/// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "8476a536-e9f4-11e8-9739-2dfe598c3fcd");
///
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "local");
/// # }
/// ```
#[derive(Debug)]
pub struct Ctx<'r> {
    request: &'r Request<'r>,
    params: PathParams<'r>,
    state: &'static AppState,
    route: &'r RouteEntry,
    lambda: Option<&'r lambda_runtime::Context>,
    /// Values handed on by middleware ([`Ctx::provide`]); behind a lock because every step
    /// holds the context by shared reference.
    provided: Mutex<Extensions>,
}

impl<'r> Ctx<'r> {
    pub(crate) fn new(
        request: &'r Request<'r>,
        params: PathParams<'r>,
        state: &'static AppState,
        route: &'r RouteEntry,
        lambda: Option<&'r lambda_runtime::Context>,
    ) -> Self {
        Ctx {
            request,
            params,
            state,
            route,
            lambda,
            provided: Mutex::new(Extensions::new()),
        }
    }

    /// The decoded request.
    ///
    /// # Examples
    ///
    /// A route shim (what `#[get("/hello")]` generates) that answers with the request's
    /// method and path:
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// fn hello<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     let request = cx.request();
    ///     let answer = format!("{} {}", request.method(), request.path());
    ///     Box::pin(async move { answer.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/hello", hello, Location::new("hello", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    ///
    /// let app = App::new().build().unwrap();
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/hello"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "GET /hello");
    /// # }
    /// ```
    pub fn request(&self) -> &'r Request<'r> {
        self.request
    }

    /// The matched route's path parameters, still percent-encoded as the source sent them.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// // A route shim on `/files/<name>` (what the route attribute generates).
    /// fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     // Raw: REST APIs send the path percent-encoded.
    ///     let name = cx.path_params().get(0).unwrap_or_default().to_owned();
    ///     Box::pin(async move { name.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/files/<name>", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/files/q3%20report.pdf"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "q3%20report.pdf");
    /// # }
    /// ```
    pub fn path_params(&self) -> &PathParams<'r> {
        &self.params
    }

    /// The application state, registered with [`App::state`](crate::App::state); it lives as
    /// long as the process.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// struct Config { table: &'static str }
    ///
    /// // A route shim on `/table` (what the route attribute generates).
    /// fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     let table = cx.state().get::<Config>().map_or("unset", |config| config.table);
    ///     Box::pin(async move { table.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/table", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().state(Config { table: "todos" }).build().unwrap();
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/table"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "todos");
    /// # }
    /// ```
    pub fn state(&self) -> &'static AppState {
        self.state
    }

    /// The matched route: its template, methods, location and options.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// // A route shim on `/todos/<id>` (what the route attribute generates).
    /// fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     // The template matched, not the path requested: a low-cardinality metric label.
    ///     let template = cx.route().template();
    ///     Box::pin(async move { template.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/todos/42"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "/todos/<id>");
    /// # }
    /// ```
    pub fn route(&self) -> &'r RouteEntry {
        self.route
    }

    /// The Lambda invocation context (request id, deadline, function ARN). The local server
    /// makes a plausible one; [`Dispatcher::dispatch`](crate::Dispatcher::dispatch) alone
    /// passes none.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// // A route shim on `/id` (what the route attribute generates).
    /// fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     let id = cx.lambda().map_or("no invocation", |lambda| lambda.request_id.as_str()).to_owned();
    ///     Box::pin(async move { id.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/id", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let mut lambda = lambda_runtime::Context::default();
    /// lambda.request_id = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef".to_owned();
    /// let answer = app.dispatch_with(br#"{"httpMethod":"GET","path":"/id"}"#, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    ///
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/id"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "no invocation");
    /// # }
    /// ```
    pub fn lambda(&self) -> Option<&'r lambda_runtime::Context> {
        self.lambda
    }

    /// Hands `value` on to later middleware and to the route, which read it with
    /// [`Ctx::provided`] or the [`Provided<T>`](crate::extract::Provided) extractor. A second
    /// value of the same type replaces the first.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::middleware::Next;
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::Ctx;
    ///
    /// #[derive(Clone)]
    /// struct Tenant(String);
    ///
    /// async fn tenant(cx: &Ctx<'_>, next: Next<'_>) -> Response {
    ///     let name = cx.request().header("x-tenant").unwrap_or("public").to_owned();
    ///     cx.provide(Tenant(name));
    ///     next.run().await
    /// }
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// // A route `#[get("/whoami")]` that answers with the tenant the middleware provided.
    /// # fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    /// #     let Tenant(name) = cx.provided::<Tenant>().unwrap();
    /// #     Box::pin(async move { name.into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/whoami", shim, Location::new("whoami", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = lambda_route_core::App::new().middleware(tenant).build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/whoami","headers":{"x-tenant":"acme"}}"#;
    /// let answer = app.dispatch(event).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "acme");
    ///
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/whoami"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "public");
    /// # }
    /// ```
    pub fn provide<T: Clone + Send + Sync + 'static>(&self, value: T) {
        self.provided
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(value);
    }

    /// A copy of the value of type `T` an earlier middleware handed on with
    /// [`Ctx::provide`], if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::middleware::Next;
    /// use lambda_route_core::response::{HttpError, IntoResponse, Response};
    /// use lambda_route_core::Ctx;
    ///
    /// #[derive(Clone)]
    /// struct Role(&'static str);
    ///
    /// async fn admins_only(cx: &Ctx<'_>, next: Next<'_>) -> Response {
    ///     match cx.provided::<Role>() {
    ///         Some(Role("admin")) => next.run().await,
    ///         _ => HttpError::forbidden("admins only").into_response(),
    ///     }
    /// }
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// // An earlier middleware that provides the caller's role (from a header, for the example).
    /// async fn role(cx: &Ctx<'_>, next: Next<'_>) -> Response {
    ///     if cx.request().header("x-role") == Some("admin") {
    ///         cx.provide(Role("admin"));
    ///     }
    ///     next.run().await
    /// }
    /// # fn shim<'r>(_cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "the admin page".into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/admin", shim, Location::new("admin", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = lambda_route_core::App::new().middleware(role).middleware(admins_only).build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/admin","headers":{"x-role":"admin"}}"#;
    /// let answer = app.dispatch(event).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "the admin page");
    ///
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/admin"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], r#"{"statusCode":403,"message":"admins only"}"#);
    /// # }
    /// ```
    pub fn provided<T: Clone + Send + Sync + 'static>(&self) -> Option<T> {
        self.provided
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get::<T>()
            .cloned()
    }
}
