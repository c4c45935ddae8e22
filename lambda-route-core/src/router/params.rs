//! The values a matched route's `<params>` take, as slices of the request path.

/// The most path parameters one route can have.
pub(crate) const MAX_PARAMS: usize = 16;

/// The raw values of a matched route's path parameters, in template order, as the event
/// source sent them (percent-encoded, except on HTTP APIs, which decode the path).
///
/// Route arguments named after a `<param>` read these through
/// [`FromPathParam`](crate::extract::FromPathParam); an extractor can read them through
/// [`Ctx::path_params`](crate::Ctx::path_params).
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::PathParams;
///
/// let params = PathParams::default();
/// assert!(params.is_empty());
/// assert_eq!(params.get(0), None);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct PathParams<'p> {
    values: [&'p str; MAX_PARAMS],
    len: usize,
    /// The event source decoded the path already; decoding again would turn a `%` the client
    /// sent as `%25` into an error or a different character.
    decoded: bool,
}

impl Default for PathParams<'_> {
    fn default() -> Self {
        PathParams::new()
    }
}

impl<'p> PathParams<'p> {
    pub(crate) const fn new() -> Self {
        PathParams {
            values: [""; MAX_PARAMS],
            len: 0,
            decoded: false,
        }
    }

    /// Whether the event source already percent-decoded the path these values come from.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// // The shim a route on `/files/<name>` runs, reading the raw parameters.
    /// fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     let params = cx.path_params();
    ///     let answer = format!("{} {}", params.get(0).unwrap_or_default(), params.is_decoded());
    ///     Box::pin(async move { answer.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/files/<name>", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/files/a%20b.txt"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "a%20b.txt false");
    /// # }
    /// ```
    pub fn is_decoded(&self) -> bool {
        self.decoded
    }

    /// Marks the values as already percent-decoded by the event source.
    pub(crate) fn set_decoded(&mut self, decoded: bool) {
        self.decoded = decoded;
    }

    pub(crate) fn push(&mut self, value: &'p str) -> bool {
        match self.values.get_mut(self.len) {
            Some(slot) => {
                *slot = value;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    pub(crate) fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    /// How many parameters the route has.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// // The shim a route on `/users/<user>/todos/<id>` runs, reading the raw parameters.
    /// fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     let params = cx.path_params();
    ///     let answer = params.len().to_string();
    ///     Box::pin(async move { answer.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/users/<user>/todos/<id>", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/users/ada/todos/7"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "2");
    /// # }
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for a route without parameters.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// // The shim a route on `/todos` runs, reading the raw parameters.
    /// fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     let params = cx.path_params();
    ///     let answer = params.is_empty().to_string();
    ///     Box::pin(async move { answer.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/todos", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/todos"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "true");
    /// # }
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Parameter `index` (template order), raw.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// // The shim a route on `/users/<user>/todos/<id>` runs, reading the raw parameters.
    /// fn shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     let params = cx.path_params();
    ///     let answer = format!("{}/{}", params.get(0).unwrap_or("-"), params.get(1).unwrap_or("-"));
    ///     Box::pin(async move { answer.into_response() })
    /// }
    /// # inventory::submit!(Route::new(&["GET"], "/users/<user>/todos/<id>", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/users/ada/todos/7"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "ada/7");
    /// # }
    /// ```
    pub fn get(&self, index: usize) -> Option<&'p str> {
        self.values.get(..self.len)?.get(index).copied()
    }
}
