//! VPC Lattice, event structure version 2: camelCase fields, header and query values as
//! arrays (strings are accepted too), `requestContext.serviceNetworkArn`. Responses carry
//! `statusDescription` and single-value `headers`, with each `set-cookie` under its own
//! spelling of the name (`set-cookie`, `Set-cookie`, ...).

use std::borrow::Cow;

// The module only: `event::encode` is also the name of a function.
use super::encode::{self};
use super::fields::{body, method, slice};
use super::maps;
use super::raw::RawEvent;
use super::{DecodeError, Source};
use crate::request::pairs::{LazyPairs, PairSource};
use crate::request::{Caller, Request};
use crate::response::Response;

const SOURCE: Source = Source::VpcLatticeV2;

pub(super) fn decode(raw: RawEvent<'_>) -> Result<Request<'_>, DecodeError> {
    let method = method(SOURCE, "$.method", raw.method)?;
    let raw_path = raw
        .path
        .ok_or_else(|| DecodeError::missing(SOURCE, "$.path"))?
        .0;
    let query = maps::map(
        SOURCE,
        "$.queryStringParameters",
        raw.query_string_parameters,
        false,
    )?;
    let (path, query) = split_query(raw_path, query);
    let headers = maps::map(SOURCE, "$.headers", raw.headers, false)?;
    let body = body(SOURCE, raw.body, raw.is_base64_encoded.unwrap_or(false))?;
    let identity = raw.request_context.and_then(|ctx| ctx.identity);
    let mut request = Request::new(
        SOURCE,
        method,
        path,
        body,
        LazyPairs::new(query, None),
        LazyPairs::new(headers, None),
    );
    request.set_caller(Caller::new(None, identity));
    Ok(request)
}

type Query<'a> = Option<(PairSource<'a>, usize)>;

/// Lattice may send the query string inside the path; a non-empty parameter map wins when
/// both are present.
pub(super) fn split_query<'a>(path: Cow<'a, str>, query: Query<'a>) -> (Cow<'a, str>, Query<'a>) {
    let Some(at) = path.find('?') else {
        return (path, query);
    };
    let (before, after) = (slice(&path, 0, at), slice(&path, at + 1, path.len()));
    match query {
        Some((source, count)) if count > 0 => (before, Some((source, count))),
        _ => (before, Some(PairSource::query_string(after))),
    }
}

/// The VPC Lattice response shape (both versions).
pub(super) fn encode(response: &Response, head: bool, out: &mut Vec<u8>) {
    out.push(b'{');
    encode::status(out, response.status());
    encode::status_description(out, response.status());
    encode::single_value_headers(out, response, encode::Cookies::CaseVariants);
    encode::body(out, response, head);
    out.push(b'}');
}
