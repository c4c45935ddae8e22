//! API Gateway HTTP API (payload format 2.0) and Lambda Function URLs: one event shape.
//!
//! The method is in `requestContext.http.method`; `rawPath` includes the stage for named
//! stages, which is stripped only when the path really starts with it; an HTTP API has
//! already percent-decoded it, a Function URL has not. `rawQueryString` is
//! parsed (it keeps repeated keys apart, unlike `queryStringParameters`). The `cookies`
//! array becomes `cookie` headers. Responses carry `headers` plus a `cookies` array, which is
//! always present.

// The module only: `event::encode` is also the name of a function.
use super::encode::{self};
use super::fields::{body, method, strip_stage};
use super::maps;
use super::raw::RawEvent;
use super::{DecodeError, Source};
use crate::request::pairs::{LazyPairs, PairSource};
use crate::request::{Caller, Request};
use crate::response::Response;

pub(super) fn decode(raw: RawEvent<'_>, source: Source) -> Result<Request<'_>, DecodeError> {
    let ctx = raw.request_context.unwrap_or_default();
    let (http_method, source_ip) = ctx.http.map_or((None, None), |h| (h.method, h.source_ip));
    let method = method(source, "$.requestContext.http.method", http_method)?;
    let raw_path = raw
        .raw_path
        .ok_or_else(|| DecodeError::missing(source, "$.rawPath"))?
        .0;
    let stage = ctx.stage.map(|s| s.0);
    let domain = ctx.domain_name.as_ref().map(|d| d.0.as_ref());
    let path = strip_stage(raw_path, stage.as_deref(), domain);
    let query = match raw.raw_query_string {
        Some(q) => Some(PairSource::query_string(q.0)),
        None => maps::map(
            source,
            "$.queryStringParameters",
            raw.query_string_parameters,
            false,
        )?,
    };
    let headers = maps::map(source, "$.headers", raw.headers, false)?;
    let cookies = maps::list(source, "$.cookies", raw.cookies, "cookie")?;
    let body = body(source, raw.body, raw.is_base64_encoded.unwrap_or(false))?;
    let mut request = Request::new(
        source,
        method,
        path,
        body,
        LazyPairs::new(query, None),
        LazyPairs::new(headers, cookies),
    );
    request.set_stage(stage);
    request.set_request_id(ctx.request_id.map(|s| s.0));
    request.set_caller(Caller::new(ctx.authorizer, None).with_source_ip(source_ip));
    Ok(request)
}

pub(super) fn encode(response: &Response, head: bool, out: &mut Vec<u8>) {
    out.push(b'{');
    encode::status(out, response.status());
    encode::single_value_headers(out, response, encode::Cookies::Skip);
    encode::cookies(out, response);
    encode::body(out, response, head);
    out.push(b'}');
}
