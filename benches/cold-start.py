#!/usr/bin/env python3
"""Cold start of the todos example: lambda-route against lambda_http + axum.

Run from the repository root (python3 3.8+, standard library only; Linux):

    python3 benches/cold-start.py              # build, then 21 rounds (seconds once built)
    python3 benches/cold-start.py --runs 41    # more rounds
    python3 benches/cold-start.py --no-build   # measure the binaries already in target/deploy/

In one run it:

1. builds both binaries with the deployment profile:
   `cargo build --profile deploy -p todos -p todos-axum` (`[profile.deploy]` in Cargo.toml:
   fat LTO, one codegen unit, stripped, panic = "unwind"). `todos` is examples/todos
   (lambda-route); `todos-axum` is benches/todos-axum, the same API on lambda_http + axum run
   with `lambda_http::run(router)`.
2. reports the size of each stripped binary and the ratio.
3. obtains AWS's Runtime Interface Emulator (RIE) the way examples/todos/tests/support/rie.rs
   does: `pip download` of the pinned aws-sam-cli wheel from PyPI, member
   `samcli/local/rapid/aws-lambda-rie-<arch>`, checked against the same pinned SHA-256, cached
   as `<target dir>/rie/aws-lambda-rie-<arch>` (shared with the Rust tests, under the same
   lock directory). `LAMBDA_ROUTE_RIE_BINARY=/path/to/rie` uses another RIE executable.
4. measures, in rounds that alternate which binary goes first (so drift on a shared machine
   hits both alike), "process start -> first response under RIE": start the RIE with the
   binary on loopback ports, wait until it listens, then time the FIRST invoke of a REST API
   (v1) `GET /todos` event. The RIE starts the function lazily on that invoke, so the time
   covers spawning the function process, its whole init (runtime, routes, Runtime API client)
   and its first response, plus the RIE's own relaying, which is the same for both binaries.
   The second invoke of the same event is timed too (warm latency, for context), and the
   RIE's `INIT REPORT(durationMs: ..)` log line gives its own view of the init (function
   process spawned -> its first `GET /runtime/invocation/next`). Right after the first
   response the function's own figures are read from /proc: CPU time of all its threads
   (schedstat, ns), peak RSS, minor page faults, threads. Then the RIE and the function are
   killed (their process groups) before the next start.
5. prints medians, spreads and ratios as a Markdown table (paste it into BENCHMARKS.md).

Ratios are lambda-route / lambda_http + axum; below 1 means lambda-route is smaller or
faster. The two timed by this script (first response, warm invoke) are medians of per-round
ratios (both binaries measured back to back in every round); the others are ratios of
medians. One untimed warm-up round (`--warmup`) first brings both binaries into the page cache.

Both functions get `AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH=true` (lambda_http would otherwise
route REST API events on `/<stage>/todos`; lambda-route ignores the variable). Everything
listens on 127.0.0.1 only, every wait has a deadline, and the RIE and the functions are killed
on exit, on Ctrl-C and on SIGTERM; a watchdog shell in the RIE's process group (as in rie.rs)
kills them within a second even if this script is killed with SIGKILL.
"""

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

SAM_CLI_VERSION = "1.170.0"
INVOKE_PATH = "/2015-03-31/functions/function/invocations"
RIE_BINARY_ENV = "LAMBDA_ROUTE_RIE_BINARY"
RIE_MEMBERS = {
    "x86_64": (
        "aws-lambda-rie-x86_64",
        "6b1e686e62ab2baf5759c412c4864276ef2a88b094fca53ec070637ccba9b9a5",
    ),
    "aarch64": (
        "aws-lambda-rie-arm64",
        "ec2e5d09633d853834c008b1ef264bf834b258a94d551d2b2074966494b39a21",
    ),
}

BINARIES = [
    # (key, cargo bin name, label)
    ("lambda-route", "todos", "lambda-route (`todos`)"),
    ("axum", "todos-axum", "lambda_http + axum (`todos-axum`)"),
]

BUILD_TIMEOUT = 3600  # s, a cold optimized build on a busy 2-core machine
PIP_TIMEOUT = 600
LOCK_TIMEOUT = 660
RIE_START_TIMEOUT = 30
FUNCTION_TIMEOUT = 30  # AWS_LAMBDA_FUNCTION_TIMEOUT given to the RIE
INVOKE_TIMEOUT = FUNCTION_TIMEOUT + 30
EXIT_TIMEOUT = 10

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WATCHDOG_SH = r"""
while kill -0 "$1" 2>/dev/null; do sleep 1; done
for c in $(cat /proc/"$2"/task/*/children 2>/dev/null); do
  env kill -9 -- "-$c" "$c" 2>/dev/null
done
env kill -9 -- "-$2" 2>/dev/null
"""


class Failure(Exception):
    """A step failed; the message says which and why."""


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# build and sizes


def run_bounded(argv, timeout, what, **kwargs):
    try:
        return subprocess.run(argv, timeout=timeout, check=True, **kwargs)
    except subprocess.TimeoutExpired:
        raise Failure(f"{what} took longer than {timeout} s") from None
    except subprocess.CalledProcessError as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else ""
        raise Failure(f"{what} failed ({e.returncode})\n{out}") from None
    except OSError as e:
        raise Failure(f"cannot run {what}: {e}") from None


def target_dir():
    out = run_bounded(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        120,
        "cargo metadata",
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ).stdout
    return json.loads(out)["target_directory"]


def build():
    argv = ["cargo", "build", "--profile", "deploy", "-p", "todos", "-p", "todos-axum"]
    log("$ " + " ".join(argv))
    started = time.monotonic()
    run_bounded(argv, BUILD_TIMEOUT, "the build", cwd=REPO)
    log(f"built in {time.monotonic() - started:.0f} s")


def elf_has_symtab(path):
    """Whether an ELF64 little-endian file still has a `.symtab` (not stripped)."""
    with open(path, "rb") as f:
        head = f.read(64)
        if head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:
            return None
        shoff = struct.unpack_from("<Q", head, 0x28)[0]
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", head, 0x3A)
        f.seek(shoff)
        table = f.read(shentsize * shnum)
    types = [struct.unpack_from("<I", table, i * shentsize + 4)[0] for i in range(shnum)]
    return 2 in types  # SHT_SYMTAB


def lock_version(name):
    """The version of `name` in Cargo.lock (first match), or '?'."""
    try:
        with open(os.path.join(REPO, "Cargo.lock")) as f:
            text = f.read()
    except OSError:
        return "?"
    m = re.search(r'name = "' + re.escape(name) + r'"\nversion = "([^"]+)"', text)
    return m.group(1) if m else "?"


# ---------------------------------------------------------------------------------------------
# the RIE, as examples/todos/tests/support/rie.rs obtains it


def rie_binary(target):
    env_path = os.environ.get(RIE_BINARY_ENV)
    if env_path:
        if not os.path.isfile(env_path):
            raise Failure(f"{RIE_BINARY_ENV}={env_path} is not a file")
        return env_path
    arch = platform.machine()
    arch = {"amd64": "x86_64", "arm64": "aarch64"}.get(arch, arch)
    if arch not in RIE_MEMBERS:
        raise Failure(f"no AWS Lambda RIE build for {arch}; set {RIE_BINARY_ENV} to one")
    name, sha256 = RIE_MEMBERS[arch]
    directory = os.path.join(target, "rie")
    dest = os.path.join(directory, name)
    if not os.path.isfile(dest):
        fetch_rie(directory, dest, name, sha256)
    with open(dest, "rb") as f:
        got = hashlib.sha256(f.read()).hexdigest()
    if got != sha256:
        raise Failure(f"{dest} has SHA-256 {got}, expected {sha256}; delete it to re-fetch")
    return dest


def fetch_rie(directory, dest, name, sha256):
    os.makedirs(directory, exist_ok=True)
    lock = os.path.join(directory, ".download.lock")  # the same lock as rie.rs
    started = time.monotonic()
    while True:
        try:
            os.mkdir(lock)
            break
        except FileExistsError:
            if os.path.isfile(dest):
                return
            try:
                age = time.time() - os.stat(lock).st_mtime
            except OSError:
                continue
            if age > LOCK_TIMEOUT:  # left behind by a killed process
                shutil.rmtree(lock, ignore_errors=True)
                continue
            if time.monotonic() - started > LOCK_TIMEOUT:
                raise Failure(f"timed out waiting for another download of the RIE ({lock})")
            time.sleep(0.2)
    work = os.path.join(directory, f".download-{os.getpid()}")
    try:
        if os.path.isfile(dest):
            return
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        log(f"fetching the RIE from the aws-sam-cli {SAM_CLI_VERSION} wheel on PyPI")
        run_bounded(
            [
                sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                "--ignore-requires-python", "--no-input", "--disable-pip-version-check",
                f"aws-sam-cli=={SAM_CLI_VERSION}", "-d", work,
            ],
            PIP_TIMEOUT,
            f"`pip download aws-sam-cli=={SAM_CLI_VERSION}` (the RIE ships in its wheel)",
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        wheels = [f for f in os.listdir(work) if f.endswith(".whl")]
        if not wheels:
            raise Failure(f"pip left no wheel in {work}")
        member = f"samcli/local/rapid/{name}"
        data = zipfile.ZipFile(os.path.join(work, wheels[0])).read(member)
        got = hashlib.sha256(data).hexdigest()
        if got != sha256:
            raise Failure(f"sha256 of {member} is {got}, expected {sha256}")
        partial = os.path.join(work, name)
        with open(partial, "wb") as f:
            f.write(data)
        os.chmod(partial, 0o755)
        os.rename(partial, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(lock, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# one RIE with one function


def free_ports():
    socks = []
    try:
        for _ in range(2):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def accepts(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def children_of(pid):
    children = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return children
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                children.extend(int(p) for p in f.read().split())
        except (OSError, ValueError):
            pass
    return children


def kill_tree(pid):
    """SIGKILL the RIE's children (each function runs in a process group of its own) and the
    RIE's process group (the RIE and the watchdog)."""
    for child in children_of(pid):
        for kill in (os.killpg, os.kill):
            try:
                kill(child, signal.SIGKILL)
            except OSError:
                pass
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except OSError:
            pass


class Rie:
    """A running RIE serving one function binary on loopback ports."""

    live = set()  # every Rie not yet stopped, for the exit handlers

    def __init__(self, rie, binary, log_path, env):
        last = ""
        for _attempt in range(5):
            self.port, self.api_port = free_ports()
            self.log_path = log_path
            self.function_pids = []
            with open(log_path, "wb") as out:
                self.proc = subprocess.Popen(
                    [
                        rie,
                        "--runtime-interface-emulator-address", f"127.0.0.1:{self.port}",
                        "--runtime-api-address", f"127.0.0.1:{self.api_port}",
                        binary,
                    ],
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    preexec_fn=os.setpgrp,  # its own process group, as rie.rs's process_group(0)
                )
            self.watchdog = None
            Rie.live.add(self)
            # In the RIE's process group, so killing that group ends it too.
            self.watchdog = subprocess.Popen(
                ["sh", "-c", WATCHDOG_SH, "rie-watchdog", str(os.getpid()), str(self.proc.pid)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=lambda pgid=self.proc.pid: os.setpgid(0, pgid),
            )
            try:
                self._wait_ready()
                return
            except Failure as e:  # most likely a port taken in between: other ports
                last = str(e)
                self.stop()
        raise Failure(f"the RIE did not start: {last}")

    def _wait_ready(self):
        deadline = time.monotonic() + RIE_START_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise Failure(f"it exited ({self.proc.returncode}); its log:\n{self.logs()}")
            if accepts(self.port) and accepts(self.api_port):
                return
            if time.monotonic() > deadline:
                raise Failure(f"it did not listen in {RIE_START_TIMEOUT} s:\n{self.logs()}")
            time.sleep(0.01)

    def logs(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode(errors="replace")
        except OSError as e:
            return f"<cannot read {self.log_path}: {e}>"

    def invoke(self, event):
        """POST the event to the invoke endpoint; (seconds, status, body)."""
        request = (
            f"POST {INVOKE_PATH} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(event)}\r\n"
            "Connection: close\r\n\r\n"
        ).encode() + event
        started = time.perf_counter()
        deadline = time.monotonic() + INVOKE_TIMEOUT
        chunks = []
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=5) as s:
                s.sendall(request)
                while True:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise socket.timeout(f"no complete answer in {INVOKE_TIMEOUT} s")
                    s.settimeout(left)
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
        except OSError as e:  # refused, reset, timed out
            raise Failure(f"invoke through the RIE failed: {e}\nRIE log:\n{self.logs()}") from None
        elapsed = time.perf_counter() - started
        if not self.function_pids:
            self.function_pids = children_of(self.proc.pid)
        status, body = parse_http(b"".join(chunks))
        return elapsed, status, body

    def stop(self):
        if self not in Rie.live:
            return
        pids = [self.proc.pid] + self.function_pids + children_of(self.proc.pid)
        kill_tree(self.proc.pid)
        try:
            self.proc.wait(timeout=EXIT_TIMEOUT)
            if self.watchdog is not None:
                self.watchdog.wait(timeout=EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure(f"RIE {self.proc.pid} did not exit after SIGKILL") from None
        # The function must be gone before the next round. Orphaned by the RIE's death, it is
        # reparented to this script (a child subreaper, see main), which reaps it here.
        deadline = time.monotonic() + EXIT_TIMEOUT
        left = [p for p in pids if p != self.proc.pid]
        while left:
            left = [p for p in left if not reaped_or_gone(p)]
            if left and time.monotonic() > deadline:
                raise Failure(f"processes {left} still alive after SIGKILL")
            if left:
                time.sleep(0.005)
        Rie.live.discard(self)


def function_stats(pid):
    """CPU time (s, all threads, from schedstat), threads, peak RSS (bytes) and minor page
    faults of a live process."""
    cpu_ns, threads = 0, 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                cpu_ns += int(f.read().split()[0])
            threads += 1
        with open(f"/proc/{pid}/status") as f:
            hwm = re.search(r"^VmHWM:\s+(\d+) kB", f.read(), re.M)
        with open(f"/proc/{pid}/stat") as f:
            minflt = int(f.read().rsplit(")", 1)[1].split()[7])
    except (OSError, ValueError, IndexError):
        return None
    if hwm is None:
        return None
    return cpu_ns / 1e9, threads, int(hwm.group(1)) * 1024, minflt


def become_subreaper():
    """Make orphaned descendants (the functions, once their RIE is killed) this process's
    children, so that it reaps them itself instead of leaving zombies to init."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def reaped_or_gone(pid):
    """Reaps `pid` if it is a dead child of ours; true once it no longer runs."""
    try:
        done, _status = os.waitpid(pid, os.WNOHANG)
        return done == pid
    except ChildProcessError:  # not our child: init reaps it; a zombie has stopped running
        return gone_or_zombie(pid)


def gone_or_zombie(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return fields[0] == "Z"
    except (OSError, IndexError):
        return True


def parse_http(raw):
    head, sep, rest = raw.partition(b"\r\n\r\n")
    if not sep:
        raise Failure(f"not an HTTP response: {raw[:200]!r}")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = b""
        while True:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                break
            body += rest[:size]
            rest = rest[size + 2:]
    elif "content-length" in headers:
        body = rest[: int(headers["content-length"])]
    else:
        body = rest
    return status, body


CLEANUP = []  # run on every exit, after the RIEs are stopped


def stop_all():
    for rie in list(Rie.live):
        try:
            rie.stop()
        except Failure as e:
            log(str(e))
    for cleanup in CLEANUP:
        cleanup()


# ---------------------------------------------------------------------------------------------
# measuring


def todos_event():
    """benches/events/apigw-v1-get.json re-aimed at GET /todos, compact."""
    with open(os.path.join(REPO, "benches", "events", "apigw-v1-get.json")) as f:
        event = json.load(f)
    event["resource"] = "/todos"
    event["path"] = "/todos"
    event["httpMethod"] = "GET"
    event["queryStringParameters"] = None
    event["multiValueQueryStringParameters"] = None
    event["pathParameters"] = None
    context = event["requestContext"]
    context["resourcePath"] = "/todos"
    context["httpMethod"] = "GET"
    context["path"] = f"/{context['stage']}/todos"
    return json.dumps(event, separators=(",", ":")).encode()


def check_answer(label, status, body, rie):
    """The RIE answers 200 with the function's response: a 200 whose body is `[]`."""
    try:
        response = json.loads(body)
        ok = status == 200 and response.get("statusCode") == 200 and response.get("body") == "[]"
    except (ValueError, AttributeError):
        ok = False
    if not ok:
        raise Failure(
            f"{label} answered {status} {body[:500]!r}, expected a 200 with body []\n"
            f"RIE log:\n{rie.logs()}"
        )


# The RIE's own timing of the init phase: from spawning the function to its first
# `GET /runtime/invocation/next`. (Its per-request `REPORT ... Init Duration` is not this.)
INIT_RE = re.compile(r"INIT REPORT\(durationMs: ([\d.]+)\)")


def one_run(rie_path, binary, label, event, log_path, env):
    rie = Rie(rie_path, binary, log_path, env)
    try:
        cold, status, body = rie.invoke(event)
        check_answer(label, status, body, rie)
        if len(rie.function_pids) != 1:
            raise Failure(f"expected one function process under the RIE: {rie.function_pids}")
        stats = function_stats(rie.function_pids[0])
        warm, status, body = rie.invoke(event)
        check_answer(label, status, body, rie)
        m = INIT_RE.search(rie.logs())
        init = float(m.group(1)) / 1000 if m else None
    finally:
        rie.stop()
    os.remove(log_path)
    return cold, warm, init, stats


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def mib(size):
    return f"{size:,} B ({size / 2**20:.2f} MiB)"


def count(n):
    return f"{n:,.0f}"


def kib(size):
    return f"{size / 1024:,.0f} KiB"


def ratio(x):
    return f"{x:.2f}×"


def main():
    parser = argparse.ArgumentParser(
        description="Cold start of the todos example: lambda-route vs lambda_http + axum, "
        "under AWS's Runtime Interface Emulator. See the docstring at the top of this file."
    )
    parser.add_argument("--runs", type=int, default=21, help="timed rounds (default 21)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first (default 1)")
    parser.add_argument("--no-build", action="store_true", help="skip `cargo build`")
    args = parser.parse_args()
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be >= 1 and --warmup >= 0")
    if not sys.platform.startswith("linux"):
        raise Failure("Linux only (the RIE is a Linux program; /proc is read for cleanup)")

    if not args.no_build:
        build()
    target = target_dir()
    binaries = {}
    sizes = {}
    for key, name, _label in BINARIES:
        path = os.path.join(target, "deploy", name)
        if not os.path.isfile(path):
            raise Failure(f"{path} is missing: build it (drop --no-build)")
        if elf_has_symtab(path):
            raise Failure(f"{path} is not stripped: is [profile.deploy] strip = true?")
        binaries[key] = path
        sizes[key] = os.path.getsize(path)

    rie_path = rie_binary(target)
    event = todos_event()
    env = dict(os.environ)
    env["AWS_LAMBDA_FUNCTION_TIMEOUT"] = str(FUNCTION_TIMEOUT)
    env["AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH"] = "true"
    become_subreaper()
    logs = tempfile.mkdtemp(prefix="cold-start-", dir=os.path.join(target, "rie"))
    CLEANUP.append(lambda: shutil.rmtree(logs, ignore_errors=True))

    results = {
        key: {"cold": [], "warm": [], "init": [], "cpu": [], "threads": [], "rss": [], "flt": []}
        for key, _, _ in BINARIES
    }
    cold_ratios, warm_ratios = [], []
    total = args.warmup + args.runs
    log(f"{args.runs} rounds (+{args.warmup} warm-up), each running both binaries under the RIE")
    for round_no in range(total):
        order = BINARIES if round_no % 2 == 0 else BINARIES[::-1]
        got = {}
        for key, _name, label in order:
            log_path = os.path.join(logs, f"{key}-{round_no}.log")
            got[key] = one_run(rie_path, binaries[key], label, event, log_path, env)
        if round_no < args.warmup:
            continue
        for key in got:
            cold, warm, init, stats = got[key]
            results[key]["cold"].append(cold)
            results[key]["warm"].append(warm)
            if init is not None:
                results[key]["init"].append(init)
            if stats is not None:
                results[key]["cpu"].append(stats[0])
                results[key]["threads"].append(stats[1])
                results[key]["rss"].append(stats[2])
                results[key]["flt"].append(stats[3])
        cold_ratios.append(got["lambda-route"][0] / got["axum"][0])
        warm_ratios.append(got["lambda-route"][1] / got["axum"][1])
        log(
            f"round {round_no - args.warmup + 1:>3}/{args.runs}: first response "
            f"lambda-route {ms(got['lambda-route'][0])}, axum {ms(got['axum'][0])}"
        )

    def med(key, what):
        values = results[key][what]
        return statistics.median(values) if values else None

    def spread(key, what):
        values = sorted(results[key][what])
        if len(values) < 2:
            return "–"
        q1, _, q3 = statistics.quantiles(values, n=4)
        return f"{ms(q1)} – {ms(q3)} · {ms(values[0])} – {ms(values[-1])}"

    lr, ax = "lambda-route", "axum"
    try:
        rustc = subprocess.run(
            ["rustc", "-V"], cwd=REPO, stdout=subprocess.PIPE, text=True, timeout=60
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        rustc = "rustc ?"
    print()
    print(
        f"{args.runs} rounds, {time.strftime('%Y-%m-%d')}, {rustc}, `--profile deploy`, "
        f"lambda_http {lock_version('lambda_http')}, axum {lock_version('axum')}, "
        f"lambda_runtime {lock_version('lambda_runtime')}, tokio {lock_version('tokio')}, "
        f"RIE from aws-sam-cli {SAM_CLI_VERSION}, event REST v1 GET /todos ({len(event):,} B)."
    )
    print()
    print(f"| | {BINARIES[0][2]} | {BINARIES[1][2]} | lambda-route / axum |")
    print("|---|---:|---:|---:|")
    print(
        f"| stripped binary size | {mib(sizes[lr])} | {mib(sizes[ax])} | "
        f"{ratio(sizes[lr] / sizes[ax])} |"
    )
    print(
        f"| process start → first response under RIE (median) | {ms(med(lr, 'cold'))} | "
        f"{ms(med(ax, 'cold'))} | {ratio(statistics.median(cold_ratios))} |"
    )
    print(
        f"| … quartiles · min – max | {spread(lr, 'cold')} | {spread(ax, 'cold')} | |"
    )
    if results[lr]["init"] and results[ax]["init"]:
        print(
            f"| RIE's INIT REPORT: spawn → first `/next` (median) | {ms(med(lr, 'init'))} | "
            f"{ms(med(ax, 'init'))} | {ratio(med(lr, 'init') / med(ax, 'init'))} |"
        )
    if results[lr]["cpu"] and results[ax]["cpu"]:
        print(
            f"| function's CPU time, start → first response (median) | {ms(med(lr, 'cpu'))} | "
            f"{ms(med(ax, 'cpu'))} | {ratio(med(lr, 'cpu') / med(ax, 'cpu'))} |"
        )
        for what, title, fmt in [
            ("rss", "function's peak RSS at first response (median)", kib),
            ("flt", "function's minor page faults to first response (median)", count),
            ("threads", "function's threads (max)", count),
        ]:
            a, b = med(lr, what), med(ax, what)
            if what == "threads":
                a, b = max(results[lr][what]), max(results[ax][what])
            print(f"| {title} | {fmt(a)} | {fmt(b)} | {ratio(a / b)} |")
    print(
        f"| warm (second) invoke (median) | {ms(med(lr, 'warm'))} | {ms(med(ax, 'warm'))} | "
        f"{ratio(statistics.median(warm_ratios))} |"
    )
    size_ratio = sizes[lr] / sizes[ax]
    cold_ratio = statistics.median(cold_ratios)
    print()
    print("| issue 3 target | goal | measured | |")
    print("|---|---|---:|---|")
    print(
        "| stripped binary of the todos example vs lambda_http + axum | smaller | "
        f"{ratio(size_ratio)} | **{'met' if size_ratio < 1 else 'missed'}** |"
    )
    print(
        "| process start → first response under RIE vs lambda_http + axum | not slower | "
        f"{ratio(cold_ratio)} | **{'met' if cold_ratio <= 1 else 'missed'}** |"
    )


def on_sigterm(_signum, _frame):
    raise SystemExit(143)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        main()
    except Failure as e:
        log(f"cold-start: {e}")
        sys.exit(1)
    except KeyboardInterrupt:
        log("cold-start: interrupted")
        sys.exit(130)
    finally:
        stop_all()
