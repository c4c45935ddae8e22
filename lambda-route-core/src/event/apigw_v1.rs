//! API Gateway REST APIs, and HTTP APIs with payload format 1.0: one event shape.
//!
//! `multiValueHeaders` / `multiValueQueryStringParameters` are preferred over their
//! single-value twins (they are a superset). Query values arrive already decoded. A REST
//! API's `path` excludes the stage; an HTTP API's includes a named stage, which is stripped
//! as for payload 2.0. Responses use `multiValueHeaders`, so repeated headers and several
//! `set-cookie`s survive.

// The module only: `event::encode` is also the name of a function.
use super::encode::{self};
use super::fields::{body, method, strip_stage};
use super::maps;
use super::raw::RawEvent;
use super::{DecodeError, Source};
use crate::request::{Caller, Request};
use crate::response::Response;

/// Decodes a [`Source::ApiGatewayV1`] or [`Source::HttpApiV1`] event.
pub(super) fn decode(raw: RawEvent<'_>, source: Source) -> Result<Request<'_>, DecodeError> {
    // Before fields move out of `raw`.
    let (headers, query) = maps::twin_maps(source, &raw, false)?;
    let method = method(source, "$.httpMethod", raw.http_method)?;
    let path = raw
        .path
        .ok_or_else(|| DecodeError::missing(source, "$.path"))?
        .0;
    let body = body(source, raw.body, raw.is_base64_encoded.unwrap_or(false))?;
    let ctx = raw.request_context.unwrap_or_default();
    let stage = ctx.stage.map(|s| s.0);
    let domain = ctx.domain_name.as_ref().map(|d| d.0.as_ref());
    let path = match source {
        Source::HttpApiV1 => strip_stage(path, stage.as_deref(), domain),
        _ => path,
    };
    let mut request = Request::new(source, method, path, body, query, headers);
    request.set_stage(stage);
    request.set_request_id(ctx.request_id.map(|s| s.0));
    request.set_multi_value_headers(true);
    request.set_caller(Caller::new(ctx.authorizer, ctx.identity));
    Ok(request)
}

pub(super) fn encode(response: &Response, head: bool, out: &mut Vec<u8>) {
    out.push(b'{');
    encode::status(out, response.status());
    encode::multi_value_headers(out, response);
    encode::body(out, response, head);
    out.push(b'}');
}
