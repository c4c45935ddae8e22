//! The request's caller through real events: the source IP of every source, and the
//! authorizer data of each one that has some (REST Lambda authorizer context and Cognito
//! claims, HTTP API JWT claims, Lambda authorizer context and IAM identity, Function URL IAM,
//! VPC Lattice identity), through `Claims<T>`, `Authorizer` and `&Request`; 401 where no
//! authorizer ran, 403 for claims of the wrong shape.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::net::IpAddr;

use lambda_route::prelude::*;
use lambda_route_tests::{aimed_at, dispatch};
use serde::Deserialize;
use serde_json::Value;

// ---- routes ----

/// Cognito user pool claims, as REST v1 sends them: every value a string.
#[derive(Debug, Deserialize)]
#[allow(
    dead_code,
    reason = "routes answer with the `Debug` text of what they read"
)]
struct Cognito {
    sub: String,
    email: String,
    email_verified: String,
    #[serde(rename = "cognito:username")]
    username: String,
}

#[get("/cognito")]
fn cognito(Claims(claims): Claims<Cognito>) -> String {
    format!("{claims:?}")
}

/// A route that wants a numeric claim: API Gateway sends it as a string.
#[derive(Debug, Deserialize)]
#[allow(dead_code, reason = "read to be refused")]
struct Expiry {
    auth_time: u64,
}

#[get("/expiry")]
fn expiry(Claims(claims): Claims<Expiry>) -> String {
    format!("{claims:?}")
}

/// The JWT claims of the HTTP API fixtures.
#[derive(Debug, Deserialize)]
#[allow(
    dead_code,
    reason = "routes answer with the `Debug` text of what they read"
)]
struct Jwt<'a> {
    claim1: &'a str,
    claim2: Option<String>,
}

#[get("/jwt")]
fn jwt(Claims(claims): Claims<Jwt<'_>>) -> String {
    format!("{claims:?}")
}

/// A REST Lambda authorizer's context: its `principalId` and what it added, JSON-typed.
#[derive(Debug, Deserialize)]
#[allow(
    dead_code,
    reason = "routes answer with the `Debug` text of what they read"
)]
struct RestContext {
    #[serde(rename = "principalId")]
    principal_id: String,
    #[serde(rename = "clientId")]
    client_id: u32,
    #[serde(rename = "clientName")]
    client_name: String,
}

#[get("/rest-context")]
fn rest_context(Claims(context): Claims<RestContext>) -> String {
    format!("{context:?}")
}

/// An HTTP API Lambda authorizer's context.
#[derive(Debug, Deserialize)]
#[allow(
    dead_code,
    reason = "routes answer with the `Debug` text of what they read"
)]
struct KeyContext {
    key: String,
}

#[get("/lambda-context")]
fn lambda_context(authorizer: Authorizer<'_>) -> String {
    format!("{:?}", authorizer.context::<KeyContext>())
}

/// The fields an IAM caller (REST identity, HTTP API / Function URL `authorizer.iam`) and a
/// VPC Lattice identity have.
#[derive(Debug, Deserialize)]
#[allow(
    dead_code,
    reason = "routes answer with the `Debug` text of what they read"
)]
struct Who {
    #[serde(rename = "userArn")]
    user_arn: Option<String>,
    principal: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(rename = "sessionName")]
    session_name: Option<String>,
}

#[get("/identity")]
fn identity(authorizer: Authorizer<'_>) -> String {
    format!("{:?}", authorizer.identity::<Who>())
}

#[get("/scopes")]
fn scopes(authorizer: Authorizer<'_>) -> String {
    authorizer.scopes().join(" ")
}

#[get("/whoami")]
fn whoami(request: &Request<'_>) -> String {
    format!(
        "ip={:?} sub={:?}",
        request.source_ip(),
        request.authorizer().claim("sub")
    )
}

// ---- helpers ----

/// `(statusCode, body)` of fixture `name` aimed at `GET path`.
fn get(name: &str, path: &str) -> (u64, String) {
    let response = dispatch(&aimed_at(name, "GET", path, &[]));
    (
        response["statusCode"].as_u64().unwrap(),
        match &response["body"] {
            Value::String(body) => body.clone(),
            other => panic!("{name}: body {other}"),
        },
    )
}

const UNAUTHORIZED: &str = r#"{"statusCode":401,"message":"Unauthorized"}"#;
const FORBIDDEN: &str = r#"{"statusCode":403,"message":"Forbidden"}"#;

// ---- tests ----

#[test]
fn source_ip_of_every_source() {
    let cases = [
        // requestContext.identity.sourceIp, not X-Forwarded-For's CloudFront hops.
        ("apigw-v1-post.json", Some("192.168.196.186")),
        // AWS's documented examples write `/32` after the address.
        ("http-v1-get.json", Some("192.168.0.1")),
        ("http-v2-post.json", Some("192.168.0.1")),
        ("function-url-get.json", Some("123.123.123.123")),
        ("alb-single-value.json", Some("72.12.164.125")),
        ("alb-multi-value.json", Some("123.123.123.123")),
        ("lattice-v1-post.json", Some("10.0.2.100")),
        ("lattice-v2-get.json", Some("10.0.2.100")),
        ("lattice-v2-roles-anywhere.json", Some("203.45.67.89")),
    ];
    for (name, ip) in cases {
        assert_eq!(
            get(name, "/whoami"),
            (
                200,
                format!(
                    "ip={:?} sub=None",
                    ip.map(|ip| ip.parse::<IpAddr>().unwrap())
                )
            ),
            "{name}"
        );
    }
}

#[test]
fn the_last_forwarded_for_hop_is_the_one_alb_saw() {
    let event = aimed_at(
        "alb-single-value.json",
        "GET",
        "/whoami",
        &[(
            "/headers/x-forwarded-for",
            serde_json::json!("6.6.6.6, 72.12.164.125"),
        )],
    );
    assert_eq!(
        dispatch(&event)["body"],
        r#"ip=Some(72.12.164.125) sub=None"#
    );
}

#[test]
fn rest_cognito_claims() {
    assert_eq!(
        get("apigw-v1-cognito.json", "/cognito"),
        (
            200,
            r#"Cognito { sub: "7d8ca528-4931-4254-9273-ea5ee853f271", email: "jane@example.com", email_verified: "true", username: "jane" }"#.to_owned()
        )
    );
    assert_eq!(
        get("apigw-v1-cognito.json", "/whoami"),
        (
            200,
            r#"ip=Some(192.168.196.186) sub=Some("7d8ca528-4931-4254-9273-ea5ee853f271")"#
                .to_owned()
        )
    );
}

#[test]
fn claims_of_the_wrong_shape_are_403() {
    // API Gateway sends `auth_time` as a string; the route wants a number.
    assert_eq!(
        get("apigw-v1-cognito.json", "/expiry"),
        (403, FORBIDDEN.to_owned())
    );
    // The HTTP API token has no `sub` or `email`.
    assert_eq!(
        get("http-v2-post.json", "/cognito"),
        (403, FORBIDDEN.to_owned())
    );
}

#[test]
fn rest_lambda_authorizer_context() {
    assert_eq!(
        get("apigw-v1-post.json", "/rest-context"),
        (
            200,
            r#"RestContext { principal_id: "admin", client_id: 1, client_name: "Exata" }"#
                .to_owned()
        )
    );
}

#[test]
fn http_api_jwt_claims() {
    for name in ["http-v2-post.json", "http-v2-named-stage.json"] {
        assert_eq!(
            get(name, "/jwt"),
            (
                200,
                r#"Jwt { claim1: "value1", claim2: Some("value2") }"#.to_owned()
            ),
            "{name}"
        );
    }
}

#[test]
fn http_api_jwt_scopes() {
    let cases = [
        ("http-v2-post.json", "scope1 scope2"),
        ("http-v2-lambda-authorizer.json", ""),
        ("http-v1-get.json", ""),
        ("apigw-v1-cognito.json", ""),
    ];
    for (name, expected) in cases {
        assert_eq!(get(name, "/scopes"), (200, expected.to_owned()), "{name}");
    }
}

#[test]
fn http_api_lambda_authorizer_context() {
    assert_eq!(
        get("http-v2-lambda-authorizer.json", "/lambda-context"),
        (200, r#"Ok(KeyContext { key: "value" })"#.to_owned())
    );
    // Claims fall back to the Lambda context when there is no token.
    assert_eq!(
        get("http-v2-lambda-authorizer.json", "/jwt"),
        (403, FORBIDDEN.to_owned())
    );
    assert_eq!(
        get("http-v2-post.json", "/lambda-context"),
        (200, "Err(Absent)".to_owned())
    );
}

#[test]
fn iam_and_lattice_identities() {
    let cases = [
        (
            "apigw-v1-post.json",
            r#"Ok(Who { user_arn: Some("theUserArn"), principal: None, kind: None, session_name: None })"#,
        ),
        (
            "http-v2-iam.json",
            r#"Ok(Who { user_arn: Some("arn:aws:iam::1234567890:user/Admin"), principal: None, kind: None, session_name: None })"#,
        ),
        (
            "function-url-post-base64.json",
            r#"Ok(Who { user_arn: Some("arn:aws:iam::111122223333:user/example-user"), principal: None, kind: None, session_name: None })"#,
        ),
        (
            "lattice-v2-roles-anywhere.json",
            r#"Ok(Who { user_arn: None, principal: Some("arn:aws:iam::123456789012:role/ExternalPartnerAccessRole"), kind: Some("AWS_IAM"), session_name: Some("external-data-sync-session") })"#,
        ),
        ("http-v2-post.json", "Err(Absent)"),
        ("alb-single-value.json", "Err(Absent)"),
        ("lattice-v1-post.json", "Err(Absent)"),
    ];
    for (name, expected) in cases {
        assert_eq!(get(name, "/identity"), (200, expected.to_owned()), "{name}");
    }
}

#[test]
fn no_authorizer_is_401() {
    for name in [
        // `"authorizer": {"claims": null, "scopes": null}`: no authorizer ran.
        "http-v1-get.json",
        "function-url-get.json",
        "function-url-post-base64.json",
        "alb-single-value.json",
        "alb-multi-value.json",
        "lattice-v1-post.json",
        "lattice-v2-get.json",
    ] {
        assert_eq!(get(name, "/jwt"), (401, UNAUTHORIZED.to_owned()), "{name}");
    }
}
