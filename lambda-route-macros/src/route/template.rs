//! Parsing a route template at compile time, keeping where each piece is in the literal.

use std::ops::Range;

/// One segment and its byte range inside the template string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    Static,
    Param(String),
    Rest(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located<T> {
    pub(crate) value: T,
    pub(crate) range: Range<usize>,
}

/// A template mistake and the bytes it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TemplateError {
    pub(crate) message: String,
    pub(crate) range: Range<usize>,
    /// For a duplicate parameter: where the name was first used.
    pub(crate) first_use: Option<Range<usize>>,
}

fn error(message: impl Into<String>, range: Range<usize>) -> TemplateError {
    TemplateError {
        message: message.into(),
        range,
        first_use: None,
    }
}

/// Parses the whole template, collecting every mistake (sorted by position), so one compile
/// reports them all.
pub(crate) fn parse(template: &str) -> (Vec<Located<Segment>>, Vec<TemplateError>) {
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let mut end = template.len();
    if let Some(q) = template.find('?') {
        errors.push(error(
            "route path cannot contain a query string; take query parameters as arguments instead",
            q..template.len(),
        ));
        end = q;
    }
    let path = template.get(..end).unwrap_or("");
    // Without the leading `/`, the segments start at byte 0; parse them anyway so the other
    // mistakes are reported in the same compile.
    let start = if path.starts_with('/') {
        1
    } else {
        errors.push(error(
            format!("route path must start with `/`: write \"/{path}\""),
            0..path.len().min(1),
        ));
        0
    };
    if path.len() > start && path.ends_with('/') {
        errors.push(error(
            "route path cannot end with `/`; requests with a trailing slash match the route without it",
            end - 1..end,
        ));
        end -= 1;
    }
    if end > start {
        let mut offset = start;
        for part in template.get(start..end).unwrap_or("").split('/') {
            let range = offset..offset + part.len();
            offset += part.len() + 1;
            match parse_segment(part, range.clone()) {
                Ok(segment) => segments.push(Located {
                    value: segment,
                    range,
                }),
                Err(err) => errors.push(err),
            }
        }
    }
    // `<rest..>` must be last.
    for seg in segments.iter().rev().skip(1) {
        if let Segment::Rest(name) = &seg.value {
            errors.push(error(
                format!(
                    "`<{name}..>` matches the rest of the path, so it must be the last segment"
                ),
                seg.range.clone(),
            ));
        }
    }
    // Duplicate names: one error at each repeat, knowing where the name was first used.
    for (i, seg) in segments.iter().enumerate() {
        let Some(name) = param_name(&seg.value) else {
            continue;
        };
        if let Some(first) = segments
            .iter()
            .take(i)
            .find(|s| param_name(&s.value) == Some(name))
        {
            errors.push(TemplateError {
                message: format!(
                    "duplicate parameter `{name}`: each `<name>` may appear once in the path"
                ),
                range: seg.range.clone(),
                first_use: Some(first.range.clone()),
            });
        }
    }
    errors.sort_by_key(|e| e.range.start);
    (segments, errors)
}

pub(crate) fn param_name(segment: &Segment) -> Option<&str> {
    match segment {
        Segment::Static => None,
        Segment::Param(name) | Segment::Rest(name) => Some(name),
    }
}

fn parse_segment(part: &str, range: Range<usize>) -> Result<Segment, TemplateError> {
    if part.is_empty() {
        return Err(error(
            "route path cannot contain an empty segment (`//`)",
            range,
        ));
    }
    let opens = part.matches('<').count();
    let closes = part.matches('>').count();
    if opens == 0 && closes == 0 {
        return Ok(Segment::Static);
    }
    if opens != closes || !part.starts_with('<') || !part.ends_with('>') || opens > 1 {
        let message = if opens > closes {
            format!("unbalanced `<` in segment `{part}`: a parameter is written `<name>`")
        } else if closes > opens {
            format!("unbalanced `>` in segment `{part}`: a parameter is written `<name>`")
        } else {
            format!("a parameter must fill its whole segment: `{part}` should be `<name>`")
        };
        return Err(error(message, range));
    }
    let inner = part.get(1..part.len() - 1).unwrap_or("");
    let (name, rest) = match inner.strip_suffix("..") {
        Some(name) => (name, true),
        None => (inner, false),
    };
    if name.is_empty() {
        return Err(error(
            "parameter name cannot be empty: write `<name>`",
            range,
        ));
    }
    if !is_ident(name) {
        return Err(error(
            format!("parameter name `{name}` is not a Rust identifier; it must name a function argument"),
            range,
        ));
    }
    Ok(if rest {
        Segment::Rest(name.to_owned())
    } else {
        Segment::Param(name.to_owned())
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

    fn errors(template: &str) -> Vec<String> {
        parse(template).1.into_iter().map(|e| e.message).collect()
    }

    #[test]
    fn valid_templates_have_no_errors() {
        for t in ["/", "/todos", "/todos/<id>", "/a/<b>/c/<rest..>", "/<_x1>"] {
            assert!(errors(t).is_empty(), "{t}: {:?}", errors(t));
        }
    }

    #[test]
    fn each_mistake_is_reported() {
        let cases = [
            ("todos", "must start with `/`"),
            ("/a//b", "empty segment"),
            ("/a/", "cannot end with `/`"),
            ("/<id", "unbalanced `<`"),
            ("/id>", "unbalanced `>`"),
            ("/<>", "cannot be empty"),
            ("/<1d>", "not a Rust identifier"),
            ("/<a-b>", "not a Rust identifier"),
            ("/x<id>", "whole segment"),
            ("/<a>/<a>", "duplicate parameter `a`"),
            ("/<r..>/x", "must be the last segment"),
            ("/a?x=1", "query string"),
            ("", "must start with `/`"),
            ("/a/b/?q", "query string"),
            ("/a/b/?q", "cannot end with `/`"),
        ];
        for (template, expected) in cases {
            let found = errors(template);
            assert!(
                found.iter().any(|m| m.contains(expected)),
                "{template}: {found:?}"
            );
        }
    }

    #[test]
    fn every_mistake_in_one_template_is_reported_in_order() {
        let (_, errs) = parse("todos//<id>/<id>/?q=1");
        let found: Vec<_> = errs
            .iter()
            .map(|e| (e.message.split(':').next().unwrap_or(""), e.range.clone()))
            .collect();
        assert_eq!(
            found,
            [
                ("route path must start with `/`", 0..1),
                ("route path cannot contain an empty segment (`//`)", 6..6),
                ("duplicate parameter `id`", 12..16),
                ("route path cannot end with `/`; requests with a trailing slash match the route without it", 16..17),
                ("route path cannot contain a query string; take query parameters as arguments instead", 17..21),
            ]
        );
        assert_eq!(errs.get(2).and_then(|e| e.first_use.clone()), Some(7..11));
    }

    #[test]
    fn ranges_point_at_the_segment() {
        let (_, errs) = parse("/todos/<1d>");
        assert_eq!(errs.first().map(|e| e.range.clone()), Some(7..11));
        let (segs, _) = parse("/todos/<id>");
        assert_eq!(segs.get(1).map(|s| s.range.clone()), Some(7..11));
    }
}
