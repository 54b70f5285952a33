"""A local Neo4j 5.26 for development and tests, run from dev/neo4j without Docker.

The server is embedded Neo4j behind Bolt on 127.0.0.1 (a tiny Java launcher). Maven only
resolves the classpath (cached in ~/.m2, offline once cached) and javac compiles the launcher,
so a second start skips the build entirely. State lives under `<workspace>/neo4j/`:
`pid`, `uri`, `password` (mode 600), `server.log`, `stop` (the launcher polls for it) and
`home/` (the database files). `graph_loader.config.neo4j_settings` finds `uri` and `password`.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from graph_loader.config import Neo4jSettings, neo4j_settings

DEV_DIR = Path(__file__).resolve().parents[2] / "dev" / "neo4j"
LAUNCHER_SRC = DEV_DIR / "src" / "main" / "java" / "safetykg" / "neo4j" / "Launcher.java"
CLASSES_DIR = DEV_DIR / "target" / "classes"
LAUNCHER_JAR = DEV_DIR / "target" / "launcher.jar"  # a jar, since class-data sharing takes no directories
CLASSPATH_FILE = DEV_DIR / "target" / "classpath.txt"
# class-data sharing archive: written when the first server exits, it makes later JVM starts faster
CDS_ARCHIVE = DEV_DIR / "target" / "neo4j-classes.jsa"
NEO4J_M2 = Path.home() / ".m2" / "repository" / "org" / "neo4j" / "neo4j"

START_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 60.0


class LauncherError(RuntimeError):
    """The local server could not be built or started (missing Java/Maven, build or start failure)."""


@dataclass
class ServerState:
    running: bool
    uri: str | None
    pid: int | None
    state_dir: Path


def state_dir(workspace: Path) -> Path:
    return Path(workspace) / "neo4j"


def missing_tools() -> list[str]:
    """Which of java, javac, jar, mvn are not on PATH (the tests skip with this as the reason)."""
    return [tool for tool in ("java", "javac", "jar", "mvn") if shutil.which(tool) is None]


def _build_is_current() -> bool:
    if not (LAUNCHER_JAR.exists() and CLASSPATH_FILE.exists()):
        return False
    if CLASSPATH_FILE.stat().st_mtime < (DEV_DIR / "pom.xml").stat().st_mtime:
        return False
    if LAUNCHER_JAR.stat().st_mtime < LAUNCHER_SRC.stat().st_mtime:
        return False
    return all(Path(p).exists() for p in CLASSPATH_FILE.read_text().strip().split(os.pathsep) if p)


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=900)


def ensure_built(quiet: bool = False) -> str:
    """Resolve the Neo4j classpath with Maven and compile the launcher, unless already up to date.

    Tries Maven offline first when ~/.m2 already holds Neo4j (fast, works without network),
    then online; returns the full Java classpath.
    """
    if not _build_is_current():
        missing = missing_tools()
        if missing:
            raise LauncherError(f"needs {', '.join(missing)} on PATH to run a local Neo4j")
        CLASSES_DIR.mkdir(parents=True, exist_ok=True)
        goal = ["dependency:build-classpath", f"-Dmdep.outputFile={CLASSPATH_FILE}"]
        modes = [["-o"], []] if NEO4J_M2.exists() else [[], ["-o"]]
        errors = []
        for mode in modes:
            if not quiet:
                print(f"resolving Neo4j with Maven{' (offline)' if mode else ''} ...", file=sys.stderr)
            done = _run(["mvn", "-q", "-B", *mode, *goal], DEV_DIR)
            if done.returncode == 0 and CLASSPATH_FILE.exists():
                CLASSPATH_FILE.touch()  # Maven leaves an unchanged file alone; mark it as current
                break
            errors.append((done.stdout + done.stderr).strip()[-2000:])
        else:
            raise LauncherError("Maven could not resolve Neo4j:\n" + "\n".join(errors))
        classpath = CLASSPATH_FILE.read_text().strip()
        done = _run(["javac", "-d", str(CLASSES_DIR), "-cp", classpath, str(LAUNCHER_SRC)], DEV_DIR)
        if done.returncode != 0:
            raise LauncherError("javac failed:\n" + (done.stdout + done.stderr)[-2000:])
        done = _run(["jar", "cf", str(LAUNCHER_JAR), "-C", str(CLASSES_DIR), "."], DEV_DIR)
        if done.returncode != 0:
            raise LauncherError("jar failed:\n" + (done.stdout + done.stderr)[-2000:])
        CDS_ARCHIVE.unlink(missing_ok=True)  # it belongs to the old classes
    return os.pathsep.join([str(LAUNCHER_JAR), CLASSPATH_FILE.read_text().strip()])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    try:  # a zombie child (ours, not yet reaped) counts as dead
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return True


def _port_open(uri: str | None) -> bool:
    if not uri:
        return False
    host, _, port = uri.rsplit("/", 1)[-1].partition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=1.0):
            return True
    except OSError:
        return False


def _read_pid(sdir: Path) -> int | None:
    try:
        return int((sdir / "pid").read_text().strip())
    except (OSError, ValueError):
        return None


def status(workspace: Path | str) -> ServerState:
    """Whether the workspace's local server is running, and its URI."""
    sdir = state_dir(Path(workspace))
    pid = _read_pid(sdir)
    uri_file = sdir / "uri"
    uri = uri_file.read_text().strip() if uri_file.exists() else None
    running = _alive(pid) and _port_open(uri)
    return ServerState(running=running, uri=uri if running else None, pid=pid if running else None,
                       state_dir=sdir)


def _password(sdir: Path) -> str:
    """The workspace's generated password (kept across restarts, readable by the owner only)."""
    path = sdir / "password"
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_hex(18)  # hex: never begins with "-", so it reads as a flag value anywhere
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(password + "\n")
    return password


def start(workspace: Path | str, quiet: bool = False, timeout_s: float = START_TIMEOUT_S) -> Neo4jSettings:
    """Start (or find running) the workspace's Neo4j; return settings with its URI and password."""
    workspace = Path(workspace).resolve()
    sdir = state_dir(workspace)
    current = status(workspace)
    if current.running:
        return neo4j_settings(uri=current.uri, password=_password(sdir), user="neo4j")
    classpath = ensure_built(quiet=quiet)
    sdir.mkdir(parents=True, exist_ok=True)
    (sdir / "uri").unlink(missing_ok=True)
    _password(sdir)
    port = _free_port()
    log_path = sdir / "server.log"
    java = shutil.which("java") or "java"
    heap = os.environ.get("SAFETYKG_NEO4J_HEAP", "1g")  # 1g/256m hold the sample and 10k corpora;
    pagecache = _bytes(os.environ.get("SAFETYKG_NEO4J_PAGECACHE", "256m"))  # raise both for 100k
    tx_max = os.environ.get("SAFETYKG_NEO4J_TX_MAX")  # dbms.memory.transaction.total.max (tests)
    if CDS_ARCHIVE.exists():
        cds = ["-XX:SharedArchiveFile=" + str(CDS_ARCHIVE), "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
    else:  # dumped at exit under a name of its own; stop() moves it in place (servers may run in parallel)
        dump = CDS_ARCHIVE.with_name(f"{CDS_ARCHIVE.name}.{port}.tmp")
        (sdir / "cds").write_text(str(dump) + "\n")
        cds = ["-XX:ArchiveClassesAtExit=" + str(dump), "-Xlog:cds=off"]
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [java, "-Xms256m", f"-Xmx{heap}", f"-Dsafetykg.pagecache={pagecache}", "-XX:+UseSerialGC", *cds,
             *([f"-Dsafetykg.txmax={_bytes(tx_max)}"] if tx_max else []),
             "-cp", classpath, "safetykg.neo4j.Launcher",
             str(sdir / "home"), str(port), str(sdir / "password"), str(sdir / "stop")],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )
    (sdir / "pid").write_text(f"{proc.pid}\n")
    uri = f"bolt://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log_path.read_text(errors="replace")[-3000:]
            raise LauncherError(f"Neo4j exited with status {proc.returncode}; see {log_path}:\n{tail}")
        if "READY " in log_path.read_text(errors="replace") and _port_open(uri):
            (sdir / "uri").write_text(uri + "\n")
            return neo4j_settings(uri=uri, password=_password(sdir), user="neo4j")
        time.sleep(0.2)
    _terminate(proc.pid)
    raise LauncherError(f"Neo4j did not answer on {uri} within {timeout_s:.0f} s; see {log_path}")


def _bytes(size: str) -> int:
    """'512m' / '2g' / '1048576' → bytes (the JVM's own size syntax, for the page cache setting)."""
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    size = size.strip().lower()
    if size and size[-1] in units:
        return int(float(size[:-1]) * units[size[-1]])
    return int(size)


def _terminate(pid: int, timeout_s: float = STOP_TIMEOUT_S) -> bool:
    """SIGTERM (the launcher's shutdown hook closes the database cleanly), SIGKILL after the timeout."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return True
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:  # reap it if it is our child
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True
        except ChildProcessError:
            pass
        if not _alive(pid):
            return True
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return False


def stop(workspace: Path | str) -> bool:
    """Stop the workspace's server cleanly; True when it was running."""
    sdir = state_dir(Path(workspace))
    pid = _read_pid(sdir)
    was_running = _alive(pid)
    if was_running and pid:
        (sdir / "stop").touch()  # the launcher exits through its shutdown hook
        deadline = time.monotonic() + 30  # a first stop also writes the class-data archive
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _alive(pid):
            _terminate(pid)
    _adopt_cds_archive(sdir)
    for name in ("pid", "uri", "stop", "cds"):
        (sdir / name).unlink(missing_ok=True)
    return was_running


def _adopt_cds_archive(sdir: Path) -> None:
    """Move the class-data archive the stopped JVM dumped into place, for faster later starts."""
    record = sdir / "cds"
    if not record.exists():
        return
    dump = Path(record.read_text().strip())
    if dump.exists():
        if CDS_ARCHIVE.exists() or dump.stat().st_size == 0:
            dump.unlink()
        else:
            os.replace(dump, CDS_ARCHIVE)
