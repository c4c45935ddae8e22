//! Every check a route attribute makes, collecting all errors before giving up.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, FnArg, ItemFn, Lit, LitStr, Pat, Type};

use super::args::RawArgs;
use super::template::{self, Segment};

/// A route that passed every check: what expansion needs.
pub(crate) struct Route {
    pub(crate) methods: Vec<String>,
    pub(crate) template: LitStr,
    pub(crate) status: Option<u16>,
    pub(crate) args: Vec<Arg>,
}

/// One argument of the route function.
pub(crate) struct Arg {
    pub(crate) ty: Type,
    pub(crate) kind: ArgKind,
}

pub(crate) enum ArgKind {
    /// Filled from path parameter number `index`, named `name`.
    Path { index: usize, name: String },
    /// Filled by `FromRequest`.
    Extractor,
}

/// Where a method attribute gets its methods.
pub(crate) enum Methods {
    /// `#[get]` etc.
    Fixed(&'static str),
    /// `#[route(.., method = ..)]`.
    FromOption,
}

struct Errors(Option<syn::Error>);

impl Errors {
    fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        let err = syn::Error::new(span, message);
        match &mut self.0 {
            Some(all) => all.combine(err),
            None => self.0 = Some(err),
        }
    }
}

pub(crate) fn validate(methods: Methods, args: RawArgs, item: &ItemFn) -> Result<Route, syn::Error> {
    let mut errors = Errors(None);
    let RawArgs { path, options } = args;

    // Options.
    let mut status = None;
    let mut method_option: Option<Vec<String>> = None;
    let mut seen: Vec<String> = Vec::new();
    let known: &[&str] = match methods {
        Methods::Fixed(_) => &["status"],
        Methods::FromOption => &["method", "status"],
    };
    for option in &options {
        let key = option.key.to_string();
        if seen.contains(&key) {
            errors.push(option.key.span(), format!("option `{key}` is given more than once"));
            continue;
        }
        seen.push(key.clone());
        match key.as_str() {
            "status" => match parse_status(&option.value) {
                Ok(code) => status = Some(code),
                Err((span, msg)) => errors.push(span, msg),
            },
            "method" if matches!(methods, Methods::FromOption) => match parse_methods(&option.value) {
                Ok(list) => method_option = Some(list),
                Err(errs) => {
                    for (span, msg) in errs {
                        errors.push(span, msg);
                    }
                }
            },
            _ => errors.push(
                option.key.span(),
                format!(
                    "unknown option `{key}`; the options are: {}",
                    known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
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

    // The template.
    let value = path.value();
    let (segments, template_errors) = template::parse(&value);
    for err in template_errors {
        errors.push(subspan(&path, err.range), err.message);
    }

    // The signature.
    let sig = &item.sig;
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        errors.push(
            sig.generics.span(),
            "route functions cannot be generic: the route table needs one concrete function",
        );
    }
    let mut args = Vec::new();
    let mut matched = vec![false; segments.len()];
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) => errors.push(
                receiver.span(),
                "route functions cannot take `self`: write a free function and reach shared data through an extractor",
            ),
            FnArg::Typed(typed) => {
                let name = match &*typed.pat {
                    Pat::Ident(ident) => Some(ident.ident.to_string()),
                    _ => None,
                };
                let param = name.as_deref().and_then(|name| {
                    segments
                        .iter()
                        .filter(|s| !matches!(s.value, Segment::Static))
                        .enumerate()
                        .find(|(_, s)| template::param_name(&s.value) == Some(name))
                        .map(|(index, _)| index)
                });
                let kind = match (param, name) {
                    (Some(index), Some(name)) => {
                        if let Some(slot) = segments
                            .iter()
                            .enumerate()
                            .filter(|(_, s)| !matches!(s.value, Segment::Static))
                            .nth(index)
                            .and_then(|(i, _)| matched.get_mut(i))
                        {
                            *slot = true;
                        }
                        ArgKind::Path { index, name }
                    }
                    _ => ArgKind::Extractor,
                };
                args.push(Arg {
                    ty: (*typed.ty).clone(),
                    kind,
                });
            }
        }
    }
    for (segment, matched) in segments.iter().zip(&matched) {
        if let (Some(name), false) = (template::param_name(&segment.value), matched) {
            errors.push(
                subspan(&path, segment.range.clone()),
                format!("path parameter `{name}` has no function argument named `{name}`"),
            );
            let span = if sig.inputs.is_empty() {
                sig.paren_token.span.join()
            } else {
                sig.inputs.span()
            };
            errors.push(span, format!("add an argument `{name}: T` where `T: FromStr` (like `u64` or `String`)"));
        }
    }

    match errors.0 {
        Some(err) => Err(err),
        None => Ok(Route {
            methods,
            template: path,
            status,
            args,
        }),
    }
}

fn parse_status(value: &Expr) -> Result<u16, (Span, String)> {
    let message = "`status` must be an HTTP status code from 100 to 599, like `status = 201`";
    match value {
        Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => match int.base10_parse::<u16>() {
            Ok(code) if (100..=599).contains(&code) => Ok(code),
            _ => Err((int.span(), message.to_owned())),
        },
        other => Err((other.span(), message.to_owned())),
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
        errors.push((value.span(), "`method` needs at least one method".to_owned()));
    }
    for lit in lits {
        match lit {
            Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) => {
                let method = s.value();
                if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'_') {
                    errors.push((
                        s.span(),
                        format!("`{method}` is not an HTTP method: methods are upper-case tokens like \"PUT\""),
                    ));
                } else if methods.contains(&method) {
                    errors.push((s.span(), format!("method `{method}` is listed twice")));
                } else {
                    methods.push(method);
                }
            }
            other => errors.push((
                other.span(),
                "`method` takes a string or an array of strings: `method = [\"PUT\", \"POST\"]`".to_owned(),
            )),
        }
    }
    if errors.is_empty() {
        Ok(methods)
    } else {
        Err(errors)
    }
}

/// The span of `range` inside the string literal where the compiler supports it (nightly
/// today), the whole literal otherwise.
fn subspan(lit: &LitStr, range: std::ops::Range<usize>) -> Span {
    let token = lit.token();
    let text = token.to_string();
    // Only a plain "..." literal without escapes maps value bytes 1:1 onto source bytes.
    if text.len() == lit.value().len() + 2 && text.starts_with('"') {
        if let Some(span) = token.subspan(range.start + 1..range.end + 1) {
            return span;
        }
    }
    lit.span()
}
