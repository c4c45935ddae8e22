//! Every shape a catcher may have: no arguments, the request, the caught response, both in
//! either order; sync or async; any `IntoResponse` output; a status or `default`.

use lambda_route::prelude::*;

#[catch(404)]
fn no_arguments() -> &'static str {
    "nothing here"
}

#[catch(405)]
fn request_only(request: &Request<'_>) -> String {
    request.path().to_owned()
}

#[catch(422)]
async fn response_only(caught: &Response) -> Json<usize> {
    Json(caught.error().map_or(0, |e| e.fields().len()))
}

#[catch(500)]
async fn both(request: &Request<'_>, caught: &Response) -> (StatusCode, String) {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        format!("{} {}", request.path(), caught.status()),
    )
}

#[catch(599)]
fn both_reversed(caught: &Response, request: &Request<'_>) -> Result<String, HttpError> {
    Err(HttpError::new(caught.status(), request.path().to_owned()))
}

#[catch(default)]
fn everything_else() {}

fn main() {}
