//! Builds a real Lambda event JSON from a local HTTP request, for each source.
//!
//! The shapes follow what each integration sends (and the fixtures in `tests/fixtures/`):
//! field names, single- vs multi-value maps, `cookies` on v2, percent-encoded query values on
//! ALB, snake_case on VPC Lattice v1, base64 bodies when the body is not UTF-8.

use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use http::request::Parts;

use super::ConfigError;
use crate::codec::json::{write_key, write_str};
use crate::codec::percent;

/// The event shape the local server produces.
///
/// # Examples
///
/// ```
/// use lambda_route_core::runtime::local::EventKind;
///
/// // `--event alb-multi` or `LAMBDA_ROUTE_EVENT=alb-multi`
/// assert_eq!("alb-multi".parse::<EventKind>()?, EventKind::AlbMultiValue);
/// assert_eq!("REST".parse::<EventKind>()?, EventKind::ApiGatewayV1);
/// # Ok::<(), lambda_route_core::runtime::local::ConfigError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind {
    /// API Gateway REST API (`v1`).
    ApiGatewayV1,
    /// API Gateway HTTP API (`v2`, the default).
    HttpApiV2,
    /// Lambda Function URL (`url`).
    FunctionUrl,
    /// ALB with single-value headers (`alb`).
    Alb,
    /// ALB with multi-value headers (`alb-multi`).
    AlbMultiValue,
    /// VPC Lattice v1 (`lattice-v1`).
    VpcLatticeV1,
    /// VPC Lattice v2 (`lattice-v2`).
    VpcLatticeV2,
}

impl FromStr for EventKind {
    type Err = ConfigError;

    fn from_str(s: &str) -> Result<Self, ConfigError> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "v1" | "rest" | "apigw-v1" => EventKind::ApiGatewayV1,
            "v2" | "http" | "apigw-v2" => EventKind::HttpApiV2,
            "url" | "function-url" => EventKind::FunctionUrl,
            "alb" => EventKind::Alb,
            "alb-multi" => EventKind::AlbMultiValue,
            "lattice-v1" => EventKind::VpcLatticeV1,
            "lattice-v2" | "lattice" => EventKind::VpcLatticeV2,
            other => {
                return Err(ConfigError(format!(
                    "unknown event kind {other:?}: use v1, v2, url, alb, alb-multi, lattice-v1 or lattice-v2"
                )))
            }
        })
    }
}

struct Parsed<'r> {
    method: &'r str,
    path: &'r str,
    raw_query: &'r str,
    /// Header pairs as received (lower-case names from hyper), `cookie` excluded.
    headers: Vec<(&'r str, String)>,
    /// Individual cookies from `cookie` headers.
    cookies: Vec<&'r str>,
    /// Decoded query pairs.
    query: Vec<(String, String)>,
}

impl<'r> Parsed<'r> {
    /// # Errors
    ///
    /// The message for a 400 when a header value is not UTF-8: an event carries text, and a
    /// value must reach the app as sent or not at all.
    fn new(parts: &'r Parts) -> Result<Self, String> {
        let raw_query = parts.uri.query().unwrap_or("");
        let mut headers = Vec::with_capacity(parts.headers.len());
        let mut cookies = Vec::new();
        for (name, value) in &parts.headers {
            // UTF-8 beyond ASCII (which `HeaderValue::to_str` refuses) is carried as sent.
            let value = std::str::from_utf8(value.as_bytes())
                .map_err(|_| format!("header {name:?} has a value that is not UTF-8"))?;
            if name == http::header::COOKIE {
                cookies.extend(value.split(';').map(str::trim).filter(|c| !c.is_empty()));
            } else {
                headers.push((name.as_str(), value.to_owned()));
            }
        }
        let query = raw_query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode_lossy(name), decode_lossy(value))
            })
            .collect();
        Ok(Parsed {
            method: parts.method.as_str(),
            path: parts.uri.path(),
            raw_query,
            headers,
            cookies,
            query,
        })
    }
}

fn decode_lossy(s: &str) -> String {
    percent::decode(s, true).map_or_else(|_| s.to_owned(), |d| d.into_owned())
}

/// The path decoded as an HTTP API decodes it; one that is not valid percent-encoding is
/// passed on as sent.
fn decode_lossy_path(path: &str) -> std::borrow::Cow<'_, str> {
    percent::decode(path, false).unwrap_or(std::borrow::Cow::Borrowed(path))
}

/// A new request id per event, so logs can tell requests apart.
fn request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("local-{:x}-{n}", nanos & 0xffff_ffff_ffff)
}

fn epoch_millis() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

/// The event JSON for one HTTP request.
///
/// # Errors
///
/// The message for a 400 when the request cannot be carried faithfully (see `Parsed::new`).
pub(crate) fn build(
    kind: EventKind,
    parts: &Parts,
    body: &[u8],
    peer: SocketAddr,
) -> Result<Vec<u8>, String> {
    let req = Parsed::new(parts)?;
    let mut out = Vec::with_capacity(1024 + body.len() * 4 / 3);
    out.push(b'{');
    match kind {
        EventKind::ApiGatewayV1 => rest_v1(&mut out, &req, peer),
        EventKind::HttpApiV2 => {
            // As an HTTP API does before invoking the function (see `Source::path_is_decoded`).
            let path = decode_lossy_path(req.path);
            http_v2(&mut out, &req, &path, peer, "localhost")
        }
        EventKind::FunctionUrl => http_v2(
            &mut out,
            &req,
            req.path,
            peer,
            "local.lambda-url.local.on.aws",
        ),
        EventKind::Alb => alb(&mut out, &req, false),
        EventKind::AlbMultiValue => alb(&mut out, &req, true),
        EventKind::VpcLatticeV1 => lattice_v1(&mut out, &req),
        EventKind::VpcLatticeV2 => lattice_v2(&mut out, &req),
    }
    let snake = kind == EventKind::VpcLatticeV1;
    write_body(&mut out, body, snake);
    out.push(b'}');
    Ok(out)
}

fn rest_v1(out: &mut Vec<u8>, req: &Parsed<'_>, peer: SocketAddr) {
    field_str(out, "resource", "/{proxy+}");
    field_str(out, "path", req.path);
    field_str(out, "httpMethod", req.method);
    let headers = with_cookie_header(req);
    map_single(
        out,
        "headers",
        headers.iter().map(|(n, v)| (*n, v.as_str())),
        ",",
    );
    map_multi(
        out,
        "multiValueHeaders",
        headers.iter().map(|(n, v)| (*n, v.as_str())),
    );
    let query = req.query.iter().map(|(n, v)| (n.as_str(), v.as_str()));
    if req.query.is_empty() {
        out.extend_from_slice(
            b"\"queryStringParameters\":null,\"multiValueQueryStringParameters\":null,",
        );
    } else {
        map_single_last(out, "queryStringParameters", query.clone());
        map_multi(out, "multiValueQueryStringParameters", query);
    }
    write_key(out, "requestContext");
    out.push(b'{');
    field_str(out, "resourcePath", "/{proxy+}");
    field_str(out, "httpMethod", req.method);
    field_str(out, "path", &format!("/local{}", req.path));
    field_str(out, "stage", "local");
    field_str(out, "requestId", &request_id());
    field_str(out, "accountId", "000000000000");
    field_str(out, "apiId", "local");
    field_str(out, "protocol", "HTTP/1.1");
    write_key(out, "identity");
    out.push(b'{');
    field_str(out, "sourceIp", &peer.ip().to_string());
    trim_comma(out);
    out.extend_from_slice(b"},");
    write_key(out, "requestTimeEpoch");
    out.extend_from_slice(epoch_millis().to_string().as_bytes());
    out.extend_from_slice(b"},");
}

/// `path` is the request's path as the integration delivers it.
fn http_v2(out: &mut Vec<u8>, req: &Parsed<'_>, path: &str, peer: SocketAddr, domain: &str) {
    field_str(out, "version", "2.0");
    field_str(out, "routeKey", "$default");
    field_str(out, "rawPath", path);
    field_str(out, "rawQueryString", req.raw_query);
    if !req.cookies.is_empty() {
        write_key(out, "cookies");
        out.push(b'[');
        for (i, cookie) in req.cookies.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_str(out, cookie);
        }
        out.extend_from_slice(b"],");
    }
    map_single(
        out,
        "headers",
        req.headers.iter().map(|(n, v)| (*n, v.as_str())),
        ",",
    );
    if !req.query.is_empty() {
        map_single(
            out,
            "queryStringParameters",
            req.query.iter().map(|(n, v)| (n.as_str(), v.as_str())),
            ",",
        );
    }
    write_key(out, "requestContext");
    out.push(b'{');
    field_str(out, "accountId", "anonymous");
    field_str(out, "apiId", "local");
    field_str(out, "domainName", domain);
    field_str(
        out,
        "domainPrefix",
        domain.split('.').next().unwrap_or(domain),
    );
    write_key(out, "http");
    out.push(b'{');
    field_str(out, "method", req.method);
    field_str(out, "path", path);
    field_str(out, "protocol", "HTTP/1.1");
    field_str(out, "sourceIp", &peer.ip().to_string());
    let agent = req
        .headers
        .iter()
        .find(|(n, _)| *n == "user-agent")
        .map_or("", |(_, v)| v.as_str());
    field_str(out, "userAgent", agent);
    trim_comma(out);
    out.extend_from_slice(b"},");
    field_str(out, "requestId", &request_id());
    field_str(out, "routeKey", "$default");
    field_str(out, "stage", "$default");
    write_key(out, "timeEpoch");
    out.extend_from_slice(epoch_millis().to_string().as_bytes());
    out.extend_from_slice(b"},");
}

fn alb(out: &mut Vec<u8>, req: &Parsed<'_>, multi: bool) {
    out.extend_from_slice(
        b"\"requestContext\":{\"elb\":{\"targetGroupArn\":\"arn:aws:elasticloadbalancing:local:000000000000:targetgroup/local/0000000000000000\"}},",
    );
    field_str(out, "httpMethod", req.method);
    field_str(out, "path", req.path);
    // ALB passes query keys and values exactly as the client encoded them.
    let raw_query = req
        .raw_query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")));
    let headers = with_cookie_header(req);
    let headers = headers.iter().map(|(n, v)| (*n, v.as_str()));
    if multi {
        map_multi(out, "multiValueQueryStringParameters", raw_query);
        map_multi(out, "multiValueHeaders", headers);
    } else {
        map_single_last(out, "queryStringParameters", raw_query);
        map_single(out, "headers", headers, ",");
    }
}

fn lattice_v1(out: &mut Vec<u8>, req: &Parsed<'_>) {
    field_str(out, "raw_path", req.path);
    field_str(out, "method", req.method);
    let headers = with_cookie_header(req);
    map_single(
        out,
        "headers",
        headers.iter().map(|(n, v)| (*n, v.as_str())),
        ", ",
    );
    map_single(
        out,
        "query_string_parameters",
        req.query.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        ",",
    );
}

fn lattice_v2(out: &mut Vec<u8>, req: &Parsed<'_>) {
    field_str(out, "version", "2.0");
    field_str(out, "path", req.path);
    field_str(out, "method", req.method);
    let headers = with_cookie_header(req);
    map_multi(
        out,
        "headers",
        headers.iter().map(|(n, v)| (*n, v.as_str())),
    );
    map_multi(
        out,
        "queryStringParameters",
        req.query.iter().map(|(n, v)| (n.as_str(), v.as_str())),
    );
    out.extend_from_slice(
        b"\"requestContext\":{\"serviceNetworkArn\":\"arn:aws:vpc-lattice:local:000000000000:servicenetwork/sn-local\",\
\"serviceArn\":\"arn:aws:vpc-lattice:local:000000000000:service/svc-local\",\
\"targetGroupArn\":\"arn:aws:vpc-lattice:local:000000000000:targetgroup/tg-local\",\
\"identity\":{\"type\":\"NONE\"},\"region\":\"local\",",
    );
    field_str(out, "timeEpoch", &(epoch_millis() * 1000).to_string());
    trim_comma(out);
    out.extend_from_slice(b"},");
}

/// Every source but HTTP API v2 carries cookies in the `cookie` header.
fn with_cookie_header<'r>(req: &Parsed<'r>) -> Vec<(&'r str, String)> {
    let mut headers = req.headers.clone();
    if !req.cookies.is_empty() {
        headers.push(("cookie", req.cookies.join("; ")));
    }
    headers
}

fn write_body(out: &mut Vec<u8>, body: &[u8], snake: bool) {
    let (body_key, b64_key) = if snake {
        ("body", "is_base64_encoded")
    } else {
        ("body", "isBase64Encoded")
    };
    write_key(out, body_key);
    let base64 = match std::str::from_utf8(body) {
        Ok(text) => {
            write_str(out, text);
            false
        }
        Err(_) => {
            write_str(out, &base64::engine::general_purpose::STANDARD.encode(body));
            true
        }
    };
    out.push(b',');
    write_key(out, b64_key);
    out.extend_from_slice(if base64 { b"true" } else { b"false" });
}

fn field_str(out: &mut Vec<u8>, key: &str, value: &str) {
    write_key(out, key);
    write_str(out, value);
    out.push(b',');
}

fn trim_comma(out: &mut Vec<u8>) {
    if out.last() == Some(&b',') {
        out.pop();
    }
}

/// Distinct names in first-seen order.
fn names<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for (name, _) in pairs {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// `"key":{"name":"v1<sep>v2"},`
fn map_single<'a, I>(out: &mut Vec<u8>, key: &str, pairs: I, sep: &str)
where
    I: Iterator<Item = (&'a str, &'a str)> + Clone,
{
    write_key(out, key);
    out.push(b'{');
    for (i, name) in names(pairs.clone()).into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(out, name);
        out.push(b':');
        let joined: Vec<&str> = pairs
            .clone()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .collect();
        write_str(out, &joined.join(sep));
    }
    out.extend_from_slice(b"},");
}

/// `"key":{"name":"last"},`: API Gateway v1 and ALB keep the last value of a repeated key.
fn map_single_last<'a, I>(out: &mut Vec<u8>, key: &str, pairs: I)
where
    I: Iterator<Item = (&'a str, &'a str)> + Clone,
{
    write_key(out, key);
    out.push(b'{');
    for (i, name) in names(pairs.clone()).into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(out, name);
        out.push(b':');
        let last = pairs
            .clone()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .last()
            .unwrap_or("");
        write_str(out, last);
    }
    out.extend_from_slice(b"},");
}

/// `"key":{"name":["v1","v2"]},`
fn map_multi<'a, I>(out: &mut Vec<u8>, key: &str, pairs: I)
where
    I: Iterator<Item = (&'a str, &'a str)> + Clone,
{
    write_key(out, key);
    out.push(b'{');
    for (i, name) in names(pairs.clone()).into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(out, name);
        out.extend_from_slice(b":[");
        for (j, (_, value)) in pairs.clone().filter(|(n, _)| *n == name).enumerate() {
            if j > 0 {
                out.push(b',');
            }
            write_str(out, value);
        }
        out.push(b']');
    }
    out.extend_from_slice(b"},");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Source;
    use crate::request::Request;

    fn parts(uri: &str, headers: &[(&str, &str)]) -> Parts {
        let mut builder = http::Request::builder().method("POST").uri(uri);
        for (n, v) in headers {
            builder = builder.header(*n, *v);
        }
        builder.body(()).unwrap().into_parts().0
    }

    /// Every kind builds an event our own decoder detects as that source, with the same
    /// method, path, query, headers, cookies and body.
    #[test]
    fn every_kind_round_trips_through_the_decoder() {
        let kinds = [
            EventKind::ApiGatewayV1,
            EventKind::HttpApiV2,
            EventKind::FunctionUrl,
            EventKind::Alb,
            EventKind::AlbMultiValue,
            EventKind::VpcLatticeV1,
            EventKind::VpcLatticeV2,
        ];
        let parts = parts(
            "/todos/a%2Fb?limit=10&tag=x%20y&tag=z",
            &[("x-trace", "1"), ("cookie", "session=abc; theme=dark")],
        );
        let peer: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        for kind in kinds {
            for body in [&b"{\"title\":\"hi\"}"[..], &[0xff, 0x00, 0x10][..]] {
                let event = build(kind, &parts, body, peer).unwrap();
                let request = Request::from_event(&event).unwrap_or_else(|e| {
                    panic!("{kind:?}: {e}\n{}", String::from_utf8_lossy(&event))
                });
                assert_eq!(request.source(), kind.source(), "{kind:?}");
                assert_eq!(request.method(), "POST", "{kind:?}");
                // An HTTP API decodes the path before the function sees it; so does the
                // local server for that kind.
                let path = if request.source().path_is_decoded() {
                    "/todos/a/b"
                } else {
                    "/todos/a%2Fb"
                };
                assert_eq!(request.path(), path, "{kind:?}");
                assert_eq!(request.query("limit"), Some("10"), "{kind:?}");
                assert_eq!(request.header("X-Trace"), Some("1"), "{kind:?}");
                assert_eq!(request.body(), body, "{kind:?}");
                let cookies: Vec<&str> = request.header_all("cookie").collect();
                assert!(
                    cookies == ["session=abc", "theme=dark"]
                        || cookies == ["session=abc; theme=dark"],
                    "{kind:?}: {cookies:?}"
                );
                if kind != EventKind::Alb && kind != EventKind::ApiGatewayV1 {
                    let tags: Vec<&str> = request.query_all("tag").collect();
                    assert!(
                        tags == ["x y", "z"] || tags == ["x y,z"],
                        "{kind:?}: {tags:?}"
                    );
                }
                assert!(Source::ALL.contains(&request.source()));
            }
        }
    }

    /// A header value is carried byte for byte when it is UTF-8, even beyond ASCII, and the
    /// request is refused when it is not: never an empty string in its place.
    #[test]
    fn header_values_are_carried_as_sent_or_refused() {
        let peer: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let mut parts = parts("/x", &[]);
        parts.headers.insert(
            "x-name",
            http::HeaderValue::from_bytes("Zoë".as_bytes()).unwrap(),
        );
        let event = build(EventKind::ApiGatewayV1, &parts, b"", peer).unwrap();
        let request = Request::from_event(&event).unwrap();
        assert_eq!(request.header("x-name"), Some("Zoë"));

        parts
            .headers
            .insert("x-bad", http::HeaderValue::from_bytes(b"a\xffb").unwrap());
        for kind in [
            EventKind::ApiGatewayV1,
            EventKind::HttpApiV2,
            EventKind::Alb,
        ] {
            assert_eq!(
                build(kind, &parts, b"", peer).unwrap_err(),
                "header \"x-bad\" has a value that is not UTF-8"
            );
        }
    }

    #[test]
    fn kinds_parse() {
        assert_eq!(
            "alb-multi".parse::<EventKind>().unwrap(),
            EventKind::AlbMultiValue
        );
        assert_eq!("V1".parse::<EventKind>().unwrap(), EventKind::ApiGatewayV1);
        assert!("sqs".parse::<EventKind>().is_err());
    }
}
