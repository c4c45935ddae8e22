//! `State<T>`: a value the application registered at start-up.

use std::any::{type_name, Any};
use std::fmt;
use std::future::{ready, Future};
use std::ops::Deref;

use http::StatusCode;

use super::{Arg, FromRequest, Rejection};
use crate::app::{AppState, StartupProblem};
use crate::ctx::Ctx;

/// Application state of type `T`, registered with [`App::state`](crate::App::state).
///
/// It derefs to `T` and is `Copy`: the app's state lives as long as the process (a Lambda
/// execution environment never tears its app down), so reading it costs a lookup among the
/// registered types and nothing else: no reference count, no lock, no allocation.
///
/// A route that takes a `State<T>` the app never registered stops the app at start-up, with an
/// error naming the route (its function and `file:line`) and the type; it never becomes a 500
/// at request time.
///
/// # Examples
///
/// ```
/// # use lambda_route_core as lambda_route;
/// use lambda_route_core::extract::State;
///
/// /// A connection pool, built once in `main`.
/// struct Db { table: String }
///
/// // #[get("/table")]
/// async fn table(db: State<Db>) -> String {
///     db.table.clone()
/// }
/// // #[lambda_main] async fn main() -> App { App::new().state(Db { table: "todos".into() }) }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <State<Db>>::from_request(cx, Arg::new("db", 0)).await {
/// #             Ok(arg) => table(arg).await.into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["GET"], "/table", shim,
/// #     lambda_route_core::registry::Location::new("table", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().state(Db { table: "todos".into() }).build().unwrap();
/// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/table"}"#).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "todos");
/// # }
/// ```
pub struct State<T: 'static>(&'static T);

impl<T> State<T> {
    /// The state itself, for as long as the process lives.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # use lambda_route_core::extract::{Arg, FromRequest};
    /// use lambda_route_core::extract::State;
    /// use lambda_route_core::App;
    ///
    /// struct Db { table: String }
    ///
    /// // #[get("/table")]
    /// async fn table(db: State<Db>) -> String {
    ///     // `&'static`: it may move into a spawned task or outlive the request.
    ///     let db: &'static Db = db.get();
    ///     db.table.clone()
    /// }
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move {
    /// #         let arg = <State<Db>>::from_request(cx, Arg::new("db", 0)).await.unwrap();
    /// #         table(arg).await.into_response()
    /// #     })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/table", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().state(Db { table: "todos".into() }).build().unwrap();
    /// let answer = app.dispatch(br#"{"httpMethod":"GET","path":"/table"}"#).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "todos");
    /// # }
    /// ```
    pub fn get(self) -> &'static T {
        self.0
    }
}

impl<T> Deref for State<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0
    }
}

impl<T> Clone for State<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for State<T> {}

impl<T: fmt::Debug> fmt::Debug for State<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("State").field(self.0).finish()
    }
}

impl<'r, T: Any + Send + Sync> FromRequest<'r> for State<T> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        // `check` refused to start an app without it, so this is only reachable for a record
        // built by hand and given to `App::build_with`.
        ready(cx.state().get::<T>().map(State).ok_or_else(|| {
            Rejection::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error")
        }))
    }

    fn check(state: &AppState, arg: Arg) -> Result<(), StartupProblem> {
        match state.get::<T>() {
            Some(_) => Ok(()),
            None => Err(StartupProblem::new(
                arg,
                format!(
                    "no `{}` state is registered: add `.state(..)` with a value of that type \
                     to the `App` that `main` returns",
                    type_name::<T>()
                ),
            )),
        }
    }
}
