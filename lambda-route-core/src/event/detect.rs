//! Which integration sent an event, from the fields only that integration sends.
//!
//! One rule table decides, and both paths read it: the decoder after the one parse, and the
//! error path after a failed parse (through a probe that skips every other field). So a
//! broken event is named for the same source its well-formed twin is decoded as, and the
//! "not an HTTP event" message lists the fields the table looks for.

use serde_json::value::RawValue;

use super::raw::{Probe, RawEvent};
use super::{DecodeError, Source};
use crate::request::QueueKind;

/// What an event is: an HTTP request from one source, or a batch of queued requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detected {
    Http(Source),
    Queue(QueueKind),
}

impl Detected {
    /// The HTTP source, when it is one.
    pub(super) fn http(self) -> Option<Source> {
        match self {
            Detected::Http(source) => Some(source),
            Detected::Queue(_) => None,
        }
    }
}

/// The fields that tell sources apart, as one event carries them.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Marks<'a> {
    /// `requestContext.elb`
    elb: bool,
    /// `requestContext.http`
    http: bool,
    /// `rawPath`
    raw_path: bool,
    /// `raw_path` or `is_base64_encoded`: VPC Lattice v1's snake_case fields.
    snake_case: bool,
    /// `method`
    method: bool,
    /// `requestContext.serviceNetworkArn`
    service_network_arn: bool,
    /// `httpMethod`
    http_method: bool,
    /// `version` is `"1.0"`.
    version_1_0: bool,
    /// `requestContext.resourceId` is a REST resource id (see [`is_rest_resource_id`]).
    rest_resource_id: bool,
    /// `requestContext.domainName`, when it is a string.
    domain_name: Option<&'a str>,
    /// `methodArn`
    method_arn: bool,
    /// `routeArn`
    route_arn: bool,
    /// `requestContext.eventType`
    event_type: bool,
    /// `Records` is present.
    records: bool,
    /// `Records[0].eventSource` (or SNS's `EventSource`), when it is a string.
    record_source: Option<&'a str>,
    /// `eventSource`, when it is a string.
    event_source: Option<&'a str>,
}

impl<'a> Marks<'a> {
    /// The marks of a fully parsed event.
    pub(super) fn of_event(raw: &'a RawEvent<'a>) -> Self {
        let ctx = raw.request_context.as_ref();
        Marks {
            elb: ctx.is_some_and(|c| c.elb.is_some()),
            http: ctx.is_some_and(|c| c.http.is_some()),
            raw_path: raw.raw_path.is_some(),
            snake_case: raw.raw_path_snake.is_some() || raw.is_base64_encoded_snake.is_some(),
            method: raw.method.is_some(),
            service_network_arn: ctx.is_some_and(|c| c.service_network_arn.is_some()),
            http_method: raw.http_method.is_some(),
            version_1_0: is_version_1_0(raw.version),
            rest_resource_id: is_rest_resource_id(ctx.and_then(|c| c.resource_id)),
            domain_name: ctx.and_then(|c| c.domain_name.as_ref()).map(|d| &*d.0),
            method_arn: raw.method_arn.is_some(),
            route_arn: raw.route_arn.is_some(),
            event_type: ctx.is_some_and(|c| c.event_type.is_some()),
            records: raw.records.is_some(),
            record_source: raw
                .records
                .as_ref()
                .and_then(|r| r.first())
                .and_then(|r| r.source()),
            event_source: raw.event_source.as_ref().map(|s| &*s.0),
        }
    }

    /// The marks of an event whose full parse failed.
    pub(super) fn of_probe(probe: &'a Probe<'a>) -> Self {
        let ctx = probe.request_context.as_ref();
        Marks {
            elb: ctx.is_some_and(|c| c.elb.is_some()),
            http: ctx.is_some_and(|c| c.http.is_some()),
            raw_path: probe.raw_path.is_some(),
            snake_case: probe.raw_path_snake.is_some() || probe.is_base64_encoded_snake.is_some(),
            method: probe.method.is_some(),
            service_network_arn: ctx.is_some_and(|c| c.service_network_arn.is_some()),
            http_method: probe.http_method.is_some(),
            version_1_0: is_version_1_0(probe.version),
            rest_resource_id: is_rest_resource_id(ctx.and_then(|c| c.resource_id)),
            domain_name: ctx
                .and_then(|c| c.domain_name.as_ref())
                .and_then(|d| d.as_str()),
            method_arn: probe.method_arn.is_some(),
            route_arn: probe.route_arn.is_some(),
            event_type: ctx.is_some_and(|c| c.event_type.is_some()),
            records: probe.records.is_some(),
            record_source: probe
                .records
                .as_ref()
                .and_then(|r| r.get(0))
                .and_then(|r| r.get("eventSource").or_else(|| r.get("EventSource")))
                .and_then(serde_json::Value::as_str),
            event_source: probe
                .event_source
                .as_ref()
                .and_then(serde_json::Value::as_str),
        }
    }
}

/// One row of the table: a source, the field that names it in messages, and its test.
struct Rule {
    source: Detected,
    field: &'static str,
    applies: fn(&Marks<'_>) -> bool,
}

/// First match wins. ALB events also carry `httpMethod`, and HTTP API / Function URL events
/// are recognised by `rawPath` too, so an event missing only `requestContext.http` is still
/// reported as the HTTP API event it is, with that field to blame. Batches of queued requests
/// come last: no HTTP source sends their fields, and an HTTP event must never be taken for one.
const RULES: [Rule; 11] = [
    Rule {
        source: Detected::Http(Source::Alb),
        field: "requestContext.elb",
        applies: |m| m.elb,
    },
    Rule {
        source: Detected::Http(Source::FunctionUrl),
        field: "requestContext.http",
        applies: |m| is_payload_v2(m) && m.domain_name.is_some_and(is_function_url),
    },
    Rule {
        source: Detected::Http(Source::HttpApiV2),
        field: "requestContext.http",
        applies: is_payload_v2,
    },
    Rule {
        source: Detected::Http(Source::VpcLatticeV1),
        field: "raw_path",
        applies: |m| m.snake_case,
    },
    Rule {
        source: Detected::Http(Source::VpcLatticeV2),
        field: "method",
        applies: |m| m.method || m.service_network_arn,
    },
    Rule {
        source: Detected::Http(Source::HttpApiV1),
        field: "httpMethod",
        applies: |m| m.http_method && m.version_1_0 && !m.rest_resource_id,
    },
    Rule {
        source: Detected::Http(Source::ApiGatewayV1),
        field: "httpMethod",
        applies: |m| m.http_method,
    },
    Rule {
        source: Detected::Queue(QueueKind::Sqs),
        field: "Records[].eventSource",
        applies: |m| m.record_source == Some("aws:sqs"),
    },
    Rule {
        source: Detected::Queue(QueueKind::Sns),
        field: "Records[].EventSource",
        applies: |m| m.record_source == Some("aws:sns"),
    },
    Rule {
        source: Detected::Queue(QueueKind::ActiveMq),
        field: "eventSource",
        applies: |m| m.event_source == Some("aws:mq"),
    },
    Rule {
        source: Detected::Queue(QueueKind::RabbitMq),
        field: "eventSource",
        applies: |m| m.event_source == Some("aws:rmq"),
    },
];

/// HTTP API payload 2.0 and Function URL events share one shape.
fn is_payload_v2(m: &Marks<'_>) -> bool {
    m.http || m.raw_path
}

/// Only the domain tells a Function URL from an HTTP API.
fn is_function_url(domain_name: &str) -> bool {
    domain_name.contains(".lambda-url.")
}

/// HTTP API payload 1.0 events carry `"version": "1.0"`; REST events carry no `version`
/// (aws/aws-lambda-java-libs#258, checked against live APIs).
fn is_version_1_0(version: Option<&RawValue>) -> bool {
    version.is_some_and(|v| v.get() == r#""1.0""#)
}

/// Whether `requestContext.resourceId` is a REST API's resource id: a short run of letters
/// and digits (`roq9wj`). An HTTP API puts its route key there (`ANY /todos/{id}`,
/// `$default`), or null in AWS's documented example. Read together with `version` because
/// neither field is enough alone: SAM CLI's local REST emulation sends `"version": "1.0"`
/// (aws_lambda_events' `example-apigw-sam-rest-request.json`), and live HTTP API events
/// carry the route key, not the null of the documentation.
fn is_rest_resource_id(resource_id: Option<&RawValue>) -> bool {
    resource_id
        .and_then(|id| id.get().strip_prefix('"'))
        .and_then(|id| id.strip_suffix('"'))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// What the table picks, or `None` for an event neither an HTTP source nor a supported queue
/// sends.
pub(super) fn detect(marks: &Marks<'_>) -> Option<Detected> {
    RULES
        .iter()
        .find(|rule| (rule.applies)(marks))
        .map(|rule| rule.source)
}

/// The error for an event no rule matched: it names what the event is when it says (another
/// service's `Records[].eventSource` or `eventSource`), else every field the table looks for.
pub(super) fn not_http(marks: &Marks<'_>) -> DecodeError {
    let seen = match (marks.record_source, marks.event_source) {
        (Some(source), _) => Some(("$.Records[0].eventSource", source)),
        (None, Some(source)) => Some(("$.eventSource", source)),
        (None, None) => None,
    };
    if let Some((path, source)) = seen {
        return DecodeError::not_http_at(
            path,
            format!(
                "not an HTTP event nor an SQS, SNS or Amazon MQ batch: the event source is {}",
                serde_json::Value::from(source)
            ),
        );
    }
    if marks.records {
        return DecodeError::not_http_at(
            "$.Records",
            "not an HTTP event: `Records` has no record with an `eventSource`".to_owned(),
        );
    }
    let mut fields: Vec<&str> = Vec::with_capacity(RULES.len());
    for rule in &RULES {
        if !fields.contains(&rule.field) {
            fields.push(rule.field);
        }
    }
    let mut list = String::new();
    for (i, field) in fields.iter().enumerate() {
        list.push_str(match i {
            0 => "",
            _ if i + 1 == fields.len() => " or ",
            _ => ", ",
        });
        list.push('`');
        list.push_str(field);
        list.push('`');
    }
    DecodeError::whole(format!("not an HTTP event: none of {list} is present"))
}

/// API Gateway sends some events that carry an HTTP request's fields but must not be answered
/// with an HTTP response: Lambda authorizer requests (`methodArn`, or `routeArn` for HTTP API
/// payload 2.0) expect a policy, and a WebSocket `$connect` event has `httpMethod` and `path`
/// like a REST v1 event. Checked before [`detect`] so they are never routed.
pub(super) fn non_http(marks: &Marks<'_>) -> Option<DecodeError> {
    let (path, what) = if marks.method_arn {
        ("$.methodArn", "an API Gateway Lambda authorizer request")
    } else if marks.route_arn {
        (
            "$.routeArn",
            "an API Gateway HTTP API Lambda authorizer request",
        )
    } else if marks.event_type {
        (
            "$.requestContext.eventType",
            "an API Gateway WebSocket event",
        )
    } else {
        return None;
    };
    Some(DecodeError::not_http_at(
        path,
        format!("not an HTTP event: this is {what}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source each path names: the decoder's marks and the error path's probe.
    fn both(json: &str) -> (Option<Detected>, Option<Detected>) {
        let raw: RawEvent<'_> = serde_json::from_str(json).unwrap();
        let probe: Probe<'_> = serde_json::from_str(json).unwrap();
        (
            detect(&Marks::of_event(&raw)),
            detect(&Marks::of_probe(&probe)),
        )
    }

    #[test]
    fn decoder_and_error_path_name_the_same_source() {
        let cases: [(&str, Option<Source>); 10] = [
            (
                r#"{"requestContext":{"elb":{}},"httpMethod":"GET"}"#,
                Some(Source::Alb),
            ),
            (r#"{"requestContext":{"http":{}}}"#, Some(Source::HttpApiV2)),
            // The two used to disagree here: `rawPath` without `requestContext.http`.
            (
                r#"{"rawPath":"/","requestContext":{}}"#,
                Some(Source::HttpApiV2),
            ),
            (
                r#"{"rawPath":"/","requestContext":{"domainName":"a.lambda-url.eu-west-1.on.aws"}}"#,
                Some(Source::FunctionUrl),
            ),
            (r#"{"raw_path":"/"}"#, Some(Source::VpcLatticeV1)),
            (r#"{"is_base64_encoded":false}"#, Some(Source::VpcLatticeV1)),
            (
                r#"{"requestContext":{"serviceNetworkArn":"x"}}"#,
                Some(Source::VpcLatticeV2),
            ),
            (r#"{"httpMethod":"GET"}"#, Some(Source::ApiGatewayV1)),
            (
                r#"{"httpMethod":"GET","version":"1.0","requestContext":{"resourceId":null}}"#,
                Some(Source::HttpApiV1),
            ),
            (r#"{"Records":[]}"#, None),
        ];
        for (json, expected) in cases {
            let expected = expected.map(Detected::Http);
            assert_eq!(both(json), (expected, expected), "{json}");
        }
    }

    #[test]
    fn batches_are_detected_by_their_event_source() {
        let cases = [
            (
                r#"{"Records":[{"messageId":"1","eventSource":"aws:sqs","body":"{}"}]}"#,
                Some(Detected::Queue(QueueKind::Sqs)),
            ),
            (
                r#"{"Records":[{"EventSource":"aws:sns","Sns":{}}]}"#,
                Some(Detected::Queue(QueueKind::Sns)),
            ),
            (
                r#"{"eventSource":"aws:mq","messages":[]}"#,
                Some(Detected::Queue(QueueKind::ActiveMq)),
            ),
            (
                r#"{"eventSource":"aws:rmq","rmqMessagesByQueue":{}}"#,
                Some(Detected::Queue(QueueKind::RabbitMq)),
            ),
            (r#"{"Records":[{"eventSource":"aws:s3"}]}"#, None),
            (r#"{"eventSource":"aws:kafka"}"#, None),
            // An HTTP event wins over a stray batch field.
            (
                r#"{"httpMethod":"GET","eventSource":"aws:mq"}"#,
                Some(Detected::Http(Source::ApiGatewayV1)),
            ),
        ];
        for (json, expected) in cases {
            assert_eq!(both(json), (expected, expected), "{json}");
        }
    }

    #[test]
    fn an_unknown_event_source_is_named() {
        let raw: RawEvent<'_> =
            serde_json::from_str(r#"{"Records":[{"eventSource":"aws:s3"}]}"#).unwrap();
        let err = not_http(&Marks::of_event(&raw));
        assert_eq!(err.json_path(), Some("$.Records[0].eventSource"));
        assert_eq!(
            err.message(),
            "not an HTTP event nor an SQS, SNS or Amazon MQ batch: the event source is \"aws:s3\""
        );
        let raw: RawEvent<'_> = serde_json::from_str(r#"{"eventSource":"aws:kafka"}"#).unwrap();
        assert_eq!(
            not_http(&Marks::of_event(&raw)).json_path(),
            Some("$.eventSource")
        );
        let raw: RawEvent<'_> = serde_json::from_str(r#"{"Records":[]}"#).unwrap();
        assert_eq!(
            not_http(&Marks::of_event(&raw)).message(),
            "not an HTTP event: `Records` has no record with an `eventSource`"
        );
    }

    #[test]
    fn http_api_payload_1_0_is_told_from_rest_by_version_and_resource_id() {
        let cases = [
            // AWS's documented HTTP API payload 1.0 example (Powertools' copy).
            (r#""1.0""#, "null", Source::HttpApiV1),
            // Live HTTP API payload 1.0 events: the route key.
            (r#""1.0""#, r#""ANY /handler/{proxy+}""#, Source::HttpApiV1),
            (r#""1.0""#, r#""$default""#, Source::HttpApiV1),
            (r#""1.0""#, "", Source::HttpApiV1),
            // SAM CLI's local REST emulation.
            (r#""1.0""#, r#""123456""#, Source::ApiGatewayV1),
            // Live REST events.
            ("", r#""roq9wj""#, Source::ApiGatewayV1),
            // No version: REST, whatever the resource id.
            ("", "null", Source::ApiGatewayV1),
            ("", r#""ANY /x""#, Source::ApiGatewayV1),
            // Any other version, or one of another type, is not payload 1.0.
            (r#""2.0""#, "null", Source::ApiGatewayV1),
            ("1.0", "null", Source::ApiGatewayV1),
            (r#""1.0""#, "7", Source::HttpApiV1),
        ];
        for (version, resource_id, expected) in cases {
            let mut json = String::from(r#"{"httpMethod":"GET","path":"/""#);
            if !version.is_empty() {
                json.push_str(&format!(r#","version":{version}"#));
            }
            if !resource_id.is_empty() {
                json.push_str(&format!(
                    r#","requestContext":{{"resourceId":{resource_id}}}"#
                ));
            }
            json.push('}');
            let expected = Some(Detected::Http(expected));
            assert_eq!(both(&json), (expected, expected), "{json}");
        }
    }

    #[test]
    fn not_http_lists_every_field_the_table_reads() {
        assert_eq!(
            not_http(&Marks::default()).message(),
            "not an HTTP event: none of `requestContext.elb`, `requestContext.http`, \
             `raw_path`, `method`, `httpMethod`, `Records[].eventSource`, \
             `Records[].EventSource` or `eventSource` is present"
        );
    }
}
