use lambda_route::prelude::*;

#[get("/todos/id>")]
async fn get_todo(id: u64) -> String {
    id.to_string()
}

fn main() {}
