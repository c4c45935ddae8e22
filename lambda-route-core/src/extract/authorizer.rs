//! `Authorizer` and `Claims<T>`: what the event source's authorizer said about the caller.

use std::future::{ready, Future};

use http::StatusCode;
use serde::Deserialize;

use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;
pub use crate::request::{Authorizer, AuthorizerError};

/// Every authorizer's data, read on demand: never refuses a request.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Authorizer;
///
/// // #[get("/whoami")]
/// fn whoami(authorizer: Authorizer<'_>) -> String {
///     authorizer.claim("email").unwrap_or_default().into_owned()
/// }
/// ```
impl<'r> FromRequest<'r> for Authorizer<'r> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(Ok(cx.request().authorizer()))
    }
}

/// The caller's claims as a `T`: the JWT or Cognito user pool claims (REST
/// `requestContext.authorizer.claims`, HTTP API `requestContext.authorizer.jwt.claims`), or,
/// when there are none, the Lambda authorizer's context (see [`Authorizer`] for where each
/// source keeps them).
///
/// API Gateway sends every claim as a string, an array claim on HTTP API as `"[a b]"`:
/// declare claim fields as `String` or `&str`.
///
/// - No claims and no Lambda authorizer context (no authorizer ran, or the source has none:
///   ALB, VPC Lattice, Function URL): 401 `{"statusCode":401,"message":"Unauthorized"}`.
/// - Claims that do not fit `T` (a claim the route needs is not in the token): 403
///   `{"statusCode":403,"message":"Forbidden"}`, and serde's reason in the log. Not 422: the
///   client cannot fix what its authorizer asserted by editing the request, and the
///   reason would describe the token to whoever holds it.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Claims;
///
/// #[derive(serde::Deserialize)]
/// struct User { sub: String, email: String }
///
/// // #[get("/me")]
/// fn me(Claims(user): Claims<User>) -> String {
///     format!("{} <{}>", user.sub, user.email)
/// }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <Claims<User>>::from_request(cx, Arg::new("user", 0)).await {
/// #             Ok(arg) => me(arg).into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["GET"], "/me", shim,
/// #     lambda_route_core::registry::Location::new("me", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// // A REST API with a Cognito user pool authorizer.
/// let event = br#"{"httpMethod":"GET","path":"/me","requestContext":{"authorizer":
///   {"claims":{"sub":"u-42","email":"ada@example.com"}}}}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "u-42 <ada@example.com>");
///
/// // No authorizer ran: 401.
/// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/me"}"#).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["statusCode"], 401);
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Claims<T>(pub T);

impl<'r, T: Deserialize<'r> + Send + 'r> FromRequest<'r> for Claims<T> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(
            cx.request()
                .authorizer()
                .claims_or_context()
                .map(Claims)
                .map_err(|err| rejection(&err)),
        )
    }
}

fn rejection(err: &AuthorizerError) -> Rejection {
    match err {
        AuthorizerError::Absent => Rejection::new(StatusCode::UNAUTHORIZED, "Unauthorized"),
        AuthorizerError::Invalid(msg) => {
            tracing::warn!(reason = %msg, "authorizer claims do not fit the route's Claims type; answering 403");
            Rejection::new(StatusCode::FORBIDDEN, "Forbidden")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::IntoResponse;

    #[test]
    fn rejections() {
        let cases = [
            (
                AuthorizerError::Absent,
                r#"{"statusCode":401,"message":"Unauthorized"}"#,
            ),
            (
                AuthorizerError::Invalid("missing field `email`".to_owned()),
                r#"{"statusCode":403,"message":"Forbidden"}"#,
            ),
        ];
        for (err, expected) in cases {
            let response = rejection(&err).into_response();
            assert_eq!(
                response.error().map(|e| e.to_json()).as_deref(),
                Some(expected)
            );
        }
    }
}
