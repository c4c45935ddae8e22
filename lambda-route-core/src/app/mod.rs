//! The application: configuration ([`App`]), the route table built at cold start
//! ([`table`]), the state extractors read ([`state`]), and dispatch ([`dispatch`]).

use std::any::Any;
use std::time::Duration;

mod catchers;
mod debug;
mod dispatch;
mod limits;
mod paths;
mod state;
mod table;
mod timeout;

pub use catchers::{CatcherConflict, CatcherSite};
#[cfg(local_server)]
pub(crate) use debug::Routes as RouteRows;
pub(crate) use dispatch::run as run_route;
pub use dispatch::Dispatcher;
pub use limits::MAX_RESPONSE_BYTES;
pub use paths::TrailingSlash;
pub use state::AppState;
pub use table::{RouteConflict, RouteEntry, RouteSite, StartupError, StartupProblem};

use catchers::Catchers;
use paths::PathRules;
use timeout::Timeouts;

use crate::batch::BatchConfig;
use crate::compress::{self, Compression, MediaRange};
use crate::cors::Cors;
use crate::middleware::{DynMiddleware, Middleware};
use crate::observe::{AccessLog, Observe};
use crate::registry::{self, Route};

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
    state: AppState,
    cors: Option<Cors>,
    compress: compress::Config,
    /// `binary_media_types` entries that are not media ranges, refused by [`App::build`].
    invalid_media_types: Vec<String>,
    paths: PathRules,
    /// The first invalid `strip_prefix`, reported by [`App::build`].
    bad_prefix: Option<(String, String)>,
    timeouts: Timeouts,
    batch: BatchConfig,
    observe: Observe,
    /// An invalid `correlation_header` name, reported by [`App::build`].
    bad_correlation_header: Option<String>,
    /// `App::middleware`, in registration order.
    middleware: Vec<Box<dyn DynMiddleware>>,
    /// `App::debug`.
    debug: bool,
    /// `App::openapi`.
    #[cfg(feature = "openapi")]
    openapi: Option<crate::openapi::serve::Docs>,
}

impl App {
    /// A new application with the default configuration.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/health", shim, Location::new("health", module_path!(), file!(), line!())));
    /// use lambda_route_core::App;
    ///
    /// // What `#[lambda_main]` returns when it needs no configuration.
    /// let dispatcher = App::new().build().unwrap();
    /// assert_eq!(dispatcher.routes().count(), 1);
    /// assert!(dispatcher.state().get::<String>().is_none());
    /// ```
    pub fn new() -> Self {
        App::default()
    }

    /// Registers a value every request can read, as a
    /// [`State<T>`](crate::extract::State) argument or through
    /// [`Ctx::state`](crate::Ctx::state). One value per type: a second value of the same type
    /// replaces the first. A route that needs a type nobody registered stops [`App::build`].
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::App;
    ///
    /// struct Config { table: String }
    ///
    /// let app = App::new().state(Config { table: "todos".into() });
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos", shim, Location::new("list", module_path!(), file!(), line!())));
    /// let dispatcher = app.build().unwrap();
    /// assert_eq!(dispatcher.state().get::<Config>().map(|c| c.table.as_str()), Some("todos"));
    /// ```
    pub fn state<T: Any + Send + Sync>(mut self, value: T) -> Self {
        self.state.insert(value);
        self
    }

    /// Turns on CORS for every route except those declared with `cors = false`: allowed
    /// origins get their `Access-Control-*` headers, on error answers too, and preflights
    /// are answered without a route. See [`Cors`]. A second call replaces the first.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{App, Cors};
    ///
    /// let app = App::new().cors(
    ///     Cors::new()
    ///         .allow_origin("https://example.com")
    ///         .allow_credentials(true)
    ///         .max_age(300),
    /// );
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos", shim, Location::new("list", module_path!(), file!(), line!())));
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let dispatcher = app.build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/todos","headers":{"Origin":"https://example.com"}}"#;
    /// let answer = dispatcher.dispatch(event).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// let headers = &answer["multiValueHeaders"];
    /// assert_eq!(headers["access-control-allow-origin"][0], "https://example.com");
    /// assert_eq!(headers["access-control-allow-credentials"][0], "true");
    /// # });
    /// ```
    pub fn cors(mut self, cors: Cors) -> Self {
        self.cors = Some(cors);
        self
    }

    // Compression (compress/): the app-wide switch, its settings, and REST v1's binary types.

    /// Compresses every route's responses with gzip when the client accepts it, as the route
    /// option `compress` does for one route. [`Response::compress`](crate::response::Response::compress)
    /// overrides it for one response. On a REST API (v1) it also needs
    /// [`App::binary_media_types`]; see [`compress`](crate::compress) for what is skipped.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().compress();
    /// ```
    pub fn compress(mut self) -> Self {
        self.compress.app_wide = true;
        self
    }

    /// Sets the size threshold and gzip level of compression, wherever it is turned on (by
    /// [`App::compress`], a route's `compress` flag or a response). It does not turn it on.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::compress::Compression;
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().compress().compression(Compression::default().min_size(4096));
    /// ```
    pub fn compression(mut self, settings: Compression) -> Self {
        self.compress.settings = settings;
        self
    }

    /// Declares what the REST API's (API Gateway v1) `binaryMediaTypes` covers, so
    /// compressed answers reach clients as bytes: entries as in API Gateway, `image/png`,
    /// `image/*` or `*/*` (SAM's `image~1png` spelling is accepted). A REST API hands a base64
    /// body to the client as base64 text unless that setting covers it (API Gateway looks at
    /// the request's first `Accept` value), so on REST v1 a response is compressed only if
    /// these ranges cover both its `content-type` and the request's first `Accept` value.
    /// `*/*` covers every client. Other sources ignore this. Repeated calls add entries; an entry that is not a media range
    /// stops [`App::build`] with [`StartupError::InvalidMediaType`].
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::App;
    ///
    /// // template.yaml: `BinaryMediaTypes: ["*~1*"]` on the AWS::Serverless::Api.
    /// let app = App::new().compress().binary_media_types(["*/*"]);
    /// ```
    pub fn binary_media_types<I>(mut self, types: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        for entry in types {
            match MediaRange::parse(entry.as_ref()) {
                Some(range) => self.compress.binary_media_types.push(range),
                None => self.invalid_media_types.push(entry.as_ref().to_owned()),
            }
        }
        self
    }

    // Paths and timeouts (issue 8, items 4 and 6).

    /// Routes requests whose path starts with `prefix` as if it were not there: with
    /// `strip_prefix("/api")`, `/api/todos` is routed as `/todos`, and `/api` and `/api/` as
    /// `/`. A request without the prefix is routed as it is.
    ///
    /// The prefix matches whole segments at the start of the path only: `/dev` never turns
    /// `/devices` into `ices`. It is written like a route template: static segments, and
    /// `<name>` for any one non-empty segment (`/api/<version>` strips `/api/v1` and
    /// `/api/v2`); matching is case-sensitive, `<name..>` is refused. It applies after the
    /// API Gateway stage is removed. Several calls add prefixes, tried in order; the first that
    /// matches is stripped. An invalid prefix makes [`App::build`] fail with
    /// [`StartupError::InvalidPrefix`]. With no prefix, routing pays nothing for the feature.
    ///
    /// Typical use: a REST API custom domain with a base path mapping (`api` →
    /// `https://example.com/api/todos`) sends the base path in `path`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().strip_prefix("/api").strip_prefix("/<tenant>/public");
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos", shim, Location::new("list", module_path!(), file!(), line!())));
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// // A route `#[get("/todos")]` that answers with the path it was routed on.
    /// let dispatcher = app.build().unwrap();
    /// for path in ["/api/todos", "/acme/public/todos", "/todos"] {
    ///     let event = format!(r#"{{"httpMethod":"GET","path":"{path}"}}"#);
    ///     let answer = dispatcher.dispatch(event.as_bytes()).await.unwrap();
    ///     let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    ///     assert_eq!(answer["body"], "GET /todos");
    /// }
    /// # });
    /// ```
    pub fn strip_prefix(mut self, prefix: &str) -> Self {
        match paths::parse_prefix(prefix) {
            Ok(parts) => self.paths.add_prefix(parts),
            Err(reason) => {
                self.bad_prefix.get_or_insert((prefix.to_owned(), reason));
            }
        }
        self
    }

    /// What a request path with a trailing slash routes to: [`TrailingSlash::Ignore`] (the
    /// default: `/todos/` answers like `/todos`), [`TrailingSlash::Strict`] (404) or
    /// [`TrailingSlash::Redirect`] (308 to `/todos`).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{App, TrailingSlash};
    ///
    /// let app = App::new().trailing_slash(TrailingSlash::Strict);
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos", shim, Location::new("list", module_path!(), file!(), line!())));
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let dispatcher = app.build().unwrap();
    /// let answer = dispatcher.dispatch(br#"{"httpMethod":"GET","path":"/todos/"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["statusCode"], 404);
    /// # });
    /// ```
    pub fn trailing_slash(mut self, policy: TrailingSlash) -> Self {
        self.paths.trailing_slash = policy;
        self
    }

    /// The longest a route may run before it is dropped and answered
    /// `504 {"statusCode":504,"message":"Gateway timeout"}` (through the catchers, with an
    /// error log line); the function keeps serving. A route's `timeout_ms = N` option
    /// overrides it.
    ///
    /// On Lambda every route is also bounded by the invocation's deadline less
    /// [`App::timeout_margin`] (250 ms by default), whether or not a timeout is set, so a slow
    /// route is answered 504 instead of the invocation being killed. Without a Lambda context
    /// ([`Dispatcher::dispatch`]) and without a timeout no timer is created. Timers need a
    /// tokio runtime with time enabled, as the one `#[lambda_main]` starts; under a bare
    /// executor without a runtime routes run unbounded.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::Duration;
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().timeout(Duration::from_secs(5));
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.app = Some(timeout);
        self
    }

    /// How long before the invocation deadline a route is cut off (250 ms by default): the
    /// time left to encode and post the 504.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::Duration;
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().timeout_margin(Duration::from_millis(500));
    /// ```
    pub fn timeout_margin(mut self, margin: Duration) -> Self {
        self.timeouts.margin = margin;
        self
    }

    // Observability (observe/): the access log and the correlation header.

    /// Sets the access log: one `INFO` line per request, target `lambda_route::access`, with
    /// `method`, `path`, `route`, `status`, `duration_ms`, `request_id`, `correlation_id`,
    /// `source`, `cold_start` and `error_detail`. On for every request by default; see
    /// [`AccessLog`] to turn it off or sample it.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{AccessLog, App};
    ///
    /// let app = App::new().access_log(AccessLog::sampled(0.25));
    /// ```
    pub fn access_log(mut self, access_log: AccessLog) -> Self {
        self.observe.access_log = access_log;
        self
    }

    /// The request header the correlation id comes from and is echoed in (`x-request-id` by
    /// default); see [`Request::correlation_id`](crate::Request::correlation_id) for the
    /// fallbacks. A name that is not a valid header name stops [`App::build`] with
    /// [`StartupError::InvalidCorrelationHeader`].
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().correlation_header("x-correlation-id");
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos", shim, Location::new("list", module_path!(), file!(), line!())));
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let dispatcher = app.build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/todos","headers":{"X-Correlation-Id":"c-42"}}"#;
    /// let answer = dispatcher.dispatch(event).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["multiValueHeaders"]["x-correlation-id"][0], "c-42");
    /// # });
    /// ```
    pub fn correlation_header(mut self, name: &str) -> Self {
        if self.observe.set_header(name).is_err() {
            self.bad_correlation_header = Some(name.to_owned());
        }
        self
    }

    /// Serves the app's OpenAPI 3.1 document, generated from its routes, at
    /// [`OpenApi::path`](crate::openapi::OpenApi::path) (`/openapi.json` by default). The
    /// document is built on the first request for it; it does not list itself. A route
    /// declared on the same path wins. Requires the `openapi` feature.
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
    /// use lambda_route_core::openapi::OpenApi;
    /// use lambda_route_core::App;
    ///
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().openapi(OpenApi::new("Todos API", "1.0.0").description("Things to do"));
    /// let dispatcher = app.build().unwrap();
    /// let answer = dispatcher.dispatch(br#"{"httpMethod":"GET","path":"/openapi.json"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// let document: serde_json::Value = serde_json::from_str(answer["body"].as_str().unwrap()).unwrap();
    /// assert_eq!(document["info"]["title"], "Todos API");
    /// assert!(document["paths"]["/todos"]["get"].is_object());
    /// # }
    /// ```
    #[cfg(feature = "openapi")]
    pub fn openapi(mut self, config: crate::openapi::OpenApi) -> Self {
        match &mut self.openapi {
            Some(docs) => docs.replace_config(config),
            None => self.openapi = Some(crate::openapi::serve::Docs::new(config)),
        }
        self
    }

    /// How batches of queued HTTP requests (SQS, SNS, Amazon MQ) run and which outcomes
    /// count as failures; see [`BatchConfig`] for the defaults.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{App, BatchConfig};
    ///
    /// // Retry only 5xx answers, run up to 4 records of a standard queue at once.
    /// let app = App::new().batch(
    ///     BatchConfig::new()
    ///         .fail_on(|response| response.status().is_server_error())
    ///         .concurrency(4),
    /// );
    /// ```
    pub fn batch(mut self, config: BatchConfig) -> Self {
        self.batch = config;
        self
    }

    /// Adds a middleware that wraps every route: an `async fn(&Ctx<'_>, Next<'_>) ->
    /// Response`, or a value of a type implementing [`Middleware`]. The app's middleware runs
    /// in registration order, before each route's own `middleware = [..]`; see
    /// [`middleware`](crate::middleware) for what a middleware can do.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::middleware::Next;
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// async fn no_store(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    ///     next.run().await.with_header(
    ///         http::header::CACHE_CONTROL,
    ///         http::HeaderValue::from_static("no-store"),
    ///     )
    /// }
    ///
    /// let app = App::new().middleware(no_store);
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos", shim, Location::new("list", module_path!(), file!(), line!())));
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let dispatcher = app.build().unwrap();
    /// let answer = dispatcher.dispatch(br#"{"httpMethod":"GET","path":"/todos"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["multiValueHeaders"]["cache-control"][0], "no-store");
    /// # });
    /// ```
    pub fn middleware<M: Middleware>(mut self, middleware: M) -> Self {
        self.middleware.push(Box::new(middleware));
        self
    }

    /// Prints the route table at start-up ([`App::build`]) on stderr, with each route's
    /// middleware chain, CORS, compression and timeout, and the app-wide settings. Setting
    /// the environment variable `LAMBDA_ROUTE_DEBUG=1` does the same without a rebuild.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().debug(cfg!(debug_assertions));
    /// ```
    pub fn debug(mut self, on: bool) -> Self {
        self.debug = on;
        self
    }

    /// Serves Swagger UI for the app's OpenAPI document: the page at `path` (`/docs`, and
    /// `/docs/`; no redirect), its files under `path/`, from the function itself, so it works
    /// with no internet access. Without [`App::openapi`] the document is titled "API".
    /// Neither appears in the document; a route on the same path wins. Requires the
    /// `swagger-ui` feature (~1.6 MB of JavaScript and CSS in the binary; see
    /// [`App::swagger_ui_from`] to load them from elsewhere instead).
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
    /// use lambda_route_core::openapi::OpenApi;
    /// use lambda_route_core::App;
    ///
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().openapi(OpenApi::new("Todos API", "1.0.0")).swagger_ui("/docs");
    /// let dispatcher = app.build().unwrap();
    /// let answer = dispatcher.dispatch(br#"{"httpMethod":"GET","path":"/docs"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["statusCode"], 200);
    /// assert!(answer["multiValueHeaders"]["content-type"][0].as_str().unwrap().starts_with("text/html"));
    /// # }
    /// ```
    #[cfg(feature = "swagger-ui")]
    pub fn swagger_ui(self, path: &str) -> Self {
        self.with_swagger(crate::openapi::swagger::SwaggerUi::new(path, None))
    }

    /// `App::swagger_ui` (feature `swagger-ui`) with the Swagger UI files loaded by the
    /// browser from `base_url`
    /// (`{base_url}/swagger-ui-bundle.js`, `swagger-ui.css`, `oauth2-redirect.html`; a CDN
    /// or your own bucket) instead of from the function. Requires only the `openapi`
    /// feature.
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
    /// use lambda_route_core::openapi::OpenApi;
    /// use lambda_route_core::App;
    ///
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new()
    ///     .openapi(OpenApi::new("Todos API", "1.0.0"))
    ///     .swagger_ui_from("/docs", "https://static.example.com/swagger-ui/5.17.14");
    /// let dispatcher = app.build().unwrap();
    /// let answer = dispatcher.dispatch(br#"{"httpMethod":"GET","path":"/docs"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// let page = answer["body"].as_str().unwrap();
    /// assert!(page.contains("https://static.example.com/swagger-ui/5.17.14/swagger-ui-bundle.js"));
    /// # }
    /// ```
    #[cfg(feature = "openapi")]
    pub fn swagger_ui_from(self, path: &str, base_url: &str) -> Self {
        self.with_swagger(crate::openapi::swagger::SwaggerUi::new(
            path,
            Some(base_url.to_owned()),
        ))
    }

    #[cfg(feature = "openapi")]
    fn with_swagger(mut self, swagger: crate::openapi::swagger::SwaggerUi) -> Self {
        self.openapi
            .get_or_insert_with(|| {
                crate::openapi::serve::Docs::new(crate::openapi::OpenApi::new("API", "1.0.0"))
            })
            .set_swagger(swagger);
        self
    }

    /// Collects every registered route and catcher, runs the routes' start-up checks and
    /// builds the route table.
    ///
    /// # Errors
    ///
    /// [`StartupError::NoRoutes`] when no route is linked in, [`StartupError::Conflict`] when
    /// two routes answer the same method and path shape, [`StartupError::Check`] when a
    /// route argument cannot work in this app, and [`StartupError::DuplicateCatcher`] when two
    /// `#[catch]` functions catch the same status, [`StartupError::InvalidCors`] when the
    /// [`App::cors`] configuration cannot work (`*` with credentials, a malformed origin),
    /// and [`StartupError::InvalidMediaType`] for a bad [`App::binary_media_types`] entry.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// use lambda_route_core::{App, Cors, StartupError};
    ///
    /// // #[get("/todos/<id>")] and #[put("/todos/<todo_id>")]: fine, different methods.
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())));
    /// # inventory::submit!(Route::new(&["PUT"], "/todos/<todo_id>", shim, Location::new("put_todo", module_path!(), file!(), line!())));
    /// let dispatcher = App::new().build().unwrap();
    /// assert_eq!(dispatcher.entries().len(), 2);
    ///
    /// // A configuration that cannot work stops the cold start, before any request.
    /// let bad = App::new().cors(Cors::new().allow_origin("*").allow_credentials(true)).build();
    /// assert!(matches!(bad, Err(StartupError::InvalidCors { .. })));
    /// ```
    pub fn build(self) -> Result<Dispatcher, StartupError> {
        let catchers = Catchers::build(&registry::collected_catchers())?;
        self.build_parts(registry::collected(), catchers)
    }

    /// [`App::build`] with an explicit route list instead of the registered routes, and no
    /// catchers; for tests and benchmarks of the route table itself.
    #[doc(hidden)]
    pub fn build_with(self, routes: Vec<&'static Route>) -> Result<Dispatcher, StartupError> {
        self.build_parts(routes, Catchers::default())
    }

    fn build_parts(
        self,
        routes: Vec<&'static Route>,
        catchers: Catchers,
    ) -> Result<Dispatcher, StartupError> {
        if let Some(entry) = self.invalid_media_types.into_iter().next() {
            return Err(StartupError::InvalidMediaType(entry));
        }
        if let Some(name) = self.bad_correlation_header {
            return Err(StartupError::InvalidCorrelationHeader(name));
        }
        if let Some((prefix, reason)) = self.bad_prefix {
            return Err(StartupError::InvalidPrefix { prefix, reason });
        }
        let cors = match self.cors {
            Some(cors) => Some(Box::new(
                cors.build()
                    .map_err(|reason| StartupError::InvalidCors { reason })?,
            )),
            None => None,
        };
        let (router, entries) = table::build(&routes, &self.state)?;
        let dispatcher = Dispatcher::new(router, entries, catchers, self.state, cors, self.batch)
            .with_compression(self.compress)
            .with_paths(self.paths)
            .with_timeouts(self.timeouts)
            .with_observe(self.observe)
            .with_middleware(self.middleware)
            .debugged(self.debug || debug::requested());
        #[cfg(feature = "openapi")]
        let dispatcher = dispatcher.with_docs(self.openapi);
        Ok(dispatcher)
    }
}
