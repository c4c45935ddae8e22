use lambda_route::prelude::*;

// Every mistake in one attribute is reported in one compile, in source order.
#[route("todos//<id>/<id>/", method = "get", status = 1000, cache = true)]
async fn several<T: std::str::FromStr>(id: T, page: u32) -> String {
    let _ = (id, page);
    String::new()
}

fn main() {}
