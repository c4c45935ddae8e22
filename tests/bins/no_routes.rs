//! A binary with no routes: it must refuse to start. Run by the registry test.

use lambda_route::prelude::*;

#[lambda_main]
fn main() -> Result<App, String> {
    Ok(App::new())
}
