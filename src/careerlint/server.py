"""The check server: a careerlint process kept warm, so that a one-page `careerlint check` (an editor's
save, a pre-commit hook) does not pay for Python's imports and careerlint's set-up every time.

    careerlint server start [--idle-timeout SECONDS]   # in the background; stops after an hour idle
    careerlint server status
    careerlint server stop

While it runs, `careerlint check ...` hands itself to it (careerlint.client): the server forks a copy
of its warm process for each check, which takes the client's folder, environment, umask and its very
standard input, output and error, runs the check there and exits. Each check is a fresh fork: a
configuration, a page or reference data edited since the server started are read as they are now,
and nothing one check does reaches the next. What the server loaded before it forked is only
careerlint's own code and bundled files; if those change (an upgrade, an edit of a checkout), the
next check is run by the client itself and the server stops.

Only the user who started it can reach it: the socket is in careerlint's folder of the user's cache
(mode 0700) and, where the system tells, a connection from another user is refused.
`CAREERLINT_NO_SERVER=1` makes `check` ignore a running server.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time

from careerlint.client import decode, peer_is_me, socket_path
from careerlint.startcache import private_folder

IDLE_TIMEOUT = 3600.0


def package_stamp() -> tuple:
    """(path, size, mtime) of careerlint's code and bundled files: a change means a stale server."""
    from careerlint.resources import rules_dir

    out = []
    for top in sorted({os.path.dirname(os.path.abspath(__file__)), str(rules_dir())}):
        for root, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".py", ".yaml", ".json.gz")):
                    st = os.stat(os.path.join(root, name))
                    out.append((os.path.join(root, name), st.st_size, st.st_mtime_ns))
    return tuple(out)


def status() -> tuple[int | None, str | None]:
    """(pid of the running server or None, its socket path or None where there can be none)."""
    path = socket_path()
    if path is None:
        return None, None
    try:
        with open(path + ".pid") as f:
            pid = int(f.read().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None, path
    return (pid if os.path.exists(path) and _is_server(pid) else None), path


def _is_server(pid: int) -> bool:
    """Whether ``pid`` is still a careerlint server (not a process that took the number of one that
    died without removing its files), where the system tells (Linux's /proc)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except FileNotFoundError:
        return not os.path.isdir("/proc/self")  # no /proc here: the pid file and the socket are all we have
    except OSError:
        return False
    return b"server" in args and any(b"careerlint" in a for a in args)


def start(idle_timeout: float = IDLE_TIMEOUT) -> tuple[int, str]:
    """Start a server in the background (or find the one running): (its pid, its socket). Two starts
    at once start one server: the second waits for the first and finds it."""
    import fcntl

    path = socket_path()
    if path is None:
        raise OSError("the check server needs a POSIX system (Unix sockets and fork)")
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if not private_folder(folder):
        raise OSError(f"{folder}: not a folder of this user's that only this user may write in")
    with open(path + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _start_locked(path, idle_timeout)


def _start_locked(path: str, idle_timeout: float) -> tuple[int, str]:
    pid, _ = status()
    if pid is not None:
        return pid, path
    ready_r, ready_w = os.pipe()
    child = os.fork()
    if child == 0:  # the daemon: a new session, no terminal, stdio on /dev/null
        os.close(ready_r)
        try:
            os.setsid()
            if os.fork() != 0:
                os._exit(0)
            _daemon(path, idle_timeout, ready_w)
        finally:
            os._exit(0)
    os.close(ready_w)
    os.waitpid(child, 0)
    with os.fdopen(ready_r, "rb") as r:
        answer = r.read()
    if not answer.startswith(b"ok "):
        raise OSError(answer.decode("utf-8", "replace").strip() or "the check server did not start")
    return int(answer[3:]), path


def stop() -> int | None:
    """Stop the running server; its pid, or None if none was running."""
    pid, path = status()
    if pid is None:
        return None
    os.kill(pid, signal.SIGTERM)
    for _ in range(100):
        if not os.path.exists(path):
            break
        time.sleep(0.02)
    return pid


def _daemon(path: str, idle_timeout: float, ready_w: int) -> None:
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    # nothing its starter had open stays open here (a redirection, a lock), but the pipe it reads
    os.closerange(3, ready_w)
    os.closerange(ready_w + 1, 1 << 16)
    os.chdir("/")  # keeps no folder busy; each check goes to its client's folder
    try:
        stamp = _warm_up()
        os.umask(0o077)
        if os.path.exists(path):
            os.unlink(path)  # a socket left by a server that died: nothing answers it (status said so)
        srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        srv.bind(path)
        srv.listen(16)
        with open(path + ".pid.tmp", "w") as f:
            f.write(str(os.getpid()))
        os.replace(path + ".pid.tmp", path + ".pid")
    except Exception as e:  # the caller says why on its terminal
        os.write(ready_w, f"the check server did not start: {type(e).__name__}: {e}".encode())
        os.close(ready_w)
        return
    os.write(ready_w, f"ok {os.getpid()}".encode())
    os.close(ready_w)
    _serve(srv, path, stamp, idle_timeout)


def _warm_up() -> tuple:
    """Load what depends only on careerlint's own code: its modules, the lexicon's and the
    phrasings' patterns. Never a configuration, a cache or reference data (the bundled files
    included, which callers may change once read): each check reads those itself, as they are then."""
    import importlib
    import pkgutil

    import careerlint

    for mod in pkgutil.walk_packages(careerlint.__path__, "careerlint."):
        if mod.name not in ("careerlint.dask_runner", "careerlint.__main__"):
            try:
                importlib.import_module(mod.name)
            except Exception:  # noqa: BLE001  (an optional part: imported by the check that needs it)
                pass
    from careerlint.checks import kinds
    from careerlint.extract.lexicon import lexicon
    from careerlint.extract.phrasings_store import phrasings

    kinds()
    lex = lexicon()
    for name in lex.cues:
        getattr(lex, name)
    for ph in phrasings():
        ph.pattern  # noqa: B018  (compiled now, once, instead of in every check)
    from lxml import etree

    from careerlint import rxcache

    etree.HTMLParser()
    rxcache.save()  # what the warm-up compiled first is kept now, not by every check
    return package_stamp()


def _serve(srv, path: str, stamp: tuple, idle_timeout: float) -> None:
    def on_term(signum, frame):
        raise KeyboardInterrupt  # out of accept(): the files are removed on the way out

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # finished checks are reaped by the system at once
    srv.settimeout(min(idle_timeout, 60.0))
    last = time.monotonic()
    try:
        while True:
            try:
                conn, _ = srv.accept()
            except socket.timeout:
                if time.monotonic() - last >= idle_timeout:
                    return
                continue
            last = time.monotonic()
            if not peer_is_me(conn):
                conn.close()
                continue
            if os.fork() == 0:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # a check's own workers are waited for
                srv.close()
                code = 0
                try:
                    code = _one_check(conn, stamp)
                finally:
                    os._exit(code)
            conn.close()
    except KeyboardInterrupt:
        return
    finally:
        try:
            with open(path + ".pid") as f:
                mine = f.read().strip() == str(os.getpid())
        except OSError:
            mine = False
        for p in (path, path + ".pid") if mine else ():  # never another server's files
            try:
                os.unlink(p)
            except OSError:
                pass


def _one_check(conn, stamp: tuple) -> int:
    """In a forked child: take the client's request and descriptors, run the check, answer."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    conn.settimeout(10.0)
    head, fds, _flags, _addr = socket.recv_fds(conn, 8, 3)
    if len(head) < 8 or int.from_bytes(head, "big") == 0:
        return 0  # a client that went away
    size = int.from_bytes(head, "big")
    body = b""
    while len(body) < size:
        chunk = conn.recv(min(size - len(body), 1 << 20))
        if not chunk:
            return 0
        body += chunk
    conn.settimeout(None)
    me = os.getpid().to_bytes(8, "big")
    if len(fds) != 3 or package_stamp() != stamp:
        conn.sendall(me + b"\0\0\0\1")  # the client runs it; a stale server stops
        if len(fds) == 3:
            os.kill(os.getppid(), signal.SIGTERM)
        return 0
    argv, cwd, env, umask = decode(body)
    for fd, target in zip(fds, (0, 1, 2)):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    time.tzset()  # "today" is the client's (TZ)
    os.umask(umask)
    from careerlint import fileio

    fileio._UMASK.clear()  # files are written with the client's umask, not one read before the fork
    _fresh_streams()
    conn.sendall(me + b"\0\0\0\0")
    _stop_when_client_goes(conn)
    from careerlint.cli import main

    try:
        main(argv)
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except KeyboardInterrupt:
        code = 130
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            pass
    try:
        conn.sendall(int(code).to_bytes(4, "big"))
    except OSError:
        pass
    return 0


def _stop_when_client_goes(conn) -> None:
    """End this check if its client goes away (killed; SIGTERM and SIGHUP it forwards itself): the
    client sends nothing more, so the end of the connection means it is gone."""
    import threading

    def watch():
        try:
            while conn.recv(1):
                pass
        except OSError:
            pass
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()


def _fresh_streams() -> None:
    """sys.stdin, stdout and stderr on the client's descriptors, made as Python makes them at start
    (a terminal's output is line-buffered, a pipe's is not)."""
    import io

    enc, errors = sys.stdout.encoding, sys.stdout.errors
    sys.stdin = io.TextIOWrapper(io.open(0, "rb", closefd=False), encoding=sys.stdin.encoding,
                                 errors=sys.stdin.errors)
    sys.stdout = io.TextIOWrapper(io.open(1, "wb", closefd=False), encoding=enc, errors=errors,
                                  line_buffering=os.isatty(1))
    sys.stderr = io.TextIOWrapper(io.open(2, "wb", closefd=False), encoding=sys.stderr.encoding,
                                  errors="backslashreplace", line_buffering=True)
