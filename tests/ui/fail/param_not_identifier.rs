use lambda_route::prelude::*;

#[get("/todos/<todo-id>")]
async fn get_todo() -> &'static str {
    "todo"
}

fn main() {}
