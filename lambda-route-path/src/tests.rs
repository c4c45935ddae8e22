//! The grammar, tested once for both of its readers (the route macros and the router).

use super::*;
use ErrorKind::*;
use SegmentKind::{Param, Rest, Static};

/// `(kind, range)` pairs, the shape the tables below compare.
type Located<T> = Vec<(T, Range<usize>)>;

fn segments(template: &str) -> Located<SegmentKind<'_>> {
    parse(template)
        .segments
        .into_iter()
        .map(|s| (s.kind, s.range))
        .collect()
}

fn errors(template: &str) -> Located<ErrorKind<'_>> {
    parse(template)
        .errors
        .into_iter()
        .map(|e| (e.kind, e.range))
        .collect()
}

#[test]
fn valid_templates_and_their_segments() {
    let cases: [(&str, Located<SegmentKind<'_>>); 11] = [
        ("/", vec![]),
        ("/todos", vec![(Static("todos"), 1..6)]),
        (
            "/todos/<id>",
            vec![(Static("todos"), 1..6), (Param("id"), 7..11)],
        ),
        (
            "/files/<path..>",
            vec![(Static("files"), 1..6), (Rest("path"), 7..15)],
        ),
        (
            "/<a>/x/<b>",
            vec![(Param("a"), 1..4), (Static("x"), 5..6), (Param("b"), 7..10)],
        ),
        (
            "/a/<b>/c/<rest..>",
            vec![
                (Static("a"), 1..2),
                (Param("b"), 3..6),
                (Static("c"), 7..8),
                (Rest("rest"), 9..17),
            ],
        ),
        ("/<_x1>", vec![(Param("_x1"), 1..6)]),
        // A keyword is a name: the function argument is then `r#type`.
        ("/<type>", vec![(Param("type"), 1..7)]),
        ("/<all..>", vec![(Rest("all"), 1..8)]),
        ("/ü/x", vec![(Static("ü"), 1..3), (Static("x"), 4..5)]),
        (
            "/a.b/~c/%20",
            vec![
                (Static("a.b"), 1..4),
                (Static("~c"), 5..7),
                (Static("%20"), 8..11),
            ],
        ),
    ];
    for (template, expected) in cases {
        assert_eq!(errors(template), [], "{template}");
        assert_eq!(segments(template), expected, "{template}");
    }
}

#[test]
fn each_mistake_its_kind_and_range() {
    let cases: [(&str, Located<ErrorKind<'_>>); 26] = [
        ("todos", vec![(NoLeadingSlash { path: "todos" }, 0..1)]),
        ("", vec![(NoLeadingSlash { path: "" }, 0..0)]),
        // The range ends on a `char` boundary.
        ("ü", vec![(NoLeadingSlash { path: "ü" }, 0..2)]),
        ("/a//b", vec![(EmptySegment, 3..3)]),
        ("/a/", vec![(TrailingSlash, 2..3)]),
        ("//", vec![(TrailingSlash, 1..2)]),
        ("/<id", vec![(UnbalancedOpen { segment: "<id" }, 1..4)]),
        ("/id>", vec![(UnbalancedClose { segment: "id>" }, 1..4)]),
        ("/<<a>", vec![(UnbalancedOpen { segment: "<<a>" }, 1..5)]),
        ("/x<id>", vec![(NotWholeSegment { segment: "x<id>" }, 1..6)]),
        ("/<id>x", vec![(NotWholeSegment { segment: "<id>x" }, 1..6)]),
        (
            "/<a><b>",
            vec![(NotWholeSegment { segment: "<a><b>" }, 1..7)],
        ),
        ("/<>", vec![(EmptyName, 1..3)]),
        ("/<..>", vec![(EmptyName, 1..5)]),
        ("/<1d>", vec![(NotIdentifier { name: "1d" }, 1..5)]),
        ("/<a-b>", vec![(NotIdentifier { name: "a-b" }, 1..6)]),
        ("/<_>", vec![(NotIdentifier { name: "_" }, 1..4)]),
        ("/<é>", vec![(NotIdentifier { name: "é" }, 1..5)]),
        ("/<a...>", vec![(NotIdentifier { name: "a." }, 1..7)]),
        (
            "/<a>/<a>",
            vec![(
                DuplicateParam {
                    name: "a",
                    first_use: 1..4,
                },
                5..8,
            )],
        ),
        (
            "/<a>/<a..>",
            vec![(
                DuplicateParam {
                    name: "a",
                    first_use: 1..4,
                },
                5..10,
            )],
        ),
        ("/<r..>/x", vec![(RestNotLast { name: "r" }, 1..6)]),
        ("/a?b=1", vec![(QueryString, 2..6)]),
        // Both at byte 0: in the order they are found.
        (
            "?",
            vec![(QueryString, 0..1), (NoLeadingSlash { path: "" }, 0..0)],
        ),
        ("/a/b/?q", vec![(TrailingSlash, 4..5), (QueryString, 5..7)]),
        // `<r..>` both repeats `r` and is not last: two errors on one segment.
        (
            "/<r>/<r..>/x",
            vec![
                (RestNotLast { name: "r" }, 5..10),
                (
                    DuplicateParam {
                        name: "r",
                        first_use: 1..4,
                    },
                    5..10,
                ),
            ],
        ),
    ];
    for (template, expected) in cases {
        assert_eq!(errors(template), expected, "{template}");
    }
}

#[test]
fn every_mistake_in_one_template_in_order() {
    let parsed = parse("todos//<id>/<id>/?q=1");
    let found: Vec<_> = parsed
        .errors
        .iter()
        .map(|e| (e.kind.clone(), e.range.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                NoLeadingSlash {
                    path: "todos//<id>/<id>/"
                },
                0..1
            ),
            (EmptySegment, 6..6),
            (
                DuplicateParam {
                    name: "id",
                    first_use: 7..11
                },
                12..16
            ),
            (TrailingSlash, 16..17),
            (QueryString, 17..21),
        ]
    );
    // The well-formed segments are still there, for the macros' argument checks.
    let kinds: Vec<_> = parsed.segments.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [Static("todos"), Param("id"), Param("id")]);
}

/// The route macros print these as compile errors (tests/ui/fail/*.stderr), the router
/// in start-up errors.
#[test]
fn messages() {
    let cases = [
        ("todos", "route path must start with `/`: write \"/todos\""),
        ("todos?x", "route path must start with `/`: write \"/todos\""),
        ("/a//b", "route path cannot contain an empty segment (`//`)"),
        ("/a/", "route path cannot end with `/`; requests with a trailing slash match the route without it"),
        ("/<id", "unbalanced `<` in segment `<id`: a parameter is written `<name>`"),
        ("/id>", "unbalanced `>` in segment `id>`: a parameter is written `<name>`"),
        ("/x<id>", "a parameter must fill its whole segment: `x<id>` should be `<name>`"),
        ("/<>", "parameter name cannot be empty: write `<name>`"),
        ("/<1d>", "parameter name `1d` is not a Rust identifier; it must name a function argument"),
        ("/<a>/<a>", "duplicate parameter `a`: each `<name>` may appear once in the path"),
        ("/<r..>/x", "`<r..>` matches the rest of the path, so it must be the last segment"),
        ("/a?x=1", "route path cannot contain a query string; take query parameters as arguments instead"),
    ];
    for (template, expected) in cases {
        let parsed = parse(template);
        let first = parsed.errors.first().map(ToString::to_string);
        assert_eq!(first.as_deref(), Some(expected), "{template}");
    }
}

/// An oracle written without the parser's structure: is `template` valid?
fn valid_by_definition(template: &str) -> bool {
    if template == "/" {
        return true;
    }
    let Some(body) = template.strip_prefix('/') else {
        return false;
    };
    let parts: Vec<&str> = body.split('/').collect();
    let mut names = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let is_last = i + 1 == parts.len();
        if part.is_empty() || part.contains('?') {
            return false;
        }
        if !part.contains(['<', '>']) {
            continue;
        }
        let name = match part.strip_prefix('<').and_then(|p| p.strip_suffix("..>")) {
            Some(name) if is_last => name,
            _ => match part.strip_prefix('<').and_then(|p| p.strip_suffix('>')) {
                Some(name) => name,
                None => return false,
            },
        };
        let ident = name != "_"
            && name.starts_with(|c: char| c == '_' || c.is_ascii_alphabetic())
            && name.chars().all(|c| c == '_' || c.is_ascii_alphanumeric());
        if !ident || names.contains(&name) {
            return false;
        }
        names.push(name);
    }
    true
}

/// Every template up to 6 characters over an alphabet of the grammar's characters (and a
/// two-byte one): no panic, ranges on `char` boundaries, errors in order and exactly when
/// the oracle says invalid, and a valid template's segments spell it back out.
#[test]
fn exhaustive_short_templates() {
    const ALPHABET: [char; 7] = ['/', '<', '>', '.', 'a', '?', 'é'];
    let mut templates = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..6 {
        last = last
            .iter()
            .flat_map(|t| ALPHABET.iter().map(move |c| format!("{t}{c}")))
            .collect();
        templates.extend(last.iter().cloned());
    }
    assert_eq!(
        templates.len(),
        (0..=6).map(|n| 7usize.pow(n)).sum::<usize>()
    );
    // How many valid templates had a static, a param, a rest segment: the alphabet must
    // reach every kind, or this test checks only errors.
    let mut kinds_seen = [0; 3];
    for template in &templates {
        let parsed = parse(template);
        let ranges = parsed
            .segments
            .iter()
            .map(|s| &s.range)
            .chain(parsed.errors.iter().map(|e| &e.range));
        for range in ranges {
            assert!(
                template.get(range.clone()).is_some(),
                "{template:?} {range:?}"
            );
        }
        assert!(
            parsed.errors.is_sorted_by_key(|e| e.range.start),
            "{template:?}"
        );
        assert_eq!(
            parsed.errors.is_empty(),
            valid_by_definition(template),
            "{template:?}: {:?}",
            parsed.errors
        );
        if !parsed.errors.is_empty() {
            continue;
        }
        let mut spelled = Vec::new();
        for segment in &parsed.segments {
            let (kind, text) = match segment.kind {
                Static(text) => (0, text.to_owned()),
                Param(name) => (1, format!("<{name}>")),
                Rest(name) => (2, format!("<{name}..>")),
            };
            kinds_seen[kind] += 1;
            assert_eq!(template.get(segment.range.clone()), Some(&*text));
            spelled.push(text);
        }
        assert_eq!(format!("/{}", spelled.join("/")), *template);
    }
    assert!(kinds_seen.iter().all(|&n| n > 0), "{kinds_seen:?}");
}
