//! Turns a Lambda HTTP response JSON (any source's shape) back into an HTTP response.

use base64::Engine as _;
use http_body_util::Full;
use hyper::body::Bytes;
use serde::Deserialize;

use crate::batch::InvocationError;
use crate::codec::de::{CowStr, Pairs, StrList};
use crate::codec::json::write_str;

#[derive(Deserialize)]
struct LambdaResponse<'a> {
    #[serde(rename = "statusCode")]
    status_code: u16,
    #[serde(borrow, default)]
    headers: Option<Pairs<'a>>,
    #[serde(borrow, default, rename = "multiValueHeaders")]
    multi_value_headers: Option<Pairs<'a>>,
    #[serde(borrow, default)]
    cookies: Option<StrList<'a>>,
    #[serde(borrow, default)]
    body: Option<CowStr<'a>>,
    #[serde(default, rename = "isBase64Encoded")]
    is_base64_encoded: bool,
}

/// Marks an answer the local server gave itself, without dispatching, with its reason: the
/// server logs it in place of the access line the dispatcher writes.
#[derive(Clone, Debug)]
pub(super) struct Refused(pub(super) String);

pub(super) fn plain(status: u16, message: &str) -> hyper::Response<Full<Bytes>> {
    let mut response = hyper::Response::new(Full::new(Bytes::from(format!("{message}\n"))));
    response
        .extensions_mut()
        .insert(Refused(message.to_owned()));
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::BAD_GATEWAY);
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

pub(super) fn from_lambda(json: &[u8]) -> hyper::Response<Full<Bytes>> {
    let parsed: LambdaResponse<'_> = match serde_json::from_slice(json) {
        Ok(parsed) => parsed,
        Err(err) => return plain(502, &format!("malformed Lambda response: {err}")),
    };
    let body = match parsed.body {
        None => Vec::new(),
        Some(CowStr(body)) if parsed.is_base64_encoded => {
            match base64::engine::general_purpose::STANDARD.decode(body.as_bytes()) {
                Ok(bytes) => bytes,
                Err(err) => {
                    return plain(502, &format!("Lambda response body is not base64: {err}"))
                }
            }
        }
        Some(CowStr(body)) => body.into_owned().into_bytes(),
    };
    let mut response = hyper::Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = match http::StatusCode::from_u16(parsed.status_code) {
        Ok(status) => status,
        Err(_) => return plain(502, &format!("invalid status code {}", parsed.status_code)),
    };
    // API Gateway merges both maps; multi-value wins for a name present in both.
    let multi = parsed.multi_value_headers.map(|p| p.0).unwrap_or_default();
    let single = parsed.headers.map(|p| p.0).unwrap_or_default();
    let headers = response.headers_mut();
    let in_multi = |name: &str| multi.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
    let pairs = multi
        .iter()
        .chain(single.iter().filter(|(n, _)| !in_multi(n)))
        .map(|(n, v)| (n.as_ref(), v.as_ref()));
    let cookies = parsed.cookies.map(|c| c.0).unwrap_or_default();
    let cookies = cookies.iter().map(|c| ("set-cookie", c.as_ref()));
    for (name, value) in pairs.chain(cookies) {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_bytes()),
            http::HeaderValue::from_str(value),
        ) {
            headers.append(name, value);
        }
    }
    response
}

/// The answer of `POST /_lambda/invoke`, as Lambda's `Invoke` API gives it: 200 with the
/// invocation's own JSON (`{"batchItemFailures":[..]}`, `null`, an HTTP response object), or
/// 200 with `X-Amz-Function-Error: Unhandled` and `{"errorType","errorMessage"}` when the
/// invocation failed.
pub(super) fn invoked(outcome: Result<Vec<u8>, InvocationError>) -> hyper::Response<Full<Bytes>> {
    let (body, error_type) = match outcome {
        Ok(json) => (json, None),
        Err(err) => {
            let error_type = match &err {
                InvocationError::BatchFailed(_) => InvocationError::BATCH_FAILED,
                _ => "DecodeError",
            };
            let mut body = b"{\"errorType\":".to_vec();
            write_str(&mut body, error_type);
            body.extend_from_slice(b",\"errorMessage\":");
            write_str(&mut body, &err.to_string());
            body.push(b'}');
            (body, Some(error_type))
        }
    };
    let mut response = hyper::Response::new(Full::new(Bytes::from(body)));
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    if error_type.is_some() {
        headers.insert(
            http::HeaderName::from_static("x-amz-function-error"),
            http::HeaderValue::from_static("Unhandled"),
        );
    }
    response
}
