use lambda_route::prelude::*;

#[catch(404)]
fn not_found(request: &Request<'_>, caught: &Response, extra: &Response) -> &'static str {
    let _ = (request, caught, extra);
    "three"
}

fn main() {}
