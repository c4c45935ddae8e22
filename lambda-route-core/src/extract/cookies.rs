//! `Cookies`: the request's cookie jar.

use std::future::{ready, Future};

use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;
use crate::request::Request;

/// Every cookie the request carries, borrowed from it, from every source's form (`cookie`
/// headers, HTTP API v2's `cookies` array).
///
/// Names are case-sensitive; values are as sent (not percent-decoded), without surrounding
/// double quotes. Junk in a `cookie` header (a pair without `=`) is skipped. For one known
/// cookie, a `#[cookie] session: Option<String>` argument says more and is checked for you.
///
/// Never rejects.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Cookies;
///
/// // #[get("/prefs")]
/// fn prefs(cookies: Cookies<'_>) -> String {
///     let theme = cookies.get("theme").unwrap_or("light");
///     let names: Vec<&str> = cookies.iter().map(|(name, _)| name).collect();
///     format!("{theme} {names:?}")
/// }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <Cookies<'_>>::from_request(cx, Arg::new("cookies", 0)).await {
/// #             Ok(arg) => prefs(arg).into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["GET"], "/prefs", shim,
/// #     lambda_route_core::registry::Location::new("prefs", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// // HTTP API v2 sends cookies in a `cookies` array; other sources in `cookie` headers.
/// let event = br#"{"version":"2.0","rawPath":"/prefs","rawQueryString":"",
///   "cookies":["theme=dark","lang=fr"],"requestContext":{"http":{"method":"GET"}}}"#;
/// let answer = app.dispatch(event).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], r#"dark ["theme", "lang"]"#);
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Cookies<'r> {
    request: &'r Request<'r>,
}

impl<'r> Cookies<'r> {
    /// The value of the first cookie named `name`.
    ///
    /// ```
    /// # use lambda_route_core::{extract::Cookies, Request};
    /// # let event = br#"{"version":"2.0","rawPath":"/","cookies":["theme=dark","id=7"],"requestContext":{"http":{"method":"GET"}}}"#;
    /// # let request = Request::from_event(event).unwrap();
    /// # let cookies = Cookies::new(&request);
    /// assert_eq!(cookies.get("theme"), Some("dark"));
    /// assert_eq!(cookies.get("Theme"), None);
    /// ```
    pub fn get(&self, name: &str) -> Option<&'r str> {
        self.request.cookie(name)
    }

    /// Every value of the cookies named `name`, in order (a browser sends a name twice when
    /// two paths or domains set it).
    ///
    /// ```
    /// # use lambda_route_core::{extract::Cookies, Request};
    /// # let event = br#"{"version":"2.0","rawPath":"/","cookies":["id=1","id=2"],"requestContext":{"http":{"method":"GET"}}}"#;
    /// # let request = Request::from_event(event).unwrap();
    /// # let cookies = Cookies::new(&request);
    /// assert_eq!(cookies.get_all("id").collect::<Vec<_>>(), ["1", "2"]);
    /// ```
    pub fn get_all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + use<'r, 's> {
        self.iter().filter(move |(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Whether a cookie named `name` was sent.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::{extract::Cookies, Request};
    /// # let event = br#"{"version":"2.0","rawPath":"/","cookies":["session=s3cr3t"],"requestContext":{"http":{"method":"GET"}}}"#;
    /// # let request = Request::from_event(event).unwrap();
    /// # let cookies = Cookies::new(&request);
    /// assert!(cookies.contains("session"));
    /// assert!(!cookies.contains("Session"));
    /// ```
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Every cookie as `(name, value)`, in the order they were sent.
    ///
    /// ```
    /// # use lambda_route_core::{extract::Cookies, Request};
    /// # let event = br#"{"version":"2.0","rawPath":"/","cookies":["a=1; b=2"],"requestContext":{"http":{"method":"GET"}}}"#;
    /// # let request = Request::from_event(event).unwrap();
    /// # let cookies = Cookies::new(&request);
    /// assert_eq!(cookies.iter().collect::<Vec<_>>(), [("a", "1"), ("b", "2")]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&'r str, &'r str)> {
        self.request.cookies()
    }

    /// The cookies of `request`, for code that holds a [`Request`] rather than an argument.
    ///
    /// ```
    /// # use lambda_route_core::{extract::Cookies, Request};
    /// # let event = br#"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"}}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(Cookies::new(&request).iter().count(), 0);
    /// ```
    pub fn new(request: &'r Request<'r>) -> Self {
        Cookies { request }
    }
}

impl<'r> FromRequest<'r> for Cookies<'r> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(Ok(Cookies::new(cx.request())))
    }
}
