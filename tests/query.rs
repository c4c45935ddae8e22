//! `Query<T>` through real events of every source that carries a query string (REST v1
//! multi-value maps, HTTP API v2 `rawQueryString`, ALB's percent-encoded map, VPC Lattice
//! v2): values, repeated names into a `Vec`, renamed and optional fields, every failure in one
//! 422 next to a path parameter's, and the parameters a route describes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::describe::{ParamLocation, Parameter};
use lambda_route::prelude::*;
use lambda_route_tests::{aimed_at, dispatch, dispatcher, percent_encode};
use serde::Deserialize;
use serde_json::{json, Value};

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

// ---- events and answers ----

#[derive(Debug, Clone, Copy)]
enum Api {
    RestV1,
    HttpV2,
}

const BOTH: [Api; 2] = [Api::RestV1, Api::HttpV2];

/// A real event of `api` aimed at `GET path` with the query `pairs`, written the way that
/// source writes it: REST v1 as both of its maps, HTTP API v2 as `rawQueryString` (encoded)
/// and its comma-joined map.
fn get(api: Api, path: &str, pairs: &[(&str, &str)]) -> Value {
    let event = match api {
        Api::RestV1 => {
            let mut single = serde_json::Map::new();
            let mut multi = serde_json::Map::<String, Value>::new();
            for (name, value) in pairs {
                single.insert((*name).to_owned(), json!(value));
                match multi.get_mut(*name) {
                    Some(Value::Array(values)) => values.push(json!(value)),
                    _ => {
                        multi.insert((*name).to_owned(), json!([value]));
                    }
                }
            }
            aimed_at(
                "apigw-v1-post.json",
                "GET",
                path,
                &[
                    ("/queryStringParameters", json!(single)),
                    ("/multiValueQueryStringParameters", json!(multi)),
                ],
            )
        }
        Api::HttpV2 => {
            let raw: Vec<String> = pairs
                .iter()
                .map(|(n, v)| format!("{}={}", percent_encode(n), percent_encode(v)))
                .collect();
            let mut joined = serde_json::Map::<String, Value>::new();
            for (name, value) in pairs {
                let text = match joined.get(*name) {
                    Some(Value::String(before)) => format!("{before},{value}"),
                    _ => (*value).to_owned(),
                };
                joined.insert((*name).to_owned(), json!(text));
            }
            aimed_at(
                "http-v2-post.json",
                "GET",
                path,
                &[
                    ("/rawQueryString", json!(raw.join("&"))),
                    ("/queryStringParameters", json!(joined)),
                ],
            )
        }
    };
    dispatch(&event)
}

/// The whole response `api` writes.
fn answer(api: Api, status: u16, content_type: &str, body: &str) -> Value {
    match api {
        Api::RestV1 => json!({
            "statusCode": status,
            "multiValueHeaders": {"content-type": [content_type]},
            "body": body,
            "isBase64Encoded": false
        }),
        Api::HttpV2 => json!({
            "statusCode": status,
            "headers": {"content-type": content_type},
            "cookies": [],
            "body": body,
            "isBase64Encoded": false
        }),
    }
}

const TEXT: &str = "text/plain; charset=utf-8";
const JSON: &str = "application/json";

// ---- tests ----

#[test]
fn values_lists_renames_and_options() {
    for api in BOTH {
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
                get(api, "/search", pairs),
                answer(api, 200, TEXT, body),
                "{api:?} {pairs:?}"
            );
        }
    }
}

#[test]
fn a_missing_required_parameter_is_422() {
    for api in BOTH {
        assert_eq!(
            get(api, "/search", &[("tag", "a")]),
            answer(
                api,
                422,
                JSON,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","limit"],"type":"missing","msg":"field required"}]}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn every_unparseable_parameter_is_listed() {
    for api in BOTH {
        assert_eq!(
            get(api, "/search", &[("limit", "ten")]),
            answer(
                api,
                422,
                JSON,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","limit"],"type":"parse_error","msg":"invalid u32: invalid digit found in string"}]}"#
            ),
            "{api:?}"
        );
        assert_eq!(
            get(api, "/search", &[("order", "up"), ("limit", "-1")]),
            answer(
                api,
                422,
                JSON,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","limit"],"type":"parse_error","msg":"invalid u32: invalid digit found in string"},{"loc":["query","order"],"type":"parse_error","msg":"invalid Order: expected one of `asc`, `desc`"}]}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn query_and_path_failures_are_answered_together() {
    for api in BOTH {
        assert_eq!(
            get(api, "/users/x/items", &[("order", "up")]),
            answer(
                api,
                422,
                JSON,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u64: invalid digit found in string"},{"loc":["query","order"],"type":"parse_error","msg":"invalid Order: expected one of `asc`, `desc`"},{"loc":["query","limit"],"type":"missing","msg":"field required"}]}"#
            ),
            "{api:?}"
        );
        assert_eq!(
            get(api, "/users/7/items", &[("limit", "2")]),
            answer(
                api,
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
