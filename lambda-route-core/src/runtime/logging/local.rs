//! The local server's text format. An access line reads like a server's request log,
//!
//! ```text
//! 12:04:31.527 GET /todos/9 -> 200 in 0.2 ms route=/todos/<id> correlation_id=t-1 cold_start
//! ```
//!
//! with the fields that matter on a developer's terminal: the headline (method, path, status,
//! duration), then the matched route, the correlation id, the private error detail and, for a
//! queued request, its queue and message id. The request id and the source token, which the
//! local server makes up, are left out. Every other event keeps `tracing-subscriber`'s full
//! text format, so a route's own `tracing::info!` lines read as they do on Lambda.

use std::fmt::{self, Write as _};
use std::time::{SystemTime, UNIX_EPOCH};

use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::fmt::format::{Format, Full, Writer};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// The access log's target (`observe/access.rs`, `batch/`).
const ACCESS: &str = "lambda_route::access";

/// Access lines in the short form above, everything else in the full format.
#[derive(Debug, Default)]
pub(super) struct LocalFormat {
    full: Format<Full>,
}

impl<S, N> FormatEvent<S, N> for LocalFormat
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        let meta = event.metadata();
        if meta.target() != ACCESS {
            return self.full.format_event(ctx, writer, event);
        }
        let mut line = AccessLine::default();
        event.record(&mut line);
        write_time_of_day(&mut writer, SystemTime::now())?;
        if *meta.level() != Level::INFO {
            write!(writer, " {}", meta.level())?;
        }
        writeln!(writer, " {}", line.render())
    }
}

/// The fields of one access line, as they were recorded.
#[derive(Debug, Default)]
struct AccessLine {
    method: String,
    path: String,
    status: String,
    duration_ms: Option<f64>,
    /// `key=value` pairs after the headline, in recording order.
    rest: String,
    /// The event's message: `request`, or `queued request` for one from a batch.
    queued: bool,
}

impl AccessLine {
    fn render(&self) -> String {
        let mut out = String::with_capacity(96 + self.rest.len());
        if self.queued {
            out.push_str("queued ");
        }
        let _ = write!(out, "{} {} -> {}", self.method, self.path, self.status);
        if let Some(ms) = self.duration_ms {
            let _ = write!(out, " in {ms:.1} ms");
        }
        // Each pair in `rest` starts with its space.
        out.push_str(&self.rest);
        out
    }

    fn push(&mut self, name: &str, value: fmt::Arguments<'_>) {
        let _ = write!(self.rest, " {name}={value}");
    }
}

impl Visit for AccessLine {
    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "method" => value.clone_into(&mut self.method),
            "path" => value.clone_into(&mut self.path),
            "message" => self.queued = value == "queued request",
            // Made up by the local server: noise on a terminal.
            "request_id" | "source" => {}
            "route" if value == "-" => {}
            name => self.push(name, format_args!("{value}")),
        }
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        match field.name() {
            "status" => self.status = value.to_string(),
            name => self.push(name, format_args!("{value}")),
        }
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        match field.name() {
            "duration_ms" => self.duration_ms = Some(value),
            name => self.push(name, format_args!("{value}")),
        }
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        // `cold_start`, `failed`: named when true, left out when false.
        if value {
            let _ = write!(self.rest, " {}", field.name());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        match field.name() {
            // `message` arrives as `fmt::Arguments` through here.
            "message" => self.queued = format!("{value:?}") == "queued request",
            name => self.push(name, format_args!("{value:?}")),
        }
    }
}

/// `HH:MM:SS.mmm` in UTC: the local server's lines are read as they scroll by.
fn write_time_of_day(writer: &mut Writer<'_>, now: SystemTime) -> fmt::Result {
    let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs() % 86_400;
    write!(
        writer,
        "{:02}:{:02}:{:02}.{:03}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        since.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use std::io;
    use std::sync::{Arc, Mutex};

    use tracing_subscriber::fmt::MakeWriter;

    use super::*;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl<'a> MakeWriter<'a> for Captured {
        type Writer = Captured;
        fn make_writer(&'a self) -> Self::Writer {
            self.clone()
        }
    }

    fn capture(emit: impl FnOnce()) -> String {
        let out = Captured::default();
        let subscriber = tracing_subscriber::fmt()
            .event_format(LocalFormat::default())
            .with_writer(out.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, emit);
        let bytes = out.0.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    /// Drops the `HH:MM:SS.mmm ` prefix after checking its shape.
    fn without_time(line: &str) -> &str {
        let (time, rest) = line.split_at(12);
        let bytes = time.as_bytes();
        assert!(
            bytes.iter().enumerate().all(|(i, b)| match i {
                2 | 5 => *b == b':',
                8 => *b == b'.',
                _ => b.is_ascii_digit(),
            }),
            "{line}"
        );
        rest
    }

    #[test]
    fn an_access_line_reads_as_a_request_log() {
        let out = capture(|| {
            tracing::info!(
                target: ACCESS,
                method = "GET",
                path = "/todos/9",
                route = "/todos/<id>",
                status = 200u16,
                duration_ms = 0.25,
                request_id = "made-up",
                correlation_id = "t-1",
                source = "apigw-rest-v1",
                cold_start = true,
                error_detail = None::<&str>,
                "request"
            );
        });
        assert_eq!(
            without_time(&out),
            " GET /todos/9 -> 200 in 0.2 ms route=/todos/<id> correlation_id=t-1 cold_start\n"
        );
    }

    #[test]
    fn a_failed_queued_request_names_its_level_queue_and_detail() {
        let out = capture(|| {
            tracing::warn!(
                target: ACCESS,
                queue = "sqs",
                message_id = "m-2",
                method = "POST",
                path = "/jobs",
                route = "-",
                status = 500u16,
                duration_ms = 3.0,
                correlation_id = "c",
                source = "apigw-rest-v1",
                failed = true,
                error_detail = "db down",
                "queued request"
            );
        });
        assert_eq!(
            without_time(&out),
            " WARN queued POST /jobs -> 500 in 3.0 ms queue=sqs message_id=m-2 correlation_id=c \
             failed error_detail=db down\n"
        );
    }

    #[test]
    fn other_events_keep_the_full_format() {
        let out = capture(|| tracing::info!(target: "my_app", id = 7, "loading todo"));
        assert!(out.contains("INFO my_app: loading todo id=7"), "{out}");
    }
}
