//! Route attributes: parse -> validate -> expand.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ItemFn;

mod args;
mod attrs;
mod doc;
mod expand;
mod template;
mod validate;

pub(crate) use validate::Methods;

/// Expands one route attribute. On any error the user's function is emitted unchanged next
/// to the errors, so the rest of the crate does not fail with "cannot find function".
pub(crate) fn route(methods: Methods, attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut item_fn: ItemFn = match syn::parse2(item.clone()) {
        Ok(item_fn) => item_fn,
        Err(_) => {
            let err = syn::Error::new_spanned(
                &item,
                "route attributes go on a function: `async fn name(..) -> .. { .. }`",
            );
            let err = err.to_compile_error();
            return quote!(#err #item);
        }
    };
    let args = match args::RawArgs::parse(attr, &methods.example()) {
        Ok(args) => args,
        Err(err) => {
            let err = err.to_compile_error();
            attrs::strip(&mut item_fn);
            return quote!(#err #item_fn);
        }
    };
    let validated = validate::validate(methods, args, &item_fn);
    // `#[query]` and friends are read; rustc must not see them.
    attrs::strip(&mut item_fn);
    match validated {
        Ok(route) => expand::expand(&route, &item_fn),
        Err(err) => {
            let err = err.to_compile_error();
            quote!(#err #item_fn)
        }
    }
}
