//! lambda-route: the todos routes, declared as a user would, answered through the public
//! in-process API.

use lambda_route::prelude::*;
use lambda_route::Dispatcher;
use serde_json::value::RawValue;

use crate::{block_on, NewTodo, Todo};

// The same five routes as the lambda_http + axum app and the todos example, so both route
// tables hold the same entries.

#[get("/todos")]
async fn list_todos() -> Json<Vec<Todo>> {
    Json(vec![Todo::fetched(1)])
}

#[get("/todos/<id>")]
async fn get_todo(id: u64) -> Json<Todo> {
    Json(Todo::fetched(id))
}

#[post("/todos", status = 201)]
async fn create_todo(Json(new): Json<NewTodo>) -> Json<Todo> {
    Json(Todo::created(new))
}

#[put("/todos/<id>")]
async fn update_todo(id: u64, Json(new): Json<NewTodo>) -> Json<Todo> {
    Json(Todo {
        id,
        ..Todo::created(new)
    })
}

#[delete("/todos/<id>")]
async fn delete_todo(id: u64) -> StatusCode {
    let _ = id;
    StatusCode::NO_CONTENT
}

/// The registered routes above, built the way `#[lambda_main]` builds them.
///
/// # Panics
///
/// If the routes did not register (the bench would measure nothing).
pub fn dispatcher() -> Dispatcher {
    match App::new().build() {
        Ok(dispatcher) => dispatcher,
        Err(err) => panic!("cannot build the lambda-route app: {err}"),
    }
}

/// Event bytes in, response bytes out: `Dispatcher::dispatch`.
///
/// # Panics
///
/// If the event does not decode.
pub fn dispatch(dispatcher: &Dispatcher, event: &[u8]) -> Vec<u8> {
    match block_on(dispatcher.dispatch(event)) {
        Ok(response) => response,
        Err(err) => panic!("lambda-route rejected the event: {err}"),
    }
}

/// [`dispatch`] plus what lambda-route's Lambda runtime (`runtime/lambda.rs` under
/// `lambda_runtime`) does around it: the event arrives as `Box<RawValue>` through
/// `serde_path_to_error` (as `lambda_runtime` deserializes every payload), the response goes
/// back as a `RawValue` serialized with `serde_json::to_vec`. This is the like-for-like
/// counterpart of [`crate::lambda_http_impl`], which includes the same runtime steps.
///
/// # Panics
///
/// If the event does not decode.
pub fn dispatch_with_runtime_glue(dispatcher: &Dispatcher, event: &[u8]) -> Vec<u8> {
    let payload: Box<RawValue> =
        match serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(event)) {
            Ok(payload) => payload,
            Err(err) => panic!("lambda_runtime could not read the event: {err}"),
        };
    let response = dispatch(dispatcher, payload.get().as_bytes());
    let raw = String::from_utf8(response)
        .map_err(|e| e.to_string())
        .and_then(|text| RawValue::from_string(text).map_err(|e| e.to_string()));
    match raw.and_then(|raw| serde_json::to_vec(&raw).map_err(|e| e.to_string())) {
        Ok(bytes) => bytes,
        Err(err) => panic!("lambda-route's response is not JSON: {err}"),
    }
}
