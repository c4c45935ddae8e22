use lambda_route::prelude::*;

#[get("/todos/<>")]
async fn get_todo() -> &'static str {
    "todo"
}

fn main() {}
