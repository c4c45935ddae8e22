//! A binary whose route takes `State<Db>` while `main` registers no `Db`: it must refuse to
//! start, naming the route and the type. Run by the registry test.

use lambda_route::prelude::*;

/// The database handle nobody registers.
struct Db {
    table: &'static str,
}

#[get("/todos")]
async fn list(db: State<Db>) -> &'static str {
    db.table
}

#[lambda_main]
async fn main() -> App {
    App::new().state("a registered &str, but no Db")
}
