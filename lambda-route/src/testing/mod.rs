//! An in-process test client: requests become real event JSON of any source, go through the
//! exact path a Lambda invocation takes, and come back as that source's response, decoded.
//!
//! ```
//! use lambda_route::prelude::*;
//! use lambda_route::testing::{Source, TestClient};
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
//! struct Todo { id: u64, title: String }
//!
//! struct Db(Vec<Todo>);
//!
//! #[get("/todos/<id>")]
//! fn todo(id: u64, db: State<Db>, #[header("x-api-key")] _key: String) -> Option<Json<Todo>> {
//!     db.0.iter().find(|t| t.id == id).cloned().map(Json)
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), lambda_route::StartupError> {
//! let db = Db(vec![Todo { id: 1, title: "write tests".into() }]);
//! let client = TestClient::new(App::new().state(db))?;
//! let res = client.get("/todos/1").header("x-api-key", "k").source(Source::Alb).send().await;
//! assert_eq!(res.status(), 200);
//! let todo: Todo = res.json();
//! assert_eq!(todo.title, "write tests");
//!
//! // A missing header is the same 422 from every source.
//! let res = client.get("/todos/1").source(Source::ApiGatewayV1).send().await;
//! assert_eq!(res.status(), 422);
//! # Ok(()) }
//! ```
//!
//! What it checks, beyond a handler call: the event decoder of the chosen source, routing
//! with the app's prefixes and trailing-slash policy, every extractor, catchers, CORS,
//! compression, timeouts (each request has a Lambda context with a deadline), and the
//! response encoder, read back the way that source's gateway reads it (a cookie an ALB
//! would drop is missing from the [`TestResponse`] too).
//!
//! The module is always built: it needs nothing the runtime does not already use.
//! [`TestClient::send_raw`] takes a hand-written event when a test needs exact control;
//! [`TestRequest::event`] shows the event a request becomes.
//!
//! Requests run on the caller's async runtime. With the default deadline a route runs under
//! a tokio timer, so use a runtime with time enabled: `#[tokio::test]` (or
//! `#[tokio::main]`) enables it.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::event::DecodeError;
use crate::{App, Dispatcher, Method, Request, StartupError};

mod event;
mod response;

pub use response::TestResponse;

/// The event sources a request can be sent as ([`TestRequest::source`]), the same type as
/// [`crate::event::Source`].
pub use crate::event::Source;

/// The Lambda invocation context (`lambda_runtime::Context`), for
/// [`TestRequest::lambda_context`] and [`TestClient::send_raw_with`].
pub use lambda_runtime::Context as LambdaContext;

/// Sends requests to an app in-process, as events of any Lambda HTTP source.
///
/// It builds the app once, like a cold start (so a start-up failure is an `Err` here); each
/// request is then one invocation.
///
/// # Examples
///
/// ```
/// use lambda_route::prelude::*;
/// use lambda_route::testing::TestClient;
///
/// #[get("/health")]
/// fn health() -> &'static str { "ok" }
///
/// // In a test: `#[tokio::test] async fn health_answers() -> Result<(), StartupError>`.
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), lambda_route::StartupError> {
/// let client = TestClient::new(App::new())?;
/// let res = client.get("/health").send().await;
/// assert_eq!((res.status().as_u16(), res.text()), (200, "ok"));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct TestClient {
    dispatcher: Dispatcher,
    source: Source,
    multi_value: bool,
    function_timeout: Duration,
    function: Arc<lambda_runtime::Config>,
}

impl TestClient {
    /// Builds `app`, as a cold start would, for requests sent as HTTP API payload 2.0
    /// events (the local server's default) unless [`TestClient::source`] says otherwise.
    ///
    /// # Errors
    ///
    /// The app's [`StartupError`]: conflicting routes, a failed start-up check (a `State<T>`
    /// nobody registered), no routes, duplicate catchers, an invalid CORS policy.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// struct Greeting(&'static str);
    ///
    /// #[get("/greet")]
    /// fn greet(greeting: State<Greeting>) -> &'static str { greeting.0 }
    ///
    /// // Without its state the app does not start: an error now, not a 500 later.
    /// assert!(TestClient::new(App::new()).is_err());
    /// assert!(TestClient::new(App::new().state(Greeting("hi"))).is_ok());
    /// ```
    pub fn new(app: App) -> Result<Self, StartupError> {
        Ok(TestClient {
            dispatcher: app.build()?,
            source: Source::HttpApiV2,
            multi_value: false,
            function_timeout: Duration::from_secs(3),
            function: Arc::new(lambda_runtime::Config {
                function_name: "test-function".to_owned(),
                memory: 128,
                version: "$LATEST".to_owned(),
                log_stream: "2026/01/01/[$LATEST]00000000000000000000000000000000".to_owned(),
                log_group: "/aws/lambda/test-function".to_owned(),
            }),
        })
    }

    /// The source every request is sent as unless it says otherwise
    /// ([`TestRequest::source`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/from")]
    /// fn from(request: &Request<'_>) -> String { request.source().to_string() }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?.source(Source::ApiGatewayV1);
    /// assert_eq!(client.get("/from").send().await.text(), "API Gateway REST (v1)");
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn source(mut self, source: Source) -> Self {
        self.source = source;
        self
    }

    /// Whether ALB events use multi-value headers (the target group attribute
    /// `lambda.multi_value_headers.enabled`), for every request unless it says otherwise
    /// ([`TestRequest::multi_value_headers`]). Every other source has one fixed shape and
    /// ignores this. Off by default.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/tags")]
    /// fn tags(#[header("x-tag")] tags: Vec<String>) -> String { tags.join("|") }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let single = TestClient::new(App::new())?.source(Source::Alb);
    /// let multi = TestClient::new(App::new())?.source(Source::Alb).multi_value_headers(true);
    /// for (client, seen) in [(single, "b"), (multi, "a|b")] {
    ///     // In single-value mode the load balancer keeps the last value.
    ///     let res = client.get("/tags").header("x-tag", "a").header("x-tag", "b").send().await;
    ///     assert_eq!(res.text(), seen);
    /// }
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn multi_value_headers(mut self, on: bool) -> Self {
        self.multi_value = on;
        self
    }

    /// The function's configured timeout: each request's deadline is this long after it is
    /// sent (3 s by default, Lambda's default), so routes are bounded as on Lambda (less
    /// [`App::timeout_margin`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::Duration;
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/slow")]
    /// async fn slow() -> &'static str {
    ///     tokio::time::sleep(Duration::from_secs(2)).await;
    ///     "done"
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?.function_timeout(Duration::from_millis(400));
    /// assert_eq!(client.get("/slow").send().await.status(), 504);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn function_timeout(mut self, timeout: Duration) -> Self {
        self.function_timeout = timeout;
        self
    }

    /// The built app, for what the client does not cover (its route table,
    /// [`Dispatcher::dispatch`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/a")]
    /// fn a() {}
    ///
    /// let client = TestClient::new(App::new())?;
    /// assert!(client.dispatcher().routes().any(|r| r.template == "/a"));
    /// # Ok::<(), lambda_route::StartupError>(())
    /// ```
    pub fn dispatcher(&self) -> &Dispatcher {
        &self.dispatcher
    }

    /// A request with `method` for `path`, which may hold a query string (`/todos?limit=5`),
    /// percent-encoded as a client sends it.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[route("/items", method = "PURGE")]
    /// fn purge() -> &'static str { "purged" }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let purge = lambda_route::Method::from_bytes(b"PURGE").unwrap();
    /// assert_eq!(client.request(purge, "/items").send().await.text(), "purged");
    /// # Ok(()) }
    /// ```
    pub fn request(&self, method: Method, path: &str) -> TestRequest<'_> {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        TestRequest {
            client: self,
            method,
            path: path.to_owned(),
            query: query.to_owned(),
            headers: Vec::new(),
            cookies: Vec::new(),
            body: None,
            base64: false,
            source: self.source,
            multi_value: self.multi_value,
            request_id: None,
            deadline: None,
            context: None,
        }
    }

    /// A `GET` request for `path` ([`TestClient::request`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/search")]
    /// fn search(#[query] q: String) -> String { q }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.get("/search?q=rust+lambda").send().await.text(), "rust lambda");
    /// # Ok(()) }
    /// ```
    pub fn get(&self, path: &str) -> TestRequest<'_> {
        self.request(Method::GET, path)
    }

    /// A `POST` request for `path` ([`TestClient::request`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    /// use serde::Deserialize;
    ///
    /// #[derive(Deserialize)]
    /// struct New { title: String }
    ///
    /// #[post("/todos", status = 201)]
    /// fn create(Json(new): Json<New>) -> String { new.title }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.post("/todos").json(&serde_json::json!({"title": "x"})).send().await;
    /// assert_eq!((res.status().as_u16(), res.text()), (201, "x"));
    /// # Ok(()) }
    /// ```
    pub fn post(&self, path: &str) -> TestRequest<'_> {
        self.request(Method::POST, path)
    }

    /// A `PUT` request for `path` ([`TestClient::request`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[put("/files/<name>")]
    /// fn upload(name: String, body: Bytes<'_>) -> String { format!("{name}: {}", body.0.len()) }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.put("/files/a.bin").body(vec![0u8, 255, 1]).send().await;
    /// assert_eq!(res.text(), "a.bin: 3");
    /// # Ok(()) }
    /// ```
    pub fn put(&self, path: &str) -> TestRequest<'_> {
        self.request(Method::PUT, path)
    }

    /// A `PATCH` request for `path` ([`TestClient::request`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[patch("/todos/<id>")]
    /// fn rename(id: u64, title: Text<'_>) -> String { format!("{id} is now {}", title.0) }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.patch("/todos/3").body("shop").send().await;
    /// assert_eq!(res.text(), "3 is now shop");
    /// # Ok(()) }
    /// ```
    pub fn patch(&self, path: &str) -> TestRequest<'_> {
        self.request(Method::PATCH, path)
    }

    /// A `DELETE` request for `path` ([`TestClient::request`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[delete("/todos/<id>")]
    /// fn remove(id: u64) {}
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.delete("/todos/3").send().await.status(), 204);
    /// assert_eq!(client.get("/todos/3").send().await.status(), 405);
    /// # Ok(()) }
    /// ```
    pub fn delete(&self, path: &str) -> TestRequest<'_> {
        self.request(Method::DELETE, path)
    }

    /// A `HEAD` request for `path` ([`TestClient::request`]); a `GET` route answers it
    /// without a body.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/page")]
    /// fn page() -> &'static str { "content" }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.head("/page").send().await;
    /// assert_eq!((res.status().as_u16(), res.bytes()), (200, &b""[..]));
    /// # Ok(()) }
    /// ```
    pub fn head(&self, path: &str) -> TestRequest<'_> {
        self.request(Method::HEAD, path)
    }

    /// An `OPTIONS` request for `path` ([`TestClient::request`]), such as a CORS preflight.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[post("/todos")]
    /// fn create() {}
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new().cors(Cors::new().allow_origin("https://a.example")))?;
    /// let res = client
    ///     .options("/todos")
    ///     .header("origin", "https://a.example")
    ///     .header("access-control-request-method", "POST")
    ///     .send()
    ///     .await;
    /// assert_eq!(res.status(), 204);
    /// assert_eq!(res.header("access-control-allow-methods"), Some("POST"));
    /// # Ok(()) }
    /// ```
    pub fn options(&self, path: &str) -> TestRequest<'_> {
        self.request(Method::OPTIONS, path)
    }

    /// Dispatches a hand-written event, exactly as given, with a fresh Lambda context, and
    /// reads the response in the shape of the source the event is detected as.
    ///
    /// # Errors
    ///
    /// The [`DecodeError`] for an event that is not a well-formed HTTP event (on Lambda the
    /// invocation would fail with it).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/lambda")]
    /// fn lambda(#[query] query: String) -> String { query }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = TestClient::new(App::new())?;
    /// let event = br#"{"requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/t/1"}},
    ///     "httpMethod":"GET","path":"/lambda","queryStringParameters":{"query":"1234ABCD"},
    ///     "headers":{"accept":"*/*"},"body":"","isBase64Encoded":false}"#;
    /// let res = client.send_raw(event).await?;
    /// assert_eq!((res.source(), res.text()), (Source::Alb, "1234ABCD"));
    ///
    /// assert!(client.send_raw(br#"{"Records":[]}"#).await.is_err());
    /// # Ok(()) }
    /// ```
    pub async fn send_raw(&self, event: impl AsRef<[u8]>) -> Result<TestResponse, DecodeError> {
        let context = self.context(None, None);
        self.send_raw_with(event, context).await
    }

    /// [`TestClient::send_raw`] with this Lambda context.
    ///
    /// # Errors
    ///
    /// As [`TestClient::send_raw`].
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::{LambdaContext, TestClient};
    ///
    /// #[get("/id")]
    /// fn id(ctx: Context<'_>) -> String { ctx.request_id().to_owned() }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = TestClient::new(App::new())?;
    /// let event = client.get("/id").event();
    /// let mut context = LambdaContext::default();
    /// context.request_id = "req-1".to_owned();
    /// assert_eq!(client.send_raw_with(event, context).await?.text(), "req-1");
    /// # Ok(()) }
    /// ```
    pub async fn send_raw_with(
        &self,
        event: impl AsRef<[u8]>,
        context: LambdaContext,
    ) -> Result<TestResponse, DecodeError> {
        let event = event.as_ref();
        let (source, multi_value) = {
            let request = Request::from_event(event)?;
            (request.source(), alb_multi_value(event))
        };
        let raw = self.dispatcher.dispatch_with(event, Some(&context)).await?;
        Ok(TestResponse::decode(source, multi_value, raw))
    }

    /// The context of one invocation: Lambda's fields as a deployed function sees them.
    fn context(&self, request_id: Option<&str>, deadline: Option<SystemTime>) -> LambdaContext {
        let mut context = LambdaContext::default();
        context.request_id = request_id.map_or_else(event::request_id, str::to_owned);
        let deadline = deadline.unwrap_or_else(|| SystemTime::now() + self.function_timeout);
        context.deadline = deadline
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        context.invoked_function_arn = format!(
            "arn:aws:lambda:us-east-1:123456789012:function:{}",
            self.function.function_name
        );
        context.env_config = Arc::clone(&self.function);
        context
    }
}

/// Whether an ALB event carries multi-value headers (the response must then use them).
fn alb_multi_value(event: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe<'a> {
        #[serde(borrow, rename = "multiValueHeaders")]
        multi: Option<&'a serde_json::value::RawValue>,
    }
    serde_json::from_slice::<Probe<'_>>(event).is_ok_and(|p| p.multi.is_some())
}

/// One request being built; [`TestRequest::send`] sends it.
///
/// Made by [`TestClient::get`] and its siblings. Headers, query parameters and cookies are
/// added in order and may repeat; each source then carries them the way it does (repeated
/// headers joined, kept apart, or only the last kept).
///
/// # Examples
///
/// ```
/// use lambda_route::prelude::*;
/// use lambda_route::event::Source;
/// use lambda_route::testing::TestClient;
///
/// #[get("/whoami")]
/// fn whoami(#[cookie] session: String, #[query] verbose: Option<bool>) -> String {
///     format!("{session} {verbose:?}")
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), lambda_route::StartupError> {
/// let client = TestClient::new(App::new())?;
/// for source in Source::ALL {
///     let res = client
///         .get("/whoami")
///         .cookie("session", "abc")
///         .query("verbose", "true")
///         .source(source)
///         .send()
///         .await;
///     assert_eq!(res.text(), "abc Some(true)", "{source}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct TestRequest<'c> {
    client: &'c TestClient,
    method: Method,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    cookies: Vec<String>,
    body: Option<Vec<u8>>,
    base64: bool,
    source: Source,
    multi_value: bool,
    request_id: Option<String>,
    deadline: Option<SystemTime>,
    context: Option<LambdaContext>,
}

impl TestRequest<'_> {
    /// Adds a header; call it again with the same name to send it several times. A `cookie`
    /// header is sent as it is (HTTP API payload 2.0 moves its cookies into `cookies`, as API
    /// Gateway does, only for cookies added with [`TestRequest::cookie`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/key")]
    /// fn key(#[header("x-api-key")] key: String) -> String { key }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.get("/key").header("X-Api-Key", "k1").send().await.text(), "k1");
    /// assert_eq!(client.get("/key").send().await.status(), 422);
    /// # Ok(()) }
    /// ```
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Adds a query parameter, percent-encoded on the way (so `a b&c` arrives as `a b&c`).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/tags")]
    /// fn tags(#[query] tag: Vec<String>) -> String { tag.join("|") }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.get("/tags").query("tag", "a b&c").query("tag", "d").send().await;
    /// assert_eq!(res.text(), "a b&c|d");
    /// # Ok(()) }
    /// ```
    pub fn query(mut self, name: &str, value: &str) -> Self {
        if !self.query.is_empty() {
            self.query.push('&');
        }
        self.query.push_str(&event::encode(name));
        self.query.push('=');
        self.query.push_str(&event::encode(value));
        self
    }

    /// Adds a request cookie: in HTTP API payload 2.0 and Function URL events an entry of
    /// `cookies`, elsewhere part of one `cookie` header.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/theme")]
    /// fn theme(cookies: Cookies<'_>) -> String { cookies.get("theme").unwrap_or("none").to_owned() }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let req = client.get("/theme").cookie("theme", "dark").source(Source::HttpApiV2);
    /// let event: serde_json::Value = serde_json::from_slice(&req.event()).unwrap();
    /// assert_eq!(event["cookies"], serde_json::json!(["theme=dark"]));
    /// assert_eq!(req.send().await.text(), "dark");
    /// # Ok(()) }
    /// ```
    pub fn cookie(mut self, name: &str, value: &str) -> Self {
        self.cookies.push(format!("{name}={value}"));
        self
    }

    /// Sets the body to `value` as JSON, and `content-type: application/json` unless a
    /// content type was set.
    ///
    /// # Panics
    ///
    /// When `value` cannot be serialized to JSON (a map with non-string keys).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    /// use serde::{Deserialize, Serialize};
    ///
    /// #[derive(Serialize, Deserialize)]
    /// struct Point { x: i32, y: i32 }
    ///
    /// #[post("/sum")]
    /// fn sum(Json(p): Json<Point>) -> String { (p.x + p.y).to_string() }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.post("/sum").json(&Point { x: 2, y: 3 }).send().await.text(), "5");
    /// # Ok(()) }
    /// ```
    pub fn json<T: Serialize + ?Sized>(mut self, value: &T) -> Self {
        let body = serde_json::to_vec(value)
            .unwrap_or_else(|e| panic!("test request body cannot be JSON: {e}"));
        if !self
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
        {
            self.headers
                .push(("content-type".to_owned(), "application/json".to_owned()));
        }
        self.body = Some(body);
        self
    }

    /// Sets the body: text goes as text, bytes that are not UTF-8 as base64 (as every source
    /// sends a binary body). No content type is added.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    /// use serde::Deserialize;
    ///
    /// #[derive(Deserialize)]
    /// struct Login { user: String }
    ///
    /// #[post("/login")]
    /// fn login(Form(login): Form<Login>) -> String { login.user }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client
    ///     .post("/login")
    ///     .header("content-type", "application/x-www-form-urlencoded")
    ///     .body("user=ana+b")
    ///     .send()
    ///     .await;
    /// assert_eq!(res.text(), "ana b");
    /// # Ok(()) }
    /// ```
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// Sends the body base64-encoded even when it is text (`isBase64Encoded: true`), as a
    /// REST API does for a content type in its `binaryMediaTypes`, or an ALB for a body it
    /// does not take for text.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[post("/echo")]
    /// fn echo(body: Text<'_>) -> String { body.0.to_owned() }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let req = client.post("/echo").body("hi").base64(true);
    /// let event: serde_json::Value = serde_json::from_slice(&req.event()).unwrap();
    /// assert_eq!((&event["body"], &event["isBase64Encoded"]), (&"aGk=".into(), &true.into()));
    /// assert_eq!(req.send().await.text(), "hi");
    /// # Ok(()) }
    /// ```
    pub fn base64(mut self, on: bool) -> Self {
        self.base64 = on;
        self
    }

    /// Sends the request as an event of `source` (default: the client's,
    /// [`TestClient::source`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/stage")]
    /// fn stage(request: &Request<'_>) -> String { format!("{:?}", request.stage()) }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// for (source, stage) in [(Source::ApiGatewayV1, r#"Some("test")"#), (Source::Alb, "None")] {
    ///     assert_eq!(client.get("/stage").source(source).send().await.text(), stage);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn source(mut self, source: Source) -> Self {
        self.source = source;
        self
    }

    /// ALB only: whether the event uses multi-value headers
    /// ([`TestClient::multi_value_headers`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/x")]
    /// fn x() -> &'static str { "x" }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.get("/x").source(Source::Alb).multi_value_headers(true).send().await;
    /// let raw: serde_json::Value = serde_json::from_slice(res.raw()).unwrap();
    /// assert_eq!(raw["multiValueHeaders"]["content-type"][0], "text/plain; charset=utf-8");
    /// # Ok(()) }
    /// ```
    pub fn multi_value_headers(mut self, on: bool) -> Self {
        self.multi_value = on;
        self
    }

    /// The Lambda request id of this invocation (default: a fresh UUID-shaped id).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/id")]
    /// fn id(ctx: Context<'_>) -> String { ctx.request_id().to_owned() }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.get("/id").request_id("req-42").send().await.text(), "req-42");
    /// assert_eq!(client.get("/id").send().await.text().len(), 36);
    /// # Ok(()) }
    /// ```
    pub fn request_id(mut self, id: impl Into<String>) -> Self {
        self.request_id = Some(id.into());
        self
    }

    /// When Lambda would stop this invocation (default: now plus the client's
    /// [`TestClient::function_timeout`]). A deadline already past answers 504 without
    /// running the route.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/left")]
    /// fn left(ctx: Context<'_>) -> String {
    ///     let left = ctx.remaining_time().unwrap_or_default();
    ///     (if left > Duration::from_secs(30) { "plenty" } else { "little" }).to_owned()
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let later = SystemTime::now() + Duration::from_secs(60);
    /// assert_eq!(client.get("/left").deadline(later).send().await.text(), "plenty");
    /// assert_eq!(client.get("/left").send().await.text(), "little");
    /// # Ok(()) }
    /// ```
    pub fn deadline(mut self, deadline: SystemTime) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The whole Lambda context, replacing the client's (and [`TestRequest::request_id`] and
    /// [`TestRequest::deadline`]). `LambdaContext::default()` is no invocation at all: empty
    /// ids and no deadline, as [`Dispatcher::dispatch`] runs a route.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::{LambdaContext, TestClient};
    ///
    /// #[get("/trace")]
    /// fn trace(ctx: Context<'_>) -> String { format!("{:?}", ctx.xray_trace_id()) }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let mut context = LambdaContext::default();
    /// context.xray_trace_id = Some("Root=1-5759e988-bd862e3fe1be46a994272793".to_owned());
    /// let res = client.get("/trace").lambda_context(context).send().await;
    /// assert_eq!(res.text(), r#"Some("Root=1-5759e988-bd862e3fe1be46a994272793")"#);
    /// # Ok(()) }
    /// ```
    pub fn lambda_context(mut self, context: LambdaContext) -> Self {
        self.context = Some(context);
        self
    }

    /// The event JSON this request becomes: what [`TestRequest::send`] dispatches.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/x")]
    /// fn x() {}
    ///
    /// let client = TestClient::new(App::new())?;
    /// let event = client.get("/x?a=1").source(Source::ApiGatewayV1).event();
    /// let event: serde_json::Value = serde_json::from_slice(&event).unwrap();
    /// assert_eq!(event["httpMethod"], "GET");
    /// assert_eq!(event["multiValueQueryStringParameters"]["a"][0], "1");
    /// assert_eq!(event["requestContext"]["stage"], "test");
    /// # Ok::<(), lambda_route::StartupError>(())
    /// ```
    pub fn event(&self) -> Vec<u8> {
        event::build(&event::Parts {
            source: self.source,
            multi_value: self.multi_value,
            method: self.method.as_str(),
            path: &self.path,
            raw_query: &self.query,
            headers: &self.headers,
            cookies: &self.cookies,
            body: self.body.as_deref(),
            base64: self.base64,
        })
    }

    /// Dispatches the request as one invocation and reads the answer.
    ///
    /// # Panics
    ///
    /// When the event does not decode, which means a path or header the source could not
    /// send (a path without a leading `/`).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/ping")]
    /// fn ping() -> &'static str { "pong" }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.get("/ping").send().await.text(), "pong");
    /// # Ok(()) }
    /// ```
    pub async fn send(self) -> TestResponse {
        let event = self.event();
        let context = match self.context {
            Some(context) => context,
            None => self
                .client
                .context(self.request_id.as_deref(), self.deadline),
        };
        let raw = self
            .client
            .dispatcher
            .dispatch_with(&event, Some(&context))
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "the test event does not decode: {e}\nevent: {}",
                    String::from_utf8_lossy(&event)
                )
            });
        let multi_value = self.source == Source::Alb && self.multi_value;
        TestResponse::decode(self.source, multi_value, raw)
    }
}
