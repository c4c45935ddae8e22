use lambda_route::prelude::*;

#[catch(404)]
fn not_found(path: String) -> String {
    path
}

fn main() {}
