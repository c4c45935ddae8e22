//! Argument attributes: `#[query]`, `#[header("x-api-key")]`, `#[cookie]` on route arguments.
//!
//! They are inert helpers read by the route attribute, not attributes of their own, so the
//! route attribute removes them from the function it emits ([`strip`]); rustc would reject
//! them otherwise.
//!
//! Which attributes are ours: an argument attribute whose path is one identifier is ours to
//! judge, except rustc's own (`cfg`, `cfg_attr`, lint levels, `doc`), which pass through
//! untouched; so `#[qurey]` gets "unknown argument attribute" with a suggestion instead of
//! rustc's "cannot find attribute". Paths with `::` (`#[rustfmt::skip]`) are tool or other
//! crates' attributes and pass through too. (rustc allows nothing else on a function
//! argument except another macro's helpers, and a macro that reads helpers on a route's
//! arguments would have to run before this one, so be written above it.)

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, FnArg, GenericArgument, ItemFn, LitStr, Meta, PathArguments, Type};

use super::validate::Errors;

/// Argument attributes rustc defines; they stay on the argument.
const RUSTC: &[&str] = &[
    "cfg", "cfg_attr", "allow", "warn", "deny", "forbid", "expect", "doc",
];

/// Where a parameter argument reads its value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamKind {
    Query,
    Header,
    Cookie,
}

impl ParamKind {
    const ALL: [ParamKind; 3] = [ParamKind::Query, ParamKind::Header, ParamKind::Cookie];

    /// The attribute's name, also the first element of a rejection's `loc`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ParamKind::Query => "query",
            ParamKind::Header => "header",
            ParamKind::Cookie => "cookie",
        }
    }

    /// What one of its parameters is called in messages.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            ParamKind::Query => "query parameter",
            ParamKind::Header => "header",
            ParamKind::Cookie => "cookie",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        ParamKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// How many values an argument takes, read from its type's last path segment.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `T`: required.
    One,
    /// `Option<T>`: absent is `None`.
    Optional,
    /// `Vec<T>`: every value, none is empty.
    List,
}

/// One parameter attribute as written.
pub(crate) struct Marker<'a> {
    pub(crate) kind: ParamKind,
    pub(crate) attr: &'a Attribute,
    /// `#[header("x-api-key")]`'s string.
    pub(crate) name: Option<LitStr>,
}

/// The parameter attribute among `attrs`, if any, reporting unknown ones, wrong shapes and a
/// second one.
pub(crate) fn marker<'a>(attrs: &'a [Attribute], errors: &mut Errors) -> Option<Marker<'a>> {
    let mut found: Option<Marker<'a>> = None;
    for attr in attrs {
        let Some(ident) = attr.path().get_ident() else {
            continue;
        };
        let name = ident.to_string();
        if RUSTC.contains(&name.as_str()) {
            continue;
        }
        let Some(kind) = ParamKind::from_name(&name) else {
            errors.push_spanned(attr, unknown_message(&name));
            continue;
        };
        let Some(lit) = read_name(attr, kind, errors) else {
            continue;
        };
        if let Some(first) = &found {
            errors.push_spanned(
                attr,
                format!(
                    "this argument already has #[{}]: an argument reads one value, from one place",
                    first.kind.as_str()
                ),
            );
            continue;
        }
        found = Some(Marker {
            kind,
            attr,
            name: lit,
        });
    }
    found
}

/// `Some(None)` for `#[query]`, `Some(Some(lit))` for `#[query("name")]`; `None` after
/// reporting any other shape.
fn read_name(attr: &Attribute, kind: ParamKind, errors: &mut Errors) -> Option<Option<LitStr>> {
    let k = kind.as_str();
    let shape = || {
        format!(
            "expected #[{k}] (named after the argument) or #[{k}(\"name\")] (the name on the wire)"
        )
    };
    match &attr.meta {
        Meta::Path(_) => Some(None),
        Meta::List(list) => match syn::parse2::<LitStr>(list.tokens.clone()) {
            Ok(lit) if lit.value().is_empty() => {
                errors.push(
                    lit.span(),
                    format!("the {} name cannot be empty", kind.noun()),
                );
                None
            }
            Ok(lit) => Some(Some(lit)),
            Err(_) => {
                errors.push_spanned(attr, shape());
                None
            }
        },
        Meta::NameValue(_) => {
            errors.push_spanned(attr, shape());
            None
        }
    }
}

fn unknown_message(name: &str) -> String {
    let expected = "route arguments take #[query], #[header] or #[cookie], each optionally with the name on the wire: #[header(\"x-api-key\")]";
    if name == "path" {
        return format!(
            "unknown argument attribute `#[path]`: a path parameter needs no attribute, name the argument after its `<param>` ({expected})"
        );
    }
    let close = ParamKind::ALL
        .into_iter()
        .map(ParamKind::as_str)
        .find(|known| edit_distance(name, known) <= 2);
    match close {
        Some(known) => {
            format!(
                "unknown argument attribute `#[{name}]`: did you mean `#[{known}]`? ({expected})"
            )
        }
        None => format!("unknown argument attribute `#[{name}]`: {expected}"),
    }
}

/// Levenshtein distance, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let cost = diagonal + usize::from(ca != *cb);
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = cost.min(above + 1).min(left + 1);
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The name on the wire of a parameter named after its argument: the identifier, with `_`
/// as `-` for a header (`x_api_key` reads `x-api-key`; headers never use `_` in practice,
/// identifiers cannot hold `-`).
pub(crate) fn wire_name(kind: ParamKind, ident: &str) -> String {
    match kind {
        ParamKind::Header => ident.replace('_', "-"),
        ParamKind::Query | ParamKind::Cookie => ident.to_owned(),
    }
}

/// Why `name` cannot name a parameter of `kind`, if it cannot. Header names and cookie names
/// are RFC 9110 tokens (RFC 6265 takes cookie names from the same grammar); a query
/// parameter's name may be anything.
pub(crate) fn name_problem(kind: ParamKind, name: &str) -> Option<String> {
    if name.is_empty() {
        return Some(format!("the {} name cannot be empty", kind.noun()));
    }
    if kind == ParamKind::Query {
        return None;
    }
    let bad = name.chars().find(|c| !is_tchar(*c))?;
    Some(format!(
        "`{name}` is not a valid {} name: found {bad:?}; {} names are tokens of letters, digits and ! # $ % & ' * + - . ^ _ ` | ~",
        kind.noun(),
        kind.noun()
    ))
}

/// RFC 9110 `tchar`.
fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// Whether two wire names are the same parameter: header names ignore case.
pub(crate) fn same_name(kind: ParamKind, a: &str, b: &str) -> bool {
    match kind {
        ParamKind::Header => a.eq_ignore_ascii_case(b),
        ParamKind::Query | ParamKind::Cookie => a == b,
    }
}

/// `Option<T>` and `Vec<T>` by their last path segment (a type alias of either is a plain
/// `T`, which then must be `FromStr`), with the type of one value.
pub(crate) fn shape(ty: &Type) -> (Shape, &Type) {
    let inner = match ty {
        Type::Group(group) => return shape(&group.elem),
        Type::Paren(paren) => return shape(&paren.elem),
        Type::Path(path) if path.qself.is_none() => path.path.segments.last().and_then(|last| {
            let shape = if last.ident == "Option" {
                Shape::Optional
            } else if last.ident == "Vec" {
                Shape::List
            } else {
                return None;
            };
            match &last.arguments {
                PathArguments::AngleBracketed(args) if args.args.len() == 1 => {
                    match args.args.first() {
                        Some(GenericArgument::Type(inner)) => Some((shape, inner)),
                        _ => None,
                    }
                }
                _ => None,
            }
        }),
        _ => None,
    };
    inner.unwrap_or((Shape::One, ty))
}

/// Removes the attributes this module judges from the function's arguments: ours, and the
/// unknown ones already reported, so rustc adds no "cannot find attribute" of its own.
pub(crate) fn strip(item: &mut ItemFn) {
    for input in &mut item.sig.inputs {
        if let FnArg::Typed(typed) = input {
            typed.attrs.retain(|attr| match attr.path().get_ident() {
                Some(ident) => RUSTC.iter().any(|known| ident == known),
                None => true,
            });
        }
    }
}

/// The span that names a parameter: its string, or the argument it is named after.
pub(crate) fn name_span(marker: &Marker<'_>, pat: &syn::Pat) -> Span {
    match &marker.name {
        Some(lit) => lit.span(),
        None => pat.span(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests panic on failure")]
mod tests {
    use super::*;

    #[test]
    fn header_and_cookie_names_are_tokens() {
        let cases = [
            (ParamKind::Header, "x-api-key", true),
            (ParamKind::Header, "X-Api-Key", true),
            (ParamKind::Header, "a!#$%&'*+-.^_`|~9", true),
            (ParamKind::Header, "x api", false),
            (ParamKind::Header, "x:y", false),
            (ParamKind::Header, "café", false),
            (ParamKind::Header, "a\"b", false),
            (ParamKind::Header, "", false),
            (ParamKind::Cookie, "session_id", true),
            (ParamKind::Cookie, "a=b", false),
            (ParamKind::Cookie, "a;b", false),
            (ParamKind::Query, "sort by[]=ü", true),
            (ParamKind::Query, "", false),
        ];
        for (kind, name, ok) in cases {
            assert_eq!(name_problem(kind, name).is_none(), ok, "{name:?}");
        }
        assert_eq!(
            name_problem(ParamKind::Header, "x api").as_deref(),
            Some("`x api` is not a valid header name: found ' '; header names are tokens of letters, digits and ! # $ % & ' * + - . ^ _ ` | ~")
        );
    }

    #[test]
    fn wire_names() {
        assert_eq!(wire_name(ParamKind::Header, "x_api_key"), "x-api-key");
        assert_eq!(wire_name(ParamKind::Query, "sort_by"), "sort_by");
        assert_eq!(wire_name(ParamKind::Cookie, "session_id"), "session_id");
        assert!(same_name(ParamKind::Header, "X-Key", "x-key"));
        assert!(!same_name(ParamKind::Query, "Q", "q"));
    }

    #[test]
    fn shapes() {
        let cases = [
            ("u32", Shape::One, "u32"),
            ("Option<u32>", Shape::Optional, "u32"),
            ("std::option::Option<String>", Shape::Optional, "String"),
            ("Vec<my::Key>", Shape::List, "my :: Key"),
            ("Option<Vec<u8>>", Shape::Optional, "Vec < u8 >"),
            ("MaybeU32", Shape::One, "MaybeU32"),
            ("Vec<u8, A>", Shape::One, "Vec < u8 , A >"),
            ("(Option<u8>)", Shape::Optional, "u8"),
        ];
        for (text, expected, inner) in cases {
            let ty: Type = syn::parse_str(text).unwrap();
            let (got, got_inner) = shape(&ty);
            assert!(got == expected, "{text}");
            assert_eq!(quote::quote!(#got_inner).to_string(), inner, "{text}");
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(edit_distance("qurey", "query"), 2);
        assert_eq!(edit_distance("header", "header"), 0);
        assert_eq!(edit_distance("headers", "header"), 1);
        assert!(unknown_message("qurey").contains("did you mean `#[query]`?"));
        assert!(unknown_message("cookies").contains("did you mean `#[cookie]`?"));
        assert!(!unknown_message("inline").contains("did you mean"));
        assert!(unknown_message("path").contains("needs no attribute"));
    }
}
