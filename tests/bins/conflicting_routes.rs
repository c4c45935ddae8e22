//! A binary with two routes that answer the same requests: it must refuse to start and name
//! both. Run by the registry test.

use lambda_route::prelude::*;

#[get("/items/<id>")]
async fn first(id: u64) -> String {
    id.to_string()
}

mod elsewhere {
    use lambda_route::prelude::*;

    #[get("/items/<key>")]
    pub(crate) async fn second(key: String) -> String {
        key
    }
}

#[lambda_main]
async fn main() -> App {
    App::new()
}
