//! Runs the todos binary as a local server on port 0 (the system picks a free port; the
//! server's banner says which), for the end-to-end test with a real HTTP client. The process
//! is killed when the handle drops.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test support: a failed set-up should panic with a message"
)]

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// A running local server.
pub(crate) struct Server {
    child: Child,
    port: u16,
    /// Everything the server printed to stdout, the banner included, once it closes it.
    stdout: Option<JoinHandle<String>>,
    /// Everything it printed to stderr (its log lines), read as it goes so that a full pipe
    /// never blocks it.
    stderr: Option<JoinHandle<String>>,
}

impl Server {
    /// Starts `binary` with `args` on port 0 and waits (at most 30 s) for the banner that
    /// names the address it listens on.
    pub(crate) fn start(binary: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(binary)
            .args(args)
            .env("PORT", "0")
            .env_remove("AWS_LAMBDA_RUNTIME_API")
            .env_remove("LAMBDA_ROUTE_EVENT")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (port_tx, port_rx) = mpsc::channel();
        // Reads stdout to the end (so the server never blocks on a full pipe), reporting the
        // port from "lambda-route: serving N routes on http://127.0.0.1:PORT as ...".
        let reader = thread::spawn(move || {
            let mut all = String::new();
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(port) = line
                    .split("http://127.0.0.1:")
                    .nth(1)
                    .and_then(|rest| rest.split_whitespace().next())
                    .and_then(|port| port.parse::<u16>().ok())
                {
                    let _ = port_tx.send(port);
                }
                all.push_str(&line);
                all.push('\n');
            }
            all
        });
        let mut stderr = child.stderr.take().unwrap();
        let errors = thread::spawn(move || {
            let mut all = String::new();
            let _ = stderr.read_to_string(&mut all);
            all
        });
        let mut server = Server {
            child,
            port: 0,
            stdout: Some(reader),
            stderr: Some(errors),
        };
        match port_rx.recv_timeout(Duration::from_secs(30)) {
            Ok(port) => server.port = port,
            Err(_) => panic!("server did not start: {}", server.output()),
        }
        server
    }

    /// `http://127.0.0.1:PORT`.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Stops the server and returns everything it printed: stdout, then stderr.
    pub(crate) fn output(&mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut out = self
            .stdout
            .take()
            .and_then(|reader| reader.join().ok())
            .unwrap_or_default();
        if let Some(errors) = self.stderr.take().and_then(|reader| reader.join().ok()) {
            out.push_str(&errors);
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
