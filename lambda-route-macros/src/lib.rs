//! Procedural macros of [lambda-route](https://docs.rs/lambda-route). Use them through the
//! `lambda-route` crate, which re-exports them and the runtime items their expansions name.
//!
//! Each route attribute keeps the function as written and adds, inside `const _: () = {}`, a
//! shim (extract every argument, call the function, turn its output into a response) and an
//! `inventory::submit!` of the route record.

use proc_macro::TokenStream;

mod catch;
mod lambda_main;
mod paths;
mod route;

use route::Methods;

macro_rules! method_attributes {
    ($($(#[$doc:meta])* $name:ident => $method:literal,)*) => {
        $(
            $(#[$doc])*
            #[proc_macro_attribute]
            pub fn $name(attr: TokenStream, item: TokenStream) -> TokenStream {
                route::route(Methods::Fixed($method), attr.into(), item.into()).into()
            }
        )*
    };
}

method_attributes! {
    /// Declares a `GET` route; it also answers `HEAD`, without the body.
    ///
    /// Equivalent to [`#[route(PATH, method = "GET", ..)]`](macro@route), which documents the
    /// grammar, the typing requirements and the semantics of every route attribute.
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/todos/<id>")]
    /// async fn todo(id: u64) -> String {
    ///     format!("todo {id}")
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.get("/todos/7").send().await.text(), "todo 7");
    /// assert_eq!(client.head("/todos/7").send().await.bytes(), b"");
    /// assert_eq!(client.get("/todos/seven").send().await.status(), 422);
    /// # Ok(()) }
    /// ```
    get => "GET",
    /// Declares a `POST` route.
    ///
    /// Equivalent to [`#[route(PATH, method = "POST", ..)]`](macro@route), which documents
    /// the grammar, the typing requirements and the semantics of every route attribute.
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    /// use serde::Deserialize;
    ///
    /// #[derive(Deserialize)]
    /// struct NewTodo {
    ///     title: String,
    /// }
    ///
    /// #[post("/todos", status = 201)]
    /// async fn create(Json(new): Json<NewTodo>) -> String {
    ///     new.title
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.post("/todos").json(&serde_json::json!({"title": "ship"})).send().await;
    /// assert_eq!((res.status().as_u16(), res.text()), (201, "ship"));
    /// # Ok(()) }
    /// ```
    post => "POST",
    /// Declares a `PUT` route.
    ///
    /// Equivalent to [`#[route(PATH, method = "PUT", ..)]`](macro@route), which documents the
    /// grammar, the typing requirements and the semantics of every route attribute.
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[put("/files/<path..>")]
    /// fn upload(path: String, body: Bytes<'_>) -> String {
    ///     format!("{path}: {} bytes", body.0.len())
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.put("/files/a/b.bin").body(vec![1u8, 2, 255]).send().await;
    /// assert_eq!(res.text(), "a/b.bin: 3 bytes");
    /// # Ok(()) }
    /// ```
    put => "PUT",
    /// Declares a `PATCH` route.
    ///
    /// Equivalent to [`#[route(PATH, method = "PATCH", ..)]`](macro@route), which documents
    /// the grammar, the typing requirements and the semantics of every route attribute.
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[patch("/todos/<id>")]
    /// fn rename(id: u64, title: Text<'_>) -> String {
    ///     format!("{id}: {}", title.0)
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.patch("/todos/1").body("new title").send().await.text(), "1: new title");
    /// # Ok(()) }
    /// ```
    patch => "PATCH",
    /// Declares a `DELETE` route.
    ///
    /// Equivalent to [`#[route(PATH, method = "DELETE", ..)]`](macro@route), which documents
    /// the grammar, the typing requirements and the semantics of every route attribute.
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[delete("/todos/<id>")]
    /// fn remove(id: u64) -> Result<(), HttpError> {
    ///     if id == 0 { Err(HttpError::not_found("no such todo")) } else { Ok(()) }
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.delete("/todos/1").send().await.status(), 204);
    /// assert_eq!(client.delete("/todos/0").send().await.status(), 404);
    /// # Ok(()) }
    /// ```
    delete => "DELETE",
    /// Declares a `HEAD` route, which replaces the automatic `HEAD` answer of the `GET`
    /// route on the same path.
    ///
    /// Equivalent to [`#[route(PATH, method = "HEAD", ..)]`](macro@route), which documents
    /// the grammar, the typing requirements and the semantics of every route attribute.
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/report")]
    /// fn report() -> &'static str { "a long report" }
    ///
    /// #[head("/report")]
    /// fn report_size() -> ([(HeaderName, &'static str); 1], ()) {
    ///     ([(HeaderName::from_static("x-report-size"), "13")], ())
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.head("/report").send().await.header("x-report-size"), Some("13"));
    /// # Ok(()) }
    /// ```
    head => "HEAD",
    /// Declares an `OPTIONS` route. A path with its own `OPTIONS` route answers its CORS
    /// preflights itself: `App::cors` leaves them to it.
    ///
    /// Equivalent to [`#[route(PATH, method = "OPTIONS", ..)]`](macro@route), which documents
    /// the grammar, the typing requirements and the semantics of every route attribute.
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[options("/todos")]
    /// fn todo_options() -> ([(HeaderName, &'static str); 1], ()) {
    ///     ([(header::ALLOW, "GET, POST")], ())
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.options("/todos").send().await.header("allow"), Some("GET, POST"));
    /// # Ok(()) }
    /// ```
    options => "OPTIONS",
}

/// Declares a route for any methods: `#[route("/todos/<id>", method = ["PUT", "PATCH"])]`.
///
/// The method attributes ([`get`](macro@get), [`post`](macro@post), [`put`](macro@put),
/// [`patch`](macro@patch), [`delete`](macro@delete), [`head`](macro@head),
/// [`options`](macro@options)) are this attribute with `method` fixed; everything below
/// applies to them too.
///
/// # Grammar
///
/// ```text
/// route     := '#[route(' PATH ',' 'method' '=' METHODS (',' OPTION)* ','? ')]'
///            | '#[' ('get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options')
///                   '(' PATH (',' OPTION)* ','? ')]'
///
/// PATH      := a string literal: '/' | ('/' SEGMENT)+
/// SEGMENT   := TEXT                  a static segment, matched exactly (case-sensitive)
///            | '<' IDENT '>'         one non-empty segment, into the argument IDENT
///            | '<' IDENT '..>'       the rest of the path; last segment only
///
/// METHODS   := STRING | '[' STRING (',' STRING)* ']'      upper-case: "GET", "PURGE"
///
/// OPTION    := 'status' '=' INTEGER                       100..=599
///            | 'timeout_ms' '=' INTEGER                   1..=900000
///            | 'cors' '=' BOOL                            default true
///            | 'compress'                                 a bare flag
/// ```
///
/// `TEXT` holds no `<`, `>`, `?` or empty segment, a parameter fills its whole segment
/// (`/v<n>` is an error), each `IDENT` appears once, and the path ends without `/` (except
/// `/` itself). Every mistake is a compile error pointing at the characters at fault, all of
/// them reported at once.
///
/// # Typing requirements
///
/// The attribute goes on a free function, `async` or not, with no generics, no `self` and no
/// `impl Trait` arguments. The future of an `async` route must be `Send`. The function stays
/// callable as written.
///
/// Each argument is one of:
///
/// - **A path parameter**: named after a `<name>` or `<name..>` of the path; its type
///   implements [`FromStr`](std::str::FromStr) (`String`, integers, `bool`, `uuid::Uuid`, your
///   own). Every path parameter needs its argument.
/// - **A query parameter, header or cookie**: an argument marked `#[query]`, `#[header]` or
///   `#[cookie]`, optionally with its name on the wire (`#[header("x-api-key")] key:
///   String`); without one the argument's name is used (for a header with `_` as `-`). The
///   type is a `FromStr` type (required), `Option<T>` (optional) or `Vec<T>` (every value).
///   These attributes are read and removed by the route attribute.
/// - **An extractor**: any type implementing `FromRequest` (`Json<T>`, `Query<T>`,
///   `Form<T>`, `Text`, `Bytes`, `State<T>`, `Context`, `&Request`, `Headers`, `Cookies`,
///   `Claims<T>`, `Authorizer`, `Valid<T>`, or your own). A bare `String` is not the body: it
///   must name a path parameter.
///
/// The return type implements `IntoResponse` (`String`, `&'static str`, `Json<T>`, `Html<T>`,
/// `()`, `StatusCode`, `Redirect`, `Option<T>`, `Result<T, E>` with `E: IntoResponse`, tuples
/// with a status or headers, `Response`).
///
/// # Semantics
///
/// - The route registers itself at link time: there is no list to maintain. `App::build`
///   collects every route linked into the binary; two routes with the same method and path
///   shape stop start-up, naming both functions and their `file:line`.
/// - Precedence is fixed whatever the declaration order: at each segment a static segment
///   beats `<param>`, which beats `<rest..>`; a dead end backtracks.
/// - Every argument is extracted before the function runs. All failures come back in one
///   answer (422 with a `detail` entry per failed argument, or the extractor's 400/401/403/415)
///   and the function is not called. Then the function runs under `catch_unwind`: a panic is
///   a 500.
/// - `status = N` sets the status of a successful answer that did not choose one; an
///   explicit status from the function (an error, `(StatusCode, T)`) wins.
/// - `timeout_ms = N` bounds the route (answered 504 past it), in place of `App::timeout`;
///   the invocation deadline still caps it.
/// - `cors = false` leaves the route out of `App::cors`: no CORS headers on its answers and
///   no preflight answered for its method.
/// - `compress` gzips the route's answers when the client accepts gzip (see
///   `App::compression`).
/// - A `GET` route also answers `HEAD` (same headers, no body) unless a `HEAD` route exists;
///   a known path with another method answers 405 with `Allow`.
///
/// # Examples
///
/// ```
/// use lambda_route::prelude::*;
/// use lambda_route::testing::TestClient;
///
/// #[route("/todos/<id>", method = ["PUT", "PATCH"], status = 200, timeout_ms = 2_000)]
/// async fn replace(id: u64, #[header("if-match")] etag: Option<String>, body: Text<'_>) -> String {
///     format!("{id} {etag:?} {}", body.0)
/// }
///
/// #[route("/cache", method = "PURGE", cors = false)]
/// fn purge() -> &'static str { "purged" }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), lambda_route::StartupError> {
/// let client = TestClient::new(App::new())?;
/// let res = client.patch("/todos/3").header("If-Match", "\"v1\"").body("done").send().await;
/// assert_eq!(res.text(), r#"3 Some("\"v1\"") done"#);
/// assert_eq!(client.put("/todos/3").body("x").send().await.text(), "3 None x");
/// assert_eq!(client.get("/todos/3").send().await.header("allow"), Some("PATCH, PUT"));
///
/// let purge = lambda_route::Method::from_bytes(b"PURGE").unwrap();
/// assert_eq!(client.request(purge, "/cache").send().await.text(), "purged");
/// # Ok(()) }
/// ```
///
/// Mistakes are compile errors:
///
/// ```compile_fail
/// use lambda_route::prelude::*;
///
/// #[get("/todos/<id>")] // error: `<id>` has no argument
/// fn todo() -> &'static str { "?" }
/// # fn main() {}
/// ```
#[proc_macro_attribute]
pub fn route(attr: TokenStream, item: TokenStream) -> TokenStream {
    route::route(Methods::FromOption, attr.into(), item.into()).into()
}

/// Makes `main` the whole entry point: `#[lambda_main] async fn main() -> App { App::new() }`.
///
/// # Grammar
///
/// ```text
/// '#[lambda_main]' 'async'? 'fn' 'main' '()' '->' RETURN BLOCK
/// RETURN := App | Result<App, E>
/// ```
///
/// The attribute takes no arguments, and goes on the function named `main`, with no
/// arguments and no generics.
///
/// # Typing requirements
///
/// `main` returns `App`, or `Result<App, E>` with `E: Display` (`lambda_route::Error`,
/// `anyhow::Error`, `std::io::Error`, ...). It may be `async` and `await` (build an SDK
/// client, read configuration); a non-`async` `main` works too.
///
/// # Semantics
///
/// The generated `fn main() -> ExitCode` builds a current-thread tokio runtime, runs `main`
/// once (the cold start), installs the default `tracing` subscriber on stderr unless `main`
/// installed one, builds the app (start-up checks: route conflicts, missing state, catchers,
/// CORS), then:
///
/// - with `AWS_LAMBDA_RUNTIME_API` set (on Lambda, or under the Runtime Interface
///   Emulator), serves invocations through the official `lambda_runtime` client, each with its
///   Lambda context;
/// - otherwise serves HTTP on `127.0.0.1:3000` (`--port`/`PORT`), turning each request into
///   a real event (`--event v1|v2|url|alb|alb-multi|lattice-v1|lattice-v2`, or
///   `LAMBDA_ROUTE_EVENT`) through the same path. The local server is in debug builds; a
///   release build has it only with lambda-route's `local-server` feature, and otherwise
///   exits here saying so (deployed binaries stay smaller).
///
/// An `Err` from `main` or a failed start-up check prints the error and exits with a failure
/// status; on Lambda that is an init error.
///
/// # Examples
///
/// ```no_run
/// use lambda_route::prelude::*;
///
/// struct Config {
///     table: String,
/// }
///
/// #[get("/table")]
/// fn table(config: State<Config>) -> String {
///     config.table.clone()
/// }
///
/// #[lambda_main]
/// async fn main() -> Result<App, Error> {
///     let table = std::env::var("USERS_TABLE").unwrap_or_else(|_| "users".to_owned());
///     Ok(App::new().state(Config { table }))
/// }
/// ```
///
/// In tests, build the same `App` and send it requests with `lambda_route::testing::TestClient`
/// instead of running `main`.
#[proc_macro_attribute]
pub fn lambda_main(attr: TokenStream, item: TokenStream) -> TokenStream {
    lambda_main::lambda_main(attr.into(), item.into()).into()
}

/// Declares an app-wide catcher: `#[catch(404)]` answers every 404 error, wherever it came
/// from (the router, an extractor, an `HttpError`, an `Error`, a panic's 500).
///
/// # Grammar
///
/// ```text
/// '#[catch(' (INTEGER | 'default') ')]'     INTEGER: an error status, 400..=599
/// ```
///
/// # Typing requirements
///
/// A free function, `async` or not, with no generics, taking nothing, `&Request`, `&Response`,
/// or both (in that order or the other), and returning anything `IntoResponse`.
///
/// # Semantics
///
/// `default` catches every error status no status-specific catcher takes. The caught
/// `&Response` is the error answer; its `error()` has the message and the failed fields. The
/// answer keeps the caught status unless the catcher sets one (`(StatusCode, T)`,
/// `Response::with_status`), and the caught response's headers (`Allow`, `WWW-Authenticate`,
/// `Retry-After`, CORS) unless the catcher sets the same header. Only error answers the
/// framework renders are caught: a body a route chose itself (`(StatusCode::NOT_FOUND,
/// Json(..))`) goes out as it is. A panicking catcher leaves the default error body. Two
/// catchers for one status stop start-up, naming both. Catchers are app-wide: every catcher
/// linked into the binary applies.
///
/// # Examples
///
/// ```
/// use lambda_route::prelude::*;
/// use lambda_route::testing::TestClient;
///
/// #[get("/todos/<id>")]
/// fn todo(id: u64) -> Result<String, HttpError> {
///     Err(HttpError::not_found(format!("no todo {id}")))
/// }
///
/// #[catch(404)]
/// fn not_found(request: &Request<'_>, caught: &Response) -> String {
///     let message = caught.error().map_or("Not found", |e| e.message());
///     format!("{message} at {}", request.path())
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), lambda_route::StartupError> {
/// let client = TestClient::new(App::new())?;
/// let res = client.get("/todos/9").send().await;
/// assert_eq!((res.status().as_u16(), res.text()), (404, "no todo 9 at /todos/9"));
/// assert_eq!(client.get("/nowhere").send().await.text(), "Not found at /nowhere");
/// # Ok(()) }
/// ```
#[proc_macro_attribute]
pub fn catch(attr: TokenStream, item: TokenStream) -> TokenStream {
    catch::catch(attr.into(), item.into()).into()
}
