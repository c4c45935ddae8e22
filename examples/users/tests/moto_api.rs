//! The users API against a real DynamoDB-compatible server: `moto` in server mode on a
//! loopback port, the users binary as a local server pointed at it through the SDK's
//! standard `AWS_ENDPOINT_URL_DYNAMODB`, and a real HTTP client.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::{json, Value};
use support::cases::{bad_limit, bad_token, BAD_LIMITS, BAD_TOKENS};
use support::moto::{self, Process};
use ureq::Agent;

fn agent() -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// (status, location header, body as JSON)
type Answer = (u16, Option<String>, Value);

fn answer(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = response.unwrap();
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned());
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().unwrap();
    let body = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
    (status, location, body)
}

fn create(agent: &Agent, server: &Process, body: &Value) -> Answer {
    answer(
        agent
            .post(server.url("/users"))
            .header("content-type", "application/json")
            .send(body.to_string()),
    )
}

fn get(agent: &Agent, server: &Process, path: &str) -> Answer {
    answer(agent.get(server.url(path)).call())
}

/// Every page of `GET /users?limit=N`, following `nextToken`: the ids of each page.
fn pages(agent: &Agent, server: &Process, limit: u32) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let path = match &token {
            // The token goes into the URL as is: it is URL-safe.
            Some(token) => format!("/users?limit={limit}&nextToken={token}"),
            None => format!("/users?limit={limit}"),
        };
        let (status, _, body) = get(agent, server, &path);
        assert_eq!(status, 200, "{path}: {body}");
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

fn sizes(pages: &[Vec<String>]) -> Vec<usize> {
    pages.iter().map(Vec::len).collect()
}

fn all(pages: &[Vec<String>]) -> Vec<String> {
    pages.concat()
}

#[test]
fn create_read_and_paginate() {
    let moto = moto::moto();
    let server = moto::users(&moto, "users-flow", &[]);
    let agent = agent();

    assert_eq!(
        get(&agent, &server, "/users"),
        (200, None, json!({"items": []}))
    );

    let mut created = BTreeSet::new();
    for n in 0..6 {
        let new = json!({"name": format!("user {n}"), "email": format!("user{n}@example.com")});
        let (status, location, body) = create(&agent, &server, &new);
        assert_eq!(status, 201, "{body}");
        let id = body["id"].as_str().unwrap().to_owned();
        assert_eq!(location, Some(format!("/users/{id}")));
        assert_eq!(
            body,
            json!({"id": id, "name": format!("user {n}"), "email": format!("user{n}@example.com")})
        );
        // Read back, through the Location the API answered.
        assert_eq!(
            get(&agent, &server, location.as_deref().unwrap()),
            (200, None, body)
        );
        assert!(created.insert(id));
    }

    // 6 users, 3 a page: exactly two pages, the last one without a token. (DynamoDB answers
    // such a last page with a LastEvaluatedKey, which `Users::page` drops after a one-item
    // probe finds nothing; moto returns no key there, so this case does not reach the probe:
    // test_client.rs's `last_page_when_dynamodb_returns_a_key_at_the_end` makes it.)
    let two = pages(&agent, &server, 3);
    assert_eq!(sizes(&two), [3, 3]);
    assert_eq!(all(&two).into_iter().collect::<BTreeSet<_>>(), created);

    let new = json!({"name": "user 6", "email": "user6@example.com"});
    let (status, _, body) = create(&agent, &server, &new);
    assert_eq!(status, 201, "{body}");
    assert!(created.insert(body["id"].as_str().unwrap().to_owned()));

    // 7 users: more than two pages, every user exactly once.
    for (limit, expected) in [
        (3, vec![3, 3, 1]),
        (2, vec![2, 2, 2, 1]),
        (1, vec![1; 7]),
        (100, vec![7]),
    ] {
        let pages = pages(&agent, &server, limit);
        assert_eq!(sizes(&pages), expected, "limit {limit}");
        let seen = all(&pages);
        assert_eq!(seen.len(), created.len(), "limit {limit}: a user twice");
        assert_eq!(seen.into_iter().collect::<BTreeSet<_>>(), created);
    }

    // The default limit is 20: one page, no token.
    let (status, _, body) = get(&agent, &server, "/users");
    assert_eq!(status, 200);
    assert_eq!(body["items"].as_array().unwrap().len(), 7);
    assert_eq!(body.get("nextToken"), None);
}

/// The same API behind another event shape (REST API v1): the errors are the same.
#[test]
fn errors_over_v2_and_v1() {
    let moto = moto::moto();
    for (table, args) in [("users-v2", &[][..]), ("users-v1", &["--event", "v1"][..])] {
        let server = moto::users(&moto, table, args);
        errors(&server);
    }
}

fn errors(server: &Process) {
    let agent = agent();
    let (status, _, ada) = create(
        &agent,
        server,
        &json!({"name": "Ada", "email": "Ada.Lovelace@Example.com"}),
    );
    assert_eq!(status, 201, "{ada}");

    // 404: an unknown id, and something that cannot be an id at all.
    let missing = "00000000-0000-4000-8000-000000000000";
    assert_eq!(
        get(&agent, server, &format!("/users/{missing}")),
        (
            404,
            None,
            json!({"statusCode": 404, "message": format!("no user with id {missing}")})
        )
    );
    assert_eq!(
        get(&agent, server, "/users/not-an-id"),
        (
            404,
            None,
            json!({"statusCode": 404, "message": "no user with id not-an-id"})
        )
    );

    // 409: the same email, in another case; nothing is written.
    assert_eq!(
        create(
            &agent,
            server,
            &json!({"name": "Other", "email": "ada.lovelace@EXAMPLE.COM"})
        ),
        (
            409,
            None,
            json!({"statusCode": 409, "message": "a user with email ada.lovelace@EXAMPLE.COM already exists"})
        )
    );
    let (_, _, list) = get(&agent, server, "/users");
    assert_eq!(list, json!({"items": [ada]}));

    // 422: a bad email, an empty name, each with its location.
    assert_eq!(
        create(
            &agent,
            server,
            &json!({"name": "Bob", "email": "not an email"})
        ),
        (
            422,
            None,
            json!({"statusCode": 422, "message": "Request validation failed", "detail": [
                {"loc": ["body", "email"], "type": "validation", "msg": "not a valid email: value is missing `@`"}
            ]})
        )
    );
    assert_eq!(
        create(
            &agent,
            server,
            &json!({"name": "", "email": "bob@example.com"})
        ),
        (
            422,
            None,
            json!({"statusCode": 422, "message": "Request validation failed", "detail": [
                {"loc": ["body", "name"], "type": "validation", "msg": "length is lower than 1"}
            ]})
        )
    );
    let long = "x".repeat(101);
    let (status, _, body) = create(
        &agent,
        server,
        &json!({"name": long, "email": "bob@example.com"}),
    );
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["detail"][0]["loc"], json!(["body", "name"]));

    // limit outside 1..=100, or not a number: 422 naming it.
    for (limit, kind, msg) in BAD_LIMITS {
        assert_eq!(
            get(&agent, server, &format!("/users?limit={limit}")),
            (422, None, bad_limit(kind, msg)),
            "limit={limit}"
        );
    }

    // A token that is not a key this API handed out: 400, never a 500.
    for token in BAD_TOKENS {
        assert_eq!(
            get(&agent, server, &format!("/users?nextToken={token}")),
            (400, None, bad_token()),
            "{token}"
        );
    }
}
