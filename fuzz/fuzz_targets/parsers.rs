//! The small parsers: `Cookie` headers, `Accept-Encoding`, CORS origin patterns, JSON string
//! unescaping (against serde_json), and the
//! query-string deserializer behind `Query<T>`, `Form<T>` and `#[query]` (through real
//! events, so the 400/422 answers are checked too).
#![no_main]

use arbitrary::Arbitrary;
use lambda_route_core::__fuzz::{accepts_gzip, cookies, origin_matches};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
enum Input<'a> {
    Cookie(&'a str),
    AcceptEncoding(Vec<&'a str>),
    Origin(&'a str, &'a str),
    Query(u8, &'a str),
    Form(&'a str),
    /// The inside of a JSON string, for the one-pass unescape of SQS bodies.
    JsonString(&'a [u8]),
}

fuzz_target!(|input: Input<'_>| {
    match input {
        Input::Cookie(header) => {
            for (name, value) in cookies(header) {
                assert!(!name.contains(';') && !value.contains(';'), "{header:?}");
                assert!(
                    header.contains(name) && header.contains(value),
                    "{header:?}"
                );
            }
        }
        Input::AcceptEncoding(values) => {
            let with_gzip = accepts_gzip(&values);
            // gzip is only ever chosen when the client named it (or `*`).
            let named = values.iter().any(|v| {
                let v = v.to_ascii_lowercase();
                v.contains("gzip") || v.contains('*')
            });
            assert!(named || !with_gzip, "{values:?}");
        }
        Input::Origin(pattern, origin) => {
            if let Ok(matched) = origin_matches(pattern, origin) {
                if pattern == "*" {
                    assert!(matched);
                } else if !pattern.contains('*') {
                    assert_eq!(matched, pattern.eq_ignore_ascii_case(origin), "{pattern:?}");
                } else if matched {
                    // A one-label pattern: same length class, no `/` smuggled in the label.
                    let (prefix, suffix) = pattern.split_once('*').unwrap_or_default();
                    let lower = origin.to_ascii_lowercase();
                    assert!(
                        lower.starts_with(&prefix.to_ascii_lowercase()),
                        "{pattern:?} {origin:?}"
                    );
                    assert!(
                        lower.ends_with(&suffix.to_ascii_lowercase()),
                        "{pattern:?} {origin:?}"
                    );
                    let label = &origin[prefix.len()..origin.len() - suffix.len()];
                    assert!(!label.is_empty() && !label.contains('.') && !label.contains('/'));
                }
            }
        }
        Input::Query(route, raw) => {
            let path = ["/query", "/params", "/all"][usize::from(route % 3)];
            let event = serde_json::json!({
                "version": "2.0", "routeKey": "$default", "rawPath": path,
                "rawQueryString": raw, "headers": {},
                "requestContext": {"http": {"method": "GET", "path": path}, "stage": "$default"},
                "isBase64Encoded": false
            });
            answered_with(
                &serde_json::to_vec(&event).unwrap_or_default(),
                &[200, 400, 422],
            );
        }
        Input::JsonString(text) => lambda_route_fuzz::check_unescape(text),
        Input::Form(body) => {
            let event = serde_json::json!({
                "httpMethod": "POST", "path": "/form", "resource": "/form",
                "headers": {"content-type": "application/x-www-form-urlencoded"},
                "body": body, "isBase64Encoded": false,
                "requestContext": {"stage": "prod", "httpMethod": "POST", "path": "/form"}
            });
            answered_with(
                &serde_json::to_vec(&event).unwrap_or_default(),
                &[200, 400, 422],
            );
        }
    }
});

/// The event is answered (never a decode error) with one of `statuses`.
fn answered_with(event: &[u8], statuses: &[u64]) {
    lambda_route_fuzz::check(event);
    let json = lambda_route_fuzz::dispatch(event)
        .unwrap_or_else(|e| panic!("a well-formed event failed to decode: {e}"));
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let status = value["statusCode"].as_u64().unwrap_or(0);
    assert!(statuses.contains(&status), "{status}: {value}");
}
