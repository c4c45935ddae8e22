use lambda_route::prelude::*;

struct Page;

#[catch(404)]
fn not_found() -> Page {
    Page
}

fn main() {}
