use lambda_route::prelude::*;

#[get("/a", deprecated = true)]
async fn deprecated_with_value() -> &'static str {
    "a"
}

#[get("/b", hidden(yes))]
async fn hidden_with_list() -> &'static str {
    "b"
}

fn main() {}
