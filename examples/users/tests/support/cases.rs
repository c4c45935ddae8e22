//! Bad inputs shared by the local-server and test-client tests, with the exact answers.

use serde_json::{json, Value};

/// `limit` values the API refuses: (value, error type, message).
pub(crate) const BAD_LIMITS: [(&str, &str, &str); 3] = [
    ("0", "validation", "lower than 1"),
    ("101", "validation", "greater than 100"),
    (
        "abc",
        "parse_error",
        "invalid u32: invalid digit found in string",
    ),
];

/// The 422 body for a bad `limit` of error `kind` with `msg`.
pub(crate) fn bad_limit(kind: &str, msg: &str) -> Value {
    json!({"statusCode": 422, "message": "Request validation failed", "detail": [
        {"loc": ["query", "limit"], "type": kind, "msg": msg}
    ]})
}

/// Tokens that are not a key this API handed out: each answers [`bad_token`], never a 500.
pub(crate) const BAD_TOKENS: [&str; 4] = [
    "garbage!",
    "e30",                                                 // {}
    "eyJpZCI6MX0",                                         // {"id":1}
    "eyJpZCI6IngiLCJraW5kIjoidXNlciIsInBrIjoidXNlciN4In0", // id "x": not a UUID
];

/// The 400 body for a bad `nextToken`.
pub(crate) fn bad_token() -> Value {
    json!({"statusCode": 400, "message": "nextToken is not a valid page token"})
}
