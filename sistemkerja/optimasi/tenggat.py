"""One deadline for a whole run: time limit, cancel token and progress reports.

:class:`Tenggat` is made once in :func:`~sistemkerja.optimasi.optimasi` from
``batas_waktu`` and handed down to every stage (relaxation, heuristics, branch-and-bound,
the elastic explanation); a stage that may use only part of the time takes
:meth:`Tenggat.share`. The same object carries the cancel token (:class:`Batal` or a
``threading.Event``) and the progress callback, so a widget's "Berhenti" button and its
live progress reach every solver loop.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


class TokenBatal(Protocol):
    """Anything with ``is_set()``: :class:`Batal` or :class:`threading.Event`."""

    def is_set(self) -> bool:
        """Whether cancelling was asked for."""
        ...


class Batal:
    """A cancel token: the caller's thread calls :meth:`set`, the solve stops soon after.

    A thin wrapper of :class:`threading.Event` (which may be passed instead).
    """

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        """Ask the running solve to stop and return its best plan so far."""
        self._event.set()

    def is_set(self) -> bool:
        """Whether :meth:`set` was called."""
        return self._event.is_set()


#: Stage codes and their Indonesian labels (what a progress bar shows).
TAHAP: dict[str, str] = {
    "persiapan": "menyiapkan model",
    "relaksasi": "relaksasi LP (batas bawah)",
    "heuristik": "menyusun rencana awal",
    "cabang": "cabang-dan-batas",
    "penjelasan": "mencari penyebab ketidaklayakan",
    "selesai": "selesai",
}


@dataclass(frozen=True, slots=True)
class Kemajuan:
    """One progress report of a running solve.

    Attributes
    ----------
    tahap : str
        Stage code (a key of ``TAHAP``): ``relaksasi``, ``heuristik``, ``pemerataan``,
        ``cabang``, ``penjelasan``, ``selesai``, ...
    label : str
        The stage in Indonesian, for display.
    detik : float
        Wall-clock seconds since the run began (s).
    terbaik : float or None
        Objective of the best plan found so far in this stage (``None``: none yet).
    batas : float or None
        Best proven lower bound so far in this stage (``None``: none yet).
    bagian : str
        Which objective ``terbaik`` and ``batas`` measure: ``ej_maks`` (stage 1 of
        ``prioritas="pemerataan"``: the highest EJ) or ``tujuan`` (the weighted
        objective).
    """

    tahap: str
    label: str
    detik: float
    terbaik: float | None = None
    batas: float | None = None
    bagian: str = "tujuan"

    @property
    def celah(self) -> float | None:
        """Relative gap of ``terbaik`` to ``batas`` (fraction), when both are known."""
        if self.terbaik is None or self.batas is None or not math.isfinite(self.batas):
            return None
        return max(0.0, self.terbaik - self.batas) / max(abs(self.terbaik), 1e-9)


Progress = Callable[[Kemajuan], None]

#: Label prefix per objective measured (``Kemajuan.bagian``).
BAGIAN: dict[str, str] = {"ej_maks": "tahap 1 (EJ tertinggi): ", "tujuan": ""}

GRACE = 5.0
"""Seconds past the limit after which a solver still running is stopped by force."""
POLL = 0.2
"""Seconds between two looks at the clock and the cancel token while a solver runs."""


class Tenggat:
    """The time limit of a run, with its cancel token and progress callback.

    Parameters
    ----------
    batas_waktu : float
        Seconds from now (s); ``math.inf`` for no limit.
    batal : TokenBatal, optional
        Cancel token (:class:`Batal` or :class:`threading.Event`).
    progress : callable, optional
        Called with a :class:`Kemajuan` at least once a second while a solver runs.

    Notes
    -----
    Times are ``time.perf_counter()`` values. A share (:meth:`share`) ends earlier but
    keeps the run's start, token, callback and hard end (limit + ``GRACE``).
    """

    __slots__ = ("_last", "_state", "akhir", "batal", "keras", "mulai", "progress", "sabar")

    def __init__(
        self,
        batas_waktu: float,
        *,
        batal: TokenBatal | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.mulai = time.perf_counter()
        self.akhir = self.mulai + batas_waktu
        self.keras = self.akhir + GRACE
        self.batal = batal
        self.progress = progress
        self.sabar: float | None = None
        self._last = [-math.inf]  # shared with shares: time of the last report
        self._state = ["persiapan", "tujuan"]  # the stage last reported, the objective

    def share(self, fraction: float, *, sabar: bool = False) -> Tenggat:
        """Return a deadline ending after ``fraction`` of the time left (0–1).

        With ``sabar`` ("patient") a solver run that has found no plan yet may go on
        past the share, up to this deadline's own end (:func:`run_highs` stops it at the
        share once it has a plan).
        """
        child = object.__new__(Tenggat)
        child.mulai, child.keras = self.mulai, self.keras
        child.batal, child.progress = self.batal, self.progress
        child._last, child._state = self._last, self._state
        child.akhir = min(self.akhir, time.perf_counter() + fraction * self.remaining())
        child.sabar = self.akhir if sabar else None  # sub-stages are not patient
        return child

    def until(self, seconds: float) -> Tenggat:
        """Return a deadline ending after at most ``seconds`` more (s)."""
        child = self.share(1.0)
        child.akhir = min(child.akhir, time.perf_counter() + max(0.0, seconds))
        return child

    def remaining(self) -> float:
        """Seconds left (s, ≥ 0)."""
        return max(0.0, self.akhir - time.perf_counter())

    def remaining_without_plan(self) -> float:
        """Seconds a run that has no plan yet may still use (s; the patient end, if any)."""
        end = self.akhir if self.sabar is None else max(self.akhir, self.sabar)
        return max(0.0, end - time.perf_counter())

    def elapsed(self) -> float:
        """Seconds since the run began (s)."""
        return time.perf_counter() - self.mulai

    def cancelled(self) -> bool:
        """Whether the user asked to stop."""
        return self.batal is not None and self.batal.is_set()

    def expired(self) -> bool:
        """Whether the time is up or the user asked to stop."""
        return self.cancelled() or time.perf_counter() >= self.akhir

    def overdue(self) -> bool:
        """Whether a solver must be stopped by force: cancelled, or past limit + grace."""
        return self.cancelled() or time.perf_counter() >= self.keras

    def tahap(self, code: str) -> None:
        """Enter a stage and report it at once."""
        self._state[0] = code
        self.lapor(force=True)

    def bagian(self, objective: str) -> None:
        """Say which objective the next reports measure: ``ej_maks`` or ``tujuan``."""
        self._state[1] = objective

    def lapor(
        self, terbaik: float | None = None, batas: float | None = None, *, force: bool = False
    ) -> None:
        """Report progress (at most about every ``POLL`` s unless ``force``)."""
        if self.progress is None:
            return
        now = time.perf_counter()
        if not force and now - self._last[0] < POLL:
            return
        self._last[0] = now
        code, part = self._state
        label = BAGIAN.get(part, "") + TAHAP.get(code, code)
        self.progress(Kemajuan(code, label, now - self.mulai, terbaik, batas, part))
