//! What the router sees of a request's path: prefixes stripped ([`App::strip_prefix`]) and
//! the trailing-slash policy ([`TrailingSlash`]). The stage was already removed by the
//! decoder (event/fields.rs), so a prefix is matched after it.
//!
//! [`App::strip_prefix`]: super::App::strip_prefix

use std::borrow::Cow;
use std::fmt::Write as _;

use http::header::LOCATION;
use http::{HeaderValue, StatusCode};
use lambda_route_path::SegmentKind;

use crate::request::Request;
use crate::response::Response;

/// What a request path with a trailing slash (`/todos/`) routes to. The root path `/` has no
/// trailing slash in this sense, and neither has a prefix's remainder: with
/// `strip_prefix("/api")`, `/api/` is the root.
///
/// # Examples
///
/// ```
/// use lambda_route_core::{App, TrailingSlash};
///
/// let app = App::new().trailing_slash(TrailingSlash::Redirect);
/// assert_eq!(TrailingSlash::default(), TrailingSlash::Ignore);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrailingSlash {
    /// `/todos/` is answered by the `/todos` route, as if the slash were not there (the
    /// default).
    #[default]
    Ignore,
    /// `/todos/` is a different path, which no route answers: 404.
    Strict,
    /// `/todos/` is answered `308 Permanent Redirect` to `/todos` (query kept), when a route
    /// answers `/todos`; otherwise 404. The `Location` is relative (`../todos`), so it stays
    /// right behind any stage, prefix or custom domain mapping the function never sees.
    Redirect,
}

/// One `strip_prefix` pattern: literal segments and `<name>` segments (any one segment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    Literal(String),
    Any,
}

/// An invalid prefix given to [`App::strip_prefix`](super::App::strip_prefix).
pub(crate) fn parse_prefix(prefix: &str) -> Result<Vec<Part>, String> {
    let trimmed = prefix.strip_suffix('/').unwrap_or(prefix);
    if trimmed.is_empty() {
        return Err("a prefix needs at least one segment, like \"/api\"".to_owned());
    }
    let parsed = lambda_route_path::parse(trimmed);
    if let Some(error) = parsed.errors.first() {
        return Err(error.to_string());
    }
    parsed
        .segments
        .iter()
        .map(|segment| match segment.kind {
            SegmentKind::Static(text) => Ok(Part::Literal(text.to_owned())),
            SegmentKind::Param(_) => Ok(Part::Any),
            SegmentKind::Rest(_) => {
                Err("a prefix cannot end with `<name..>`: it would strip the whole path".to_owned())
            }
        })
        .collect()
}

/// The app's path rules.
#[derive(Debug, Clone, Default)]
pub(crate) struct PathRules {
    /// Tried in registration order; the first that matches is stripped.
    prefixes: Vec<Prefix>,
    pub(crate) trailing_slash: TrailingSlash,
}

#[derive(Debug, Clone)]
pub(crate) struct Prefix {
    parts: Vec<Part>,
}

impl PathRules {
    pub(crate) fn add_prefix(&mut self, parts: Vec<Part>) {
        self.prefixes.push(Prefix { parts });
    }

    /// Whether routing needs anything but the decoded path: the one check a request pays
    /// when nothing is configured.
    pub(crate) fn is_plain(&self) -> bool {
        self.prefixes.is_empty() && self.trailing_slash == TrailingSlash::Ignore
    }

    /// Removes the first matching prefix from the request's path, in place: a borrowed path
    /// stays borrowed, an owned one is shortened without a new allocation.
    pub(crate) fn strip(&self, request: &mut Request<'_>) {
        let Some(rest) = self
            .prefixes
            .iter()
            .find_map(|p| p.remainder(&request.path))
        else {
            return;
        };
        let cut = request.path.len() - rest.len();
        if rest.is_empty() || rest == "/" {
            request.path = Cow::Borrowed("/");
            return;
        }
        match &mut request.path {
            Cow::Borrowed(path) => *path = path.get(cut..).unwrap_or("/"),
            Cow::Owned(path) => {
                path.replace_range(..cut, "");
            }
        }
    }
}

impl Prefix {
    /// What follows the prefix (empty or starting with `/`), when `path` starts with it on a
    /// segment boundary.
    fn remainder<'p>(&self, path: &'p str) -> Option<&'p str> {
        let mut rest = path;
        for part in &self.parts {
            let after = rest.strip_prefix('/')?;
            let (segment, tail) = match after.find('/') {
                Some(end) => after.split_at(end),
                None => (after, ""),
            };
            let matched = match part {
                Part::Literal(text) => segment == text,
                Part::Any => !segment.is_empty(),
            };
            if !matched {
                return None;
            }
            rest = tail;
        }
        Some(rest)
    }
}

/// Whether `path` ends with a slash that is not the root.
pub(crate) fn has_trailing_slash(path: &str) -> bool {
    path.len() > 1 && path.ends_with('/')
}

/// `308` to the path without its trailing slash, as a relative reference from the path with
/// it: `/a/b/` → `../b`, which resolves to `…/a/b` whatever the client's URL holds before
/// the routed path (stage, prefix, custom domain base path).
pub(crate) fn redirect_without_slash(request: &Request<'_>) -> Response {
    let trimmed = request.path.strip_suffix('/').unwrap_or(&request.path);
    let last = trimmed.rsplit('/').next().unwrap_or_default();
    let mut location = String::from("../");
    encode_into(&mut location, last);
    let mut first = true;
    for (name, value) in request.query_pairs() {
        location.push(if first { '?' } else { '&' });
        first = false;
        encode_into(&mut location, name);
        location.push('=');
        encode_into(&mut location, value);
    }
    let response = Response::new(StatusCode::PERMANENT_REDIRECT);
    match HeaderValue::from_str(&location) {
        Ok(value) => response.with_header(LOCATION, value),
        // Unreachable: `encode_into` leaves only visible ASCII.
        Err(_) => response,
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode_into(out: &mut String, text: &str) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use super::*;

    fn rest<'p>(prefix: &str, path: &'p str) -> Option<&'p str> {
        Prefix {
            parts: parse_prefix(prefix).unwrap(),
        }
        .remainder(path)
    }

    #[test]
    fn prefixes_match_whole_segments() {
        let cases = [
            ("/api", "/api/todos", Some("/todos")),
            ("/api", "/api", Some("")),
            ("/api", "/api/", Some("/")),
            ("/api/", "/api/todos", Some("/todos")),
            ("/dev", "/devices", None),
            ("/dev", "/dev-x/a", None),
            ("/api", "/todos", None),
            ("/api", "/API/todos", None),
            ("/api/<version>", "/api/v2/todos", Some("/todos")),
            ("/api/<version>", "/api//todos", None),
            ("/api/<version>", "/api", None),
            ("/<stage>/api", "/x/api/a", Some("/a")),
        ];
        for (prefix, path, expected) in cases {
            assert_eq!(rest(prefix, path), expected, "{prefix} {path}");
        }
    }

    #[test]
    fn bad_prefixes_are_refused() {
        for prefix in ["", "/", "api", "/a//b", "/<rest..>", "/a<b>", "/<>"] {
            assert!(parse_prefix(prefix).is_err(), "{prefix}");
        }
    }
}
