//! Code generation for a validated route. Infallible: every check happened in validation.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{ItemFn, ReturnType};

use super::validate::{ArgKind, Route};
use crate::paths::private;

pub(crate) fn expand(route: &Route, item: &ItemFn) -> TokenStream {
    let p = private(Span::call_site());
    let fn_name = &item.sig.ident;
    let fn_name_str = fn_name.to_string();
    let shim = format_ident!("__lambda_route_shim", span = Span::mixed_site());
    let request = format_ident!("__lambda_route_request", span = Span::mixed_site());
    let params = format_ident!("__lambda_route_params", span = Span::mixed_site());
    let rejections = format_ident!("__lambda_route_rejections", span = Span::mixed_site());

    let vars: Vec<_> = (0..route.args.len())
        .map(|i| format_ident!("__lambda_route_arg{}", i, span = Span::mixed_site()))
        .collect();
    let extractions = route.args.iter().zip(&vars).map(|(arg, var)| {
        let ty = &arg.ty;
        // Spanned at the argument's type so a missing trait impl is reported there.
        let p = private(ty.span());
        match &arg.kind {
            ArgKind::Path { index, name } => quote_spanned! {ty.span()=>
                let #var = #p::path_param::<#ty>(#params, #index, #name, &mut #rejections);
            },
            ArgKind::Extractor => quote_spanned! {ty.span()=>
                let #var = #p::extract::<#ty>(#request, &mut #rejections);
            },
        }
    });

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
        quote_spanned!(output_span=> #out::respond_async(#callee(#(#vars),*)))
    } else {
        quote_spanned!(output_span=> #out::respond(#callee(#(#vars),*)))
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

    let methods = &route.methods;
    let template = &route.template;
    let status = match route.status {
        Some(code) => quote!(::core::option::Option::Some(#code)),
        None => quote!(::core::option::Option::None),
    };

    quote! {
        #item

        #[doc(hidden)]
        const _: () = {
            #[automatically_derived]
            fn #shim(
                #request: &#p::Request<'_>,
                #params: &#p::PathParams<'_>,
            ) -> #p::HandlerFuture {
                #body
            }

            #p::inventory::submit! {
                #p::Route {
                    methods: &[#(#methods),*],
                    template: #template,
                    handler: #shim,
                    function: #fn_name_str,
                    module: ::core::module_path!(),
                    file: ::core::file!(),
                    line: ::core::line!(),
                    status: #status,
                }
            }
        };
    }
}
