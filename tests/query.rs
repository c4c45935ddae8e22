//! `Query<T>` through real events of every source (sent by the test client, and ALB's and
//! VPC Lattice v2's captured fixtures as they are): values, repeated names into a `Vec`,
//! renamed and optional fields, every failure in one 422 next to a path parameter's, and the
//! parameters a route describes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::sync::OnceLock;

use lambda_route::describe::{ParamLocation, Parameter};
use lambda_route::event::Source;
use lambda_route::prelude::*;
use lambda_route::testing::TestClient;
use lambda_route_tests::{aimed_at, dispatch, dispatcher, SHAPES};
use serde::Deserialize;
use serde_json::json;

// ---- routes ----

/// Sort order, by name.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Order {
    Asc,
    Desc,
}

/// One page of a listing.
#[derive(Debug, Deserialize)]
#[allow(
    dead_code,
    reason = "routes answer with the `Debug` text of what they read"
)]
struct Page {
    limit: u32,
    #[serde(rename = "nextToken")]
    next_token: Option<String>,
    tag: Vec<String>,
    order: Option<Order>,
}

#[get("/search")]
fn search(Query(page): Query<Page>) -> String {
    format!("{page:?}")
}

#[get("/users/<id>/items")]
fn user_items(id: u64, Query(page): Query<Page>) -> String {
    format!("{id} {page:?}")
}

/// The ALB fixture's parameters, one of them named with a non-ASCII, encoded name.
#[derive(Debug, Deserialize)]
#[allow(
    dead_code,
    reason = "routes answer with the `Debug` text of what they read"
)]
struct AlbQuery<'r> {
    query: &'r str,
    greeting: String,
    #[serde(rename = "café")]
    cafe: String,
}

#[get("/alb")]
fn alb(Query(q): Query<AlbQuery<'_>>) -> String {
    format!("{q:?}")
}

/// The Lattice v2 fixture's parameters.
#[derive(Debug, Deserialize)]
#[allow(
    dead_code,
    reason = "routes answer with the `Debug` text of what they read"
)]
struct Health {
    state: String,
    multi: Vec<String>,
    verbose: Option<bool>,
}

#[get("/health")]
fn health(Query(h): Query<Health>) -> String {
    format!("{h:?}")
}

// ---- requests and answers ----

/// `GET path` with the query `pairs` (percent-encoded by the client), sent by the test client
/// as an event of `shape`: the answer's status, content type and body, after checking that
/// the content type is its only header and the body is text.
async fn get(shape: (Source, bool), path: &str, pairs: &[(&str, &str)]) -> (u16, String, String) {
    static CLIENT: OnceLock<TestClient> = OnceLock::new();
    let client = CLIENT.get_or_init(|| TestClient::new(App::new()).unwrap());
    let mut request = client
        .get(path)
        .source(shape.0)
        .multi_value_headers(shape.1);
    for (name, value) in pairs {
        request = request.query(name, value);
    }
    let res = request.send().await;
    assert_eq!(res.headers().len(), 1, "{shape:?}: {:?}", res.headers());
    assert!(!res.is_base64_encoded(), "{shape:?}");
    let content_type = res.header("content-type").unwrap().to_owned();
    (res.status().as_u16(), content_type, res.text().to_owned())
}

/// The expected answer.
fn answer(status: u16, content_type: &str, body: &str) -> (u16, String, String) {
    (status, content_type.to_owned(), body.to_owned())
}

/// The shapes that keep a repeated parameter's values apart: not ALB in single-value mode
/// (the last value only) nor VPC Lattice v1 (one joined value).
fn keeps_repeats(shape: &(Source, bool)) -> bool {
    *shape != (Source::Alb, false) && shape.0 != Source::VpcLatticeV1
}

const TEXT: &str = "text/plain; charset=utf-8";
const JSON: &str = "application/json";

// ---- tests ----

#[tokio::test]
async fn values_lists_renames_and_options() {
    for api in SHAPES.into_iter().filter(keeps_repeats) {
        let cases: [(&[(&str, &str)], &str); 4] = [
            (
                &[("limit", "5")],
                r#"Page { limit: 5, next_token: None, tag: [], order: None }"#,
            ),
            (
                &[
                    ("tag", "a b"),
                    ("limit", "5"),
                    ("nextToken", "t/1=="),
                    ("tag", "ü&c"),
                    ("order", "desc"),
                ],
                r#"Page { limit: 5, next_token: Some("t/1=="), tag: ["a b", "ü&c"], order: Some(Desc) }"#,
            ),
            // The first value of a scalar wins; unknown names are ignored.
            (
                &[("limit", "1"), ("limit", "2"), ("other", "x")],
                r#"Page { limit: 1, next_token: None, tag: [], order: None }"#,
            ),
            // The Rust field name is not the wire name.
            (
                &[("limit", "1"), ("next_token", "x")],
                r#"Page { limit: 1, next_token: None, tag: [], order: None }"#,
            ),
        ];
        for (pairs, body) in cases {
            assert_eq!(
                get(api, "/search", pairs).await,
                answer(200, TEXT, body),
                "{api:?} {pairs:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_missing_required_parameter_is_422() {
    for api in SHAPES {
        assert_eq!(
            get(api, "/search", &[("tag", "a")]).await,
            answer(
                422,
                JSON,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","limit"],"type":"missing","msg":"field required"}]}"#
            ),
            "{api:?}"
        );
    }
}

#[tokio::test]
async fn every_unparseable_parameter_is_listed() {
    for api in SHAPES {
        assert_eq!(
            get(api, "/search", &[("limit", "ten")]).await,
            answer(
                422,
                JSON,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","limit"],"type":"parse_error","msg":"invalid u32: invalid digit found in string"}]}"#
            ),
            "{api:?}"
        );
        assert_eq!(
            get(api, "/search", &[("order", "up"), ("limit", "-1")]).await,
            answer(
                422,
                JSON,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","limit"],"type":"parse_error","msg":"invalid u32: invalid digit found in string"},{"loc":["query","order"],"type":"parse_error","msg":"invalid Order: expected one of `asc`, `desc`"}]}"#
            ),
            "{api:?}"
        );
    }
}

#[tokio::test]
async fn query_and_path_failures_are_answered_together() {
    for api in SHAPES {
        assert_eq!(
            get(api, "/users/x/items", &[("order", "up")]).await,
            answer(
                422,
                JSON,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u64: invalid digit found in string"},{"loc":["query","order"],"type":"parse_error","msg":"invalid Order: expected one of `asc`, `desc`"},{"loc":["query","limit"],"type":"missing","msg":"field required"}]}"#
            ),
            "{api:?}"
        );
        assert_eq!(
            get(api, "/users/7/items", &[("limit", "2")]).await,
            answer(
                200,
                TEXT,
                "7 Page { limit: 2, next_token: None, tag: [], order: None }"
            ),
            "{api:?}"
        );
    }
}

#[test]
fn alb_encoded_values_are_decoded_once() {
    let response = dispatch(&aimed_at("alb-single-value.json", "GET", "/alb", &[]));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {"content-type": TEXT},
            "body": r#"AlbQuery { query: "1234ABCD", greeting: "hello world!", cafe: "crème brûlée" }"#,
            "isBase64Encoded": false
        })
    );
}

#[test]
fn lattice_lists_and_a_bad_bool() {
    let response = dispatch(&aimed_at("lattice-v2-get.json", "GET", "/health", &[]));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {"content-type": TEXT},
            "body": r#"Health { state: "prod", multi: ["a", "DEF", "g"], verbose: None }"#,
            "isBase64Encoded": false
        })
    );
    let response = dispatch(&aimed_at(
        "lattice-v2-get.json",
        "GET",
        "/health",
        &[(
            "/queryStringParameters",
            json!({"multi": ["a"], "verbose": ["yes"]}),
        )],
    ));
    assert_eq!(
        response,
        json!({
            "statusCode": 422,
            "statusDescription": "422 Unprocessable Entity",
            "headers": {"content-type": JSON},
            "body": r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","verbose"],"type":"parse_error","msg":"invalid bool: provided string was not `true` or `false`"},{"loc":["query","state"],"type":"missing","msg":"field required"}]}"#,
            "isBase64Encoded": false
        })
    );
}

#[test]
fn routes_describe_their_query_parameters() {
    let entry = dispatcher()
        .entries()
        .iter()
        .find(|e| e.template() == "/users/<id>/items")
        .unwrap();
    assert_eq!(
        entry.describe().parameters(),
        [
            Parameter::new(ParamLocation::Path, "id").with_type_name("u64"),
            Parameter::new(ParamLocation::Query, "limit"),
            Parameter::new(ParamLocation::Query, "nextToken").optional(),
            Parameter::new(ParamLocation::Query, "tag").optional(),
            Parameter::new(ParamLocation::Query, "order").optional(),
        ]
    );
}
