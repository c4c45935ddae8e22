//! `#[lambda_main]`: the whole entry point.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
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
            return quote!(#err #item);
        }
    };
    let mut errors: Option<syn::Error> = None;
    let mut push = |span: Span, message: &str| {
        let err = syn::Error::new(span, message);
        match &mut errors {
            Some(all) => all.combine(err),
            None => errors = Some(err),
        }
    };
    if !attr.is_empty() {
        push(attr.span(), "#[lambda_main] takes no arguments: configure the `App` it returns");
    }
    let sig = &item_fn.sig;
    if sig.ident != "main" {
        push(sig.ident.span(), "#[lambda_main] goes on the function named `main`");
    }
    if !sig.inputs.is_empty() {
        push(sig.inputs.span(), "`main` takes no arguments: read configuration from the environment inside it");
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        push(sig.generics.span(), "`main` cannot be generic");
    }
    if let ReturnType::Default = sig.output {
        push(sig.ident.span(), "`main` must return the application: `-> App` or `-> Result<App, E>`");
    }
    if let Some(err) = errors {
        let err = err.to_compile_error();
        // Keep a `main` so the crate reports only these errors.
        return quote!(#err fn main() {});
    }

    let inner = format_ident!("__lambda_route_main", span = Span::mixed_site());
    let mut inner_fn = item_fn.clone();
    inner_fn.sig.ident = inner.clone();
    inner_fn.vis = syn::Visibility::Inherited;
    let output_span = match &sig.output {
        ReturnType::Type(_, ty) => ty.span(),
        ReturnType::Default => sig.ident.span(),
    };
    let p = private(output_span);
    let future = if sig.asyncness.is_some() {
        quote!(#inner())
    } else {
        quote!(async { #inner() })
    };
    let run = quote_spanned!(output_span=> #p::run(#future));
    quote! {
        fn main() -> ::std::process::ExitCode {
            #inner_fn
            #run
        }
    }
}
