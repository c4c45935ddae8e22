//! Route templates at run time: `/todos/<id>/files/<rest..>`.
//!
//! The route macros validate templates at compile time with precise spans; this parser
//! re-reads the same strings at cold start and returns errors instead of trusting them,
//! because a route record can also be built by hand.

use std::fmt;

/// One segment of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment<'t> {
    /// Matches exactly this text.
    Static(&'t str),
    /// `<name>`: matches one non-empty segment.
    Param(&'t str),
    /// `<name..>`: matches the rest of the path, zero or more segments (last only).
    Rest(&'t str),
}

/// Why a template is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TemplateError {
    NoLeadingSlash,
    EmptySegment,
    TrailingSlash,
    BadParam(String),
    DuplicateParam(String),
    RestNotLast,
    QueryString,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::NoLeadingSlash => f.write_str("a route path must start with `/`"),
            TemplateError::EmptySegment => {
                f.write_str("a route path cannot contain an empty segment (`//`)")
            }
            TemplateError::TrailingSlash => f.write_str("a route path cannot end with `/`"),
            TemplateError::BadParam(s) => write!(f, "`{s}` is not a valid parameter segment"),
            TemplateError::DuplicateParam(s) => write!(f, "parameter `{s}` appears twice"),
            TemplateError::RestNotLast => {
                f.write_str("a `<rest..>` parameter must be the last segment")
            }
            TemplateError::QueryString => f.write_str("a route path cannot contain a query string"),
        }
    }
}

/// Parses a template into its segments. `/` alone has none.
pub(crate) fn parse(template: &str) -> Result<Vec<Segment<'_>>, TemplateError> {
    let body = template
        .strip_prefix('/')
        .ok_or(TemplateError::NoLeadingSlash)?;
    if template.contains('?') {
        return Err(TemplateError::QueryString);
    }
    if body.is_empty() {
        return Ok(Vec::new());
    }
    if body.ends_with('/') {
        return Err(TemplateError::TrailingSlash);
    }
    let parts: Vec<&str> = body.split('/').collect();
    let mut segments = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let segment = parse_segment(part)?;
        if matches!(segment, Segment::Rest(_)) && i + 1 != parts.len() {
            return Err(TemplateError::RestNotLast);
        }
        if let Segment::Param(name) | Segment::Rest(name) = segment {
            if segments
                .iter()
                .any(|s| matches!(s, Segment::Param(n) | Segment::Rest(n) if *n == name))
            {
                return Err(TemplateError::DuplicateParam(name.to_owned()));
            }
        }
        segments.push(segment);
    }
    Ok(segments)
}

fn parse_segment(part: &str) -> Result<Segment<'_>, TemplateError> {
    if part.is_empty() {
        return Err(TemplateError::EmptySegment);
    }
    let Some(inner) = part.strip_prefix('<') else {
        if part.contains(['<', '>']) {
            return Err(TemplateError::BadParam(part.to_owned()));
        }
        return Ok(Segment::Static(part));
    };
    let inner = inner
        .strip_suffix('>')
        .ok_or_else(|| TemplateError::BadParam(part.to_owned()))?;
    let (name, rest) = match inner.strip_suffix("..") {
        Some(name) => (name, true),
        None => (inner, false),
    };
    if !is_ident(name) {
        return Err(TemplateError::BadParam(part.to_owned()));
    }
    Ok(if rest {
        Segment::Rest(name)
    } else {
        Segment::Param(name)
    })
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        && s != "_"
}

#[cfg(test)]
mod tests {
    use super::*;
    use Segment::*;

    #[test]
    fn valid() {
        let cases: [(&str, Vec<Segment<'_>>); 5] = [
            ("/", vec![]),
            ("/todos", vec![Static("todos")]),
            ("/todos/<id>", vec![Static("todos"), Param("id")]),
            ("/files/<path..>", vec![Static("files"), Rest("path")]),
            ("/<a>/x/<b>", vec![Param("a"), Static("x"), Param("b")]),
        ];
        for (template, expected) in cases {
            assert_eq!(parse(template), Ok(expected), "{template}");
        }
    }

    #[test]
    fn invalid() {
        let cases = [
            ("todos", TemplateError::NoLeadingSlash),
            ("", TemplateError::NoLeadingSlash),
            ("/a//b", TemplateError::EmptySegment),
            ("/a/", TemplateError::TrailingSlash),
            ("/<id", TemplateError::BadParam("<id".into())),
            ("/id>", TemplateError::BadParam("id>".into())),
            ("/<>", TemplateError::BadParam("<>".into())),
            ("/<1a>", TemplateError::BadParam("<1a>".into())),
            ("/<a>/<a>", TemplateError::DuplicateParam("a".into())),
            ("/<r..>/x", TemplateError::RestNotLast),
            ("/a?b=1", TemplateError::QueryString),
        ];
        for (template, expected) in cases {
            assert_eq!(parse(template), Err(expected), "{template}");
        }
    }
}
