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
///
/// # Examples
///
/// ```
/// use lambda_route_core::registry::BoxFuture;
/// use lambda_route_core::response::IntoResponse;
///
/// let future: BoxFuture<'static> = Box::pin(async { "done".into_response() });
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// let response = runtime.block_on(future);
/// assert_eq!(response.status(), http::StatusCode::OK);
/// ```
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
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Arg;
/// use lambda_route_core::registry::CheckFn;
/// use lambda_route_core::{AppState, StartupProblem};
///
/// struct Db;
///
/// // What the route macros generate for `fn list(db: State<Db>)`, written by hand.
/// fn check_list(state: &AppState) -> Result<(), StartupProblem> {
///     match state.get::<Db>() {
///         Some(_) => Ok(()),
///         None => Err(StartupProblem::new(Arg::new("db", 0), "no `Db` state was registered")),
///     }
/// }
/// const CHECK: CheckFn = check_list;
/// assert_eq!(CHECK(&AppState::default()).unwrap_err().arg(), "db");
/// ```
pub type CheckFn = fn(&AppState) -> Result<(), StartupProblem>;

/// The generated description: runs every argument's
/// [`FromRequest::describe`](crate::extract::FromRequest::describe).
///
/// # Examples
///
/// ```
/// use lambda_route_core::describe::{Operation, ParamLocation, Parameter};
/// use lambda_route_core::registry::DescribeFn;
///
/// // What the route macros generate for `fn get_todo(id: u64, #[query] fields: Option<String>)`.
/// fn describe_get_todo(operation: &mut Operation) {
///     operation
///         .parameter(Parameter::new(ParamLocation::Path, "id"))
///         .parameter(Parameter::new(ParamLocation::Query, "fields").optional());
/// }
/// const DESCRIBE: DescribeFn = describe_get_todo;
/// let mut operation = Operation::default();
/// DESCRIBE(&mut operation);
/// assert_eq!(operation.parameters().len(), 2);
/// ```
pub type DescribeFn = fn(&mut Operation);

/// Where a route function is declared.
///
/// # Examples
///
/// ```
/// use lambda_route_core::registry::Location;
///
/// // What `#[get("/todos")]` on `fn list_todos` in `src/todos.rs` records.
/// const AT: Location = Location::new("list_todos", "my_app::todos", "src/todos.rs", 12);
/// assert_eq!((AT.module(), AT.function()), ("my_app::todos", "list_todos"));
/// assert_eq!((AT.file(), AT.line()), ("src/todos.rs", 12));
/// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::Location;
    ///
    /// let at = Location::new("list_todos", "my_app::todos", "src/todos.rs", 12);
    /// assert_eq!(at.function(), "list_todos");
    /// ```
    pub fn function(&self) -> &'static str {
        self.function
    }

    /// `module_path!()` of the route function.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::Location;
    ///
    /// let at = Location::new("list_todos", module_path!(), file!(), line!());
    /// assert_eq!(at.module(), module_path!());
    /// ```
    pub fn module(&self) -> &'static str {
        self.module
    }

    /// `file!()` of the route attribute.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::Location;
    ///
    /// let at = Location::new("list_todos", "my_app::todos", "src/todos.rs", 12);
    /// assert_eq!(at.file(), "src/todos.rs");
    /// ```
    pub fn file(&self) -> &'static str {
        self.file
    }

    /// `line!()` of the route attribute.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::Location;
    ///
    /// let at = Location::new("list_todos", "my_app::todos", "src/todos.rs", 12);
    /// assert_eq!(at.line(), 12);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// fn hello<'r>(_cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     Box::pin(async { "hello".into_response() })
    /// }
    /// // What `#[get("/hello")] fn hello() -> &'static str` submits.
    /// inventory::submit! {
    ///     Route::new(&["GET"], "/hello", hello, Location::new("hello", "my_app", "main.rs", 3))
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let dispatcher = App::new().build()?;
    /// let event = br#"{"version":"2.0","rawPath":"/hello","rawQueryString":"",
    ///   "requestContext":{"http":{"method":"GET","path":"/hello"}}}"#;
    /// let answer: serde_json::Value = serde_json::from_slice(&dispatcher.dispatch(event).await?)?;
    /// assert_eq!((&answer["statusCode"], &answer["body"]), (&200.into(), &"hello".into()));
    /// # Ok(())
    /// # }
    /// ```
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
    /// // `#[post("/todos", status = 201)]`
    /// static CREATE: Route = Route::new(&["POST"], "/todos", shim, AT).status(201);
    /// assert_eq!(CREATE.status_code(), Some(201));
    /// ```
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
    /// use lambda_route_core::extract::Arg;
    /// use lambda_route_core::{App, AppState, StartupError, StartupProblem};
    ///
    /// struct Db;
    /// fn needs_db(state: &AppState) -> Result<(), StartupProblem> {
    ///     let problem = || StartupProblem::new(Arg::new("db", 0), "no `Db` state was registered");
    ///     state.get::<Db>().map(|_| ()).ok_or_else(problem)
    /// }
    /// inventory::submit!(Route::new(&["GET"], "/todos", shim, AT).check(needs_db));
    ///
    /// assert!(matches!(App::new().build(), Err(StartupError::Check { .. })));
    /// assert!(App::new().state(Db).build().is_ok());
    /// ```
    pub const fn check(mut self, check: CheckFn) -> Self {
        self.check = check;
        self
    }

    /// The route's description of its arguments.
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
    /// use lambda_route_core::describe::{Operation, ParamLocation, Parameter};
    /// use lambda_route_core::App;
    ///
    /// fn describe(operation: &mut Operation) {
    ///     operation.parameter(Parameter::new(ParamLocation::Path, "id"));
    /// }
    /// inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, AT).describe(describe));
    ///
    /// let dispatcher = App::new().build()?;
    /// let operation = dispatcher.entries()[0].describe();
    /// assert_eq!(operation.parameters(), [Parameter::new(ParamLocation::Path, "id")]);
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub const fn describe(mut self, describe: DescribeFn) -> Self {
        self.describe = describe;
        self
    }

    /// The route's documentation for the OpenAPI document: its doc comment, the `tags`,
    /// `summary`, `operation_id`, `responses`, `security`, `deprecated` and `hidden` options,
    /// and its schema hooks. Read only when the document is built.
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
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// // `/// Says hello.` and `#[get("/hello", tags = ["greetings"])]`
    /// static DOC: RouteDoc = RouteDoc::new("Says hello.").tags(&["greetings"]);
    /// static HELLO: Route = Route::new(&["GET"], "/hello", shim, AT).doc(&DOC);
    /// assert_eq!(HELLO.documentation().tag_list(), ["greetings"]);
    /// ```
    pub const fn doc(mut self, doc: &'static RouteDoc) -> Self {
        self.doc = doc;
        self
    }

    /// The route's documentation (see [`Route::doc`]).
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
    /// // A record without `.doc(..)` has an empty documentation.
    /// static HELLO: Route = Route::new(&["GET"], "/hello", shim, AT);
    /// assert_eq!(HELLO.documentation().summary(), None);
    /// ```
    pub fn documentation(&self) -> &'static RouteDoc {
        self.doc
    }

    /// Upper-case HTTP methods.
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
    /// static TODO: Route = Route::new(&["GET", "HEAD"], "/todos/<id>", shim, AT);
    /// assert_eq!(TODO.methods(), ["GET", "HEAD"]);
    /// ```
    pub fn methods(&self) -> &'static [&'static str] {
        self.methods
    }

    /// The path template, `/todos/<id>`.
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
    /// static TODO: Route = Route::new(&["GET"], "/todos/<id>", shim, AT);
    /// assert_eq!(TODO.template(), "/todos/<id>");
    /// ```
    pub fn template(&self) -> &'static str {
        self.template
    }

    /// Where the route function is declared.
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
    /// static HELLO: Route = Route::new(&["GET"], "/hello", shim, AT);
    /// assert_eq!(HELLO.location().function(), "hello");
    /// assert_eq!(HELLO.location().file(), "src/main.rs");
    /// ```
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The `status = N` option, if set.
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
    /// static CREATE: Route = Route::new(&["POST"], "/todos", shim, AT).status(201);
    /// static LIST: Route = Route::new(&["GET"], "/todos", shim, AT);
    /// assert_eq!((CREATE.status_code(), LIST.status_code()), (Some(201), None));
    /// ```
    pub fn status_code(&self) -> Option<u16> {
        self.status
    }

    /// False when the route was declared with `cors = false`.
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
    /// static PUBLIC: Route = Route::new(&["GET"], "/hello", shim, AT);
    /// static INTERNAL: Route = Route::new(&["GET"], "/internal", shim, AT).cors(false);
    /// assert!(PUBLIC.cors_enabled());
    /// assert!(!INTERNAL.cors_enabled());
    /// ```
    pub fn cors_enabled(&self) -> bool {
        self.cors
    }

    /// Whether the route has the `compress` flag.
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
    /// static SMALL: Route = Route::new(&["GET"], "/hello", shim, AT);
    /// static BIG: Route = Route::new(&["GET"], "/report", shim, AT).compress();
    /// assert!(!SMALL.compresses());
    /// assert!(BIG.compresses());
    /// ```
    pub fn compresses(&self) -> bool {
        self.compress
    }

    /// The `timeout_ms = N` option, if set.
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
    /// use std::time::Duration;
    ///
    /// static QUICK: Route = Route::new(&["GET"], "/hello", shim, AT).timeout_ms(250);
    /// static DEFAULT: Route = Route::new(&["GET"], "/other", shim, AT);
    /// assert_eq!(QUICK.timeout(), Some(Duration::from_millis(250)));
    /// assert_eq!(DEFAULT.timeout(), None); // `App::timeout` and the deadline apply
    /// ```
    pub fn timeout(&self) -> Option<std::time::Duration> {
        self.timeout_ms
            .map(|ms| std::time::Duration::from_millis(u64::from(ms)))
    }

    /// The names of the route's own middleware (`middleware = [..]`), in order.
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
    /// use lambda_route_core::__private::erase_middleware;
    /// use lambda_route_core::middleware::Next;
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::Ctx;
    ///
    /// async fn audit(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    ///     next.run().await
    /// }
    /// static SECRET: Route = Route::new(&["GET"], "/secret", shim, AT)
    ///     .middleware(&[erase_middleware(&audit)]);
    /// let names: Vec<_> = SECRET.middleware_names().collect();
    /// assert_eq!(names.len(), 1);
    /// assert!(names[0].ends_with("::audit"), "{names:?}");
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::registry::CatcherArg;
    /// use lambda_route_core::response::{HttpError, IntoResponse, Response};
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"version":"2.0","rawPath":"/todos/7","rawQueryString":"",
    ///   "requestContext":{"http":{"method":"DELETE","path":"/todos/7"}}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// let caught = HttpError::forbidden("read-only").into_response();
    /// let request_arg: &Request = CatcherArg::from_caught(&request, &caught);
    /// let response_arg: &Response = CatcherArg::from_caught(&request, &caught);
    /// assert_eq!(request_arg.path(), "/todos/7");
    /// assert_eq!(response_arg.status(), http::StatusCode::FORBIDDEN);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Catcher, Location};
    /// # use lambda_route_core::response::{IntoResponse, Response};
    /// # fn shim<'a, 'r>(_: &'a lambda_route_core::Request<'r>, _: &'a Response) -> BoxFuture<'a> {
    /// #     Box::pin(async { "caught".into_response() })
    /// # }
    /// // What `#[catch(404)] fn not_found()` in `src/main.rs` submits.
    /// const AT: Location = Location::new("not_found", "my_app", "src/main.rs", 7);
    /// static NOT_FOUND: Catcher = Catcher::new(404, shim, AT);
    /// assert_eq!(NOT_FOUND.status(), Some(404));
    /// assert_eq!(NOT_FOUND.location().function(), "not_found");
    /// ```
    pub const fn new(status: u16, handler: CatcherHandler, location: Location) -> Self {
        Catcher {
            status: Some(status),
            handler,
            location,
        }
    }

    /// A catcher for every error response no status-specific catcher takes
    /// (`#[catch(default)]`).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Catcher, Location};
    /// # use lambda_route_core::response::{IntoResponse, Response};
    /// # fn shim<'a, 'r>(_: &'a lambda_route_core::Request<'r>, _: &'a Response) -> BoxFuture<'a> {
    /// #     Box::pin(async { "caught".into_response() })
    /// # }
    /// // What `#[catch(default)] fn any_error()` submits.
    /// const AT: Location = Location::new("any_error", "my_app", "src/main.rs", 7);
    /// static ANY: Catcher = Catcher::fallback(shim, AT);
    /// assert_eq!(ANY.status(), None);
    /// ```
    pub const fn fallback(handler: CatcherHandler, location: Location) -> Self {
        Catcher {
            status: None,
            handler,
            location,
        }
    }

    /// The status caught; `None` for the fallback catcher.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Catcher, Location};
    /// # use lambda_route_core::response::{IntoResponse, Response};
    /// # fn shim<'a, 'r>(_: &'a lambda_route_core::Request<'r>, _: &'a Response) -> BoxFuture<'a> {
    /// #     Box::pin(async { "caught".into_response() })
    /// # }
    /// # const AT: Location = Location::new("caught", "my_app", "src/main.rs", 7);
    /// static GONE: Catcher = Catcher::new(410, shim, AT);
    /// static ANY: Catcher = Catcher::fallback(shim, AT);
    /// assert_eq!((GONE.status(), ANY.status()), (Some(410), None));
    /// ```
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Where the catcher function is declared.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Catcher, Location};
    /// # use lambda_route_core::response::{IntoResponse, Response};
    /// # fn shim<'a, 'r>(_: &'a lambda_route_core::Request<'r>, _: &'a Response) -> BoxFuture<'a> {
    /// #     Box::pin(async { "caught".into_response() })
    /// # }
    /// const AT: Location = Location::new("not_found", "my_app::errors", "src/errors.rs", 7);
    /// static NOT_FOUND: Catcher = Catcher::new(404, shim, AT);
    /// assert_eq!(NOT_FOUND.location(), &AT);
    /// assert_eq!(NOT_FOUND.location().module(), "my_app::errors");
    /// ```
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
