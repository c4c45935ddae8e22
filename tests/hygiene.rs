//! Hygiene: the route attributes expand correctly inside `macro_rules!` and in a module where
//! every name the generated code uses is shadowed or absent (`#![no_implicit_prelude]` plus
//! look-alike `Result`, `Option`, `Box`, `Some`, `None`, `Default`, `inventory`, `core`,
//! `std`, `lambda_route`, ...). Each route is then reached through a real HTTP API v2 event,
//! so a route that compiled but was not registered, or registered wrongly, fails here too.
//! The same for `#[catch]` (on statuses 418 and 451, which no other test here answers).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests panic on failure"
)]

use lambda_route_tests::dispatch;
use serde_json::{json, Value};

/// Look-alikes of every name the expansion could pick up by accident. Nothing from the
/// standard prelude is in scope either: the generated code must spell out every path.
#[no_implicit_prelude]
#[allow(
    dead_code,
    unused_macros,
    non_camel_case_types,
    non_snake_case,
    clippy::upper_case_acronyms,
    reason = "look-alikes of std names, defined only to be shadowed"
)]
mod shadowed {
    use ::lambda_route::extract::{Arg, FromRequest, Rejection};
    use ::lambda_route::{catch, get, lambda_main, route, App, Ctx, HttpError, Request, Response};

    pub(crate) struct Result;
    pub(crate) struct Option;
    pub(crate) struct Box;
    pub(crate) struct Some;
    pub(crate) struct None;
    pub(crate) struct Ok;
    pub(crate) struct Err;
    pub(crate) struct Default;
    pub(crate) struct Vec;
    pub(crate) struct String;
    pub(crate) struct Send;
    pub(crate) struct Sync;
    pub(crate) struct Future;
    pub(crate) struct Pin;
    pub(crate) struct ExitCode;
    pub(crate) struct Route;
    pub(crate) struct Rejections;
    pub(crate) struct PathParams;
    pub(crate) struct HandlerFuture;
    pub(crate) struct Catcher;
    pub(crate) struct CatcherArg;
    pub(crate) struct BoxFuture;
    pub(crate) trait IntoResponse {}
    pub(crate) trait FromPathParam {}
    pub(crate) trait Into {}
    pub(crate) trait From {}
    pub(crate) trait Fn {}
    pub(crate) mod inventory {}
    pub(crate) mod core {}
    pub(crate) mod std {}
    pub(crate) mod alloc {}
    pub(crate) mod http {}
    pub(crate) mod lambda_route {}
    pub(crate) mod __private {}
    macro_rules! module_path {
        () => {
            "shadowed"
        };
    }
    macro_rules! file {
        () => {
            "shadowed.rs"
        };
    }
    macro_rules! line {
        () => {
            0
        };
    }
    /// Same names as the generated items, which live in their own `const _` scopes.
    fn __lambda_route_shim() {}
    fn __lambda_route_main() {}
    fn __lambda_route_catcher() {}

    /// An extractor, to exercise the extraction path of the generated shim.
    pub(crate) struct Caller(pub &'static str);

    impl<'r> FromRequest<'r> for Caller {
        async fn from_request(
            cx: &'r Ctx<'r>,
            _arg: Arg,
        ) -> ::core::result::Result<Self, Rejection> {
            let request = cx.request();
            ::core::result::Result::Ok(Caller(match request.header("x-caller") {
                ::core::option::Option::Some(_) => "someone",
                ::core::option::Option::None => "anonymous",
            }))
        }
    }

    #[get("/hygiene")]
    pub(crate) fn hygiene() -> &'static str {
        "hygienic"
    }

    #[route("/hygiene/<a>/<rest..>", method = ["GET", "POST"], status = 201)]
    pub(crate) async fn params(
        rest: ::std::string::String,
        caller: Caller,
        a: u32,
    ) -> ::core::result::Result<::std::string::String, HttpError> {
        if a == 0 {
            return ::core::result::Result::Err(HttpError::not_found("zero"));
        }
        ::core::result::Result::Ok(::std::format!("{a} {rest} {}", caller.0))
    }

    /// Query, header and cookie arguments, with `Option` and `Vec` written by full path (the
    /// short names are look-alike structs here).
    #[get("/hygiene-params")]
    pub(crate) fn hygiene_params(
        #[query] n: ::core::option::Option<u32>,
        #[header] x_tag: ::std::vec::Vec<::std::string::String>,
        #[cookie("id")] id: ::std::string::String,
    ) -> ::std::string::String {
        ::std::format!("{n:?} {x_tag:?} {id}")
    }

    #[get("/hygiene/teapot")]
    pub(crate) fn teapot() -> HttpError {
        HttpError::new(::lambda_route::StatusCode::IM_A_TEAPOT, "short and stout")
    }

    /// A catcher taking both arguments, under the same shadowing.
    #[catch(418)]
    pub(crate) async fn teapot_catcher(
        request: &Request<'_>,
        caught: &Response,
    ) -> ::std::string::String {
        ::std::format!("{} caught {}", request.path(), caught.status().as_u16())
    }

    /// `#[lambda_main]` compiles here too; in a test binary it cannot be the real `main`.
    mod entry {
        use super::{lambda_main, App};

        #[lambda_main]
        async fn main() -> ::core::result::Result<App, &'static str> {
            ::core::result::Result::Ok(App::new())
        }
    }
}

/// A route whose attribute, path and function all come from a `macro_rules!` expansion.
macro_rules! route_from_macro {
    () => {
        #[::lambda_route::get("/from-macro/<n>")]
        fn from_macro(n: u8) -> ::std::string::String {
            ::std::format!("from macro {n}")
        }
    };
}
route_from_macro!();

/// A route built from fragments passed to a `macro_rules!`: the path as `$path:literal`
/// (an invisible group), the method attribute as `$method:ident`, the name and body.
macro_rules! route_with {
    ($method:ident, $path:literal, $name:ident, $body:literal) => {
        #[::lambda_route::$method($path)]
        async fn $name(n: u8) -> ::std::string::String {
            ::std::format!("{} {n}", $body)
        }
    };
}
route_with!(post, "/with/<n>", with_fragments, "fragments");

/// A parameter argument from fragments: the attribute as `$kind:ident`, the type as `$t:ty`
/// (an invisible group around `Option<u8>`, still seen as optional).
macro_rules! param_route {
    ($path:literal, $name:ident, $kind:ident, $arg:ident: $t:ty) => {
        #[::lambda_route::get($path)]
        fn $name(#[$kind] $arg: $t) -> ::std::string::String {
            ::std::format!("{:?}", $arg)
        }
    };
}
param_route!("/param-from-macro", param_from_macro, query, limit: Option<u8>);

/// A catcher whose attribute and status come from a `macro_rules!`, and a route it catches.
macro_rules! catcher_with {
    ($status:literal, $name:ident) => {
        #[::lambda_route::catch($status)]
        fn $name() -> &'static str {
            "caught by a macro's catcher"
        }
    };
}
catcher_with!(451, legal_catcher);

#[::lambda_route::get("/legal")]
fn legal() -> ::lambda_route::HttpError {
    ::lambda_route::HttpError::new(
        ::lambda_route::StatusCode::UNAVAILABLE_FOR_LEGAL_REASONS,
        "no",
    )
}

/// `#[lambda_main]` from a `macro_rules!` (compiled only: a test binary has its own `main`).
macro_rules! entry_from_macro {
    () => {
        #[allow(
            dead_code,
            reason = "the generated `main` is never called in a test binary"
        )]
        mod macro_entry {
            #[::lambda_route::lambda_main]
            fn main() -> ::lambda_route::App {
                ::lambda_route::App::new()
            }
        }
    };
}
entry_from_macro!();

/// A minimal HTTP API v2 event.
fn event(method: &str, path: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "headers": {},
        "requestContext": {
            "http": { "method": method, "path": path },
            "stage": "$default",
            "domainName": "id.execute-api.us-east-1.amazonaws.com",
            "requestId": "r1"
        },
        "isBase64Encoded": false
    }))
    .unwrap()
}

/// The HTTP API v2 response JSON for a text body.
fn text(status: u16, body: &str) -> Value {
    json!({
        "statusCode": status,
        "headers": { "content-type": "text/plain; charset=utf-8" },
        "cookies": [],
        "body": body,
        "isBase64Encoded": false
    })
}

#[test]
fn a_route_in_a_module_shadowing_every_name_answers() {
    let event = br#"{"version":"2.0","routeKey":"$default","rawPath":"/hygiene","rawQueryString":"","headers":{},"requestContext":{"http":{"method":"GET","path":"/hygiene"},"stage":"$default","domainName":"id.execute-api.us-east-1.amazonaws.com","requestId":"r1"},"isBase64Encoded":false}"#;
    assert_eq!(
        dispatch(event),
        json!({
            "statusCode": 200,
            "headers": { "content-type": "text/plain; charset=utf-8" },
            "cookies": [],
            "body": "hygienic",
            "isBase64Encoded": false
        })
    );
}

#[test]
fn path_params_extractors_methods_and_status_work_under_shadowing() {
    assert_eq!(
        dispatch(&event("GET", "/hygiene/7/a/b")),
        text(201, "7 a/b anonymous")
    );
    assert_eq!(
        dispatch(&event("POST", "/hygiene/8/c")),
        text(201, "8 c anonymous")
    );
}

#[test]
fn a_route_defined_by_a_macro_rules_answers() {
    assert_eq!(
        dispatch(&event("GET", "/from-macro/3")),
        text(200, "from macro 3")
    );
    assert_eq!(
        dispatch(&event("POST", "/with/4")),
        text(200, "fragments 4")
    );
}

#[test]
fn parameter_arguments_work_under_shadowing_and_from_macro_rules() {
    let mut with_params: Value = serde_json::from_slice(&event("GET", "/hygiene-params")).unwrap();
    with_params["rawQueryString"] = json!("n=5");
    with_params["headers"] = json!({"X-Tag": "a,b"});
    with_params["cookies"] = json!(["id=7"]);
    assert_eq!(
        dispatch(&serde_json::to_vec(&with_params).unwrap()),
        text(200, r#"Some(5) ["a", "b"] 7"#)
    );
    let mut limited: Value = serde_json::from_slice(&event("GET", "/param-from-macro")).unwrap();
    assert_eq!(
        dispatch(&serde_json::to_vec(&limited).unwrap()),
        text(200, "None")
    );
    limited["rawQueryString"] = json!("limit=9");
    assert_eq!(
        dispatch(&serde_json::to_vec(&limited).unwrap()),
        text(200, "Some(9)")
    );
}

#[test]
fn catchers_work_under_shadowing_and_from_a_macro_rules() {
    assert_eq!(
        dispatch(&event("GET", "/hygiene/teapot")),
        text(418, "/hygiene/teapot caught 418")
    );
    assert_eq!(
        dispatch(&event("GET", "/legal")),
        text(451, "caught by a macro's catcher")
    );
}

#[test]
fn the_functions_stay_callable_as_written() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(shadowed::hygiene(), "hygienic");
    assert_eq!(from_macro(1), "from macro 1");
    assert_eq!(param_from_macro(Some(1)), "Some(1)");
    assert_eq!(runtime.block_on(with_fragments(2)), "fragments 2");
    assert_eq!(
        runtime
            .block_on(shadowed::params("r".to_owned(), shadowed::Caller("me"), 5))
            .unwrap(),
        "5 r me"
    );
}
