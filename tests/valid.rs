//! `Valid<Json<T>>`, `Valid<Query<T>>` and `Valid<Form<T>>` through real events of every
//! source, sent by the test client:
//! every broken constraint listed in one 422 (several fields, nested structs, list elements
//! at numeric positions, wire names from serde renames), next to the other arguments'
//! failures; the inner extractor's own 400/415/422 answered before any constraint is checked;
//! and serde's body paths with numeric list positions.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use garde::Validate;
use std::sync::OnceLock;

use lambda_route::event::Source;
use lambda_route::prelude::*;
use lambda_route::testing::TestClient;
use lambda_route_tests::SHAPES;
use serde::Deserialize;
use serde_json::{json, Value};

// ---- routes ----

/// An order, as a client sends it: camelCase on the wire.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct NewOrder {
    #[garde(length(min = 1, max = 20))]
    customer_name: String,
    #[garde(email)]
    contact_email: String,
    #[garde(range(min = 1, max = 10))]
    priority: u8,
    // An arbitrary rename: no case rule leads from `promo_code` to `promo`.
    #[serde(rename = "promo", default)]
    #[garde(pattern(r"^[A-Z]{4}[0-9]{2}$"))]
    promo_code: Option<String>,
    #[garde(length(min = 1), dive)]
    items: Vec<Item>,
    #[garde(dive)]
    shipping: Address,
}

#[derive(Debug, Deserialize, Validate)]
struct Item {
    #[garde(length(min = 1))]
    title: String,
    #[garde(range(min = 1))]
    quantity: u32,
}

#[derive(Debug, Deserialize, Validate)]
struct Address {
    #[serde(rename = "postCode")]
    #[garde(pattern(r"^[0-9]{5}$"))]
    post_code: String,
}

#[post("/orders", status = 201)]
fn create_order(Valid(Json(order)): Valid<Json<NewOrder>>) -> String {
    format!(
        "order for {}: {} items to {}",
        order.customer_name,
        order.items.len(),
        order.shipping.post_code
    )
}

/// A listing's query string.
#[derive(Debug, Deserialize, Validate)]
struct Page {
    #[garde(range(min = 1, max = 100))]
    limit: u32,
    #[serde(rename = "nextToken")]
    #[garde(length(max = 8))]
    next_token: Option<String>,
    #[garde(length(max = 3), inner(length(min = 2)))]
    tag: Vec<String>,
}

#[get("/shops/<id>/orders")]
fn list_orders(id: u64, Valid(Query(page)): Valid<Query<Page>>) -> String {
    format!("shop {id}: {page:?}")
}

/// Options of an import, in the query string next to a JSON body.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "kebab-case")]
struct ImportOptions {
    #[garde(range(max = 5))]
    max_retries: u8,
}

#[post("/shops/<id>/imports")]
fn import(
    id: u64,
    Valid(Query(options)): Valid<Query<ImportOptions>>,
    Valid(Json(order)): Valid<Json<NewOrder>>,
) -> String {
    format!(
        "shop {id}: {} retries for {}",
        options.max_retries, order.customer_name
    )
}

/// A sign-up form (`application/x-www-form-urlencoded`).
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct SignUp {
    #[garde(email)]
    contact_email: String,
    #[garde(length(min = 8))]
    password: String,
}

#[post("/signup")]
fn sign_up(Valid(Form(form)): Valid<Form<SignUp>>) -> String {
    format!("welcome {}", form.contact_email)
}

// ---- requests and answers ----

/// `method path?query` with a body of `content_type`, sent by the test client as an event of
/// `shape`: the answer's status, content type and body, after checking that the content type
/// is its only header and the body is text.
async fn request(
    shape: (Source, bool),
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    content_type: &str,
    body: &str,
) -> (u16, String, String) {
    static CLIENT: OnceLock<TestClient> = OnceLock::new();
    let client = CLIENT.get_or_init(|| TestClient::new(App::new()).unwrap());
    let method = lambda_route::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = client
        .request(method, path)
        .source(shape.0)
        .multi_value_headers(shape.1)
        .header("content-type", content_type)
        .body(body);
    for (name, value) in query {
        request = request.query(name, value);
    }
    let res = request.send().await;
    assert_eq!(res.headers().len(), 1, "{shape:?}: {:?}", res.headers());
    assert!(!res.is_base64_encoded(), "{shape:?}");
    let content_type = res.header("content-type").unwrap().to_owned();
    (res.status().as_u16(), content_type, res.text().to_owned())
}

async fn post_json(
    shape: (Source, bool),
    path: &str,
    query: &[(&str, &str)],
    body: &Value,
) -> (u16, String, String) {
    request(shape, "POST", path, query, JSON, &body.to_string()).await
}

/// The expected answer.
fn answer(status: u16, content_type: &str, body: &str) -> (u16, String, String) {
    (status, content_type.to_owned(), body.to_owned())
}

/// A 422 answer listing `detail`.
fn invalid(detail: &[String]) -> (u16, String, String) {
    let body = format!(
        r#"{{"statusCode":422,"message":"Request validation failed","detail":[{}]}}"#,
        detail.join(",")
    );
    answer(422, JSON, &body)
}

/// One `detail` entry, its keys in their order: exactly `loc`, `type`, `msg`.
fn entry(loc: Value, kind: &str, msg: &str) -> String {
    format!(
        r#"{{"loc":{loc},"type":{},"msg":{}}}"#,
        json!(kind),
        json!(msg)
    )
}

const TEXT: &str = "text/plain; charset=utf-8";
const JSON: &str = "application/json";

/// An order that keeps every constraint.
fn good_order() -> Value {
    json!({
        "customerName": "Ada",
        "contactEmail": "ada@example.com",
        "priority": 3,
        "promo": "SPRG24",
        "items": [{"title": "tea", "quantity": 2}, {"title": "cup", "quantity": 1}],
        "shipping": {"postCode": "12345"}
    })
}

// ---- tests ----

#[tokio::test]
async fn a_valid_body_reaches_the_route() {
    for source in SHAPES {
        assert_eq!(
            post_json(source, "/orders", &[], &good_order()).await,
            answer(201, TEXT, "order for Ada: 2 items to 12345"),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn every_broken_constraint_is_listed_with_wire_names() {
    let order = json!({
        "customerName": "",
        "contactEmail": "ada.example.com",
        "priority": 11,
        "items": [
            {"title": "tea", "quantity": 2},
            {"title": "cup", "quantity": 1},
            {"title": "", "quantity": 0}
        ],
        "shipping": {"postCode": "1234"}
    });
    for source in SHAPES {
        assert_eq!(
            post_json(source, "/orders", &[], &order).await,
            invalid(&[
                entry(
                    json!(["body", "customerName"]),
                    "validation",
                    "length is lower than 1"
                ),
                entry(
                    json!(["body", "contactEmail"]),
                    "validation",
                    "not a valid email: value is missing `@`"
                ),
                entry(json!(["body", "priority"]), "validation", "greater than 10"),
                entry(
                    json!(["body", "items", 2, "title"]),
                    "validation",
                    "length is lower than 1"
                ),
                entry(
                    json!(["body", "items", 2, "quantity"]),
                    "validation",
                    "lower than 1"
                ),
                entry(
                    json!(["body", "shipping", "postCode"]),
                    "validation",
                    "does not match pattern /^[0-9]{5}$/"
                )
            ]),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn a_list_constraint_is_at_the_list() {
    let mut order = good_order();
    order["items"] = json!([]);
    for source in SHAPES {
        assert_eq!(
            post_json(source, "/orders", &[], &order).await,
            invalid(&[entry(
                json!(["body", "items"]),
                "validation",
                "length is lower than 1"
            )]),
            "{source:?}"
        );
    }
}

/// The documented limit: a rename that no serde case rule explains is reported under the
/// Rust name.
#[tokio::test]
async fn an_arbitrary_rename_is_reported_under_the_rust_name() {
    let mut order = good_order();
    order["promo"] = json!("spring");
    for source in SHAPES {
        assert_eq!(
            post_json(source, "/orders", &[], &order).await,
            invalid(&[entry(
                json!(["body", "promo_code"]),
                "validation",
                "does not match pattern /^[A-Z]{4}[0-9]{2}$/"
            )]),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn the_json_extractor_answers_first() {
    // Every one of these bodies would also break constraints (an empty customer name).
    let mut wrong_type = good_order();
    wrong_type["customerName"] = json!("");
    wrong_type["items"]
        .as_array_mut()
        .unwrap()
        .push(json!({"title": 5, "quantity": 1}));
    let mut missing = good_order();
    missing["customerName"] = json!("");
    missing["items"][1] = json!({"quantity": 1});
    for source in SHAPES {
        // serde's own path, with the list position as a number.
        assert_eq!(
            post_json(source, "/orders", &[], &wrong_type).await,
            invalid(&[entry(
                json!(["body", "items", 2, "title"]),
                "invalid",
                "invalid type: integer `5`, expected a string"
            )]),
            "{source:?}"
        );
        assert_eq!(
            post_json(source, "/orders", &[], &missing).await,
            invalid(&[entry(
                json!(["body", "items", 1, "title"]),
                "missing",
                "field required"
            )]),
            "{source:?}"
        );
        assert_eq!(
            request(
                source,
                "POST",
                "/orders",
                &[],
                JSON,
                r#"{"customerName": ""#
            )
            .await,
            answer(
                400,
                JSON,
                r#"{"statusCode":400,"message":"Malformed JSON body: EOF while parsing a string at line 1 column 18"}"#
            ),
            "{source:?}"
        );
        assert_eq!(
            request(
                source,
                "POST",
                "/orders",
                &[],
                "text/plain",
                &good_order().to_string()
            )
            .await,
            answer(
                415,
                JSON,
                r#"{"statusCode":415,"message":"Expected content-type application/json"}"#
            ),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn a_valid_query_reaches_the_route() {
    for source in SHAPES {
        assert_eq!(
            request(
                source,
                "GET",
                "/shops/7/orders",
                &[("limit", "20"), ("nextToken", "a b"), ("tag", "tea")],
                JSON,
                ""
            )
            .await,
            answer(
                200,
                TEXT,
                r#"shop 7: Page { limit: 20, next_token: Some("a b"), tag: ["tea"] }"#
            ),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn query_constraints_join_the_path_failure() {
    let query = [
        ("limit", "0"),
        ("nextToken", "ninechars"),
        ("tag", "ok"),
        ("tag", "x"),
        ("tag", "tea"),
        ("tag", "y"),
    ];
    // Not ALB in single-value mode (the last `tag` only) nor VPC Lattice v1 (one joined
    // value): the list positions need every value apart.
    let shapes = SHAPES
        .into_iter()
        .filter(|s| *s != (Source::Alb, false) && s.0 != Source::VpcLatticeV1);
    for source in shapes {
        assert_eq!(
            request(source, "GET", "/shops/seven/orders", &query, JSON, "").await,
            invalid(&[
                entry(
                    json!(["path", "id"]),
                    "parse_error",
                    "invalid u64: invalid digit found in string"
                ),
                entry(json!(["query", "limit"]), "validation", "lower than 1"),
                entry(
                    json!(["query", "nextToken"]),
                    "validation",
                    "length is greater than 8"
                ),
                entry(
                    json!(["query", "tag"]),
                    "validation",
                    "length is greater than 3"
                ),
                entry(
                    json!(["query", "tag", 1]),
                    "validation",
                    "length is lower than 2"
                ),
                entry(
                    json!(["query", "tag", 3]),
                    "validation",
                    "length is lower than 2"
                )
            ]),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn the_query_extractor_answers_first() {
    for source in SHAPES {
        // `limit` does not parse; the long token is not checked.
        assert_eq!(
            request(
                source,
                "GET",
                "/shops/7/orders",
                &[("limit", "many"), ("nextToken", "ninechars")],
                JSON,
                ""
            )
            .await,
            invalid(&[entry(
                json!(["query", "limit"]),
                "parse_error",
                "invalid u32: invalid digit found in string"
            )]),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn query_and_body_constraints_are_answered_together() {
    let mut order = good_order();
    order["shipping"]["postCode"] = json!("abcde");
    for source in SHAPES {
        assert_eq!(
            post_json(source, "/shops/7/imports", &[("max-retries", "9")], &order).await,
            invalid(&[
                entry(
                    json!(["query", "max-retries"]),
                    "validation",
                    "greater than 5"
                ),
                entry(
                    json!(["body", "shipping", "postCode"]),
                    "validation",
                    "does not match pattern /^[0-9]{5}$/"
                )
            ]),
            "{source:?}"
        );
        assert_eq!(
            post_json(
                source,
                "/shops/7/imports",
                &[("max-retries", "2")],
                &good_order()
            )
            .await,
            answer(200, TEXT, "shop 7: 2 retries for Ada"),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn a_form_is_validated_at_its_wire_names() {
    const FORM: &str = "application/x-www-form-urlencoded";
    for source in SHAPES {
        assert_eq!(
            request(
                source,
                "POST",
                "/signup",
                &[],
                FORM,
                "contactEmail=ada%40example.com&password=correct+horse"
            )
            .await,
            answer(200, TEXT, "welcome ada@example.com"),
            "{source:?}"
        );
        assert_eq!(
            request(
                source,
                "POST",
                "/signup",
                &[],
                FORM,
                "contactEmail=ada&password=short"
            )
            .await,
            invalid(&[
                entry(
                    json!(["body", "contactEmail"]),
                    "validation",
                    "not a valid email: value is missing `@`"
                ),
                entry(
                    json!(["body", "password"]),
                    "validation",
                    "length is lower than 8"
                ),
            ]),
            "{source:?}"
        );
    }
}
