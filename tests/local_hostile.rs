//! The local server against raw hostile HTTP, over TCP (`tests/bins/hostile_server.rs`, started
//! on port 0; the address is read from its banner): malformed chunked bodies, header values
//! that are not UTF-8, request targets that are not paths, `CONNECT`, slow clients and too
//! many connections. Every exchange is bounded in time.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server, killed on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(envs: &[(&str, &str)]) -> Server {
        Server::start_logging(envs, Stdio::null())
    }

    /// As `start`, with the server's stderr (its log) going to `stderr`.
    fn start_logging(envs: &[(&str, &str)], stderr: Stdio) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hostile-server"))
            .env("PORT", "0")
            .env_remove("AWS_LAMBDA_RUNTIME_API")
            .env_remove("LAMBDA_ROUTE_EVENT")
            .envs(envs.iter().copied())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut banner = String::new();
        stdout.read_line(&mut banner).unwrap();
        // "lambda-route: serving 4 routes on http://127.0.0.1:PORT as ... events"
        let addr = banner
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("no address in the banner {banner:?}"))
            .parse()
            .unwrap();
        // Drain stdout (one access line per request) so the server never blocks on a full
        // pipe.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        Server { child, addr }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect_timeout(&self.addr, Duration::from_secs(5)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
            .set_write_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
    }

    /// Sends `request` as raw bytes and reads until the server closes (or 10 s pass).
    fn exchange(&self, request: &[u8]) -> String {
        let mut stream = self.connect();
        stream.write_all(request).unwrap();
        read_all(&mut stream)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_all(stream: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The status code and the body of the first response in `raw`.
fn status_and_body(raw: &str) -> (u16, &str) {
    let status = raw
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no response: {raw:?}"));
    let body = raw.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, body)
}

fn get(path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").into_bytes()
}

#[test]
fn a_malformed_chunked_body_is_400_and_only_a_large_one_is_413() {
    let server = Server::start(&[]);
    let chunked = |chunk: &str| {
        format!(
            "POST /upload HTTP/1.1\r\nhost: x\r\nconnection: close\r\ntransfer-encoding: chunked\r\n\r\n{chunk}"
        )
    };
    for chunk in [
        "zz\r\nhello\r\n0\r\n\r\n",
        "fffffffffffffffffffff\r\nhello\r\n0\r\n\r\n",
        "5\r\nhelloXX0\r\n\r\n",
    ] {
        let raw = server.exchange(chunked(chunk).as_bytes());
        let (status, body) = status_and_body(&raw);
        assert_eq!(status, 400, "{chunk:?}: {raw}");
        assert!(body.starts_with("malformed request body: "), "{body:?}");
    }
    // A well-formed chunked body still works.
    let raw = server.exchange(chunked("5\r\nhello\r\n0\r\n\r\n").as_bytes());
    assert_eq!(status_and_body(&raw), (200, "5"));
    // A declared length over 6 MB: 413 before the body is sent.
    let raw =
        server.exchange(b"POST /upload HTTP/1.1\r\nhost: x\r\ncontent-length: 6291457\r\n\r\n");
    assert_eq!(
        status_and_body(&raw),
        (413, "request body larger than Lambda's 6 MB limit\n")
    );
    // Exactly 6 MB is within the limit.
    let mut stream = server.connect();
    let mut request =
        b"POST /upload HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 6291456\r\n\r\n"
            .to_vec();
    request.resize(request.len() + 6_291_456, b'a');
    stream.write_all(&request).unwrap();
    assert_eq!(status_and_body(&read_all(&mut stream)), (200, "6291456"));
}

#[test]
fn header_values_that_are_not_utf8_are_400_and_utf8_is_carried() {
    let server = Server::start(&[]);
    let mut request = b"GET /name HTTP/1.1\r\nhost: x\r\nconnection: close\r\nx-name: Zo".to_vec();
    request.extend_from_slice(&[0xff, 0xfe]);
    request.extend_from_slice(b"\r\n\r\n");
    assert_eq!(
        status_and_body(&server.exchange(&request)),
        (400, "header \"x-name\" has a value that is not UTF-8\n")
    );
    let request = "GET /name HTTP/1.1\r\nhost: x\r\nconnection: close\r\nx-name: Zoë\r\n\r\n";
    assert_eq!(
        status_and_body(&server.exchange(request.as_bytes())),
        (200, "Zoë")
    );
}

#[test]
fn request_targets_that_are_not_paths_are_400_and_connect_is_501() {
    let server = Server::start(&[]);
    let not_a_path =
        "the request target must be a path starting with '/' (or an absolute http URL)\n";
    let cases: [(&[u8], u16, &str); 6] = [
        (b"GET health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n", 400, not_a_path),
        (b"OPTIONS * HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n", 400, not_a_path),
        (b"GET localhost:80 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n", 400, not_a_path),
        (
            b"CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\nconnection: close\r\n\r\n",
            501,
            "CONNECT is not supported\n",
        ),
        // Absolute-form is valid HTTP/1.1 and is served.
        (
            b"GET http://x/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
            200,
            "ok",
        ),
        (&get("/health"), 200, "ok"),
    ];
    for (request, status, body) in cases {
        let raw = server.exchange(request);
        assert_eq!(
            status_and_body(&raw),
            (status, body),
            "{}",
            String::from_utf8_lossy(request)
        );
    }
}

#[test]
fn slow_headers_time_out_with_408_and_others_are_served_meanwhile() {
    let server = Server::start(&[("LAMBDA_ROUTE_HEADER_TIMEOUT", "1")]);
    let mut slow = server.connect();
    slow.write_all(b"GET /health HTTP/1.1\r\nhost: x\r\nx-slow: ")
        .unwrap();
    // Meanwhile the server answers others.
    assert_eq!(
        status_and_body(&server.exchange(&get("/health"))),
        (200, "ok")
    );
    let started = Instant::now();
    let raw = read_all(&mut slow);
    assert_eq!(
        status_and_body(&raw),
        (408, "request headers not received in time\n"),
        "{raw}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // A connection that sends nothing is closed too.
    let mut silent = server.connect();
    let raw = read_all(&mut silent);
    assert_eq!(status_and_body(&raw).0, 408, "{raw}");
}

#[test]
fn connections_over_the_cap_are_refused_with_503_and_slots_come_back() {
    let server = Server::start(&[
        ("LAMBDA_ROUTE_MAX_CONNECTIONS", "2"),
        ("LAMBDA_ROUTE_HEADER_TIMEOUT", "2"),
    ]);
    let mut held: Vec<TcpStream> = (0..2).map(|_| server.connect()).collect();
    for stream in &mut held {
        stream.write_all(b"GET /health HTTP/1.1\r\n").unwrap();
    }
    // Give the server time to accept both.
    std::thread::sleep(Duration::from_millis(300));
    let raw = server.exchange(&get("/health"));
    assert_eq!(
        status_and_body(&raw),
        (503, "too many connections to the local server\n"),
        "{raw}"
    );
    // The held connections time out and free their slots; the server serves again.
    for stream in &mut held {
        assert_eq!(status_and_body(&read_all(stream)).0, 408);
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let raw = server.exchange(&get("/health"));
        if status_and_body(&raw) == (200, "ok") {
            break;
        }
        assert!(Instant::now() < deadline, "never served again: {raw}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The local server holds responses to Lambda's limit the same way (the dispatcher does it):
/// the same 500 body, and a log line naming the route and the size.
#[test]
fn an_over_limit_response_is_the_same_500_as_on_lambda() {
    let log = std::env::temp_dir().join(format!("hostile-server-{}.log", std::process::id()));
    let server = Server::start_logging(&[], Stdio::from(std::fs::File::create(&log).unwrap()));
    let raw = server.exchange(&get("/huge"));
    assert_eq!(
        status_and_body(&raw),
        (
            500,
            r#"{"statusCode":500,"message":"Response larger than Lambda's 6 MB limit"}"#
        )
    );
    drop(server);
    let logged = std::fs::read_to_string(&log).unwrap();
    let _ = std::fs::remove_file(&log);
    let line = logged
        .lines()
        .find(|l| l.contains("response larger than Lambda's 6 MB limit"))
        .unwrap_or_else(|| panic!("no log line: {logged}"));
    assert!(line.contains("route=\"/huge\""), "{line}");
    // 7 MiB of text plus the HTTP API v2 envelope (120 bytes).
    assert!(line.contains("size=7340152"), "{line}");
    assert!(line.contains("limit=6291556"), "{line}");
}
