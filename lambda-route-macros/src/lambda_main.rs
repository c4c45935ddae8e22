//! `#[lambda_main]`: the whole entry point.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{ItemFn, ReturnType};

use crate::paths::private;

pub(crate) fn lambda_main(attr: TokenStream, item: TokenStream) -> TokenStream {
    let item_fn: ItemFn = match syn::parse2(item.clone()) {
        Ok(item_fn) => item_fn,
        Err(_) => {
            let err = syn::Error::new_spanned(
                &item,
                "#[lambda_main] goes on `async fn main() -> App { .. }`",
            )
            .to_compile_error();
            // The attribute stands for `main`: keep one so the crate reports only this error,
            // not also "`main` function not found".
            return quote!(#err #item fn main() {});
        }
    };
    let mut errors: Option<syn::Error> = None;
    let mut push = |tokens: &dyn ToTokens, message: &str| {
        // `new_spanned` underlines from the first token to the last, even on stable.
        let err = syn::Error::new_spanned(tokens, message);
        match &mut errors {
            Some(all) => all.combine(err),
            None => errors = Some(err),
        }
    };
    if !attr.is_empty() {
        push(
            &attr,
            "#[lambda_main] takes no arguments: configure the `App` it returns",
        );
    }
    let sig = &item_fn.sig;
    let is_main = sig.ident == "main";
    if !is_main {
        push(
            &sig.ident,
            "#[lambda_main] goes on the function named `main`",
        );
    }
    if let Some(unsafety) = &sig.unsafety {
        push(unsafety, "`main` cannot be `unsafe`");
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        push(&sig.generics, "`main` cannot be generic");
    }
    if !sig.inputs.is_empty() {
        push(
            &sig.inputs,
            "`main` takes no arguments: read configuration from the environment inside it",
        );
    }
    if let ReturnType::Default = sig.output {
        push(
            sig,
            "`main` must return the application: `-> App` or `-> Result<App, E>`",
        );
    }
    if let Some(err) = errors {
        let err = err.to_compile_error();
        // Keep a `main` so the crate reports only these errors. A function under another name
        // stays as written, in case the rest of the crate calls it.
        return if is_main {
            quote!(#err fn main() {})
        } else {
            quote!(#err #item_fn fn main() {})
        };
    }

    let inner = format_ident!("__lambda_route_main", span = Span::mixed_site());
    let mut inner_fn = item_fn.clone();
    inner_fn.sig.ident = inner;
    inner_fn.vis = syn::Visibility::Inherited;
    let output_span = match &sig.output {
        ReturnType::Type(_, ty) => ty.span(),
        ReturnType::Default => sig.ident.span(),
    };
    let p = private(output_span);
    // The future handed to `run`, located at the return type so an unsupported type is
    // reported there. The name takes the return type's span outright: a span made with
    // `located_at` keeps its macro context, and rustc then reports the whole call on the
    // attribute. (Item names are not hygienic under `mixed_site` anyway.)
    let call = Ident::new("__lambda_route_main", output_span);
    let future = if sig.asyncness.is_some() {
        quote_spanned!(output_span=> #call())
    } else {
        quote_spanned!(output_span=> async { #call() })
    };
    let run = quote_spanned!(output_span=> #p::run(#future));
    quote! {
        fn main() -> ::std::process::ExitCode {
            #inner_fn
            #run
        }
    }
}
