//! VPC Lattice, event structure version 2: camelCase fields, header and query values as
//! arrays (strings are accepted too), `requestContext.serviceNetworkArn`. Responses carry
//! `statusDescription` and single-value `headers`.

use std::borrow::Cow;

use super::pairs::{self, LazyPairs, PairSource};
use super::raw::RawEvent;
use super::{body, method, write, DecodeError, Source};
use crate::request::Request;
use crate::response::Response;

const SOURCE: Source = Source::VpcLatticeV2;

pub(super) fn decode(raw: RawEvent<'_>) -> Result<Request<'_>, DecodeError> {
    let method = method(SOURCE, "$.method", raw.method)?;
    let raw_path = raw
        .path
        .ok_or_else(|| DecodeError::missing(SOURCE, "$.path"))?
        .0;
    let query = pairs::map(
        SOURCE,
        "$.queryStringParameters",
        raw.query_string_parameters,
        false,
    )?;
    let (path, query) = split_query(raw_path, query);
    let headers = pairs::map(SOURCE, "$.headers", raw.headers, false)?;
    let body = body(SOURCE, raw.body, raw.is_base64_encoded.unwrap_or(false))?;
    Ok(Request {
        source: SOURCE,
        method,
        path,
        query: LazyPairs::new(query, None),
        headers: LazyPairs::new(headers, None),
        body,
        stage: None,
        request_id: None,
        multi_value_headers: false,
    })
}

type Query<'a> = Option<(PairSource<'a>, usize)>;

/// Lattice may send the query string inside the path; a non-empty parameter map wins when
/// both are present.
pub(super) fn split_query<'a>(path: Cow<'a, str>, query: Query<'a>) -> (Cow<'a, str>, Query<'a>) {
    let Some(at) = path.find('?') else {
        return (path, query);
    };
    let (path, raw_query) = match path {
        Cow::Borrowed(p) => (
            Cow::Borrowed(p.get(..at).unwrap_or(p)),
            Cow::Borrowed(p.get(at + 1..).unwrap_or("")),
        ),
        Cow::Owned(p) => (
            Cow::Owned(p.get(..at).unwrap_or(&p).to_owned()),
            Cow::Owned(p.get(at + 1..).unwrap_or("").to_owned()),
        ),
    };
    match query {
        Some((source, count)) if count > 0 => (path, Some((source, count))),
        _ => (path, Some(pairs::query_string(raw_query))),
    }
}

/// The VPC Lattice response shape (both versions).
pub(super) fn encode(response: &Response, head: bool, out: &mut Vec<u8>) {
    out.push(b'{');
    write::status(out, response.status());
    write::status_description(out, response.status());
    write::single_value_headers(out, response, write::Cookies::First);
    write::body(out, response, head);
    out.push(b'}');
}
