//! The default `tracing` subscriber: without one, every `tracing` event (a route's panic, an
//! `Error`'s source chain, an `HttpError`'s private detail) would go nowhere.
//!
//! Installed at start-up, after the app's `main` ran, only if `main` installed none. It writes
//! plain text lines to stderr, which Lambda sends to CloudWatch Logs. The level comes from
//! `AWS_LAMBDA_LOG_LEVEL` (set by Lambda's advanced logging controls), else `RUST_LOG` when it
//! is a bare level (`debug`; per-target filters need a subscriber of the app's own), else
//! `INFO`.

use tracing_subscriber::filter::LevelFilter;

/// Installs the default subscriber unless one is already set. `on_lambda` drops the
/// timestamp: Lambda stamps every log line itself.
pub(super) fn install_default(on_lambda: bool) {
    if tracing::dispatcher::has_been_set() {
        return;
    }
    let level = level_from(
        std::env::var("AWS_LAMBDA_LOG_LEVEL").ok().as_deref(),
        std::env::var("RUST_LOG").ok().as_deref(),
    );
    let builder = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr);
    // Losing a race with another thread's installation keeps theirs: nothing to report.
    let _ = if on_lambda {
        tracing::subscriber::set_global_default(builder.without_time().finish())
    } else {
        tracing::subscriber::set_global_default(builder.finish())
    };
}

/// The first of the two variables that names a level, else `INFO`.
fn level_from(lambda: Option<&str>, rust_log: Option<&str>) -> LevelFilter {
    [lambda, rust_log]
        .into_iter()
        .flatten()
        .find_map(|value| match value.trim() {
            // Lambda's log levels are TRACE to FATAL; `tracing` stops at ERROR.
            v if v.eq_ignore_ascii_case("fatal") => Some(LevelFilter::ERROR),
            v => v.parse::<LevelFilter>().ok(),
        })
        .unwrap_or(LevelFilter::INFO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        let cases = [
            (None, None, LevelFilter::INFO),
            (Some("DEBUG"), None, LevelFilter::DEBUG),
            (Some("WARN"), Some("trace"), LevelFilter::WARN),
            (None, Some("trace"), LevelFilter::TRACE),
            (None, Some("my_app=debug"), LevelFilter::INFO),
            (Some("FATAL"), Some("trace"), LevelFilter::ERROR),
            (None, Some("off"), LevelFilter::OFF),
        ];
        for (lambda, rust_log, expected) in cases {
            assert_eq!(
                level_from(lambda, rust_log),
                expected,
                "{lambda:?} {rust_log:?}"
            );
        }
    }
}
