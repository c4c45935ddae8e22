//! Application Load Balancer target groups.
//!
//! With multi-value headers enabled on the target group, events carry `multiValueHeaders`
//! and `multiValueQueryStringParameters` and the response must answer the same way; without
//! it, single-value maps both ways. Query keys and values arrive percent-encoded exactly as
//! the client sent them, so they are decoded here. Responses carry `statusDescription`; in
//! single-value mode each `set-cookie` goes under its own spelling of the name (`set-cookie`,
//! `Set-cookie`, ...), since the map holds one value per name.

// The module only: `event::encode` is also the name of a function.
use super::encode::{self};
use super::fields::{body, method};
use super::maps;
use super::raw::RawEvent;
use super::{DecodeError, Source};
use crate::request::Request;
use crate::response::Response;

const SOURCE: Source = Source::Alb;

pub(super) fn decode(raw: RawEvent<'_>) -> Result<Request<'_>, DecodeError> {
    // Before fields move out of `raw`.
    let (headers, query) = maps::twin_maps(SOURCE, &raw, true)?;
    let method = method(SOURCE, "$.httpMethod", raw.http_method)?;
    let path = raw
        .path
        .ok_or_else(|| DecodeError::missing(SOURCE, "$.path"))?
        .0;
    let multi_value_headers = raw.multi_value_headers.is_some();
    let body = body(SOURCE, raw.body, raw.is_base64_encoded.unwrap_or(false))?;
    let mut request = Request::new(SOURCE, method, path, body, query, headers);
    request.set_multi_value_headers(multi_value_headers);
    Ok(request)
}

pub(super) fn encode(response: &Response, head: bool, multi_value: bool, out: &mut Vec<u8>) {
    out.push(b'{');
    encode::status(out, response.status());
    encode::status_description(out, response.status());
    if multi_value {
        encode::multi_value_headers(out, response);
    } else {
        encode::single_value_headers(out, response, encode::Cookies::CaseVariants);
    }
    encode::body(out, response, head);
    out.push(b'}');
}
