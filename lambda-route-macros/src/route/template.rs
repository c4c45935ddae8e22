//! The route template at compile time: `lambda_route_path` reads it (the same grammar the
//! router reads at cold start); this module points each mistake at its characters.

use lambda_route_path::{ErrorKind, TemplateError};
use proc_macro2::Span;
use syn::LitStr;

/// The compile errors for one template mistake, as `(span, message)`.
pub(crate) fn diagnostics(lit: &LitStr, err: &TemplateError<'_>) -> Vec<(Span, String)> {
    let message = err.to_string();
    let first_use = match &err.kind {
        ErrorKind::DuplicateParam { first_use, .. } => exact_subspan(lit, first_use.clone()),
        _ => None,
    };
    match (exact_subspan(lit, err.range.clone()), first_use) {
        (Some(span), Some(first_use)) => {
            vec![(span, message), (first_use, "first used here".to_owned())]
        }
        // On stable both would underline the whole literal: one error says it all.
        _ => vec![(subspan(lit, err.range.clone()), message)],
    }
}

/// The span of `range` inside the string literal where the compiler supports it (nightly
/// today), the whole literal otherwise.
pub(crate) fn subspan(lit: &LitStr, range: std::ops::Range<usize>) -> Span {
    exact_subspan(lit, range).unwrap_or_else(|| lit.span())
}

/// The span of `range` inside the string literal, if the compiler can make one.
fn exact_subspan(lit: &LitStr, range: std::ops::Range<usize>) -> Option<Span> {
    let token = lit.token();
    let text = token.to_string();
    // Only a plain "..." literal without escapes maps value bytes 1:1 onto source bytes.
    if text.len() == lit.value().len() + 2 && text.starts_with('"') {
        token.subspan(range.start + 1..range.end + 1)
    } else {
        None
    }
}
