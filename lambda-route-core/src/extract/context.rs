//! `Context`: the Lambda invocation a request arrived in.

use std::fmt;
use std::future::{ready, Future};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{Arg, FromRequest, Rejection};
use crate::ctx::Ctx;

/// The Lambda invocation context: request id, deadline and remaining time, function ARN,
/// name and version, X-Ray trace id.
///
/// Under Lambda it is the invocation's own context; the local server makes a plausible one
/// per request (a fresh request id, the function timeout as deadline). A dispatcher driven
/// directly with [`Dispatcher::dispatch`](crate::Dispatcher::dispatch) (tests, benchmarks) has
/// no invocation: then the ids are empty and there is no deadline.
///
/// # Examples
///
/// ```
/// # use lambda_route_core as lambda_route;
/// use lambda_route_core::extract::Context;
///
/// // #[get("/slow")]
/// async fn slow(ctx: Context<'_>) -> String {
///     match ctx.remaining_time() {
///         Some(left) if left.as_millis() < 500 => "no time left".to_owned(),
///         _ => format!("working on {}", ctx.request_id()),
///     }
/// }
/// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> lambda_route_core::registry::BoxFuture<'r> {
/// #     use lambda_route_core::extract::{Arg, FromRequest};
/// #     use lambda_route_core::response::IntoResponse;
/// #     Box::pin(async move {
/// #         match <Context<'_>>::from_request(cx, Arg::new("ctx", 0)).await {
/// #             Ok(arg) => slow(arg).await.into_response(),
/// #             Err(rejection) => rejection.into_response(),
/// #         }
/// #     })
/// # }
/// # inventory::submit!(lambda_route_core::registry::Route::new(&["GET"], "/slow", shim,
/// #     lambda_route_core::registry::Location::new("slow", module_path!(), file!(), line!())));
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let app = lambda_route_core::App::new().build().unwrap();
/// let mut lambda = lambda_runtime::Context::default();
/// lambda.request_id = "8476a536-e9f4-11e8-9739-2dfe598c3fcd".to_owned();
/// let now_ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as u64;
/// let event = br#"{"httpMethod":"GET","path":"/slow"}"#;
///
/// lambda.deadline = now_ms + 60_000;
/// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "working on 8476a536-e9f4-11e8-9739-2dfe598c3fcd");
///
/// lambda.deadline = now_ms + 400;
/// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
/// assert_eq!(answer["body"], "no time left");
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct Context<'r> {
    inner: &'r lambda_runtime::Context,
}

impl<'r> Context<'r> {
    /// The AWS request id of this invocation (empty outside a runtime).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # use lambda_route_core::extract::{Arg, FromRequest};
    /// use lambda_route_core::extract::Context;
    /// use lambda_route_core::App;
    ///
    /// // #[get("/whoami")]
    /// async fn whoami(ctx: Context<'_>) -> String {
    ///     format!("invocation {}", ctx.request_id())
    /// }
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move {
    /// #         let arg = <Context<'_>>::from_request(cx, Arg::new("ctx", 0)).await.unwrap();
    /// #         whoami(arg).await.into_response()
    /// #     })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/whoami", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/whoami"}"#;
    /// let mut lambda = lambda_runtime::Context::default();
    /// lambda.request_id = "8476a536-e9f4-11e8-9739-2dfe598c3fcd".to_owned();
    /// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "invocation 8476a536-e9f4-11e8-9739-2dfe598c3fcd");
    /// # }
    /// ```
    pub fn request_id(&self) -> &'r str {
        &self.inner.request_id
    }

    /// When Lambda stops the invocation, if there is a deadline.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # use lambda_route_core::extract::{Arg, FromRequest};
    /// use std::time::{SystemTime, UNIX_EPOCH};
    /// use lambda_route_core::extract::Context;
    /// use lambda_route_core::App;
    ///
    /// // #[get("/deadline")]
    /// async fn deadline(ctx: Context<'_>) -> String {
    ///     match ctx.deadline() {
    ///         Some(at) => at.duration_since(UNIX_EPOCH).unwrap().as_millis().to_string(),
    ///         None => "no deadline".to_owned(),
    ///     }
    /// }
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move {
    /// #         let arg = <Context<'_>>::from_request(cx, Arg::new("ctx", 0)).await.unwrap();
    /// #         deadline(arg).await.into_response()
    /// #     })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/deadline", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/deadline"}"#;
    /// let mut lambda = lambda_runtime::Context::default();
    /// lambda.deadline = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as u64 + 60_000;
    /// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], lambda.deadline.to_string());
    ///
    /// // `Dispatcher::dispatch` runs outside any invocation: no deadline.
    /// let answer = app.dispatch(event).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "no deadline");
    /// # }
    /// ```
    pub fn deadline(&self) -> Option<SystemTime> {
        (self.inner.deadline > 0).then(|| UNIX_EPOCH + Duration::from_millis(self.inner.deadline))
    }

    /// The time left before the deadline (zero once it has passed), if there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # use lambda_route_core::extract::{Arg, FromRequest};
    /// use std::time::{Duration, SystemTime, UNIX_EPOCH};
    /// use lambda_route_core::extract::Context;
    /// use lambda_route_core::App;
    ///
    /// // #[get("/report")]
    /// async fn report(ctx: Context<'_>) -> &'static str {
    ///     match ctx.remaining_time() {
    ///         Some(left) if left < Duration::from_secs(2) => "partial report",
    ///         Some(_) => "full report",
    ///         None => "full report (no deadline)",
    ///     }
    /// }
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move {
    /// #         let arg = <Context<'_>>::from_request(cx, Arg::new("ctx", 0)).await.unwrap();
    /// #         report(arg).await.into_response()
    /// #     })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/report", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/report"}"#;
    /// let mut lambda = lambda_runtime::Context::default();
    /// // 60 s left in the invocation.
    /// lambda.deadline = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as u64 + 60_000;
    /// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "full report");
    /// # }
    /// ```
    pub fn remaining_time(&self) -> Option<Duration> {
        self.deadline().map(|deadline| {
            deadline
                .duration_since(SystemTime::now())
                .unwrap_or(Duration::ZERO)
        })
    }

    /// The ARN the function was invoked with (with an alias or version when one was used).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # use lambda_route_core::extract::{Arg, FromRequest};
    /// use lambda_route_core::extract::Context;
    /// use lambda_route_core::App;
    ///
    /// // #[get("/alias")]
    /// async fn alias(ctx: Context<'_>) -> String {
    ///     // arn:aws:lambda:<region>:<account>:function:<name>[:<alias or version>]
    ///     ctx.function_arn().split(':').nth(7).unwrap_or("$LATEST").to_owned()
    /// }
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move {
    /// #         let arg = <Context<'_>>::from_request(cx, Arg::new("ctx", 0)).await.unwrap();
    /// #         alias(arg).await.into_response()
    /// #     })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/alias", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/alias"}"#;
    /// let mut lambda = lambda_runtime::Context::default();
    /// lambda.invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:todos:live".to_owned();
    /// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "live");
    /// # }
    /// ```
    pub fn function_arn(&self) -> &'r str {
        &self.inner.invoked_function_arn
    }

    /// The function's name, from the execution environment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # use lambda_route_core::extract::{Arg, FromRequest};
    /// use lambda_route_core::extract::Context;
    /// use lambda_route_core::App;
    ///
    /// // #[get("/about")]
    /// async fn about(ctx: Context<'_>) -> String {
    ///     format!("{} v{}", ctx.function_name(), ctx.function_version())
    /// }
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move {
    /// #         let arg = <Context<'_>>::from_request(cx, Arg::new("ctx", 0)).await.unwrap();
    /// #         about(arg).await.into_response()
    /// #     })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/about", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/about"}"#;
    /// let mut lambda = lambda_runtime::Context::default();
    /// lambda.env_config = std::sync::Arc::new(lambda_runtime::Config {
    ///     function_name: "todos-api".to_owned(),
    ///     version: "12".to_owned(),
    ///     ..Default::default()
    /// });
    /// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "todos-api v12");
    /// # }
    /// ```
    pub fn function_name(&self) -> &'r str {
        &self.inner.env_config.function_name
    }

    /// The function's version (`$LATEST` or a number), from the execution environment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # use lambda_route_core::extract::{Arg, FromRequest};
    /// use lambda_route_core::extract::Context;
    /// use lambda_route_core::App;
    ///
    /// // #[get("/version")]
    /// async fn version(ctx: Context<'_>) -> String {
    ///     ctx.function_version().to_owned()
    /// }
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move {
    /// #         let arg = <Context<'_>>::from_request(cx, Arg::new("ctx", 0)).await.unwrap();
    /// #         version(arg).await.into_response()
    /// #     })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/version", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/version"}"#;
    /// let mut lambda = lambda_runtime::Context::default();
    /// lambda.env_config = std::sync::Arc::new(lambda_runtime::Config {
    ///     version: "$LATEST".to_owned(),
    ///     ..Default::default()
    /// });
    /// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "$LATEST");
    /// # }
    /// ```
    pub fn function_version(&self) -> &'r str {
        &self.inner.env_config.version
    }

    /// The X-Ray trace id, when tracing is on.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # use lambda_route_core::extract::{Arg, FromRequest};
    /// use lambda_route_core::extract::Context;
    /// use lambda_route_core::App;
    ///
    /// // #[get("/trace")]
    /// async fn trace(ctx: Context<'_>) -> String {
    ///     ctx.xray_trace_id().unwrap_or("not traced").to_owned()
    /// }
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move {
    /// #         let arg = <Context<'_>>::from_request(cx, Arg::new("ctx", 0)).await.unwrap();
    /// #         trace(arg).await.into_response()
    /// #     })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/trace", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/trace"}"#;
    /// let mut lambda = lambda_runtime::Context::default();
    /// lambda.xray_trace_id = Some("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1".to_owned());
    /// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    ///
    /// let answer = app.dispatch(event).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "not traced");
    /// # }
    /// ```
    pub fn xray_trace_id(&self) -> Option<&'r str> {
        self.inner.xray_trace_id.as_deref()
    }

    /// Everything `lambda_runtime` knows of the invocation (client context, Cognito identity,
    /// tenant id, memory size, log stream, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # use lambda_route_core::extract::{Arg, FromRequest};
    /// use lambda_route_core::extract::Context;
    /// use lambda_route_core::App;
    ///
    /// // #[get("/memory")]
    /// async fn memory(ctx: Context<'_>) -> String {
    ///     format!("{} MB", ctx.lambda().env_config.memory)
    /// }
    /// # fn shim<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async move {
    /// #         let arg = <Context<'_>>::from_request(cx, Arg::new("ctx", 0)).await.unwrap();
    /// #         memory(arg).await.into_response()
    /// #     })
    /// # }
    /// # inventory::submit!(Route::new(&["GET"], "/memory", shim, Location::new("shim", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let event = br#"{"httpMethod":"GET","path":"/memory"}"#;
    /// let mut lambda = lambda_runtime::Context::default();
    /// lambda.env_config = std::sync::Arc::new(lambda_runtime::Config { memory: 512, ..Default::default() });
    /// let answer = app.dispatch_with(event, Some(&lambda)).await.unwrap();
    /// let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    /// assert_eq!(answer["body"], "512 MB");
    /// # }
    /// ```
    pub fn lambda(&self) -> &'r lambda_runtime::Context {
        self.inner
    }
}

impl fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("request_id", &self.request_id())
            .field("function_arn", &self.function_arn())
            .field("deadline", &self.deadline())
            .field("xray_trace_id", &self.xray_trace_id())
            .finish()
    }
}

/// The context of "no invocation": empty ids, no deadline.
fn none() -> &'static lambda_runtime::Context {
    static NONE: OnceLock<lambda_runtime::Context> = OnceLock::new();
    NONE.get_or_init(lambda_runtime::Context::default)
}

impl<'r> FromRequest<'r> for Context<'r> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        let inner = match cx.lambda() {
            Some(lambda) => lambda,
            None => none(),
        };
        ready(Ok(Context { inner }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings() {
        let mut lambda = lambda_runtime::Context::default();
        lambda.request_id = "r-1".to_owned();
        lambda.invoked_function_arn = "arn:aws:lambda:eu-west-1:1:function:f:live".to_owned();
        lambda.xray_trace_id = Some("Root=1-a-b".to_owned());
        lambda.deadline = 1;
        let ctx = Context { inner: &lambda };
        assert_eq!(ctx.request_id(), "r-1");
        assert_eq!(
            ctx.function_arn(),
            "arn:aws:lambda:eu-west-1:1:function:f:live"
        );
        assert_eq!(ctx.xray_trace_id(), Some("Root=1-a-b"));
        assert_eq!(ctx.deadline(), Some(UNIX_EPOCH + Duration::from_millis(1)));
        // Long past: nothing left, not an underflow.
        assert_eq!(ctx.remaining_time(), Some(Duration::ZERO));

        let none = Context { inner: none() };
        assert_eq!(none.request_id(), "");
        assert_eq!(none.deadline(), None);
        assert_eq!(none.remaining_time(), None);
    }
}
