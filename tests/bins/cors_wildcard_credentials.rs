//! A binary configuring CORS for any origin with credentials: browsers forbid that, so it
//! must refuse to start. Run by the cors test.

use lambda_route::prelude::*;

#[get("/")]
fn index() -> &'static str {
    "never served"
}

#[lambda_main]
async fn main() -> App {
    App::new().cors(
        Cors::new()
            .allow_origin("https://example.com")
            .allow_origin("*")
            .allow_credentials(true),
    )
}
