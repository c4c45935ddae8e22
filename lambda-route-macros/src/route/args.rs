//! The route attribute's arguments: `("/path", key = value, ...)`, parsed for structure only;
//! [`super::validate`] judges the values.

use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, LitStr, Token};

/// `"/path"` followed by `key = value` options.
pub(crate) struct RawArgs {
    pub(crate) path: LitStr,
    pub(crate) options: Vec<RawOption>,
}

/// One `key = value`.
pub(crate) struct RawOption {
    pub(crate) key: Ident,
    pub(crate) value: Expr,
}

impl Parse for RawOption {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let key: Ident = input.parse()?;
        let _eq: Token![=] = input.parse()?;
        let value: Expr = input.parse()?;
        Ok(RawOption { key, value })
    }
}

impl Parse for RawArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(input.error(
                "expected a route path: #[get(\"/todos/<id>\")]",
            ));
        }
        let path: LitStr = input.parse().map_err(|e| {
            syn::Error::new(e.span(), "expected the route path as a string literal: #[get(\"/todos/<id>\")]")
        })?;
        let mut options = Vec::new();
        if !input.is_empty() {
            let _comma: Token![,] = input.parse()?;
            let rest = Punctuated::<RawOption, Token![,]>::parse_terminated(input)?;
            options.extend(rest);
        }
        Ok(RawArgs { path, options })
    }
}
