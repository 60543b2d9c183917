"""Checking pages on a Dask cluster (--dask-scheduler tcp://HOST:PORT, or local:N for a LocalCluster).

The cache is looked up here, as for a local run (careerlint.runner); the pages left are sent to the
cluster in batches (tens of pages per task, so scheduling costs little per page), each worker
checking its batch with the same function a local process uses. Outcomes come back in page order
whatever order the tasks finish in, and the cross-page rules then run here over their site facts
(a reduce over the claims): the output is the same, byte for byte, as a local run's.

Dask reruns the tasks of a worker that dies. A batch that still fails (its worker died again and
again, or the task raised) is split into one task per page, and a page that fails on its own is
reported like a page that cannot be read (``path: error: ...``): never lost.

Workers read pages from their own file system by absolute path: a remote cluster must see the
pages where this machine does (a shared or network file system).
"""

from __future__ import annotations

import math
import os

from careerlint.errors import CareerlintError

MIN_BATCH, MAX_BATCH = 10, 50   # pages per task
MAX_LOCAL_WORKERS = 64


def parse_scheduler(spec: str) -> tuple[str, int | str]:
    """("local", N) for 'local:N', ("address", spec) for 'tcp://HOST:PORT' (tls://, ws://, ...)."""
    s = spec.strip()
    if s.startswith("local:"):
        n = s[len("local:"):]
        if not n.isdigit() or not 1 <= int(n) <= MAX_LOCAL_WORKERS:
            raise CareerlintError(f"--dask-scheduler local:N needs N from 1 to {MAX_LOCAL_WORKERS}, not '{n}'")
        return "local", int(n)
    if "://" in s and s.split("://", 1)[1]:
        return "address", s
    raise CareerlintError(f"--dask-scheduler must be tcp://HOST:PORT or local:N, not '{spec}'")


def batch_size(pages: int, workers: int) -> int:
    """About eight tasks per worker, each of MIN_BATCH to MAX_BATCH pages."""
    return max(MIN_BATCH, min(MAX_BATCH, math.ceil(pages / (8 * max(1, workers)))))


def check_batch(batch: list[tuple[str, str, int]], plans: list, max_bytes: int) -> list:
    """On a worker: check each (path as shown, absolute path, plan index) page; never raises for a page."""
    from careerlint.loader import read_page_bytes
    from careerlint.pipeline import Outcome, check_page

    out = []
    for shown, full, p in batch:
        try:
            data, signature = read_page_bytes(full, max_bytes)
        except CareerlintError as e:
            msg = str(e)
            out.append(Outcome(shown, [], shown + msg[len(full):] if msg.startswith(full) else msg))
            continue
        out.append(check_page(shown, plans[p], max_bytes, data, signature))
    return out


def _client(spec: str):
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise CareerlintError("--dask-scheduler needs Dask: pip install 'careerlint[dask]'") from None
    import logging

    # Dask's own log lines (a worker restarted, a heartbeat lost at shutdown) are not careerlint's
    # output: what matters reaches the report, as a page's error
    dask.config.set({"logging.distributed": "critical"})
    for name in ("distributed", "distributed.worker", "distributed.nanny", "distributed.scheduler"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    kind, value = parse_scheduler(spec)
    if kind == "local":
        # the scheduler serves HTTP whatever dashboard_address says (None means its default port, 8787,
        # and a warning when another run holds it): any free port instead
        cluster = LocalCluster(n_workers=value, threads_per_worker=1, processes=True, dashboard_address=":0",
                               silence_logs=logging.CRITICAL)  # failures are reported per page
        return Client(cluster), cluster
    try:
        # Dask's connect timeout (distributed.comm.timeouts.connect, 30s unless configured)
        return Client(value, timeout=dask.config.get("distributed.comm.timeouts.connect")), None
    except (OSError, TimeoutError, ValueError) as e:
        raise CareerlintError(f"--dask-scheduler {value}: cannot connect: {e}") from None


def remote(spec: str, task=check_batch):
    """A runner.run ``remote`` callable that checks pages on the cluster named by ``spec``."""
    parse_scheduler(spec)  # a bad spec stops the run before any page is looked at

    def run_remote(pages, todo, max_bytes, outcomes, tick) -> None:
        if not todo:
            return
        client, cluster = _client(spec)
        try:
            _run(client, pages, todo, max_bytes, outcomes, tick, task)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run_remote


def _run(client, pages, todo, max_bytes, outcomes, tick, task) -> None:
    from dask.distributed import as_completed

    from careerlint.pipeline import Outcome

    from careerlint.runner import distinct_plans

    plans, index = distinct_plans(pages, todo)
    # the plans (about 20 KB pickled) go with every task: data scattered to workers is lost with them
    plans_f = plans
    items = [(i, (pages[i][0], os.path.abspath(pages[i][0]), index[id(pages[i][1])])) for i in todo]
    workers = len(client.scheduler_info().get("workers", {})) or 1
    size = batch_size(len(items), workers)
    batches = {}
    for k in range(0, len(items), size):
        chunk = items[k:k + size]
        fut = client.submit(task, [x for _, x in chunk], plans_f, max_bytes, pure=False)
        batches[fut] = chunk
    solo: dict[int, int] = {}   # page -> single-page tasks submitted for it
    done = as_completed(list(batches), with_results=True, raise_errors=False)
    for fut, result in done:
        chunk = batches.pop(fut)
        if fut.status == "finished":
            for (i, _), o in zip(chunk, result):
                outcomes[i] = o
            tick(len(chunk))
        elif len(chunk) > 1 or solo.get(chunk[0][0], 0) < 2:
            # the batch failed (its worker kept dying): one task per page; and a page alone on a
            # worker that another page killed gets a second chance before it is reported
            for one in chunk:
                solo[one[0]] = solo.get(one[0], 0) + 1
                f = client.submit(task, [one[1]], plans_f, max_bytes, pure=False)
                batches[f] = [one]
                done.add(f)
        else:
            (i, (shown, _, _)), = chunk
            why = _failure(fut)
            outcomes[i] = Outcome(shown, [], f"{shown}: error: the Dask worker checking this page failed ({why})")
            tick(1)


def _failure(fut) -> str:
    """Why a task failed, in a word ('KilledWorker': its worker died every time it ran it)."""
    try:
        exc = fut.exception(timeout=5)
    except Exception as e:  # noqa: BLE001 - the reason is only said, never needed
        exc = e
    return type(exc).__name__ if exc is not None else "cancelled"
