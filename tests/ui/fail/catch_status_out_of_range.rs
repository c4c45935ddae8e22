use lambda_route::prelude::*;

#[catch(200)]
fn ok() -> &'static str {
    "not an error"
}

#[catch(600)]
fn beyond() -> &'static str {
    "no such status"
}

fn main() {}
