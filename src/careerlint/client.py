"""The `careerlint check` side of the check server (careerlint.server): hand the command to a running
server, or say that there is none. Imported before anything else of careerlint, so it imports only
what a bare Python has loaded already, plus socket.

Like Mercurial's chg: the client sends its command line, folder, environment and umask, and passes
its own standard input, output and error (the file descriptors themselves) over a Unix socket; the
server forks a copy of its warm process, which runs the check on those very descriptors (a terminal
stays a terminal, `| head` still closes the pipe) and answers with the exit status. Anything that
goes wrong before the check starts (no server, another careerlint, a stale one) means "run it here".
"""

from __future__ import annotations

import os
import sys

_OFF = "CAREERLINT_NO_SERVER"   # set (to anything): never use a server


def socket_path() -> str | None:
    """The server's socket for this Python and this user, or None where there can be none."""
    if os.name != "posix" or not hasattr(os, "fork"):
        return None
    from careerlint.startcache import user_folder

    # one server per Python environment and careerlint copy: a server of another virtual environment,
    # or of the installed careerlint when a checkout is on PYTHONPATH, is never used
    tag = 0
    for ch in sys.prefix + "\0" + sys.version + "\0" + os.path.dirname(os.path.abspath(__file__)):
        tag = (tag * 131 + ord(ch)) % (1 << 48)
    path = os.path.join(user_folder(), "server", f"{tag:012x}.sock")
    return path if len(path.encode()) < 100 else None  # a Unix socket's name is at most ~107 bytes


def run_on_server(argv: list[str]) -> int | None:
    """The exit status of ``careerlint <argv>`` run by the server, or None (no server to run it:
    the caller runs it here; nothing has been written to the descriptors yet)."""
    if os.environ.get(_OFF):
        return None
    path = socket_path()
    if path is None or not os.path.exists(path):
        return None
    from careerlint.startcache import private_folder

    if not private_folder(os.path.dirname(path)):
        return None
    import socket

    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    except OSError:
        return None
    if s.fileno() <= 2 or not _own_socket(path):
        # a closed stdin, stdout or stderr: the socket took its number and would be sent as it
        s.close()
        return None
    try:
        s.connect(path)
        if not peer_is_me(s):
            s.close()
            return None
    except OSError:
        s.close()
        return None
    try:
        umask = os.umask(0o22)
        os.umask(umask)
        msg = encode(argv, os.getcwd(), dict(os.environ), umask)
        socket.send_fds(s, [len(msg).to_bytes(8, "big") + msg], [0, 1, 2])
        # the child's pid, then 0 (it runs the check) or 1 (run it here). It comes before the check
        # starts, at once: a server that does not answer in 10 s is left (the check runs here; the
        # child, finding this end closed, never runs it)
        s.settimeout(10.0)
        head = _read(s, 12)
        s.settimeout(None)
        if head is None or head[8:] != b"\0\0\0\0":
            return None
        pid = int.from_bytes(head[:8], "big")
        _forward_signals(pid)
        while True:  # the check runs now: from here on, it is never run a second time here
            try:
                status = _read(s, 4)
                break
            except KeyboardInterrupt:  # the terminal's ^C reached this process, not the check
                _signal(pid)
            except OSError:
                status = None
                break
        if status is None:
            print("careerlint: error: the check server stopped during the check (run with "
                  f"{_OFF}=1 to check without it)", file=sys.stderr)
            return 2
        return int.from_bytes(status, "big")
    except OSError:
        return None
    except KeyboardInterrupt:  # ^C before the check started: as a check alone would, exit 130
        return 130
    finally:
        s.close()


def encode(argv: list[str], cwd: str, env: dict[str, str], umask: int) -> bytes:
    """A request: NUL-separated, since no argument, path or variable can hold a NUL (and importing
    json would cost a served check a tenth of its time). Bytes a file system name may hold that are
    not UTF-8 go through as they are (os.fsencode)."""
    parts = [b"careerlint-1", str(umask).encode(), os.fsencode(cwd), str(len(argv)).encode()]
    parts += [os.fsencode(a) for a in argv]
    parts += [os.fsencode(k) + b"=" + os.fsencode(v) for k, v in env.items()]
    return b"\0".join(parts)


def decode(msg: bytes) -> tuple[list[str], str, dict[str, str], int]:
    """(argv, cwd, environment, umask) of a request; ValueError if it is not one."""
    parts = msg.split(b"\0")
    if parts[0] != b"careerlint-1" or len(parts) < 4:
        raise ValueError("not a careerlint request")
    n = int(parts[3])
    argv = [os.fsdecode(a) for a in parts[4:4 + n]]
    env = {}
    for item in parts[4 + n:]:
        k, eq, v = item.partition(b"=")
        if eq:
            env[os.fsdecode(k)] = os.fsdecode(v)
    return argv, os.fsdecode(parts[2]), env, int(parts[1])


def _own_socket(path: str) -> bool:
    try:
        return os.lstat(path).st_uid == os.getuid()
    except OSError:
        return False


def peer_is_me(s) -> bool:
    """Whether the process at the other end of the Unix socket ``s`` is this user's, where the system
    tells (Linux); elsewhere the folder's owner and mode are the guard. Both ends ask it."""
    import socket

    opt = getattr(socket, "SO_PEERCRED", None)
    if opt is None:
        return True
    import struct

    try:
        _pid, uid, _gid = struct.unpack("3i", s.getsockopt(socket.SOL_SOCKET, opt, struct.calcsize("3i")))
    except OSError:
        return False
    return uid == os.getuid()


def _signal(pid: int, signum=None) -> None:
    import signal

    try:
        os.kill(pid, signal.SIGINT if signum is None else signum)
    except OSError:
        pass


def _forward_signals(pid: int) -> None:
    """A termination or hang-up sent to this process reaches the check too (an editor cancelling
    it, `timeout`): the check stops, and so does this process, as it would alone."""
    import signal

    def forward(signum, frame):
        _signal(pid, signum)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        try:
            signal.signal(signum, forward)
        except (OSError, ValueError):
            pass


def _read(s, n: int) -> bytes | None:
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data
