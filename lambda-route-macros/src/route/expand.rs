//! Code generation for a validated route. Infallible: every check happened in validation.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{ItemFn, Lifetime, ReturnType};

use super::attrs::{ParamKind, Shape};
use super::validate::{ArgKind, Route};
use crate::paths::private;

pub(crate) fn expand(route: &Route, item: &ItemFn) -> TokenStream {
    let p = private(Span::call_site());
    let fn_name = &item.sig.ident;
    let fn_name_str = fn_name.to_string();
    let hidden = |name: &str| format_ident!("__lambda_route_{}", name, span = Span::mixed_site());
    let shim = hidden("shim");
    let check = hidden("check");
    let describe = hidden("describe");
    let cx = hidden("cx");
    let state = hidden("state");
    let operation = hidden("operation");
    let rejections = hidden("rejections");
    let lifetime = Lifetime::new("'__lambda_route_r", Span::mixed_site());

    let vars: Vec<_> = (0..route.args.len())
        .map(|i| format_ident!("__lambda_route_arg{}", i, span = Span::mixed_site()))
        .collect();
    // Every use of an extractor names `<T as FromRequest<'_>>` spanned at the type: the three
    // uses (extract, check, describe) then fail with one identical diagnostic, which rustc
    // reports once, on the type.
    let extractions = route.args.iter().zip(&vars).enumerate().map(|(i, (arg, var))| {
        let ty = &arg.ty;
        let p = private(ty.span());
        match &arg.kind {
            ArgKind::Path { index, name } => quote_spanned! {ty.span()=>
                let #var = #p::path_param::<#ty>(#cx, #index, #name, &mut #rejections);
            },
            ArgKind::Param {
                kind,
                name,
                shape,
                value,
            } => {
                // At the value's type: "cannot be parsed" underlines `Key` in `Option<Key>`.
                let p = private(value.span());
                let location = location(&p, *kind);
                let read = match shape {
                    Shape::One => quote_spanned!(value.span()=> param_required),
                    Shape::Optional => quote_spanned!(value.span()=> param_optional),
                    Shape::List => quote_spanned!(value.span()=> param_list),
                };
                quote_spanned! {value.span()=>
                    let #var = #p::#read::<#value>(#cx, #location, #name, &mut #rejections);
                }
            }
            ArgKind::Extractor { name } => quote_spanned! {ty.span()=>
                let #var = #p::collect(
                    <#ty as #p::FromRequest<'_>>::from_request(#cx, #p::Arg::new(#name, #i)).await,
                    &mut #rejections,
                );
            },
        }
    });
    let checks = route.args.iter().enumerate().filter_map(|(i, arg)| {
        let ty = &arg.ty;
        let p = private(ty.span());
        match &arg.kind {
            ArgKind::Path { .. } | ArgKind::Param { .. } => None,
            ArgKind::Extractor { name } => Some(quote_spanned! {ty.span()=>
                <#ty as #p::FromRequest<'_>>::check(#state, #p::Arg::new(#name, #i))?;
            }),
        }
    });
    let descriptions = route.args.iter().enumerate().map(|(i, arg)| {
        let ty = &arg.ty;
        let p = private(ty.span());
        match &arg.kind {
            ArgKind::Path { name, .. } => quote! {
                #p::describe_path_param::<#ty>(#operation, #name);
            },
            ArgKind::Param {
                kind,
                name,
                shape,
                value,
            } => {
                let location = location(&p, *kind);
                let required = *shape == Shape::One;
                let list = *shape == Shape::List;
                quote! {
                    #p::describe_param::<#value>(#operation, #location, #name, #required, #list);
                }
            }
            ArgKind::Extractor { name } => quote_spanned! {ty.span()=>
                <#ty as #p::FromRequest<'_>>::describe(#operation, #p::Arg::new(#name, #i));
            },
        }
    });

    let status = match route.status {
        Some(code) => quote!(::core::option::Option::Some(#code)),
        None => quote!(::core::option::Option::None),
    };
    let output_span = match &item.sig.output {
        ReturnType::Type(_, ty) => ty.span(),
        ReturnType::Default => fn_name.span(),
    };
    let out = private(output_span);
    // Resolved like the user's name but located at the return type, so "cannot be returned
    // from a route" underlines the type alone, not `name(..) -> Type`.
    let mut callee = fn_name.clone();
    callee.set_span(fn_name.span().located_at(output_span));
    let call = if item.sig.asyncness.is_some() {
        quote_spanned!(output_span=> #out::respond(#callee(#(#vars),*).await, #status))
    } else {
        quote_spanned!(output_span=> #out::respond(#callee(#(#vars),*), #status))
    };

    let body = if vars.is_empty() {
        quote!(#call)
    } else {
        quote! {
            let mut #rejections = <#p::Rejections as ::core::default::Default>::default();
            #(#extractions)*
            if let (#(::core::option::Option::Some(#vars),)*) = (#(#vars,)*) {
                #call
            } else {
                #p::reject(#rejections)
            }
        }
    };

    // Located at the return type: a future that is not `Send` is reported there.
    let boxed = quote_spanned!(output_span=> #out::boxed(async move { #body }));

    let methods = &route.methods;
    let template = &route.template;
    let status_option = route.status.map(|code| quote!(.status(#code)));
    let cors_option = route.cors.map(|enabled| quote!(.cors(#enabled)));
    let compress_option = route.compress.then(|| quote!(.compress()));
    let timeout_option = route.timeout_ms.map(|ms| quote!(.timeout_ms(#ms)));
    // Each entry located at its path: one that is not a middleware is reported there.
    let middleware_option = (!route.middleware.is_empty()).then(|| {
        let entries = route
            .middleware
            .iter()
            .map(|path| quote_spanned!(path.span()=> #p::erase_middleware(&#path)));
        quote!(.middleware(&[#(#entries),*]))
    });

    quote! {
        #item

        #[doc(hidden)]
        const _: () = {
            #[automatically_derived]
            fn #shim<#lifetime>(#cx: &#lifetime #p::Ctx<#lifetime>) -> #p::BoxFuture<#lifetime> {
                #boxed
            }

            #[automatically_derived]
            fn #check(#state: &#p::AppState) -> ::core::result::Result<(), #p::StartupProblem> {
                #(#checks)*
                ::core::result::Result::Ok(())
            }

            #[automatically_derived]
            fn #describe(#operation: &mut #p::Operation) {
                #(#descriptions)*
            }

            #p::inventory::submit! {
                #p::Route::new(
                    &[#(#methods),*],
                    #template,
                    #shim,
                    #p::Location::new(
                        #fn_name_str,
                        ::core::module_path!(),
                        ::core::file!(),
                        ::core::line!(),
                    ),
                )
                #status_option
                #cors_option
                #compress_option
                #timeout_option
                #middleware_option
                .check(#check)
                .describe(#describe)
            }
        };
    }
}

/// The runtime's `ParamLocation` for `kind`.
fn location(p: &TokenStream, kind: ParamKind) -> TokenStream {
    match kind {
        ParamKind::Query => quote!(#p::ParamLocation::Query),
        ParamKind::Header => quote!(#p::ParamLocation::Header),
        ParamKind::Cookie => quote!(#p::ParamLocation::Cookie),
    }
}
