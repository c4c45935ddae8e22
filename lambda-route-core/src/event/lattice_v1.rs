//! VPC Lattice, event structure version 1: snake_case fields (`raw_path`,
//! `query_string_parameters`, `is_base64_encoded`), single-value headers with repeated values
//! comma-joined by Lattice. `raw_path` may carry the query string. Responses use the same
//! shape as version 2.

use super::fields::{body, method};
use super::raw::RawEvent;
use super::{lattice_v2, maps, DecodeError, Source};
use crate::request::pairs::LazyPairs;
use crate::request::Request;

const SOURCE: Source = Source::VpcLatticeV1;

pub(super) fn decode(raw: RawEvent<'_>) -> Result<Request<'_>, DecodeError> {
    let method = method(SOURCE, "$.method", raw.method)?;
    let raw_path = raw
        .raw_path_snake
        .ok_or_else(|| DecodeError::missing(SOURCE, "$.raw_path"))?
        .0;
    let query = maps::map(
        SOURCE,
        "$.query_string_parameters",
        raw.query_string_parameters_snake,
        false,
    )?;
    let (path, query) = lattice_v2::split_query(raw_path, query);
    let headers = maps::map(SOURCE, "$.headers", raw.headers, false)?;
    let body = body(
        SOURCE,
        raw.body,
        raw.is_base64_encoded_snake.unwrap_or(false),
    )?;
    Ok(Request::new(
        SOURCE,
        method,
        path,
        body,
        LazyPairs::new(query, None),
        LazyPairs::new(headers, None),
    ))
}
