//! VPC Lattice, event structure version 2: camelCase fields, header and query values as
//! arrays (strings are accepted too), `requestContext.serviceNetworkArn`. Responses carry
//! `statusDescription` and single-value `headers`.

use std::borrow::Cow;

use super::raw::RawEvent;
use super::{body, into_pairs, method, parse_query_string, write, DecodeError, Source};
use crate::request::Request;
use crate::response::Response;

const SOURCE: Source = Source::VpcLatticeV2;

pub(super) fn decode(raw: RawEvent<'_>) -> Result<Request<'_>, DecodeError> {
    let method = method(SOURCE, "$.method", raw.method)?;
    let raw_path = raw
        .path
        .ok_or_else(|| DecodeError::missing(SOURCE, "$.path"))?
        .0;
    let (path, query) = split_query(raw_path, into_pairs(raw.query_string_parameters));
    let body = body(SOURCE, raw.body, raw.is_base64_encoded.unwrap_or(false))?;
    Ok(Request {
        source: SOURCE,
        method,
        path,
        query,
        headers: into_pairs(raw.headers),
        body,
        stage: None,
        request_id: None,
        multi_value_headers: false,
    })
}

type QueryPairs<'a> = Vec<(Cow<'a, str>, Cow<'a, str>)>;

/// Lattice may send the query string inside the path; the parameter map wins when both are
/// present.
pub(super) fn split_query<'a>(
    path: Cow<'a, str>,
    query: QueryPairs<'a>,
) -> (Cow<'a, str>, QueryPairs<'a>) {
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
    if query.is_empty() {
        (path, parse_query_string(raw_query))
    } else {
        (path, query)
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
