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
//! The routes live in this library, and [`app`] builds the [`App`] from a DynamoDB client
//! and a table name: the `users` binary (`src/main.rs`) calls it with the client it builds
//! from the AWS configuration, and the tests (`tests/test_client.rs`) with a client aimed at
//! a local moto server, driving the app through `lambda_route::testing::TestClient`.
//!
//! The client is shared with every route as `State<Users>`.
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

/// The users API on `table`, reached through `client`: every route, with the table as their
/// shared state. With `create_table`, the table and its index are first created when missing
/// (local runs and tests; a deployed table comes from the SAM template), and the app starts
/// once the table is active.
///
/// # Errors
///
/// Only with `create_table`: the table could not be described or created, or is not active
/// after a minute.
///
/// # Examples
///
/// ```no_run
/// use lambda_route::prelude::*;
///
/// # async fn start() -> Result<App, String> {
/// let config = aws_config::load_from_env().await;
/// let client = aws_sdk_dynamodb::Client::new(&config);
/// let app: App = users::app(client, "users".to_owned(), true).await?;
/// # Ok(app) }
/// ```
pub async fn app(
    client: aws_sdk_dynamodb::Client,
    table: String,
    create_table: bool,
) -> Result<App, String> {
    let users = Users::new(client, table);
    if create_table {
        users.create_table_if_missing().await?;
    }
    Ok(App::new().state(users))
}
