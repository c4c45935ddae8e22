//! The local development server: plain HTTP on loopback, each request turned into a real
//! Lambda event JSON and sent through the same [`Dispatcher::dispatch`] as on Lambda.
//!
//! Configuration, flags first then environment:
//!
//! | setting | flag | environment | default |
//! |---|---|---|---|
//! | port | `--port N` | `PORT` | `3000` |
//! | event shape | `--event KIND` | `LAMBDA_ROUTE_EVENT` | `v2` |
//!
//! `KIND` is one of `v1` (API Gateway REST), `v2` (HTTP API), `url` (Function URL), `alb`,
//! `alb-multi` (ALB with multi-value headers), `lattice-v1`, `lattice-v2`.

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use crate::app::Dispatcher;
use crate::event::Source;

mod event;
mod response;

pub use event::EventKind;

/// Lambda rejects request payloads over 6 MB; so does the local server.
const MAX_BODY: usize = 6 * 1024 * 1024;

/// How the local server runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalConfig {
    /// Address to listen on (loopback by default).
    pub addr: SocketAddr,
    /// The event shape each HTTP request is turned into.
    pub event: EventKind,
}

/// A bad local-server setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl LocalConfig {
    /// Reads `--port` / `--event` from the command line, then `PORT` / `LAMBDA_ROUTE_EVENT`.
    ///
    /// # Errors
    ///
    /// A message naming the bad setting.
    pub fn from_env_and_args() -> Result<Self, ConfigError> {
        let args: Vec<String> = std::env::args().skip(1).collect();
        Self::from_parts(
            &args,
            std::env::var("PORT").ok().as_deref(),
            std::env::var("LAMBDA_ROUTE_EVENT").ok().as_deref(),
        )
    }

    fn from_parts(
        args: &[String],
        port_env: Option<&str>,
        event_env: Option<&str>,
    ) -> Result<Self, ConfigError> {
        let mut port = port_env.map(str::to_owned);
        let mut event = event_env.map(str::to_owned);
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
        Ok(LocalConfig {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            event,
        })
    }
}

/// Serves `dispatcher` over HTTP until the process ends.
///
/// # Errors
///
/// When the address cannot be bound.
pub async fn serve(
    dispatcher: Arc<Dispatcher>,
    config: LocalConfig,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let addr = listener.local_addr()?;
    print_banner(&dispatcher, addr, config.event);
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(err) => {
                eprintln!("lambda-route: accept failed: {err}");
                continue;
            }
        };
        let dispatcher = Arc::clone(&dispatcher);
        let kind = config.event;
        tokio::spawn(async move {
            let service =
                service_fn(move |request| handle(Arc::clone(&dispatcher), kind, peer, request));
            if let Err(err) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                if !err.is_incomplete_message() {
                    eprintln!("lambda-route: connection from {peer}: {err}");
                }
            }
        });
    }
}

fn print_banner(dispatcher: &Dispatcher, addr: SocketAddr, kind: EventKind) {
    let routes: Vec<_> = dispatcher.routes().collect();
    println!(
        "lambda-route: serving {} route{} on http://{addr} as {} events",
        routes.len(),
        if routes.len() == 1 { "" } else { "s" },
        kind.source()
    );
    let width = routes.iter().map(|r| r.template.len()).max().unwrap_or(0);
    for route in &routes {
        println!(
            "  {:<7} {:<width$}  {} ({}:{})",
            route.methods.join(","),
            route.template,
            route.function,
            route.file,
            route.line
        );
    }
}

async fn handle(
    dispatcher: Arc<Dispatcher>,
    kind: EventKind,
    peer: SocketAddr,
    request: hyper::Request<Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, std::convert::Infallible> {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let response = match Limited::new(body, MAX_BODY).collect().await {
        Err(_) => response::plain(413, "request body larger than Lambda's 6 MB limit"),
        Ok(body) => {
            let body = body.to_bytes();
            let event = event::build(kind, &parts, &body, peer);
            match dispatcher.dispatch(&event).await {
                Ok(json) => response::from_lambda(&json),
                // On Lambda a failed invocation reaches the client as a 502 from the gateway.
                Err(err) => response::plain(502, &format!("invocation failed: {err}")),
            }
        }
    };
    println!(
        "{} {} -> {} ({:.1} ms)",
        parts.method,
        parts.uri,
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(response)
}

impl EventKind {
    /// The event source this kind imitates.
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

    #[test]
    fn config_precedence() {
        let cfg = LocalConfig::from_parts(&[], None, None).unwrap();
        assert_eq!(cfg.addr.port(), 3000);
        assert_eq!(cfg.event, EventKind::HttpApiV2);

        let cfg = LocalConfig::from_parts(&[], Some("8080"), Some("alb")).unwrap();
        assert_eq!((cfg.addr.port(), cfg.event), (8080, EventKind::Alb));

        let cfg = LocalConfig::from_parts(
            &args(&["--port", "9000", "--event=v1"]),
            Some("8080"),
            Some("alb"),
        )
        .unwrap();
        assert_eq!(
            (cfg.addr.port(), cfg.event),
            (9000, EventKind::ApiGatewayV1)
        );
        assert!(cfg.addr.ip().is_loopback());
    }

    #[test]
    fn bad_settings_are_errors() {
        assert!(LocalConfig::from_parts(&[], Some("http"), None).is_err());
        assert!(LocalConfig::from_parts(&args(&["--event", "sqs"]), None, None).is_err());
    }
}
