//! API Gateway REST API, payload format 1.0.
//!
//! `multiValueHeaders` / `multiValueQueryStringParameters` are preferred over their
//! single-value twins (they are a superset). Query values arrive already decoded. `path`
//! excludes the stage; the stage is in `requestContext.stage`. Responses use
//! `multiValueHeaders`, so repeated headers and several `set-cookie`s survive.

use super::pairs;
use super::raw::RawEvent;
use super::{body, method, write, DecodeError, Source};
use crate::request::Request;
use crate::response::Response;

const SOURCE: Source = Source::ApiGatewayV1;

pub(super) fn decode(raw: RawEvent<'_>) -> Result<Request<'_>, DecodeError> {
    // Before fields move out of `raw`.
    let (headers, query) = pairs::twin_maps(SOURCE, &raw, false)?;
    let method = method(SOURCE, "$.httpMethod", raw.http_method)?;
    let path = raw
        .path
        .ok_or_else(|| DecodeError::missing(SOURCE, "$.path"))?
        .0;
    let body = body(SOURCE, raw.body, raw.is_base64_encoded.unwrap_or(false))?;
    let ctx = raw.request_context.unwrap_or_default();
    Ok(Request {
        source: SOURCE,
        method,
        path,
        query,
        headers,
        body,
        stage: ctx.stage.map(|s| s.0),
        request_id: ctx.request_id.map(|s| s.0),
        multi_value_headers: true,
    })
}

pub(super) fn encode(response: &Response, head: bool, out: &mut Vec<u8>) {
    out.push(b'{');
    write::status(out, response.status());
    write::multi_value_headers(out, response);
    write::body(out, response, head);
    out.push(b'}');
}
