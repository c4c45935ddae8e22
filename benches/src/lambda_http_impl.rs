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

use std::convert::Infallible;
use std::future::poll_fn;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use lambda_http::request::LambdaRequest;
use lambda_http::{Adapter, Context, LambdaEvent, Service};

use crate::{block_on, NewTodo, Todo};

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

/// The axum app: the same five routes as [`crate::lambda_route_impl`].
pub fn router() -> Router {
    Router::new()
        .route("/todos", get(list_todos).post(create_todo))
        .route(
            "/todos/{id}",
            get(get_todo).put(update_todo).delete(delete_todo),
        )
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
        std::env::set_var("AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH", "true");
        LambdaHttpAxum {
            adapter: Adapter::from(router()),
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

fn never<T>(result: Result<T, Infallible>) -> T {
    match result {
        Ok(value) => value,
        Err(never) => match never {},
    }
}
