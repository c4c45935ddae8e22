//! Every runtime path generated code names, in one place. All go through the facade's
//! `__private` module so users depend on `lambda-route` alone.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

/// `::lambda_route::__private`, resolved at `span` (a user's span puts trait errors there).
pub(crate) fn private(span: Span) -> TokenStream {
    quote_spanned!(span=> ::lambda_route::__private)
}
