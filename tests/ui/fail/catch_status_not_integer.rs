use lambda_route::prelude::*;

#[catch("404")]
fn quoted() -> &'static str {
    "a string is not a status"
}

#[catch(NOT_FOUND)]
fn named() -> &'static str {
    "neither is a name"
}

#[catch]
fn missing() -> &'static str {
    "nor nothing"
}

#[catch(404, 405)]
fn several() -> &'static str {
    "one status per catcher"
}

fn main() {}
