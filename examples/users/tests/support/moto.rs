//! A real `moto` server (DynamoDB-compatible, in Python) on a free loopback port, and the
//! users binary serving HTTP against it. Both processes are killed when their handle drops.
//!
//! moto comes from PyPI: `MOTO_PYTHONPATH` names a directory where `moto[server]` is
//! installed (`pip install --target DIR 'moto[server]'`); without it, the first test installs
//! the pinned [`MOTO_VERSION`] with `python3 -m pip install --target <target dir>/moto`, once
//! (a lock directory keeps parallel tests from installing it twice).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test support: a failed set-up should panic with a message"
)]

use std::fs::{self, File};
use std::io::{self, Read};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

/// The moto release the tests install.
pub(crate) const MOTO_VERSION: &str = "5.2.5";
/// How long installing moto may take.
const INSTALL_TIMEOUT: Duration = Duration::from_secs(900);
/// How long a process may take to accept connections.
const START_TIMEOUT: Duration = Duration::from_secs(60);

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Cargo's target directory (where the moto install is cached).
fn target_dir() -> PathBuf {
    if let Ok(exe) = std::env::current_exe() {
        if let Some(dir) = exe.ancestors().find(|d| d.join("CACHEDIR.TAG").is_file()) {
            return dir.to_path_buf();
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target")
}

/// Removes the install lock when dropped, also when a failed install unwinds.
struct Unlock(PathBuf);

impl Drop for Unlock {
    fn drop(&mut self) {
        let _ = fs::remove_dir(&self.0);
    }
}

/// The directory to put on `PYTHONPATH` for `python3 -m moto.server`.
fn moto_path() -> PathBuf {
    if let Some(dir) = std::env::var_os("MOTO_PYTHONPATH") {
        return PathBuf::from(dir);
    }
    let root = target_dir().join("moto");
    let dir = root.join(MOTO_VERSION);
    let done = dir.join(".installed");
    if done.is_file() {
        return dir;
    }
    fs::create_dir_all(&root).unwrap();
    let lock = root.join(".install.lock");
    let started = Instant::now();
    let _unlock = loop {
        match fs::create_dir(&lock) {
            Ok(()) => {
                let unlock = Unlock(lock.clone());
                if done.is_file() {
                    // Installed by another test while this one waited.
                    return dir;
                }
                break unlock;
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                if done.is_file() {
                    return dir;
                }
                let age = fs::metadata(&lock)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| SystemTime::now().duration_since(t).ok());
                if age.is_some_and(|age| age > INSTALL_TIMEOUT) {
                    // Left behind by a killed test process.
                    let _ = fs::remove_dir(&lock);
                    continue;
                }
                assert!(
                    started.elapsed() < INSTALL_TIMEOUT,
                    "timed out waiting for another test to install moto (lock {})",
                    lock.display()
                );
                thread::sleep(Duration::from_millis(200));
            }
            Err(e) => panic!("cannot create {}: {e}", lock.display()),
        }
    };
    // Install into a scratch folder, then move it into place: an interrupted install never
    // looks finished.
    let partial = root.join(format!("{MOTO_VERSION}.partial"));
    let _ = fs::remove_dir_all(&partial);
    let log = root.join("install.log");
    let mut child = Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        // No bytecode compilation of the ~300 MB moto[server] brings: Python compiles what
        // it imports, on first use.
        .arg("--no-compile")
        .arg("--target")
        .arg(&partial)
        .arg(format!("moto[server]=={MOTO_VERSION}"))
        // Its own process group, so that a timeout ends pip itself and not only a wrapper
        // (pyenv's `python3` is a shell script).
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(File::create(&log).unwrap())
        .stderr(File::create(&log).unwrap())
        .spawn()
        .expect("python3 with pip is needed to install moto");
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > INSTALL_TIMEOUT {
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(format!("-{}", child.id()))
                .status();
            let _ = child.wait();
            panic!(
                "installing moto took over {INSTALL_TIMEOUT:?}; see {}",
                log.display()
            );
        }
        thread::sleep(Duration::from_millis(200));
    };
    assert!(
        status.success(),
        "installing moto failed: {}",
        fs::read_to_string(&log).unwrap_or_default()
    );
    File::create(partial.join(".installed")).unwrap();
    let _ = fs::remove_dir_all(&dir);
    fs::rename(&partial, &dir).unwrap();
    dir
}

/// A child process that accepts TCP on `port`, killed on drop.
pub(crate) struct Process {
    child: Child,
    port: u16,
}

impl Process {
    fn start(mut command: Command, port: u16, what: &str) -> Process {
        let child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
        let mut process = Process { child, port };
        let deadline = Instant::now() + START_TIMEOUT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = process.child.try_wait().unwrap() {
                panic!("{what} exited with {status}: {}", process.output());
            }
            assert!(
                Instant::now() < deadline,
                "{what} did not start: {}",
                process.output()
            );
            thread::sleep(Duration::from_millis(50));
        }
        process
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Stops the process and returns everything it printed.
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

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts a moto server on a free loopback port.
pub(crate) fn moto() -> Process {
    let port = free_port();
    let mut command = Command::new("python3");
    command
        .args(["-m", "moto.server", "-H", "127.0.0.1", "-p"])
        .arg(port.to_string())
        .env("PYTHONPATH", moto_path());
    Process::start(command, port, "moto")
}

/// Starts the users binary as a local server (`args`: its flags, such as `--event v1`) against
/// `moto`, on table `table`, which it creates (`USERS_CREATE_TABLE=1`).
pub(crate) fn users(moto: &Process, table: &str, args: &[&str]) -> Process {
    let port = free_port();
    let mut command = Command::new(env!("CARGO_BIN_EXE_users"));
    command
        .args(args)
        .env("PORT", port.to_string())
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .env_remove("LAMBDA_ROUTE_EVENT")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_SESSION_TOKEN")
        .env("AWS_ENDPOINT_URL_DYNAMODB", moto.url(""))
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("USERS_TABLE", table)
        .env("USERS_CREATE_TABLE", "1");
    Process::start(command, port, "the users server")
}
