"""--dask-scheduler: the same findings, byte for byte, as a local run; workers that die are survived."""

import json
import os
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT

distributed = pytest.importorskip("distributed", reason="Dask is not installed: pip install '.[dask]'")


def careerlint(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "careerlint", "check", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600, env=env)


def test_local_cluster_gives_the_same_json_as_one_process():
    """samples/ (three sites and unrelated pages) and the OOH corpus when it is there: one run each way."""
    paths = ["samples"] + ([str(CORPUS)] if CORPUS.is_dir() else [])
    args = ["--no-cache", "--as-of", "2026-11-22", "--format", "json", *paths]
    local = careerlint("--jobs", "1", *args)
    import socket

    held = socket.socket()   # Dask's default HTTP port taken (another run, a dashboard): no warning either
    try:
        held.bind(("127.0.0.1", 8787))
        held.listen()
    except OSError:
        pass   # someone holds it already
    try:
        dask = careerlint("--dask-scheduler", "local:2", *args)
    finally:
        held.close()
    assert (dask.returncode, dask.stdout, dask.stderr) == (local.returncode, local.stdout, local.stderr)
    doc = json.loads(dask.stdout)
    assert {"site-conflicting-figure", "site-conflicting-growth", "site-mixed-vintage"} <= {
        f["rule"] for f in doc["findings"]}                      # the cross-page rules ran on the facts
    if CORPUS.is_dir():
        assert doc["files"] == 67 + len(list(CORPUS.glob("*.html")))


def test_bad_scheduler_is_a_one_line_usage_error(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<h1>Nurses</h1><p>Nothing here.</p>")
    for spec, message in (("local:0", "--dask-scheduler local:N needs N from 1 to 64, not '0'"),
                          ("nowhere", "--dask-scheduler must be tcp://HOST:PORT or local:N, not 'nowhere'")):
        p = careerlint("--no-cache", "--dask-scheduler", spec, str(page), cwd=tmp_path)
        assert (p.returncode, p.stdout, p.stderr) == (2, "", f"careerlint: error: {message}\n")


def test_unreachable_scheduler_is_a_one_line_error(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<h1>Nurses</h1><p>Nothing here.</p>")
    env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")  # Dask's own setting: fail fast
    p = careerlint("--no-cache", "--dask-scheduler", "tcp://127.0.0.1:9", str(page), cwd=tmp_path, env=env)
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.startswith("careerlint: error: --dask-scheduler tcp://127.0.0.1:9: cannot connect: ")
    assert len(p.stderr.splitlines()) == 1


# --- workers that die ------------------------------------------------------------------------------

def dying_batch(batch, plans, max_bytes):
    """The worker task, with faults: a page named die-once-* kills its worker the first time it is
    checked (a marker file remembers), a page named always-dies-* every time."""
    from careerlint.dask_runner import check_batch

    for shown, full, _ in batch:
        name = os.path.basename(full)
        marker = full + ".died"
        if name.startswith("always-dies") or (name.startswith("die-once") and not os.path.exists(marker)):
            open(marker, "w").close()
            os._exit(1)
    return check_batch(batch, plans, max_bytes)


def test_dead_workers_are_retried_and_a_page_that_kills_them_is_reported(tmp_path):
    import datetime as dt

    import cloudpickle
    import dask
    from dask.distributed import Client, LocalCluster

    from careerlint import dask_runner
    from careerlint.pipeline import Plan
    from careerlint.ruleset import load_ruleset

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    body = "<h1>Nurses</h1><p>The median annual wage for nurses was $93,600 in May {}, says the BLS.</p>"
    names = [f"p{i:02d}.html" for i in range(18)] + ["die-once-a.html", "always-dies-b.html"]
    for i, n in enumerate(names):
        (tmp_path / n).write_text(body.format(2023 if i % 2 else 2024))
    ruleset = load_ruleset()
    plan = Plan(ruleset.select(None, None), ruleset, dt.date(2026, 11, 22))
    pages = [(str(tmp_path / n), plan) for n in names]
    outcomes = [None] * len(pages)
    ticks = []
    # one task per worker thread at a time, so a worker that dies takes only its own page with it
    with dask.config.set({"distributed.scheduler.allowed-failures": 1, "distributed.scheduler.worker-saturation": 1.0}):
        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=50) as cluster, \
                Client(cluster) as client:
            dask_runner._run(client, pages, list(range(len(pages))), 0, outcomes, ticks.append, dying_batch)
    assert sum(ticks) == len(pages) and None not in outcomes            # every page accounted for
    by_name = {os.path.basename(o.path): o for o in outcomes}
    assert by_name["die-once-a.html"].error is None                      # retried after its worker died
    assert by_name["die-once-a.html"].findings == []
    dead = str(tmp_path / "always-dies-b.html")
    assert by_name["always-dies-b.html"].error == (
        f"{dead}: error: the Dask worker checking this page failed (KilledWorker)")
    stale = [o for n, o in by_name.items() if n.startswith("p") and int(n[1:3]) % 2]
    assert stale and all([f.rule for f in o.findings] == ["stale-source"] for o in stale)
    assert [o.path for o in outcomes] == [p for p, _ in pages]          # in page order
