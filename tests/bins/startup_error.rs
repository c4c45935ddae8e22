//! A binary whose `main` returns `Err`: start-up ends with the error printed. Run by the
//! registry test.

use lambda_route::prelude::*;

#[get("/")]
fn index() -> &'static str {
    "never served"
}

#[lambda_main]
async fn main() -> Result<App, String> {
    Err("DATABASE_URL is not set".to_owned())
}
