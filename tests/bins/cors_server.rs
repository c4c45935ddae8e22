//! A small app with CORS configured, run as a local server by the cors test and called
//! with a real HTTP client the way a browser would: preflight, then the actual request.

use lambda_route::prelude::*;

#[get("/notes")]
fn notes() -> &'static str {
    "[]"
}

#[put("/notes/<id>")]
fn put_note(id: u64) -> String {
    format!("note {id} saved")
}

#[lambda_main]
async fn main() -> App {
    App::new().cors(
        Cors::new()
            .allow_origin("http://localhost:5173")
            .expose_headers(["X-Total-Count"])
            .allow_credentials(true)
            .max_age(600),
    )
}
