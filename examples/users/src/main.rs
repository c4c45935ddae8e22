//! A users API on DynamoDB: list (paginated), read and create users.
//!
//! - `GET /users?limit=N&nextToken=T` answers `{"items":[..],"nextToken":".."}`: `limit`
//!   (1..=100, default 20) users per page, `nextToken` an opaque URL-safe token for the next
//!   page, absent on the last one. A token that is not one this API handed out answers 400.
//! - `GET /users/<id>` answers `{"id","name","email"}`, or 404.
//! - `POST /users` with `{"name","email"}` (name 1..=100 characters, a valid email) answers
//!   201 with the user and `Location: /users/<id>`; a bad field answers 422 naming it, an
//!   email already taken (compared without case) 409.
//!
//! The DynamoDB client is built once, in `main`, and shared with every route as
//! `State<Users>`. Configuration is the AWS SDK's own (region, credentials, and the endpoint
//! from `AWS_ENDPOINT_URL_DYNAMODB` for a local DynamoDB such as moto), plus:
//!
//! - `USERS_TABLE`: the table (default `users`);
//! - `USERS_CREATE_TABLE=1`: create the table and its index at start-up when missing (local
//!   runs and tests; a deployed table comes from the SAM template).
//!
//! Run it locally against moto: see the README's "The users example on DynamoDB".

mod store;
mod token;

use lambda_route::prelude::*;
use serde::{Deserialize, Serialize};

use crate::store::{CreateError, Users};

/// A user, as stored and as answered.
#[derive(Debug, Clone, Serialize)]
struct User {
    id: String,
    name: String,
    email: String,
}

/// The body of `POST /users`.
#[derive(Debug, Deserialize, garde::Validate)]
struct NewUser {
    #[garde(length(chars, min = 1, max = 100))]
    name: String,
    #[garde(email)]
    email: String,
}

/// The query of `GET /users`.
#[derive(Debug, Deserialize, garde::Validate)]
#[serde(rename_all = "camelCase")]
struct PageQuery {
    #[serde(default = "default_limit")]
    #[garde(range(min = 1, max = 100))]
    limit: u32,
    #[garde(skip)]
    next_token: Option<String>,
}

fn default_limit() -> u32 {
    20
}

/// One page of `GET /users`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Page {
    items: Vec<User>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_token: Option<String>,
}

#[get("/users")]
async fn list_users(
    Valid(Query(query)): Valid<Query<PageQuery>>,
    users: State<Users>,
) -> Result<Json<Page>, HttpError> {
    let start = match query.next_token.as_deref() {
        Some(token) => Some(
            token::decode(token)
                .and_then(store::start_key)
                .ok_or_else(|| HttpError::bad_request("nextToken is not a valid page token"))?,
        ),
        None => None,
    };
    let (items, last) = users.page(query.limit, start).await?;
    Ok(Json(Page {
        items,
        next_token: last.as_ref().map(token::encode).transpose()?,
    }))
}

#[get("/users/<id>")]
async fn get_user(id: String, users: State<Users>) -> Result<Json<User>, HttpError> {
    users
        .find(&id)
        .await?
        .map(Json)
        .ok_or_else(|| HttpError::not_found(format!("no user with id {id}")))
}

#[post("/users")]
async fn create_user(
    Valid(Json(new)): Valid<Json<NewUser>>,
    users: State<Users>,
) -> Result<impl IntoResponse, HttpError> {
    let user = User {
        id: store::new_id(),
        name: new.name,
        email: new.email,
    };
    match users.create(&user).await {
        Ok(()) => Ok((
            StatusCode::CREATED,
            [(header::LOCATION, format!("/users/{}", user.id))],
            Json(user),
        )),
        Err(CreateError::EmailTaken) => Err(HttpError::conflict(format!(
            "a user with email {} already exists",
            user.email
        ))),
        Err(CreateError::Store(error)) => Err(error),
    }
}

#[lambda_main]
async fn main() -> Result<App, String> {
    // Region, credentials and endpoint (`AWS_ENDPOINT_URL_DYNAMODB`) come from the standard
    // AWS configuration: environment, profile, or the Lambda execution environment.
    let config = aws_config::load_from_env().await;
    let client = aws_sdk_dynamodb::Client::new(&config);
    let table = std::env::var("USERS_TABLE").unwrap_or_else(|_| "users".to_owned());
    let users = Users::new(client, table);
    if std::env::var("USERS_CREATE_TABLE").is_ok_and(|v| v == "1") {
        users.create_table_if_missing().await?;
    }
    Ok(App::new().state(users))
}
