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

    // Schema hooks (openapi/probe.rs in core): chosen by method resolution at each type, so a
    // type without a schema, or a build without the `openapi` feature, gets `None`.
    let schemas_arg = hidden("schemas");
    let schema_hooks = route.args.iter().map(|arg| {
        let ty = &arg.ty;
        match &arg.kind {
            ArgKind::Path { name, .. } => quote! {
                #schemas_arg.param(#name, (&#p::Probe::<#p::ValueOf<#ty>>::new()).value_schema());
            },
            ArgKind::Param { name, value, .. } => quote! {
                #schemas_arg.param(#name, (&#p::Probe::<#p::ValueOf<#value>>::new()).value_schema());
            },
            ArgKind::Extractor { .. } => quote! {
                #schemas_arg.arg((&#p::Probe::<#p::ArgOf<#ty>>::new()).arg_doc());
            },
        }
    });
    // `impl Trait` cannot be named here: such a route's response stays undescribed.
    let response_hook = match &item.sig.output {
        ReturnType::Type(_, ty) if !mentions_impl(quote!(#ty)) => Some(quote! {
            #schemas_arg.response((&#p::Probe::<#p::ResponseOf<#ty>>::new()).response_doc());
        }),
        ReturnType::Type(..) => None,
        ReturnType::Default => Some(quote! {
            #schemas_arg.response((&#p::Probe::<#p::ResponseOf<()>>::new()).response_doc());
        }),
    };
    let schemas_fn = hidden("schemas_of");
    let doc_static = hidden("doc");
    let d = &route.doc;
    let docs = &d.docs;
    let tags = &d.tags;
    let tags_option = (!tags.is_empty()).then(|| quote!(.tags(&[#(#tags),*])));
    let summary_option = d.summary.as_ref().map(|s| quote!(.summary_text(#s)));
    let operation_id_option = d.operation_id.as_ref().map(|s| quote!(.operation_id(#s)));
    let responses_option = (!d.responses.is_empty()).then(|| {
        let pairs = d
            .responses
            .iter()
            .map(|(code, text)| quote!((#code, #text)));
        quote!(.responses(&[#(#pairs),*]))
    });
    let security_option = d
        .security
        .as_ref()
        .map(|names| quote!(.security(&[#(#names),*])));
    let deprecated_option = d.deprecated.then(|| quote!(.deprecated()));
    let hidden_option = d.hidden.then(|| quote!(.hidden()));

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

            #[automatically_derived]
            fn #schemas_fn(#schemas_arg: &mut #p::RouteSchemas) {
                #[allow(unused_imports)]
                use #p::{SchemaFallback as _, SchemaKnown as _};
                #(#schema_hooks)*
                #response_hook
            }

            #[allow(non_upper_case_globals)]
            static #doc_static: #p::RouteDoc = #p::RouteDoc::new(#docs)
                #tags_option
                #summary_option
                #operation_id_option
                #responses_option
                #security_option
                #deprecated_option
                #hidden_option
                .schemas(#schemas_fn);

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
                .doc(&#doc_static)
            }
        };
    }
}

/// Whether a type's tokens hold `impl` (`impl IntoResponse`, `Result<impl Trait, E>`).
fn mentions_impl(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|tree| match tree {
        proc_macro2::TokenTree::Ident(ident) => ident == "impl",
        proc_macro2::TokenTree::Group(group) => mentions_impl(group.stream()),
        _ => false,
    })
}

/// The runtime's `ParamLocation` for `kind`.
fn location(p: &TokenStream, kind: ParamKind) -> TokenStream {
    match kind {
        ParamKind::Query => quote!(#p::ParamLocation::Query),
        ParamKind::Header => quote!(#p::ParamLocation::Header),
        ParamKind::Cookie => quote!(#p::ParamLocation::Cookie),
    }
}
