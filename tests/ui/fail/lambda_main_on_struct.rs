use lambda_route::prelude::*;

#[lambda_main]
struct Main;
