//! The return types a route may have, sync and async.

use lambda_route::prelude::*;
use serde::Serialize;

#[derive(Debug, PartialEq, Serialize)]
struct Todo {
    id: u64,
}

#[get("/result/<id>")]
async fn result(id: u64) -> Result<Json<Todo>, HttpError> {
    if id == 0 {
        Err(HttpError::not_found("no todo 0"))
    } else {
        Ok(Json(Todo { id }))
    }
}

#[get("/unit")]
async fn unit() {}

#[get("/unit-sync")]
fn unit_sync() {}

#[get("/tuple")]
fn tuple() -> (StatusCode, String) {
    (StatusCode::ACCEPTED, "queued".to_owned())
}

#[get("/option/<found>")]
async fn option(found: bool) -> Option<String> {
    found.then(|| "found".to_owned())
}

#[get("/response")]
fn response() -> Response {
    Response::text("built by hand").with_status(StatusCode::IM_A_TEAPOT)
}

#[get("/string")]
async fn string() -> String {
    "owned".to_owned()
}

#[get("/bytes")]
fn bytes() -> Vec<u8> {
    vec![0, 1, 2]
}

#[get("/status")]
fn status() -> StatusCode {
    StatusCode::NO_CONTENT
}

#[get("/error")]
fn error() -> HttpError {
    HttpError::bad_request("never")
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(rt.block_on(result(1)), Ok(Json(Todo { id: 1 })));
    assert!(rt.block_on(result(0)).is_err());
    rt.block_on(unit());
    unit_sync();
    assert_eq!(tuple().0, StatusCode::ACCEPTED);
    assert_eq!(rt.block_on(option(false)), None);
    assert_eq!(response().status(), StatusCode::IM_A_TEAPOT);
    assert_eq!(rt.block_on(string()), "owned");
    assert_eq!(bytes(), [0, 1, 2]);
    assert_eq!(status(), StatusCode::NO_CONTENT);
    assert_eq!(error().status(), StatusCode::BAD_REQUEST);
}
