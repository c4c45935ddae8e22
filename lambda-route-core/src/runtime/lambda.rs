//! Serving under the Lambda Runtime API: `lambda_runtime` polls `/next`, and [`DispatchLayer`]
//! answers each invocation straight from the bytes the runtime received.
//!
//! `lambda_runtime::run(handler)` stacks three services under its tracing span (1.5,
//! `src/layers/`): `api_response.rs` re-reads the event through `serde_path_to_error` into the
//! handler's payload type, `panic.rs` catches the handler's panics, the handler's output is
//! serialized again with `serde_json::to_vec` into the `/response` request, and
//! `api_client.rs` sends it. For lambda-route every step but the sending is waste: the
//! dispatcher decodes the event bytes itself and already returns the response JSON. So the
//! runtime here is `Runtime::new(..).layer(DispatchLayer).layer(TracingLayer)`, where
//! [`DispatchLayer`] replaces that whole inner stack by a service over the raw
//! [`LambdaInvocation`]: [`Dispatcher::dispatch_with`] gets `&invocation.body` (the runtime's
//! own `Bytes`, not a copy) and `Some(&invocation.context)`, and the response JSON becomes the
//! request body as is.
//!
//! Kept from `lambda_runtime`, because it is `lambda_runtime` that runs them: the `/next` loop,
//! the `Context` built from the `Lambda-Runtime-*` headers, the `_X_AMZN_TRACE_ID` environment
//! variable set per invocation, and the `Lambda runtime invoke` tracing span (`TracingLayer`,
//! with `requestId`, `xrayTraceId`, `tenantId`). Reproduced here, because the services doing
//! them are private to `lambda_runtime`: the `/response` and `/error` requests
//! (`requests.rs`), the `Lambda-Runtime-Invocation-Id` echo, the error and panic diagnostics,
//! and the handling of the Runtime API's answer.

use std::any::Any;
use std::fmt;
use std::future::Future;
use std::pin::{pin, Pin};
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};

use http::header::USER_AGENT;
use http::{HeaderValue, Method, Request, Uri};
use http_body_util::BodyExt;
use lambda_runtime::layers::TracingLayer;
use lambda_runtime::tower::{Layer, Service};
use lambda_runtime::{Diagnostic, LambdaEvent, LambdaInvocation, Runtime};
use lambda_runtime_api_client::body::Body;
use lambda_runtime_api_client::{build_request, BoxError, PooledClient};

use crate::app::Dispatcher;
use crate::batch::InvocationError;
use crate::panic::CatchUnwind;

/// Echoed on `/response` and `/error` so the Runtime API can reject an answer to an invocation
/// that already timed out (`lambda_runtime`'s `constants.rs`, private there).
const INVOCATION_ID: &str = "lambda-runtime-invocation-id";

/// Marks an `/error` request as the function's own failure, as `lambda_runtime`'s
/// `EventErrorRequest` does.
const ERROR_TYPE: &str = "lambda-runtime-function-error-type";

/// The `errorType` of an invocation whose event is not one lambda-route can answer.
const DECODE_ERROR: &str = "DecodeError";

/// Reports a start-up failure (a route conflict, missing state, an `Err` from `main`) through
/// the Runtime API's init-error endpoint, so the caller of the first invocation sees the
/// message (`errorType` as given) instead of an empty `Runtime.ExitError`. Best effort: the
/// process exits next either way, and a failure to report is only printed.
pub(super) async fn report_init_error(error_type: &str, message: &str) {
    match check_environment() {
        Ok(endpoint) => report_init_error_to(endpoint, error_type, message).await,
        Err(err) => eprintln!("lambda-route: cannot report the start-up failure: {err}"),
    }
}

/// [`report_init_error`] to the Runtime API at `endpoint`.
async fn report_init_error_to(endpoint: Uri, error_type: &str, message: &str) {
    let client = PooledClient::builder().with_endpoint(endpoint).build();
    let diagnostic = Diagnostic {
        error_type: error_type.to_owned(),
        error_message: message.to_owned(),
    };
    let request = serde_json::to_vec(&diagnostic)
        .map_err(BoxError::from)
        .and_then(|body| init_error_request(error_type, body));
    match request {
        Ok(request) => {
            // `send` logs a refusal; an unreachable Runtime API is reported here.
            if let Err(err) = send(&client, request).await {
                eprintln!("lambda-route: cannot report the start-up failure: {err}");
            }
        }
        Err(err) => eprintln!("lambda-route: cannot report the start-up failure: {err}"),
    }
}

/// `POST /2018-06-01/runtime/init/error` with the diagnostic.
fn init_error_request(error_type: &str, body: Vec<u8>) -> Result<Request<Body>, BoxError> {
    let mut request = Request::new(Body::from(body));
    *request.method_mut() = Method::POST;
    *request.uri_mut() = Uri::from_static("/2018-06-01/runtime/init/error");
    let headers = request.headers_mut();
    if let Some(agent) = user_agent() {
        headers.insert(USER_AGENT, agent);
    }
    headers.insert(ERROR_TYPE, HeaderValue::from_str(error_type)?);
    Ok(request)
}

/// Polls the Runtime API until it fails. A malformed event fails only its own invocation.
pub(super) async fn serve(dispatcher: Arc<Dispatcher>) -> Result<(), BoxError> {
    let endpoint = check_environment()?;
    // `Runtime` keeps its own client private; this one carries the answers. Runtime API
    // calls are plain HTTP on loopback, so the second connection is all it costs. It connects
    // on the first answer, after any SnapStart snapshot (taken before the first invocation),
    // so it holds no connection for a restore to leave stale (`Runtime` resets only its own).
    let client = Arc::new(PooledClient::builder().with_endpoint(endpoint).build());
    Runtime::new(lambda_runtime::service_fn(replaced_handler))
        .layer(DispatchLayer { dispatcher, client })
        .layer(TracingLayer::new())
        .run()
        .await
}

/// `Runtime::new` needs a handler to build its inner stack, which [`DispatchLayer`] drops
/// unused, so this never runs; if it ever did, it would fail the invocation, not panic.
async fn replaced_handler(_: LambdaEvent<serde::de::IgnoredAny>) -> Result<(), Diagnostic> {
    Err(Diagnostic {
        error_type: "lambda_route::Unreachable".to_owned(),
        error_message: "lambda-route: the replaced lambda_runtime handler was called".to_owned(),
    })
}

/// `lambda_runtime` reads these with `expect` (`Config::from_env`, the client's endpoint), so a
/// misconfigured environment would be a panic; checked first, it is an error naming the
/// variable. Returns the Runtime API endpoint.
fn check_environment() -> Result<Uri, String> {
    let var = |name: &str| std::env::var(name).map_err(|err| format!("{name}: {err}"));
    var("AWS_LAMBDA_FUNCTION_NAME")?;
    var("AWS_LAMBDA_FUNCTION_VERSION")?;
    let memory = var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")?;
    if memory.parse::<i32>().is_err() {
        return Err(format!(
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE: {memory:?} is not a number"
        ));
    }
    let api = var("AWS_LAMBDA_RUNTIME_API")?;
    match api.parse::<Uri>() {
        // The client joins request paths onto the endpoint's authority and panics without one.
        Ok(uri) if uri.authority().is_some() => Ok(uri),
        _ => Err(format!(
            "AWS_LAMBDA_RUNTIME_API: {api:?} is not a host:port"
        )),
    }
}

/// Replaces `lambda_runtime`'s inner stack with [`DispatchService`].
struct DispatchLayer {
    dispatcher: Arc<Dispatcher>,
    client: Arc<PooledClient>,
}

impl<S> Layer<S> for DispatchLayer {
    type Service = DispatchService;

    fn layer(&self, _replaced: S) -> DispatchService {
        DispatchService {
            dispatcher: Arc::clone(&self.dispatcher),
            client: Arc::clone(&self.client),
        }
    }
}

/// Answers one invocation: [`answer_invocation`], then sends the request.
struct DispatchService {
    dispatcher: Arc<Dispatcher>,
    client: Arc<PooledClient>,
}

impl Service<LambdaInvocation> for DispatchService {
    type Response = ();
    type Error = BoxError;
    // Boxed: the future borrows the invocation it owns, which no nameable type can express.
    type Future = Pin<Box<dyn Future<Output = Result<(), BoxError>>>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, invocation: LambdaInvocation) -> Self::Future {
        let dispatcher = Arc::clone(&self.dispatcher);
        let client = Arc::clone(&self.client);
        Box::pin(async move {
            let request = answer_invocation(&dispatcher, &invocation).await?;
            send(&client, request).await
        })
    }
}

/// The Runtime API request that answers one invocation: `POST
/// /2018-06-01/runtime/invocation/{request id}/response` with the response JSON, or `…/error`
/// when the event does not decode, an SNS or Amazon MQ batch has failed requests
/// (`errorType` `BatchFailed`, see [`BatchConfig`](crate::BatchConfig)), or something panics
/// outside a route. Any event goes through [`Dispatcher::invoke`]: HTTP events and batches.
///
/// This is everything lambda-route's Lambda runtime does per invocation between
/// `lambda_runtime` handing over the [`LambdaInvocation`] and the client sending the request;
/// public (hidden) so the benchmarks time exactly this code.
///
/// A [`DecodeError`](crate::event::DecodeError) fails the invocation with `errorType`
/// `DecodeError` and the error's text (source and JSON path) as `errorMessage`. A panic (a route's panic is already a 500 inside the
/// dispatcher; this catches any other) fails it the way `lambda_runtime`'s panic layer does:
/// `Lambda panicked: <message>`. Either way the runtime goes on to the next invocation.
///
/// # Examples
///
/// ```no_run
/// # async fn demo(dispatcher: lambda_route_core::Dispatcher) -> Result<(), lambda_runtime::Error> {
/// use lambda_runtime::{Context, LambdaInvocation};
///
/// let (parts, ()) = http::Response::new(()).into_parts();
/// let mut context = Context::default();
/// context.request_id = "8476a536-e9f4-11e8-9739-2dfe598c3fcd".to_owned();
/// let invocation = LambdaInvocation {
///     parts,
///     body: br#"{"version":"2.0","rawPath":"/todos","rawQueryString":"",
///       "requestContext":{"http":{"method":"GET","path":"/todos"},"stage":"$default"}}"#
///         .as_slice()
///         .into(),
///     context,
/// };
/// let request = lambda_route_core::runtime::answer_invocation(&dispatcher, &invocation).await?;
/// assert_eq!(
///     request.uri(),
///     "/2018-06-01/runtime/invocation/8476a536-e9f4-11e8-9739-2dfe598c3fcd/response"
/// );
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// Only when no request can be built: a request id or invocation id that cannot be part of a
/// URI or header. `lambda_runtime` ends the runtime then too, as nothing can be reported.
pub async fn answer_invocation(
    dispatcher: &Dispatcher,
    invocation: &LambdaInvocation,
) -> Result<Request<Body>, BoxError> {
    // As lambda_runtime logs it; lossy, so a non-UTF-8 event cannot fail the invocation here.
    tracing::trace!(
        body = %String::from_utf8_lossy(&invocation.body),
        "raw JSON event received from Lambda"
    );
    let dispatched = pin!(dispatcher.invoke(&invocation.body, Some(&invocation.context)));
    answer(invocation, CatchUnwind(dispatched).await)
}

/// The dispatcher's answer, or the payload of a panic.
type Outcome = Result<Result<Vec<u8>, InvocationError>, Box<dyn Any + Send>>;

/// What [`answer_invocation`] does with the dispatcher's outcome.
fn answer(invocation: &LambdaInvocation, outcome: Outcome) -> Result<Request<Body>, BoxError> {
    let request_id = &invocation.context.request_id;
    // lambda_runtime drops a malformed id (it only logs) rather than failing the invocation.
    let invocation_id = invocation
        .parts
        .headers
        .get(INVOCATION_ID)
        .filter(|id| id.to_str().is_ok());
    let diagnostic = match outcome {
        Ok(Ok(json)) => return runtime_api_request(request_id, "response", invocation_id, json),
        // `errorType` is the plain `DecodeError`: `lambda_runtime`'s conversion of a boxed
        // error would report the Rust type name of the box.
        Ok(Err(InvocationError::Decode(err))) => {
            log_error(format_args!("invocation {request_id} failed: {err}"));
            Diagnostic {
                error_type: DECODE_ERROR.to_owned(),
                error_message: err.to_string(),
            }
        }
        // An SNS or Amazon MQ batch with failed requests: the whole invocation fails, so
        // Lambda's retry and dead-letter settings apply. Each failure was logged already.
        Ok(Err(err)) => {
            log_error(format_args!("invocation {request_id} failed: {err}"));
            Diagnostic {
                error_type: InvocationError::BATCH_FAILED.to_owned(),
                error_message: err.to_string(),
            }
        }
        Err(payload) => {
            let message = panic_message(payload.as_ref());
            log_error(format_args!(
                "invocation {request_id} panicked: {}",
                message.unwrap_or("non-string panic payload")
            ));
            panic_diagnostic(message)
        }
    };
    let mut request = runtime_api_request(
        request_id,
        "error",
        invocation_id,
        serde_json::to_vec(&diagnostic)?,
    )?;
    request
        .headers_mut()
        .insert(ERROR_TYPE, HeaderValue::from_static("unhandled"));
    Ok(request)
}

/// `POST /2018-06-01/runtime/invocation/{request_id}/{outcome}` with `body`, carrying the
/// client's `User-Agent` and the invocation id.
fn runtime_api_request(
    request_id: &str,
    outcome: &str,
    invocation_id: Option<&HeaderValue>,
    body: Vec<u8>,
) -> Result<Request<Body>, BoxError> {
    const PREFIX: &str = "/2018-06-01/runtime/invocation/";
    // Sized exactly and handed to `Uri` without a copy (`format!` costs a quarter of this
    // function: it guesses the size and goes through the formatting machinery).
    let mut path = String::with_capacity(PREFIX.len() + request_id.len() + 1 + outcome.len());
    path.push_str(PREFIX);
    path.push_str(request_id);
    path.push('/');
    path.push_str(outcome);
    let mut request = Request::new(Body::from(body));
    *request.method_mut() = Method::POST;
    *request.uri_mut() = Uri::try_from(path)?;
    let headers = request.headers_mut();
    if let Some(agent) = user_agent() {
        headers.insert(USER_AGENT, agent);
    }
    if let Some(id) = invocation_id {
        headers.insert(INVOCATION_ID, id.clone());
    }
    Ok(request)
}

/// The `User-Agent` of the Runtime API client, as `build_request` sets it (its version, or
/// the `LAMBDA_RUNTIME_USER_AGENT` it was built with). Taken once: `build_request` copies the
/// string into a new header value per call, where a clone of this one only counts a reference.
fn user_agent() -> Option<HeaderValue> {
    static AGENT: OnceLock<Option<HeaderValue>> = OnceLock::new();
    AGENT
        .get_or_init(|| {
            let builder = build_request();
            builder.headers_ref()?.get(USER_AGENT).cloned()
        })
        .clone()
}

/// The diagnostic `lambda_runtime`'s panic layer reports, with the same `errorType`, so a
/// caller cannot tell which layer caught the panic.
fn panic_diagnostic(message: Option<&str>) -> Diagnostic {
    Diagnostic {
        error_type: std::any::type_name::<&Box<dyn Any + Send>>().to_owned(),
        error_message: match message {
            Some(message) => format!("Lambda panicked: {message}"),
            None => "Lambda panicked".to_owned(),
        },
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> Option<&str> {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
}

/// Sends an answer, handling the Runtime API's reply as `lambda_runtime`'s client layer does:
/// a refusal (410 for an invocation that timed out) is logged and the runtime goes on; a
/// failure to reach the Runtime API at all ends the runtime.
async fn send(client: &PooledClient, request: Request<Body>) -> Result<(), BoxError> {
    let response = match client.call(request).await {
        Ok(response) => response,
        Err(err) => {
            log_error(format_args!("Lambda Runtime API request failed: {err}"));
            return Err(err);
        }
    };
    let status = response.status();
    // Read to the end, so hyper can reuse the connection for the next answer, and so a
    // refusal can say why (lambda_runtime logs the status only, its issue #1110).
    let body = response.into_body().collect().await.map(|b| b.to_bytes());
    if !status.is_success() {
        let detail = body
            .as_ref()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let hint = if status == http::StatusCode::GONE {
            " (the invocation timed out or the answer was stale)"
        } else {
            ""
        };
        log_error(format_args!(
            "Lambda Runtime API refused the answer: {status}{hint} {detail}"
        ));
    }
    Ok(())
}

/// To the tracing subscriber if the application installed one, else to stderr (which Lambda
/// sends to CloudWatch): as `lambda_runtime` logs its own failures.
fn log_error(message: fmt::Arguments<'_>) {
    if tracing::dispatcher::has_been_set() {
        tracing::error!("{message}");
    } else {
        eprintln!("lambda-route: {message}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use lambda_runtime::Context as LambdaContext;

    fn invocation(request_id: &str, invocation_id: Option<HeaderValue>) -> LambdaInvocation {
        let mut response = http::Response::new(());
        if let Some(id) = invocation_id {
            response.headers_mut().insert(INVOCATION_ID, id);
        }
        let (parts, ()) = response.into_parts();
        let mut context = LambdaContext::default();
        context.request_id = request_id.to_owned();
        LambdaInvocation {
            parts,
            body: hyper::body::Bytes::from_static(b"{}"),
            context,
        }
    }

    fn body_of(request: Request<Body>) -> serde_json::Value {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let bytes = runtime
            .block_on(request.into_body().collect())
            .unwrap()
            .to_bytes();
        serde_json::from_slice(&bytes).unwrap()
    }

    #[test]
    fn a_response_is_posted_as_is() {
        let json = br#"{"statusCode":200,"body":""}"#.to_vec();
        let id = HeaderValue::from_static("inv-1");
        let request = answer(&invocation("req-1", Some(id)), Ok(Ok(json))).unwrap();
        assert_eq!(request.method(), Method::POST);
        assert_eq!(
            request.uri(),
            "/2018-06-01/runtime/invocation/req-1/response"
        );
        assert_eq!(request.headers()[INVOCATION_ID], "inv-1");
        assert!(request.headers().get(ERROR_TYPE).is_none());
        let agent = request.headers()[http::header::USER_AGENT]
            .to_str()
            .unwrap();
        assert!(agent.starts_with("aws-lambda-rust/"), "{agent}");
        assert_eq!(
            body_of(request),
            serde_json::json!({"statusCode": 200, "body": ""})
        );
    }

    #[test]
    fn failures_are_posted_as_lambda_runtime_posts_them() {
        let decode_error = crate::Request::from_event(b"[]").unwrap_err();
        let message = decode_error.to_string();
        let batch = crate::batch::BatchFailed::new(
            crate::QueueKind::Sns,
            3,
            vec!["m-1".to_owned(), "m-3".to_owned()],
        );
        let cases: [(Outcome, &str, String); 4] = [
            (Ok(Err(decode_error.into())), "DecodeError", message),
            (
                Ok(Err(InvocationError::BatchFailed(batch))),
                "BatchFailed",
                "2 of 3 SNS messages failed: m-1, m-3".to_owned(),
            ),
            (
                Err(Box::new("boom")),
                "&alloc::boxed::Box<dyn core::any::Any + core::marker::Send>",
                "Lambda panicked: boom".to_owned(),
            ),
            (
                Err(Box::new(7_u8)),
                "&alloc::boxed::Box<dyn core::any::Any + core::marker::Send>",
                "Lambda panicked".to_owned(),
            ),
        ];
        for (outcome, error_type, error_message) in cases {
            let request = answer(&invocation("req-2", None), outcome).unwrap();
            assert_eq!(request.uri(), "/2018-06-01/runtime/invocation/req-2/error");
            assert_eq!(request.headers()[ERROR_TYPE], "unhandled");
            assert!(request.headers().get(INVOCATION_ID).is_none());
            assert_eq!(
                body_of(request),
                serde_json::json!({"errorType": error_type, "errorMessage": error_message})
            );
        }
    }

    #[test]
    fn a_start_up_failure_is_posted_to_the_init_error_endpoint() {
        use std::io::{Read as _, Write as _};

        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let api = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            stream
                .set_read_timeout(Some(std::time::Duration::from_secs(10)))
                .unwrap();
            let mut received = Vec::new();
            let mut buf = [0; 4096];
            // Head and a body of known length: read until the JSON closes.
            while !received.ends_with(b"}") {
                let n = stream.read(&mut buf).unwrap();
                assert!(n > 0, "connection closed early");
                received.extend_from_slice(&buf[..n]);
            }
            stream
                .write_all(b"HTTP/1.1 202 Accepted\r\ncontent-length: 0\r\n\r\n")
                .unwrap();
            String::from_utf8(received).unwrap()
        });
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let endpoint: Uri = format!("http://{addr}").parse().unwrap();
        runtime.block_on(report_init_error_to(
            endpoint,
            "StartupError",
            "conflicting routes for GET /a",
        ));
        let received = api.join().unwrap();
        let (head, body) = received.split_once("\r\n\r\n").unwrap();
        assert!(
            head.starts_with("POST /2018-06-01/runtime/init/error HTTP/1.1"),
            "{head}"
        );
        assert!(
            head.to_ascii_lowercase()
                .contains("lambda-runtime-function-error-type: startuperror"),
            "{head}"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(body).unwrap(),
            serde_json::json!({
                "errorType": "StartupError",
                "errorMessage": "conflicting routes for GET /a"
            })
        );
    }

    #[test]
    fn a_malformed_invocation_id_is_dropped_not_fatal() {
        let id = HeaderValue::from_bytes(&[0xff]).unwrap();
        let request = answer(&invocation("req-3", Some(id)), Ok(Ok(b"{}".to_vec()))).unwrap();
        assert!(request.headers().get(INVOCATION_ID).is_none());
    }

    #[test]
    fn a_request_id_that_is_no_uri_path_is_an_error() {
        assert!(answer(&invocation("a b", None), Ok(Ok(b"{}".to_vec()))).is_err());
    }

    /// A route that answers with the Lambda request id its context carries.
    fn echo_request_id<'r>(cx: &'r crate::Ctx<'r>) -> crate::registry::BoxFuture<'r> {
        use crate::response::IntoResponse as _;
        let id = cx
            .lambda()
            .map_or("none", |lambda| lambda.request_id.as_str());
        Box::pin(std::future::ready(id.to_owned().into_response()))
    }

    static ECHO: crate::registry::Route = crate::registry::Route::new(
        &["GET"],
        "/id",
        echo_request_id,
        crate::registry::Location::new("echo_request_id", module_path!(), file!(), line!()),
    );

    #[test]
    fn the_invocation_s_context_reaches_the_route() {
        let dispatcher = crate::App::new().build_with(vec![&ECHO]).unwrap();
        let mut invocation = invocation("req-ctx-9", None);
        invocation.body = hyper::body::Bytes::from_static(
            br#"{"version":"2.0","rawPath":"/id","rawQueryString":"",
                "requestContext":{"http":{"method":"GET","path":"/id"},"stage":"$default"}}"#,
        );
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let request = runtime
            .block_on(answer_invocation(&dispatcher, &invocation))
            .unwrap();
        assert_eq!(
            request.uri(),
            "/2018-06-01/runtime/invocation/req-ctx-9/response"
        );
        assert_eq!(body_of(request)["body"], "req-ctx-9");
    }
}
