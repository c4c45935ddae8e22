//! `Text` and `Bytes`: the raw request body, whatever its content type.

use std::future::{ready, Future};

use http::StatusCode;

use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;
use crate::describe::{Operation, RequestBody};

/// The request body as text, borrowed from the request; any content type.
///
/// A body that is not UTF-8 answers 400 `{"statusCode":400,"message":"Request body is not
/// valid UTF-8"}`: the media type may well be right (`text/plain`), the bytes are malformed
/// for it, as a malformed JSON body is a 400. Take [`Bytes`] to accept any bytes. A base64
/// body is decoded first; an absent body is `""`.
///
/// A bare `String` argument is not the body (it would make a misspelled path parameter
/// compile): say `Text`.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Text;
///
/// // #[post("/echo")]
/// fn echo(Text(body): Text<'_>) -> String {
///     body.to_uppercase()
/// }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <Text<'_>>::from_request(cx, Arg::new("body", 0)).await {
/// #             Ok(arg) => echo(arg).into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["POST"], "/echo", shim,
/// #     lambda_route_core::registry::Location::new("echo", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// let answer = app.dispatch(br#"{"httpMethod":"POST","path":"/echo","body":"hello"}"#).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "HELLO");
///
/// // "/w==" is base64 for the byte 0xFF: not UTF-8, so 400.
/// let event = br#"{"httpMethod":"POST","path":"/echo","body":"/w==","isBase64Encoded":true}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], r#"{"statusCode":400,"message":"Request body is not valid UTF-8"}"#);
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Text<'r>(pub &'r str);

impl<'r> FromRequest<'r> for Text<'r> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(
            std::str::from_utf8(cx.request().body())
                .map(Text)
                .map_err(|_| {
                    Rejection::new(StatusCode::BAD_REQUEST, "Request body is not valid UTF-8")
                }),
        )
    }

    fn describe(operation: &mut Operation, _arg: Arg) {
        operation.request_body(RequestBody::new("text/plain").optional());
    }
}

/// The request body as bytes, borrowed from the request; any content type, never refused.
/// A base64 body is decoded first; an absent body is empty.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Bytes;
///
/// // #[put("/blobs/<id>")]
/// fn store(id: u64, Bytes(body): Bytes<'_>) -> String {
///     format!("{id}: {} bytes", body.len())
/// }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         let id: u64 = cx.path_params().get(0).unwrap().parse().unwrap();
/// #         match <Bytes<'_>>::from_request(cx, Arg::new("body", 0)).await {
/// #             Ok(arg) => store(id, arg).into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["PUT"], "/blobs/<id>", shim,
/// #     lambda_route_core::registry::Location::new("store", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// // "AAEC/w==" is base64 for the bytes 00 01 02 ff.
/// let event = br#"{"httpMethod":"PUT","path":"/blobs/7","body":"AAEC/w==","isBase64Encoded":true}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "7: 4 bytes");
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bytes<'r>(pub &'r [u8]);

impl<'r> FromRequest<'r> for Bytes<'r> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(Ok(Bytes(cx.request().body())))
    }

    fn describe(operation: &mut Operation, _arg: Arg) {
        operation.request_body(RequestBody::new("application/octet-stream").optional());
    }
}
