//! The production-features case (issue 8): the REST v1 GET with one app-wide middleware, CORS
//! and the access log on, in lambda-route and in its axum twin carrying `tower-http`'s
//! `CorsLayer` and `TraceLayer` and a `from_fn` middleware.
//!
//! Both middlewares do the same thing (one header on the way out), both CORS setups allow the
//! one origin the event sends, and both logs are `INFO` lines through the same
//! `tracing-subscriber` fmt layer writing to a sink ([`with_log`]): lambda-route's access line
//! and request span, and `TraceLayer`'s span and response event raised to `INFO`.

use axum::http::{HeaderValue, Request as AxumRequest};
use axum::middleware::{from_fn, Next as AxumNext};
use lambda_route::middleware::Next;
use lambda_route::prelude::*;
use lambda_route::Dispatcher;
use tower_http::cors::CorsLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::lambda_http_impl::{router, LambdaHttpAxum};
use crate::Catalog;

/// The origin the event sends and both apps allow.
pub const ORIGIN: &str = "https://app.example.com";

/// lambda-route's middleware: one header on every answer.
async fn frame_options(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    next.run()
        .await
        .with_header(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"))
}

/// The axum twin's: the same header.
async fn axum_frame_options(
    request: AxumRequest<axum::body::Body>,
    next: AxumNext,
) -> axum::response::Response {
    let mut response = next.run(request).await;
    response.headers_mut().insert(
        axum::http::header::X_FRAME_OPTIONS,
        HeaderValue::from_static("DENY"),
    );
    response
}

/// The bench app with the middleware and CORS; the access log is on by default.
///
/// # Panics
///
/// If the app does not build.
pub fn dispatcher() -> Dispatcher {
    let app = App::new()
        .state(Catalog::new())
        .middleware(frame_options)
        .cors(Cors::new().allow_origin(ORIGIN));
    match app.build() {
        Ok(dispatcher) => dispatcher,
        Err(err) => panic!("cannot build the production-features app: {err}"),
    }
}

/// The axum twin: the same routes under `from_fn`, `CorsLayer` and an `INFO` `TraceLayer`.
pub fn lambda_http() -> LambdaHttpAxum {
    let origin = HeaderValue::from_static(ORIGIN);
    let router = router()
        .layer(from_fn(axum_frame_options))
        .layer(CorsLayer::new().allow_origin(origin))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        );
    LambdaHttpAxum::with_router(router)
}

/// Runs `f` with an `INFO` fmt subscriber writing to a sink as the thread's default, so both
/// sides format their log lines and the other cases stay unlogged.
///
/// Unlogged includes the callsites' cached interest: `tracing-core` rebuilds that cache when
/// a dispatcher registers, not when a scoped one is dropped, so after `with_default` every
/// `tracing` callsite of the process stayed at "sometimes" and asked the current dispatcher
/// on every use. That made every later case (the plain v1 GET among them) pay for a
/// subscriber that no longer existed: 1.79× the floor instead of 1.54× (BENCHMARKS.md,
/// 2026-11-30). Rebuilding once the sink subscriber is gone restores "never".
pub fn with_log<T>(f: impl FnOnce() -> T) -> T {
    let subscriber = tracing_subscriber::fmt()
        .with_writer(std::io::sink)
        .with_max_level(Level::INFO)
        .finish();
    let out = tracing::subscriber::with_default(subscriber, f);
    tracing::callsite::rebuild_interest_cache();
    out
}

/// The v1 GET event with an `Origin` header, in both header maps.
///
/// # Panics
///
/// If `event` is not a REST v1 event object.
pub fn with_origin(event: &[u8]) -> Vec<u8> {
    let mut json: serde_json::Value = match serde_json::from_slice(event) {
        Ok(json) => json,
        Err(err) => panic!("not JSON: {err}"),
    };
    if let Some(headers) = json.get_mut("headers").and_then(|h| h.as_object_mut()) {
        headers.insert("Origin".into(), ORIGIN.into());
    }
    if let Some(headers) = json
        .get_mut("multiValueHeaders")
        .and_then(|h| h.as_object_mut())
    {
        headers.insert("Origin".into(), serde_json::json!([ORIGIN]));
    }
    match serde_json::to_vec(&json) {
        Ok(bytes) => bytes,
        Err(err) => panic!("cannot serialize: {err}"),
    }
}
