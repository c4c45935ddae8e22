use lambda_route::prelude::*;

#[get("/todos//done")]
async fn done() -> &'static str {
    "done"
}

fn main() {}
