//! `#[catch(404)]` / `#[catch(default)]`: parse -> validate (every error collected) ->
//! expand (infallible).

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, ExprPath, FnArg, ItemFn, Lifetime, Lit, ReturnType, Type};

use crate::paths::private;

/// How many arguments a catcher may take: `&Request` and `&Response`.
const MAX_ARGS: usize = 2;

const STATUS_HINT: &str =
    "`#[catch]` takes an error status from 400 to 599, or `default`: `#[catch(404)]`";

/// What a catcher catches.
enum Status {
    Code(u16),
    Default,
}

pub(crate) fn catch(attr: TokenStream, item: TokenStream) -> TokenStream {
    let item_fn: ItemFn = match syn::parse2(item.clone()) {
        Ok(item_fn) => item_fn,
        Err(_) => {
            let err = syn::Error::new_spanned(
                &item,
                "#[catch] goes on a function: `fn not_found(req: &Request) -> impl IntoResponse { .. }`",
            )
            .to_compile_error();
            return quote!(#err #item);
        }
    };
    match validate(attr, &item_fn) {
        Ok(status) => expand(&status, &item_fn),
        Err(err) => {
            let err = err.to_compile_error();
            quote!(#err #item_fn)
        }
    }
}

fn validate(attr: TokenStream, item: &ItemFn) -> Result<Status, syn::Error> {
    let mut errors: Option<syn::Error> = None;
    let mut push = |err: syn::Error| match &mut errors {
        Some(all) => all.combine(err),
        None => errors = Some(err),
    };

    let status = if attr.is_empty() {
        push(syn::Error::new(Span::call_site(), STATUS_HINT));
        None
    } else {
        match syn::parse2::<Expr>(attr.clone()) {
            Ok(expr) => match parse_status(&expr) {
                Ok(status) => Some(status),
                Err(err) => {
                    push(err);
                    None
                }
            },
            Err(_) => {
                push(syn::Error::new_spanned(&attr, STATUS_HINT));
                None
            }
        }
    };

    let sig = &item.sig;
    if let Some(unsafety) = &sig.unsafety {
        push(syn::Error::new(
            unsafety.span(),
            "catchers cannot be `unsafe`: the generated handler calls them from safe code",
        ));
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        push(syn::Error::new_spanned(
            &sig.generics,
            "catchers cannot be generic: the app needs one concrete function per status",
        ));
    }
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) => push(syn::Error::new_spanned(
                receiver,
                "catchers cannot take `self`: write a free function",
            )),
            FnArg::Typed(typed) => {
                if let Type::ImplTrait(_) = &*typed.ty {
                    push(syn::Error::new_spanned(
                        &typed.ty,
                        "catchers cannot be generic: write `&Request` or `&Response`, not `impl Trait`",
                    ));
                }
            }
        }
    }
    if sig.inputs.len() > MAX_ARGS {
        push(syn::Error::new_spanned(
            &sig.inputs,
            format!(
                "a catcher takes at most {MAX_ARGS} arguments: the request (`&Request`) and the \
                 caught response (`&Response`)"
            ),
        ));
    }

    match (errors, status) {
        (None, Some(status)) => Ok(status),
        (Some(err), _) => Err(err),
        (None, None) => Err(syn::Error::new(Span::call_site(), STATUS_HINT)),
    }
}

fn parse_status(expr: &Expr) -> Result<Status, syn::Error> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => match int.base10_parse::<u16>() {
            Ok(code) if (400..=599).contains(&code) => Ok(Status::Code(code)),
            _ => Err(syn::Error::new(int.span(), STATUS_HINT)),
        },
        Expr::Path(ExprPath { path, .. }) if path.is_ident("default") => Ok(Status::Default),
        // A `$status:literal` from a `macro_rules!` arrives in an invisible group.
        Expr::Group(group) => parse_status(&group.expr),
        other => Err(syn::Error::new_spanned(other, STATUS_HINT)),
    }
}

fn expand(status: &Status, item: &ItemFn) -> TokenStream {
    let p = private(Span::call_site());
    let fn_name = &item.sig.ident;
    let fn_name_str = fn_name.to_string();
    let shim = format_ident!("__lambda_route_catcher", span = Span::mixed_site());
    let request = format_ident!("__lambda_route_request", span = Span::mixed_site());
    let caught = format_ident!("__lambda_route_caught", span = Span::mixed_site());
    let a = Lifetime::new("'__lambda_route_a", Span::mixed_site());
    let r = Lifetime::new("'__lambda_route_r", Span::mixed_site());

    // Each argument is whichever of the two its type asks for, through `CatcherArg`, spanned
    // at the type so a wrong type is reported there.
    let args = item.sig.inputs.iter().filter_map(|input| match input {
        FnArg::Typed(typed) => {
            let ty = &typed.ty;
            let p = private(ty.span());
            Some(quote_spanned! {ty.span()=>
                <#ty as #p::CatcherArg<'_, '_>>::from_caught(#request, #caught)
            })
        }
        FnArg::Receiver(_) => None,
    });

    let output_span = match &item.sig.output {
        ReturnType::Type(_, ty) => ty.span(),
        ReturnType::Default => fn_name.span(),
    };
    let out = private(output_span);
    let mut callee = fn_name.clone();
    callee.set_span(fn_name.span().located_at(output_span));
    let call = if item.sig.asyncness.is_some() {
        quote_spanned!(output_span=> #out::respond(#callee(#(#args),*).await, ::core::option::Option::None))
    } else {
        quote_spanned!(output_span=> #out::respond(#callee(#(#args),*), ::core::option::Option::None))
    };
    let boxed = quote_spanned!(output_span=> #out::boxed(async move { #call }));

    let location = quote! {
        #p::Location::new(
            #fn_name_str,
            ::core::module_path!(),
            ::core::file!(),
            ::core::line!(),
        )
    };
    let record = match status {
        Status::Code(code) => quote!(#p::Catcher::new(#code, #shim, #location)),
        Status::Default => quote!(#p::Catcher::fallback(#shim, #location)),
    };

    quote! {
        #item

        #[doc(hidden)]
        const _: () = {
            #[automatically_derived]
            fn #shim<#a, #r>(
                #request: &#a #p::Request<#r>,
                #caught: &#a #p::Response,
            ) -> #p::BoxFuture<#a> {
                #boxed
            }

            #p::inventory::submit! {
                #record
            }
        };
    }
}
