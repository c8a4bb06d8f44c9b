"""Running a sweep's scenarios on Dask distributed: the only module importing Dask.

By default a :class:`~distributed.LocalCluster` sized to the machine: one worker process
per core, one thread each (every solve uses one solver thread, so N workers on N cores
do not oversubscribe), its HTTP routes on a free local port (never a fixed 8787 that
another cluster may hold). With ``scheduler="tcp://host:8786"`` the same scenarios go to
an existing cluster, whose workers must have sistemkerja installed.

The base plan is scattered to the workers once; each task gets the plan, a scenario and
the solver settings, and returns a :class:`~sistemkerja.sapuan.kerja.HasilSkenario`
(data, with the rendered files as bytes): workers never open the caller's files. A
worker that dies loses only the scenario it was running, which the scheduler runs again
on another worker (up to ``distributed.scheduler.allowed-failures`` times, 3 by
default); a scenario that keeps killing workers comes back as a failed result.
Dask is imported only when a sweep needs workers (``import distributed`` takes ~0,6 s).
"""

from __future__ import annotations

import heapq
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.skenario import PengaturanSolver, Skenario
from sistemkerja.sapuan.kerja import GALAT, HasilSkenario, jalankan_skenario

__all__ = [
    "Antrian",
    "AntrianLokal",
    "alasan_gagal",
    "jumlah_pekerja",
    "klien",
    "panaskan",
    "peta_skenario",
]


def jumlah_pekerja(pekerja: int | None = None) -> int:
    """Return the number of local workers: ``pekerja``, or the machine's cores.

    Parameters
    ----------
    pekerja : int, optional
        Requested workers (≥ 1).

    Raises
    ------
    ValueError
        If ``pekerja`` is below 1.
    """
    if pekerja is None:
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    if isinstance(pekerja, bool) or not isinstance(pekerja, int) or pekerja < 1:
        raise ValueError(f"jumlah pekerja harus bilangan bulat minimal 1, bukan {pekerja!r}")
    return pekerja


LOKAL: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}
"""Dask settings of the local cluster :func:`klien` starts (an existing cluster keeps its
own). Every solve is one task of about the same length, all sent at once, on as many
single-thread workers as cores: nothing is left for work stealing to balance, and the
workers' statistical profiler (a stack sample every 10 ms) and fast monitors only take
CPU from the solves — measured in ``benchmarks/sapuan.py``."""


PRAMUAT = ("distributed", "sistemkerja.sapuan.kerja", "sistemkerja.sapuan.klaster")
"""Modules a local cluster's worker processes start with already imported (forkserver)."""


def _cara_mulai() -> dict[str, str]:
    """Start the local workers from a forkserver that has imported the optimiser once.

    With Dask's default (``spawn``) every nanny and every worker is a fresh interpreter
    that imports distributed, then the optimiser, on the same cores the first solves
    need: about a second per worker on two cores (``benchmarks/sapuan.py``). A
    forkserver imports :data:`PRAMUAT` once and forks each process from it. Where the
    platform has no forkserver (Windows) Dask's default stays.
    """
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return {}
    import dask
    from distributed.utils import get_mp_context

    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        ctx = get_mp_context()  # Dask's own preload first, set once per process
    ctx.set_forkserver_preload(list(PRAMUAT))
    return {"distributed.worker.multiprocessing-method": "forkserver"}


@contextmanager
def klien(pekerja: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """Open a Dask client: on a new local cluster, or on an existing scheduler.

    Parameters
    ----------
    pekerja : int, optional
        Local worker processes [the machine's cores]; ignored with ``scheduler``.
    scheduler : str, optional
        Address of an existing scheduler (``tcp://host:8786``).

    Yields
    ------
    distributed.Client
        Closed (and the local cluster shut down) on leaving.

    Raises
    ------
    ConnectionError
        If the scheduler cannot be reached (message in Indonesian).
    """
    import dask
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise ConnectionError(
                f"scheduler Dask '{scheduler}' tidak dapat dihubungi: {exc}. Periksa alamatnya "
                "(mis. tcp://host:8786) dan bahwa 'dask scheduler' berjalan"
            ) from exc
        try:
            yield client
        finally:
            client.close()
        return
    with dask.config.set({**LOKAL, **_cara_mulai()}):
        cluster = LocalCluster(
            n_workers=jumlah_pekerja(pekerja),
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",  # its HTTP routes on a free local port, never 8787
            scheduler_kwargs={"dashboard": False},  # no Bokeh dashboard: it only takes CPU
            silence_logs=logging.CRITICAL,  # a worker closing with the cluster is not an error
        )
    try:
        client = Client(cluster)
        try:
            client.run(panaskan)  # every worker at once, before the first task waits for it
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def panaskan() -> None:
    """Import the optimiser and the result writers (on a worker, before its first task).

    Run on every new local worker at once, so the second worker's imports do not wait
    behind the first one's base-plan solve.
    """
    import sistemkerja.analisis.skenario
    import sistemkerja.laporan.xlsx
    import sistemkerja.optimasi
    import sistemkerja.sapuan.kerja  # noqa: F401


def alasan_gagal(exc: BaseException, apa: str) -> str:
    """Say in Indonesian why a task failed on the cluster.

    Parameters
    ----------
    exc : BaseException
        What ``future.result()`` raised.
    apa : str
        What the task was ("skenario", "unit" …).
    """
    if type(exc).__name__ == "KilledWorker":
        return (
            f"pekerja Dask mati berulang kali saat menjalankan {apa} ini "
            f"(kehabisan memori?); {apa} lain tidak terpengaruh"
        )
    return f"gagal di klaster Dask: {type(exc).__name__}: {exc}"


def peta_skenario(
    client: Any,
    plan: Rencana,
    tugas: Sequence[tuple[int, Skenario, str]],
    pengaturan: PengaturanSolver,
    *,
    dokumen: bool = True,
    acuan: Alokasi | None = None,
    dikirim: Callable[[list[Any]], None] | None = None,
) -> Iterator[tuple[int, HasilSkenario]]:
    """Run scenarios on a Dask client; yield each result as soon as it is done.

    Parameters
    ----------
    client : distributed.Client
        The client (:func:`klien`).
    plan : Rencana
        The base plan, scattered to every worker once.
    tugas : sequence of (int, Skenario, str)
        Position, scenario and cache key of each scenario to run.
    pengaturan : PengaturanSolver
        Solver settings.
    dokumen : bool
        Render each scenario's result workbook and report on the worker.
    acuan : Alokasi, optional
        The base plan's allocation (see :func:`~sistemkerja.sapuan.kerja.jalankan_skenario`),
        scattered once like the plan.
    dikirim : callable, optional
        Called with the list of futures once they are submitted (e.g.
        ``distributed.progress`` in a notebook).

    Yields
    ------
    (int, HasilSkenario)
        Position and result, in the order they finish. A scenario whose task failed
        (its workers kept dying, or the cluster lost it) yields a :data:`GALAT` result.

    Notes
    -----
    Leaving the generator early (an interrupt) cancels the scenarios not yet done.
    """
    from distributed import as_completed

    if not tugas:
        return
    plan_future = client.scatter(plan, broadcast=True, hash=False)
    acuan_future = None if acuan is None else client.scatter(acuan, broadcast=True, hash=False)
    futures = []
    where: dict[str, tuple[int, Skenario, str]] = {}
    for i, skenario, key in tugas:
        future = client.submit(
            jalankan_skenario,
            plan_future,
            skenario,
            pengaturan,
            dokumen=dokumen,
            kunci_skenario=key,
            acuan=acuan_future,
            key=f"skenario-{i:03d}-{key[:16]}",
            pure=False,
        )
        futures.append(future)
        where[future.key] = (i, skenario, key)
    if dikirim is not None:
        dikirim(futures)
    try:
        for future in as_completed(futures):
            i, skenario, key = where[future.key]
            try:
                hasil = future.result()
            except Exception as exc:  # KilledWorker, a lost scheduler, …
                why = alasan_gagal(exc, "skenario")
                hasil = HasilSkenario(
                    nama=skenario.nama,
                    kunci=key,
                    status=GALAT,
                    keterangan=why,
                    masalah=(repr(exc),),
                )
            yield i, hasil
    finally:
        client.cancel([f for f in futures if not f.done()])


class Antrian:
    """Tasks on a Dask client, yielded as they finish; more may be sent meanwhile.

    Parameters
    ----------
    client : distributed.Client
        The client (:func:`klien`).

    Notes
    -----
    Iterating yields ``(label, result, None)`` or ``(label, None, exception)`` for each
    task in the order they finish, including tasks sent while iterating, until none is
    left. Leaving the iteration early cancels the tasks not yet done.
    """

    def __init__(self, client: Any) -> None:
        from distributed import as_completed

        self._client = client
        self._done = as_completed()
        self._label: dict[str, Any] = {}
        self._futures: list[Any] = []

    def sebar(self, value: Any) -> Any:
        """Send ``value`` to the workers once; pass what this returns to :meth:`kirim`."""
        return self._client.scatter(value, hash=False)

    def kirim(
        self,
        label: Any,
        fn: Callable[..., Any],
        /,
        *args: Any,
        prioritas: int = 0,
        **kwargs: Any,
    ) -> None:
        """Run ``fn(*args, **kwargs)`` on a worker; ``label`` comes back with its result.

        A task of higher ``prioritas`` starts before the waiting tasks of lower one (equal:
        in the order sent), e.g. a repair before the rest of the first round.
        """
        n = len(self._futures)
        future = self._client.submit(
            fn,
            *args,
            key=f"tugas-{n:05d}-{fn.__name__}",
            pure=False,
            priority=prioritas,
            **kwargs,
        )
        self._label[future.key] = label
        self._futures.append(future)
        self._done.add(future)

    def __iter__(self) -> Iterator[tuple[Any, Any, BaseException | None]]:
        try:
            for future in self._done:
                label = self._label.pop(future.key)
                try:
                    result = future.result()
                except Exception as exc:  # KilledWorker, a crash in the task, …
                    yield label, None, exc
                else:
                    yield label, result, None
                future.release()
        finally:
            self._client.cancel([f for f in self._futures if not f.done()])


class AntrianLokal:
    """The same interface as :class:`Antrian`, run in this process one task at a time.

    For small ministries and for ``pekerja=0``: no cluster to start, results in order.
    """

    def __init__(self) -> None:
        self._todo: list[tuple[int, int, Any, Callable[..., Any], tuple, dict[str, Any]]] = []
        self._sent = 0

    def sebar(self, value: Any) -> Any:
        """Return ``value`` (nothing to send)."""
        return value

    def kirim(
        self,
        label: Any,
        fn: Callable[..., Any],
        /,
        *args: Any,
        prioritas: int = 0,
        **kwargs: Any,
    ) -> None:
        """Queue ``fn(*args, **kwargs)``; it runs when the iteration reaches it.

        Higher ``prioritas`` first, then in the order sent (as :meth:`Antrian.kirim`).
        """
        heapq.heappush(self._todo, (-prioritas, self._sent, label, fn, args, kwargs))
        self._sent += 1

    def __iter__(self) -> Iterator[tuple[Any, Any, BaseException | None]]:
        while self._todo:
            _p, _n, label, fn, args, kwargs = heapq.heappop(self._todo)
            try:
                result = fn(*args, **kwargs)
            except Exception as exc:
                yield label, None, exc
            else:
                yield label, result, None
