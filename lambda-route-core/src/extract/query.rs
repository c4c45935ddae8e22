//! `Query<T>`: the query string deserialized into a struct or map.

use std::future::{ready, Future};

use serde::Deserialize;

use super::de;
use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;
use crate::describe::{Operation, ParamLocation, Parameter};
use crate::request::Request;

/// The query string as a `T`, usually a struct with one field per parameter.
///
/// Values arrive percent-decoded whatever the source (REST and HTTP API, ALB, Lattice,
/// Function URLs). Field names are the wire names, so `#[serde(rename = "nextToken")]` and
/// `rename_all` work.
///
/// - A `Vec<T>` field takes every value of a repeated parameter (`?tag=a&tag=b`), in order;
///   absent, it is an empty `Vec` (a list sent zero times is empty, not missing).
/// - Any other field takes the **first** value of its parameter.
/// - `Option<T>` is `None` when the parameter is absent; `#[serde(default)]` works as usual.
/// - Numbers, `bool` (`true`/`false`), `char` parse from the text; unit enum variants by name.
///   `&str` fields borrow from the request.
///
/// A request that does not fit answers 422, listing every bad parameter at once:
/// `{"loc":["query","limit"],"type":"missing","msg":"field required"}` for a required one that
/// is absent, `"type":"parse_error"` with `"msg":"invalid u32: ..."` for one that does not
/// parse (as for path parameters), and `"type":"invalid"` with serde's message for a value the
/// type refuses after parsing. A list element's location ends with its position among the
/// parameter's values (`["query","tag",1]`).
///
/// `#[serde(flatten)]` sees every value as a string, so flattened fields must be strings.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Query;
///
/// #[derive(serde::Deserialize)]
/// struct Page {
///     limit: Option<u32>,
///     #[serde(rename = "nextToken")]
///     next_token: Option<String>,
///     tag: Vec<String>,
/// }
///
/// // #[get("/todos")]
/// fn list(Query(page): Query<Page>) -> String {
///     format!("{:?} {:?} {:?}", page.limit, page.next_token, page.tag)
/// }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <Query<Page>>::from_request(cx, Arg::new("page", 0)).await {
/// #             Ok(arg) => list(arg).into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["GET"], "/todos", shim,
/// #     lambda_route_core::registry::Location::new("list", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// let event = br#"{"version":"2.0","rawPath":"/todos","rawQueryString":"limit=5&tag=home&tag=urgent",
///   "requestContext":{"http":{"method":"GET"}}}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], r#"Some(5) None ["home", "urgent"]"#);
///
/// // `limit=many` does not parse: 422, and the route does not run.
/// let event = br#"{"version":"2.0","rawPath":"/todos","rawQueryString":"limit=many",
///   "requestContext":{"http":{"method":"GET"}}}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["statusCode"], 422);
/// assert!(answer["body"].as_str().unwrap().contains(r#""loc":["query","limit"],"type":"parse_error""#));
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

impl<'r, T: Deserialize<'r> + Send + 'r> FromRequest<'r> for Query<T> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(read_query(cx.request()))
    }

    /// One query parameter per field of `T`, required when its absence is rejected; nothing
    /// for a map.
    fn describe(operation: &mut Operation, _arg: Arg) {
        for (name, required) in de::fields::<T>() {
            let parameter = Parameter::new(ParamLocation::Query, name);
            operation.parameter(if required {
                parameter
            } else {
                parameter.optional()
            });
        }
    }
}

/// The pairs are already split and decoded: reading them is synchronous.
fn read_query<'r, T: Deserialize<'r>>(request: &'r Request<'r>) -> Result<Query<T>, Rejection> {
    de::from_pairs(request.query_pairs())
        .map(Query)
        .map_err(|problems| {
            Rejection::from_fields(problems.into_iter().map(|p| p.into_field_error("query")))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::IntoResponse;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code, reason = "fields exist to be deserialized")]
    struct Filter {
        limit: u8,
        tag: Vec<u8>,
    }

    fn extract(query: &str) -> Result<String, String> {
        let event = format!(
            r#"{{"version":"2.0","rawPath":"/","rawQueryString":{query:?},"requestContext":{{"http":{{"method":"GET"}}}}}}"#
        );
        let request = Request::from_event(event.as_bytes()).map_err(|e| e.to_string())?;
        read_query::<Filter>(&request)
            .map(|Query(f)| format!("{f:?}"))
            .map_err(|rejection| match rejection.into_response().error() {
                Some(error) => error.to_json(),
                None => "not an error".to_owned(),
            })
    }

    #[test]
    fn answers() {
        let cases = [
            (
                "limit=5&tag=1&tag=2",
                Ok("Filter { limit: 5, tag: [1, 2] }"),
            ),
            ("limit=%35", Ok("Filter { limit: 5, tag: [] }")),
            (
                "tag=x&tag=1&tag=y",
                Err(
                    r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["query","tag",0],"type":"parse_error","msg":"invalid u8: invalid digit found in string"},{"loc":["query","tag",2],"type":"parse_error","msg":"invalid u8: invalid digit found in string"},{"loc":["query","limit"],"type":"missing","msg":"field required"}]}"#,
                ),
            ),
        ];
        for (query, expected) in cases {
            assert_eq!(
                extract(query),
                expected.map(str::to_owned).map_err(str::to_owned),
                "{query}"
            );
        }
    }

    #[test]
    fn describes_each_field() {
        let mut operation = Operation::default();
        <Query<Filter> as FromRequest<'_>>::describe(&mut operation, Arg::new("filter", 0));
        assert_eq!(
            operation.parameters(),
            [
                Parameter::new(ParamLocation::Query, "limit"),
                Parameter::new(ParamLocation::Query, "tag").optional(),
            ]
        );
    }
}
