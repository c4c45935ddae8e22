//! Every check a route attribute makes, collecting all errors before giving up.

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
#[cfg(test)]
use syn::parse::Parser;
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, FnArg, ItemFn, Lit, LitStr, Pat, PatType, Type};

use super::args::RawArgs;
use super::attrs::{self, ParamKind, Shape};
use super::doc::{self, DocOptions};
use super::template;

/// A route that passed every check: what expansion needs.
pub(crate) struct Route {
    pub(crate) methods: Vec<String>,
    pub(crate) template: LitStr,
    pub(crate) status: Option<u16>,
    /// `cors = false` (or an explicit `cors = true`).
    pub(crate) cors: Option<bool>,
    /// The bare `compress` flag.
    pub(crate) compress: bool,
    /// The `timeout_ms = N` option.
    pub(crate) timeout_ms: Option<u32>,
    /// The `middleware = [a, b]` option: each entry's path, in order.
    pub(crate) middleware: Vec<syn::Path>,
    pub(crate) args: Vec<Arg>,
    /// The doc comment and the documentation options.
    pub(crate) doc: DocOptions,
}

/// One argument of the route function.
pub(crate) struct Arg {
    pub(crate) ty: Type,
    pub(crate) kind: ArgKind,
}

pub(crate) enum ArgKind {
    /// Filled from path parameter number `index`, named `name`.
    Path { index: usize, name: String },
    /// Filled by `FromRequest`, as the argument named `name` (see [`arg_name`]).
    Extractor { name: String },
    /// `#[query]`, `#[header]` or `#[cookie]`: the value(s) named `name` on the wire, each a
    /// `value` (the argument's type, or its `Option`/`Vec` element).
    Param {
        kind: ParamKind,
        name: String,
        shape: Shape,
        value: Box<Type>,
    },
}

/// Where a method attribute gets its methods.
pub(crate) enum Methods {
    /// `#[get]` etc.
    Fixed(&'static str),
    /// `#[route(.., method = ..)]`.
    FromOption,
}

impl Methods {
    /// A correct use of this attribute, for error messages.
    pub(crate) fn example(&self) -> String {
        match self {
            Methods::Fixed(method) => {
                format!("#[{}(\"/todos/<id>\")]", method.to_ascii_lowercase())
            }
            Methods::FromOption => {
                "#[route(\"/todos/<id>\", method = [\"PUT\", \"PATCH\"])]".to_owned()
            }
        }
    }
}

pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        self.add(syn::Error::new(span, message));
    }

    /// An error spanning all of `tokens`: on stable, a span cannot join several tokens, but
    /// `syn::Error::new_spanned` still underlines from the first to the last.
    pub(crate) fn push_spanned(&mut self, tokens: impl ToTokens, message: impl std::fmt::Display) {
        self.add(syn::Error::new_spanned(tokens, message));
    }

    fn add(&mut self, err: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(err),
            None => self.0 = Some(err),
        }
    }
}

pub(crate) fn validate(
    methods: Methods,
    args: RawArgs,
    item: &ItemFn,
) -> Result<Route, syn::Error> {
    let mut errors = Errors(None);
    let RawArgs { path, options } = args;

    // The template first: errors come out in source order.
    let value = path.value();
    let parsed = lambda_route_path::parse(&value);
    for err in &parsed.errors {
        for (span, message) in template::diagnostics(&path, err) {
            errors.push(span, message);
        }
    }

    // Options.
    let mut status = None;
    let mut cors = None;
    let mut compress = false;
    let mut timeout_ms = None;
    let mut middleware = Vec::new();
    let mut method_option: Option<Vec<String>> = None;
    let mut seen: Vec<String> = Vec::new();
    let known: &[&str] = match methods {
        Methods::Fixed(_) => &["status", "cors", "compress", "timeout_ms", "middleware"],
        Methods::FromOption => &[
            "method",
            "status",
            "cors",
            "compress",
            "timeout_ms",
            "middleware",
        ],
    };
    let known: Vec<&str> = known.iter().chain(&doc::OPTIONS).copied().collect();
    let mut doc = DocOptions::default();
    doc.read_docs(&item.attrs);
    for option in &options {
        let key = option.key.to_string();
        if seen.contains(&key) {
            errors.push(
                option.key.span(),
                format!("option `{key}` is given more than once"),
            );
            continue;
        }
        seen.push(key.clone());
        if doc::OPTIONS.contains(&key.as_str()) {
            doc.read(option, &mut errors);
            continue;
        }
        // Every option but the bare `compress` flag is `key = value`.
        match (key.as_str(), &option.value) {
            ("compress", None) => compress = true,
            ("compress", Some(value)) => errors.push_spanned(
                value,
                "`compress` is a bare flag: write `compress`, not `compress = ...`; to turn \
                 compression off for one response use `Response::compress(false)`",
            ),
            (known_key, None) if known.contains(&known_key) => errors.push(
                option.key.span(),
                format!("option `{key}` needs a value: `{key} = ...`"),
            ),
            ("status", Some(value)) => match parse_status(value) {
                Ok(code) => status = Some(code),
                Err((span, msg)) => errors.push(span, msg),
            },
            ("timeout_ms", Some(value)) => match parse_timeout_ms(value) {
                Ok(ms) => timeout_ms = Some(ms),
                Err((span, msg)) => errors.push(span, msg),
            },
            ("middleware", Some(value)) => middleware = parse_middleware(value, &mut errors),
            ("cors", Some(value)) => match value {
                Expr::Lit(ExprLit {
                    lit: Lit::Bool(flag),
                    ..
                }) => cors = Some(flag.value),
                other => errors.push(
                    other.span(),
                    "`cors` takes `true` or `false`: write `cors = false` to leave this route out of `App::cors`",
                ),
            },
            ("method", Some(value)) if matches!(methods, Methods::FromOption) => {
                match parse_methods(value) {
                    Ok(list) => method_option = Some(list),
                    Err(errs) => {
                        for (span, msg) in errs {
                            errors.push(span, msg);
                        }
                    }
                }
            }
            _ => errors.push(
                option.key.span(),
                format!(
                    "unknown option `{key}`; the options are: {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
    }
    let methods = match methods {
        Methods::Fixed(method) => vec![method.to_owned()],
        Methods::FromOption => match method_option {
            Some(list) => list,
            None => {
                if !seen.iter().any(|k| k == "method") {
                    errors.push(
                        path.span(),
                        "#[route] needs `method = \"PUT\"` or `method = [\"PUT\", \"POST\"]`",
                    );
                }
                Vec::new()
            }
        },
    };

    // The signature.
    let sig = &item.sig;
    if let Some(unsafety) = &sig.unsafety {
        errors.push(
            unsafety.span(),
            "route functions cannot be `unsafe`: the generated handler calls them from safe code",
        );
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        errors.push_spanned(
            &sig.generics,
            "route functions cannot be generic: the route table needs one concrete function",
        );
    }
    // Parameter `index` of the template is slice `index` of the runtime's `PathParams`.
    let params: Vec<&str> = parsed
        .segments
        .iter()
        .filter_map(lambda_route_path::Segment::param_name)
        .collect();
    let mut bound: Vec<&str> = Vec::new();
    let mut declared: Vec<Declared> = Vec::new();
    let mut args = Vec::new();
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) => errors.push_spanned(
                receiver,
                "route functions cannot take `self`: write a free function and reach shared data through an extractor",
            ),
            FnArg::Typed(typed) => {
                if let Type::ImplTrait(_) = &*typed.ty {
                    errors.push_spanned(
                        &typed.ty,
                        "route functions cannot be generic: write the argument's concrete type, not `impl Trait`",
                    );
                }
                let ident = match &*typed.pat {
                    // `r#type` fills `<type>`.
                    Pat::Ident(ident) => Some(ident.ident.unraw().to_string()),
                    _ => None,
                };
                let param = ident.as_deref().and_then(|name| {
                    params.iter().copied().enumerate().find(|(_, param)| name == *param)
                });
                let marker = attrs::marker(&typed.attrs, &mut errors);
                if let (Some(marker), Some((_, name))) = (&marker, param) {
                    // Bound all the same: "has no function argument" would only add noise.
                    bound.push(name);
                    errors.push_spanned(
                        marker.attr,
                        format!(
                            "`{name}` is a path parameter of this route (`<{name}>`): it needs no #[{}]; \
                             to read a {} of the same name, rename the argument and write #[{}(\"{name}\")]",
                            marker.kind.as_str(),
                            marker.kind.noun(),
                            marker.kind.as_str(),
                        ),
                    );
                    continue;
                }
                if let Some(marker) = marker {
                    let ident = ident.as_deref();
                    if let Some(kind) =
                        param_kind(&marker, typed, ident, &mut declared, &mut errors)
                    {
                        args.push(Arg {
                            ty: (*typed.ty).clone(),
                            kind,
                        });
                    }
                    continue;
                }
                let kind = match param {
                    Some((index, name)) => {
                        bound.push(name);
                        ArgKind::Path {
                            index,
                            name: name.to_owned(),
                        }
                    }
                    None => ArgKind::Extractor {
                        name: arg_name(&typed.pat),
                    },
                };
                args.push(Arg {
                    ty: (*typed.ty).clone(),
                    kind,
                });
            }
        }
    }
    let mut missing: Vec<&str> = Vec::new();
    for segment in &parsed.segments {
        let Some(name) = segment.param_name() else {
            continue;
        };
        // A duplicate name is one template error, not one per use.
        if bound.contains(&name) || missing.contains(&name) {
            continue;
        }
        missing.push(name);
        errors.push(
            template::subspan(&path, segment.range.clone()),
            format!("path parameter `{name}` has no function argument named `{name}`"),
        );
    }
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|name| format!("`{name}: T`")).collect();
        // One hint for all of them: several would stack on the same tokens.
        let hint = match list.as_slice() {
            [one] => format!("add an argument {one} where `T: FromStr` (like `u64` or `String`)"),
            many => format!(
                "add the arguments {}, each `T: FromStr` (like `u64` or `String`)",
                many.join(", ")
            ),
        };
        if sig.inputs.is_empty() {
            errors.push(sig.paren_token.span.join(), hint);
        } else {
            errors.push_spanned(&sig.inputs, hint);
        }
    }

    match errors.0 {
        Some(err) => Err(err),
        None => Ok(Route {
            methods,
            template: path,
            status,
            cors,
            compress,
            timeout_ms,
            middleware,
            args,
            doc,
        }),
    }
}

/// A parameter argument seen so far: kind, wire name, where it is named.
type Declared = (ParamKind, String, Span);

/// The kind of an argument marked `#[query]`, `#[header]` or `#[cookie]` (not a path
/// parameter's name), or `None` after reporting why it cannot be one: no name, a name that
/// is not valid for its kind, or a name `declared` before.
fn param_kind(
    marker: &attrs::Marker<'_>,
    typed: &PatType,
    ident: Option<&str>,
    declared: &mut Vec<Declared>,
    errors: &mut Errors,
) -> Option<ArgKind> {
    let kind = marker.kind;
    let span = attrs::name_span(marker, &typed.pat);
    let name = match (&marker.name, ident) {
        (Some(lit), _) => lit.value(),
        (None, Some(ident)) => attrs::wire_name(kind, ident),
        (None, None) => {
            let k = kind.as_str();
            errors.push_spanned(
                &typed.pat,
                format!(
                    "#[{k}] takes its name from the argument, and this pattern has none: \
                     write #[{k}(\"name\")] or bind a plain identifier"
                ),
            );
            return None;
        }
    };
    if let Some(problem) = attrs::name_problem(kind, &name) {
        errors.push(span, problem);
        return None;
    }
    let twice = declared
        .iter()
        .find(|(k, other, _)| *k == kind && attrs::same_name(kind, other, &name));
    if let Some((_, other, first)) = twice {
        let note = if kind == ParamKind::Header && *other != name {
            format!(" (as `{other}`: header names ignore case)")
        } else {
            String::new()
        };
        errors.push(
            span,
            format!(
                "{} `{name}` is declared twice{note}: read it once, or as a `Vec<T>` for every value",
                kind.noun()
            ),
        );
        errors.push(*first, "first declared here");
        return None;
    }
    declared.push((kind, name.clone(), span));
    let (shape, value) = attrs::shape(&typed.ty);
    Some(ArgKind::Param {
        kind,
        name,
        shape,
        value: Box::new(value.clone()),
    })
}

fn parse_status(value: &Expr) -> Result<u16, (Span, String)> {
    let message = "`status` must be an HTTP status code from 100 to 599, like `status = 201`";
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => match int.base10_parse::<u16>() {
            Ok(code) if (100..=599).contains(&code) => Ok(code),
            _ => Err((int.span(), message.to_owned())),
        },
        other => Err((other.span(), message.to_owned())),
    }
}

/// `middleware = [a, b::c]`: a non-empty list of paths (an `async fn`, or a `const`/`static`
/// value of a type implementing `Middleware`); whether each one is a middleware is the type
/// checker's to say, at the path.
fn parse_middleware(value: &Expr, errors: &mut Errors) -> Vec<syn::Path> {
    let Expr::Array(array) = value else {
        errors.push_spanned(
            value,
            "`middleware` takes a list of middleware: `middleware = [require_auth]` or \
             `middleware = [require_auth, audit]`",
        );
        return Vec::new();
    };
    if array.elems.is_empty() {
        errors.push_spanned(
            value,
            "`middleware = []` lists no middleware: name at least one, or remove the option",
        );
    }
    let mut paths = Vec::new();
    for elem in &array.elems {
        match elem {
            Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
                paths.push(path.path.clone());
            }
            other => errors.push_spanned(
                other,
                "a middleware is named by its path: an `async fn` (`require_auth`), or a \
                 `const` or `static` value implementing `Middleware` (`const LIMIT: RateLimit = \
                 RateLimit::per_second(5);` then `middleware = [LIMIT]`)",
            ),
        }
    }
    paths
}

/// Lambda's longest timeout, 15 minutes: a route timeout beyond it could never fire.
const MAX_TIMEOUT_MS: u32 = 900_000;

fn parse_timeout_ms(value: &Expr) -> Result<u32, (Span, String)> {
    let message = format!(
        "`timeout_ms` must be a whole number of milliseconds from 1 to {MAX_TIMEOUT_MS} \
         (Lambda's 15-minute limit), like `timeout_ms = 3000`"
    );
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => match int.base10_parse::<u32>() {
            Ok(ms) if (1..=MAX_TIMEOUT_MS).contains(&ms) => Ok(ms),
            _ => Err((int.span(), message)),
        },
        other => Err((other.span(), message)),
    }
}

fn parse_methods(value: &Expr) -> Result<Vec<String>, Vec<(Span, String)>> {
    let lits: Vec<&Expr> = match value {
        Expr::Array(array) => array.elems.iter().collect(),
        other => vec![other],
    };
    let mut methods = Vec::new();
    let mut errors = Vec::new();
    if lits.is_empty() {
        errors.push((
            value.span(),
            "`method` needs at least one method".to_owned(),
        ));
    }
    for lit in lits {
        match lit {
            Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) => {
                let method = s.value();
                if !is_method(&method) {
                    let upper = method.to_ascii_uppercase();
                    let message = if is_method(&upper) {
                        format!("`{method}` is not an HTTP method: methods are upper-case, write \"{upper}\"")
                    } else {
                        format!("`{method}` is not an HTTP method: methods are upper-case tokens like \"PUT\"")
                    };
                    errors.push((s.span(), message));
                } else if methods.contains(&method) {
                    errors.push((s.span(), format!("method `{method}` is listed twice")));
                } else {
                    methods.push(method);
                }
            }
            other => errors.push((
                other.span(),
                "`method` takes a string or an array of strings: `method = [\"PUT\", \"POST\"]`"
                    .to_owned(),
            )),
        }
    }
    if errors.is_empty() {
        Ok(methods)
    } else {
        Err(errors)
    }
}

/// An upper-case method token: `PUT`, `PROPFIND`, `M-SEARCH`.
fn is_method(method: &str) -> bool {
    !method.is_empty()
        && method
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'_')
}

/// The name an extractor sees for its argument: the identifier (`limit` for
/// `mut limit: Query<u32>`, `type` for `r#type`), the one identifier inside a destructuring
/// pattern (`new` for `Json(new): Json<NewTodo>`), or `_` when there is none or several.
fn arg_name(pat: &Pat) -> String {
    fn idents<'p>(pat: &'p Pat, out: &mut Vec<&'p syn::Ident>) {
        match pat {
            Pat::Ident(ident) => out.push(&ident.ident),
            Pat::TupleStruct(tuple) => tuple.elems.iter().for_each(|p| idents(p, out)),
            Pat::Tuple(tuple) => tuple.elems.iter().for_each(|p| idents(p, out)),
            Pat::Struct(item) => item.fields.iter().for_each(|f| idents(&f.pat, out)),
            Pat::Reference(reference) => idents(&reference.pat, out),
            Pat::Paren(paren) => idents(&paren.pat, out),
            Pat::Type(typed) => idents(&typed.pat, out),
            _ => {}
        }
    }
    let mut found = Vec::new();
    idents(pat, &mut found);
    match found.as_slice() {
        [one] => one.unraw().to_string(),
        _ => "_".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_names() {
        let cases = [
            ("limit", "limit"),
            ("mut limit", "limit"),
            ("r#type", "type"),
            ("Json(new)", "new"),
            ("Json(mut new)", "new"),
            ("State(ref db)", "db"),
            ("Point { x, y }", "_"),
            ("_", "_"),
            ("_unused", "_unused"),
            ("(a, b)", "_"),
        ];
        for (pattern, expected) in cases {
            let pat = Pat::parse_single
                .parse_str(pattern)
                .unwrap_or_else(|e| panic!("{pattern}: {e}"));
            assert_eq!(arg_name(&pat), expected, "{pattern}");
        }
    }
}
