//! `#[lambda_main]` on a non-async `fn main() -> App`.

use lambda_route::prelude::*;

#[lambda_main]
fn main() -> App {
    let _app = App::new();
    // trybuild runs pass cases: end here instead of serving forever.
    std::process::exit(0)
}
