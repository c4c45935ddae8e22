//! Which of an event's header and query maps feed the request, shape-checked as they are
//! taken, so a malformed map fails the decode with the JSON path of the bad value.

use serde_json::value::RawValue;

use super::raw::RawEvent;
use super::{DecodeError, Source};
use crate::codec::scan::{check_list, check_map, ShapeError};
use crate::request::pairs::{LazyPairs, PairSource};

/// Checks the map at `path` and returns it as a source with its value count, or `None` when
/// the field is absent or null.
pub(super) fn map<'a>(
    source: Source,
    path: &str,
    json: Option<&'a RawValue>,
    percent_decode: bool,
) -> Result<Option<(PairSource<'a>, usize)>, DecodeError> {
    let Some(json) = json else { return Ok(None) };
    let count = check_map(json.get()).map_err(|e| shape_error(e, source, path, json.get()))?;
    Ok(Some((
        PairSource::Map {
            json,
            percent_decode,
        },
        count,
    )))
}

/// A multi-value map and its single-value twin (REST v1, ALB): the multi-value one is used
/// and checked when present (it is a superset); the twin is then never read, so like every
/// other unread field it is only syntax-checked. Checking it too cost a sixth of a REST v1
/// decode.
fn preferred_map<'a>(
    source: Source,
    multi: (&str, Option<&'a RawValue>),
    single: (&str, Option<&'a RawValue>),
    percent_decode: bool,
) -> Result<Option<(PairSource<'a>, usize)>, DecodeError> {
    match multi.1 {
        Some(_) => map(source, multi.0, multi.1, percent_decode),
        None => map(source, single.0, single.1, percent_decode),
    }
}

/// The headers and query of a REST v1 or ALB event: each from its multi-value map when
/// present, else its single-value one. ALB query text arrives percent-encoded.
pub(super) fn twin_maps<'a>(
    source: Source,
    raw: &RawEvent<'a>,
    percent_decode_query: bool,
) -> Result<(LazyPairs<'a>, LazyPairs<'a>), DecodeError> {
    let headers = preferred_map(
        source,
        ("$.multiValueHeaders", raw.multi_value_headers),
        ("$.headers", raw.headers),
        false,
    )?;
    let query = preferred_map(
        source,
        (
            "$.multiValueQueryStringParameters",
            raw.multi_value_query_string_parameters,
        ),
        ("$.queryStringParameters", raw.query_string_parameters),
        percent_decode_query,
    )?;
    Ok((LazyPairs::new(headers, None), LazyPairs::new(query, None)))
}

/// Checks the array of strings at `path` (v2 `cookies`).
pub(super) fn list<'a>(
    source: Source,
    path: &str,
    json: Option<&'a RawValue>,
    name: &'static str,
) -> Result<Option<(PairSource<'a>, usize)>, DecodeError> {
    let Some(json) = json else { return Ok(None) };
    let count = check_list(json.get()).map_err(|e| shape_error(e, source, path, json.get()))?;
    Ok(Some((PairSource::List { json, name }, count)))
}

/// The decode error for a map or list at `path` whose shape is wrong: the path is extended
/// to the offending value.
fn shape_error(err: ShapeError, source: Source, path: &str, json: &str) -> DecodeError {
    let mut full = path.to_owned();
    if let Some(key) = err.key.and_then(|(start, end)| json.get(start..end)) {
        full.push('.');
        full.push_str(&serde_json::from_str::<String>(key).unwrap_or_else(|_| key.to_owned()));
    }
    if let Some(index) = err.index {
        full.push_str(&format!("[{index}]"));
    }
    DecodeError::field(
        source,
        &full,
        format!("invalid type: {}, expected {}", err.found, err.expected),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_json_path() {
        let json = r#"{"ok":"1","we\"ird":[ "x", 7 ]}"#;
        let err = shape_error(
            check_map(json).unwrap_err(),
            Source::Alb,
            "$.multiValueHeaders",
            json,
        );
        assert_eq!(err.json_path(), Some("$.multiValueHeaders.we\"ird[1]"));
        assert_eq!(err.message(), "invalid type: a number, expected a string");
    }
}
