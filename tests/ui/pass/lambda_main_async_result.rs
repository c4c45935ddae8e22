//! `#[lambda_main]` on `async fn main() -> Result<App, String>`.

use lambda_route::prelude::*;

async fn configure() -> Result<App, String> {
    Ok(App::new())
}

#[lambda_main]
async fn main() -> Result<App, String> {
    let _app = configure().await?;
    // trybuild runs pass cases: end here instead of serving forever.
    std::process::exit(0)
}
