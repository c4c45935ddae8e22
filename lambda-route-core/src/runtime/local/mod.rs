//! The local development server: plain HTTP on loopback, each request turned into a real
//! Lambda event JSON and sent, with a made-up Lambda context, through the same
//! [`Dispatcher::dispatch_with`] as on Lambda.
//!
//! It exists in builds with debug assertions (`cargo run`, `cargo test`), and in release
//! builds only with the `local-server` feature: a deployed binary never runs it, and leaving
//! it out makes that binary about 240 KB smaller. A release build without it, started outside
//! Lambda, exits with a message saying so.
//!
//! Configuration, flags first then environment:
//!
//! | setting | flag | environment | default |
//! |---|---|---|---|
//! | port | `--port N` | `PORT` | `3000` |
//! | event shape | `--event KIND` | `LAMBDA_ROUTE_EVENT` | `v2` |
//! | function name | | `AWS_LAMBDA_FUNCTION_NAME` | the binary's name |
//! | function timeout, seconds | | `AWS_LAMBDA_FUNCTION_TIMEOUT` | `3` (Lambda's default) |
//! | memory, MB | | `AWS_LAMBDA_FUNCTION_MEMORY_SIZE` | `128` (Lambda's default) |
//! | version | | `AWS_LAMBDA_FUNCTION_VERSION` | `$LATEST` |
//! | log group, log stream | | `AWS_LAMBDA_LOG_GROUP_NAME`, `AWS_LAMBDA_LOG_STREAM_NAME` | empty |
//! | region | | `AWS_REGION` | `us-east-1` |
//! | header-read timeout, seconds | | `LAMBDA_ROUTE_HEADER_TIMEOUT` | `10` |
//! | concurrent connections | | `LAMBDA_ROUTE_MAX_CONNECTIONS` | `256` |
//!
//! `KIND` is one of `v1` (API Gateway REST), `v2` (HTTP API), `url` (Function URL), `alb`,
//! `alb-multi` (ALB with multi-value headers), `lattice-v1`, `lattice-v2`.
//!
//! Each request's Lambda context gets a fresh request id shaped like Lambda's (see
//! `observe/request_ids.rs`; not cryptographic), a deadline of its arrival plus the function
//! timeout, the function ARN `arn:aws:lambda:<region>:000000000000:function:<name>`, and the
//! settings above as its `env_config`. The deadline bounds routes as on Lambda (`App::timeout`): a route still
//! running at the deadline less the margin is answered 504.
//!
//! Hostile or broken HTTP is answered before any event is built, the way a gateway would:
//!
//! | request | answer |
//! |---|---|
//! | a body over Lambda's 6 MB request limit | 413 |
//! | a body that is not valid HTTP framing (a chunk size `zz`, one that overflows) | 400 |
//! | a header value that is not UTF-8 (UTF-8 beyond ASCII is carried as sent) | 400 |
//! | a request target that is not a path (`GET health`, `OPTIONS *`) | 400 |
//! | `CONNECT` | 501 |
//! | headers not complete within the header-read timeout | 408 on a connection's first request, then closed; an idle keep-alive connection is closed |
//! | a connection beyond the concurrent-connection cap | 503, closed |
//!
//! `POST /_lambda/invoke` (loopback clients only; the server binds loopback anyway) takes
//! a raw event as its body, of any kind an invocation can carry: an SQS, SNS or Amazon MQ
//! batch, or an HTTP event of any source. It answers as Lambda's `Invoke` API does: 200 with
//! the invocation's JSON (`{"batchItemFailures":[..]}`, `null`, an HTTP response object),
//! or, when the invocation fails, 200 with `X-Amz-Function-Error: Unhandled` and
//! `{"errorType":..,"errorMessage":..}`. So a batch can be tried without AWS:
//!
//! ```sh
//! curl -s localhost:3000/_lambda/invoke --data-binary @sqs-batch.json
//! ```

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

use crate::app::Dispatcher;
use crate::event::Source;

mod context;
mod event;
mod response;

use context::Contexts;

pub use event::EventKind;

#[cfg(feature = "fuzzing")]
pub(crate) use event::build as build_event;

/// `POST` a raw event here to invoke the function with it: see the module docs.
const INVOKE_PATH: &str = "/_lambda/invoke";

/// Lambda rejects request payloads over 6 MB; so does the local server.
const MAX_BODY: usize = 6 * 1024 * 1024;

/// Lambda's defaults for a function created without settings.
const DEFAULT_TIMEOUT_SECS: u64 = 3;
const DEFAULT_MEMORY_MB: i32 = 128;

/// How long a client may take to send a request's headers.
const DEFAULT_HEADER_TIMEOUT_SECS: u64 = 10;
/// Connections served at once; more are answered 503.
const DEFAULT_MAX_CONNECTIONS: usize = 256;

/// What a client that was too slow with its first request's headers reads before the close.
const REQUEST_TIMEOUT: &[u8] = b"HTTP/1.1 408 Request Timeout\r\nconnection: close\r\n\
content-type: text/plain; charset=utf-8\r\ncontent-length: 37\r\n\r\n\
request headers not received in time\n";
/// What a connection beyond the cap reads before the close.
const TOO_MANY_CONNECTIONS: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\
retry-after: 1\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 41\r\n\r\n\
too many connections to the local server\n";

/// How the local server runs.
///
/// # Examples
///
/// ```no_run
/// use lambda_route_core::runtime::local::LocalConfig;
///
/// let config = LocalConfig::from_env_and_args()?;
/// println!(
///     "http://{} as {} events; context: function {}, timeout {:?}",
///     config.addr,
///     config.event.source(),
///     config.function.function_name,
///     config.timeout
/// );
/// # Ok::<(), lambda_route_core::runtime::local::ConfigError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalConfig {
    /// Address to listen on (loopback by default).
    pub addr: SocketAddr,
    /// The event shape each HTTP request is turned into.
    pub event: EventKind,
    /// The function each request's Lambda context describes: its `env_config`, and the name
    /// in its `invoked_function_arn`.
    pub function: lambda_runtime::Config,
    /// The function timeout: each context's `deadline` is its request's arrival plus this.
    pub timeout: Duration,
    /// The region in the function ARN.
    pub region: String,
    /// How long a client may take to send a request's headers before its connection is
    /// closed (with a 408 when it is the connection's first request).
    pub header_timeout: Duration,
    /// Connections served at once; a connection beyond this is answered 503 and closed.
    pub max_connections: usize,
}

/// A bad local-server setting.
///
/// # Examples
///
/// ```
/// use lambda_route_core::runtime::local::{ConfigError, EventKind};
///
/// let err: ConfigError = "v3".parse::<EventKind>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown event kind \"v3\": use v1, v2, url, alb, alb-multi, lattice-v1 or lattice-v2"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl LocalConfig {
    /// Reads `--port` / `--event` from the command line, then the environment variables in
    /// the [module documentation](self).
    ///
    /// # Errors
    ///
    /// A message naming the bad setting.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::runtime::local::{EventKind, LocalConfig};
    ///
    /// // As `PORT=8080 LAMBDA_ROUTE_EVENT=alb ./todos` (or `./todos --port 8080 --event alb`).
    /// std::env::set_var("PORT", "8080");
    /// std::env::set_var("LAMBDA_ROUTE_EVENT", "alb");
    /// let config = LocalConfig::from_env_and_args()?;
    /// assert_eq!(config.addr.to_string(), "127.0.0.1:8080");
    /// assert_eq!(config.event, EventKind::Alb);
    /// # Ok::<(), lambda_route_core::runtime::local::ConfigError>(())
    /// ```
    pub fn from_env_and_args() -> Result<Self, ConfigError> {
        // Lossy rather than `env::args()`, which panics on an argument that is not UTF-8.
        let mut args = std::env::args_os().map(|a| a.to_string_lossy().into_owned());
        let program = args.next();
        let args: Vec<String> = args.collect();
        Self::from_parts(program.as_deref(), &args, |name| std::env::var(name).ok())
    }

    fn from_parts(
        program: Option<&str>,
        args: &[String],
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let mut port = env("PORT");
        let mut event = env("LAMBDA_ROUTE_EVENT");
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) => (flag, Some(value.to_owned())),
                None => (arg.as_str(), None),
            };
            let slot = match flag {
                "--port" => &mut port,
                "--event" => &mut event,
                _ => continue,
            };
            *slot = inline.or_else(|| args.next().cloned());
        }
        let port = match port {
            None => 3000,
            Some(p) => p.parse::<u16>().map_err(|_| {
                ConfigError(format!("invalid port {p:?}: expected a number 0-65535"))
            })?,
        };
        let event = match event {
            None => EventKind::HttpApiV2,
            Some(kind) => kind.parse()?,
        };
        let timeout = match env("AWS_LAMBDA_FUNCTION_TIMEOUT") {
            None => DEFAULT_TIMEOUT_SECS,
            Some(t) => t.parse::<u64>().ok().filter(|&t| t > 0).ok_or_else(|| {
                ConfigError(format!(
                    "invalid AWS_LAMBDA_FUNCTION_TIMEOUT {t:?}: expected whole seconds, at least 1"
                ))
            })?,
        };
        let memory = match env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE") {
            None => DEFAULT_MEMORY_MB,
            Some(m) => m.parse::<i32>().ok().filter(|&m| m > 0).ok_or_else(|| {
                ConfigError(format!(
                    "invalid AWS_LAMBDA_FUNCTION_MEMORY_SIZE {m:?}: expected megabytes"
                ))
            })?,
        };
        let header_timeout = match env("LAMBDA_ROUTE_HEADER_TIMEOUT") {
            None => DEFAULT_HEADER_TIMEOUT_SECS,
            Some(t) => t.parse::<u64>().ok().filter(|&t| t > 0).ok_or_else(|| {
                ConfigError(format!(
                    "invalid LAMBDA_ROUTE_HEADER_TIMEOUT {t:?}: expected whole seconds, at least 1"
                ))
            })?,
        };
        let max_connections = match env("LAMBDA_ROUTE_MAX_CONNECTIONS") {
            None => DEFAULT_MAX_CONNECTIONS,
            Some(n) => n.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(|| {
                ConfigError(format!(
                    "invalid LAMBDA_ROUTE_MAX_CONNECTIONS {n:?}: expected a number, at least 1"
                ))
            })?,
        };
        // lambda_runtime's own type, so the context is the one a route gets on Lambda.
        let function = lambda_runtime::Config {
            function_name: env("AWS_LAMBDA_FUNCTION_NAME")
                .or_else(|| binary_name(program?))
                .unwrap_or_else(|| "function".to_owned()),
            memory,
            version: env("AWS_LAMBDA_FUNCTION_VERSION").unwrap_or_else(|| "$LATEST".into()),
            log_stream: env("AWS_LAMBDA_LOG_STREAM_NAME").unwrap_or_default(),
            log_group: env("AWS_LAMBDA_LOG_GROUP_NAME").unwrap_or_default(),
        };
        Ok(LocalConfig {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            event,
            function,
            timeout: Duration::from_secs(timeout),
            region: env("AWS_REGION").unwrap_or_else(|| "us-east-1".to_owned()),
            header_timeout: Duration::from_secs(header_timeout),
            max_connections,
        })
    }
}

/// `target/debug/todos` → `todos`: what `cargo lambda` names the function by default.
fn binary_name(program: &str) -> Option<String> {
    let stem = Path::new(program).file_stem()?.to_str()?;
    (!stem.is_empty()).then(|| stem.to_owned())
}

/// Serves `dispatcher` over HTTP until the process ends.
///
/// # Errors
///
/// When the address cannot be bound.
///
/// # Examples
///
/// ```no_run
/// use lambda_route_core::runtime::local::{serve, LocalConfig};
/// use lambda_route_core::App;
/// use std::sync::Arc;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let dispatcher = Arc::new(App::new().build()?);
/// let mut config = LocalConfig::from_env_and_args()?;
/// config.addr = ([127, 0, 0, 1], 8080).into();
/// serve(dispatcher, config).await?; // until the process ends
/// # Ok(())
/// # }
/// ```
pub async fn serve(
    dispatcher: Arc<Dispatcher>,
    config: LocalConfig,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let addr = listener.local_addr()?;
    print_banner(&dispatcher, addr, config.event);
    println!(
        "  Lambda context per request: function {} in {}, deadline {} s after arrival",
        config.function.function_name,
        config.region,
        config.timeout.as_secs()
    );
    let contexts = Arc::new(Contexts::new(
        config.function,
        &config.region,
        config.timeout,
        crate::observe::RequestIds::new(),
    ));
    let slots = Arc::new(Semaphore::new(config.max_connections));
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(err) => {
                eprintln!("lambda-route: accept failed: {err}");
                continue;
            }
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            eprintln!(
                "lambda-route: {peer} refused: {} connections open",
                config.max_connections
            );
            refuse(stream, TOO_MANY_CONNECTIONS);
            continue;
        };
        let dispatcher = Arc::clone(&dispatcher);
        let contexts = Arc::clone(&contexts);
        let kind = config.event;
        let header_timeout = config.header_timeout;
        tokio::spawn(async move {
            let _slot = slot;
            // A second handle on the socket, to answer 408 after hyper gave up on it.
            let (stream, spare) = match spare_handle(stream) {
                Ok(pair) => pair,
                Err(err) => {
                    eprintln!("lambda-route: connection from {peer}: {err}");
                    return;
                }
            };
            let served = Arc::new(std::sync::atomic::AtomicBool::new(false));
            let seen = Arc::clone(&served);
            let service = service_fn(move |request| {
                seen.store(true, std::sync::atomic::Ordering::Relaxed);
                let context = contexts.context(SystemTime::now());
                handle(Arc::clone(&dispatcher), kind, peer, context, request)
            });
            let result = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            match result {
                Ok(()) => {}
                // RFC 9110 15.5.9: a 408 tells the client why; an idle keep-alive connection
                // is closed silently, so that a client never reads a 408 meant for no
                // request as the answer to its next one.
                Err(err) if err.is_timeout() => {
                    if !served.load(std::sync::atomic::Ordering::Relaxed) {
                        if let Some(spare) = spare {
                            refuse_std(&spare, REQUEST_TIMEOUT);
                        }
                    }
                }
                Err(err) if err.is_incomplete_message() => {}
                Err(err) => eprintln!("lambda-route: connection from {peer}: {err}"),
            }
        });
    }
}

/// The stream for hyper, and a duplicate of its socket to write a last answer on after
/// hyper has dropped its own (none when the system cannot duplicate it).
fn spare_handle(stream: TcpStream) -> std::io::Result<(TcpStream, Option<std::net::TcpStream>)> {
    let std = stream.into_std()?;
    let spare = std.try_clone().ok();
    Ok((TcpStream::from_std(std)?, spare))
}

/// Writes a canned answer and closes the connection.
fn refuse(stream: TcpStream, answer: &'static [u8]) {
    if let Ok(std) = stream.into_std() {
        refuse_std(&std, answer);
    }
}

/// The socket is non-blocking and fresh: a short answer fits its send buffer, and one that
/// does not is dropped rather than waited for.
fn refuse_std(stream: &std::net::TcpStream, answer: &[u8]) {
    use std::io::Write as _;
    let mut stream = stream;
    let _ = stream.write(answer);
    let _ = stream.shutdown(std::net::Shutdown::Write);
}

fn print_banner(dispatcher: &Dispatcher, addr: SocketAddr, kind: EventKind) {
    let routes: Vec<_> = dispatcher.routes().collect();
    println!(
        "lambda-route: serving {} route{} on http://{addr} as {} events",
        routes.len(),
        if routes.len() == 1 { "" } else { "s" },
        kind.source()
    );
    print!("{}", crate::app::RouteRows(dispatcher));
}

async fn handle(
    dispatcher: Arc<Dispatcher>,
    kind: EventKind,
    peer: SocketAddr,
    context: lambda_runtime::Context,
    request: hyper::Request<Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, std::convert::Infallible> {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    // A declared length over the limit is refused before a byte of it is read.
    let declared = hyper::body::Body::size_hint(&body).lower();
    let response = if parts.method == http::Method::CONNECT {
        response::plain(501, "CONNECT is not supported")
    } else if !is_path_target(&parts.uri) {
        response::plain(
            400,
            "the request target must be a path starting with '/' (or an absolute http URL)",
        )
    } else if declared > MAX_BODY as u64 {
        response::plain(413, "request body larger than Lambda's 6 MB limit")
    } else {
        answer(dispatcher, kind, peer, context, &parts, body).await
    };
    // A dispatched request wrote its access line; one the server answered itself gets its
    // own, since no route or catcher saw it.
    if let Some(response::Refused(reason)) = response.extensions().get() {
        tracing::warn!(
            target: "lambda_route::local",
            method = parts.method.as_str(),
            target = %parts.uri,
            status = response.status().as_u16(),
            duration_ms = started.elapsed().as_secs_f64() * 1000.0,
            "answered by the local server: {reason}"
        );
    }
    Ok(response)
}

/// Reads the body and answers a request that passed the checks in `handle`.
async fn answer(
    dispatcher: Arc<Dispatcher>,
    kind: EventKind,
    peer: SocketAddr,
    context: lambda_runtime::Context,
    parts: &http::request::Parts,
    body: Incoming,
) -> hyper::Response<Full<Bytes>> {
    match Limited::new(body, MAX_BODY).collect().await {
        Err(err) if err.is::<http_body_util::LengthLimitError>() => {
            response::plain(413, "request body larger than Lambda's 6 MB limit")
        }
        Err(err) => response::plain(400, &format!("malformed request body: {err}")),
        // A raw event of any kind, batches included, as `aws lambda invoke` would send it.
        Ok(body) if parts.method == http::Method::POST && parts.uri.path() == INVOKE_PATH => {
            if peer.ip().is_loopback() {
                response::invoked(dispatcher.invoke(&body.to_bytes(), Some(&context)).await)
            } else {
                response::plain(403, "/_lambda/invoke answers loopback clients only")
            }
        }
        Ok(body) => {
            let body = body.to_bytes();
            match event::build(kind, parts, &body, peer) {
                Err(bad) => response::plain(400, &bad),
                Ok(event) => match dispatcher.dispatch_with(&event, Some(&context)).await {
                    Ok(json) => response::from_lambda(&json),
                    // On Lambda a failed invocation reaches the client as a 502 from the
                    // gateway.
                    Err(err) => response::plain(502, &format!("invocation failed: {err}")),
                },
            }
        }
    }
}

/// Origin-form (`/path?query`) or absolute-form (`http://host/path`), the targets a gateway
/// forwards; not authority-form (`host:port`) or asterisk-form (`*`).
fn is_path_target(uri: &http::Uri) -> bool {
    match uri.scheme_str() {
        None => uri.authority().is_none() && uri.path().starts_with('/'),
        Some(scheme) => {
            (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
                && uri.path().starts_with('/')
        }
    }
}

impl EventKind {
    /// The event source this kind imitates.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::event::Source;
    /// use lambda_route_core::runtime::local::EventKind;
    ///
    /// assert_eq!(EventKind::HttpApiV2.source(), Source::HttpApiV2);
    /// // Both ALB header modes are ALB events.
    /// assert_eq!(EventKind::AlbMultiValue.source(), Source::Alb);
    /// ```
    pub fn source(self) -> Source {
        match self {
            EventKind::ApiGatewayV1 => Source::ApiGatewayV1,
            EventKind::HttpApiV2 => Source::HttpApiV2,
            EventKind::FunctionUrl => Source::FunctionUrl,
            EventKind::Alb | EventKind::AlbMultiValue => Source::Alb,
            EventKind::VpcLatticeV1 => Source::VpcLatticeV1,
            EventKind::VpcLatticeV2 => Source::VpcLatticeV2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn config(
        program: Option<&str>,
        list: &[&str],
        vars: &[(&str, &str)],
    ) -> Result<LocalConfig, ConfigError> {
        LocalConfig::from_parts(program, &args(list), |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn config_precedence() {
        let cfg = config(None, &[], &[]).unwrap();
        assert_eq!(cfg.addr.port(), 3000);
        assert_eq!(cfg.event, EventKind::HttpApiV2);

        let env = [("PORT", "8080"), ("LAMBDA_ROUTE_EVENT", "alb")];
        let cfg = config(None, &[], &env).unwrap();
        assert_eq!((cfg.addr.port(), cfg.event), (8080, EventKind::Alb));

        let cfg = config(None, &["--port", "9000", "--event=v1"], &env).unwrap();
        assert_eq!(
            (cfg.addr.port(), cfg.event),
            (9000, EventKind::ApiGatewayV1)
        );
        assert!(cfg.addr.ip().is_loopback());
    }

    #[test]
    fn the_function_defaults_to_lambdas_defaults_and_the_binary_name() {
        let cfg = config(Some("target/debug/todos"), &[], &[]).unwrap();
        assert_eq!(cfg.function.function_name, "todos");
        assert_eq!(cfg.function.memory, 128);
        assert_eq!(cfg.function.version, "$LATEST");
        assert_eq!(
            (
                cfg.function.log_group.as_str(),
                cfg.function.log_stream.as_str()
            ),
            ("", "")
        );
        assert_eq!(cfg.timeout, Duration::from_secs(3));
        assert_eq!(cfg.region, "us-east-1");

        let names = [
            (None, "function"),
            (Some(""), "function"),
            (Some("/"), "function"),
            (Some("todos"), "todos"),
            (Some("C:/bin/api.exe"), "api"),
        ];
        for (program, expected) in names {
            let cfg = config(program, &[], &[]).unwrap();
            assert_eq!(cfg.function.function_name, expected, "{program:?}");
        }
    }

    #[test]
    fn the_function_follows_lambdas_environment_variables() {
        let env = [
            ("AWS_LAMBDA_FUNCTION_NAME", "todos-api"),
            ("AWS_LAMBDA_FUNCTION_TIMEOUT", "30"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"),
            ("AWS_LAMBDA_FUNCTION_VERSION", "7"),
            ("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/todos-api"),
            ("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/21/[7]abc"),
            ("AWS_REGION", "eu-west-1"),
        ];
        let cfg = config(Some("target/debug/todos"), &[], &env).unwrap();
        let expected = lambda_runtime::Config {
            function_name: "todos-api".to_owned(),
            memory: 1024,
            version: "7".to_owned(),
            log_stream: "2026/11/21/[7]abc".to_owned(),
            log_group: "/aws/lambda/todos-api".to_owned(),
        };
        assert_eq!(cfg.function, expected);
        assert_eq!(cfg.timeout, Duration::from_secs(30));
        assert_eq!(cfg.region, "eu-west-1");
    }

    #[test]
    fn only_paths_and_absolute_urls_are_request_targets() {
        let targets = [
            ("/health", true),
            ("/a/b?c=d", true),
            ("http://localhost:3000/health", true),
            ("HTTPS://example.com/x", true),
            ("health", false),
            ("*", false),
            ("localhost:3000", false),
            ("ftp://example.com/x", false),
        ];
        for (target, ok) in targets {
            let uri: http::Uri = target.parse().unwrap();
            assert_eq!(is_path_target(&uri), ok, "{target}");
        }
    }

    #[test]
    fn connection_limits_have_defaults_and_are_checked() {
        let cfg = config(None, &[], &[]).unwrap();
        assert_eq!(cfg.header_timeout, Duration::from_secs(10));
        assert_eq!(cfg.max_connections, 256);
        let env = [
            ("LAMBDA_ROUTE_HEADER_TIMEOUT", "2"),
            ("LAMBDA_ROUTE_MAX_CONNECTIONS", "8"),
        ];
        let cfg = config(None, &[], &env).unwrap();
        assert_eq!(
            (cfg.header_timeout, cfg.max_connections),
            (Duration::from_secs(2), 8)
        );
        for bad in [
            ("LAMBDA_ROUTE_HEADER_TIMEOUT", "0"),
            ("LAMBDA_ROUTE_HEADER_TIMEOUT", "1.5"),
            ("LAMBDA_ROUTE_MAX_CONNECTIONS", "0"),
            ("LAMBDA_ROUTE_MAX_CONNECTIONS", "many"),
        ] {
            assert!(config(None, &[], &[bad]).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn bad_settings_are_errors() {
        type Var = (&'static str, &'static str);
        let bad: [(&[&str], &[Var]); 7] = [
            (&[], &[("PORT", "http")]),
            (&["--event", "sqs"], &[]),
            (&[], &[("AWS_LAMBDA_FUNCTION_TIMEOUT", "3s")]),
            (&[], &[("AWS_LAMBDA_FUNCTION_TIMEOUT", "0")]),
            (&[], &[("AWS_LAMBDA_FUNCTION_TIMEOUT", "-1")]),
            (&[], &[("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1 GB")]),
            (&[], &[("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "0")]),
        ];
        for (list, env) in bad {
            assert!(config(None, list, env).is_err(), "{list:?} {env:?}");
        }
    }
}
