//! Dispatch: one event in, one response out, through the route table.

use http::header::ALLOW;
use std::time::Instant;

use http::{HeaderValue, Method, StatusCode};
use tracing::Instrument as _;

use super::catchers::{self, Catchers};
use super::limits;
use super::paths::{self, PathRules, TrailingSlash};
use super::timeout::{self, Timeouts};
use super::{AppState, CatcherSite, RouteEntry, RouteSite};
use crate::batch::{self, BatchConfig, InvocationError};
use crate::compress;
use crate::cors::{CorsPolicy, Preflight};
use crate::ctx::Ctx;
use crate::event::{self, DecodeError};
use crate::middleware::{DynMiddleware, Next};
use crate::observe::{self, Observe};
use crate::panic::{catch, panic_response, CatchUnwind};
use crate::request::Request;
use crate::response::{render_error, ErrorInfo, Response};
use crate::router::{Lookup, Router};

/// A built application: turns events into responses.
///
/// This is also the in-process entry point: [`Dispatcher::dispatch`] takes the raw event JSON
/// and returns the raw response JSON, exactly what the Lambda Runtime API would carry, with no
/// runtime around it. Tests and benchmarks use it.
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
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use lambda_route_core::App;
///
/// let dispatcher = App::new().build()?;
/// let event = br#"{"version":"2.0","rawPath":"/todos","rawQueryString":"",
///   "requestContext":{"http":{"method":"GET","path":"/todos"},"stage":"$default"}}"#;
/// let response_json = dispatcher.dispatch(event).await?;
/// let response: serde_json::Value = serde_json::from_slice(&response_json)?;
/// assert_eq!(response["statusCode"], 200);
/// assert_eq!(response["body"], "GET /todos");
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Dispatcher {
    router: Router,
    entries: Vec<RouteEntry>,
    catchers: Catchers,
    /// Leaked once per built app: state lives as long as the process (a Lambda execution
    /// environment never tears its app down), so `State<T>` is a plain `&'static T`.
    state: &'static AppState,
    /// `App::cors`; `None` costs a request this one check.
    pub(super) cors: Option<Box<CorsPolicy>>,
    pub(super) compress: compress::Config,
    /// `App::strip_prefix` and `App::trailing_slash`.
    paths: PathRules,
    /// `App::timeout`, `App::timeout_margin`.
    pub(super) timeouts: Timeouts,
    /// How batches of queued requests are run and answered.
    batch: BatchConfig,
    /// The correlation header and the access log (`observe/`).
    observe: Observe,
    /// `App::middleware`, in registration order.
    middleware: Box<[Box<dyn DynMiddleware>]>,
    /// `App::openapi` (openapi/serve.rs): asked only when no route matched.
    #[cfg(feature = "openapi")]
    docs: Option<Box<crate::openapi::serve::Docs>>,
}

impl Dispatcher {
    pub(super) fn new(
        router: Router,
        entries: Vec<RouteEntry>,
        catchers: Catchers,
        state: AppState,
        cors: Option<Box<CorsPolicy>>,
        batch: BatchConfig,
    ) -> Self {
        Dispatcher {
            router,
            entries,
            catchers,
            state: Box::leak(Box::new(state)),
            cors,
            compress: compress::Config::default(),
            paths: PathRules::default(),
            timeouts: Timeouts::default(),
            batch,
            observe: Observe::default(),
            middleware: Box::default(),
            #[cfg(feature = "openapi")]
            docs: None,
        }
    }

    pub(super) fn with_observe(mut self, observe: Observe) -> Self {
        self.observe = observe;
        self
    }

    #[cfg(feature = "openapi")]
    pub(super) fn with_docs(mut self, docs: Option<crate::openapi::serve::Docs>) -> Self {
        self.docs = docs.map(Box::new);
        self
    }

    pub(super) fn with_compression(mut self, config: compress::Config) -> Self {
        self.compress = config;
        self
    }

    pub(super) fn with_paths(mut self, paths: PathRules) -> Self {
        self.paths = paths;
        self
    }

    pub(super) fn with_timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    pub(super) fn with_middleware(mut self, middleware: Vec<Box<dyn DynMiddleware>>) -> Self {
        self.middleware = middleware.into_boxed_slice();
        self
    }

    /// `App::debug` or `LAMBDA_ROUTE_DEBUG=1`: prints the route table on stderr.
    pub(super) fn debugged(self, on: bool) -> Self {
        if on {
            eprint!("{}", super::debug::Table(&self));
        }
        self
    }

    /// The app's middleware (`App::middleware`), in registration order.
    pub(crate) fn middleware(&self) -> &[Box<dyn DynMiddleware>] {
        &self.middleware
    }

    /// Decodes one event, routes it, runs the route, and encodes the response for the event's
    /// source.
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] when the event is not a well-formed HTTP event; the invocation should
    /// fail with it. A batch of queued requests (SQS, SNS, Amazon MQ) is refused here too:
    /// [`Dispatcher::invoke`] runs batches. Everything after decoding (unknown path, bad parameters, a panicking
    /// route) is an HTTP response, never an error.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())));
    /// use lambda_route_core::App;
    ///
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// // An HTTP API (payload 2.0) event in, its response JSON out.
    /// let event = br#"{"version":"2.0","rawPath":"/todos/7","rawQueryString":"",
    ///   "requestContext":{"http":{"method":"GET","path":"/todos/7"},"stage":"$default"}}"#;
    /// let answer = app.dispatch(event).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["statusCode"], 200);
    /// assert_eq!(answer["body"], "GET /todos/7");
    ///
    /// // An unknown path is an answer, not an error; a non-HTTP event is an error.
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/nope"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], r#"{"statusCode":404,"message":"Not found"}"#);
    /// assert!(app.dispatch(br#"{"Records":[{"eventSource":"aws:s3"}]}"#).await.is_err());
    /// # }
    /// ```
    pub async fn dispatch(&self, event: &[u8]) -> Result<Vec<u8>, DecodeError> {
        self.dispatch_with(event, None).await
    }

    /// [`Dispatcher::dispatch`] for one Lambda invocation: `lambda` is the invocation's
    /// context (request id, deadline, function ARN), which extractors read through
    /// [`Ctx::lambda`].
    ///
    /// # Errors
    ///
    /// As [`Dispatcher::dispatch`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     let id = cx.lambda().map_or("none", |lambda| lambda.request_id.as_str()).to_owned();
    ///     Box::pin(async move { id.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/id", shim, Location::new("id", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let mut lambda = lambda_runtime::Context::default();
    /// lambda.request_id = "8476a536-e9f4-11e8-9739-2dfe598c3fcd".to_owned();
    /// let answer = app.dispatch_with(br#"{"httpMethod":"GET","path":"/id"}"#, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "8476a536-e9f4-11e8-9739-2dfe598c3fcd");
    /// # }
    /// ```
    pub async fn dispatch_with(
        &self,
        event: &[u8],
        lambda: Option<&lambda_runtime::Context>,
    ) -> Result<Vec<u8>, DecodeError> {
        // Decoding and answering live in this one frame: `Request` is invariant in its
        // lifetime (it caches its header and query pairs), so the context's `&'r Request<'r>`
        // can only be formed where the request's lifetime is still chosen, which is here.
        let mut request = event::decode(event)?;
        let slash = self.prepare(&mut request);
        let mut cx = None;
        Ok(self.answer(&request, slash, &mut cx, lambda).await)
    }

    /// Answers any invocation: an HTTP event as [`Dispatcher::dispatch_with`] does, or a batch
    /// of queued HTTP requests (SQS, SNS, Amazon MQ) as described in
    /// [`BatchConfig`](crate::BatchConfig): each record through the same routes, then the
    /// batch's answer (`{"batchItemFailures":[..]}` for SQS, `null` for SNS and Amazon MQ).
    /// This is what the Lambda runtime calls.
    ///
    /// # Errors
    ///
    /// [`InvocationError::Decode`] when the event is neither a well-formed HTTP event nor a
    /// batch; [`InvocationError::BatchFailed`] when an SNS or Amazon MQ batch had a failed
    /// request.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["POST"], "/jobs", shim, Location::new("create_job", module_path!(), file!(), line!())));
    /// # fn busy<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { lambda_route_core::response::Response::new(http::StatusCode::SERVICE_UNAVAILABLE) })
    /// # }
    /// # inventory::submit!(Route::new(&["POST"], "/reports", busy, Location::new("busy", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// # let dispatcher = lambda_route_core::App::new().build().unwrap();
    /// // Routes: `POST /jobs` answers 200, `POST /reports` answers 503. By default a 5xx or a
    /// // 429 is a failure, to retry; a 404 (no route for `/nope`) would fail again, so it is not.
    /// let event = br#"{"Records":[{"messageId":"m1","eventSource":"aws:sqs",
    ///   "eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:jobs",
    ///   "body":"{\"httpMethod\":\"POST\",\"path\":\"/jobs\",\"body\":\"{}\"}"},
    ///   {"messageId":"m2","eventSource":"aws:sqs",
    ///   "eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:jobs",
    ///   "body":"{\"httpMethod\":\"POST\",\"path\":\"/nope\"}"},
    ///   {"messageId":"m3","eventSource":"aws:sqs",
    ///   "eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:jobs",
    ///   "body":"{\"httpMethod\":\"POST\",\"path\":\"/reports\"}"}]}"#;
    /// let answer = dispatcher.invoke(event, None).await.unwrap();
    /// assert_eq!(answer, br#"{"batchItemFailures":[{"itemIdentifier":"m3"}]}"#);
    /// # }
    /// ```
    pub async fn invoke(
        &self,
        event: &[u8],
        lambda: Option<&lambda_runtime::Context>,
    ) -> Result<Vec<u8>, InvocationError> {
        // An SQS or SNS batch as Lambda sends it is recognised without the detection parse;
        // a wrong guess (its records are not of that kind) falls through to it.
        if let Some(kind) = batch::sniff(event) {
            match Box::pin(batch::run(self, kind, event, lambda)).await {
                Err(InvocationError::Decode(_)) => {}
                answered => return answered,
            }
        }
        match event::decode(event) {
            Ok(mut request) => {
                let slash = self.prepare(&mut request);
                let mut cx = None;
                Ok(self.answer(&request, slash, &mut cx, lambda).await)
            }
            // Boxed: the batch runner's state stays out of every HTTP event's future.
            Err(err) => match err.batch_kind() {
                Some(kind) => Box::pin(batch::run(self, kind, event, lambda)).await,
                None => Err(err.into()),
            },
        }
    }

    /// Applies `App::strip_prefix` to a decoded request and says whether its trailing slash
    /// needs the app's policy: one check when neither is set.
    pub(crate) fn prepare(&self, request: &mut Request<'_>) -> Option<TrailingSlash> {
        request.correlation_header = self.observe.header_str;
        if self.paths.is_plain() {
            return None;
        }
        self.paths.strip(request);
        (self.paths.trailing_slash != TrailingSlash::Ignore
            && paths::has_trailing_slash(&request.path))
        .then_some(self.paths.trailing_slash)
    }

    /// Routes a decoded request and encodes the answer for its source, compressed when the
    /// response, its route or the app asks for it.
    async fn answer<'r>(
        &'r self,
        request: &'r Request<'r>,
        slash: Option<TrailingSlash>,
        cx: &'r mut Option<Ctx<'r>>,
        lambda: Option<&'r lambda_runtime::Context>,
    ) -> Vec<u8> {
        // The access log (observe/): one check when no subscriber listens to it.
        let cold = observe::cold_start();
        let started = observe::access_enabled().then(Instant::now);
        // The `request` span carries the correlation id to every log line of the request; a
        // disabled span is not entered at all.
        let span = tracing::info_span!(
            target: "lambda_route",
            "request",
            correlation_id = tracing::field::Empty
        );
        let (mut response, matched, detail) = if span.is_disabled() {
            self.respond(request, slash, cx, lambda).await
        } else {
            span.record("correlation_id", request.correlation_id());
            self.respond(request, slash, cx, lambda)
                .instrument(span.clone())
                .await
        };
        // A correlation id the client sent goes back under its header, unless the route set
        // it. (A gateway returns its own request id, the fallback, as `x-amzn-RequestId` or
        // `apigw-requestid` already.)
        let header = self.observe.header_str;
        if let Some(sent) = request
            .headers
            .might_have(header)
            .then(|| request.header(header))
            .flatten()
        {
            if sent == request.correlation_id()
                && response.header(self.observe.header_str).is_none()
            {
                if let Ok(value) = HeaderValue::from_str(sent) {
                    response.append_header(self.observe.header.clone(), value);
                }
            }
        }
        // Compression (compress/) is for the client's transport only, so it lives here and
        // not in `respond`, which queued requests share. Off everywhere, this is one branch.
        if response
            .compression()
            .unwrap_or(matched.is_some_and(RouteEntry::compress) || self.compress.app_wide)
        {
            compress::apply(&self.compress, request, &mut response);
        }
        let mut json = event::encode(request, &response, request.method == Method::HEAD);
        let mut status = response.status();
        // Lambda's response limit (limits.rs): one comparison on the way out.
        if json.len() > limits::MAX_RESPONSE_BYTES {
            json = limits::too_large(request, matched, json.len());
            status = StatusCode::INTERNAL_SERVER_ERROR;
        }
        // The access line, with the status the client gets.
        if let Some(started) = started {
            if self.observe.access_log.wants(status.is_server_error()) {
                let _entered = span.enter();
                observe::log_access(
                    request,
                    matched,
                    status,
                    detail.as_deref(),
                    started,
                    lambda,
                    cold,
                );
            }
        }
        json
    }

    /// Routes a decoded request, runs the route, renders any error and adds the CORS headers:
    /// the response and the matched route. Shared by HTTP events and queued requests.
    ///
    /// `cx` is the caller's empty slot for the context: `Request` is invariant in its
    /// lifetime (it caches its header and query pairs), so the context's `&'r Request<'r>`,
    /// and the `&'r Ctx<'r>` the shim takes, can only be formed in the frame that owns the
    /// request, which is the caller's.
    pub(crate) async fn respond<'r>(
        &'r self,
        request: &'r Request<'r>,
        slash: Option<TrailingSlash>,
        cx: &'r mut Option<Ctx<'r>>,
        lambda: Option<&'r lambda_runtime::Context>,
    ) -> (Response, Option<&'r RouteEntry>, Option<Box<str>>) {
        // CORS: the matched route (its `cors = false`), and whether a preflight already
        // settled the CORS headers.
        let mut matched = None;
        let mut cors_settled = false;
        let mut response = match self.router.lookup(&request.method, &request.path) {
            _ if slash == Some(TrailingSlash::Strict) => not_found(),
            Lookup::Found(..) | Lookup::MethodNotAllowed(_)
                if slash == Some(TrailingSlash::Redirect) =>
            {
                paths::redirect_without_slash(request)
            }
            Lookup::Found(id, mut params) => match self.entries.get(id) {
                Some(entry) => {
                    matched = Some(entry);
                    params.set_decoded(request.source.path_is_decoded());
                    let cx = cx.insert(Ctx::new(request, params, self.state, entry, lambda));
                    // Middleware (middleware/): without any, for the app or this route, the
                    // route runs as it is; one emptiness check.
                    if !self.middleware.is_empty() || !entry.middleware().is_empty() {
                        // Boxed: the chain's state stays out of every request's future.
                        Box::pin(self.chain(entry, cx, lambda)).await
                    } else {
                        // Route timeouts (timeout.rs): no timer without a limit.
                        match self.timeouts.limit(entry, lambda) {
                            None => run(entry, cx).await,
                            Some(limit) => {
                                Box::pin(timeout::bounded(run(entry, cx), limit, entry)).await
                            }
                        }
                    }
                }
                None => not_found(),
            },
            // A CORS preflight is an `OPTIONS` the path has no route for: it is answered here,
            // before the 405.
            Lookup::MethodNotAllowed(methods) => match self.cors.as_deref() {
                Some(cors) if request.method == Method::OPTIONS => {
                    match self.preflight(cors, request, &methods) {
                        Preflight::No => method_not_allowed(&methods),
                        Preflight::Off => {
                            cors_settled = true;
                            method_not_allowed(&methods)
                        }
                        Preflight::Answer(answer) => {
                            cors_settled = true;
                            answer
                        }
                    }
                }
                _ => method_not_allowed(&methods),
            },
            Lookup::NotFound => self.unrouted(request),
        };
        // The error funnel: every framework answer is rendered here, once, unless the app's
        // catcher for its status answers instead. A success response pays this one check.
        let mut detail = None;
        if let Some(error) = response.error() {
            // Kept for the access log: a catcher's answer replaces the error.
            detail = error.private_detail().map(Box::from);
            if let Some(catcher) = self.catchers.find(response.status()) {
                // Boxed: the catcher's state stays out of every request's future.
                response = Box::pin(catchers::run(catcher, request, response)).await;
            }
            render_error(&mut response);
        }
        // CORS, after the funnel and the catchers so that every answer gets its headers. An
        // app without `App::cors` pays this one check.
        if let Some(cors) = self.cors.as_deref() {
            if !cors_settled && matched.is_none_or(RouteEntry::cors) {
                cors.decorate(request, &mut response);
            }
        }
        (response, matched, detail)
    }

    /// Runs the app's and the route's middleware around the route, all under the route's
    /// timeout when there is one.
    async fn chain<'r>(
        &'r self,
        entry: &'r RouteEntry,
        cx: &'r Ctx<'r>,
        lambda: Option<&'r lambda_runtime::Context>,
    ) -> Response {
        let chain = Next::new(cx, &self.middleware).run();
        match self.timeouts.limit(entry, lambda) {
            None => chain.await,
            Some(limit) => timeout::bounded(chain, limit, entry).await,
        }
    }

    /// The app's state, as routes read it through [`State<T>`](crate::extract::State).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos", shim, Location::new("list", module_path!(), file!(), line!())));
    /// use lambda_route_core::App;
    ///
    /// struct Config { table: String }
    ///
    /// let dispatcher = App::new().state(Config { table: "todos".into() }).build().unwrap();
    /// let table = dispatcher.state().get::<Config>().map(|c| c.table.as_str());
    /// assert_eq!(table, Some("todos"));
    /// ```
    pub fn state(&self) -> &'static AppState {
        self.state
    }

    /// The app's access log setting.
    pub(crate) fn access_log(&self) -> crate::AccessLog {
        self.observe.access_log
    }

    /// The app's batch configuration.
    pub(crate) fn batch_config(&self) -> &BatchConfig {
        &self.batch
    }

    /// Answers a CORS preflight for the path of `request`, routed for `methods`.
    fn preflight(&self, cors: &CorsPolicy, request: &Request<'_>, methods: &[Method]) -> Preflight {
        // The route each method reaches on this path (`HEAD` reaches the `GET` route).
        let cors_for = |method: &Method| match self.router.lookup(method, &request.path) {
            Lookup::Found(id, _) => self.entries.get(id).map(RouteEntry::cors),
            _ => None,
        };
        cors.preflight(request, methods, cors_for)
    }

    /// The answer to a request no route matched: the OpenAPI document or the Swagger UI
    /// when it asks for them, else 404.
    fn unrouted(&self, request: &Request<'_>) -> Response {
        #[cfg(feature = "openapi")]
        if let Some(answer) = self
            .docs
            .as_deref()
            .and_then(|docs| docs.answer(&self.entries, request))
        {
            return answer;
        }
        let _ = request;
        not_found()
    }

    /// The app's OpenAPI document, as [`App::openapi`](crate::App::openapi) serves it
    /// (with `/` as its server); `None` without `App::openapi`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())));
    /// use lambda_route_core::openapi::OpenApi;
    /// use lambda_route_core::App;
    ///
    /// let dispatcher = App::new().openapi(OpenApi::new("Todos API", "1.0.0")).build().unwrap();
    /// let document = dispatcher.openapi_document().unwrap();
    /// assert_eq!(document["openapi"], "3.1.0");
    /// assert!(document["paths"]["/todos/{id}"]["get"].is_object());
    /// ```
    #[cfg(feature = "openapi")]
    pub fn openapi_document(&self) -> Option<serde_json::Value> {
        let docs = self.docs.as_deref()?;
        Some(docs.document(&self.entries, None))
    }

    /// The route table: every route, in the fixed order used for matching and conflicts.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move { format!("{} {}", cx.request().method(), cx.request().path()).into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["POST"], "/todos", shim, Location::new("create_todo", module_path!(), file!(), line!())));
    /// # inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, Location::new("get_todo", module_path!(), file!(), line!())));
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().build().unwrap();
    /// let table: Vec<String> = app.routes().map(|site| format!("{} {}", site.methods.join(","), site.template)).collect();
    /// assert_eq!(table, ["POST /todos", "GET /todos/<id>"]);
    /// ```
    pub fn routes(&self) -> impl Iterator<Item = RouteSite> + '_ {
        self.entries.iter().map(RouteEntry::site)
    }

    /// The app's catchers (`#[catch(N)]`), by status, the `#[catch(default)]` one last.
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
    /// # use lambda_route_core::registry::Catcher;
    /// # use lambda_route_core::Request;
    /// # use lambda_route_core::response::Response;
    /// # fn catch<'a, 'r>(_: &'a Request<'r>, _: &'a Response) -> BoxFuture<'a> {
    /// #     Box::pin(async { "oops".into_response() })
    /// # }
    /// # inventory::submit!(Catcher::new(404, catch, Location::new("not_found", module_path!(), file!(), line!())));
    /// # inventory::submit!(Catcher::fallback(catch, Location::new("any_error", module_path!(), file!(), line!())));
    /// use lambda_route_core::App;
    ///
    /// // #[catch(404)] async fn not_found(..) and #[catch(default)] async fn any_error(..)
    /// let dispatcher = App::new().build().unwrap();
    /// let caught: Vec<Option<u16>> = dispatcher.catchers().map(|site| site.status).collect();
    /// assert_eq!(caught, [Some(404), None]);
    /// ```
    pub fn catchers(&self) -> impl Iterator<Item = CatcherSite> + '_ {
        self.catchers.sites()
    }

    /// Every route's entry, in the same order as [`Dispatcher::routes`].
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
    /// # inventory::submit!(Route::new(&["GET"], "/reports/<year>", shim, Location::new("report", module_path!(), file!(), line!())).cors(false).timeout_ms(10000));
    /// use lambda_route_core::App;
    ///
    /// // #[get("/reports/<year>", cors = false, timeout_ms = 10000)] next to #[get("/todos")]
    /// let app = App::new().build().unwrap();
    /// let private: Vec<&str> = app.entries().iter().filter(|e| !e.cors()).map(|e| e.template()).collect();
    /// assert_eq!(private, ["/reports/<year>"]);
    /// ```
    pub fn entries(&self) -> &[RouteEntry] {
        &self.entries
    }
}

/// Runs the matched route's shim; a panic while building or polling its future is a 500.
pub(crate) async fn run<'r>(entry: &'r RouteEntry, cx: &'r Ctx<'r>) -> Response {
    let future = match catch(|| (entry.handler())(cx)) {
        Ok(future) => future,
        Err(payload) => return panic_response(entry.function(), payload.as_ref()),
    };
    match CatchUnwind(future).await {
        Ok(response) => response,
        Err(payload) => panic_response(entry.function(), payload.as_ref()),
    }
}

fn not_found() -> Response {
    Response::from_error(ErrorInfo::new(StatusCode::NOT_FOUND, "Not found"))
}

fn method_not_allowed(methods: &[Method]) -> Response {
    let allow = methods
        .iter()
        .map(Method::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    let response = Response::from_error(ErrorInfo::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "Method not allowed",
    ));
    match HeaderValue::from_str(&allow) {
        Ok(value) => response.with_header(ALLOW, value),
        Err(_) => response,
    }
}
