//! `Provided<T>`: a value a middleware handed on with [`Ctx::provide`].

use std::any::type_name;
use std::future::{ready, Future};
use std::ops::{Deref, DerefMut};

use http::StatusCode;

use crate::ctx::Ctx;
use crate::extract::{Arg, FromRequest, Rejection};

/// A value of type `T` that a middleware handed on with [`Ctx::provide`], read by a later
/// middleware ([`Ctx::provided`]) or by the route as an argument.
///
/// When no middleware provided a `T` for the request, the request is answered 500 (the app's
/// wiring is wrong, not the request) and an error is logged naming the type and the route.
/// Take `Option<Provided<T>>` for a value that may be absent.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Provided;
/// use lambda_route_core::middleware::Next;
/// use lambda_route_core::response::{HttpError, IntoResponse, Response};
/// use lambda_route_core::Ctx;
///
/// #[derive(Clone)]
/// struct CurrentUser { id: String }
///
/// async fn require_auth(cx: &Ctx<'_>, next: Next<'_>) -> Response {
///     match cx.request().header("x-user") {
///         Some(id) => {
///             cx.provide(CurrentUser { id: id.to_owned() });
///             next.run().await
///         }
///         None => HttpError::unauthorized("who are you?").into_response(),
///     }
/// }
///
/// // #[get("/me", middleware = [require_auth])]
/// async fn me(Provided(user): Provided<CurrentUser>) -> String {
///     user.id
/// }
///
/// // #[get("/hello")] with or without the middleware
/// async fn hello(user: Option<Provided<CurrentUser>>) -> String {
///     user.map_or_else(|| "hello".to_owned(), |Provided(user)| format!("hello {}", user.id))
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Provided<T>(pub T);

impl<T> Provided<T> {
    /// The value.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Provided;
    ///
    /// #[derive(Clone, Debug, PartialEq)]
    /// struct CurrentUser { id: String }
    ///
    /// // What a route argument `user: Provided<CurrentUser>` holds after a middleware's `cx.provide(..)`.
    /// let user = Provided(CurrentUser { id: "u-1".into() });
    /// assert_eq!(user.id, "u-1"); // through `Deref`
    /// assert_eq!(user.into_inner(), CurrentUser { id: "u-1".into() });
    /// ```
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Provided<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Provided<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<'r, T: Clone + Send + Sync + 'static> FromRequest<'r> for Provided<T> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(match cx.provided::<T>() {
            Some(value) => Ok(Provided(value)),
            None => {
                tracing::error!(
                    route = cx.route().template(),
                    r#type = type_name::<T>(),
                    "no middleware provided a value the route reads as `Provided<{}>`; answering 500",
                    type_name::<T>()
                );
                Err(Rejection::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal server error",
                ))
            }
        })
    }
}

impl<'r, T: Clone + Send + Sync + 'static> FromRequest<'r> for Option<Provided<T>> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(Ok(cx.provided::<T>().map(Provided)))
    }
}
