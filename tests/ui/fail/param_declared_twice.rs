use lambda_route::prelude::*;

#[get("/search")]
async fn search(
    #[query] q: String,
    #[query("q")] again: Option<String>,
    #[header("X-Api-Key")] key: String,
    #[header] x_api_key: String,
    // Another place: not a duplicate.
    #[cookie] q_: Option<String>,
    #[cookie("q")] cookie_q: Option<String>,
) -> String {
    format!("{q} {again:?} {key} {x_api_key} {q_:?} {cookie_q:?}")
}

fn main() {}
