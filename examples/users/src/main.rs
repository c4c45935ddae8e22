//! The users API on DynamoDB as a Lambda function or, run directly, a local server (see
//! the library, `src/lib.rs`, for the API).
//!
//! The DynamoDB client is built once, here, from the AWS SDK's own configuration (region,
//! credentials, and the endpoint from `AWS_ENDPOINT_URL_DYNAMODB` for a local DynamoDB such
//! as moto), plus:
//!
//! - `USERS_TABLE`: the table (default `users`);
//! - `USERS_CREATE_TABLE=1`: create the table and its index at start-up when missing (local
//!   runs and tests; a deployed table comes from the SAM template).
//!
//! Run it locally against moto: see the README's "The users example on DynamoDB".

use lambda_route::prelude::*;

// `users::app` links the library, and with it the routes it registers.
#[lambda_main]
async fn main() -> Result<App, String> {
    // Region, credentials and endpoint (`AWS_ENDPOINT_URL_DYNAMODB`) come from the standard
    // AWS configuration: environment, profile, or the Lambda execution environment.
    let config = aws_config::load_from_env().await;
    let client = aws_sdk_dynamodb::Client::new(&config);
    let table = std::env::var("USERS_TABLE").unwrap_or_else(|_| "users".to_owned());
    let create_table = std::env::var("USERS_CREATE_TABLE").is_ok_and(|v| v == "1");
    users::app(client, table, create_table).await
}
