//! The users API through the in-process test client (`lambda_route::testing::TestClient`):
//! the app `users::app` builds, each request a real event of the chosen source, against a
//! real DynamoDB-compatible server (`moto` in server mode on a loopback port, started by
//! `support::moto`). The SDK client is configured here, in code: no environment variable.
//!
//! `moto_api.rs` drives the same API through the local server with a real HTTP client.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

// The users binary's launcher in `support::moto` is for `moto_api.rs`.
#[allow(dead_code, reason = "support code shared with moto_api.rs")]
mod support;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aws_sdk_dynamodb::config::interceptors::{
    BeforeSerializationInterceptorContextRef, FinalizerInterceptorContextMut,
};
use aws_sdk_dynamodb::config::{
    BehaviorVersion, ConfigBag, Credentials, Intercept, Region, RuntimeComponents,
};
use aws_sdk_dynamodb::operation::query::{QueryInput, QueryOutput};
use aws_sdk_dynamodb::Client;
use aws_smithy_types::config_bag::{Storable, StoreReplace};
use lambda_route::testing::{Source, TestClient, TestResponse};
use serde_json::{json, Value};
use support::cases::{bad_limit, bad_token, BAD_LIMITS, BAD_TOKENS};
use support::moto::{self, Process};

/// The sources the tests send requests as: each decodes the query string its own way
/// (decoded maps for REST v1 and ALB, the raw string for HTTP API v2 and Function URLs).
const SOURCES: [Source; 4] = [
    Source::ApiGatewayV1,
    Source::HttpApiV2,
    Source::Alb,
    Source::FunctionUrl,
];

/// A DynamoDB client for `moto`, with `interceptor` when given.
fn dynamodb(moto: &Process, interceptor: Option<AsDynamoDb>) -> Client {
    let mut config = aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .endpoint_url(moto.url(""))
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("testing", "testing", None, None, "tests"));
    if let Some(interceptor) = interceptor {
        config = config.interceptor(interceptor);
    }
    Client::from_conf(config.build())
}

/// A test client for the users app on `table` (created), sending requests as `source`.
async fn users(client: Client, table: &str, source: Source) -> TestClient {
    let app = users::app(client, table.to_owned(), true).await.unwrap();
    TestClient::new(app)
        .unwrap()
        .source(source)
        // Lambda's default 3 s would be tight for moto on a busy machine.
        .function_timeout(Duration::from_secs(30))
}

/// (status, location header, body as JSON)
type Answer = (u16, Option<String>, Value);

fn answer(response: &TestResponse) -> Answer {
    let body = response.text();
    let json = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    (
        response.status().as_u16(),
        response.header("location").map(str::to_owned),
        json,
    )
}

async fn create(client: &TestClient, body: &Value) -> Answer {
    answer(&client.post("/users").json(body).send().await)
}

async fn get(client: &TestClient, path: &str) -> Answer {
    answer(&client.get(path).send().await)
}

/// Creates a user named `user {n}` and checks the answer: 201, the user, its `Location`,
/// which reads it back. Its id.
async fn create_user(client: &TestClient, n: usize) -> String {
    let new = json!({"name": format!("user {n}"), "email": format!("user{n}@example.com")});
    let (status, location, body) = create(client, &new).await;
    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_str().unwrap().to_owned();
    assert_eq!(location, Some(format!("/users/{id}")));
    assert_eq!(
        body,
        json!({"id": id, "name": format!("user {n}"), "email": format!("user{n}@example.com")})
    );
    assert_eq!(
        get(client, location.as_deref().unwrap()).await,
        (200, None, body)
    );
    id
}

/// Every page of `GET /users?limit=N` (the default limit for `None`), following
/// `nextToken` until a page has none: the ids of each page.
async fn pages(client: &TestClient, limit: Option<u32>) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut request = client.get("/users");
        if let Some(limit) = limit {
            request = request.query("limit", &limit.to_string());
        }
        if let Some(token) = &token {
            request = request.query("nextToken", token);
        }
        let (status, location, body) = answer(&request.send().await);
        assert_eq!((status, location), (200, None), "{body}");
        let ids = body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|user| user["id"].as_str().unwrap().to_owned())
            .collect();
        pages.push(ids);
        assert!(pages.len() <= 100, "pagination does not end");
        match body.get("nextToken") {
            Some(next) => token = Some(next.as_str().unwrap().to_owned()),
            None => return pages,
        }
    }
}

/// Pages through all users `limit` at a time: the page sizes are `sizes`, the last page has
/// no `nextToken` (or `pages` would go on), and every user in `created` is seen exactly once.
async fn paginate(
    client: &TestClient,
    limit: Option<u32>,
    sizes: &[usize],
    created: &BTreeSet<String>,
) {
    let pages = pages(client, limit).await;
    let what = format!("limit {limit:?}: {pages:?}");
    assert_eq!(
        pages.iter().map(Vec::len).collect::<Vec<_>>(),
        sizes,
        "{what}"
    );
    let seen = pages.concat();
    assert_eq!(seen.len(), created.len(), "{what}: a user twice");
    assert_eq!(
        &seen.into_iter().collect::<BTreeSet<_>>(),
        created,
        "{what}"
    );
}

#[tokio::test]
async fn create_read_and_paginate_from_every_source() {
    let moto = moto::moto();
    let dynamodb = dynamodb(&moto, None);
    for source in SOURCES {
        let client = users(dynamodb.clone(), &format!("users-pages-{source:?}"), source).await;
        assert_eq!(
            get(&client, "/users").await,
            (200, None, json!({"items": []})),
            "{source:?}"
        );
        let mut created = BTreeSet::new();
        for n in 0..7 {
            assert!(created.insert(create_user(&client, n).await));
        }
        // 7 users: more than two pages, every user exactly once, whatever the limit.
        for (limit, sizes) in [
            (Some(3), &[3, 3, 1][..]),
            (Some(2), &[2, 2, 2, 1]),
            (Some(1), &[1; 7]),
            (Some(7), &[7]),
            (Some(100), &[7]),
            // The default limit is 20.
            (None, &[7]),
        ] {
            paginate(&client, limit, sizes, &created).await;
        }
    }
}

#[tokio::test]
async fn errors_from_every_source() {
    let moto = moto::moto();
    let dynamodb = dynamodb(&moto, None);
    for source in SOURCES {
        let client = users(
            dynamodb.clone(),
            &format!("users-errors-{source:?}"),
            source,
        )
        .await;
        errors(&client, source).await;
    }
}

async fn errors(client: &TestClient, source: Source) {
    let (status, location, ada) = create(
        client,
        &json!({"name": "Ada", "email": "Ada.Lovelace@Example.com"}),
    )
    .await;
    assert_eq!(status, 201, "{source:?}: {ada}");
    let id = ada["id"].as_str().unwrap();
    assert_eq!(location, Some(format!("/users/{id}")), "{source:?}");
    assert_eq!(
        get(client, &format!("/users/{id}")).await,
        (200, None, ada.clone()),
        "{source:?}"
    );

    // 404: an unknown id, and something that cannot be an id at all.
    let missing = "00000000-0000-4000-8000-000000000000";
    assert_eq!(
        get(client, &format!("/users/{missing}")).await,
        (
            404,
            None,
            json!({"statusCode": 404, "message": format!("no user with id {missing}")})
        ),
        "{source:?}"
    );
    assert_eq!(
        get(client, "/users/not-an-id").await,
        (
            404,
            None,
            json!({"statusCode": 404, "message": "no user with id not-an-id"})
        ),
        "{source:?}"
    );

    // 409: the same email, in another case; nothing is written.
    assert_eq!(
        create(
            client,
            &json!({"name": "Other", "email": "ada.lovelace@EXAMPLE.COM"})
        )
        .await,
        (
            409,
            None,
            json!({"statusCode": 409, "message": "a user with email ada.lovelace@EXAMPLE.COM already exists"})
        ),
        "{source:?}"
    );
    assert_eq!(
        get(client, "/users").await,
        (200, None, json!({"items": [ada]})),
        "{source:?}"
    );

    // 422: a bad email, an empty name, a name too long, each with its location.
    let long = "x".repeat(101);
    for (body, field, msg) in [
        (
            json!({"name": "Bob", "email": "not an email"}),
            "email",
            "not a valid email: value is missing `@`",
        ),
        (
            json!({"name": "", "email": "bob@example.com"}),
            "name",
            "length is lower than 1",
        ),
        (
            json!({"name": long, "email": "bob@example.com"}),
            "name",
            "length is greater than 100",
        ),
    ] {
        assert_eq!(
            create(client, &body).await,
            (
                422,
                None,
                json!({"statusCode": 422, "message": "Request validation failed", "detail": [
                    {"loc": ["body", field], "type": "validation", "msg": msg}
                ]})
            ),
            "{source:?}: {body}"
        );
    }

    // limit outside 1..=100, or not a number: 422 naming it.
    for (limit, kind, msg) in BAD_LIMITS {
        assert_eq!(
            answer(&client.get("/users").query("limit", limit).send().await),
            (422, None, bad_limit(kind, msg)),
            "{source:?}: limit={limit}"
        );
    }

    // A token that is not a key this API handed out: 400, never a 500.
    for token in BAD_TOKENS {
        assert_eq!(
            answer(&client.get("/users").query("nextToken", token).send().await),
            (400, None, bad_token()),
            "{source:?}: {token}"
        );
    }
}

/// Makes moto answer `Query` as DynamoDB does. DynamoDB returns a `LastEvaluatedKey`
/// whenever a query stops at its `Limit`, also when no item follows; moto returns one only
/// when an item follows. This adds the key DynamoDB would return (the last item's table and
/// index keys) to every query that returned `Limit` items without one.
#[derive(Debug, Clone, Default)]
struct AsDynamoDb {
    /// The `Limit` of each query the key was added to, in order.
    added: Arc<Mutex<Vec<i32>>>,
}

impl AsDynamoDb {
    /// The limits of the queries a key was added to since the last call.
    fn take(&self) -> Vec<i32> {
        std::mem::take(&mut *self.added.lock().unwrap())
    }
}

/// The `Limit` of the query in flight, from its input to its output.
#[derive(Debug)]
struct QueryLimit(i32);

impl Storable for QueryLimit {
    type Storer = StoreReplace<Self>;
}

impl Intercept for AsDynamoDb {
    fn name(&self) -> &'static str {
        "AsDynamoDb"
    }

    fn read_before_execution(
        &self,
        context: &BeforeSerializationInterceptorContextRef<'_>,
        cfg: &mut ConfigBag,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        if let Some(limit) = context
            .input()
            .downcast_ref::<QueryInput>()
            .and_then(|query| query.limit)
        {
            cfg.interceptor_state().store_put(QueryLimit(limit));
        }
        Ok(())
    }

    fn modify_before_completion(
        &self,
        context: &mut FinalizerInterceptorContextMut<'_>,
        _: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let Some(&QueryLimit(limit)) = cfg.load::<QueryLimit>() else {
            return Ok(());
        };
        let Some(Ok(output)) = context.output_or_error_mut() else {
            return Ok(());
        };
        let output = output.downcast_mut::<QueryOutput>().unwrap();
        if output.count == limit && output.last_evaluated_key.is_none() {
            let last = output.items().last().unwrap();
            let key = ["pk", "kind", "id"].map(|name| (name.to_owned(), last[name].clone()));
            output.last_evaluated_key = Some(key.into());
            self.added.lock().unwrap().push(limit);
        }
        Ok(())
    }
}

/// The last page as DynamoDB answers it: a query that stops at `limit` carries a
/// `LastEvaluatedKey` even when nothing follows, so a page of exactly the users that remain
/// must still come without `nextToken` (the app probes for a next item).
#[tokio::test]
async fn last_page_when_dynamodb_returns_a_key_at_the_end() {
    let moto = moto::moto();
    let as_dynamodb = AsDynamoDb::default();
    let dynamodb = dynamodb(&moto, Some(as_dynamodb.clone()));
    let client = users(dynamodb, "users-last-page", Source::HttpApiV2).await;
    let mut created = BTreeSet::new();

    // Exactly `limit` users: one page, without a token, although DynamoDB answered its
    // query with a key.
    for n in 0..3 {
        assert!(created.insert(create_user(&client, n).await));
    }
    as_dynamodb.take();
    paginate(&client, Some(3), &[3], &created).await;
    assert_eq!(
        as_dynamodb.take(),
        [3],
        "the page's query came back with a key"
    );

    // Exactly 2 * `limit`: the second page is full and the last.
    for n in 3..6 {
        assert!(created.insert(create_user(&client, n).await));
    }
    as_dynamodb.take();
    paginate(&client, Some(3), &[3, 3], &created).await;
    assert_eq!(
        as_dynamodb.take(),
        [3],
        "page 2's query came back with a key"
    );

    // 2 * `limit` + 1: a third page with the one user left.
    assert!(created.insert(create_user(&client, 6).await));
    paginate(&client, Some(3), &[3, 3, 1], &created).await;
    // One user per page: every page is full; the seventh is the last.
    paginate(&client, Some(1), &[1; 7], &created).await;
}
