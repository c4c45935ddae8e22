//! The grammar of lambda-route path templates: `/todos/<id>/files/<path..>`.
//!
//! One parser for both readers of a template: the route macros, which turn each mistake
//! into a compile error pointing at the characters it is about, and the router, which
//! re-reads the same string at cold start (a route record can also be built by hand) and
//! must never panic. Every segment and every error carries its byte range in the
//! template, and parameter `i` here is parameter `i` for both, so the two cannot drift
//! apart.
//!
//! A template is `/` followed by `/`-separated segments, no trailing `/`, no `?`:
//!
//! - `todos`: static, matches exactly this text;
//! - `<id>`: a parameter, matches one non-empty segment; the name is a Rust identifier;
//! - `<path..>`: the rest of the path, zero or more segments; last segment only.
//!
//! A parameter name appears once per template. `/` alone has no segments.
//!
//! # Examples
//!
//! ```
//! use lambda_route_path::{parse, SegmentKind};
//!
//! let parsed = parse("/todos/<id>");
//! assert!(parsed.errors.is_empty());
//! let kinds: Vec<_> = parsed.segments.iter().map(|s| s.kind).collect();
//! assert_eq!(kinds, [SegmentKind::Static("todos"), SegmentKind::Param("id")]);
//!
//! let parsed = parse("todos/<1d>");
//! let messages: Vec<_> = parsed.errors.iter().map(|e| e.to_string()).collect();
//! assert_eq!(
//!     messages,
//!     [
//!         "route path must start with `/`: write \"/todos/<1d>\"",
//!         "parameter name `1d` is not a Rust identifier; it must name a function argument",
//!     ]
//! );
//! ```

use std::fmt;
use std::ops::Range;

/// A parsed template: its well-formed segments and every mistake.
///
/// Both are kept, so the route macros can report every mistake of a template in one
/// compile and still check the function's arguments against the parameters they did
/// read.
///
/// # Examples
///
/// ```
/// let parsed = lambda_route_path::parse("/a//<b>");
/// assert_eq!(parsed.segments.len(), 2); // `a` and `<b>`
/// assert_eq!(parsed.errors.len(), 1); // the empty segment
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<'t> {
    /// The well-formed segments, in template order; a malformed one is left out.
    pub segments: Vec<Segment<'t>>,
    /// Every mistake, sorted by where it starts; empty when the template is valid.
    pub errors: Vec<TemplateError<'t>>,
}

/// One segment of a template and where it is.
///
/// # Examples
///
/// ```
/// use lambda_route_path::{parse, SegmentKind};
///
/// let template = "/todos/<id>";
/// let parsed = parse(template);
/// let id = &parsed.segments[1];
/// assert_eq!(id.kind, SegmentKind::Param("id"));
/// assert_eq!(&template[id.range.clone()], "<id>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'t> {
    /// What the segment matches.
    pub kind: SegmentKind<'t>,
    /// Its bytes in the template, brackets included (`<id>`), slash excluded.
    pub range: Range<usize>,
}

impl<'t> Segment<'t> {
    /// The parameter's name, for a `<name>` or a `<name..>`.
    ///
    /// # Examples
    ///
    /// ```
    /// let parsed = lambda_route_path::parse("/files/<path..>");
    /// let names: Vec<_> = parsed.segments.iter().map(|s| s.param_name()).collect();
    /// assert_eq!(names, [None, Some("path")]);
    /// ```
    pub fn param_name(&self) -> Option<&'t str> {
        match self.kind {
            SegmentKind::Static(_) => None,
            SegmentKind::Param(name) | SegmentKind::Rest(name) => Some(name),
        }
    }
}

/// What a segment matches.
///
/// # Examples
///
/// ```
/// use lambda_route_path::{parse, SegmentKind};
///
/// let kinds: Vec<_> = parse("/files/<id>/<path..>")
///     .segments
///     .into_iter()
///     .map(|s| s.kind)
///     .collect();
/// assert_eq!(
///     kinds,
///     [
///         SegmentKind::Static("files"),
///         SegmentKind::Param("id"),
///         SegmentKind::Rest("path"),
///     ]
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind<'t> {
    /// Exactly this text.
    Static(&'t str),
    /// `<name>`: one non-empty segment; holds the name.
    Param(&'t str),
    /// `<name..>`: the rest of the path, zero or more segments; holds the name.
    Rest(&'t str),
}

/// A mistake in a template and the bytes it is about.
///
/// Its [`Display`](fmt::Display) is the message the route macros show as a compile error.
///
/// # Examples
///
/// ```
/// use lambda_route_path::{parse, ErrorKind};
///
/// let template = "/lists/<id>/todos/<id>";
/// let error = &parse(template).errors[0];
/// assert_eq!(
///     error.kind,
///     ErrorKind::DuplicateParam { name: "id", first_use: 7..11 }
/// );
/// assert_eq!(&template[error.range.clone()], "<id>");
/// assert_eq!(
///     error.to_string(),
///     "duplicate parameter `id`: each `<name>` may appear once in the path"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError<'t> {
    /// Which mistake.
    pub kind: ErrorKind<'t>,
    /// The bytes it is about; always on `char` boundaries, so `&template[range]` is safe.
    pub range: Range<usize>,
}

/// Which mistake a [`TemplateError`] is; the text it names is borrowed from the template.
///
/// # Examples
///
/// ```
/// use lambda_route_path::{parse, ErrorKind};
///
/// let kinds: Vec<_> = parse("/a/<b-c>/").errors.into_iter().map(|e| e.kind).collect();
/// assert_eq!(
///     kinds,
///     [ErrorKind::NotIdentifier { name: "b-c" }, ErrorKind::TrailingSlash]
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind<'t> {
    /// A `?`: the range runs from it to the end.
    QueryString,
    /// The template does not start with `/`; `path` is the template up to any `?`.
    NoLeadingSlash {
        /// The template without its query string.
        path: &'t str,
    },
    /// The path ends with `/` (and is not `/` alone).
    TrailingSlash,
    /// Two `/` in a row.
    EmptySegment,
    /// More `<` than `>` in a segment.
    UnbalancedOpen {
        /// The whole segment.
        segment: &'t str,
    },
    /// More `>` than `<` in a segment.
    UnbalancedClose {
        /// The whole segment.
        segment: &'t str,
    },
    /// Balanced brackets that are not exactly one `<..>` filling the segment (`x<id>`).
    NotWholeSegment {
        /// The whole segment.
        segment: &'t str,
    },
    /// `<>` or `<..>`.
    EmptyName,
    /// A parameter name that is not a Rust identifier (`_` alone is not one either).
    NotIdentifier {
        /// The name between the brackets, without `..`.
        name: &'t str,
    },
    /// A `<name..>` followed by another segment.
    RestNotLast {
        /// The parameter's name.
        name: &'t str,
    },
    /// A parameter name used a second time; the error's range is the repeat.
    DuplicateParam {
        /// The parameter's name.
        name: &'t str,
        /// Where the name was first used.
        first_use: Range<usize>,
    },
}

impl fmt::Display for TemplateError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::QueryString => f.write_str(
                "route path cannot contain a query string; take query parameters as arguments instead",
            ),
            ErrorKind::NoLeadingSlash { path } => {
                write!(f, "route path must start with `/`: write \"/{path}\"")
            }
            ErrorKind::TrailingSlash => f.write_str(
                "route path cannot end with `/`; requests with a trailing slash match the route without it",
            ),
            ErrorKind::EmptySegment => {
                f.write_str("route path cannot contain an empty segment (`//`)")
            }
            ErrorKind::UnbalancedOpen { segment } => write!(
                f,
                "unbalanced `<` in segment `{segment}`: a parameter is written `<name>`"
            ),
            ErrorKind::UnbalancedClose { segment } => write!(
                f,
                "unbalanced `>` in segment `{segment}`: a parameter is written `<name>`"
            ),
            ErrorKind::NotWholeSegment { segment } => write!(
                f,
                "a parameter must fill its whole segment: `{segment}` should be `<name>`"
            ),
            ErrorKind::EmptyName => f.write_str("parameter name cannot be empty: write `<name>`"),
            ErrorKind::NotIdentifier { name } => write!(
                f,
                "parameter name `{name}` is not a Rust identifier; it must name a function argument"
            ),
            ErrorKind::RestNotLast { name } => write!(
                f,
                "`<{name}..>` matches the rest of the path, so it must be the last segment"
            ),
            ErrorKind::DuplicateParam { name, .. } => write!(
                f,
                "duplicate parameter `{name}`: each `<name>` may appear once in the path"
            ),
        }
    }
}

impl std::error::Error for TemplateError<'_> {}

/// Parses a template, collecting every mistake rather than stopping at the first, so one
/// compile reports them all. The template is valid when [`Parsed::errors`] is empty.
///
/// Never panics, whatever the input.
///
/// # Examples
///
/// ```
/// use lambda_route_path::{parse, ErrorKind};
///
/// assert!(parse("/todos/<id>/files/<path..>").errors.is_empty());
/// assert!(parse("/").segments.is_empty());
///
/// let kinds: Vec<_> = parse("/a//b?x=1").errors.into_iter().map(|e| e.kind).collect();
/// assert_eq!(kinds, [ErrorKind::EmptySegment, ErrorKind::QueryString]);
/// ```
pub fn parse(template: &str) -> Parsed<'_> {
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let error = |kind, range| TemplateError { kind, range };
    // The query string is reported, then ignored, so the path's own mistakes still are.
    let path = match template.split_once('?') {
        Some((path, _)) => {
            errors.push(error(ErrorKind::QueryString, path.len()..template.len()));
            path
        }
        None => template,
    };
    // Without the leading `/` the segments start at byte 0; they are parsed anyway so the
    // other mistakes are reported in the same compile.
    let (start, body) = match path.strip_prefix('/') {
        Some(body) => (1, body),
        None => {
            let first_char = path.chars().next().map_or(0, char::len_utf8);
            errors.push(error(ErrorKind::NoLeadingSlash { path }, 0..first_char));
            (0, path)
        }
    };
    let body = match body.strip_suffix('/') {
        Some(trimmed) => {
            let end = start + body.len();
            errors.push(error(ErrorKind::TrailingSlash, end - 1..end));
            trimmed
        }
        None => body,
    };
    if !body.is_empty() {
        let mut offset = start;
        for part in body.split('/') {
            let range = offset..offset + part.len();
            offset = range.end + 1;
            match parse_segment(part) {
                Ok(kind) => segments.push(Segment { kind, range }),
                Err(kind) => errors.push(error(kind, range)),
            }
        }
    }
    // `<rest..>` must be last.
    for segment in segments.iter().rev().skip(1) {
        if let SegmentKind::Rest(name) = segment.kind {
            errors.push(error(
                ErrorKind::RestNotLast { name },
                segment.range.clone(),
            ));
        }
    }
    // Duplicate names: one error at each repeat, knowing where the name was first used.
    for (i, segment) in segments.iter().enumerate() {
        let Some(name) = segment.param_name() else {
            continue;
        };
        if let Some(first) = segments
            .iter()
            .take(i)
            .find(|s| s.param_name() == Some(name))
        {
            let first_use = first.range.clone();
            errors.push(error(
                ErrorKind::DuplicateParam { name, first_use },
                segment.range.clone(),
            ));
        }
    }
    // Stable: errors starting at the same byte keep the order above.
    errors.sort_by_key(|e| e.range.start);
    Parsed { segments, errors }
}

fn parse_segment(part: &str) -> Result<SegmentKind<'_>, ErrorKind<'_>> {
    if part.is_empty() {
        return Err(ErrorKind::EmptySegment);
    }
    let opens = part.matches('<').count();
    let closes = part.matches('>').count();
    if opens == 0 && closes == 0 {
        return Ok(SegmentKind::Static(part));
    }
    let inner = part
        .strip_prefix('<')
        .and_then(|p| p.strip_suffix('>'))
        .filter(|_| opens == 1 && closes == 1);
    let Some(inner) = inner else {
        return Err(if opens > closes {
            ErrorKind::UnbalancedOpen { segment: part }
        } else if closes > opens {
            ErrorKind::UnbalancedClose { segment: part }
        } else {
            ErrorKind::NotWholeSegment { segment: part }
        });
    };
    let (name, rest) = match inner.strip_suffix("..") {
        Some(name) => (name, true),
        None => (inner, false),
    };
    if name.is_empty() {
        return Err(ErrorKind::EmptyName);
    }
    if !is_ident(name) {
        return Err(ErrorKind::NotIdentifier { name });
    }
    Ok(if rest {
        SegmentKind::Rest(name)
    } else {
        SegmentKind::Param(name)
    })
}

/// An ASCII Rust identifier other than `_`: parameter names name function arguments.
fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        && s != "_"
}

#[cfg(test)]
mod tests;
