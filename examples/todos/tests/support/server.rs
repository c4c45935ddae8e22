//! Runs the todos binary as a local server on a free loopback port, for the end-to-end test
//! with a real HTTP client. The process is killed when the handle drops.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test support: a failed set-up should panic with a message"
)]

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// A running local server.
pub(crate) struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// Starts `binary` with `args` on a free port and waits (at most 30 s) until it accepts.
    pub(crate) fn start(binary: &Path, args: &[&str]) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(binary)
            .args(args)
            .env("PORT", port.to_string())
            .env_remove("AWS_LAMBDA_RUNTIME_API")
            .env_remove("LAMBDA_ROUTE_EVENT")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("server exited with {status}: {}", server.output());
            }
            assert!(
                Instant::now() < deadline,
                "server did not start: {}",
                server.output()
            );
            thread::sleep(Duration::from_millis(20));
        }
        server
    }

    /// `http://127.0.0.1:PORT`.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Stops the server and returns everything it printed.
    pub(crate) fn output(&mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut out = String::new();
        if let Some(mut stdout) = self.child.stdout.take() {
            let _ = stdout.read_to_string(&mut out);
        }
        if let Some(mut stderr) = self.child.stderr.take() {
            let _ = stderr.read_to_string(&mut out);
        }
        out
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
