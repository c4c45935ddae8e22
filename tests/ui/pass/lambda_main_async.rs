//! `#[lambda_main]` on `async fn main() -> App`, with a route called directly from it.

use lambda_route::prelude::*;

#[get("/hello/<name>")]
async fn hello(name: String) -> String {
    format!("hello {name}")
}

#[lambda_main]
async fn main() -> App {
    assert_eq!(hello("you".to_owned()).await, "hello you");
    let _app = App::new();
    // trybuild runs pass cases: end here, after the generated `main` has set up the async
    // runtime and awaited this function, instead of serving forever.
    std::process::exit(0)
}
