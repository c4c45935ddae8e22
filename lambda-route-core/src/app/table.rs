//! The route table built at cold start, and why building it can fail.

use std::borrow::Cow;
use std::fmt;

use http::Method;

use super::AppState;
use crate::describe::Operation;
use crate::registry::{Handler, Route};
use crate::router::{InsertError, Router};

/// One route of a built app: its record and what start-up resolved for it. Extractors reach
/// the matched route's entry through [`Ctx::route`](crate::Ctx::route).
///
/// # Examples
///
/// ```
/// # use lambda_route_core::registry::{BoxFuture, Location, Route};
/// # use lambda_route_core::response::IntoResponse;
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
/// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
/// # }
/// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())).status(200));
/// use lambda_route_core::App;
///
/// // #[get("/todos/<id>", status = 200)] async fn get_todo(id: u64) -> ...
/// let dispatcher = App::new().build().unwrap();
/// let entry = &dispatcher.entries()[0];
/// assert_eq!((entry.methods(), entry.template()), (["GET"].as_slice(), "/todos/<id>"));
/// assert_eq!(entry.status(), Some(200));
/// assert!(entry.site().function.ends_with("::get_todo"));
/// ```
#[derive(Debug)]
pub struct RouteEntry {
    route: &'static Route,
}

impl RouteEntry {
    /// Upper-case HTTP methods.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// use lambda_route_core::App;
    ///
    /// // #[get("/todos/<id>")] async fn get_todo(id: u64) -> ...
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())));
    /// let app = App::new().build().unwrap();
    /// let entry = &app.entries()[0];
    /// assert_eq!(entry.methods(), ["GET"]);
    /// ```
    pub fn methods(&self) -> &'static [&'static str] {
        self.route.methods()
    }

    /// The path template, `/todos/<id>`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// use lambda_route_core::App;
    ///
    /// // #[get("/todos/<id>")] async fn get_todo(id: u64) -> ...
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())));
    /// let app = App::new().build().unwrap();
    /// let entry = &app.entries()[0];
    /// assert_eq!(entry.template(), "/todos/<id>");
    /// ```
    pub fn template(&self) -> &'static str {
        self.route.template()
    }

    /// The route's `status = N` option, if set.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// use lambda_route_core::App;
    ///
    /// // #[get("/todos/<id>", status = 202)] async fn get_todo(id: u64) -> ...
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())).status(202));
    /// let app = App::new().build().unwrap();
    /// let entry = &app.entries()[0];
    /// assert_eq!(entry.status(), Some(202));
    /// ```
    pub fn status(&self) -> Option<u16> {
        self.route.status_code()
    }

    /// Whether [`App::cors`](crate::App::cors) applies to this route: false for a route
    /// declared with `cors = false`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos", shim, Location::new("list_todos", module_path!(), file!(), line!())));
    /// # inventory::submit!(Route::new(&["GET"], "/admin/stats", shim, Location::new("stats", module_path!(), file!(), line!())).cors(false));
    /// use lambda_route_core::App;
    ///
    /// // #[get("/admin/stats", cors = false)] next to #[get("/todos")]
    /// let dispatcher = App::new().build().unwrap();
    /// let private: Vec<&str> = dispatcher.entries().iter().filter(|e| !e.cors()).map(|e| e.template()).collect();
    /// assert_eq!(private, ["/admin/stats"]);
    /// ```
    pub fn cors(&self) -> bool {
        self.route.cors_enabled()
    }

    /// Whether the route has the `compress` flag (see [`compress`](crate::compress)).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// use lambda_route_core::App;
    ///
    /// // #[get("/todos/<id>", compress)] async fn get_todo(id: u64) -> ...
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())).compress());
    /// let app = App::new().build().unwrap();
    /// let entry = &app.entries()[0];
    /// assert!(entry.compress());
    /// ```
    pub fn compress(&self) -> bool {
        self.route.compresses()
    }

    /// The route's `timeout_ms = N` option, if set. Without it the route runs under
    /// `App::timeout`, and always under the invocation deadline less the margin.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// use std::time::Duration;
    /// use lambda_route_core::App;
    ///
    /// // #[get("/todos/<id>", timeout_ms = 2000)] async fn get_todo(id: u64) -> ...
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())).timeout_ms(2000));
    /// let app = App::new().build().unwrap();
    /// let entry = &app.entries()[0];
    /// assert_eq!(entry.timeout(), Some(Duration::from_secs(2)));
    /// ```
    pub fn timeout(&self) -> Option<std::time::Duration> {
        self.route.timeout()
    }

    /// Where the route was declared.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// use lambda_route_core::App;
    ///
    /// // #[get("/todos/<id>")] async fn get_todo(id: u64) -> ...
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())));
    /// let app = App::new().build().unwrap();
    /// let entry = &app.entries()[0];
    /// let site = entry.site();
    /// assert_eq!((site.methods.as_slice(), site.template), (["GET"].as_slice(), "/todos/<id>"));
    /// assert!(site.function.ends_with("::get_todo"));
    /// assert!(site.file.ends_with(".rs") && site.line > 0);
    /// ```
    pub fn site(&self) -> RouteSite {
        RouteSite::of(self.route)
    }

    /// What the route reads: its path parameters, and what each extractor argument says of
    /// itself.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # use lambda_route_core::describe::{Operation, ParamLocation, Parameter};
    /// # fn describe(operation: &mut Operation) {
    /// #     operation.parameter(Parameter::new(ParamLocation::Path, "id").with_type_name("u64"));
    /// #     operation.parameter(Parameter::new(ParamLocation::Query, "fields").optional());
    /// # }
    /// use lambda_route_core::App;
    ///
    /// // #[get("/todos/<id>")] async fn get_todo(id: u64, #[query] fields: Option<String>) -> ...
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())).describe(describe));
    /// let app = App::new().build().unwrap();
    /// let operation = app.entries()[0].describe();
    /// let names: Vec<&str> = operation.parameters().iter().map(|p| p.name()).collect();
    /// assert_eq!(names, ["id", "fields"]);
    /// assert!(operation.body().is_none());
    /// ```
    pub fn describe(&self) -> Operation {
        let mut operation = Operation::default();
        self.route.run_describe(&mut operation);
        operation
    }

    /// The names of the route's own middleware (`middleware = [..]`), in the order they run
    /// (after the app's): each function's path, or the type's for a configured middleware.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// use lambda_route_core::middleware::Next;
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// async fn audit(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    ///     next.run().await
    /// }
    ///
    /// // #[get("/admin/users", middleware = [audit])]
    /// # inventory::submit!(Route::new(&["GET"], "/admin/users", shim, Location::new("users", module_path!(), file!(), line!()))
    /// #     .middleware(&[lambda_route_core::__private::erase_middleware(&audit)]));
    /// let dispatcher = App::new().build().unwrap();
    /// let names: Vec<&str> = dispatcher.entries()[0].middleware_names().collect();
    /// assert_eq!(names.len(), 1);
    /// assert!(names[0].ends_with("::audit"), "{names:?}");
    /// ```
    pub fn middleware_names(&self) -> impl Iterator<Item = &'static str> {
        self.route.middleware_names()
    }

    /// The route's own middleware (`middleware = [..]`), run after the app's.
    pub(crate) fn middleware(&self) -> &'static [&'static dyn crate::middleware::DynMiddleware] {
        self.route.middleware_list()
    }

    pub(crate) fn handler(&self) -> Handler {
        self.route.handler()
    }

    pub(crate) fn function(&self) -> &'static str {
        self.route.location().function()
    }

    /// The route's record (the OpenAPI document reads its documentation and location).
    #[cfg_attr(
        not(feature = "openapi"),
        expect(dead_code, reason = "read by the OpenAPI document only")
    )]
    pub(crate) fn route(&self) -> &'static Route {
        self.route
    }
}

/// Builds the router and the entry table, in the records' order (route ids are indexes into
/// the entries), and runs every route's start-up check.
pub(super) fn build(
    routes: &[&'static Route],
    state: &AppState,
) -> Result<(Router, Vec<RouteEntry>), StartupError> {
    if routes.is_empty() {
        return Err(StartupError::NoRoutes);
    }
    let mut router = Router::default();
    for (id, route) in routes.iter().enumerate() {
        for method in route.methods() {
            let method =
                Method::from_bytes(method.as_bytes()).map_err(|_| StartupError::InvalidRoute {
                    route: Box::new(RouteSite::of(route)),
                    reason: format!("invalid HTTP method {method:?}"),
                })?;
            router
                .insert(&method, route.template(), id)
                .map_err(|err| insert_error(err, &method, routes, route))?;
        }
    }
    for route in routes {
        route
            .run_check(state)
            .map_err(|problem| StartupError::Check {
                route: Box::new(RouteSite::of(route)),
                problem,
            })?;
    }
    let entries = routes.iter().map(|&route| RouteEntry { route }).collect();
    Ok((router, entries))
}

fn insert_error(
    err: InsertError<'_>,
    method: &Method,
    routes: &[&'static Route],
    route: &Route,
) -> StartupError {
    let invalid = |reason: String| StartupError::InvalidRoute {
        route: Box::new(RouteSite::of(route)),
        reason,
    };
    match err {
        InsertError::Conflict { existing } => StartupError::Conflict(Box::new(RouteConflict {
            method: method.to_string(),
            first: routes
                .get(existing)
                .map_or_else(|| RouteSite::of(route), |r| RouteSite::of(r)),
            second: RouteSite::of(route),
        })),
        InsertError::Template(reason) => invalid(reason.to_string()),
        InsertError::TooManyParams => invalid(format!(
            "more than {} path parameters",
            crate::router::MAX_PARAMS
        )),
    }
}

/// Where a route was declared, for start-up errors and the route table.
///
/// # Examples
///
/// ```
/// # use lambda_route_core::registry::{BoxFuture, Location, Route};
/// # use lambda_route_core::response::IntoResponse;
/// # fn shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
/// #     Box::pin(async { "todo".into_response() })
/// # }
/// use lambda_route_core::App;
///
/// // What `#[get("/todos/<id>")]` on `fn get_todo` (src/todos.rs, line 12) submits.
/// const AT: Location = Location::new("get_todo", "my_app::todos", "src/todos.rs", 12);
/// inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, AT));
///
/// let dispatcher = App::new().build()?;
/// let site = dispatcher.routes().next().unwrap();
/// assert_eq!((site.function.as_str(), site.line), ("my_app::todos::get_todo", 12));
/// assert_eq!(site.to_string(), "`my_app::todos::get_todo` (GET /todos/<id>) at src/todos.rs:12");
/// # Ok::<(), lambda_route_core::StartupError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSite {
    /// Methods, upper-case.
    pub methods: Vec<&'static str>,
    /// The path template.
    pub template: &'static str,
    /// The route function's path (`my_app::todos::get_todo`).
    pub function: String,
    /// Source file of the attribute.
    pub file: &'static str,
    /// Line of the attribute.
    pub line: u32,
}

impl RouteSite {
    fn of(route: &Route) -> Self {
        let location = route.location();
        RouteSite {
            methods: route.methods().to_vec(),
            template: route.template(),
            function: format!("{}::{}", location.module(), location.function()),
            file: location.file(),
            line: location.line(),
        }
    }
}

impl fmt::Display for RouteSite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` ({} {}) at {}:{}",
            self.function,
            self.methods.join(","),
            self.template,
            self.file,
            self.line
        )
    }
}

/// Two routes that answer the same method and path shape.
///
/// # Examples
///
/// ```
/// # use lambda_route_core::registry::{BoxFuture, Location, Route};
/// # use lambda_route_core::response::IntoResponse;
/// # fn shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
/// #     Box::pin(async { "todo".into_response() })
/// # }
/// use lambda_route_core::{App, StartupError};
///
/// // `#[get("/todos/<id>")] fn get_todo` and `#[get("/todos/<slug>")] fn find_todo`.
/// const GET: Location = Location::new("get_todo", "my_app", "src/main.rs", 3);
/// const FIND: Location = Location::new("find_todo", "my_app", "src/main.rs", 8);
/// inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, GET));
/// inventory::submit!(Route::new(&["GET"], "/todos/<slug>", shim, FIND));
///
/// let Err(StartupError::Conflict(conflict)) = App::new().build() else {
///     panic!("the two routes match the same requests");
/// };
/// assert_eq!(conflict.method, "GET");
/// assert_eq!(conflict.first.template, "/todos/<id>");
/// assert_eq!(conflict.second.template, "/todos/<slug>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteConflict {
    /// The method both routes claim.
    pub method: String,
    /// The route that sorts first.
    pub first: RouteSite,
    /// The other route.
    pub second: RouteSite,
}

/// Why an application could not start.
///
/// # Examples
///
/// ```
/// use lambda_route_core::{App, StartupError};
///
/// // This program registers no route.
/// let err = App::new().build().unwrap_err();
/// assert_eq!(err, StartupError::NoRoutes);
/// assert!(err.to_string().starts_with("no routes are registered"));
///
/// // A configuration mistake is reported before anything else.
/// let err = App::new().binary_media_types(["png"]).build().unwrap_err();
/// assert_eq!(err, StartupError::InvalidMediaType("png".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StartupError {
    /// No route is linked into the binary. Routes in a library crate register only if the
    /// binary uses that crate (`use my_routes as _;` is enough).
    NoRoutes,
    /// Two routes answer the same method and path shape.
    Conflict(Box<RouteConflict>),
    /// A route record is malformed (only possible for records not made by the macros).
    InvalidRoute {
        /// The route.
        route: Box<RouteSite>,
        /// What is wrong.
        reason: String,
    },
    /// A route argument's start-up check refused this app (see
    /// [`FromRequest::check`](crate::extract::FromRequest::check)).
    Check {
        /// The route.
        route: Box<RouteSite>,
        /// What the argument reported.
        problem: StartupProblem,
    },
    /// Two `#[catch]` functions catch the same status (or both are `#[catch(default)]`).
    DuplicateCatcher(Box<super::CatcherConflict>),
    /// A catcher record is malformed: a status outside 400 to 599 (only possible for records
    /// not made by the macros).
    InvalidCatcher {
        /// The catcher.
        catcher: Box<super::CatcherSite>,
        /// What is wrong.
        reason: String,
    },
    /// The [`App::cors`](crate::App::cors) configuration cannot work: the origin `*` with
    /// credentials (browsers refuse it), a malformed origin or pattern, an invalid header name.
    InvalidCors {
        /// What is wrong.
        reason: String,
    },
    /// An [`App::binary_media_types`](crate::App::binary_media_types) entry is not a media
    /// range (`type/subtype`, `type/*` or `*/*`).
    InvalidMediaType(String),
    /// A prefix given to [`App::strip_prefix`](super::App::strip_prefix) is not a valid
    /// path pattern.
    InvalidPrefix {
        /// The prefix as given.
        prefix: String,
        /// What is wrong.
        reason: String,
    },
    /// The name given to [`App::correlation_header`](super::App::correlation_header) is not
    /// a valid header name.
    InvalidCorrelationHeader(String),
}

impl fmt::Display for StartupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartupError::NoRoutes => f.write_str(
                "no routes are registered: add a #[get]/#[post]/... function, and if routes live \
                 in a library crate make sure the binary uses it (`use my_routes as _;`)",
            ),
            StartupError::Conflict(conflict) => write!(
                f,
                "conflicting routes for {}: {} and {} match the same requests",
                conflict.method, conflict.first, conflict.second
            ),
            StartupError::InvalidRoute { route, reason } => {
                write!(f, "invalid route {route}: {reason}")
            }
            StartupError::Check { route, problem } => {
                write!(f, "route {route} cannot start: {problem}")
            }
            StartupError::DuplicateCatcher(conflict) => {
                match conflict.status {
                    Some(status) => write!(f, "two catchers for status {status}")?,
                    None => f.write_str("two catchers for every other status")?,
                }
                write!(f, ": {} and {}", conflict.first, conflict.second)
            }
            StartupError::InvalidCatcher { catcher, reason } => {
                write!(f, "invalid catcher {catcher}: {reason}")
            }
            StartupError::InvalidCors { reason } => {
                write!(f, "invalid CORS configuration: {reason}")
            }
            StartupError::InvalidMediaType(entry) => write!(
                f,
                "binary_media_types: {entry:?} is not a media range such as \"image/png\", \
                 \"image/*\" or \"*/*\""
            ),
            StartupError::InvalidPrefix { prefix, reason } => {
                write!(f, "invalid strip_prefix({prefix:?}): {reason}")
            }
            StartupError::InvalidCorrelationHeader(name) => {
                write!(f, "correlation_header: {name:?} is not a valid header name")
            }
        }
    }
}

impl std::error::Error for StartupError {}

/// Why one route argument cannot work in this app, reported by its extractor's
/// [`check`](crate::extract::FromRequest::check) at start-up.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Arg;
/// use lambda_route_core::StartupProblem;
///
/// let problem = StartupProblem::new(Arg::new("db", 1), "no `Db` state was registered; add `App::state(db)`");
/// assert_eq!(problem.to_string(), "argument `db`: no `Db` state was registered; add `App::state(db)`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartupProblem {
    arg: &'static str,
    message: Cow<'static, str>,
}

impl StartupProblem {
    /// A problem with the argument `arg`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Arg;
    /// use lambda_route_core::StartupProblem;
    ///
    /// // In an extractor's `FromRequest::check`, for the argument `arg` it fills:
    /// let arg = Arg::new("db", 0);
    /// let problem = StartupProblem::new(arg, "no `Db` state was registered");
    /// assert_eq!(problem.to_string(), "argument `db`: no `Db` state was registered");
    /// ```
    pub fn new(arg: crate::extract::Arg, message: impl Into<Cow<'static, str>>) -> Self {
        StartupProblem {
            arg: arg.name(),
            message: message.into(),
        }
    }

    /// The argument's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Arg;
    /// use lambda_route_core::StartupProblem;
    ///
    /// let problem = StartupProblem::new(Arg::new("db", 2), "no `Db` state was registered");
    /// assert_eq!(problem.arg(), "db");
    /// ```
    pub fn arg(&self) -> &'static str {
        self.arg
    }

    /// What is wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Arg;
    /// use lambda_route_core::StartupProblem;
    ///
    /// let problem = StartupProblem::new(Arg::new("db", 2), format!("no `{}` state", "Db"));
    /// assert_eq!(problem.message(), "no `Db` state");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for StartupProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "argument `{}`: {}", self.arg, self.message)
    }
}
