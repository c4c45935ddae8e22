use lambda_route::prelude::*;

#[get("/todos/<id>")]
async fn get_todo(todo_id: u64) -> String {
    todo_id.to_string()
}

#[get("/lists/<list>/items/<item>")]
async fn get_item() -> &'static str {
    "item"
}

fn main() {}
