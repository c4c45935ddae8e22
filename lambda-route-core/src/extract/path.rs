//! Typed path parameters.

use std::fmt::Display;
use std::str::FromStr;

use super::{Rejection, Rejections};
use crate::codec::percent;
use crate::router::PathParams;

/// A type a `<param>` path segment can be parsed into. Implemented for every `FromStr` type
/// whose error is `Display`, so `u64`, `String`, `uuid::Uuid` or your own types just work.
///
/// The segment is percent-decoded first, unless the source already decoded the whole path
/// ([`Source::path_is_decoded`](crate::event::Source::path_is_decoded), which also says what
/// such a source loses): `/files/a%2Fb` gives `"a/b"` to `<name>` from a REST API, and
/// `/files/100%25` gives `"100%"` from every source.
///
/// # Examples
///
/// ```
/// use std::str::FromStr;
///
/// /// A todo id like `t-42`.
/// struct TodoId(u64);
///
/// impl FromStr for TodoId {
///     type Err = String;
///     fn from_str(s: &str) -> Result<Self, String> {
///         s.strip_prefix("t-")
///             .and_then(|n| n.parse().ok())
///             .map(TodoId)
///             .ok_or_else(|| format!("{s:?} is not a todo id like t-42"))
///     }
/// }
/// // `#[get("/todos/<id>")] async fn get(id: TodoId)` now parses `/todos/t-42`.
///
/// use lambda_route_core::extract::FromPathParam;
/// assert_eq!(TodoId::from_path_param("t-42").map(|id| id.0), Ok(42));
/// // The message is the `msg` of the 422 answer's `["path","id"]` entry.
/// assert_eq!(TodoId::from_path_param("42").err().as_deref(), Some(r#""42" is not a todo id like t-42"#));
/// ```
#[diagnostic::on_unimplemented(
    message = "path parameter type `{Self}` cannot be parsed from a path segment",
    label = "`{Self}` does not implement `FromStr` with a `Display` error",
    note = "a path parameter's type implements `FromStr` (like `u64`, `String`, or your own type)"
)]
pub trait FromPathParam: Sized {
    /// Parses a percent-decoded segment.
    ///
    /// # Errors
    ///
    /// A message for the 422 answer's `msg`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::FromPathParam;
    ///
    /// // Every `FromStr` type with a `Display` error is one.
    /// assert_eq!(u64::from_path_param("42"), Ok(42));
    /// assert_eq!(
    ///     u64::from_path_param("abc").unwrap_err(),
    ///     "invalid digit found in string"
    /// );
    /// ```
    fn from_path_param(segment: &str) -> Result<Self, String>;
}

// `do_not_recommend`: a type that is not `FromStr` is reported as "cannot be parsed from a path
// segment" on the argument, not as a missing `FromStr` followed by rustc's list of every
// `FromStr` type in scope, which changes with each toolchain and dependency.
#[diagnostic::do_not_recommend]
impl<T> FromPathParam for T
where
    T: FromStr,
    T::Err: Display,
{
    fn from_path_param(segment: &str) -> Result<Self, String> {
        T::from_str(segment).map_err(|e| e.to_string())
    }
}

/// Parses parameter `index` (named `name`) as `T`, recording a rejection on failure.
pub(crate) fn path_param<T: FromPathParam>(
    params: &PathParams<'_>,
    index: usize,
    name: &'static str,
    rejections: &mut Rejections,
) -> Option<T> {
    let Some(raw) = params.get(index) else {
        // The router and the macro read the same template; this is unreachable unless a
        // route record was built by hand.
        rejections.push(Rejection::field(
            ["path", name],
            "missing",
            "path parameter missing",
        ));
        return None;
    };
    let decoded = match percent::decode_unless(params.is_decoded(), raw) {
        Ok(decoded) => decoded,
        Err(err) => {
            rejections.push(Rejection::field(
                ["path", name],
                "percent_encoding",
                err.to_string(),
            ));
            return None;
        }
    };
    match T::from_path_param(&decoded) {
        Ok(value) => Some(value),
        Err(msg) => {
            let ty = short_type_name::<T>();
            rejections.push(Rejection::field(
                ["path", name],
                "parse_error",
                format!("invalid {ty}: {msg}"),
            ));
            None
        }
    }
}

/// `u64`, `TodoId`, `Option<u8>`: the type's own name without its module path.
pub(super) fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    match base.rfind("::") {
        Some(i) => full.get(i + 2..).unwrap_or(full),
        None => full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::StatusCode;

    fn params(values: &[&'static str]) -> PathParams<'static> {
        let mut p = PathParams::new();
        for v in values {
            assert!(p.push(v));
        }
        p
    }

    #[test]
    fn parses_and_decodes() {
        let mut rej = Rejections::default();
        let p = params(&["42", "a%2Fb"]);
        assert_eq!(path_param::<u64>(&p, 0, "id", &mut rej), Some(42));
        assert_eq!(
            path_param::<String>(&p, 1, "name", &mut rej).as_deref(),
            Some("a/b")
        );
    }

    #[test]
    fn failures_are_422_with_location() {
        let cases: [(&'static str, &str); 2] =
            [("abc", "parse_error"), ("%zz", "percent_encoding")];
        for (raw, kind) in cases {
            let mut rej = Rejections::default();
            assert_eq!(path_param::<u64>(&params(&[raw]), 0, "id", &mut rej), None);
            let response = rej.into_response();
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{raw}");
            let error = response.error().expect("an error answer");
            let field = error.fields().first().expect("one field error");
            assert_eq!(field.kind(), kind, "{raw}");
            assert_eq!(field.loc(), ["path", "id"], "{raw}");
        }
    }

    #[test]
    fn short_names() {
        assert_eq!(short_type_name::<u64>(), "u64");
        assert_eq!(short_type_name::<String>(), "String");
        assert_eq!(short_type_name::<Vec<u8>>(), "Vec<u8>");
    }
}
