"""The check server (careerlint.server, careerlint.client): `careerlint check` handed to a warm
process says exactly what it says alone (output, errors, exit status, standard input), only the
user's own server is used, and a stopped or idle server leaves `check` to run by itself."""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix" or not hasattr(os, "fork"), reason="a POSIX system only")

SAMPLES = ROOT / "samples"
# the client process itself: did it run the check (import careerlint.cli_check) or hand it over?
CLIENT = ("import sys\nfrom careerlint.cli import main\nsys.argv = ['careerlint'] + sys.argv[1:]\ntry:\n"
          "    main()\nfinally:\n    print('ran here' if 'careerlint.cli_check' in sys.modules else 'served',"
          " file=sys.stderr)\n")


@pytest.fixture
def home():
    folder = tempfile.mkdtemp(prefix="cl-", dir="/tmp")  # a short path: a socket's name is ~107 bytes at most
    env = dict(os.environ, XDG_CACHE_HOME=folder, NO_COLOR="1")
    env.pop("CAREERLINT_NO_SERVER", None)
    yield env
    subprocess.run([sys.executable, "-m", "careerlint", "server", "stop"], env=env, capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


def _careerlint(env, *args, stdin=None, cwd=ROOT):
    p = subprocess.run([sys.executable, "-c", CLIENT, *args], env=env, capture_output=True, text=True, input=stdin,
                       cwd=cwd)
    err = p.stderr.splitlines()
    return p.returncode, p.stdout, "\n".join(err[:-1]), err[-1] if err else ""


def _start(env, *extra):
    p = subprocess.run([sys.executable, "-m", "careerlint", "server", "start", *extra], env=env, capture_output=True,
                       text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("careerlint server running (pid ")
    return p.stdout


def _stops(env) -> bool:
    """Whether the server stops within 5 seconds (`careerlint server status` exits 1)."""
    for _ in range(50):
        p = subprocess.run([sys.executable, "-m", "careerlint", "server", "status"], env=env, capture_output=True)
        if p.returncode == 1:
            return True
        time.sleep(0.1)
    return False


def test_a_served_check_says_what_a_check_alone_says(home):
    _start(home)
    alone = dict(home, CAREERLINT_NO_SERVER="1")
    cases = [("check", "--as-of", "2026-11-22", "samples/stale-dental-hygienist.html"),
             ("check", "--as-of", "2026-11-22", "--format", "json", "--no-cache", "samples"),
             ("check", "--as-of", "2026-11-22", "samples/no-such-page.html"),
             ("check", "--as-of", "2026-11-22", "--format", "nonsense", "samples")]
    for args in cases:
        served, here = _careerlint(home, *args), _careerlint(alone, *args)
        assert served[3] == "served" and here[3] == "ran here", args
        assert served[:3] == here[:3], args
    assert _careerlint(home, *cases[0])[0] == 1  # findings
    assert _careerlint(home, *cases[2])[0] == 2  # no such page
    page = (SAMPLES / "stale-dental-hygienist.html").read_text()
    served = _careerlint(home, "check", "--as-of", "2026-11-22", "--stdin-filename", "stale.html", "-", stdin=page)
    here = _careerlint(alone, "check", "--as-of", "2026-11-22", "--stdin-filename", "stale.html", "-", stdin=page)
    assert served[3] == "served" and served[:3] == here[:3] and "stale.html:" in served[1]


def test_a_served_check_runs_in_the_clients_folder_with_its_configuration(home, tmp_path):
    _start(home)
    (tmp_path / "p.html").write_text((SAMPLES / "stale-dental-hygienist.html").read_text())
    code, out, err, how = _careerlint(home, "check", "--as-of", "2026-11-22", "p.html", cwd=tmp_path)
    assert how == "served" and out.startswith("p.html:")
    (tmp_path / "careerlint.yaml").write_text("rules:\n  newer-release:\n    severity: error\n")
    code, out, err, how = _careerlint(home, "check", "--as-of", "2026-11-22", "p.html", cwd=tmp_path)
    assert how == "served" and " error newer-release " in out  # read as it is now, not when the server started


def test_status_stop_and_a_check_with_no_server(home):
    p = subprocess.run([sys.executable, "-m", "careerlint", "server", "status"], env=home, capture_output=True,
                       text=True)
    assert p.returncode == 1 and p.stdout == "no careerlint server is running\n"
    started = _start(home)
    assert _start(home) == started  # running already: the same one
    p = subprocess.run([sys.executable, "-m", "careerlint", "server", "status"], env=home, capture_output=True,
                       text=True)
    assert p.returncode == 0 and p.stdout == started
    p = subprocess.run([sys.executable, "-m", "careerlint", "server", "stop"], env=home, capture_output=True, text=True)
    assert p.stdout.startswith("careerlint server stopped (pid ")
    assert _careerlint(home, "check", "--as-of", "2026-11-22", "samples/stale-dental-hygienist.html")[3] == "ran here"


def test_an_idle_server_stops(home):
    _start(home, "--idle-timeout", "1")
    assert _stops(home)
    assert _careerlint(home, "check", "--as-of", "2026-11-22", "samples/stale-dental-hygienist.html")[3] == "ran here"


def test_a_changed_careerlint_is_never_run_by_an_old_server(home, tmp_path):
    """An upgrade or an edit of a checkout after the server started: the client runs the check itself
    and the stale server stops."""
    shutil.copytree(ROOT / "src" / "careerlint", tmp_path / "src" / "careerlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    env = dict(home, PYTHONPATH=str(tmp_path / "src"))
    _start(env)
    args = ("check", "--as-of", "2026-11-22", "samples/stale-dental-hygienist.html")
    first = _careerlint(env, *args)
    assert first[3] == "served"
    hints = tmp_path / "src" / "careerlint" / "hints.py"
    hints.write_text(hints.read_text() + "\n")
    again = _careerlint(env, *args)
    assert again[3] == "ran here" and again[:3] == first[:3]
    assert _stops(env)


def test_a_request_carries_arguments_folder_and_environment_as_they_are():
    from careerlint.client import decode, encode

    argv = ["check", "--select", "a=b", "péché.html", os.fsdecode(b"caf\xe9.html"), ""]
    env = {"PATH": "/bin:/usr/bin", "EMPTY": "", "EQ": "x=y=z", "LANG": "fr_FR.UTF-8"}
    assert decode(encode(argv, "/tmp/dossier é", env, 0o27)) == (argv, "/tmp/dossier é", env, 0o27)
    with pytest.raises(ValueError):
        decode(b"GET / HTTP/1.1\r\n")


def test_a_served_check_writes_with_the_clients_umask(home, tmp_path):
    _start(home)
    (tmp_path / "p.html").write_text((SAMPLES / "stale-dental-hygienist.html").read_text())
    code = ("import os, sys\nos.umask(0o077)\nfrom careerlint.cli import main\n"
            "sys.argv = ['careerlint', 'check', '--as-of', '2026-11-22', '--output-file', 'out.txt', 'p.html']\n"
            "try:\n    main()\nfinally:\n    print('served' if 'careerlint.cli_check' not in sys.modules else 'ran here',"
            " file=sys.stderr)\n")
    p = subprocess.run([sys.executable, "-c", code], env=home, capture_output=True, text=True, cwd=tmp_path)
    assert p.stderr.splitlines()[-1] == "served"
    assert oct(os.stat(tmp_path / "out.txt").st_mode & 0o777) == "0o600"


def test_a_folder_others_may_write_in_is_never_trusted(home):
    _start(home)
    server_folder = os.path.join(home["XDG_CACHE_HOME"], "careerlint", "server")
    os.chmod(server_folder, 0o777)  # another user could have put a socket of their own there
    try:
        assert _careerlint(home, "check", "--as-of", "2026-11-22", "samples/stale-dental-hygienist.html")[3] == \
            "ran here"
    finally:
        os.chmod(server_folder, 0o700)
    assert _careerlint(home, "check", "--as-of", "2026-11-22", "samples/stale-dental-hygienist.html")[3] == "served"


def test_closed_standard_streams_are_one_line_errors_served_or_not(home):
    """A closed stdout or stdin: the client's socket would take its number, so the check runs by
    itself and says so in one line (exit 2), as it does with no server; never a hang."""
    _start(home)
    page = "samples/stale-dental-hygienist.html"
    for env in (home, dict(home, CAREERLINT_NO_SERVER="1")):
        p = subprocess.run(f"{shlex.quote(sys.executable)} -m careerlint check --as-of 2026-11-22 {page} >&-",
                           shell=True, env=env, capture_output=False, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                           timeout=60)
        assert (p.returncode, p.stderr) == (2, "careerlint: error: standard output is closed: nowhere to write the "
                                               "report (use --output-file)\n")
        p = subprocess.run(f"{shlex.quote(sys.executable)} -m careerlint check - <&-", shell=True, env=env,
                           capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert p.returncode == 2 and p.stderr.endswith("-: error: standard input is not available\n")
