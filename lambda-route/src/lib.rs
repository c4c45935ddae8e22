#![doc = include_str!("../../README.md")]

pub use lambda_route_core::{cookie, describe, event, extract, registry, response, runtime};
pub use lambda_route_core::{
    App, AppState, CatcherConflict, CatcherSite, Ctx, Dispatcher, Request, RouteConflict,
    RouteEntry, RouteSite, StartupError, StartupProblem,
};
pub use lambda_route_macros::{
    catch, delete, get, head, lambda_main, options, patch, post, put, route,
};

pub use extract::Json;
pub use response::{Cookie, Error, Html, HttpError, IntoResponse, Redirect, Response, SameSite};

/// HTTP types used in route signatures and responses, re-exported from the `http` crate.
pub use http::{self, header, HeaderName, HeaderValue, Method, StatusCode};

/// Everything a typical route module needs: `use lambda_route::prelude::*;`.
pub mod prelude {
    pub use crate::extract::{
        Arg, Authorizer, Bytes, Claims, Context, Cookies, Form, FromRequest, Headers, Json, Query,
        Rejection, State, Text,
    };
    pub use crate::response::{
        Cookie, Error, Html, HttpError, IntoResponse, Redirect, Response, SameSite,
    };
    pub use crate::{catch, delete, get, head, lambda_main, options, patch, post, put, route};
    pub use crate::{header, HeaderName, HeaderValue};
    pub use crate::{App, Ctx, Request, StatusCode};
}

#[doc(hidden)]
pub mod __private {
    pub use lambda_route_core::__private::*;
}
