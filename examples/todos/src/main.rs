//! A todos API: list, get, create, update and delete, kept in memory.
//!
//! It shows the three kinds of route input besides the path and the body: query parameters
//! (`GET /todos?done=true&limit=10`), a header (`x-owner` on `POST /todos`) and application
//! state (the store).
//!
//! Run it locally (no AWS account needed): `cargo run -p todos`, then
//! `curl localhost:3000/todos`; its OpenAPI document is at `/openapi.json`, and
//! `cargo run -p todos -- --openapi` prints it; with `--features swagger-ui`, Swagger UI is
//! at `/docs`. Deployed to Lambda, the same binary answers API Gateway
//! (REST and HTTP APIs), Function URL, ALB and VPC Lattice events.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use lambda_route::prelude::*;
use lambda_route::schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A todo item.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(crate = "lambda_route::schemars")]
struct Todo {
    id: u64,
    title: String,
    done: bool,
    /// Who created it: the `x-owner` header of the `POST`, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<String>,
}

/// The body of `POST /todos`.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(crate = "lambda_route::schemars")]
struct NewTodo {
    /// Trimmed; it must hold a character other than white space.
    #[schemars(pattern(r"\S"))]
    title: String,
}

/// The body of `PUT /todos/<id>`: every field optional.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(crate = "lambda_route::schemars")]
struct TodoUpdate {
    title: Option<String>,
    done: Option<bool>,
}

/// The in-memory store, registered as application state in `main` and read by every route
/// as `State<Store>`. A Lambda execution environment keeps it between warm invocations; a
/// real app would register a database client the same way.
struct Store(Mutex<Todos>);

struct Todos {
    next_id: u64,
    todos: BTreeMap<u64, Todo>,
}

impl Store {
    fn new() -> Self {
        Store(Mutex::new(Todos {
            next_id: 1,
            todos: BTreeMap::new(),
        }))
    }

    fn lock(&self) -> MutexGuard<'_, Todos> {
        // A panicking route answers 500 and must not take the store down with it.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// List the todos.
///
/// `GET /todos?done=false`, `GET /todos?limit=10`: a `?done=maybe` or a `?limit=-1`
/// answers 422 naming the parameter.
#[get("/todos", tags = ["todos"])]
async fn list_todos(
    #[query] done: Option<bool>,
    #[query] limit: Option<usize>,
    store: State<Store>,
) -> Json<Vec<Todo>> {
    let store = store.lock();
    let todos = store
        .todos
        .values()
        .filter(|todo| done.is_none_or(|done| todo.done == done))
        .take(limit.unwrap_or(usize::MAX))
        .cloned()
        .collect();
    Json(todos)
}

/// Get one todo.
///
/// Answers 404 when the id is unknown.
#[get("/todos/<id>", tags = ["todos"], responses(404 = "no such todo"))]
async fn get_todo(id: u64, store: State<Store>) -> Result<Json<Todo>, HttpError> {
    store
        .lock()
        .todos
        .get(&id)
        .cloned()
        .map(Json)
        .ok_or_else(|| HttpError::not_found(format!("no todo with id {id}")))
}

/// Create a todo.
///
/// The title is trimmed and must not be empty; `x-owner`, when sent, is kept as its owner.
#[post("/todos", status = 201, tags = ["todos"])]
async fn create_todo(
    Json(new): Json<NewTodo>,
    #[header("x-owner")] owner: Option<String>,
    store: State<Store>,
) -> Result<Json<Todo>, HttpError> {
    let title = new.title.trim();
    if title.is_empty() {
        return Err(HttpError::unprocessable_entity("title must not be empty"));
    }
    let mut store = store.lock();
    let id = store.next_id;
    store.next_id += 1;
    let todo = Todo {
        id,
        title: title.to_owned(),
        done: false,
        owner,
    };
    store.todos.insert(id, todo.clone());
    Ok(Json(todo))
}

/// Update a todo's title or state.
#[put("/todos/<id>", tags = ["todos"], responses(404 = "no such todo"))]
async fn update_todo(
    id: u64,
    Json(update): Json<TodoUpdate>,
    store: State<Store>,
) -> Result<Json<Todo>, HttpError> {
    let mut store = store.lock();
    let todo = store
        .todos
        .get_mut(&id)
        .ok_or_else(|| HttpError::not_found(format!("no todo with id {id}")))?;
    if let Some(title) = update.title {
        todo.title = title;
    }
    if let Some(done) = update.done {
        todo.done = done;
    }
    Ok(Json(todo.clone()))
}

/// Delete a todo.
#[delete("/todos/<id>", tags = ["todos"], responses(404 = "no such todo"))]
async fn delete_todo(id: u64, store: State<Store>) -> Result<(), HttpError> {
    match store.lock().todos.remove(&id) {
        Some(_) => Ok(()),
        None => Err(HttpError::not_found(format!("no todo with id {id}"))),
    }
}

#[lambda_main]
async fn main() -> App {
    let app = App::new()
        .state(Store::new())
        .openapi(OpenApi::new("Todos API", "1.0.0").description("A todos list, kept in memory."));
    // Swagger UI at `/docs` when built with `--features swagger-ui`.
    #[cfg(feature = "swagger-ui")]
    let app = app.swagger_ui("/docs");
    app
}
