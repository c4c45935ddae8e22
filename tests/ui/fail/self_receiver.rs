use lambda_route::prelude::*;

struct Todos;

impl Todos {
    #[get("/todos")]
    fn list(&self) -> &'static str {
        "todos"
    }
}

fn main() {}
