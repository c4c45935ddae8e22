//! A binary whose routes fail: an `Error` with a source chain, an `HttpError` with a private
//! detail. Run by tests/errors.rs on the local server, which reads its stderr: the default
//! `tracing` subscriber must log the chain and the detail there, and the responses must carry
//! neither. With `OWN_SUBSCRIBER=1`, `main` installs its own subscriber (on stdout) and the
//! default one must stay out. With `FAIL_START=1`, `main` fails through `?` on a std error.

use std::error::Error as StdError;
use std::fmt;

use lambda_route::prelude::*;

/// An error with a context and a cause, like a database client's.
#[derive(Debug)]
struct Context {
    what: &'static str,
    source: Box<dyn StdError + Send + Sync>,
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }
}

impl StdError for Context {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

fn load_user(id: u64) -> Result<String, Context> {
    Err(Context {
        what: "loading user",
        source: Box::new(Context {
            what: "querying table users",
            source: format!("connection to db-7.internal reset while reading user {id}").into(),
        }),
    })
}

#[get("/users/<id>")]
async fn user(id: u64) -> Result<String, Error> {
    let name = load_user(id)?;
    Ok(name)
}

#[get("/billing")]
fn billing() -> Result<String, HttpError> {
    Err(HttpError::bad_gateway("upstream failed")
        .with_detail("billing-db timeout after 3000 ms at 10.0.0.7"))
}

#[lambda_main]
async fn main() -> Result<App, Error> {
    if std::env::var_os("FAIL_START").is_some() {
        let port: u16 = std::env::var("FAIL_START")?.parse().map_err(|e| Context {
            what: "reading FAIL_START as a port",
            source: Box::new(e),
        })?;
        let _ = port;
    }
    if std::env::var_os("OWN_SUBSCRIBER").is_some() {
        tracing_subscriber::fmt()
            .with_writer(std::io::stdout)
            .without_time()
            .init();
    }
    Ok(App::new())
}
