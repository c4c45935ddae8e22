//! The event JSON a test request becomes, one shape per source, as AWS sends it (modelled on
//! `tests/fixtures/` and the `aws_lambda_events` fixtures).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use serde_json::{json, Map, Value};

use crate::event::Source;

/// The client address every test request comes from (TEST-NET-3, RFC 5737).
pub(super) const SOURCE_IP: &str = "203.0.113.7";

/// The request's parts, as a client sent them.
pub(super) struct Parts<'a> {
    pub(super) source: Source,
    /// ALB only: the target group's `lambda.multi_value_headers.enabled`.
    pub(super) multi_value: bool,
    pub(super) method: &'a str,
    /// The path as the client encoded it, without the query.
    pub(super) path: &'a str,
    /// The query string as the client encoded it, without `?`.
    pub(super) raw_query: &'a str,
    /// Header pairs in order, names as given; `cookie` excluded.
    pub(super) headers: &'a [(String, String)],
    /// `name=value` cookies, in order.
    pub(super) cookies: &'a [String],
    pub(super) body: Option<&'a [u8]>,
    /// Send a UTF-8 body base64-encoded anyway.
    pub(super) base64: bool,
}

/// The event JSON for `parts`.
pub(super) fn build(parts: &Parts<'_>) -> Vec<u8> {
    let event = match parts.source {
        Source::HttpApiV2 => payload_v2(parts, false),
        Source::FunctionUrl => payload_v2(parts, true),
        Source::Alb => alb(parts),
        Source::VpcLatticeV1 => lattice_v1(parts),
        Source::VpcLatticeV2 => lattice_v2(parts),
        Source::HttpApiV1 => payload_v1(parts, true),
        // `Source` is non-exhaustive: REST is the shape every API Gateway source started from.
        _ => payload_v1(parts, false),
    };
    serde_json::to_vec(&event).unwrap_or_default()
}

/// REST API (`http_api` false) or HTTP API payload 1.0.
fn payload_v1(parts: &Parts<'_>, http_api: bool) -> Value {
    let headers = with_gateway_headers(parts, true);
    let query = decoded_query(parts.raw_query);
    let (stage, path, context_path) = if http_api {
        // An HTTP API decodes the path; on its `$default` stage the path has no stage.
        let path = decode(parts.path, false);
        ("$default", path.clone(), path)
    } else {
        (
            "test",
            parts.path.to_owned(),
            format!("/test{}", parts.path),
        )
    };
    let (body, base64) = body(parts, Value::Null);
    let mut event = json!({
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": parts.method,
        "headers": single_or_null(&headers, Join::Last),
        "multiValueHeaders": multi_or_null(&headers),
        "queryStringParameters": single_or_null(&query, Join::Last),
        "multiValueQueryStringParameters": multi_or_null(&query),
        "pathParameters": {"proxy": path.trim_start_matches('/')},
        "stageVariables": null,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "a1b2c3d4e5",
            "domainName": "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
            "domainPrefix": "a1b2c3d4e5",
            "extendedRequestId": format!("{}=", request_id()),
            "httpMethod": parts.method,
            "identity": {
                "accessKey": null,
                "accountId": null,
                "caller": null,
                "sourceIp": SOURCE_IP,
                "user": null,
                "userAgent": header(parts, "user-agent"),
                "userArn": null,
            },
            "path": context_path,
            "protocol": "HTTP/1.1",
            "requestId": request_id(),
            "requestTime": clf_time(),
            "requestTimeEpoch": epoch_millis(),
            "resourceId": if http_api { json!("ANY /{proxy+}") } else { json!("x1y2z3") },
            "resourcePath": "/{proxy+}",
            "stage": stage,
        },
        "body": body,
        "isBase64Encoded": base64,
    });
    if http_api {
        if let Value::Object(map) = &mut event {
            map.insert("version".to_owned(), json!("1.0"));
        }
    }
    event
}

/// HTTP API payload 2.0 or a Function URL.
fn payload_v2(parts: &Parts<'_>, function_url: bool) -> Value {
    let headers = lower(&with_gateway_headers(parts, false));
    let query = decoded_query(parts.raw_query);
    // An HTTP API decodes the path before invoking the function; a Function URL does not.
    let path = if function_url {
        parts.path.to_owned()
    } else {
        decode(parts.path, false)
    };
    let (api_id, domain, account) = if function_url {
        (
            "abcdefghijklmnopqrstuvwxyz012345",
            "abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws",
            "anonymous",
        )
    } else {
        (
            "a1b2c3d4e5",
            "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
            "123456789012",
        )
    };
    let (body, base64) = body(parts, Value::Null);
    let mut event = Map::new();
    event.insert("version".to_owned(), json!("2.0"));
    event.insert("routeKey".to_owned(), json!("$default"));
    event.insert("rawPath".to_owned(), json!(path));
    event.insert("rawQueryString".to_owned(), json!(parts.raw_query));
    if !parts.cookies.is_empty() {
        event.insert("cookies".to_owned(), json!(parts.cookies));
    }
    event.insert("headers".to_owned(), single(&headers, Join::Comma(",")));
    if !query.is_empty() {
        event.insert(
            "queryStringParameters".to_owned(),
            single(&query, Join::Comma(",")),
        );
    }
    event.insert(
        "requestContext".to_owned(),
        json!({
            "accountId": account,
            "apiId": api_id,
            "domainName": domain,
            "domainPrefix": api_id,
            "http": {
                "method": parts.method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": SOURCE_IP,
                "userAgent": header(parts, "user-agent"),
            },
            "requestId": request_id(),
            "routeKey": "$default",
            "stage": "$default",
            "time": clf_time(),
            "timeEpoch": epoch_millis(),
        }),
    );
    if body != Value::Null {
        event.insert("body".to_owned(), body);
    }
    event.insert("isBase64Encoded".to_owned(), json!(base64));
    Value::Object(event)
}

fn alb(parts: &Parts<'_>) -> Value {
    let headers = lower(&with_gateway_headers(parts, false));
    // ALB passes query names and values exactly as the client encoded them.
    let query: Vec<(String, String)> = split_query(parts.raw_query)
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    let (body, base64) = body(parts, json!(""));
    let mut event = Map::new();
    event.insert(
        "requestContext".to_owned(),
        json!({"elb": {"targetGroupArn":
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-test/49e9d65c45c6791a"}}),
    );
    event.insert("httpMethod".to_owned(), json!(parts.method));
    event.insert("path".to_owned(), json!(parts.path));
    if parts.multi_value {
        event.insert("multiValueQueryStringParameters".to_owned(), multi(&query));
        event.insert("multiValueHeaders".to_owned(), multi(&headers));
    } else {
        // In single-value mode the load balancer keeps the last value of a repeated name.
        event.insert(
            "queryStringParameters".to_owned(),
            single(&query, Join::Last),
        );
        event.insert("headers".to_owned(), single(&headers, Join::Last));
    }
    event.insert("body".to_owned(), body);
    event.insert("isBase64Encoded".to_owned(), json!(base64));
    Value::Object(event)
}

fn lattice_v1(parts: &Parts<'_>) -> Value {
    let headers = lower(&with_gateway_headers(parts, false));
    let query = decoded_query(parts.raw_query);
    let (body, base64) = body(parts, json!(""));
    json!({
        "raw_path": parts.path,
        "method": parts.method,
        "headers": single(&headers, Join::Comma(", ")),
        "query_string_parameters": single(&query, Join::Comma(",")),
        "body": body,
        "is_base64_encoded": base64,
    })
}

fn lattice_v2(parts: &Parts<'_>) -> Value {
    let headers = lower(&with_gateway_headers(parts, false));
    let query = decoded_query(parts.raw_query);
    let (body, base64) = body(parts, Value::Null);
    json!({
        "version": "2.0",
        "path": parts.path,
        "method": parts.method,
        "headers": multi(&headers),
        "queryStringParameters": multi(&query),
        "body": body,
        "isBase64Encoded": base64,
        "requestContext": {
            "serviceNetworkArn": "arn:aws:vpc-lattice:us-east-1:123456789012:servicenetwork/sn-0bf3f2882e9cc805a",
            "serviceArn": "arn:aws:vpc-lattice:us-east-1:123456789012:service/svc-0a40eebed65f8d69c",
            "targetGroupArn": "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-6d0ecf831eec9f09",
            "identity": {"type": "NONE"},
            "region": "us-east-1",
            "timeEpoch": (epoch_millis() * 1000).to_string(),
        },
    })
}

/// The body and `isBase64Encoded`: text as text, anything that is not UTF-8 (or everything,
/// when asked) as base64; `empty` when there is no body.
fn body(parts: &Parts<'_>, empty: Value) -> (Value, bool) {
    match parts.body {
        None => (empty, false),
        Some(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) if !parts.base64 => (json!(text), false),
            _ => (
                json!(base64::engine::general_purpose::STANDARD.encode(bytes)),
                true,
            ),
        },
    }
}

/// The request's headers, its cookies as one `cookie` header (every source but payload 2.0,
/// which has `cookies`), and the ones the gateway or load balancer adds unless the test set
/// them: `host` and `x-forwarded-*`. `title_case` writes the added names as API Gateway's
/// REST events show them.
fn with_gateway_headers(parts: &Parts<'_>, title_case: bool) -> Vec<(String, String)> {
    let mut headers = parts.headers.to_vec();
    let v2 = matches!(parts.source, Source::HttpApiV2 | Source::FunctionUrl);
    if !v2 && !parts.cookies.is_empty() {
        headers.push(("cookie".to_owned(), parts.cookies.join("; ")));
    }
    let host = match parts.source {
        Source::FunctionUrl => "abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws",
        Source::Alb => "lambda-test-1815800096.us-east-1.elb.amazonaws.com",
        Source::VpcLatticeV1 | Source::VpcLatticeV2 => {
            "svc-0a40eebed65f8d69c.7d67968.vpc-lattice-svcs.us-east-1.on.aws"
        }
        _ => "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
    };
    let added = [
        ("Host", host),
        ("X-Forwarded-For", SOURCE_IP),
        ("X-Forwarded-Port", "443"),
        ("X-Forwarded-Proto", "https"),
    ];
    for (name, value) in added {
        if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            let name = if title_case {
                name.to_owned()
            } else {
                name.to_ascii_lowercase()
            };
            headers.push((name, value.to_owned()));
        }
    }
    headers
}

/// The value of the first header `name` the test set.
fn header(parts: &Parts<'_>, name: &str) -> Value {
    parts
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map_or(Value::Null, |(_, v)| json!(v))
}

fn lower(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
        .collect()
}

/// How a single-value map keeps a repeated name.
#[derive(Clone, Copy)]
enum Join {
    /// The last value (API Gateway REST, ALB).
    Last,
    /// Every value, joined with this separator (HTTP API v2, VPC Lattice v1).
    Comma(&'static str),
}

/// `{"name":"value"}`, names in first-seen order.
fn single(pairs: &[(String, String)], join: Join) -> Value {
    let mut map = Map::new();
    for (name, value) in pairs {
        let joined = match (map.get(name), join) {
            (Some(Value::String(before)), Join::Comma(sep)) => format!("{before}{sep}{value}"),
            _ => value.clone(),
        };
        map.insert(name.clone(), json!(joined));
    }
    Value::Object(map)
}

/// `{"name":["v1","v2"]}`.
fn multi(pairs: &[(String, String)]) -> Value {
    let mut map = Map::new();
    for (name, value) in pairs {
        match map.get_mut(name) {
            Some(Value::Array(values)) => values.push(json!(value)),
            _ => {
                map.insert(name.clone(), json!([value]));
            }
        }
    }
    Value::Object(map)
}

/// API Gateway's payload 1.0 maps are `null` when empty.
fn single_or_null(pairs: &[(String, String)], join: Join) -> Value {
    if pairs.is_empty() {
        Value::Null
    } else {
        single(pairs, join)
    }
}

fn multi_or_null(pairs: &[(String, String)]) -> Value {
    if pairs.is_empty() {
        Value::Null
    } else {
        multi(pairs)
    }
}

fn split_query(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// The query's pairs, percent-decoded with `+` as a space.
fn decoded_query(raw: &str) -> Vec<(String, String)> {
    split_query(raw)
        .map(|(n, v)| (decode(n, true), decode(v, true)))
        .collect()
}

/// Percent-decodes `text` (and `+` to a space when `plus`); a `%` not followed by two hex
/// digits stays as it is, and bytes that are not UTF-8 become U+FFFD.
pub(super) fn decode(text: &str, plus: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|c| char::from(*c).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
                i += 3;
            }
            (b'+', _, _) if plus => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes everything but RFC 3986's unreserved characters, as a browser encodes a
/// form value.
pub(super) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A fresh id per call, shaped like a UUID as AWS's request ids are.
pub(super) fn request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        nanos,
        n >> 48 & 0xffff,
        n >> 36 & 0xfff,
        n >> 24 & 0xfff,
        n & 0xffff_ffff_ffff
    )
}

fn epoch_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The current time as API Gateway writes `requestTime`: `12/Mar/2020:19:03:58 +0000`.
fn clf_time() -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let secs = epoch_millis() / 1000;
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's `civil_from_days`, for days since 1970-01-01 (never negative here).
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    let name = usize::try_from(month - 1)
        .ok()
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("Jan");
    format!(
        "{day:02}/{name}/{year}:{:02}:{:02}:{:02} +0000",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests panic on failure")]

    use super::*;

    #[test]
    fn percent_coding() {
        let cases = [
            ("a%20b+c", true, "a b c"),
            ("a%20b+c", false, "a b+c"),
            ("caf%C3%A9", true, "café"),
            ("100%", true, "100%"),
            ("%zz%4", true, "%zz%4"),
            ("%FF", true, "\u{fffd}"),
        ];
        for (input, plus, expected) in cases {
            assert_eq!(decode(input, plus), expected, "{input}");
        }
        assert_eq!(encode("a b/c&d=é~"), "a%20b%2Fc%26d%3D%C3%A9~");
        assert_eq!(decode(&encode("x y+z%"), true), "x y+z%");
    }

    #[test]
    fn request_time_is_common_log_format() {
        let time = clf_time();
        let (date, zone) = time.split_once(' ').unwrap();
        assert_eq!(zone, "+0000");
        let fields: Vec<&str> = date.split(['/', ':']).collect();
        assert_eq!(fields.len(), 6, "{time}");
        assert!(fields[2].parse::<u32>().unwrap() >= 2024, "{time}");
    }

    #[test]
    fn request_ids_differ() {
        let (a, b) = (request_id(), request_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36, "{a}");
    }
}
