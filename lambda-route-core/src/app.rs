//! The application: configuration, the route table built at cold start, and dispatch.

use std::fmt;

use http::header::ALLOW;
use http::{HeaderValue, Method, StatusCode};

use crate::event::{self, DecodeError};
use crate::panic::{catch, panic_response, CatchUnwind};
use crate::registry::{self, Route};
use crate::request::Request;
use crate::response::{error_response, Response};
use crate::router::{InsertError, Lookup, Router};

/// A lambda-route application: what `#[lambda_main]` returns.
///
/// Routes are not listed here: every `#[get]`, `#[post]`, ... function linked into the binary
/// registers itself. [`App::build`] collects them into a [`Dispatcher`].
///
/// # Examples
///
/// ```
/// use lambda_route_core::{App, StartupError};
///
/// // A binary with no route functions cannot start.
/// assert!(matches!(App::new().build(), Err(StartupError::NoRoutes)));
/// ```
#[derive(Debug, Default)]
#[must_use]
pub struct App {
    _private: (),
}

impl App {
    /// A new application with the default configuration.
    pub fn new() -> Self {
        App::default()
    }

    /// Collects every registered route and builds the route table.
    ///
    /// # Errors
    ///
    /// [`StartupError::NoRoutes`] when no route is linked in, and
    /// [`StartupError::Conflict`] when two routes answer the same method and path shape.
    pub fn build(self) -> Result<Dispatcher, StartupError> {
        self.build_with(registry::collected())
    }

    /// [`App::build`] with an explicit route list instead of the registered routes; for
    /// tests and benchmarks of the route table itself.
    #[doc(hidden)]
    pub fn build_with(self, routes: Vec<&'static Route>) -> Result<Dispatcher, StartupError> {
        if routes.is_empty() {
            return Err(StartupError::NoRoutes);
        }
        let mut router = Router::default();
        let mut statuses = Vec::with_capacity(routes.len());
        for (id, route) in routes.iter().enumerate() {
            let status = match route.status.map(StatusCode::from_u16) {
                None => None,
                Some(Ok(status)) => Some(status),
                Some(Err(_)) => {
                    return Err(StartupError::InvalidRoute {
                        route: Box::new(RouteSite::of(route)),
                        reason: format!("invalid status {:?}", route.status),
                    })
                }
            };
            statuses.push(status);
            for method in route.methods {
                let method = Method::from_bytes(method.as_bytes()).map_err(|_| {
                    StartupError::InvalidRoute {
                        route: Box::new(RouteSite::of(route)),
                        reason: format!("invalid HTTP method {method:?}"),
                    }
                })?;
                router
                    .insert(&method, route.template, id)
                    .map_err(|err| match err {
                        InsertError::Conflict { existing } => {
                            StartupError::Conflict(Box::new(RouteConflict {
                                method: method.to_string(),
                                first: routes
                                    .get(existing)
                                    .map_or_else(|| RouteSite::of(route), |r| RouteSite::of(r)),
                                second: RouteSite::of(route),
                            }))
                        }
                        InsertError::Template(reason) => StartupError::InvalidRoute {
                            route: Box::new(RouteSite::of(route)),
                            reason: reason.to_string(),
                        },
                        InsertError::TooManyParams => StartupError::InvalidRoute {
                            route: Box::new(RouteSite::of(route)),
                            reason: format!(
                                "more than {} path parameters",
                                crate::extract::MAX_PARAMS
                            ),
                        },
                    })?;
            }
        }
        Ok(Dispatcher {
            router,
            routes,
            statuses,
        })
    }
}

/// Where a route was declared, for start-up errors and the route table.
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
        RouteSite {
            methods: route.methods.to_vec(),
            template: route.template,
            function: format!("{}::{}", route.module, route.function),
            file: route.file,
            line: route.line,
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
        }
    }
}

impl std::error::Error for StartupError {}

/// A built application: turns events into responses.
///
/// This is also the in-process entry point: [`Dispatcher::dispatch`] takes the raw event JSON
/// and returns the raw response JSON, exactly what the Lambda Runtime API would carry, with no
/// runtime around it. Tests and benchmarks use it.
///
/// # Examples
///
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use lambda_route_core::App;
///
/// let dispatcher = App::new().build()?;
/// let event = br#"{"version":"2.0","rawPath":"/todos","rawQueryString":"",
///   "requestContext":{"http":{"method":"GET","path":"/todos"},"stage":"$default"}}"#;
/// let response_json = dispatcher.dispatch(event).await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Dispatcher {
    router: Router,
    routes: Vec<&'static Route>,
    statuses: Vec<Option<StatusCode>>,
}

impl Dispatcher {
    /// Decodes one event, routes it, runs the route, and encodes the response for the event's
    /// source.
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] when the event is not a well-formed HTTP event; the invocation should
    /// fail with it. Everything after decoding (unknown path, bad parameters, a panicking
    /// route) is an HTTP response, never an error.
    pub async fn dispatch(&self, event: &[u8]) -> Result<Vec<u8>, DecodeError> {
        self.dispatch_with(event, None).await
    }

    /// [`Dispatcher::dispatch`] for one Lambda invocation: `lambda` is the invocation's
    /// context (request id, deadline, function ARN), which extractors can read.
    ///
    /// # Errors
    ///
    /// As [`Dispatcher::dispatch`].
    pub async fn dispatch_with(
        &self,
        event: &[u8],
        lambda: Option<&lambda_runtime::Context>,
    ) -> Result<Vec<u8>, DecodeError> {
        let _ = lambda;
        let request = event::decode(event)?;
        let response = self.respond(&request).await;
        Ok(event::encode(
            &request,
            &response,
            request.method == Method::HEAD,
        ))
    }

    /// Routes an already decoded request and runs the route.
    pub async fn respond(&self, request: &Request<'_>) -> Response {
        let (id, mut params) = match self.router.lookup(&request.method, &request.path) {
            Lookup::Found(id, params) => (id, params),
            Lookup::MethodNotAllowed(methods) => return method_not_allowed(&methods),
            Lookup::NotFound => return error_response(StatusCode::NOT_FOUND, "Not found", None),
        };
        params.set_decoded(request.source.path_is_decoded());
        let Some(route) = self.routes.get(id) else {
            return error_response(StatusCode::NOT_FOUND, "Not found", None);
        };
        let future = match catch(|| (route.handler)(request, &params)) {
            Ok(future) => future,
            Err(payload) => return panic_response(route.function, payload.as_ref()),
        };
        let mut response = match CatchUnwind(future).await {
            Ok(response) => response,
            Err(payload) => return panic_response(route.function, payload.as_ref()),
        };
        if let Some(Some(status)) = self.statuses.get(id) {
            response.apply_default_status(*status);
        }
        response
    }

    /// The route table: every route, in the fixed order used for matching and conflicts.
    pub fn routes(&self) -> impl Iterator<Item = RouteSite> + '_ {
        self.routes.iter().map(|r| RouteSite::of(r))
    }
}

fn method_not_allowed(methods: &[Method]) -> Response {
    let allow = methods
        .iter()
        .map(Method::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    let response = error_response(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed", None);
    match HeaderValue::from_str(&allow) {
        Ok(value) => response.with_header(ALLOW, value),
        Err(_) => response,
    }
}
