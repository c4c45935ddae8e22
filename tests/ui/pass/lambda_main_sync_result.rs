//! `#[lambda_main]` on a non-async `fn main() -> Result<App, E>` with a `Display` error.

use std::fmt;

use lambda_route::prelude::*;

#[derive(Debug)]
struct ConfigError;

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("bad configuration")
    }
}

fn configure() -> Result<App, ConfigError> {
    Ok(App::new())
}

#[lambda_main]
pub fn main() -> Result<App, ConfigError> {
    let _app = configure()?;
    // trybuild runs pass cases: end here instead of serving forever.
    std::process::exit(0)
}
