//! A binary with two catchers for one status: it must refuse to start and name both. Run by
//! the catchers test.

use lambda_route::prelude::*;

#[get("/")]
fn index() -> &'static str {
    "never served"
}

#[catch(404)]
fn not_found() -> &'static str {
    "first"
}

mod elsewhere {
    use lambda_route::prelude::*;

    #[catch(404)]
    pub(crate) async fn missing(request: &Request<'_>) -> String {
        format!("second: {}", request.path())
    }
}

#[lambda_main]
async fn main() -> App {
    App::new()
}
