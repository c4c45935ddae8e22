//! The documentation options of a route attribute (`tags`, `summary`, `operation_id`,
//! `responses(..)`, `security`, `deprecated`, `hidden`) and its doc comment, for the OpenAPI
//! document.

use proc_macro2::TokenStream;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Meta, MetaNameValue, Token};

use super::args::RawOption;
use super::validate::Errors;

/// The option names this module reads.
pub(crate) const OPTIONS: [&str; 7] = [
    "tags",
    "summary",
    "operation_id",
    "responses",
    "security",
    "deprecated",
    "hidden",
];

/// What the route's documentation says.
#[derive(Default)]
pub(crate) struct DocOptions {
    /// The doc comment, one line per `///` line, the leading space removed.
    pub(crate) docs: String,
    pub(crate) tags: Vec<String>,
    pub(crate) summary: Option<String>,
    pub(crate) operation_id: Option<String>,
    pub(crate) responses: Vec<(u16, String)>,
    pub(crate) security: Option<Vec<String>>,
    pub(crate) deprecated: bool,
    pub(crate) hidden: bool,
}

impl DocOptions {
    /// Reads one documentation option (its key is in [`OPTIONS`]), reporting misuse.
    pub(crate) fn read(&mut self, option: &RawOption, errors: &mut Errors) {
        let key = option.key.to_string();
        match key.as_str() {
            "deprecated" | "hidden" => {
                let flag = if key == "hidden" {
                    &mut self.hidden
                } else {
                    &mut self.deprecated
                };
                match (&option.value, &option.list) {
                    (None, None) => *flag = true,
                    (Some(value), _) => errors.push_spanned(
                        value,
                        format!("`{key}` is a bare flag: write `{key}`, not `{key} = ...`"),
                    ),
                    (None, Some(_)) => errors.push(
                        option.key.span(),
                        format!("`{key}` is a bare flag: write `{key}`, not `{key}(..)`"),
                    ),
                }
            }
            "responses" => match &option.list {
                Some(list) => self.responses = read_responses(list.clone(), errors),
                None => errors.push_spanned(
                    option.value.as_ref().map_or(&option.key as &dyn quote::ToTokens, |v| v),
                    "`responses` lists statuses and descriptions: `responses(404 = \"no such todo\", 409 = \"taken\")`",
                ),
            },
            "tags" | "security" => {
                let example = if key == "tags" {
                    "`tags = [\"todos\"]`"
                } else {
                    "`security = [\"api_key\"]` (`[]` for none)"
                };
                let message = format!("`{key}` takes an array of strings: {example}");
                let Some(Expr::Array(array)) = &option.value else {
                    errors.push(option_span(option), message);
                    return;
                };
                let mut names = Vec::new();
                for elem in &array.elems {
                    match string(elem) {
                        Some(lit) if lit.value().trim().is_empty() => {
                            errors.push(lit.span(), format!("a `{key}` entry cannot be empty"));
                        }
                        Some(lit) if names.contains(&lit.value()) => {
                            errors.push(
                                lit.span(),
                                format!("`{}` is listed twice", lit.value()),
                            );
                        }
                        Some(lit) => names.push(lit.value()),
                        None => errors.push(elem.span(), &message),
                    }
                }
                if key == "tags" {
                    if array.elems.is_empty() {
                        errors.push(array.span(), "`tags` needs at least one tag");
                    }
                    self.tags = names;
                } else {
                    self.security = Some(names);
                }
            }
            "summary" | "operation_id" => {
                let Some(lit) = option.value.as_ref().and_then(string) else {
                    errors.push(
                        option_span(option),
                        format!("`{key}` takes a string: `{key} = \"...\"`"),
                    );
                    return;
                };
                let value = lit.value();
                if key == "summary" {
                    if value.trim().is_empty() || value.contains('\n') {
                        errors.push(lit.span(), "`summary` is one non-empty line");
                        return;
                    }
                    self.summary = Some(value);
                } else {
                    let valid = !value.is_empty()
                        && value
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
                    if !valid {
                        errors.push(
                            lit.span(),
                            "`operation_id` is an identifier for code generators: ASCII letters, digits, `_`, `-` and `.`",
                        );
                        return;
                    }
                    self.operation_id = Some(value);
                }
            }
            _ => {}
        }
    }

    /// Reads the doc comment from the function's attributes.
    pub(crate) fn read_docs(&mut self, attrs: &[Attribute]) {
        let lines: Vec<String> = attrs
            .iter()
            .filter_map(|attr| match &attr.meta {
                Meta::NameValue(MetaNameValue {
                    path,
                    value:
                        Expr::Lit(ExprLit {
                            lit: Lit::Str(lit), ..
                        }),
                    ..
                }) if path.is_ident("doc") => Some(lit.value()),
                _ => None,
            })
            .flat_map(|text| {
                text.lines()
                    .map(|line| line.strip_prefix(' ').unwrap_or(line).to_owned())
                    .collect::<Vec<_>>()
            })
            .collect();
        self.docs = lines.join("\n").trim().to_owned();
    }
}

/// Where to report a wrong value: the value, else the key.
fn option_span(option: &RawOption) -> proc_macro2::Span {
    match &option.value {
        Some(value) => value.span(),
        None => option.key.span(),
    }
}

fn string(expr: &Expr) -> Option<&LitStr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Some(lit),
        _ => None,
    }
}

/// `404 = "no such todo", 409 = "taken"`.
fn read_responses(tokens: TokenStream, errors: &mut Errors) -> Vec<(u16, String)> {
    let shape =
        "`responses` takes `status = \"description\"` pairs: `responses(404 = \"no such todo\")`";
    let pairs =
        match Punctuated::<syn::ExprAssign, Token![,]>::parse_terminated.parse2(tokens.clone()) {
            Ok(pairs) => pairs,
            Err(err) => {
                errors.push(err.span(), shape);
                return Vec::new();
            }
        };
    if pairs.is_empty() {
        errors.push_spanned(tokens, shape);
    }
    let mut out: Vec<(u16, String)> = Vec::new();
    for pair in pairs {
        let status = match &*pair.left {
            Expr::Lit(ExprLit {
                lit: Lit::Int(int), ..
            }) => match int.base10_parse::<u16>() {
                Ok(code) if (100..=599).contains(&code) => Some(code),
                _ => {
                    errors.push(
                        int.span(),
                        "a response status is an HTTP status code from 100 to 599",
                    );
                    None
                }
            },
            other => {
                errors.push(other.span(), shape);
                None
            }
        };
        let description = match string(&pair.right) {
            Some(lit) if !lit.value().trim().is_empty() => Some(lit.value()),
            Some(lit) => {
                errors.push(lit.span(), "a response description cannot be empty");
                None
            }
            None => {
                errors.push(pair.right.span(), shape);
                None
            }
        };
        if let (Some(status), Some(description)) = (status, description) {
            if out.iter().any(|(code, _)| *code == status) {
                errors.push(pair.left.span(), format!("status {status} is listed twice"));
                continue;
            }
            out.push((status, description));
        }
    }
    out
}
