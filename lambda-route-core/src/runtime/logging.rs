//! The default `tracing` subscriber: without one, every `tracing` event (the access log, a
//! route's panic, an `Error`'s source chain, an `HttpError`'s private detail, the app's own
//! `tracing::info!` lines) would go nowhere.
//!
//! Installed at start-up, after the app's `main` ran, only if `main` installed none. It writes
//! to stderr, which Lambda sends to CloudWatch Logs, following Lambda's advanced logging
//! controls:
//!
//! - **Format**: `AWS_LAMBDA_LOG_FORMAT=JSON` writes one JSON object per line (`json.rs`):
//!   `timestamp`, `level`, `target`, `message`, the event's fields, and the fields of every
//!   span it happened in: `requestId` from `lambda_runtime`'s invocation span, and
//!   `correlation_id` from lambda-route's `request` span. Otherwise plain text, without a
//!   timestamp on Lambda (Lambda stamps every line itself).
//! - **Level**: `RUST_LOG` when it is set and valid (`info`, or per-target directives such as
//!   `my_app=debug,lambda_route::access=off`), else `AWS_LAMBDA_LOG_LEVEL` (`TRACE` to
//!   `FATAL`), else `INFO`.

mod json;
#[cfg(local_server)]
mod local;

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::Layer as _;

/// Installs the default subscriber unless one is already set. On Lambda the text format has
/// no timestamp (Lambda stamps every log line itself); outside it, in a build with the local
/// server, it is the local server's request-log form.
pub(super) fn install_default(on_lambda: bool) {
    if tracing::dispatcher::has_been_set() {
        return;
    }
    let filter = filter_from(
        std::env::var("AWS_LAMBDA_LOG_LEVEL").ok().as_deref(),
        std::env::var("RUST_LOG").ok().as_deref(),
    );
    let json = std::env::var("AWS_LAMBDA_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    let registry = tracing_subscriber::registry();
    // Losing a race with another thread's installation keeps theirs: nothing to report.
    if json {
        let json = json::JsonLayer::stderr().with_filter(filter);
        let _ = tracing::subscriber::set_global_default(registry.with(json));
        return;
    }
    let text = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    #[cfg(local_server)]
    if !on_lambda {
        // The local server: access lines in a request-log form (`local.rs`).
        let text = text.event_format(local::LocalFormat::default());
        let _ = tracing::subscriber::set_global_default(registry.with(text.with_filter(filter)));
        return;
    }
    #[cfg(not(local_server))]
    let _ = on_lambda; // only the local server's format needs it
    let text = text.without_time().with_filter(filter);
    let _ = tracing::subscriber::set_global_default(registry.with(text));
}

/// `RUST_LOG` when it parses as directives, else the level `AWS_LAMBDA_LOG_LEVEL` names, else
/// `INFO`.
fn filter_from(lambda: Option<&str>, rust_log: Option<&str>) -> Targets {
    if let Some(targets) = rust_log
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .and_then(|value| value.parse::<Targets>().ok())
    {
        return targets;
    }
    let level = lambda
        .and_then(|value| match value.trim() {
            // Lambda's log levels are TRACE to FATAL; `tracing` stops at ERROR.
            v if v.eq_ignore_ascii_case("fatal") => Some(LevelFilter::ERROR),
            v => v.parse::<LevelFilter>().ok(),
        })
        .unwrap_or(LevelFilter::INFO);
    Targets::new().with_default(level)
}

#[cfg(test)]
mod tests {
    use tracing::Level;

    use super::*;

    #[test]
    fn levels() {
        let cases = [
            (None, None, "app", Level::INFO, true),
            (None, None, "app", Level::DEBUG, false),
            (Some("DEBUG"), None, "app", Level::DEBUG, true),
            // RUST_LOG overrides Lambda's level.
            (Some("WARN"), Some("trace"), "app", Level::TRACE, true),
            (None, Some("my_app=debug"), "my_app::db", Level::DEBUG, true),
            (None, Some("my_app=debug"), "other", Level::ERROR, false),
            (
                Some("INFO"),
                Some("info,lambda_route::access=off"),
                "lambda_route::access",
                Level::INFO,
                false,
            ),
            (Some("FATAL"), None, "app", Level::ERROR, true),
            (Some("FATAL"), None, "app", Level::WARN, false),
            (None, Some("off"), "app", Level::ERROR, false),
            // An unparsable RUST_LOG falls back to Lambda's level.
            (Some("ERROR"), Some("=="), "app", Level::WARN, false),
        ];
        for (lambda, rust_log, target, level, enabled) in cases {
            assert_eq!(
                filter_from(lambda, rust_log).would_enable(target, &level),
                enabled,
                "{lambda:?} {rust_log:?} {target} {level}"
            );
        }
    }
}
