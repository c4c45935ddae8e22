//! `Headers`: every request header.

use std::future::{ready, Future};

use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;
use crate::request::Request;

/// Every header of the request, borrowed from it: look one up case-insensitively, read every
/// value of a repeated one, or iterate over all of them.
///
/// Names keep the case they arrived in. Values are as the source delivered them: HTTP API
/// v2, Function URLs and VPC Lattice v1 join a repeated header into one comma-separated value
/// (see [`Source::joins_repeated_headers`](crate::event::Source::joins_repeated_headers)), and
/// HTTP API v2 cookies appear as `cookie` headers. For one known header, a
/// `#[header("x-api-key")] key: String` argument says more and is checked for you.
///
/// Never rejects.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Headers;
///
/// // #[get("/whoami")]
/// fn whoami(headers: Headers<'_>) -> String {
///     let agent = headers.get("user-agent").unwrap_or("unknown");
///     let accepts: Vec<&str> = headers.get_all("accept").collect();
///     format!("{agent} accepts {accepts:?}; {} headers", headers.iter().count())
/// }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <Headers<'_>>::from_request(cx, Arg::new("headers", 0)).await {
/// #             Ok(arg) => whoami(arg).into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["GET"], "/whoami", shim,
/// #     lambda_route_core::registry::Location::new("whoami", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// let event = br#"{"httpMethod":"GET","path":"/whoami","multiValueHeaders":
///   {"User-Agent":["curl/8.5.0"],"Accept":["text/html","application/json"]}}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], r#"curl/8.5.0 accepts ["text/html", "application/json"]; 3 headers"#);
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Headers<'r> {
    request: &'r Request<'r>,
}

impl<'r> Headers<'r> {
    /// The first value of header `name`, looked up case-insensitively.
    ///
    /// ```
    /// # use lambda_route_core::{extract::Headers, Request};
    /// # let event = br#"{"version":"2.0","rawPath":"/","headers":{"X-Api-Key":"k1"},"requestContext":{"http":{"method":"GET"}}}"#;
    /// # let request = Request::from_event(event).unwrap();
    /// # let headers = Headers::new(&request);
    /// assert_eq!(headers.get("x-api-key"), Some("k1"));
    /// ```
    pub fn get(&self, name: &str) -> Option<&'r str> {
        self.request.header(name)
    }

    /// Every value of header `name` in arrival order, looked up case-insensitively.
    ///
    /// ```
    /// # use lambda_route_core::{extract::Headers, Request};
    /// # let event = br#"{"httpMethod":"GET","path":"/","resource":"/","multiValueHeaders":{"Accept":["a/b","c/d"]},"requestContext":{}}"#;
    /// # let request = Request::from_event(event).unwrap();
    /// # let headers = Headers::new(&request);
    /// assert_eq!(headers.get_all("accept").collect::<Vec<_>>(), ["a/b", "c/d"]);
    /// ```
    pub fn get_all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.request.header_all(name)
    }

    /// Whether header `name` was sent, looked up case-insensitively.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::{extract::Headers, Request};
    /// # let event = br#"{"version":"2.0","rawPath":"/","headers":{"authorization":"Bearer t"},"requestContext":{"http":{"method":"GET"}}}"#;
    /// # let request = Request::from_event(event).unwrap();
    /// # let headers = Headers::new(&request);
    /// assert!(headers.contains("Authorization"));
    /// assert!(!headers.contains("x-api-key"));
    /// ```
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Every header as `(name, value)`, one pair per value, in arrival order.
    ///
    /// ```
    /// # use lambda_route_core::{extract::Headers, Request};
    /// # let event = br#"{"version":"2.0","rawPath":"/","headers":{"a":"1","b":"2"},"requestContext":{"http":{"method":"GET"}}}"#;
    /// # let request = Request::from_event(event).unwrap();
    /// # let headers = Headers::new(&request);
    /// assert_eq!(headers.iter().collect::<Vec<_>>(), [("a", "1"), ("b", "2")]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&'r str, &'r str)> {
        self.request.headers()
    }

    /// The headers of `request`, for code that holds a [`Request`] rather than an argument.
    ///
    /// ```
    /// # use lambda_route_core::{extract::Headers, Request};
    /// # let event = br#"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"}}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(Headers::new(&request).iter().count(), 0);
    /// ```
    pub fn new(request: &'r Request<'r>) -> Self {
        Headers { request }
    }
}

impl<'r> FromRequest<'r> for Headers<'r> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(Ok(Headers::new(cx.request())))
    }
}
