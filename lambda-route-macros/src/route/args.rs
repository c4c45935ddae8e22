//! The route attribute's arguments: `("/path", key = value, flag, ...)`, parsed for structure only;
//! [`super::validate`] judges the values.

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, LitStr, Token};

/// `"/path"` followed by `key = value` options and bare flags.
pub(crate) struct RawArgs {
    pub(crate) path: LitStr,
    pub(crate) options: Vec<RawOption>,
}

/// One `key = value`, a bare flag `key` (`value` is `None`), or a list `key(..)` (`list`).
pub(crate) struct RawOption {
    pub(crate) key: Ident,
    pub(crate) value: Option<Expr>,
    /// The tokens inside `key(..)`.
    pub(crate) list: Option<TokenStream>,
}

impl Parse for RawOption {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let key: Ident = input.parse()?;
        if input.is_empty() || input.peek(Token![,]) {
            return Ok(RawOption {
                key,
                value: None,
                list: None,
            });
        }
        if input.peek(syn::token::Paren) {
            let content;
            syn::parenthesized!(content in input);
            return Ok(RawOption {
                key,
                value: None,
                list: Some(content.parse()?),
            });
        }
        let _eq: Token![=] = input.parse()?;
        let value: Expr = input.parse()?;
        Ok(RawOption {
            key,
            value: Some(value),
            list: None,
        })
    }
}

impl RawArgs {
    /// Parses the attribute's arguments; `example` is a correct use of this attribute for the
    /// error messages: `#[post("/todos/<id>")]`.
    pub(crate) fn parse(attr: TokenStream, example: &str) -> syn::Result<Self> {
        let parser = |input: ParseStream<'_>| {
            if input.is_empty() {
                // `input.error` would prefix "unexpected end of input"; the attribute itself
                // (the call site) is the better place for this one.
                return Err(syn::Error::new(
                    Span::call_site(),
                    format!("expected a route path: {example}"),
                ));
            }
            let path: LitStr = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    format!("expected the route path as a string literal: {example}"),
                )
            })?;
            let mut options = Vec::new();
            if !input.is_empty() {
                let _comma: Token![,] = input.parse()?;
                let rest = Punctuated::<RawOption, Token![,]>::parse_terminated(input)?;
                options.extend(rest);
            }
            Ok(RawArgs { path, options })
        };
        parser.parse2(attr)
    }
}
