//! The todos example (`examples/todos`) written on today's standard stack, `lambda_http` +
//! axum, for the cold-start comparison in `benches/cold-start.py`: the same five routes,
//! statuses, JSON bodies and in-memory store, run with `lambda_http::run(router)` under
//! `#[tokio::main]` with the tracing subscriber, as `cargo lambda new` generates it.
//!
//! Deploy (or run under the RIE) with `AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH=true`: without it
//! `lambda_http` prefixes a REST API's path with its stage (`/prod/todos`) and no route
//! matches. lambda-route routes on the path as sent, so this is what makes the two
//! binaries answer the same events alike.
//!
//! Differences left as each framework has them: axum's own extractors reject a path
//! parameter that is not a `u64` (400), a body that is not the expected JSON (400 or 422) and
//! a body without `Content-Type: application/json` (415), with plain-text bodies; lambda-route
//! answers 422 or 400 with JSON bodies and does not require the content type.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

/// A todo item.
#[derive(Debug, Clone, Serialize)]
struct Todo {
    id: u64,
    title: String,
    done: bool,
}

/// The body of `POST /todos`.
#[derive(Debug, Deserialize)]
struct NewTodo {
    title: String,
}

/// The body of `PUT /todos/{id}`: every field optional.
#[derive(Debug, Deserialize)]
struct TodoUpdate {
    title: Option<String>,
    done: Option<bool>,
}

/// The in-memory store, kept between warm invocations.
struct Store {
    next_id: u64,
    todos: BTreeMap<u64, Todo>,
}

static STORE: Mutex<Store> = Mutex::new(Store {
    next_id: 1,
    todos: BTreeMap::new(),
});

fn store() -> MutexGuard<'static, Store> {
    STORE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// An error answered as `{"statusCode":N,"message":"..."}`, like lambda-route's `HttpError`.
struct ApiError {
    status: StatusCode,
    message: String,
}

/// The JSON body of an [`ApiError`].
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ErrorBody<'a> {
    status_code: u16,
    message: &'a str,
}

impl ApiError {
    fn not_found(id: u64) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: format!("no todo with id {id}"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            status_code: self.status.as_u16(),
            message: &self.message,
        };
        (self.status, Json(body)).into_response()
    }
}

async fn list_todos() -> Json<Vec<Todo>> {
    Json(store().todos.values().cloned().collect())
}

async fn get_todo(Path(id): Path<u64>) -> Result<Json<Todo>, ApiError> {
    store()
        .todos
        .get(&id)
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(id))
}

async fn create_todo(Json(new): Json<NewTodo>) -> Result<(StatusCode, Json<Todo>), ApiError> {
    let title = new.title.trim();
    if title.is_empty() {
        return Err(ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: "title must not be empty".to_owned(),
        });
    }
    let mut store = store();
    let id = store.next_id;
    store.next_id += 1;
    let todo = Todo {
        id,
        title: title.to_owned(),
        done: false,
    };
    store.todos.insert(id, todo.clone());
    Ok((StatusCode::CREATED, Json(todo)))
}

async fn update_todo(
    Path(id): Path<u64>,
    Json(update): Json<TodoUpdate>,
) -> Result<Json<Todo>, ApiError> {
    let mut store = store();
    let todo = store
        .todos
        .get_mut(&id)
        .ok_or_else(|| ApiError::not_found(id))?;
    if let Some(title) = update.title {
        todo.title = title;
    }
    if let Some(done) = update.done {
        todo.done = done;
    }
    Ok(Json(todo.clone()))
}

async fn delete_todo(Path(id): Path<u64>) -> Result<StatusCode, ApiError> {
    match store().todos.remove(&id) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(ApiError::not_found(id)),
    }
}

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    // Logging on, as in lambda-route (whose `#[lambda_main]` installs its subscriber).
    lambda_http::tracing::init_default_subscriber();
    let router = Router::new()
        .route("/todos", get(list_todos).post(create_todo))
        .route(
            "/todos/{id}",
            get(get_todo).put(update_todo).delete(delete_todo),
        );
    lambda_http::run(router).await
}
