use lambda_route::prelude::*;

struct Todo;

#[get("/todos/count")]
async fn count() -> u32 {
    3
}

#[get("/todos/first")]
fn first() -> Todo {
    Todo
}

fn main() {}
