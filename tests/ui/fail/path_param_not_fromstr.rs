use lambda_route::prelude::*;

struct TodoId(u64);

#[get("/todos/<id>")]
async fn get_todo(id: TodoId) -> String {
    id.0.to_string()
}

fn main() {}
