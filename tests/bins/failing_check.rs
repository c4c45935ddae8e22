//! A binary whose route needs application state nobody registered: its extractor's start-up
//! check must stop the cold start, naming the route and the argument. Run by the registry
//! test; with `REGISTER_DB=1` the state is registered and the app starts (and serves locally
//! until the test stops it).

use lambda_route::prelude::*;
use lambda_route::{AppState, StartupProblem};

/// The database handle the app registers.
struct Db;

/// Reads the registered `Db`; without one the app must not start.
struct Conn<'r>(&'r Db);

impl<'r> FromRequest<'r> for Conn<'r> {
    async fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> Result<Self, Rejection> {
        cx.state()
            .get::<Db>()
            .map(Conn)
            .ok_or_else(|| Rejection::new(StatusCode::INTERNAL_SERVER_ERROR, "no database"))
    }

    fn check(state: &AppState, arg: Arg) -> Result<(), StartupProblem> {
        match state.get::<Db>() {
            Some(_) => Ok(()),
            None => Err(StartupProblem::new(
                arg,
                "no `Db` was registered: add `App::new().state(Db)`",
            )),
        }
    }
}

#[get("/todos")]
async fn list(conn: Conn<'_>) -> &'static str {
    let Conn(Db) = conn;
    "[]"
}

#[lambda_main]
async fn main() -> App {
    let app = App::new();
    if std::env::var_os("REGISTER_DB").is_some() {
        app.state(Db)
    } else {
        app
    }
}
