//! Detection and malformed-input tables; full per-source responses are in `tests/`.

use super::*;

#[test]
fn detects_each_source_from_minimal_events() {
    let cases: [(&str, Source); 7] = [
        (
            r#"{"httpMethod":"GET","path":"/","requestContext":{"stage":"prod"}}"#,
            Source::ApiGatewayV1,
        ),
        (r#"{"httpMethod":"GET","path":"/"}"#, Source::ApiGatewayV1),
        (
            r#"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},"domainName":"id.execute-api.us-east-1.amazonaws.com"}}"#,
            Source::HttpApiV2,
        ),
        (
            r#"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},"domainName":"abc.lambda-url.us-east-1.on.aws"}}"#,
            Source::FunctionUrl,
        ),
        (
            r#"{"httpMethod":"GET","path":"/","requestContext":{"elb":{"targetGroupArn":"x"}}}"#,
            Source::Alb,
        ),
        (
            r#"{"raw_path":"/","method":"GET","is_base64_encoded":false}"#,
            Source::VpcLatticeV1,
        ),
        (
            r#"{"version":"2.0","path":"/","method":"GET","requestContext":{"serviceNetworkArn":"x"}}"#,
            Source::VpcLatticeV2,
        ),
    ];
    for (json, source) in cases {
        let request = decode(json.as_bytes()).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(request.source, source, "{json}");
    }
}

#[test]
fn malformed_events_are_errors_naming_source_and_field() {
    let cases: [(&str, Option<Source>, Option<&str>, &str); 13] = [
        ("", None, None, "empty event"),
        (
            r#"{"httpMethod":"GET","pa"#,
            None,
            None,
            "malformed JSON: EOF",
        ),
        ("[1,2]", None, None, "expected a JSON object"),
        (
            r#"{"Records":[{"eventSource":"aws:sqs"}]}"#,
            None,
            None,
            "not an HTTP event",
        ),
        (
            r#"{"httpMethod":5,"path":"/"}"#,
            Some(Source::ApiGatewayV1),
            Some("$.httpMethod"),
            "expected a string",
        ),
        (
            r#"{"httpMethod":"GET"}"#,
            Some(Source::ApiGatewayV1),
            Some("$.path"),
            "missing field",
        ),
        (
            r#"{"httpMethod":"G ET","path":"/"}"#,
            Some(Source::ApiGatewayV1),
            Some("$.httpMethod"),
            "invalid HTTP method",
        ),
        (
            r#"{"httpMethod":"GET","path":"/","headers":{"a":1}}"#,
            Some(Source::ApiGatewayV1),
            Some("$.headers.a"),
            "invalid type",
        ),
        (
            r#"{"httpMethod":"POST","path":"/","body":"!!!","isBase64Encoded":true}"#,
            Some(Source::ApiGatewayV1),
            Some("$.body"),
            "not valid base64",
        ),
        (
            r#"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":7}}}"#,
            Some(Source::HttpApiV2),
            Some("$.requestContext.http.method"),
            "expected a string",
        ),
        (
            r#"{"version":"2.0","rawPath":"/","requestContext":{"http":{}}}"#,
            Some(Source::HttpApiV2),
            Some("$.requestContext.http.method"),
            "missing field",
        ),
        (
            r#"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":7},"domainName":"abc.lambda-url.us-east-1.on.aws"}}"#,
            Some(Source::FunctionUrl),
            Some("$.requestContext.http.method"),
            "expected a string",
        ),
        (
            r#"{"version":"2.0","path":"/","method":"GET","isBase64Encoded":"yes"}"#,
            Some(Source::VpcLatticeV2),
            Some("$.isBase64Encoded"),
            "expected a boolean",
        ),
    ];
    for (json, source, path, message) in cases {
        let err = match decode(json.as_bytes()) {
            Ok(request) => panic!("{json}: decoded as {:?}", request.source),
            Err(err) => err,
        };
        assert_eq!(err.source(), source, "{json}: {err}");
        assert_eq!(err.json_path(), path, "{json}: {err}");
        assert!(err.message().contains(message), "{json}: {err}");
    }
}

#[test]
fn authorizer_and_websocket_events_are_not_routed() {
    // Each carries the fields of an HTTP source (`httpMethod` + `path`, or
    // `requestContext.http`), so detection alone would route it.
    let cases: [(&str, &str, &str); 5] = [
        (
            r#"{"type":"REQUEST","methodArn":"arn:aws:execute-api:us-east-1:1:a/test/GET/r","path":"/r","httpMethod":"GET","requestContext":{"stage":"test"}}"#,
            "$.methodArn",
            "not an HTTP event: this is an API Gateway Lambda authorizer request",
        ),
        (
            r#"{"version":"2.0","type":"REQUEST","routeArn":"arn:aws:execute-api:us-east-1:1:a/test/GET/r","rawPath":"/r","requestContext":{"http":{"method":"GET"}}}"#,
            "$.routeArn",
            "not an HTTP event: this is an API Gateway HTTP API Lambda authorizer request",
        ),
        (
            r#"{"path":"/","httpMethod":"POST","requestContext":{"eventType":"CONNECT","connectionId":"x","routeKey":"$connect"}}"#,
            "$.requestContext.eventType",
            "not an HTTP event: this is an API Gateway WebSocket event",
        ),
        // Malformed as well: still named for what it is, not for the broken field.
        (
            r#"{"path":"/","httpMethod":5,"requestContext":{"eventType":"CONNECT"}}"#,
            "$.requestContext.eventType",
            "not an HTTP event: this is an API Gateway WebSocket event",
        ),
        (
            r#"{"type":"REQUEST","methodArn":"arn","path":"/r","httpMethod":"GET","headers":[]}"#,
            "$.methodArn",
            "not an HTTP event: this is an API Gateway Lambda authorizer request",
        ),
    ];
    for (json, path, message) in cases {
        let err = match decode(json.as_bytes()) {
            Ok(request) => panic!("{json}: decoded as {:?}", request.source),
            Err(err) => err,
        };
        assert_eq!(err.source(), None, "{json}: {err}");
        assert_eq!(err.json_path(), Some(path), "{json}: {err}");
        assert_eq!(err.message(), message, "{json}: {err}");
    }
}

#[test]
fn a_broken_event_is_named_for_the_source_its_intact_twin_is() {
    // Each pair differs only in a field the source does not need for detection; both must
    // name the same source. The decoder and the error path once had their own detection
    // rules, and disagreed on `rawPath` without `requestContext.http`.
    let cases: [(&str, &str, Option<Source>, &str); 3] = [
        (
            r#"{"version":"2.0","rawPath":"/","requestContext":{}}"#,
            r#"{"version":"2.0","rawPath":"/","requestContext":{},"body":5}"#,
            Some(Source::HttpApiV2),
            "$.requestContext.http.method",
        ),
        (
            r#"{"version":"2.0","rawPath":"/","requestContext":{"domainName":"a.lambda-url.us-east-1.on.aws"}}"#,
            r#"{"version":"2.0","rawPath":"/","requestContext":{"domainName":"a.lambda-url.us-east-1.on.aws"},"body":5}"#,
            Some(Source::FunctionUrl),
            "$.requestContext.http.method",
        ),
        (
            r#"{"httpMethod":"GET","requestContext":{"elb":{}}}"#,
            r#"{"httpMethod":"GET","requestContext":{"elb":{}},"body":5}"#,
            Some(Source::Alb),
            "$.path",
        ),
    ];
    for (intact, broken, source, missing) in cases {
        let intact_err = decode(intact.as_bytes()).map(|r| r.source).unwrap_err();
        let broken_err = decode(broken.as_bytes()).map(|r| r.source).unwrap_err();
        assert_eq!(intact_err.source(), source, "{intact}: {intact_err}");
        assert_eq!(
            intact_err.json_path(),
            Some(missing),
            "{intact}: {intact_err}"
        );
        assert_eq!(broken_err.source(), source, "{broken}: {broken_err}");
        assert_eq!(
            broken_err.json_path(),
            Some("$.body"),
            "{broken}: {broken_err}"
        );
    }
}

/// Every single-edit corruption of real events of each source: the path `explain_failure`
/// reports is serde_path_to_error's, the reference it replaced.
#[test]
fn decode_error_paths_agree_with_serde_path_to_error() {
    use crate::codec::json_path::{agrees, tests::mutations};
    let fixtures = [
        include_str!("../../../tests/fixtures/apigw-v1-post.json"),
        include_str!("../../../tests/fixtures/http-v2-post.json"),
        include_str!("../../../tests/fixtures/function-url-get.json"),
        include_str!("../../../tests/fixtures/alb-multi-value.json"),
        include_str!("../../../tests/fixtures/lattice-v1-post.json"),
        include_str!("../../../tests/fixtures/lattice-v2-post-base64.json"),
    ];
    for fixture in fixtures {
        let refused = mutations(fixture)
            .iter()
            .filter(|json| agrees::<RawEvent<'_>>(json.as_bytes()).is_some())
            .count();
        assert!(refused > 20, "only {refused} edits refused");
    }
}
