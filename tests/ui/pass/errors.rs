//! `Error` in routes and in `#[lambda_main]`: `?` on any std error, on an `HttpError`, and
//! `Error::msg`.

use lambda_route::prelude::*;

#[get("/parse/<raw>")]
fn parse(raw: String) -> Result<String, Error> {
    let n: u32 = raw.parse()?;
    if n == 0 {
        return Err(HttpError::bad_request("zero").into());
    }
    if n == 1 {
        return Err(Error::msg("one is unlucky"));
    }
    let checked: Result<u32, HttpError> = Ok(n);
    Ok(checked?.to_string())
}

#[get("/read")]
async fn read() -> Result<Vec<u8>, Error> {
    Ok(std::fs::read("/etc/hostname")?)
}

async fn connect() -> Result<u16, std::io::Error> {
    Ok(5432)
}

#[lambda_main]
async fn main() -> Result<App, Error> {
    let port = connect().await?;
    let _app = App::new().state(port);
    // trybuild runs pass cases: end here instead of serving forever.
    std::process::exit(0)
}
