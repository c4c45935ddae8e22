//! The route table printed at start-up: the local server's banner, and the debug view
//! (`App::debug`, `LAMBDA_ROUTE_DEBUG=1`) that adds each route's middleware chain, CORS,
//! compression and timeout, and the app-wide settings.

use std::fmt;
use std::time::Duration;

use super::{Dispatcher, RouteEntry};
use crate::middleware;

/// Whether `LAMBDA_ROUTE_DEBUG` asks for the debug view: `1`, `true`, `yes` or `on`.
pub(super) fn requested() -> bool {
    std::env::var("LAMBDA_ROUTE_DEBUG").is_ok_and(|value| {
        ["1", "true", "yes", "on"]
            .iter()
            .any(|on| value.trim().eq_ignore_ascii_case(on))
    })
}

/// One line per route: methods, template, function, `file:line`; the local server's table.
#[cfg(local_server)]
pub(crate) struct Routes<'a>(pub(crate) &'a Dispatcher);

#[cfg(local_server)]
impl fmt::Display for Routes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        rows(self.0, f, |_, _| Ok(()))
    }
}

/// The debug view: the app-wide settings, then the route table with a line of settings under
/// each route.
pub(crate) struct Table<'a>(pub(crate) &'a Dispatcher);

impl fmt::Display for Table<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dispatcher = self.0;
        let count = dispatcher.entries().len();
        writeln!(
            f,
            "lambda-route: debug: {count} route{}",
            if count == 1 { "" } else { "s" }
        )?;
        write!(f, "  app middleware: ")?;
        chain(f, middleware::names(dispatcher.middleware(), &[]))?;
        writeln!(
            f,
            "\n  cors: {} · compress: {} (min {} B, REST v1 binary media types: {}) · timeout: {}, margin {} ms",
            on_off(dispatcher.cors.is_some()),
            if dispatcher.compress.app_wide { "app-wide" } else { "per route" },
            dispatcher.compress.settings.threshold(),
            dispatcher.compress.binary_media_types.len(),
            dispatcher.timeouts.app.map_or_else(|| "deadline only".to_owned(), millis),
            dispatcher.timeouts.margin.as_millis(),
        )?;
        rows(dispatcher, f, |entry, f| {
            write!(f, "      middleware: ")?;
            chain(
                f,
                middleware::names(dispatcher.middleware(), entry.middleware()),
            )?;
            writeln!(
                f,
                " · cors: {} · compress: {} · timeout: {}",
                on_off(dispatcher.cors.is_some() && entry.cors()),
                on_off(entry.compress() || dispatcher.compress.app_wide),
                entry
                    .timeout()
                    .or(dispatcher.timeouts.app)
                    .map_or_else(|| "deadline only".to_owned(), millis),
            )
        })
    }
}

/// The route rows, each followed by what `details` writes for it.
fn rows(
    dispatcher: &Dispatcher,
    f: &mut fmt::Formatter<'_>,
    mut details: impl FnMut(&RouteEntry, &mut fmt::Formatter<'_>) -> fmt::Result,
) -> fmt::Result {
    let entries = dispatcher.entries();
    let width = entries
        .iter()
        .map(|e| e.template().len())
        .max()
        .unwrap_or(0);
    for entry in entries {
        let route = entry.site();
        writeln!(
            f,
            "  {:<7} {:<width$}  {} ({}:{})",
            route.methods.join(","),
            route.template,
            route.function,
            route.file,
            route.line
        )?;
        details(entry, f)?;
    }
    Ok(())
}

/// `a -> b -> route`, or `none`.
fn chain<'a>(f: &mut fmt::Formatter<'_>, names: impl Iterator<Item = &'a str>) -> fmt::Result {
    let mut any = false;
    for name in names {
        if any {
            f.write_str(" -> ")?;
        }
        f.write_str(name)?;
        any = true;
    }
    if !any {
        f.write_str("none")?;
    }
    Ok(())
}

fn on_off(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        "off"
    }
}

fn millis(duration: Duration) -> String {
    format!("{} ms", duration.as_millis())
}
