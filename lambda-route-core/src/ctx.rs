//! The context one request is served in: what every extractor and the route shim can reach.

use http::Extensions;

use crate::app::{AppState, RouteEntry};
use crate::request::Request;
use crate::router::PathParams;

/// Everything known about one request while it is served: the decoded request, the matched
/// route and its path parameters, the application state, the Lambda invocation context (when
/// there is one) and per-request values set by earlier steps.
///
/// A route's generated shim receives `&Ctx` and hands it to each argument's
/// [`FromRequest`](crate::extract::FromRequest). Everything in it lives for `'r`, the time the
/// request is served, so extractors may borrow from the request.
///
/// # Examples
///
/// An extractor that reads the Lambda request id, or a local one outside Lambda:
///
/// ```
/// use std::future::{ready, Future};
/// use lambda_route_core::extract::{Arg, FromRequest, Rejection};
/// use lambda_route_core::Ctx;
///
/// struct RequestId(String);
///
/// impl<'r> FromRequest<'r> for RequestId {
///     fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
///         let id = cx.lambda().map_or("local", |lambda| lambda.request_id.as_str());
///         ready(Ok(RequestId(id.to_owned())))
///     }
/// }
/// ```
#[derive(Debug)]
pub struct Ctx<'r> {
    request: &'r Request<'r>,
    params: PathParams<'r>,
    state: &'static AppState,
    route: &'r RouteEntry,
    lambda: Option<&'r lambda_runtime::Context>,
    extensions: Extensions,
}

impl<'r> Ctx<'r> {
    pub(crate) fn new(
        request: &'r Request<'r>,
        params: PathParams<'r>,
        state: &'static AppState,
        route: &'r RouteEntry,
        lambda: Option<&'r lambda_runtime::Context>,
    ) -> Self {
        Ctx {
            request,
            params,
            state,
            route,
            lambda,
            extensions: Extensions::new(),
        }
    }

    /// The decoded request.
    pub fn request(&self) -> &'r Request<'r> {
        self.request
    }

    /// The matched route's path parameters, still percent-encoded as the source sent them.
    pub fn path_params(&self) -> &PathParams<'r> {
        &self.params
    }

    /// The application state, registered with [`App::state`](crate::App::state); it lives as
    /// long as the process.
    pub fn state(&self) -> &'static AppState {
        self.state
    }

    /// The matched route: its template, methods, location and options.
    pub fn route(&self) -> &'r RouteEntry {
        self.route
    }

    /// The Lambda invocation context (request id, deadline, function ARN). The local server
    /// makes a plausible one; [`Dispatcher::dispatch`](crate::Dispatcher::dispatch) alone
    /// passes none.
    pub fn lambda(&self) -> Option<&'r lambda_runtime::Context> {
        self.lambda
    }

    /// Per-request values set by earlier steps (middleware, guards).
    pub fn extensions(&self) -> &Extensions {
        &self.extensions
    }

    /// Per-request values, to set them. Steps that run before the route get `&mut Ctx`.
    pub fn extensions_mut(&mut self) -> &mut Extensions {
        &mut self.extensions
    }
}
