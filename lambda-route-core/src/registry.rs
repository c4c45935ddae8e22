//! The records route attributes submit through `inventory`, collected at cold start.

use std::future::Future;
use std::pin::Pin;

use crate::app::{AppState, StartupProblem};
use crate::ctx::Ctx;
use crate::describe::Operation;
use crate::middleware::DynMiddleware;
use crate::openapi::RouteDoc;
use crate::request::Request;
use crate::response::Response;

/// What a route's generated shim returns: the route's response, once awaited. It may borrow
/// from the [`Ctx`] for `'r`, so extractors can borrow from the request.
pub type BoxFuture<'r> = Pin<Box<dyn Future<Output = Response> + Send + 'r>>;

/// The generated shim: extract every argument from the context, call the route function,
/// turn its output into a [`Response`].
///
/// # Examples
///
/// ```
/// use lambda_route_core::registry::{BoxFuture, Handler};
/// use lambda_route_core::response::IntoResponse;
/// use lambda_route_core::Ctx;
///
/// fn path_of<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
///     Box::pin(async move { cx.request().path().to_owned().into_response() })
/// }
/// const SHIM: Handler = path_of;
/// ```
pub type Handler = for<'r> fn(&'r Ctx<'r>) -> BoxFuture<'r>;

/// The generated start-up check: runs every argument's
/// [`FromRequest::check`](crate::extract::FromRequest::check).
pub type CheckFn = fn(&AppState) -> Result<(), StartupProblem>;

/// The generated description: runs every argument's
/// [`FromRequest::describe`](crate::extract::FromRequest::describe).
pub type DescribeFn = fn(&mut Operation);

/// Where a route function is declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    function: &'static str,
    module: &'static str,
    file: &'static str,
    line: u32,
}

impl Location {
    /// The function's name, `module_path!()`, `file!()` and `line!()` of the attribute.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::Location;
    ///
    /// const HERE: Location = Location::new("get_todo", module_path!(), file!(), line!());
    /// assert_eq!(HERE.function(), "get_todo");
    /// ```
    pub const fn new(
        function: &'static str,
        module: &'static str,
        file: &'static str,
        line: u32,
    ) -> Self {
        Location {
            function,
            module,
            file,
            line,
        }
    }

    /// The route function's name.
    pub fn function(&self) -> &'static str {
        self.function
    }

    /// `module_path!()` of the route function.
    pub fn module(&self) -> &'static str {
        self.module
    }

    /// `file!()` of the route attribute.
    pub fn file(&self) -> &'static str {
        self.file
    }

    /// `line!()` of the route attribute.
    pub fn line(&self) -> u32 {
        self.line
    }
}

/// One registered route, built by the route attributes in a `const` context.
///
/// The fields are private and the record is built by [`Route::new`] plus one `const fn` per
/// option, so a new route option is one added method, not a breaking change to a struct
/// literal (inventory's `Flag::new` shape).
///
/// # Examples
///
/// ```
/// use lambda_route_core::registry::{BoxFuture, Location, Route};
/// use lambda_route_core::response::{IntoResponse, Response};
/// use lambda_route_core::Ctx;
///
/// fn shim<'r>(_cx: &'r Ctx<'r>) -> BoxFuture<'r> {
///     Box::pin(async { "hello".into_response() })
/// }
///
/// static HELLO: Route = Route::new(&["GET"], "/hello", shim, Location::new("hello", module_path!(), file!(), line!()))
///     .status(200);
/// assert_eq!(HELLO.template(), "/hello");
/// assert_eq!(HELLO.status_code(), Some(200));
/// ```
#[derive(Debug)]
pub struct Route {
    methods: &'static [&'static str],
    template: &'static str,
    handler: Handler,
    location: Location,
    status: Option<u16>,
    cors: bool,
    compress: bool,
    timeout_ms: Option<u32>,
    middleware: &'static [&'static dyn DynMiddleware],
    check: CheckFn,
    describe: DescribeFn,
    doc: &'static RouteDoc,
}

impl Route {
    /// A route answering `methods` (upper-case) on `template` with `handler`.
    pub const fn new(
        methods: &'static [&'static str],
        template: &'static str,
        handler: Handler,
        location: Location,
    ) -> Self {
        Route {
            methods,
            template,
            handler,
            location,
            status: None,
            cors: true,
            compress: false,
            timeout_ms: None,
            middleware: &[],
            check: no_check,
            describe: no_description,
            doc: &crate::openapi::UNDOCUMENTED,
        }
    }

    /// Records the route's `status = N` option. The shim applies it; the record keeps it for
    /// descriptions.
    pub const fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Records the route's `cors = false` option: [`App::cors`](crate::App::cors) adds no
    /// header to this route's answers and answers no preflight for it.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::Ctx;
    ///
    /// fn shim<'r>(_cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     Box::pin(async { "internal".into_response() })
    /// }
    ///
    /// static INTERNAL: Route = Route::new(&["GET"], "/internal", shim, Location::new("internal", module_path!(), file!(), line!()))
    ///     .cors(false);
    /// assert!(!INTERNAL.cors_enabled());
    /// ```
    pub const fn cors(mut self, enabled: bool) -> Self {
        self.cors = enabled;
        self
    }

    /// Records the route's `compress` flag: its responses are gzip-compressed when the client
    /// accepts it (see [`compress`](crate::compress)).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::Ctx;
    ///
    /// fn shim<'r>(_cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     Box::pin(async { "hello".into_response() })
    /// }
    ///
    /// static BIG: Route = Route::new(&["GET"], "/big", shim, Location::new("big", module_path!(), file!(), line!()))
    ///     .compress();
    /// assert!(BIG.compresses());
    /// ```
    pub const fn compress(mut self) -> Self {
        self.compress = true;
        self
    }

    /// Records the route's `timeout_ms = N` option: the route is answered 504 when it runs
    /// longer (it overrides `App::timeout`; the invocation deadline still caps it).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// use lambda_route_core::response::{IntoResponse, Response};
    /// use lambda_route_core::Ctx;
    ///
    /// fn shim<'r>(_cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     Box::pin(async { "slow".into_response() })
    /// }
    ///
    /// static SLOW: Route = Route::new(&["GET"], "/slow", shim, Location::new("slow", module_path!(), file!(), line!()))
    ///     .timeout_ms(1500);
    /// assert_eq!(SLOW.timeout(), Some(std::time::Duration::from_millis(1500)));
    /// ```
    pub const fn timeout_ms(mut self, timeout_ms: u32) -> Self {
        self.timeout_ms = Some(timeout_ms);
        self
    }

    /// Records the route's `middleware = [..]` option: the route's own middleware, run in
    /// this order after the app's (see [`middleware`](crate::middleware)). Generated code
    /// builds each entry with `lambda_route::__private::erase_middleware(&f)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::middleware::Next;
    /// use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// use lambda_route_core::response::{IntoResponse, Response};
    /// use lambda_route_core::{Ctx, __private::erase_middleware};
    ///
    /// async fn audit(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    ///     next.run().await
    /// }
    ///
    /// fn shim<'r>(_cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     Box::pin(async { "secret".into_response() })
    /// }
    ///
    /// static SECRET: Route = Route::new(&["GET"], "/secret", shim, Location::new("secret", module_path!(), file!(), line!()))
    ///     .middleware(&[erase_middleware(&audit)]);
    /// assert_eq!(SECRET.middleware_names().count(), 1);
    /// ```
    pub const fn middleware(mut self, middleware: &'static [&'static dyn DynMiddleware]) -> Self {
        self.middleware = middleware;
        self
    }

    /// The route's start-up check.
    pub const fn check(mut self, check: CheckFn) -> Self {
        self.check = check;
        self
    }

    /// The route's description of its arguments.
    pub const fn describe(mut self, describe: DescribeFn) -> Self {
        self.describe = describe;
        self
    }

    /// The route's documentation for the OpenAPI document: its doc comment, the `tags`,
    /// `summary`, `operation_id`, `responses`, `security`, `deprecated` and `hidden` options,
    /// and its schema hooks. Read only when the document is built.
    pub const fn doc(mut self, doc: &'static RouteDoc) -> Self {
        self.doc = doc;
        self
    }

    /// The route's documentation (see [`Route::doc`]).
    pub fn documentation(&self) -> &'static RouteDoc {
        self.doc
    }

    /// Upper-case HTTP methods.
    pub fn methods(&self) -> &'static [&'static str] {
        self.methods
    }

    /// The path template, `/todos/<id>`.
    pub fn template(&self) -> &'static str {
        self.template
    }

    /// Where the route function is declared.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The `status = N` option, if set.
    pub fn status_code(&self) -> Option<u16> {
        self.status
    }

    /// False when the route was declared with `cors = false`.
    pub fn cors_enabled(&self) -> bool {
        self.cors
    }

    /// Whether the route has the `compress` flag.
    pub fn compresses(&self) -> bool {
        self.compress
    }

    /// The `timeout_ms = N` option, if set.
    pub fn timeout(&self) -> Option<std::time::Duration> {
        self.timeout_ms
            .map(|ms| std::time::Duration::from_millis(u64::from(ms)))
    }

    /// The names of the route's own middleware (`middleware = [..]`), in order.
    pub fn middleware_names(&self) -> impl Iterator<Item = &'static str> {
        self.middleware.iter().map(|m| m.name())
    }

    pub(crate) fn middleware_list(&self) -> &'static [&'static dyn DynMiddleware] {
        self.middleware
    }

    pub(crate) fn handler(&self) -> Handler {
        self.handler
    }

    pub(crate) fn run_check(&self, state: &AppState) -> Result<(), StartupProblem> {
        (self.check)(state)
    }

    pub(crate) fn run_describe(&self, operation: &mut Operation) {
        (self.describe)(operation)
    }
}

fn no_check(_: &AppState) -> Result<(), StartupProblem> {
    Ok(())
}

fn no_description(_: &mut Operation) {}

inventory::collect!(Route);

/// Every route linked into this binary, in a fixed order (inventory defines none):
/// by template, then method, then function name.
pub(crate) fn collected() -> Vec<&'static Route> {
    let mut routes: Vec<&'static Route> = inventory::iter::<Route>.into_iter().collect();
    routes.sort_by(|a, b| {
        let key = |r: &Route| {
            (
                r.template,
                r.methods,
                r.location.function,
                r.location.file,
                r.location.line,
            )
        };
        key(a).cmp(&key(b))
    });
    routes
}

/// The generated shim of a `#[catch(N)]` function: build its arguments from the request and
/// the caught response, call it, turn its output into a [`Response`].
///
/// # Examples
///
/// ```
/// use lambda_route_core::registry::{BoxFuture, CatcherHandler};
/// use lambda_route_core::response::{IntoResponse, Response};
/// use lambda_route_core::Request;
///
/// fn shim<'a, 'r>(request: &'a Request<'r>, _caught: &'a Response) -> BoxFuture<'a> {
///     Box::pin(async move { format!("nothing at {}", request.path()).into_response() })
/// }
/// const SHIM: CatcherHandler = shim;
/// ```
pub type CatcherHandler = for<'a, 'r> fn(&'a Request<'r>, &'a Response) -> BoxFuture<'a>;

/// What a `#[catch(N)]` function may take as arguments: the request (`&Request`) and the
/// caught response (`&Response`, whose [`error`](Response::error) is the pending error),
/// each at most once, in any order.
///
/// # Examples
///
/// ```
/// use lambda_route_core::registry::CatcherArg;
/// use lambda_route_core::response::{ErrorInfo, IntoResponse, Response};
/// use lambda_route_core::Request;
/// use http::StatusCode;
///
/// let request = Request::from_event(br#"{"version":"2.0","rawPath":"/nope","rawQueryString":"",
///   "requestContext":{"http":{"method":"GET","path":"/nope"},"stage":"$default"}}"#).unwrap();
/// let caught = ErrorInfo::new(StatusCode::NOT_FOUND, "Not found").into_response();
/// let path = <&Request as CatcherArg>::from_caught(&request, &caught).path();
/// let status = <&Response as CatcherArg>::from_caught(&request, &caught).status();
/// assert_eq!((path, status), ("/nope", StatusCode::NOT_FOUND));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an argument of a catcher",
    label = "not `&Request` or `&Response`",
    note = "a `#[catch]` function takes no arguments, or `&Request` (the request) and/or \
            `&Response` (the caught error response)"
)]
pub trait CatcherArg<'a, 'r> {
    /// The argument, from the request and the caught response.
    fn from_caught(request: &'a Request<'r>, caught: &'a Response) -> Self;
}

impl<'a, 'r> CatcherArg<'a, 'r> for &'a Request<'r> {
    fn from_caught(request: &'a Request<'r>, _: &'a Response) -> Self {
        request
    }
}

impl<'a, 'r> CatcherArg<'a, 'r> for &'a Response {
    fn from_caught(_: &'a Request<'r>, caught: &'a Response) -> Self {
        caught
    }
}

/// One registered catcher, built by `#[catch(N)]` in a `const` context: the status it
/// catches (or every status, for `#[catch(default)]`), its shim and where it is declared.
///
/// # Examples
///
/// ```
/// use lambda_route_core::registry::{BoxFuture, Catcher, Location};
/// use lambda_route_core::response::{IntoResponse, Response};
/// use lambda_route_core::Request;
///
/// fn shim<'a, 'r>(_: &'a Request<'r>, _: &'a Response) -> BoxFuture<'a> {
///     Box::pin(async { "no such page".into_response() })
/// }
///
/// static NOT_FOUND: Catcher =
///     Catcher::new(404, shim, Location::new("not_found", module_path!(), file!(), line!()));
/// assert_eq!(NOT_FOUND.status(), Some(404));
/// ```
#[derive(Debug)]
pub struct Catcher {
    status: Option<u16>,
    handler: CatcherHandler,
    location: Location,
}

impl Catcher {
    /// A catcher for error responses with `status` (400 to 599; checked at start-up).
    pub const fn new(status: u16, handler: CatcherHandler, location: Location) -> Self {
        Catcher {
            status: Some(status),
            handler,
            location,
        }
    }

    /// A catcher for every error response no status-specific catcher takes
    /// (`#[catch(default)]`).
    pub const fn fallback(handler: CatcherHandler, location: Location) -> Self {
        Catcher {
            status: None,
            handler,
            location,
        }
    }

    /// The status caught; `None` for the fallback catcher.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Where the catcher function is declared.
    pub fn location(&self) -> &Location {
        &self.location
    }

    pub(crate) fn handler(&self) -> CatcherHandler {
        self.handler
    }
}

inventory::collect!(Catcher);

/// Every catcher linked into this binary, in a fixed order: by status (the fallback last),
/// then place of declaration.
pub(crate) fn collected_catchers() -> Vec<&'static Catcher> {
    let mut catchers: Vec<&'static Catcher> = inventory::iter::<Catcher>.into_iter().collect();
    catchers.sort_by_key(|c| {
        (
            c.status.is_none(),
            c.status,
            c.location.file,
            c.location.line,
            c.location.module,
            c.location.function,
        )
    });
    catchers
}
