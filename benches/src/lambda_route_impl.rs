//! lambda-route: the todos routes, declared as a user would, answered through the public
//! in-process API.

use lambda_route::http::Request;
use lambda_route::prelude::*;
use lambda_route::Dispatcher;
use lambda_runtime::LambdaInvocation;
use lambda_runtime_api_client::body::Body;

use crate::{block_on, Catalog, Hits, NewTodo, Search, Todo};

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

// The parameters case: a query struct, one header parameter and application state.
#[get("/search")]
async fn search(
    Query(search): Query<Search>,
    #[header("x-api-key")] key: String,
    catalog: State<Catalog>,
) -> Json<Hits> {
    Json(Hits::new(search, &key, &catalog))
}

/// The registered routes above, built the way `#[lambda_main]` builds them.
///
/// # Panics
///
/// If the routes did not register (the bench would measure nothing).
pub fn dispatcher() -> Dispatcher {
    match App::new().state(Catalog::new()).build() {
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

/// An SQS batch of `records` copies of `event` (each record's `body`), as Lambda sends it.
pub fn sqs_batch(event: &[u8], records: usize) -> Vec<u8> {
    let body = match std::str::from_utf8(event) {
        Ok(body) => serde_json::Value::from(body).to_string(),
        Err(err) => panic!("event is not UTF-8: {err}"),
    };
    let mut out = String::from(r#"{"Records":["#);
    for i in 0..records {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            r#"{{"messageId":"m-{i}","receiptHandle":"rh-{i}","body":{body},"attributes":{{"ApproximateReceiveCount":"1","SentTimestamp":"1520621625029"}},"messageAttributes":{{}},"md5OfBody":"fce0ea8dd236ccb3ed9b37dae260836f","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-west-2:123456789012:todos","awsRegion":"us-west-2"}}"#
        ));
    }
    out.push_str("]}");
    out.into_bytes()
}

/// A batch event in, the invocation's answer out: `Dispatcher::invoke`.
///
/// # Panics
///
/// If the invocation fails.
pub fn invoke(dispatcher: &Dispatcher, event: &[u8]) -> Vec<u8> {
    match block_on(dispatcher.invoke(event, None)) {
        Ok(response) => response,
        Err(err) => panic!("lambda-route failed the invocation: {err}"),
    }
}

/// What lambda-route's Lambda runtime runs per invocation, from the [`LambdaInvocation`]
/// `lambda_runtime` hands over to the Runtime API request that answers it:
/// `lambda_route::runtime::answer_invocation`, the very function `runtime/lambda.rs` calls
/// (the event bytes and `Context` straight into `Dispatcher::dispatch_with`, the response JSON
/// as the request body). Only sending the request is left out, which costs the same for every
/// framework. The future is boxed and the invocation dropped inside, as the runtime does.
///
/// # Panics
///
/// If no request can be built.
pub fn answer_invocation(dispatcher: &Dispatcher, invocation: LambdaInvocation) -> Request<Body> {
    // Boxed, as the runtime's tower service boxes the future (which then also sends).
    let answer = Box::pin(lambda_route::runtime::answer_invocation(
        dispatcher,
        &invocation,
    ));
    match block_on(answer) {
        Ok(request) => request,
        Err(err) => panic!("lambda-route could not answer the invocation: {err}"),
    }
}
