use lambda_route::prelude::*;

#[get("/search")]
async fn search(
    #[query = "q"] q: String,
    #[header(name = "x-api-key")] key: String,
    #[cookie("")] session: String,
    #[query("a", "b")] a: String,
    #[query(sort)] sort: String,
    #[query] (x, y): (String, String),
) -> String {
    format!("{q} {key} {session} {a} {sort} {x} {y}")
}

fn main() {}
