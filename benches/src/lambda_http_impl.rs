//! Today's standard stack: `lambda_http` + axum, with the same routes, driven the way
//! `lambda_http::run` drives them.
//!
//! `lambda_http::run(router)` is `lambda_runtime::run(Adapter::from(router))`. Per event,
//! `lambda_runtime` (1.5, `layers/api_response.rs` and `deserializer.rs`):
//! 1. deserializes the body with `serde_path_to_error::deserialize` over a
//!    `serde_json::Deserializer::from_slice` into the payload type, here `LambdaRequest`
//!    (whose `Deserialize` reads a `Box<RawValue>` and tries each event type in turn);
//! 2. wraps it with the invocation's `Context` in a `LambdaEvent`;
//! 3. calls the service (`poll_ready`, then `call`): the `Adapter` turns the payload into an
//!    `http::Request`, adds the X-Ray trace header and the Lambda context, calls the axum
//!    `Router`, and turns its response into a `LambdaResponse` for the request's origin;
//! 4. serializes that with `serde_json::to_vec`.
//!
//! The `Context` is built by the runtime from the Runtime API's headers for every invocation,
//! whatever the framework (lambda-route's runtime gets one too), so the benches build it
//! outside the timed region and hand it in.
//!
//! [`LambdaHttpAxum::handle`] is steps 1-4, bytes in -> bytes out.
//! [`LambdaHttpAxum::answer_invocation`] is the same inside everything `lambda_runtime` runs
//! between receiving the invocation and sending its answer, for the like-for-like comparison
//! with lambda-route's own runtime glue. Those services are private to `lambda_runtime`, so
//! this is a faithful transcription of them (1.5: `layers/api_response.rs`,
//! `layers/panic.rs`, `requests.rs` `EventCompletionRequest`).

use std::convert::Infallible;
use std::future::poll_fn;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::str::FromStr;

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use lambda_http::http::{Method, Request, Uri};
use lambda_http::request::LambdaRequest;
use lambda_http::{Adapter, Context, LambdaEvent, Service};
use lambda_runtime::LambdaInvocation;
use lambda_runtime_api_client::body::Body;
use lambda_runtime_api_client::build_request;

use crate::{block_on, Catalog, Hits, NewTodo, Search, Todo};

async fn list_todos() -> Json<Vec<Todo>> {
    Json(vec![Todo::fetched(1)])
}

async fn get_todo(Path(id): Path<u64>) -> Json<Todo> {
    Json(Todo::fetched(id))
}

async fn create_todo(Json(new): Json<NewTodo>) -> (StatusCode, Json<Todo>) {
    (StatusCode::CREATED, Json(Todo::created(new)))
}

async fn update_todo(Path(id): Path<u64>, Json(new): Json<NewTodo>) -> Json<Todo> {
    Json(Todo {
        id,
        ..Todo::created(new)
    })
}

async fn delete_todo(Path(id): Path<u64>) -> StatusCode {
    let _ = id;
    StatusCode::NO_CONTENT
}

async fn search(
    Query(search): Query<Search>,
    headers: HeaderMap,
    State(catalog): State<Catalog>,
) -> Result<Json<Hits>, StatusCode> {
    let key = headers
        .get("x-api-key")
        .and_then(|key| key.to_str().ok())
        .ok_or(StatusCode::UNPROCESSABLE_ENTITY)?;
    Ok(Json(Hits::new(search, key, &catalog)))
}

/// The axum app: the same six routes as [`crate::lambda_route_impl`].
pub fn router() -> Router {
    Router::new()
        .route("/todos", get(list_todos).post(create_todo))
        .route(
            "/todos/{id}",
            get(get_todo).put(update_todo).delete(delete_todo),
        )
        .route("/search", get(search))
        .with_state(Catalog::new())
}

/// What `lambda_runtime` would hand the handler: a context as built from the Runtime API's
/// `Lambda-Runtime-*` headers (X-Ray tracing is always on in Lambda, so the trace id is set).
pub fn lambda_context() -> Context {
    let mut context = Context::default();
    context.request_id = "8476a536-e9f4-11e8-9739-2dfe598c3fcd".to_owned();
    context.deadline = 1_795_272_999_693;
    context.invoked_function_arn =
        "arn:aws:lambda:us-east-1:123456789012:function:todos-api".to_owned();
    context.xray_trace_id =
        Some("Root=1-5e66d96f-7491f09xmpl79d18acf3d050;Parent=53995c3f42cd8ad8;Sampled=1".into());
    context
}

/// `lambda_http::Adapter` around the axum router, as `lambda_http::run` builds it.
pub struct LambdaHttpAxum {
    adapter: Adapter<'static, axum::response::Response, Router>,
}

impl Default for LambdaHttpAxum {
    fn default() -> Self {
        Self::new()
    }
}

impl LambdaHttpAxum {
    /// The adapter around [`router`].
    ///
    /// Also sets `AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH`: without it `lambda_http` prefixes a
    /// REST API's path with its stage (`/prod/todos/42`) and the routes would need a per-stage
    /// prefix; the variable is lambda_http's documented way to route on the path as sent, and
    /// it reads it on every event, so its cost is part of what is timed.
    pub fn new() -> Self {
        Self::with_router(router())
    }

    /// The adapter around another router (the production-features twin).
    pub fn with_router(router: Router) -> Self {
        std::env::set_var("AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH", "true");
        LambdaHttpAxum {
            adapter: Adapter::from(router),
        }
    }

    /// Event bytes in, response bytes out, as `lambda_runtime` runs one invocation.
    ///
    /// # Panics
    ///
    /// If the event does not deserialize.
    pub fn handle(&mut self, event: &[u8], context: Context) -> Vec<u8> {
        let mut de = serde_json::Deserializer::from_slice(event);
        let payload: LambdaRequest = match serde_path_to_error::deserialize(&mut de) {
            Ok(payload) => payload,
            Err(err) => panic!("lambda_http rejected the event: {err}"),
        };
        let event = LambdaEvent::new(payload, context);
        let adapter = &mut self.adapter;
        never(block_on(poll_fn(|cx| adapter.poll_ready(cx))));
        let response = never(block_on(adapter.call(event)));
        match serde_json::to_vec(&response) {
            Ok(bytes) => bytes,
            Err(err) => panic!("lambda_http's response does not serialize: {err}"),
        }
    }
}

impl LambdaHttpAxum {
    /// What `lambda_runtime` runs for `lambda_http::run` per invocation, from the
    /// [`LambdaInvocation`] to the Runtime API request answering it (sending it is left out,
    /// as on lambda-route's side):
    /// - `RuntimeApiResponseService::call`: clone the request id, read the optional
    ///   `Lambda-Runtime-Invocation-Id` header, deserialize the body with
    ///   `serde_path_to_error` into `LambdaEvent<LambdaRequest>` with the context;
    /// - `CatchPanicService`: the call and every poll under `catch_unwind`;
    /// - the `Adapter` and axum, as in [`LambdaHttpAxum::handle`];
    /// - `EventCompletionRequest::into_req`: the `/response` URI formatted and parsed, the
    ///   response serialized with `serde_json::to_vec`, `build_request()` (User-Agent), the
    ///   invocation id echoed.
    ///
    /// # Panics
    ///
    /// If the event does not deserialize or a step fails.
    pub fn answer_invocation(&mut self, invocation: LambdaInvocation) -> Request<Body> {
        let request_id = invocation.context.request_id.clone();
        let invocation_id = invocation
            .parts
            .headers
            .get(INVOCATION_ID)
            .and_then(|id| id.to_str().ok())
            .map(str::to_owned);
        let mut de = serde_json::Deserializer::from_slice(&invocation.body);
        let payload: LambdaRequest = match serde_path_to_error::deserialize(&mut de) {
            Ok(payload) => payload,
            Err(err) => panic!("lambda_http rejected the event: {err}"),
        };
        let event = LambdaEvent::new(payload, invocation.context);
        let adapter = &mut self.adapter;
        never(block_on(poll_fn(|cx| adapter.poll_ready(cx))));
        let response = catch_unwind(AssertUnwindSafe(|| adapter.call(event)))
            .and_then(|future| catch_unwind(AssertUnwindSafe(|| block_on(future))));
        let response = match response {
            Ok(response) => never(response),
            Err(_) => panic!("the axum app panicked"),
        };
        let built = (|| -> Result<Request<Body>, lambda_http::Error> {
            let uri = format!("/2018-06-01/runtime/invocation/{request_id}/response");
            let uri = Uri::from_str(&uri)?;
            let body = Body::from(serde_json::to_vec(&response)?);
            let mut request = build_request().method(Method::POST).uri(uri).body(body)?;
            if let Some(id) = invocation_id {
                request.headers_mut().insert(INVOCATION_ID, id.parse()?);
            }
            Ok(request)
        })();
        match built {
            Ok(request) => request,
            Err(err) => panic!("lambda_runtime could not build the /response request: {err}"),
        }
    }
}

/// `lambda_runtime`'s `LAMBDA_RUNTIME_INVOCATION_ID` (private there).
const INVOCATION_ID: &str = "lambda-runtime-invocation-id";

fn never<T>(result: Result<T, Infallible>) -> T {
    match result {
        Ok(value) => value,
        Err(never) => match never {},
    }
}
