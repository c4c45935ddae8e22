//! `#[query]`, `#[header]` and `#[cookie]` route arguments: one named value of the request,
//! parsed with `FromStr`.
//!
//! The route macro reads the attribute and the argument's type, and generates one call per
//! argument to [`required`], [`optional`] or [`list`] (through `__private`). Single values are
//! looked up with [`Request::query`], [`Request::header`] and [`Request::cookie`], which answer
//! the first lookups from the event's raw JSON, so a route that reads one header does not
//! split all of them.

use std::fmt::Display;
use std::str::FromStr;

use super::path::short_type_name;
use super::{LocSegment, Rejection, Rejections};
use crate::describe::ParamLocation;
use crate::request::Request;

/// A type a `#[query]`, `#[header]` or `#[cookie]` argument (or the element of its `Option`
/// or `Vec`) can be parsed into: every `FromStr` type whose error is `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be parsed from a query, header or cookie value",
    label = "`{Self}` does not implement `FromStr` with a `Display` error",
    note = "a #[query], #[header] or #[cookie] argument's type implements `FromStr` (like `u32` or `String`), \
            or is `Option<T>` or `Vec<T>` of such a type, written with those names"
)]
#[doc(hidden)]
pub trait FromParam: Sized {
    /// Parses one value.
    ///
    /// # Errors
    ///
    /// A message for the 422 answer's `msg`.
    fn from_param(value: &str) -> Result<Self, String>;
}

// As for `FromPathParam`: report the argument's type, not rustc's list of `FromStr` types.
#[diagnostic::do_not_recommend]
impl<T> FromParam for T
where
    T: FromStr,
    T::Err: Display,
{
    fn from_param(value: &str) -> Result<Self, String> {
        T::from_str(value).map_err(|e| e.to_string())
    }
}

/// A required value: absent is a `missing` rejection.
#[inline]
pub(crate) fn required<T: FromParam>(
    request: &Request<'_>,
    location: ParamLocation,
    name: &'static str,
    rejections: &mut Rejections,
) -> Option<T> {
    match first(request, location, name) {
        Some(value) => parse(value, location, name, None, rejections),
        None => {
            rejections.push(Rejection::field(
                [location.as_str(), name],
                "missing",
                "field required",
            ));
            None
        }
    }
}

/// An optional value: absent is `None`, present and unparsable is a rejection.
#[inline]
pub(crate) fn optional<T: FromParam>(
    request: &Request<'_>,
    location: ParamLocation,
    name: &'static str,
    rejections: &mut Rejections,
) -> Option<Option<T>> {
    match first(request, location, name) {
        Some(value) => parse(value, location, name, None, rejections).map(Some),
        None => Some(None),
    }
}

/// Every value, in arrival order; none is an empty list. Each value that does not parse is
/// its own rejection, located by its position.
pub(crate) fn list<T: FromParam>(
    request: &Request<'_>,
    location: ParamLocation,
    name: &'static str,
    rejections: &mut Rejections,
) -> Option<Vec<T>> {
    match location {
        ParamLocation::Query => parse_all(request.query_all(name), location, name, rejections),
        ParamLocation::Header => {
            let split = request.source().joins_repeated_headers();
            let values = request
                .header_all(name)
                .flat_map(move |value| split_joined(value, split));
            parse_all(values, location, name, rejections)
        }
        ParamLocation::Cookie => {
            let values = request
                .cookies()
                .filter(|(n, _)| *n == name)
                .map(|(_, v)| v);
            parse_all(values, location, name, rejections)
        }
        // Path parameters are parsed by position, never through here.
        ParamLocation::Path => Some(Vec::new()),
    }
}

/// The first value of `name` at `location`.
fn first<'r>(request: &'r Request<'_>, location: ParamLocation, name: &str) -> Option<&'r str> {
    match location {
        ParamLocation::Query => request.query(name),
        ParamLocation::Header => request.header(name),
        ParamLocation::Cookie => request.cookie(name),
        ParamLocation::Path => None,
    }
}

/// The elements of a header value the source joined with commas (when `split`), with the
/// whitespace around each removed and empty ones skipped (RFC 9110 §5.6.1); the value as it
/// is otherwise.
fn split_joined(value: &str, split: bool) -> impl Iterator<Item = &str> {
    value
        .split(move |c| split && c == ',')
        .map(move |part| {
            if split {
                part.trim_matches([' ', '\t'])
            } else {
                part
            }
        })
        .filter(move |part| !(split && part.is_empty()))
}

fn parse_all<'v, T: FromParam>(
    values: impl Iterator<Item = &'v str>,
    location: ParamLocation,
    name: &'static str,
    rejections: &mut Rejections,
) -> Option<Vec<T>> {
    let mut parsed = Vec::new();
    let mut failed = false;
    for (index, value) in values.enumerate() {
        match parse(value, location, name, Some(index), rejections) {
            Some(value) if !failed => parsed.push(value),
            Some(_) => {}
            None => failed = true,
        }
    }
    (!failed).then_some(parsed)
}

fn parse<T: FromParam>(
    value: &str,
    location: ParamLocation,
    name: &'static str,
    index: Option<usize>,
    rejections: &mut Rejections,
) -> Option<T> {
    match T::from_param(value) {
        Ok(value) => Some(value),
        Err(msg) => {
            let mut loc: Vec<LocSegment> = vec![location.as_str().into(), name.into()];
            loc.extend(index.map(LocSegment::Index));
            rejections.push(Rejection::field(
                loc,
                "parse_error",
                format!("invalid {}: {msg}", short_type_name::<T>()),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(event: &str) -> Request<'_> {
        Request::from_event(event.as_bytes()).unwrap()
    }

    fn answer(rejections: Rejections) -> String {
        rejections
            .into_response()
            .error()
            .map(|e| e.to_json())
            .unwrap_or_default()
    }

    const V2: &str = r#"{"version":"2.0","rawPath":"/","rawQueryString":"n=1&n=x&n=3&s=a+b%21",
        "headers":{"x-tag":"a, b,,c","x-num":"7"},"cookies":["id=5; id=z"],
        "requestContext":{"http":{"method":"GET"}}}"#;

    #[test]
    fn single_values() {
        let request = request(V2);
        let mut rej = Rejections::default();
        let q = ParamLocation::Query;
        assert_eq!(
            required::<String>(&request, q, "s", &mut rej).as_deref(),
            Some("a b!")
        );
        assert_eq!(
            optional::<u8>(&request, ParamLocation::Header, "X-NUM", &mut rej),
            Some(Some(7))
        );
        assert_eq!(
            optional::<u8>(&request, ParamLocation::Cookie, "absent", &mut rej),
            Some(None)
        );
        assert_eq!(
            required::<u8>(&request, ParamLocation::Cookie, "id", &mut rej),
            Some(5)
        );
        assert_eq!(answer(rej), r#"{"statusCode":400,"message":"Bad request"}"#);
    }

    #[test]
    fn lists_split_joined_headers_and_report_each_bad_value() {
        let request = request(V2);
        let mut rej = Rejections::default();
        assert_eq!(
            list::<String>(&request, ParamLocation::Header, "x-tag", &mut rej),
            Some(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()])
        );
        assert_eq!(
            list::<u8>(&request, ParamLocation::Header, "x-none", &mut rej),
            Some(vec![])
        );
        assert_eq!(
            list::<u8>(&request, ParamLocation::Query, "n", &mut rej),
            None
        );
        assert_eq!(
            list::<u8>(&request, ParamLocation::Cookie, "id", &mut rej),
            None
        );
        assert_eq!(
            required::<u8>(&request, ParamLocation::Query, "missing", &mut rej),
            None
        );
        assert_eq!(
            answer(rej),
            r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","n",1],"type":"parse_error","msg":"invalid u8: invalid digit found in string"},{"loc":["cookie","id",1],"type":"parse_error","msg":"invalid u8: invalid digit found in string"},{"loc":["query","missing"],"type":"missing","msg":"field required"}]}"#
        );
    }

    #[test]
    fn joined_values_split_only_where_the_source_joins() {
        let cases = [
            ("a,b", true, &["a", "b"][..]),
            (" a , b ", true, &["a", "b"]),
            ("a,,b,", true, &["a", "b"]),
            ("", true, &[]),
            ("a, b", false, &["a, b"]),
            ("", false, &[""]),
        ];
        for (value, split, expected) in cases {
            let got: Vec<&str> = split_joined(value, split).collect();
            assert_eq!(got, expected, "{value:?} {split}");
        }
    }
}
