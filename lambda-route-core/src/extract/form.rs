//! `Form<T>`: an `application/x-www-form-urlencoded` request body.

use std::borrow::Cow;
use std::future::{ready, Future};

use http::StatusCode;
use serde::de::DeserializeOwned;

use super::de;
use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;
use crate::describe::{Operation, RequestBody};
use crate::request::pairs::append_query_string;
use crate::request::Request;

const FORM: &str = "application/x-www-form-urlencoded";

/// An HTML form body (`application/x-www-form-urlencoded`) as a `T`, read by the same rules
/// as [`Query`](super::Query): values percent-decoded with `+` as a space, a `Vec<T>` field
/// takes every value of a repeated name, any other field the first, `Option<T>` is `None`
/// when the name is absent. A base64 body (binary media types, ALB, Function URLs) is decoded
/// first.
///
/// - A `content-type` other than `application/x-www-form-urlencoded` (parameters such as
///   `; charset=UTF-8` allowed) answers 415
///   `{"statusCode":415,"message":"Expected content-type application/x-www-form-urlencoded"}`.
///   A request without a `content-type` is read as a form, as [`Json`](super::Json) reads one
///   as JSON: browsers and `curl -d` always send it, and a client that omits it has said
///   nothing that contradicts the route.
/// - A body that is not UTF-8 answers 400: a form body is percent-encoded ASCII.
/// - Fields that are missing or do not parse answer 422, every one at once, located
///   `["body", name]` (`["body", name, index]` for a list element), with the same `type` and
///   `msg` as query parameters.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Form;
///
/// #[derive(serde::Deserialize)]
/// struct Signup { email: String, newsletter: Option<bool>, topic: Vec<String> }
///
/// // #[post("/signup")]             // email=a%40example.com&topic=rust&topic=aws
/// fn signup(Form(signup): Form<Signup>) -> String {
///     format!("{} {:?} {:?}", signup.email, signup.newsletter, signup.topic)
/// }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <Form<Signup>>::from_request(cx, Arg::new("signup", 0)).await {
/// #             Ok(arg) => signup(arg).into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["POST"], "/signup", shim,
/// #     lambda_route_core::registry::Location::new("signup", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// let event = br#"{"httpMethod":"POST","path":"/signup",
///   "headers":{"content-type":"application/x-www-form-urlencoded"},
///   "body":"email=a%40example.com&topic=rust&topic=aws"}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], r#"a@example.com None ["rust", "aws"]"#);
///
/// let json = br#"{"httpMethod":"POST","path":"/signup","headers":{"content-type":"application/json"},"body":"{}"}"#;
/// let answer = app.dispatch(json).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["statusCode"], 415);
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Form<T>(pub T);

impl<'r, T: DeserializeOwned + Send + 'static> FromRequest<'r> for Form<T> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(read_form(cx.request()))
    }

    fn describe(operation: &mut Operation, _arg: Arg) {
        operation.request_body(RequestBody::new(FORM));
    }
}

/// The body is already in memory: reading it is synchronous.
fn read_form<T: DeserializeOwned>(request: &Request<'_>) -> Result<Form<T>, Rejection> {
    if let Some(content_type) = request.header("content-type") {
        if !is_form(content_type) {
            return Err(Rejection::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Expected content-type application/x-www-form-urlencoded",
            ));
        }
    }
    let body = std::str::from_utf8(request.body())
        .map_err(|_| Rejection::new(StatusCode::BAD_REQUEST, "Form body is not valid UTF-8"))?;
    let mut pairs = Vec::new();
    append_query_string(&Cow::Borrowed(body), &mut pairs);
    de::from_pairs(pairs.iter().map(|(n, v)| (n.as_ref(), v.as_ref())))
        .map(Form)
        .map_err(|problems| {
            Rejection::from_fields(problems.into_iter().map(|p| p.into_field_error("body")))
        })
}

/// `application/x-www-form-urlencoded`, with or without parameters, any case.
fn is_form(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .eq_ignore_ascii_case(FORM)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::IntoResponse;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code, reason = "fields exist to be deserialized")]
    struct Signup {
        email: String,
        age: u8,
        topic: Vec<String>,
    }

    fn extract(content_type: Option<&str>, body: &[u8]) -> Result<String, String> {
        let headers = content_type.map_or(String::new(), |ct| format!(r#""content-type":{ct:?}"#));
        let event = format!(
            r#"{{"httpMethod":"POST","path":"/","headers":{{{headers}}},"body":{:?}}}"#,
            String::from_utf8_lossy(body)
        );
        let mut request = Request::from_event(event.as_bytes()).unwrap();
        request.body = Cow::Owned(body.to_vec());
        read_form::<Signup>(&request)
            .map(|Form(s)| format!("{s:?}"))
            .map_err(|rejection| match rejection.into_response().error() {
                Some(error) => error.to_json(),
                None => "not an error".to_owned(),
            })
    }

    /// `(content-type, body, answer)`.
    type Case = (
        Option<&'static str>,
        &'static [u8],
        Result<&'static str, &'static str>,
    );

    #[test]
    fn answers() {
        let form = Some("application/x-www-form-urlencoded");
        let cases: [Case; 6] = [
            (
                form,
                b"email=a%40b.c&age=7&topic=a+b&topic=c%26d",
                Ok(r#"Signup { email: "a@b.c", age: 7, topic: ["a b", "c&d"] }"#),
            ),
            (
                None,
                b"age=7&email=x",
                Ok(r#"Signup { email: "x", age: 7, topic: [] }"#),
            ),
            (
                Some("Application/X-WWW-Form-Urlencoded; charset=UTF-8"),
                b"age=7&email=x",
                Ok(r#"Signup { email: "x", age: 7, topic: [] }"#),
            ),
            (
                Some("application/json"),
                b"age=7&email=x",
                Err(
                    r#"{"statusCode":415,"message":"Expected content-type application/x-www-form-urlencoded"}"#,
                ),
            ),
            (
                form,
                b"age=old",
                Err(
                    r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["body","age"],"type":"parse_error","msg":"invalid u8: invalid digit found in string"},{"loc":["body","email"],"type":"missing","msg":"field required"}]}"#,
                ),
            ),
            (
                form,
                b"email=\xff",
                Err(r#"{"statusCode":400,"message":"Form body is not valid UTF-8"}"#),
            ),
        ];
        for (content_type, body, expected) in cases {
            assert_eq!(
                extract(content_type, body),
                expected.map(str::to_owned).map_err(str::to_owned),
                "{content_type:?} {body:?}"
            );
        }
    }
}
